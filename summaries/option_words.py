"""Words typed as command-line options inside a query (``harbour -strike``): one reading
for the bot's commands and ``briefing search``. A search cannot leave a word out (every
word must match), so such a word is refused rather than looked for as it is; inside
double quotes a dash is part of a phrase, and read as the search reads it."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

CURLY_QUOTES = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\uff02": '"'}
)
# A word typed as a command-line option: --name, -name, or —name / –name (a phone's
# autocorrect of "--"); not a dash alone, a negative number or a hyphen inside a word.
_OPTION = re.compile(r"^(?:--?|[\u2013\u2014])[^\W\d_]")
# In a text to summarize, only one in lower case: a dash before a capital opens a line of
# dialogue ("—Nos vamos —dijo el capitán.", as Spanish writes it), not an option.
_PROSE_OPTION = re.compile(r"^(?:--?|[\u2013\u2014])[a-z]")
TYPOGRAPHIC_DASHES = "\u2013\u2014"
# The options command-line tools commonly take: after an em or en dash, an option to the
# bot's commands and to briefing search alike (a phone's "--"), not a word of a sentence.
COMMON_OPTIONS = frozenset(
    ("all", "force", "help", "verbose", "quiet", "yes", "limit", "json", "debug", "version")
)
_OPTION_NAME = re.compile(r"[\w-]*")
_QUOTED = re.compile(r'"[^"]*"?')
_WORD = re.compile(r"\S+")


def option_word(text: str, *, first_only: bool = False, known: Collection[str] = ()) -> str | None:
    """The first word of ``text`` outside double quotes that is typed as a command-line
    option (``--limit``, ``-cyber``, ``—force``): commands take none, and a search cannot
    leave a word out, so such a word would be looked for, or followed, as it is.
    ``first_only`` checks only the first word (in a pasted article, dashes are the
    writer's), and takes it for an option only in lower case.

    A word after an em or en dash (``—the``) is an option only when ``known`` holds it
    (lower case): a phone turns a typed "--" into such a dash, but so does a person
    writing a sentence ("brief —the war"), and only a name the bot itself uses tells
    the two apart (see ``bot.commands.parse.glued_dashes_dropped``)."""
    words = [found[0] for found in _words_outside_quotes(text)]
    option = _PROSE_OPTION if first_only else _OPTION
    for word in words[:1] if first_only else words:
        if not option.match(word):
            continue
        if word[0] not in TYPOGRAPHIC_DASHES or option_name(word) in known:
            return word
    return None


def dash_dropped(text: str, word: str) -> str:
    """``text`` with the dashes opening ``word`` (its first word outside double quotes
    that is ``word``, as :func:`option_word` found it) left out: ``e-strike -strike`` ->
    ``e-strike strike``."""
    for found in _words_outside_quotes(text):
        if found[0] == word:
            kept = word.lstrip("-" + TYPOGRAPHIC_DASHES) or word
            return text[: found.start()] + kept + text[found.end() :]
    return text


def _words_outside_quotes(text: str) -> Iterator[re.Match[str]]:
    """The words of ``text`` outside double quotes (curly ones too), where they stand."""
    blanked = _QUOTED.sub(lambda quoted: " " * len(quoted[0]), text.translate(CURLY_QUOTES))
    return _WORD.finditer(blanked)


def option_name(word: str) -> str:
    """``--Force`` -> ``force``, ``—limit=5`` -> ``limit``: the name an option word gives
    (its letters, digits and inner hyphens, up to a value or a mark)."""
    name = _OPTION_NAME.match(word.lstrip("-" + TYPOGRAPHIC_DASHES))
    return name.group().rstrip("-").casefold() if name else ""
