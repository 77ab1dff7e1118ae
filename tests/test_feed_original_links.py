"""An item that a feed service passed on under its own address (FeedBurner's
feedproxy.google.com, whose links no longer lead anywhere) and that states the story's
original address (``feedburner:origLink``) is read and stored at the original (real
fetcher, feedparser, pool, SQLite, against a feed server on loopback, through the
`briefing` command line)."""

from __future__ import annotations

import pytest

from summaries.cli import EXIT_OK
from summaries.samples import sample_articles
from tests.fakes.feed_server import FeedServer
from tests.test_ingest import briefing, html_page, stored, write_config

PORT = sample_articles()[0]
FEEDBURNER = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">'
    "<channel><title>Harbour Wire</title><link>{base}/</link>"
    "<item><title>Port reopens</title>"
    "<link>http://feedproxy.google.com/~r/harbourwire/~3/x1Yz/</link>"
    "<guid isPermaLink='false'>{base}/?p=101</guid>"
    "<description>The port reopens&#8230;</description>"
    "<feedburner:origLink>{base}/news/port</feedburner:origLink></item>"
    "</channel></rss>"
)


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def test_an_item_passed_on_by_a_feed_service_is_read_at_its_original_address(server, tmp_path):
    server.route("/rss", FEEDBURNER, "application/rss+xml")
    server.route("/news/port", html_page(PORT.title, PORT.text), "text/html")
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    code, out = briefing(config, "ingest", "--all")
    assert (code, out.strip().splitlines()[-1]) == (
        EXIT_OK,
        "1 source: 1 fetched, 1 new, 0 updated, 0 failed",
    ), out
    with stored(config) as store:
        ((url, text),) = store.execute("SELECT url, text FROM articles")
    assert url == server.url("/news/port")
    assert PORT.text.split("\n\n")[0] in text  # read from the page, not the feed's teaser
