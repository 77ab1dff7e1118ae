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
from tests.test_ingest_moved_entries import _config, _urls
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


def _guid_feed(link: str) -> str:
    return (
        "<rss version='2.0'><channel><title>Harbour Wire</title><item>"
        f"<title>Port reopens</title><guid isPermaLink='false'>story-1</guid>"
        f"<link>{escape(link)}</link><description>{BUSY_TEASER}</description>"
        "</item></channel></rss>"
    )


def test_an_entry_whose_refused_link_turns_public_is_read(server, tmp_path, location):
    server.route("/news/port", html_page(PORT.title, PORT.text), "text/html")
    server.route("/rss", _guid_feed("http://10.20.30.40/news/port"), "application/rss+xml")
    config = _config(tmp_path, location, server.url("/rss"))
    _, out = briefing(config, "ingest", "--all")
    assert "private network" in out and out.strip().endswith("1 failed"), out
    server.route("/rss", _guid_feed("{base}/news/port"), "application/rss+xml")
    code, out = briefing(config, "ingest", "--all")
    assert (code, out.strip().splitlines()[-1]) == (
        EXIT_OK,
        "1 source: 1 fetched, 1 new, 0 updated, 0 failed",
    ), out
    assert _urls(location) == [server.url("/news/port")]


@pytest.mark.parametrize("failure", ["503", "timeout"])
def test_a_page_that_fails_for_a_while_is_asked_again(server, tmp_path, location, failure):
    page = html_page(PORT.title, PORT.text)
    if failure == "503":
        server.route("/news/port", "Busy", "text/plain", status=503)
    else:
        server.route("/news/port", page, "text/html", delay=3)
    server.route("/rss", _guid_feed("{base}/news/port"), "application/rss+xml")
    config = _config(tmp_path, location, server.url("/rss"))
    config.write_text(config.read_text().replace("timeout = 5", "timeout = 1"))
    _, out = briefing(config, "ingest", "--all")
    server.route("/news/port", page, "text/html")
    code, out = briefing(config, "ingest", "--all")
    assert out.strip().splitlines()[-1] == "1 source: 1 fetched, 1 new, 0 updated, 0 failed", out
    assert server.paths().count("/news/port") == 2
    assert _urls(location) == [server.url("/news/port")]


def test_a_feed_whose_every_link_is_refused_says_so_for_each(server, tmp_path, location):
    links = [("Ferry fares rise", "http://10.0.0.1/a"), ("Port reopens", "http://[fd00::1]/b")]
    server.route("/rss", _feed(links), "application/rss+xml")
    config = _config(tmp_path, location, server.url("/rss"))
    code, out = briefing(config, "ingest", "--all")
    assert code != EXIT_OK
    assert out.strip().splitlines()[-1] == "1 source: 0 fetched, 0 new, 0 updated, 2 failed", out
    for title in ("Ferry fares rise", "Port reopens"):
        assert f"{title}: That address points inside a private network" in out
