"""A site's home page given for its feed is read through the feed its head names, however
the page writes its attributes: double quotes, single quotes, or none at all (as HTML
minifiers leave them) (real fetcher, feedparser and store, against a feed server on
loopback, through the `briefing` command line)."""

from __future__ import annotations

import pytest

from summaries.cli import EXIT_OK
from summaries.samples import sample_articles
from tests.fakes.feed_server import rss
from tests.test_ingest import briefing, html_page, server, stored, write_config

__all__ = ["server"]  # the fixture
PORT = sample_articles()[0]


@pytest.mark.parametrize(
    "link",
    [
        '<link rel="alternate" type="application/rss+xml" title="Coastal Times" href="/feed.xml">',
        "<link rel='alternate' type='application/rss+xml' title='Coastal Times' href='/feed.xml'>",
        "<link rel=alternate type=application/rss+xml title=\"Coastal Times\" href=/feed.xml>",
    ],
    ids=["double-quoted", "single-quoted", "unquoted"],
)
def test_a_home_page_given_for_a_feed_is_read_through_the_feed_it_names(server, tmp_path, link):
    home = f"<!doctype html><html><head><title>Coastal Times</title>{link}</head><body>"
    home += "<h1>Coastal Times</h1><p>Today's news.</p></body></html>"
    server.route("/", home, "text/html")
    feed = rss("Coastal Times", [(PORT.title, "/news/port", PORT.text)])
    server.route("/feed.xml", feed, "application/rss+xml")
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/")}"]\n')
    code, out = briefing(config, "ingest", "--all")
    assert (code, out.strip()) == (EXIT_OK, "1 source: 1 fetched, 1 new, 0 updated, 0 failed")
    with stored(config) as store:
        assert [t for (t,) in store.execute("SELECT title FROM articles")] == [PORT.title]


@pytest.mark.parametrize(
    "refresh",
    [
        "<meta http-equiv='refresh' content='0; url=/news/port'>",
        "<meta http-equiv=refresh content=\"0; url=/news/port\">",
    ],
    ids=["single-quoted", "unquoted"],
)
def test_a_teasers_page_that_moves_by_meta_refresh_is_followed(server, tmp_path, refresh):
    """An entry's link to a page that sends its reader on (a short-link or moved page): the
    article is read where it leads, however the page quotes its attributes."""
    server.route("/go/port", f"<html><head>{refresh}</head><body></body></html>", "text/html")
    server.route("/news/port", html_page(PORT.title, PORT.text), "text/html")
    teaser = "The port reopened on Monday after a week..."
    server.route("/rss", rss("Coastal Times", [(PORT.title, "/go/port", teaser)]))
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    code, out = briefing(config, "ingest", "--all")
    assert (code, out.strip()) == (EXIT_OK, "1 source: 1 fetched, 1 new, 0 updated, 0 failed")
    assert server.paths() == ["/rss", "/go/port", "/news/port"]
    with stored(config) as store:
        assert [u for (u,) in store.execute("SELECT url FROM articles")] == [
            server.url("/news/port")
        ]
