"""A database an older bot made (schema 13, 15 or 17), holding articles, followers and
digests, opened by this one: in one upgrade through the rebuild of 18 (ids never given
twice) and the folding of 19 to 21, it finds its old articles however they are typed,
gives no removed id again, and its references still act; on both engines."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from summaries.store import SCHEMA_VERSION, open_store
from summaries.store.times import to_db
from tests.old_databases import database_at, followed_with_digests, upgraded_after_stops

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
STAMP = to_db(NOW)
ARTICLES = [  # (title, text, source)
    ("Ο Πειραιάς κλείνει", "Ο Πειραιάς έκλεισε λόγω απεργίας των λιμενεργατών.", 1),
    ("Işık festivali", "Işık festivali İstanbul'da başladı.", 3),
    ("كِتَابٌ جَدِيدٌ", "صدر كتـــاب جديد عن تاريخ مستشفى المدينة القديم.", 3),
]


def _fill(execute: Callable[..., object]) -> None:
    """Three sources (the highest followed), their articles and words, two servers following them, a
    channel with two digests and what it posted: only tables schema 13 has."""
    for url in ("https://one.example/rss", "https://two.example/rss", "https://three.example/rss"):
        execute(
            "INSERT INTO sources (url, kind, added_at, operator) VALUES (?, 'feed', ?, 0)",
            (url, STAMP),
        )
    for number, (title, text, source) in enumerate(ARTICLES, start=1):
        execute(
            "INSERT INTO articles (url, content_hash, title, source_id, fetched_at, "
            "updated_at, text, briefing, method, story_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'lead', ?)",
            (
                f"https://n.example/{number}",
                f"hash{number}",
                title,
                source,
                STAMP,
                STAMP,
                text,
                f'["{text}"]',
                number,
            ),
        )
        execute(
            "INSERT INTO article_sources (article_id, source_id) VALUES (?, ?)", (number, source)
        )
    for word in ("πειραιάς", "κλείνει", "έκλεισε"):  # prefix search's words, as stored then
        execute("INSERT INTO words (word, docs) VALUES (?, 1)", (word,))
    followed_with_digests(execute, [("discord:1", 3), ("discord:2", 3), ("discord:2", 1)], 1, STAMP)


def _found(store, query: str) -> list[int]:
    return sorted(hit.story.lead.id for hit in store.search(query, limit=10, now=NOW))


def _foreign_keys_hold(location: str) -> None:
    """Every reference points at a row, and (SQLite) a new connection to the file enforces
    them; on PostgreSQL the constraints are there to act."""
    if location.startswith("postgresql"):
        return
    conn = sqlite3.connect(location)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


@pytest.mark.parametrize("version", [13, 15, 17])
def test_an_old_database_is_upgraded_at_once_to_search_ids_and_references(location, version):
    database_at(location, version, _fill)
    with open_store(location) as store:
        assert store.execute("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
        if not location.startswith("postgresql"):
            assert store.execute("PRAGMA foreign_keys") == [(1,)]
            assert store.execute("PRAGMA foreign_key_check") == []
        # search: the old articles, folded by the upgrade, found however typed, shown as written
        assert _found(store, "ΠΕΙΡΑΙΑΣ") == [1]
        assert _found(store, "πειραι") == [1]
        assert _found(store, "isik") == [2]
        assert _found(store, "كتاب") == [3]
        story = store.search("πειραιας", limit=1, now=NOW)[0].story
        assert (story.lead.title, story.lead.text) == ARTICLES[0][:2]
        # stored before outlets were: shown by its site, as a page without a name is
        assert story.sources == ("n.example",)
        # references: the highest source goes with its followers, its articles stay
        assert store.remove_source(3)
        assert [
            (t, s)
            for t, s in store.execute(
                "SELECT tenant_id, source_id FROM subscriptions ORDER BY tenant_id"
            )
        ] == [("discord:2", 1)]
        assert store.execute("SELECT id, source_id FROM articles ORDER BY id") == [
            (1, 1),
            (2, None),
            (3, None),
        ]
        # ids: neither the removed source's nor a dropped digest's is given again
        added = store.add_source("https://four.example/rss", "feed", now=NOW)
        assert added.id == 4
        assert store.get_source("#3") is None
        store.drop_digest_claim(2)
        record = store.record_digest("discord:5", "2026-03-05", [1], NOW)
        assert record.id == 3
        assert _found(store, "ışık") == [2]  # the index still reads after the removal
    _foreign_keys_hold(location)
    with open_store(location) as store:  # opened again: nothing left to do
        assert store.get_source(4).url == "https://four.example/rss"
        assert _found(store, "ΠΕΙΡΑΙΑΣ") == [1]


def _dump(location: str) -> list[str]:
    """Every statement that would make the file again: its schema and every row."""
    conn = sqlite3.connect(location)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.mark.parametrize("version", [13, 15])
def test_an_upgrade_from_an_older_schema_stopped_at_any_point_leaves_the_file_as_it_was(
    tmp_path, version
):
    """SQLite stops the upgrade (its progress handler) at one point after another of its
    run through 18's rebuild and the folding of 19 to 21, until it runs through: each time
    the file is as it was, row for row, and the connection enforces foreign keys again."""
    original = tmp_path / "original.db"
    database_at(str(original), version, _fill)
    location, stop_at = upgraded_after_stops(original, _dump)
    assert stop_at > 10
    with open_store(str(location)) as store:
        assert _found(store, "ΠΕΙΡΑΙΑΣ") == [1]
