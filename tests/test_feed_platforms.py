"""Feeds as platforms really emit them (an aggregator's search feed, blog platforms...),
read end to end through the `briefing` command line against loopback: what is stored,
and that a second read stores nothing twice."""

from __future__ import annotations

from summaries.samples import sample_articles
from tests.test_feed_quirks import GOOGLE_NEWS, ingest_twice, server
from tests.test_ingest import html_page, stored

PORT = sample_articles()[0]

__all__ = ["server"]  # the fixture


def test_an_aggregated_story_on_a_page_that_names_no_outlet_keeps_the_outlet_its_item_names(
    server, tmp_path
):
    """The aggregator's feed is of its own site (news.google.com); the page its link
    redirects to declares no site name: the outlet is the one the item names in <source>,
    not the page's bare host name."""
    feed = GOOGLE_NEWS.replace("{base}/search?q=", "https://news.google.com/search?q=")
    server.route("/rss/search", feed, "application/rss+xml")
    server.redirect("/rss/articles/CBMiWmh0dHBzOi8vZ3VsZmhlcmFsZC5leGFtcGxlL3BvcnQ", "/port")
    server.route("/port", html_page(PORT.title, PORT.text), "text/html")
    _, rows = ingest_twice(server, tmp_path, "/rss/search")
    ((title, url, _),) = rows
    assert (title, url) == ("Brennport port reopens after ransomware attack", server.url("/port"))
    with stored(tmp_path / "config.toml") as store:
        assert [name for (name,) in store.execute("SELECT source_name FROM articles")] == [
            "Gulf Herald"
        ]


def test_a_page_elsewhere_that_names_its_site_is_credited_to_it(server, tmp_path):
    """A page that declares its site's name (og:site_name) is credited to it, whatever the
    aggregator's item says."""
    feed = GOOGLE_NEWS.replace("{base}/search?q=", "https://news.google.com/search?q=")
    server.route("/rss/search", feed, "application/rss+xml")
    server.redirect("/rss/articles/CBMiWmh0dHBzOi8vZ3VsZmhlcmFsZC5leGFtcGxlL3BvcnQ", "/port")
    page = html_page(PORT.title, PORT.text).replace(
        "</head>", '<meta property="og:site_name" content="The Gulf Herald"></head>'
    )
    server.route("/port", page, "text/html")
    ingest_twice(server, tmp_path, "/rss/search")
    with stored(tmp_path / "config.toml") as store:
        assert [name for (name,) in store.execute("SELECT source_name FROM articles")] == [
            "The Gulf Herald"
        ]
