"""What a new source is: fetched once and read the way ingest will read it.

``sources add URL`` without a kind fetches the address and asks :func:`readable_kind`
(in a worker process: a big feed or page is seconds of CPU) whether it is a feed, or a
page with an article in it. What ingest would refuse (an image served as text/html, a
page with no text) is refused now, with the reason, rather than failing at every read.
A page its server labels as a feed is a page, as ingest will read it (see
``Accept.pages_labelled``).
"""

from __future__ import annotations

from dataclasses import replace

from summaries.errors import BinaryInputError, BriefingError
from summaries.reading import is_binary
from summaries.sources._alternate import FEEDS_TRIED, named_feeds
from summaries.sources._jsonfeed import JsonFeedError
from summaries.sources._urls import is_home_page
from summaries.sources.collect import Run
from summaries.sources.errors import SourceError, named_feed_failed
from summaries.sources.feeds import parse_feed
from summaries.sources.http import ARTICLE, FEED, Accept, Fetcher, FetchResult
from summaries.sources.pages import article_from_result

FEED_OR_PAGE = Accept(
    FEED.types | ARTICLE.types, f"{FEED.header}, text/html;q=0.5", "a feed or a page"
)
BINARY = (
    "That address serves binary data (an image or a download, say), not a feed or a page "
    "with an article: it was not added."
)
EMPTY = (
    "That address answered with an empty page: there is no feed or article there to follow, "
    "so it was not added."
)


async def probe_kind(
    fetcher: Fetcher, url: str, run: Run, *, max_entries: int | None = None
) -> tuple[str, str]:
    """What to follow at ``url``, fetched through ``fetcher`` and read in ``run`` (a feed's
    newest ``max_entries`` entries at most, as ingest reads it): ``(address, kind)``.

    The kind is "feed" or "page", and the address ``url``; but a site's home page, or a
    page with no article to read, that names its feed in its head is followed by that
    feed (the first it names that reads as one): its new stories, not the page, are what
    a reader of the site means to follow. Raises the fetcher's errors (a refused private
    address, a timeout, a 404...) and SourceError when the answer is neither a feed nor a
    readable page.
    """
    result = await fetcher.get(url, accept=FEED_OR_PAGE)
    try:
        kind: str | None = await run(readable_kind, result, max_entries)
    except SourceError as error:
        kind, refusal = None, error
    if kind == "feed":
        return url, kind
    failed: BriefingError | None = None  # why the first feed the page names failed
    if kind is None or is_home_page(result.url):
        for feed in named_feeds(result.body, result.url)[:FEEDS_TRIED]:
            why = await _why_no_feed(fetcher, feed, run, max_entries)
            if why is None:
                return feed, "feed"
            failed = failed or why
    if kind is None:
        raise refusal if failed is None else named_feed_failed(refusal, failed)
    return url, kind


async def _why_no_feed(
    fetcher: Fetcher, url: str, run: Run, max_entries: int | None
) -> BriefingError | None:
    """Why the address a page names as its feed answers with none (it fails, points
    inside a private network, or is a page); None when it answers with a feed."""
    try:
        result = await fetcher.get(url, accept=FEED)
        if await run(readable_kind, result, max_entries) == "feed":
            return None
    except BriefingError as error:
        return error
    return SourceError(f"The address {url} is no feed: it is a web page.")


def readable_kind(result: FetchResult, max_entries: int | None = None) -> str:
    """The kind: "feed" if ``result`` parses as one, "page" if ingest can read an article.

    With ``max_entries``, a feed is read as ingest reads it, cut to its newest entries
    first: a feed of 50,000 is known as a feed without parsing every one.
    """
    from summaries.summarize import article_texts

    if not result.body.strip():  # whatever its label: nothing to read as a feed or a page
        raise SourceError(EMPTY)
    try:
        parse_feed(result.body, result.url, result.content_type_header, max_entries)
    except SourceError as error:
        not_a_feed = error
    else:
        return "feed"
    kind = ARTICLE.read_as(result.content_type, result.body)  # a page labelled as a feed...
    if kind is None and is_binary(result.body):  # a download labelled as one
        raise SourceError(BINARY)
    if kind is None and isinstance(not_a_feed, JsonFeedError):  # what is wrong with it
        raise SourceError(f"{not_a_feed} It was not added.")
    if kind is None:
        raise SourceError(
            f"That address serves {result.content_type} that is not an RSS, Atom or JSON "
            "feed, and not a web page: it was not added."
        )
    result = replace(result, content_type=kind)  # ...is read as the page it is
    try:
        article_texts(article_from_result(result))  # what ingest stores and briefs
    except BinaryInputError:
        raise SourceError(BINARY) from None
    except BriefingError as error:
        raise SourceError(
            f"That address is not a feed, and its page cannot be read as an article: {error}"
        ) from None
    return "page"
