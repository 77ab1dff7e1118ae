"""Reading a feed source end to end: a conditional fetch, the parse, and one article per
entry, following teasers to their pages for the full text.

Parsing and extraction are CPU work: they go through ``run`` (``run(function, *args)``
returning an awaitable), by default a worker thread (``asyncio.to_thread``). Ingest may
pass a process pool instead, e.g. ``functools.partial(loop.run_in_executor, pool)``; the
functions and their arguments are plain module-level functions and values, so they pickle.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from summaries.errors import BriefingError
from summaries.models import Article
from summaries.sources._alternate import FEEDS_TRIED, named_feeds
from summaries.sources._urls import site_of
from summaries.sources.errors import SourceError, named_feed_failed
from summaries.sources.feeds import Feed, FeedEntry, entry_article, is_teaser, parse_feed
from summaries.sources.http import ARTICLE, FEED, Fetcher, FetchResult
from summaries.sources.pages import PageReading, read_result

Run = Callable[..., Awaitable[Any]]


@dataclass(frozen=True, slots=True)
class FeedUpdate:
    """The outcome of reading a feed: unchanged (304), or its parsed entries."""

    url: str  # final address, after redirects
    feed: Feed | None  # None when not modified
    etag: str | None  # validators to keep for the next read
    last_modified: str | None
    moved_to: str | None = None  # where the feed has moved for good (301 / 308)

    @property
    def not_modified(self) -> bool:
        return self.feed is None


async def fetch_feed(
    fetcher: Fetcher,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_entries: int | None = None,
    run: Run = asyncio.to_thread,
) -> FeedUpdate:
    """Fetch (conditionally) and parse the feed at ``url``; FetchError or SourceError.

    With ``max_entries``, the feed holds only its newest entries, newest first. A web page
    answered in the feed's place is read through the feed it names (see ``_named_feed``).
    """
    result = await fetcher.get(url, etag=etag, last_modified=last_modified, accept=FEED)
    feed = None
    if not result.not_modified:
        kind = result.content_type_header
        try:
            feed = await run(parse_feed, result.body, result.url, kind, max_entries)
        except SourceError as refusal:
            named = await _named_feed(fetcher, result, max_entries, run)
            if isinstance(named, BriefingError):
                raise named_feed_failed(refusal, named) from None
            if named is None:
                raise refusal from None
            return named
    return FeedUpdate(result.url, feed, result.etag, result.last_modified, result.moved_to)


async def _named_feed(
    fetcher: Fetcher, page: FetchResult, max_entries: int | None, run: Run
) -> FeedUpdate | BriefingError | None:
    """The feed a web page served for a feed names in its head (a site's home page given
    for its feed), read in the page's place: the first of those it names that reads as a
    feed (one that fails, or points inside a private network, is passed over); when none
    does, why the first failed (the person who gave the page is told); None when it
    names none. It is read whole, and no validators are kept: they would be asked of the
    page next time, which may answer "not modified" while its feed has changed."""
    first: BriefingError | None = None
    for address in named_feeds(page.body, page.url)[:FEEDS_TRIED]:
        try:
            result = await fetcher.get(address, accept=FEED)
            kind = result.content_type_header
            feed = await run(parse_feed, result.body, result.url, kind, max_entries)
        except BriefingError as error:
            first = first or error
            continue
        return FeedUpdate(result.url, feed, None, None, page.moved_to)
    return first


async def article_for_entry(
    fetcher: Fetcher, entry: FeedEntry, feed: Feed, *, run: Run = asyncio.to_thread
) -> Article:
    """The entry's article: from the feed when it carries the text, else from its page.

    For a teaser, the page's extracted text replaces the teaser; the feed's own title,
    date, author and image are kept when given (feeds state them more reliably than page
    markup), the page's address is used (the one it declares, when that is on its own
    site: see :func:`summaries.sources._urls.reader_address`). The outlet is the feed's
    when the page says it is of the feed's site, else the page's own (an aggregator's
    feed, or a link that redirects to or mirrors another site, names the site the article
    is from), unless the page declares no name and the item names its outlet (an
    aggregator's <source>): a name beats a bare host. A page
    that cannot be fetched or has no readable text raises (FetchError,
    EmptyArticleError): ingest decides what is left of the entry (see ``is_temporary``,
    ``stands_alone``).
    """
    from_feed = entry_article(entry, feed)
    if not entry.link or not is_teaser(entry):
        return from_feed
    result = await fetcher.get(entry.link, accept=ARTICLE)
    reading: PageReading = await run(read_result, result)
    page = reading.article
    elsewhere = reading.site != site_of(feed.link or feed.url)
    named = page.source if page.source != reading.site else None  # not just its host
    credited = (named or entry.outlet or page.source) if elsewhere else None
    return Article(
        title=from_feed.title or page.title,
        text=page.text,
        url=page.url or from_feed.url,
        source=credited or from_feed.source or page.source,
        published=from_feed.published or page.published,
        author=from_feed.author or page.author,
        image=from_feed.image or page.image,
    )
