"""A feed entry that keeps its id (RSS guid) while its link changes is the same article:
moved to the new address, updated in place when its text changed too, never stored or
counted as new again (real fetcher, feedparser, pool, SQLite and PostgreSQL, against a
feed server on loopback, through the `briefing` command line)."""

from __future__ import annotations

from html import escape

import pytest

from summaries.cli import EXIT_OK
from summaries.samples import sample_articles
from summaries.store import open_store
from tests.fakes.feed_server import FeedServer
from tests.test_ingest import briefing


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def _feed(items: list[tuple[str, str, str, str]]) -> str:
    """RSS items of full text: (guid, title, link path, text) each."""
    entries = "".join(
        f"<item><title>{escape(title)}</title><link>{{base}}{link}</link>"
        f'<guid isPermaLink="false">{guid}</guid>'
        "<pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate>"
        f"<description><![CDATA[{text}]]></description></item>"
        for guid, title, link, text in items
    )
    channel = f"<channel><title>Coast</title>{entries}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def _config(tmp_path, location: str, feed: str):
    where = f'url = "{location}"' if location.startswith("postgresql") else f'path = "{location}"'
    config = tmp_path / "config.toml"
    config.write_text(
        f'[store]\n{where}\n[sources]\nallow_hosts = ["127.0.0.1"]\nfeeds = ["{feed}"]\n'
        "[fetch]\npoliteness = 0\ntimeout = 5\n[ingest]\nworkers = 1\n",
        encoding="utf-8",
    )
    return config


def _ingest(config) -> str:
    code, out = briefing(config, "ingest", "--all")
    assert code == EXIT_OK, out
    return out.strip().splitlines()[-1]


def _urls(location: str) -> list[str | None]:
    with open_store(location) as store:
        return sorted(url for (url,) in store.execute("SELECT url FROM articles"))


@pytest.mark.parametrize("edited", [False, True], ids=["same-text", "edited-text"])
def test_an_entry_whose_link_changes_moves_its_article(server, tmp_path, location, edited):
    first, other = sample_articles()[0], sample_articles()[1]
    config = _config(tmp_path, location, server.url("/rss"))
    both = [("story-1", first.title, "/news/old-slug", first.text)]
    both.append(("story-2", other.title, "/news/other", other.text))
    server.route("/rss", _feed(both), "application/rss+xml")
    assert _ingest(config) == "1 source: 2 fetched, 2 new, 0 updated, 0 failed"

    text = first.text + (
        "\n\nThe port authority confirmed the figures on Monday." if edited else ""
    )
    both[0] = ("story-1", first.title, "/news/new-slug", text)
    server.route("/rss", _feed(both), "application/rss+xml")
    updated = 1 if edited else 0
    assert _ingest(config) == f"1 source: 2 fetched, 0 new, {updated} updated, 0 failed"
    assert _urls(location) == [server.url("/news/new-slug"), server.url("/news/other")]
    assert _ingest(config) == "1 source: 2 fetched, 0 new, 0 updated, 0 failed"  # settled


def test_a_new_entry_at_an_address_of_its_own_is_not_taken_for_a_moved_one(
    server, tmp_path, location
):
    """Another guid is another article, even where the old one's link is gone."""
    first, other = sample_articles()[0], sample_articles()[1]
    config = _config(tmp_path, location, server.url("/rss"))
    server.route("/rss", _feed([("story-1", first.title, "/news/a", first.text)]), "text/xml")
    _ingest(config)
    server.route("/rss", _feed([("story-9", other.title, "/news/b", other.text)]), "text/xml")
    assert _ingest(config) == "1 source: 1 fetched, 1 new, 0 updated, 0 failed"
    assert _urls(location) == [server.url("/news/a"), server.url("/news/b")]


def test_an_entry_id_a_feed_gives_again_to_another_story_is_another_article(
    server, tmp_path, location
):
    """Some feeds give all their entries one id: another title, text and link under it
    is a new article, and the one stored before stays where it was."""
    first, other = sample_articles()[0], sample_articles()[1]
    config = _config(tmp_path, location, server.url("/rss"))
    server.route("/rss", _feed([("latest", first.title, "/news/a", first.text)]), "text/xml")
    _ingest(config)
    server.route("/rss", _feed([("latest", other.title, "/news/b", other.text)]), "text/xml")
    assert _ingest(config) == "1 source: 1 fetched, 1 new, 0 updated, 0 failed"
    assert _urls(location) == [server.url("/news/a"), server.url("/news/b")]
