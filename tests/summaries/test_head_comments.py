"""Comments in a page's head, read as browsers read them before any tag they hold: a
refresh or a feed link after one is the page's."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from summaries.sources import Fetcher
from summaries.sources._alternate import named_feeds
from tests.fakes.feed_server import FeedServer

STORY = (
    "The harbour bridge will close for six months from June while engineers replace its "
    "cables, the council said on Thursday. Extra ferries will run every fifteen minutes."
)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


def final_url(url: str) -> str:
    """Where one fetch of ``url`` ends, loopback allowed."""

    async def main() -> str:
        async with Fetcher(allow_hosts={"127.0.0.1"}, politeness=0.0) as fetcher:
            return (await fetcher.get(url)).url

    return asyncio.run(main())


def test_a_refresh_after_a_comment_naming_noscript_is_followed(server):
    """A "<noscript>" written inside a comment opens nothing: the refresh after that
    comment moves the page."""
    head = (
        "<!-- the <noscript> fallback was removed -->"
        '<meta http-equiv="refresh" content="0; url=/story">'
    )
    server.route("/story", f"<html><body><p>{STORY}</p></body></html>", "text/html")
    server.route("/short", f"<html><head>{head}</head><body>Moved</body></html>", "text/html")
    assert final_url(server.url("/short")) == server.url("/story")


@pytest.mark.parametrize("empty", ["<!-->", "<!--->"])
def test_an_empty_comment_written_short_hides_no_feed_after_it(empty):
    """Browsers end "<!-->" and "<!--->" where they stand: the feed link after one is the
    page's."""
    head = f'{empty}<link rel="alternate" type="application/rss+xml" href="/rss"><!-- end -->'
    body = f"<html><head>{head}</head><body>News.</body></html>".encode()
    assert named_feeds(body, "https://harbour.example/news/") == ["https://harbour.example/rss"]


@pytest.mark.parametrize(
    "head",
    [
        '<!--[if lte IE 9]><meta http-equiv="refresh" content="1;url=/old-browsers"><![endif]-->',
        '<!-- <meta http-equiv="refresh" content="0; url=/draft"> -->',
    ],
)
def test_a_refresh_inside_a_comment_is_not_followed(server, head):
    """A refresh for an old Internet Explorer only, in a conditional comment, or one
    commented out is a comment to any other browser: the page is read where it is."""
    page = f"<html><head>{head}<title>Ferries</title></head><body><p>News.</p></body></html>"
    server.route("/story", page, "text/html")
    assert final_url(server.url("/story")) == server.url("/story")
    assert server.paths() == ["/story"]


def test_a_refresh_shown_to_browsers_past_a_conditional_comment_is_followed(server):
    """Markup between ``<!--[if !IE]><!-->`` and ``<!--<![endif]-->`` is outside any
    comment: every browser but an old Internet Explorer reads it."""
    tag = '<!--[if !IE]><!--><meta http-equiv="refresh" content="0; url=/story"><!--<![endif]-->'
    server.route("/story", f"<html><body><p>{STORY}</p></body></html>", "text/html")
    server.route("/short", f"<html><head>{tag}</head><body>Moved</body></html>", "text/html")
    assert final_url(server.url("/short")) == server.url("/story")


def test_a_feed_named_inside_a_comment_is_not_a_feed_of_the_page():
    """A feed link commented out (or for an old Internet Explorer only) names no feed."""
    head = (
        '<!-- <link rel="alternate" type="application/rss+xml" href="/old.rss"> -->'
        '<!--[if IE]><link rel="alternate" type="application/atom+xml" href="/ie.atom">'
        '<![endif]--><link rel="alternate" type="application/rss+xml" href="/rss">'
    )
    body = f"<html><head>{head}</head><body>News.</body></html>".encode()
    assert named_feeds(body, "https://harbour.example/news/") == ["https://harbour.example/rss"]
