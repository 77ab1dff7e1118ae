"""Feed entries moved in ways a site rarely moves them: onto another stored article's
address, twice, after their source was removed and added
again (real fetcher, feedparser, SQLite and PostgreSQL, a feed server on loopback)."""

from __future__ import annotations

import pytest

from summaries.samples import sample_articles
from summaries.store import open_store
from tests.fakes.feed_server import FeedServer
from tests.test_ingest import briefing, html_page
from tests.test_ingest_moved_entries import _config, _feed, _ingest, _urls


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def _count(location: str) -> int:
    with open_store(location) as store:
        return store.execute("SELECT COUNT(*) FROM articles")[0][0]


def test_an_entry_moved_twice_follows_its_article(server, tmp_path, location):
    first = sample_articles()[0]
    config = _config(tmp_path, location, server.url("/rss"))
    for path in ("/news/a", "/news/b", "/news/c"):
        server.route("/rss", _feed([("story-1", first.title, path, first.text)]), "text/xml")
        _ingest(config)
    assert _urls(location) == [server.url("/news/c")]
    server.route("/rss", _feed([("story-1", first.title, "/news/a", first.text)]), "text/xml")
    assert _ingest(config) == "1 source: 1 fetched, 0 new, 0 updated, 0 failed"
    assert _urls(location) == [server.url("/news/a")]


def test_an_entry_moved_onto_another_stored_article_keeps_both(server, tmp_path, location):
    first, other = sample_articles()[0], sample_articles()[1]
    config = _config(tmp_path, location, server.url("/rss"))
    items = [("story-1", first.title, "/news/a", first.text)]
    items.append(("story-2", other.title, "/news/b", other.text))
    server.route("/rss", _feed(items), "text/xml")
    _ingest(config)
    items[0] = ("story-1", first.title, "/news/b", first.text)
    server.route("/rss", _feed(items), "text/xml")
    assert _ingest(config) == "1 source: 2 fetched, 0 new, 0 updated, 0 failed"
    assert _urls(location) == [server.url("/news/a"), server.url("/news/b")]  # neither lost


def test_an_entry_of_a_source_removed_and_added_again(server, tmp_path, location):
    first = sample_articles()[0]
    config = _config(tmp_path, location, server.url("/rss"))
    server.route("/rss", _feed([("story-1", first.title, "/news/a", first.text)]), "text/xml")
    _ingest(config)
    briefing(config, "sources", "remove", server.url("/rss"))
    briefing(config, "sources", "add", server.url("/rss"))
    server.route("/rss", _feed([("story-1", first.title, "/news/b", first.text)]), "text/xml")
    assert _ingest(config) == "1 source: 1 fetched, 0 new, 0 updated, 0 failed"
    assert _count(location) == 1


@pytest.mark.parametrize("teasers", [False, True], ids=["full-text", "teasers"])
def test_entries_swapping_links_keep_their_own_articles(server, tmp_path, location, teasers):
    """Two entries trading links in one read (a site that mixed up two slugs and put them
    right): each article moves to its entry's new link, with its own text."""
    stories = sample_articles()[:3]
    config = _config(tmp_path, location, server.url("/rss"))
    paths = ["/news/a", "/news/b", "/news/c"]

    def publish(order: list[str]) -> None:
        items = []
        for n, (story, path) in enumerate(zip(stories, order, strict=True)):
            text = "Ferry fares rise again&#8230;" if teasers else story.text
            items.append((f"story-{n}", story.title, path, text))
            if teasers:
                server.route(path, html_page(story.title, story.text), "text/html")
        server.route("/rss", _feed(items), "text/xml")

    publish(paths)
    _ingest(config)
    publish([paths[1], paths[2], paths[0]])  # a cycle of three: each takes the next's link
    fetched = 0 if teasers else 3  # a teaser at its own article's address: not fetched
    assert _ingest(config) == f"1 source: {fetched} fetched, 0 new, 0 updated, 0 failed"
    with open_store(location) as store:
        rows = store.execute("SELECT title, url, text FROM articles")
    moved = {title: (url, " ".join(text.split())) for title, url, text in rows}
    for story, path in zip(stories, [paths[1], paths[2], paths[0]], strict=True):
        url, text = moved[story.title]
        assert url == server.url(path)
        assert " ".join(story.text.split()[:12]) in text  # its own text, not another's


def test_a_swap_with_a_third_entry_taking_the_same_link(server, tmp_path, location):
    """Two entries trading links while a third takes one of them too: the read is kept
    (each address holds one article), not failed on the address the moves both want."""
    stories = sample_articles()[:3]
    config = _config(tmp_path, location, server.url("/rss"))

    def publish(paths: list[str]) -> None:
        items = [
            (f"story-{n}", story.title, path, story.text)
            for n, (story, path) in enumerate(zip(stories, paths, strict=True))
        ]
        server.route("/rss", _feed(items), "text/xml")

    publish(["/news/a", "/news/b", "/news/c"])
    _ingest(config)
    publish(["/news/b", "/news/a", "/news/b"])
    assert _ingest(config).endswith(" 0 failed")
    urls = _urls(location)
    assert server.url("/news/a") in urls and server.url("/news/b") in urls
    assert len([url for url in urls if url is not None]) == len(set(urls) - {None})


def test_entries_of_two_feeds_trading_links(server, tmp_path, location):
    """Two feeds' entries trading links: each feed read on its own sees one move, onto
    the other feed's stored article; both articles are kept, each with its own text."""
    stories = sample_articles()[:2]
    config = _config(tmp_path, location, server.url("/one"))
    text = config.read_text(encoding="utf-8")
    both = f'feeds = ["{server.url("/one")}", "{server.url("/two")}"]'
    config.write_text(text.replace(f'feeds = ["{server.url("/one")}"]', both), encoding="utf-8")

    def publish(paths: list[str]) -> None:
        for n, (story, path) in enumerate(zip(stories, paths, strict=True)):
            item = [(f"story-{n}", story.title, path, story.text)]
            server.route(("/one", "/two")[n], _feed(item), "text/xml")

    publish(["/news/a", "/news/b"])
    _ingest(config)
    publish(["/news/b", "/news/a"])
    assert _ingest(config).endswith(" 0 failed")
    with open_store(location) as store:
        rows = store.execute("SELECT title, url, text FROM articles")
    by_title = {title: (url, " ".join(text.split())) for title, url, text in rows}
    for story in stories:
        assert " ".join(story.text.split()[:12]) in by_title[story.title][1]
    assert len(rows) == 2
