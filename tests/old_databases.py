"""Databases as an older bot made them, on either engine, for the tests of upgrades."""

from __future__ import annotations

import itertools
import json
import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from summaries.models import DigestRecord
from summaries.store import Store, postgres_schema
from summaries.store.connection import SQLiteConnection
from summaries.store.migrate import migrate
from summaries.store.schema import MIGRATIONS, Migration
from summaries.store.times import to_db

Execute = Callable[..., object]


def database_at(location: str, version: int, fill: Callable[[Execute], None]) -> None:
    """A new database at ``location`` made as the bot of schema ``version`` made it, then
    ``fill``ed through an ``execute`` taking ``?`` parameters, in one transaction."""
    if location.startswith("postgresql"):
        _postgres_at(location, version, fill)
        return
    conn = sqlite3.connect(location, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn, MIGRATIONS[:version])
        conn.execute("BEGIN")
        fill(conn.execute)
        conn.execute("COMMIT")
    finally:
        conn.close()


def _postgres_at(url: str, version: int, fill: Callable[[Execute], None]) -> None:
    import psycopg

    from summaries.store.postgres_store import PostgresConnection

    with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
        conn.execute(postgres_schema.BASELINE_SQL)
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (version,))
        for step in postgres_schema.MIGRATIONS[: version - postgres_schema.BASELINE]:
            conn.execute(step.sql if isinstance(step, Migration) else step)
            if isinstance(step, Migration):
                step.then(PostgresConnection(conn))
        fill(PostgresConnection(conn).execute)


def followed_with_digests(
    execute: Execute, subscriptions: list[tuple[str, int]], posted_digest: int, stamp: str
) -> None:
    """``subscriptions`` (server, source), a channel of the first server with digests of
    two days, and a story it posted in digest ``posted_digest``, all at ``stamp``; through
    ``execute``."""
    for tenant, source in subscriptions:
        execute(
            "INSERT INTO subscriptions (tenant_id, source_id, added_at) VALUES (?, ?, ?)",
            (tenant, source, stamp),
        )
    execute(
        "INSERT INTO channels (id, platform, tenant_id) "
        "VALUES ('discord:5', 'discord', 'discord:1')"
    )
    for period in ("2026-03-03", "2026-03-04"):
        execute(
            "INSERT INTO digests (channel_id, period, recorded_at) VALUES ('discord:5', ?, ?)",
            (period, stamp),
        )
    execute(
        "INSERT INTO posted (channel_id, story_id, digest_id, posted_at) "
        "VALUES ('discord:5', 1, ?, ?)",
        (posted_digest, stamp),
    )


def stopping_at(call: int) -> Callable[[], bool]:
    """A progress handler that stops SQLite at its ``call``-th call."""
    calls = itertools.count(1)
    return lambda: next(calls) >= call


def upgraded_after_stops(original: Path, snapshot: Callable[[str], object]) -> tuple[Path, int]:
    """Upgrade copies of the SQLite file ``original``, each stopped (SQLite's progress
    handler) after 100 more steps of its machine than the last, until one runs through:
    after each stop the copy's ``snapshot`` is the original's and the connection enforces
    foreign keys again. The copy that ran through, and how many tries it took."""
    wanted = snapshot(str(original))
    stop_at = 0
    while True:
        stop_at += 1
        location = original.with_name(f"try{stop_at}.db")
        shutil.copyfile(original, location)
        conn = sqlite3.connect(location, isolation_level=None, factory=SQLiteConnection)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.set_progress_handler(stopping_at(stop_at), 100)
        try:
            migrate(conn)
        except sqlite3.OperationalError as error:
            assert str(error).endswith("interrupted")  # (as SQLite or FTS5 words it)
        else:
            return location, stop_at
        finally:
            conn.set_progress_handler(None, 0)
            enforced = conn.execute("PRAGMA foreign_keys").fetchone()
            conn.close()
        assert enforced == (1,)
        assert snapshot(str(location)) == wanted, f"stopped at point {stop_at}"
        location.unlink()


def record_naming_taken_stories(
    store: Store, channel_id: str, period: str, story_ids: list[int], at: datetime
) -> DigestRecord:
    """A digest record naming stories that another record of the channel, waiting to be
    sent, holds too: as the bot recorded them before it left such stories out."""
    store.execute(
        "INSERT INTO digests (channel_id, period, story_ids, recorded_at) VALUES (?, ?, ?, ?)",
        (channel_id, period, json.dumps(story_ids), to_db(at)),
    )
    record = store.digest_record(channel_id, period)
    assert record is not None
    return record
