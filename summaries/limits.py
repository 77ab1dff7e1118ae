"""How much text one article may hold: the bound every reader of articles shares."""

MAX_TEXT_CHARS = 2_000_000  # more is not one article: refused with a clear message
