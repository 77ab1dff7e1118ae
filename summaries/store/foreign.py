"""The database's version and whether a file is the bot's at all (see ``schema.py``): a
database without a version that holds another program's tables is refused."""

from __future__ import annotations

import sqlite3

from summaries.listing import some_of
from summaries.store.errors import StoreError

# Tables of the bot's own that may be in its file before the schema: the job store of the
# digest schedule before schema 11 (read and dropped by migration 11).
OWN_TABLES = frozenset({"apscheduler_jobs"})


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version of an open database (0 when it has no version table)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def foreign_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables and views of another program in a database without a schema version."""
    if schema_version(conn):
        return []
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
        "AND name NOT GLOB 'sqlite_*' ORDER BY name"
    ).fetchall()
    return [name for (name,) in rows if name not in OWN_TABLES]


def refuse_foreign(conn: sqlite3.Connection) -> None:
    """StoreError naming the file when it holds another program's tables (see above)."""
    others = foreign_tables(conn)
    if others:
        raise foreign_refusal(
            _file_name(conn),
            others,
            "Point [store] path at a new file or at the bot's own database; the bot does not "
            "add its tables to another program's file.",
        )


def foreign_refusal(place: str, others: list[str], fix: str) -> StoreError:
    """The refusal of a database (``place``) that holds another program's tables."""
    return StoreError(
        f"{place} is not a briefing bot database: it holds another program's tables "
        f"({some_of(others)}). {fix}"
    )


def _file_name(conn: sqlite3.Connection) -> str:
    for _, schema, file in conn.execute("PRAGMA database_list"):
        if schema == "main" and file:
            return str(file)
    return "This database"
