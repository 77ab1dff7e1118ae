"""The ids people type and processes hold (a source's ``#N``, a claimed digest's record) are
never given twice, on SQLite (AUTOINCREMENT since schema 18) and PostgreSQL (identity
columns never did): a list shown before a source was removed, or an ingest run that read
it, cannot reach the source added after it. A database of schema 17 is upgraded by
rebuilding those tables with every row and reference kept, in one transaction."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

import summaries.store.rebuild as rebuild_module
from summaries.store import SCHEMA_VERSION, StoreError, open_store
from summaries.store.migrate import migrate
from summaries.store.schema import MIGRATIONS
from summaries.store.times import to_db
from tests.old_databases import database_at, followed_with_digests, upgraded_after_stops

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
BEFORE = 17  # the schema before ids were never reused
STAMP = to_db(NOW)


def test_a_removed_sources_id_is_not_given_to_the_next_source(location):
    with open_store(location) as store:
        store.add_source("https://one.example/rss", "feed", now=NOW)
        removed = store.add_source("https://two.example/rss", "feed", now=NOW)
        assert store.remove_source(removed.id)
        added = store.add_source("https://three.example/rss", "feed", now=NOW)
        assert added.id > removed.id
        # what a list shown before, or an ingest run that read it, still holds
        assert not store.remove_source(f"#{removed.id}")
        assert store.get_source(f"#{removed.id}") is None
        with pytest.raises(StoreError, match=f"no source number {removed.id}"):
            store.record_fetch(removed.id, ok=False, error="timed out", now=NOW)
        assert store.get_source(added.id) == added  # untouched


def _claim(store, now: datetime) -> list:
    grace, lease = timedelta(hours=1), timedelta(minutes=2)
    return store.claim_due_digests(now, grace=grace, lease=lease, platforms=["discord"]).records


def test_a_dropped_digest_claims_record_is_not_given_to_the_next_claim(location):
    """A process holding a claim whose row was dropped cannot mark another channel's digest."""
    with open_store(location) as store:
        early = NOW.replace(hour=7)
        store.set_schedule("discord:1", "08:00", "UTC", now=early)
        store.set_schedule("discord:2", "09:00", "UTC", now=early)
        first = _claim(store, NOW.replace(hour=8))
        assert [record.channel_id for record in first] == ["discord:1"]
        store.drop_digest_claim(first[0].id)
        second = _claim(store, NOW.replace(hour=9))
        assert [record.channel_id for record in second] == ["discord:2"]
        assert second[0].id > first[0].id


# --- the upgrade from schema 17 ---------------------------------------------------------------

TABLES = {  # what the upgrade must keep, row for row
    "sources": "id, url, kind, operator, added_at",
    "articles": "id, url, source_id, story_id",
    "article_sources": "article_id, source_id",
    "subscriptions": "tenant_id, source_id",
    "source_moves": "url, source_id",
    "source_spellings": "source_id, url",
    "channels": "id, tenant_id",
    "digests": "id, channel_id, period, composed",
    "posted": "channel_id, story_id, digest_id",
}


def _fill(execute: Callable[..., object]) -> None:
    """Sources (the highest followed and moved), their articles, servers following them,
    a channel with a digest and what it posted; through a ``?`` connection."""
    for url, operator in [
        ("https://one.example/rss", 1),
        ("HTTPS://Two.example/rss", 0),
        ("https://two.example/rss", 0),
        ("https://three.example/rss", 0),
    ]:
        execute(
            "INSERT INTO sources (url, kind, added_at, operator) VALUES (?, 'feed', ?, ?)",
            (url, STAMP, operator),
        )
    execute("INSERT INTO source_spellings (source_id, url) VALUES (2, 'https://two.example/rss')")
    execute("INSERT INTO source_moves (url, source_id) VALUES ('https://old.example/rss', 4)")
    for number, source in [(1, 1), (2, 4), (3, 4)]:
        execute(
            "INSERT INTO articles (url, content_hash, title, source_id, fetched_at, "
            "updated_at, text, briefing, method, story_id) "
            "VALUES (?, ?, ?, ?, ?, ?, 'Ships wait outside the port.', '[]', 'lead', 1)",
            (
                f"https://n.example/{number}",
                f"hash{number}",
                f"Port {number}",
                source,
                STAMP,
                STAMP,
            ),
        )
        execute(
            "INSERT INTO article_sources (article_id, source_id) VALUES (?, ?)", (number, source)
        )
    followed_with_digests(execute, [("discord:1", 4), ("discord:2", 4), ("discord:2", 2)], 2, STAMP)


