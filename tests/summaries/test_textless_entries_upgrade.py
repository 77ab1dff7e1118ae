"""Schema 22: a database of schema 21 gains the record of feed entries without article
text, on SQLite and PostgreSQL; the record is per source and goes with its source."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from summaries.store import SCHEMA_VERSION, open_store
from summaries.store.times import to_db
from tests.old_databases import database_at

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)


def _two_sources(execute: Callable[..., object]) -> None:
    for url in ("https://videos.example/feed", "https://posts.example/rss"):
        execute(
            "INSERT INTO sources (url, kind, added_at) VALUES (?, 'feed', ?)", (url, to_db(NOW))
        )


def test_a_schema_21_database_keeps_each_sources_entries_without_text(location):
    database_at(location, 21, _two_sources)
    with open_store(location) as store:
        assert store.execute("SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
        videos, posts = (source.id for source in store.list_sources())
        assert store.textless_entries(videos) == {}
        store.keep_textless(videos, {"yt:video:a": "v1", "yt:video:b": "v1"}, NOW)
        store.keep_textless(posts, {"post/1": "v1"}, NOW)
        # b changed, a left the feed, c is new: the source's record is what it was told
        store.keep_textless(videos, {"yt:video:b": "v2", "yt:video:c": "v1"}, NOW)
        assert store.textless_entries(videos) == {"yt:video:b": "v2", "yt:video:c": "v1"}
        assert store.textless_entries(posts) == {"post/1": "v1"}  # another source's stays
        assert store.remove_source(videos)
        assert store.execute(
            "SELECT count(*) FROM textless_entries WHERE source_id = ?", (videos,)
        ) == [(0,)]
        store.keep_textless(videos, {"yt:video:d": "v1"}, NOW)  # removed during a read
        assert store.textless_entries(videos) == {}
    with open_store(location) as store:  # opened again: nothing left to do, nothing lost
        assert store.textless_entries(posts) == {"post/1": "v1"}
