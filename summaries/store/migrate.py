"""Applying the schema's migrations (``schema.MIGRATIONS``) to an SQLite database.

A database without ``schema_version`` is schema 0: new, or holding only the digest
schedule's APScheduler job store, which shares the bot's file. A database without it
that holds any other table belongs to another program and is refused: the bot never
adds its tables to someone else's file. Every pending migration runs in ONE
transaction with the version bump, so an interrupted upgrade leaves the database as
it was.
"""

from __future__ import annotations

import sqlite3

from summaries.listing import some_of
from summaries.store import folding_schema, schema
from summaries.store.errors import StoreError, refuse_newer
from summaries.store.foreign import refuse_foreign, schema_version
from summaries.store.rebuild import broken_references
from summaries.store.schema import Migration
from summaries.store.sql_scripts import statements


def migrate(
    conn: sqlite3.Connection, migrations: list[str | Migration] | None = None
) -> tuple[int, int]:
    """Bring the database up to date in one transaction; return (version before, after).

    ``conn`` must be in autocommit mode (``isolation_level=None``). SQLite turns foreign
    keys on or off only outside a transaction: when a pending migration rebuilds a table,
    they are off for the upgrade (the rows another table refers to are dropped and made
    again) and back as they were after it; a reference left pointing nowhere that was not
    there before stops the upgrade, undone.
    """
    scripts = schema.MIGRATIONS if migrations is None else migrations  # (read when called)
    folding_schema.register(conn)  # what the index's triggers call, from schema 19 on
    rebuilds = any(
        isinstance(step, Migration) and step.foreign_keys_off
        for step in scripts[schema_version(conn) :]
    )
    enforced = bool(conn.execute("PRAGMA foreign_keys").fetchone()[0])
    if rebuilds and enforced:
        conn.execute("PRAGMA foreign_keys = OFF")
    try:
        return _migrate(conn, scripts, check=rebuilds)
    finally:
        if rebuilds and enforced:
            conn.execute("PRAGMA foreign_keys = ON")


def _migrate(
    conn: sqlite3.Connection, scripts: list[str | Migration], *, check: bool
) -> tuple[int, int]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        refuse_foreign(conn)
        before = schema_version(conn)
        refuse_newer(before, len(scripts), "another database file")
        broken = broken_references(conn) if check else set()
        for number in range(before, len(scripts)):
            step = scripts[number]
            for statement in statements(step.sql if isinstance(step, Migration) else step):
                conn.execute(statement)
            if isinstance(step, Migration):
                step.then(conn)
        if check:
            _refuse_broken(broken_references(conn) - broken, len(scripts))
        if before < len(scripts):
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            conn.execute("DELETE FROM schema_version")
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (len(scripts),))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return before, len(scripts)


def _refuse_broken(broken: set[tuple], version: int) -> None:
    if broken:
        rows = sorted(
            f"{table}{'' if row is None else f' row {row}'} (to {parent})"
            for table, row, parent in broken
        )
        raise StoreError(
            f"The upgrade to schema {version} would leave rows referring to nothing: "
            f"{some_of(rows)}. It was undone: the database is as it was, and the version of "
            "the bot you ran before still opens it. This is a bug: please report it, with the "
            "bot's version."
        )