def database_at_17(location: str) -> None:
    database_at(location, BEFORE, _fill)


def rows(store_or_conn, table: str) -> list[tuple]:
    sql = f"SELECT {TABLES[table]} FROM {table} ORDER BY {TABLES[table]}"
    return [tuple(row) for row in store_or_conn.execute(sql)]


def _rows_of_file(location: str) -> dict[str, list[tuple]]:
    """Every table of ``TABLES`` and the version, read without the store (not upgrading)."""
    if location.startswith("postgresql"):
        import psycopg

        with psycopg.connect(location) as conn:
            found = {table: rows(conn, table) for table in TABLES}
            found["version"] = conn.execute("SELECT version FROM schema_version").fetchall()
            return found
    conn = sqlite3.connect(location)
    try:
        found = {table: rows(conn, table) for table in TABLES}
        found["version"] = conn.execute("SELECT version FROM schema_version").fetchall()
        return found
    finally:
        conn.close()


def test_a_database_of_schema_17_keeps_every_row_and_reference_and_never_reuses_ids(location):
    database_at_17(location)
    before = _rows_of_file(location)
    assert before["version"] == [(BEFORE,)]
    with open_store(location) as store:
        assert store.execute("SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
        assert {table: rows(store, table) for table in TABLES} == {
            table: found for table, found in before.items() if table != "version"
        }
        if not location.startswith("postgresql"):
            assert store.execute("PRAGMA foreign_key_check") == []
            assert store.execute("PRAGMA foreign_keys") == [(1,)]
        # the references still act: the highest source removed takes its followers,
        # moves and links with it, and its articles stay, unattributed
        assert store.remove_source(4)
        assert rows(store, "subscriptions") == [("discord:2", 2)]
        assert rows(store, "source_moves") == []
        assert rows(store, "articles")[1:] == [
            (2, "https://n.example/2", None, 1),
            (3, "https://n.example/3", None, 1),
        ]
        added = store.add_source("https://four.example/rss", "feed", now=NOW)
        assert added.id == 5
        assert store.get_source("#4") is None
        assert [hit.story.id for hit in store.search("ships", now=NOW)] == [1]  # the index reads
        store.set_schedule("discord:5", "08:00", "UTC", now=NOW)
    with open_store(location) as store:  # opened again: nothing left to do
        assert store.get_source(5).url == "https://four.example/rss"


def test_an_upgrade_interrupted_in_the_rebuild_leaves_the_database_as_it_was_at_17(
    tmp_path, monkeypatch
):
    """Stopped after the sources were rebuilt, before the digests: nothing of it stays, and
    the next open upgrades it."""
    location = str(tmp_path / "briefing.db")
    database_at_17(location)
    before = _rows_of_file(location)
    rebuild = rebuild_module.rebuild

    def interrupted(conn, table: str) -> None:
        if table == "digests":
            raise KeyboardInterrupt
        rebuild(conn, table)

    monkeypatch.setattr(rebuild_module, "rebuild", interrupted)
    with pytest.raises(KeyboardInterrupt):
        open_store(location)
    assert _rows_of_file(location) == before
    conn = sqlite3.connect(location)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'sources'").fetchone()
        assert "AUTOINCREMENT" not in sql
        assert (
            conn.execute("SELECT name FROM sqlite_master WHERE name GLOB 'new_*'").fetchall() == []
        )
    finally:
        conn.close()
    monkeypatch.setattr(rebuild_module, "rebuild", rebuild)
    with open_store(location) as store:
        assert store.execute("SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
        assert rows(store, "subscriptions") == before["subscriptions"]


def test_a_rebuild_that_left_a_reference_pointing_nowhere_is_undone_and_named(
    tmp_path, monkeypatch
):
    """The check at the end of the rebuild: had it lost a source that rows refer to, the
    upgrade stops with the rows named and the database stays at 17."""
    location = str(tmp_path / "briefing.db")
    database_at_17(location)
    before = _rows_of_file(location)
    rebuild = rebuild_module.rebuild

    def losing(conn, table: str) -> None:
        rebuild(conn, table)
        if table == "sources":
            conn.execute("DELETE FROM sources WHERE id = 4")

    monkeypatch.setattr(rebuild_module, "rebuild", losing)
    with pytest.raises(StoreError) as refused:
        open_store(location)
    assert str(refused.value) == (
        f"The upgrade to schema {SCHEMA_VERSION} would leave rows referring to nothing: "
        "article_sources (to sources), articles row 2 (to sources), articles row 3 (to sources), "
        "source_moves (to sources), subscriptions (to sources). It was undone: the database "
        "is as it was, and the version of the bot you ran before still opens it. This is a "
        "bug: please report it, with the bot's version."
    )
    assert _rows_of_file(location) == before


def _schema_of(location: str) -> list[tuple]:
    conn = sqlite3.connect(location)
    try:
        return conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
        ).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("version", [13, 15, BEFORE])
def test_a_database_upgraded_from_an_older_schema_has_the_tables_and_indexes_of_a_new_one(
    tmp_path, version
):
    """The rebuilt tables (their columns added by migrations since, their indexes) and every
    other table, index and trigger are as a database made new at this schema has them."""
    old, new = str(tmp_path / "old.db"), str(tmp_path / "new.db")
    database_at(old, version, lambda execute: None)
    for location in (old, new):
        open_store(location).close()
    assert _schema_of(old) == _schema_of(new)
    assert "AUTOINCREMENT" in {name: sql for _, name, _, sql in _schema_of(old)}["digests"]


def test_the_upgrade_from_17_changes_only_the_keys_of_the_two_tables_it_rebuilds(tmp_path):
    """Every index and trigger, and every other table, as it was; the two tables as they
    were but for their key (and the name SQLite quotes when a table is renamed)."""
    location = str(tmp_path / "briefing.db")
    database_at_17(location)
    before = _schema_of(location)
    conn = sqlite3.connect(location, isolation_level=None)
    try:
        migrate(conn, MIGRATIONS[:18])  # (later schemas change other tables)
    finally:
        conn.close()
    after = _schema_of(location)

    def rebuilt(row: tuple) -> bool:
        return row[0] == "table" and row[1] in ("sources", "digests", "sqlite_sequence")

    assert [row for row in after if not rebuilt(row)] == [row for row in before if not rebuilt(row)]
    for _, name, _, sql in (row for row in before if rebuilt(row)):
        (made,) = [row[3] for row in after if row[1] == name]
        key = re.sub(r"\bid\s+INTEGER PRIMARY KEY", "id INTEGER PRIMARY KEY AUTOINCREMENT", sql)
        assert made == key.replace(f"CREATE TABLE {name}", f'CREATE TABLE "{name}"', 1)


def test_an_id_rows_still_refer_to_is_not_given_by_the_upgrade_to_the_next_source(tmp_path):
    """The highest source, deleted with foreign keys off (as the sqlite3 shell does), left
    a server's subscription, a move and article links behind: the next source added after
    the upgrade gets a number past it, so the server does not follow a source it never
    added, and the articles of the old one are not the new one's."""
    location = str(tmp_path / "briefing.db")
    database_at_17(location)
    conn = sqlite3.connect(location)  # foreign keys off: SQLite's default
    with conn:
        conn.execute("DELETE FROM sources WHERE id = 4")
    conn.close()
    with open_store(location) as store:
        added = store.add_source("https://four.example/rss", "feed", now=NOW)
        assert added.id == 5
        assert [s.source.id for s in store.tenant_sources("discord:1", operator=False)] == []
        assert store.execute(
            "SELECT count(*) FROM article_sources WHERE source_id = ?", (added.id,)
        ) == [(0,)]


def _schema_and_rows(location: str) -> tuple[list[tuple], dict[str, list[tuple]]]:
    return _schema_of(location), _rows_of_file(location)


def test_the_upgrade_from_17_stopped_at_any_point_leaves_the_database_as_it_was(tmp_path):
    """SQLite interrupts the upgrade (its progress handler) after every 100 steps of its
    machine in turn, until it runs through: each time nothing of it stays, the connection
    enforces foreign keys again, and the next try starts from the same database."""
    original = tmp_path / "original.db"
    database_at_17(str(original))
    location, stop_at = upgraded_after_stops(original, _schema_and_rows)
    assert stop_at > 10  # it was stopped at many points before it ran through
    assert _rows_of_file(str(location))["version"] == [(SCHEMA_VERSION,)]
