"""A teaser stored from its feed's text, read from its page when that answers later.

When a teaser's page fails for good, its entry is stored from the feed's own text if that
tells the news on its own (see ``Ingest._page_failed``). The page may answer later (a story
taken down and put back, a 404 while it was being published). While the entry is still in
the feed and dated within the story window, each read of the whole feed asks for the page
once more, and an article the page gives that is fuller than the stored one replaces its
text and briefing in place: the same article and story, so a digest that posted it does
not post it again.

What bounds the tries: only an entry dated within the window (as for a page that fails for
a while; an undated one gives no bound, and is not tried); only when the feed is read whole
(one answered "not modified" holds nothing new to read); only while the stored text holds
no more than the feed's (once upgraded, never again); and a failed try is said nowhere and
changes nothing: the feed's text stays.
"""

from __future__ import annotations

from summaries.models import Article, StoredArticle
from summaries.sources import FeedEntry


def from_feed_text(stored: StoredArticle | None, entry: FeedEntry) -> bool:
    """Whether ``stored``, the article at the entry's own link, holds no more than the
    entry's feed text: it was stored from it (an article read from a page is fuller, or
    stored under the page's canonical address)."""
    return stored is not None and _letters(stored.text) <= _letters(entry.text)


def is_fuller(article: Article, stored: StoredArticle) -> bool:
    """Whether ``article`` (read from the page) holds more text than ``stored``."""
    return _letters(article.text) > _letters(stored.text)


def _letters(text: str) -> int:
    """How much text ``text`` holds: its letters and digits, spaced or not."""
    return sum(map(str.isalnum, text))
