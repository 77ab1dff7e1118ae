"""Schema 18 on SQLite: ids that are never given twice.

A table whose key is a plain ``INTEGER PRIMARY KEY`` gives a new row the highest id plus
one, so the id of the row with the highest one comes back once that row is deleted.
Two kinds of id outlive their row: a source's, which people type (``sources remove #4``
from a list shown before) and ingest holds through a run; and a claimed digest's record,
which the claiming process holds through its lease (its row may be dropped meanwhile, see
``claims.py``). Such a stale id must reach nothing, not the row added next, so both
tables are made again with ``AUTOINCREMENT`` (SQLite keeps the highest id ever given in
``sqlite_sequence``). SQLite cannot add it with ``ALTER TABLE``: each table is rebuilt
as SQLite's documented procedure says (https://sqlite.org/lang_altertable.html, "making
other kinds of table schema changes"): with foreign keys off (``migrate.migrate`` turns
them off outside its transaction), a new table is made from the old one's own definition
(as SQLite keeps it, columns added since included) with its key made AUTOINCREMENT,
filled, the old one dropped, the new one renamed, its indexes made again, and the foreign
keys checked before the commit. Everything stays in the upgrade's one transaction. An id
that rows of other tables still refer to (their row deleted with foreign keys off, as the
sqlite3 shell does) is not given again either: the count starts past it.

Not rebuilt: articles (never deleted: their ids, and the story ids taken from them, are
never freed; the batch writer gives a new article the highest id plus one itself, on both
engines, which AUTOINCREMENT would not change; and the table is the archive, which a
rebuild would copy whole), and the tables
keyed by text (channels, tenants) or by their references (subscriptions, article_sources,
source_moves, source_spellings, story_briefings, posted), whose keys are not handed out.
PostgreSQL's identity columns never give an id twice: nothing to do there.
"""

from __future__ import annotations

import re

from summaries.store.connection import Connection

TABLES = ("sources", "digests")

# a table's integer key as SQLite stores its definition, not yet AUTOINCREMENT
_KEY = re.compile(r"\bid\s+INTEGER\s+PRIMARY\s+KEY\b(?!\s+AUTOINCREMENT)", re.IGNORECASE)


def never_reused_ids(conn: Connection) -> None:
    """Rebuild each of ``TABLES`` with ids never given twice (foreign keys off)."""
    for table in TABLES:
        rebuild(conn, table)


def rebuild(conn: Connection, table: str) -> None:
    """Make ``table`` again as it is defined, its key AUTOINCREMENT, every row kept under
    its id; nothing to do when its key is AUTOINCREMENT already."""
    (definition,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    if not _KEY.search(definition):
        return
    new = f"new_{table}"
    head = re.compile(rf"^CREATE\s+TABLE\s+\"?{table}\"?", re.IGNORECASE)
    create = _KEY.sub(
        "id INTEGER PRIMARY KEY AUTOINCREMENT", head.sub(f"CREATE TABLE {new}", definition), 1
    )
    indexes = [
        sql
        for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
            "AND sql IS NOT NULL",
            (table,),
        )
    ]
    conn.execute(create)
    columns = ", ".join(row[1] for row in conn.execute(f"PRAGMA table_info({table})"))
    conn.execute(f"INSERT INTO {new} ({columns}) SELECT {columns} FROM {table}")
    conn.execute(f"DROP TABLE {table}")
    conn.execute(f"ALTER TABLE {new} RENAME TO {table}")
    for sql in indexes:
        conn.execute(sql)
    _count_from(conn, table, _highest_referred(conn, table))


def _highest_referred(conn: Connection, table: str) -> int:
    """The highest id of ``table`` that a row of another table refers to: one whose row
    was deleted with foreign keys off (the sqlite3 shell's default) may still be."""
    highest = 0
    for (other,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for reference in conn.execute(f'PRAGMA foreign_key_list("{other}")').fetchall():
            column, parent, key = reference[3], reference[2], reference[4]
            if parent == table and key in (None, "id"):
                (value,) = conn.execute(
                    f'SELECT max("{column}") FROM "{other}" WHERE "{column}" IS NOT NULL'
                ).fetchone()
                highest = max(highest, value or 0)
    return highest


def _count_from(conn: Connection, table: str, highest: int) -> None:
    """Give ``table``'s new rows ids past ``highest`` (SQLite's own count starts past the
    highest row it holds)."""
    conn.execute(
        "INSERT INTO sqlite_sequence (name, seq) SELECT ?, 0 "
        "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)",
        (table, table),
    )
    conn.execute(
        "UPDATE sqlite_sequence SET seq = ? WHERE name = ? AND seq < ?", (highest, table, highest)
    )


def broken_references(conn: Connection) -> set[tuple]:
    """Rows whose reference points nowhere (table, row id, referred table)."""
    return {tuple(row[:3]) for row in conn.execute("PRAGMA foreign_key_check")}
