"""A teaser stored from its feed's text, read from its page when that answers later.

When a teaser's page fails for good, its entry is stored from the feed's own text if that
tells the news on its own (see ``FeedReading._page_failed``). The page may answer later (a
story taken down and put back, a 404 while it was being published). While the entry is still in
the feed and dated within the story window, each read of the whole feed asks for the page
once more, and an article the page gives that is fuller than the stored one replaces its
text and briefing in place: the same article and story, so a digest that posted it does
not post it again. Its address becomes the page's (see
:func:`summaries.sources._urls.reader_address`; the feed's link is kept as an alias), unless
another article is stored there already.

What bounds the tries: only an entry dated within the window (as for a page that fails for
a while; an undated one gives no bound, and is not tried); only when the feed is read whole
(one answered "not modified" holds nothing new to read); only while the stored text holds
no more than the feed's (once upgraded, never again); and only at widening intervals from
when the article was stored (:func:`try_due`: 15 minutes, 30, an hour, two... about nine
tries within a 72-hour window), not at every read of a feed read every few minutes: a page
that stays gone, or that answers with no more than the feed says (a paywall's first
paragraph), is not asked for at every read. A failed try is said nowhere and changes
nothing: the feed's text stays. Nor does a page the link now leads to that is the site's
home page or the story's section (:func:`moved_up`): where sites send a story taken down.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from summaries.models import Article, StoredArticle
from summaries.sources import FeedEntry
from summaries.sources._urls import moved_up
from summaries.words import text_weight

__all__ = ["from_feed_text", "is_fuller", "moved_up", "try_due"]

FIRST_TRY = timedelta(minutes=15)  # after the article was stored; each next one twice as late


def try_due(stored_at: datetime, previous_read: datetime | None, now: datetime) -> bool:
    """Whether a try of the page falls due between the feed's previous read and ``now``:
    tries are due ``FIRST_TRY`` after ``stored_at``, then twice, four times... as long
    after it (the source's and the article's times say when: nothing else is kept)."""
    since = max(previous_read or stored_at, stored_at)
    wait = FIRST_TRY
    while stored_at + wait <= since:
        wait *= 2
    return stored_at + wait <= now


def from_feed_text(stored: StoredArticle | None, entry: FeedEntry) -> bool:
    """Whether ``stored``, the article at the entry's own link, holds no more than the
    entry's feed text: it was stored from it (an article read from a page is fuller, or
    stored under the page's canonical address)."""
    return stored is not None and text_weight(stored.text) <= text_weight(entry.text)


def is_fuller(article: Article, stored: StoredArticle) -> bool:
    """Whether ``article`` (read from the page) holds more text than ``stored``."""
    return text_weight(article.text) > text_weight(stored.text)
