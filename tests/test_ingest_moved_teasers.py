"""A teaser entry (its page read for the text) that keeps its id while its link changes
is the same article: moved to the new page's address, not stored or posted again (real
fetcher, feedparser, pool, SQLite and PostgreSQL, a feed server on loopback)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from summaries.samples import sample_articles
from summaries.store import open_store
from tests.fakes.feed_server import FeedServer
from tests.test_ingest import html_page
from tests.test_ingest_moved_entries import _config, _feed, _ingest, _urls

TEASER = "Ferry fares rise again&#8230;"


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def _entries(location: str) -> list[tuple[str, str]]:
    with open_store(location) as store:
        rows = store.execute(
            "SELECT e.entry, a.url FROM entry_articles e JOIN articles a ON a.id = e.article_id"
        )
        return sorted((entry, url) for entry, url in rows)


@pytest.mark.parametrize("canonical", [False, True], ids=["own-address", "canonical"])
def test_a_teaser_whose_link_changes_moves_its_article(server, tmp_path, location, canonical):
    story = sample_articles()[3]
    config = _config(tmp_path, location, server.url("/rss"))

    def page(path: str) -> None:
        html = html_page(story.title, story.text)
        if canonical:  # the page names its address: the link is its alias
            html = html.replace("<head>", f'<head><link rel="canonical" href="{path}-story">')
        server.route(path, html, "text/html")

    for path in ("/news/old-slug", "/news/new-slug"):
        page(path)
        server.route("/rss", _feed([("story-1", story.title, path, TEASER)]), "text/xml")
        said = _ingest(config)
        expected = f"{server.url(path)}-story" if canonical else server.url(path)
        assert _urls(location) == [expected]
        assert _entries(location) == [("story-1", expected)]
    assert said == "1 source: 1 fetched, 0 new, 0 updated, 0 failed"


@pytest.mark.parametrize("canonical", [False, True], ids=["own-address", "canonical"])
def test_a_teaser_stored_before_entries_were_recorded_moves_too(
    server, tmp_path, location, canonical
):
    """A database of schema 26 has no record of the entries its articles came from: a
    teaser whose page is stored is recorded at its next read, which fetches nothing."""
    story = sample_articles()[3]
    config = _config(tmp_path, location, server.url("/rss"))
    paths = ("/news/old-slug", "/news/new-slug")
    for path in paths:
        html = html_page(story.title, story.text)
        if canonical:
            html = html.replace("<head>", f'<head><link rel="canonical" href="{path}-story">')
        server.route(path, html, "text/html")
    server.route("/rss", _feed([("story-1", story.title, paths[0], TEASER)]), "text/xml")
    _ingest(config)
    with open_store(location) as store:
        store.execute("DELETE FROM entry_articles")  # as the upgrade to schema 27 left it
    assert _ingest(config) == "1 source: 0 fetched, 0 new, 0 updated, 0 failed"
    stored_at = server.url(paths[0]) + ("-story" if canonical else "")
    assert _entries(location) == [("story-1", stored_at)]
    server.route("/rss", _feed([("story-1", story.title, paths[1], TEASER)]), "text/xml")
    assert _ingest(config) == "1 source: 1 fetched, 0 new, 0 updated, 0 failed"
    assert _urls(location) == [server.url(paths[1]) + ("-story" if canonical else "")]


@pytest.mark.parametrize(
    ("stored_at", "recorded"),
    [
        ("http://localhost:9/original", False),  # another site's address, stored first
        ("http://www.127.0.0.1:{port}/news/story", True),  # its own site's, with www.
    ],
    ids=["another-site", "www"],
)
def test_a_teaser_is_recorded_as_the_article_its_page_names_on_its_own_site(
    server, tmp_path, location, stored_at, recorded
):
    """The page of a teaser that tells what another outlet's article stored before tells
    is that article's copy: the entry is not taken for it, and does not move it. Its own
    site's address ("www." or not) is its own article's."""
    story = sample_articles()[3]
    config = _config(tmp_path, location, server.url("/rss"))
    elsewhere = stored_at.format(port=urlsplit(server.url("/")).port)
    with open_store(location) as store:
        store.execute(
            "INSERT INTO articles (url, content_hash, title, fetched_at, updated_at, text, "
            "briefing, method) VALUES (?, 'x', 'Other', '2026-03-03', '2026-03-03', 'T', "
            "'[]', 'default')",
            (elsewhere,),
        )
        (article,) = store.execute("SELECT id FROM articles")[0]
        store.execute(
            "INSERT INTO link_aliases (link, article_id) VALUES (?, ?)",
            (server.url("/news/copy"), article),
        )
    server.route("/news/copy", html_page(story.title, story.text), "text/html")
    server.route("/rss", _feed([("story-1", story.title, "/news/copy", TEASER)]), "text/xml")
    _ingest(config)
    assert _entries(location) == ([("story-1", elsewhere)] if recorded else [])
