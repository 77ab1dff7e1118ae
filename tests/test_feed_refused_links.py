"""A teaser whose link the bot refuses to fetch (an address inside a private network, or
one that redirects there): said once, with the rest of the feed read, and then passed
over until its entry changes, since asking again would be refused again (real fetcher,
feedparser, pool, SQLite, against a feed server on loopback, through the `briefing`
command line)."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from summaries.cli import EXIT_OK
from summaries.samples import sample_articles
from tests.fakes.feed_server import FeedServer
from tests.test_ingest import briefing, html_page, stored, write_config
from tests.test_ingest_teaser_pages import BUSY_TEASER

PORT = sample_articles()[0]


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def _feed(items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<description>{BUSY_TEASER}</description></item>"
        for title, link in items
    )
    return f"<rss version='2.0'><channel><title>Harbour Wire</title>{entries}</channel></rss>"


def _ingest(config) -> tuple[int, str, str]:
    code, out = briefing(config, "ingest", "--all")
    return code, out, out.strip().splitlines()[-1]


@pytest.mark.parametrize(
    "link",
    [
        "http://10.20.30.40/news/fares",
        "http://[::1]:9/news/fares",
        "http://localhost:9/news/fares",
        "{base}/elsewhere",  # redirects into a private network
    ],
)
def test_a_refused_link_is_said_once_and_then_passed_over(server, tmp_path, link):
    server.redirect("/elsewhere", "http://192.168.1.20/news/fares")
    server.route("/news/port", html_page(PORT.title, PORT.text), "text/html")
    feed = _feed([("Ferry fares rise", link), ("Port reopens", "{base}/news/port")])
    server.route("/rss", feed, "application/rss+xml")
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')

    _, out, line = _ingest(config)
    assert line == "1 source: 1 fetched, 1 new, 0 updated, 1 failed"
    assert "Ferry fares rise: That address " in out and "private network" in out
    code, out, line = _ingest(config)  # (a failure with nothing new would fail the run)
    assert (code, line) == (EXIT_OK, "1 source: 0 fetched, 0 new, 0 updated, 0 failed"), out
    assert server.paths().count("/elsewhere") == (1 if link.startswith("{base}") else 0)
    with stored(config) as store:
        assert [t for (t,) in store.execute("SELECT title FROM articles")] == ["Port reopens"]
