"""Schema 25: a database of schema 24 gains the record of feed entries whose page answered
that it is not there, on SQLite and PostgreSQL; per source, and gone with its source."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from summaries.store import SCHEMA_VERSION, MissingPage, open_store
from tests.old_databases import database_at
from tests.summaries.test_textless_entries_upgrade import _two_sources

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)


def test_a_schema_24_database_keeps_each_sources_missing_pages(location):
    database_at(location, 24, _two_sources)
    first, second = MissingPage("v1", NOW, True), MissingPage("v1", NOW, False)
    with open_store(location) as store:
        assert store.execute("SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
        news, posts = (source.id for source in store.list_sources())
        assert store.missing_pages(news) == {}
        store.keep_missing(news, {"a": first, "b": first})
        store.keep_missing(posts, {"post/1": second})
        # b failed otherwise since, a was read, c is new: the record is what it was told
        later = MissingPage("v2", NOW + timedelta(hours=3), True)
        store.keep_missing(news, {"b": second, "c": later})
        assert store.missing_pages(news) == {"b": second, "c": later}
        assert store.missing_pages(posts) == {"post/1": second}  # another source's stays
        assert store.remove_source(news)
        assert store.execute("SELECT count(*) FROM missing_pages WHERE source_id = ?", (news,)) == [
            (0,)
        ]
        store.keep_missing(news, {"d": first})  # removed during a read
        assert store.missing_pages(news) == {}
    with open_store(location) as store:  # opened again: nothing left to do, nothing lost
        assert store.missing_pages(posts) == {"post/1": second}
