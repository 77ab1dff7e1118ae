"""An item that a feed service passed on under its own address (FeedBurner's
feedproxy.google.com, whose links no longer lead anywhere) and that states the story's
original address (``feedburner:origLink``) is read and stored at the original (real
fetcher, feedparser, pool, SQLite, against a feed server on loopback, through the
`briefing` command line)."""

from __future__ import annotations

import logging
from xml.sax.saxutils import escape

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


def _with_original(server, original: str, title: str = "Port reopens") -> str:
    return (
        FEEDBURNER.replace("{base}/news/port", original)
        .replace("Port reopens", title)
        .replace("{base}", server.url(""))
    )


@pytest.mark.parametrize(
    "original",
    ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<p>hi</p>", "mailto:a@b.c"],
)
def test_an_original_that_is_no_web_address_is_passed_over(server, original):
    from tests.test_feed_quirks import read

    server.route("/rss", _with_original(server, escape(original)), "application/rss+xml")
    (entry,) = read(server, "/rss").entries
    assert entry.link == "http://feedproxy.google.com/~r/harbourwire/~3/x1Yz/"


def test_a_relative_original_is_read_against_the_feeds_address(server):
    from tests.test_feed_quirks import read

    server.route("/news/rss", _with_original(server, "port"), "application/rss+xml")
    (entry,) = read(server, "/news/rss").entries
    assert entry.link == server.url("/news/port")


@pytest.mark.parametrize(
    "original", ["http://10.20.30.40/news/port", "http://localhost:9/news/port", "{base}/away"]
)
def test_an_original_inside_a_private_network_is_refused_once(server, tmp_path, original):
    server.redirect("/away", "http://192.168.1.20/news/port")
    server.route("/rss", _with_original(server, original), "application/rss+xml")
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    code, out = briefing(config, "ingest", "--all")
    assert out.strip().splitlines()[-1] == "1 source: 0 fetched, 0 new, 0 updated, 1 failed", out
    assert "Port reopens: That address " in out and "private network" in out
    code, out = briefing(config, "ingest", "--all")
    assert (code, out.strip().splitlines()[-1]) == (
        EXIT_OK,
        "1 source: 0 fetched, 0 new, 0 updated, 0 failed",
    ), out
    assert server.paths().count("/away") == (1 if original.startswith("{base}") else 0)


@pytest.mark.parametrize("field", ["link", "feedburner:origLink", "guid", "guid alone"])
def test_a_link_with_credentials_is_never_shown(server, tmp_path, caplog, field):
    caplog.set_level(logging.DEBUG)
    secret = server.url("/news/port").replace("//", "//editor:hunter2@")
    proxy = server.url("/proxy/port")  # the feed service's own address
    links = {"guid": secret} if field == "guid alone" else {"link": proxy, field: secret}
    item = "".join(f"<{name}>{escape(url)}</{name}>" for name, url in links.items())
    feed = FEEDBURNER.split("<item>")[0] + f"<item>{item}<description>Quay news</description>"
    server.route("/rss", feed + "</item></channel></rss>", "application/rss+xml")
    server.route("/news/port", html_page(PORT.title, PORT.text), "text/html")
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    _, out = briefing(config, "ingest", "--all")
    assert "hunter2" not in out + caplog.text
    with stored(config) as store:
        assert "hunter2" not in str(list(store.execute("SELECT url FROM articles")))
