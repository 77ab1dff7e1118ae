"""Feed links with tracking parameters (utm_*...): the article is stored at its address
without them, every other parameter kept; an article stored before with them is still the
same article, found and moved, never stored again (real fetcher, feedparser, pool,
SQLite and PostgreSQL, against a feed server on loopback, through the command line)."""

from __future__ import annotations

import pytest

from summaries.samples import sample_articles
from summaries.store import open_store
from tests.fakes.feed_server import FeedServer, rss
from tests.test_ingest import briefing, stored, write_config
from tests.test_ingest_moved_entries import _config, _ingest, _urls

TRACKED = "/news/story?id=3&utm_source=rss&utm_medium=feed&fbclid=IwAR0"
CLEAN = "/news/story?id=3"


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def test_a_link_is_stored_without_its_tracking_parameters(server, tmp_path, location):
    article = sample_articles()[0]
    server.route("/rss", rss("Coast", [(article.title, TRACKED, article.text)]), "text/xml")
    config = _config(tmp_path, location, server.url("/rss"))
    assert _ingest(config) == "1 source: 1 fetched, 1 new, 0 updated, 0 failed"
    assert _urls(location) == [server.url(CLEAN)]
    assert _ingest(config) == "1 source: 1 fetched, 0 new, 0 updated, 0 failed"


@pytest.mark.parametrize("edited", [False, True], ids=["same-text", "edited-text"])
def test_an_article_stored_with_tracking_parameters_is_found_and_moved(
    server, tmp_path, location, edited
):
    article = sample_articles()[0]
    server.route("/rss", rss("Coast", [(article.title, TRACKED, article.text)]), "text/xml")
    config = _config(tmp_path, location, server.url("/rss"))
    _ingest(config)
    with open_store(location) as store:  # as a bot that kept the parameters stored it
        store.execute("UPDATE articles SET url = ?", (server.url(TRACKED),))
        store.execute("DELETE FROM entry_articles")
        store.execute("DELETE FROM link_aliases")
    text = article.text + ("\n\nThe port authority confirmed it on Monday." if edited else "")
    server.route("/rss", rss("Coast", [(article.title, TRACKED, text)]), "text/xml")
    updated = 1 if edited else 0
    assert _ingest(config) == f"1 source: 1 fetched, 0 new, {updated} updated, 0 failed"
    assert _urls(location) == [server.url(CLEAN)]


def test_two_articles_stored_at_one_address_with_other_tracking_parameters(
    server, tmp_path, location
):
    """Stored before the parameters were taken off, both at addresses of one page:
    reading them again moves one to the address, the other stays, nothing fails."""
    first, other = sample_articles()[0], sample_articles()[1]
    second = "/news/story?id=3&utm_source=mail"
    items = [(first.title, TRACKED, first.text), (other.title, "/news/other", other.text)]
    server.route("/rss", rss("Coast", items), "text/xml")
    config = _config(tmp_path, location, server.url("/rss"))
    _ingest(config)
    items[1] = (other.title, second, other.text)
    server.route("/rss", rss("Coast", items), "text/xml")
    with open_store(location) as store:  # as a bot that kept the parameters stored them
        rows = store.execute("SELECT id FROM articles ORDER BY id")
        for (article_id,), path in zip(rows, (TRACKED, second), strict=True):
            address = server.url(path)
            store.execute("UPDATE articles SET url = ? WHERE id = ?", (address, article_id))
        store.execute("DELETE FROM entry_articles")
        store.execute("DELETE FROM link_aliases")
    assert _ingest(config) == "1 source: 2 fetched, 0 new, 0 updated, 0 failed"
    assert _urls(location) == [server.url(CLEAN), server.url(second)]
    assert _ingest(config) == "1 source: 2 fetched, 0 new, 0 updated, 0 failed"


def test_an_outlets_campaign_tags_in_two_feeds_make_one_article_at_its_address(server, tmp_path):
    """Two feeds of one outlet tag the same story each with its own AT Internet campaign,
    one as a parameter and one after "#": one article, at the address without either."""
    article = sample_articles()[0]
    tagged = [("/rss/front", "/news/port?xtor=RSS-3208"), ("/rss/world", "/news/port#xtor=RSS-9")]
    for feed, link in tagged:
        server.route(feed, rss("Coast", [(article.title, link, article.text)]), "text/xml")
    feeds = ", ".join(f'"{server.url(feed)}"' for feed, _ in tagged)
    config = write_config(tmp_path, extra=f"feeds = [{feeds}]\n")
    code, out = briefing(config, "ingest", "--all")
    assert out.strip().splitlines()[-1] == "2 sources: 2 fetched, 1 new, 0 updated, 0 failed"
    with stored(config) as store:
        assert list(store.execute("SELECT url FROM articles")) == [(server.url("/news/port"),)]
