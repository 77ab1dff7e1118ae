"""What the store's modules run SQL through, whichever engine: ``Connection``.

The modules write SQL once, with ``?`` placeholders and what both engines understand
(``ON CONFLICT``, ``RETURNING``, ``TRUE``/``FALSE``, times as ISO-8601 text). SQLite's
connection is used as it is (``SQLiteConnection``); PostgreSQL's is wrapped so that it
reads the same SQL (``summaries.store.postgres_store.PostgresConnection``). The few
statements that differ (full-text search, bulk loading, the schema) are in each engine's
dialect module, chosen by :func:`dialect`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from types import ModuleType
from typing import Any, Protocol

SQLITE, POSTGRESQL = "sqlite", "postgresql"


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """A connection inside one of the store's transactions."""

    engine: str

    def execute(self, sql: str, parameters: Any = (), /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any: ...


class SQLiteConnection(sqlite3.Connection):
    """sqlite3's own connection, marked with its engine (``sqlite3.connect(factory=...)``)."""

    engine = SQLITE


def dialect(conn: Connection) -> ModuleType:
    """The module holding what ``conn``'s engine does its own way."""
    if conn.engine == POSTGRESQL:
        from summaries.store import postgres_dialect

        return postgres_dialect
    from summaries.store import sqlite_dialect

    return sqlite_dialect
