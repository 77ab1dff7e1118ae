"""``open_store``: the one way in, from ``[store] url`` or a path to the engine's store."""

from __future__ import annotations

from os import PathLike

from summaries.store.errors import StoreError
from summaries.store.location import POSTGRESQL, parse_location
from summaries.store.protocol import Store


def open_store(location: str | PathLike[str]) -> Store:
    """Open (creating or upgrading) the database at ``location``: an SQLite file path,
    ``sqlite:///path``, ``:memory:`` (tests), or ``postgresql://user@host/db``.

    StoreError when the location cannot be read; StoreUnavailableError when the
    database does not answer.
    """
    try:
        where = parse_location(str(location))
    except ValueError as error:
        raise StoreError(f"The database address {error}.") from None
    if where.engine == POSTGRESQL:
        from summaries.store.postgres_store import PostgresStore  # psycopg only when used

        return PostgresStore.open(where.target)
    from summaries.store.sqlite_store import SQLiteStore

    return SQLiteStore.open(where.target)
