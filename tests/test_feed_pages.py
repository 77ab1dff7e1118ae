"""A feed address that answers with a web page: the page's own feed, named in its head
(``<link rel="alternate" type="application/rss+xml">``), is read in its place, as a feed
reader finds it; a page that names none is refused with the reason. Real fetcher,
feedparser and store, through the `briefing` command line, against loopback."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from summaries.samples import sample_articles
from summaries.sources import SourceError
from summaries.sources._alternate import named_feeds
from tests.fakes.feed_server import rss
from tests.test_feed_quirks import ingest_twice, read, server

PORT = sample_articles()[0]
TEXT = "".join(f"<p>{paragraph}</p>" for paragraph in PORT.text.split("\n\n"))
HOME = (
    "<!doctype html><html><head><title>Harbour Wire</title>"
    '<link rel="alternate" type="application/rss+xml" title="Harbour Wire" href="{feed}">'
    "</head><body><h1>Harbour Wire</h1><p>The latest from the harbour.</p></body></html>"
)

__all__ = ["server"]  # the fixture


def test_a_feed_address_that_serves_its_sites_page_is_read_through_the_feed_it_names(
    server, tmp_path
):
    server.route("/blog/", HOME.format(feed="feed.xml"), "text/html; charset=utf-8")
    server.route("/blog/feed.xml", rss("Harbour Wire", [(PORT.title, "/port", TEXT)]))
    said, rows = ingest_twice(server, tmp_path, "/blog/")
    assert said == [
        "1 source: 1 fetched, 1 new, 0 updated, 0 failed",
        "1 source: 1 fetched, 0 new, 0 updated, 0 failed",
    ]
    ((title, url, text),) = rows
    assert (title, url) == (PORT.title, server.url("/port"))
    assert text.startswith(PORT.text.split("\n\n")[0])
    assert server.paths().count("/blog/feed.xml") == 2


def test_a_page_that_names_no_feed_is_still_refused_with_the_reason(server):
    server.route("/blog/", HOME.replace('<link rel="alternate"', "<link"), "text/html")
    refusal = r"does not serve an RSS, Atom or JSON feed \(it is a web page\)"
    with pytest.raises(SourceError, match=refusal):
        read(server, "/blog/")


def test_a_page_whose_named_feed_is_no_feed_says_what_the_address_serves(server):
    server.route("/blog/", HOME.format(feed="/missing.xml"), "text/html")
    refusal = r"\(it is a web page\)\. The feed it names could not be read: The site answered 404"
    with pytest.raises(SourceError, match=refusal):
        read(server, "/blog/")
    assert "/missing.xml" in server.paths()


def test_a_named_feed_at_a_private_address_is_not_fetched(server):
    """The feed is served, on this machine, under a name that is not allowed ("localhost"
    resolves to loopback, and only 127.0.0.1 is allowed): it is not asked for."""
    server.route("/blog/feed.xml", rss("Harbour Wire", [(PORT.title, "/port", TEXT)]))
    private = server.url("/blog/feed.xml").replace("127.0.0.1", "localhost")
    server.route("/blog/", HOME.format(feed=private), "text/html")
    refusal = r"\(it is a web page\)\. The feed it names could not be read: .* private network"
    with pytest.raises(SourceError, match=refusal):
        read(server, "/blog/")
    assert server.paths() == ["/blog/"]


def test_a_new_entry_of_the_named_feed_is_read_whatever_the_page_answers(server, tmp_path):
    """The page and its feed made at one moment (a static site) answer with one
    Last-Modified: the feed's validators are never asked of the page, which would answer
    "not modified" and hide the feed's new entries."""
    made = "Tue, 03 Mar 2026 09:00:00 GMT"
    home = HOME.format(feed="feed.xml")
    server.route("/blog/", home, "text/html; charset=utf-8", last_modified=made)
    first = rss("Harbour Wire", [(PORT.title, "/port", TEXT)])
    server.route("/blog/feed.xml", first, "application/rss+xml", last_modified=made)
    ingest_twice(server, tmp_path, "/blog/")
    truckers = sample_articles()[1]
    text = "".join(f"<p>{paragraph}</p>" for paragraph in truckers.text.split("\n\n"))
    later = rss("Harbour Wire", [(truckers.title, "/trucks", text), (PORT.title, "/port", TEXT)])
    server.route(
        "/blog/feed.xml", later, "application/rss+xml", last_modified=made[:-12] + "10:00:00 GMT"
    )
    said, rows = ingest_twice(server, tmp_path, "/blog/")
    assert said[0] == "1 source: 2 fetched, 1 new, 0 updated, 0 failed"
    assert sorted(title for title, _, _ in rows) == sorted([PORT.title, truckers.title])


# WordPress names a post's comments feed on its page, before the site's own feed
COMMENTS_FIRST = (
    "<!doctype html><html><head><title>Harbour Wire</title>"
    '<link rel="alternate" type="application/rss+xml" title="{title}" href="{comments}">'
    '<link rel="alternate" type="application/rss+xml" title="Harbour Wire &raquo; Feed" '
    'href="/blog/feed/">'
    "</head><body><h1>Harbour Wire</h1><p>The latest from the harbour.</p></body></html>"
)
COMMENT = "<p>Great news for the night shift, thanks for the update.</p>"


@pytest.mark.parametrize(
    ("title", "comments"),
    [
        ("Harbour Wire &raquo; Port reopens", "/blog/port/comments/feed/"),  # its address
        ("Harbour Wire &raquo; Port reopens Comments Feed", "/blog/port/replies.xml"),  # title
    ],
)
def test_a_page_naming_its_comments_feed_first_is_read_through_its_main_feed(
    server, title, comments
):
    server.route("/blog/", COMMENTS_FIRST.format(title=title, comments=comments), "text/html")
    server.route("/blog/feed/", rss("Harbour Wire", [(PORT.title, "/port", TEXT)]))
    server.route(comments, rss("Comments on: Port reopens", [("By: Ann", "/port#c1", COMMENT)]))
    feed = read(server, "/blog/")
    assert [entry.title for entry in feed.entries] == [PORT.title]


@pytest.mark.parametrize(
    ("title", "address"),
    [
        ("Harbour Wire &raquo; Commentary", "/blog/commentary/feed/"),  # an opinion section
        ("Harbour Wire &raquo; Commentators", "/blog/feed/?cat=op-ed"),
        ("Harbour Wire &raquo; Opinion", "/blog/commentary-desk/feed/"),
    ],
)
def test_a_feed_whose_words_only_begin_like_comments_keeps_its_place(title, address):
    """A feed named "Commentary" is an outlet's own section, not a comments feed: the page
    names it first, and it is tried first."""
    page = COMMENTS_FIRST.format(title=title, comments=address).encode()
    base = "https://harbour.example/blog/"
    assert named_feeds(page, base) == [urljoin(base, address), urljoin(base, "/blog/feed/")]


def test_a_comments_feed_named_by_its_word_in_any_form_comes_last():
    links = "".join(
        f'<link rel="alternate" type="application/rss+xml" title="{title}" href="/f{n}">'
        for n, title in enumerate(["Kommentare", "Commentaires", "comments_feed", "Site"])
    )
    base = "https://harbour.example/"
    found = named_feeds(f"<html><head>{links}</head></html>".encode(), base)
    assert found == [urljoin(base, f"/f{n}") for n in (3, 0, 1, 2)]
