"""Schema 27: a database of schema 26 gains the record of the article each feed entry was
stored as, on SQLite and PostgreSQL; per source, gone with its source or its article."""

from __future__ import annotations

from summaries.store import SCHEMA_VERSION, open_store
from summaries.store.times import to_db
from tests.old_databases import database_at
from tests.summaries.test_textless_entries_upgrade import NOW, _two_sources


def _with_articles(execute) -> None:
    _two_sources(execute)
    for number in (1, 2):
        execute(
            "INSERT INTO articles (url, content_hash, title, fetched_at, updated_at, text, "
            "briefing, method) VALUES (?, ?, 'Ferry fares', ?, ?, 'Text.', '[]', 'default')",
            (f"https://posts.example/{number}", f"hash-{number}", to_db(NOW), to_db(NOW)),
        )


def _count(store, source_id: int | None = None) -> int:
    sql = "SELECT count(*) FROM entry_articles"
    rows = store.execute(sql + " WHERE source_id = ?", (source_id,)) if source_id else None
    return (rows or store.execute(sql))[0][0]


def test_a_schema_26_database_records_entries_and_forgets_them_with_their_source(location):
    database_at(location, 26, _with_articles)
    with open_store(location) as store:
        assert store.execute("SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
        videos, posts = (source.id for source in store.list_sources())
        (first, second) = (row[0] for row in store.execute("SELECT id FROM articles ORDER BY id"))
        assert _count(store) == 0
        for source, entry, article in ((videos, "v1", first), (posts, "p1", second)):
            store.execute(
                "INSERT INTO entry_articles (source_id, entry, article_id) VALUES (?, ?, ?)",
                (source, entry, article),
            )
        assert store.remove_source(videos)
        assert _count(store) == 1 and _count(store, posts) == 1
    with open_store(location) as store:  # opened again: nothing left to do, nothing lost
        assert _count(store, posts) == 1
