"""A schema of its own for a bench on a PostgreSQL server: made anew, dropped after."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from summaries.store.postgres_schema import EXTENSIONS_IN_PUBLIC

T = TypeVar("T")


class BenchSchema:
    """``schema.url`` uses the schema ``name`` of the database ``server`` names (then
    public, where the extensions are); :meth:`renew` empties it, :meth:`drop` removes it."""

    def __init__(self, server: str, name: str) -> None:
        self.server = server
        self.name = name
        joiner = "&" if "?" in server else "?"
        self.url = f"{server}{joiner}options=-csearch_path%3D{name}%2Cpublic"
        for statement in EXTENSIONS_IN_PUBLIC:
            self._run(statement)

    def renew(self) -> str:
        """The schema made anew (empty): its URL."""
        self.drop()
        self._run(f"CREATE SCHEMA {self.name}")
        return self.url

    def drop(self) -> None:
        self._run(f"DROP SCHEMA IF EXISTS {self.name} CASCADE")

    def _run(self, statement: str) -> None:
        import psycopg  # the bench's own set-up of its schema

        with psycopg.connect(self.server, autocommit=True) as admin:
            admin.execute(statement)


def on_each_engine(
    server: str | None, name: str, measure: Callable[[str], T]
) -> list[tuple[str, T]]:
    """``measure(location)`` in a new SQLite file, then, with ``server`` (a PostgreSQL
    server's URL), in its schema ``name`` (made anew, dropped after): each engine's name
    and result."""
    with tempfile.TemporaryDirectory() as folder:
        results = [("sqlite", measure(str(Path(folder) / "bench.db")))]
    if server:
        schema = BenchSchema(server, name)
        try:
            results.append(("postgresql", measure(schema.renew())))
        finally:
            schema.drop()
    return results
