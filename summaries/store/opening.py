"""``open_store``: the one way in, from ``[store] url`` or a path to the engine's store."""

from __future__ import annotations

from os import PathLike

from summaries.store.errors import StoreError
from summaries.store.location import POSTGRESQL, parse_location
from summaries.store.protocol import Store

# The bot's long-lived SQLite connection: a bounded page cache, so that its memory stays
# put however many different searches it answers (bench/memory.py; bench/search.py
# --cache-kib for the cost in latency). The operating system's file cache keeps the rest
# warm. PostgreSQL keeps its cache in the server, so this is SQLite's only.
BOT_CACHE_KIB = 8 * 1024


def open_store(
    location: str | PathLike[str], *, cache_kib: int | None = None, read_only: bool = False
) -> Store:
    """Open (creating or upgrading) the database at ``location``: an SQLite file path,
    ``sqlite:///path``, ``:memory:`` (tests), or ``postgresql://user@host/db``.
    ``cache_kib``: the most an SQLite connection caches (None: the engine's default).
    ``read_only``: change nothing (for diagnostics): no file or table is made, nothing is
    upgraded, every transaction only reads; OutdatedStoreError when the database is not
    at this version's schema yet (it says how it gets upgraded).

    StoreError when the location cannot be read; StoreUnavailableError when the
    database does not answer.
    """
    try:
        where = parse_location(str(location))
    except ValueError as error:
        raise StoreError(f"The database address {error}.") from None
    if where.engine == POSTGRESQL:
        from summaries.store.postgres_store import PostgresStore  # psycopg only when used

        return PostgresStore.open(where.target, read_only=read_only)
    from summaries.store.sqlite_store import SQLiteStore

    if cache_kib is None:
        return SQLiteStore.open(where.target, read_only=read_only)
    return SQLiteStore.open(where.target, cache_kib=cache_kib, read_only=read_only)
