"""``PostgresStore``: the store in a PostgreSQL database, shared by any number of processes.

Connections come from a pool (psycopg_pool), so the threads the bot calls the store from
work side by side. The store's modules write SQL with ``?`` placeholders;
``PostgresConnection`` turns them into psycopg's ``%s``. Every method is one
transaction, as on SQLite:

- a read runs in ``REPEATABLE READ, READ ONLY``: one snapshot, as SQLite's read
  transaction gives;
- a write first takes one transaction-scoped advisory lock, so writes follow one
  another as SQLite's ``BEGIN IMMEDIATE`` makes them, across every process: the
  store's read-then-write steps (an article's upsert, a digest's record) stay whole.

Errors: a server that does not answer, drops the connection or runs out of room is
``StoreUnavailableError`` ("the database is unavailable"), never psycopg's text (which
goes to the log only).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache
from typing import Any, TypeVar

import psycopg
from psycopg_pool import ConnectionPool, PoolClosed, PoolTimeout

from summaries.store import postgres_schema
from summaries.store.connection import POSTGRESQL, Connection
from summaries.store.database import SqlStore
from summaries.store.errors import (
    OutdatedStoreError,
    StoreError,
    StoreUnavailableError,
    refuse_newer,
)
from summaries.store.foreign import foreign_refusal
from summaries.store.schema import SCHEMA_VERSION, Migration

T = TypeVar("T")
log = logging.getLogger("summaries.store.postgres")

CONNECT_SECONDS = 5  # to reach the server
WAIT_SECONDS = 10.0  # for a free connection of the pool (or a new one) before giving up
POOL_SIZE = 8
# pg_advisory_xact_lock keys: every write, and schema upgrades ("brf" + 1 / 2)
WRITE_LOCK = 0x627266_01
MIGRATION_LOCK = 0x627266_02

_FAILED = (psycopg.OperationalError, psycopg.InterfaceError, PoolTimeout, PoolClosed)


class PostgresConnection:
    """A psycopg connection inside one transaction, reading the store's ``?`` SQL."""

    engine = POSTGRESQL

    def __init__(self, raw: psycopg.Connection, search_budget_ms: float | None = None) -> None:
        self.raw = raw
        # The wall time a search may take (see postgres_dialect.BUDGET_MS; None: that).
        self.search_budget_ms = search_budget_ms

    def execute(self, sql: str, parameters: Any = (), /) -> psycopg.Cursor:
        if not parameters:
            return self.raw.execute(sql)
        return self.raw.execute(placeholders(sql), storable(parameters))

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(placeholders(sql), (storable(row) for row in parameters))

    def savepoint(self) -> AbstractContextManager[Any]:
        """A savepoint: an error inside it undoes only its own work."""
        return self.raw.transaction()


def storable(value: Any) -> Any:
    """``value`` (a statement's parameters) with each NUL character of its text made
    U+FFFD, the character of one that cannot be shown: PostgreSQL's text holds none
    (SQLite's does), so a source address, feed entry id or lookup holding one is stored and
    found again as on SQLite instead of failing in the driver."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, tuple | list):
        return type(value)(storable(item) for item in value)
    return value


@lru_cache(maxsize=512)
def placeholders(sql: str) -> str:
    """``?`` -> ``%s`` (and a literal ``%`` -> ``%%``); the store's SQL has no ``?`` in
    its string literals."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(SqlStore):
    """The store in a PostgreSQL database (see the module docstring)."""

    engine = POSTGRESQL

    def __init__(self, pool: ConnectionPool, url: str, search_budget_ms: float | None) -> None:
        """Use :meth:`open`; the pool's database is already migrated."""
        self._pool = pool
        self.path = url
        self.search_budget_ms = search_budget_ms

    @classmethod
    def open(cls, url: str, *, read_only: bool = False) -> PostgresStore:
        """Connect to ``url`` and bring its schema up to date. ``read_only``: every
        transaction is READ ONLY and nothing is upgraded: OutdatedStoreError when the schema
        is older than this version's (or not there yet)."""
        try:
            with psycopg.connect(url, connect_timeout=CONNECT_SECONDS) as conn:
                if read_only:
                    conn.read_only = True
                    require_current(conn, url)
                else:
                    migrate(conn)
                budget = search_budget_ms(conn)
        except _FAILED as error:
            raise unavailable(url, error) from error
        pool = ConnectionPool(
            url,
            min_size=1,
            max_size=POOL_SIZE,
            kwargs={"connect_timeout": CONNECT_SECONDS},
            configure=_read_only if read_only else None,
            check=ConnectionPool.check_connection,
            timeout=WAIT_SECONDS,
            open=False,
            name="briefing-store",
        )
        try:
            pool.open(wait=True, timeout=WAIT_SECONDS)
        except _FAILED as error:
            pool.close()
            raise unavailable(url, error) from error
        return cls(pool, url, budget)

    def close(self) -> None:
        self._pool.close()

    @contextmanager
    def _transaction(self, write: bool, lock: bool = True) -> Iterator[PostgresConnection]:
        try:
            with self._pool.connection() as raw:
                if write and lock:
                    raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                elif not write:
                    raw.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield PostgresConnection(raw, self.search_budget_ms)
        except _FAILED as error:
            raise unavailable(self.path, error) from error
        except psycopg.errors.ReadOnlySqlTransaction as error:
            raise StoreError(
                f"The database {self.path} was opened read-only: nothing was written."
            ) from error

    def _write(self, work: Callable[[Connection], T]) -> T:
        with self._transaction(write=True) as conn:
            return work(conn)

    def _read(self, work: Callable[[Connection], T]) -> T:
        with self._transaction(write=False) as conn:
            return work(conn)

    def _write_row(self, work: Callable[[Connection], T]) -> T:
        with self._transaction(write=True, lock=False) as conn:
            return work(conn)


def _read_only(conn: psycopg.Connection) -> None:
    """Make each transaction of a pooled connection READ ONLY (the server refuses writes)."""
    conn.read_only = True


def search_budget_ms(conn: psycopg.Connection) -> float | None:
    """The setting ``briefing.search_budget_ms`` of the database or its address
    (``?options=-cbriefing.search_budget_ms%3D100``, ``ALTER DATABASE ... SET``): how long
    a search may take in wall time where the server is slower or busier than usual; None
    (the built-in budget) when unset.

    A setting that is not a number fails at start-up, naming it."""
    value = conn.execute("SELECT current_setting('briefing.search_budget_ms', true)").fetchone()
    text = (value[0] if value else None) or ""
    if not text.strip():
        return None
    try:
        return float(text)
    except ValueError:
        raise StoreError(
            f"The database setting briefing.search_budget_ms is {text[:40]!r}; it is a "
            "number of milliseconds, such as 25."
        ) from None


def unavailable(url: str, error: BaseException) -> StoreUnavailableError:
    """The store's error for a server that cannot be used; the driver's words go to the log."""
    log.warning("PostgreSQL at %s: %s", url, str(error).strip() or type(error).__name__)
    if isinstance(error, PoolClosed):
        return StoreUnavailableError("The store is closed; open it again.")
    return StoreUnavailableError(
        f"The database is unavailable: PostgreSQL at {url} does not answer or refused the "
        "work. Try again in a minute; if it lasts, check that the server is running."
    )


# --- the schema ------------------------------------------------------------------------------


def migrate(conn: psycopg.Connection) -> tuple[int, int]:
    """Bring the database's schema (in the connection's current schema) up to date in one
    transaction; return (version before, after). Two processes starting at once take
    turns (an advisory lock)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        before = schema_version(conn)
        refuse_newer(before, SCHEMA_VERSION, "another database")
        if before == 0:
            _refuse_foreign(conn)
            conn.execute(postgres_schema.BASELINE_SQL)
            conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
            conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (0,))
        start = max(before, postgres_schema.BASELINE)
        for number in range(start, SCHEMA_VERSION):
            step = postgres_schema.MIGRATIONS[number - postgres_schema.BASELINE]
            if isinstance(step, Migration):
                conn.execute(step.sql)
                step.then(PostgresConnection(conn))
            else:
                conn.execute(step)
        if before < SCHEMA_VERSION:
            conn.execute("UPDATE schema_version SET version = %s", (SCHEMA_VERSION,))
    return before, SCHEMA_VERSION


def require_current(conn: psycopg.Connection, url: str) -> None:
    """Refuse, in a read-only transaction, a schema that :func:`migrate` would refuse or
    upgrade (OutdatedStoreError: older, or none of the bot's tables yet)."""
    with conn.transaction():
        version = schema_version(conn)
        if version == 0:
            _refuse_foreign(conn)
    refuse_newer(version, SCHEMA_VERSION, "another database")
    if version < SCHEMA_VERSION:
        raise OutdatedStoreError(f"The database {url}", version, SCHEMA_VERSION)


def schema_version(conn: psycopg.Connection) -> int:
    """The version of the bot's schema in the current schema (0: none yet)."""
    row = conn.execute("SELECT to_regclass(quote_ident(current_schema()) || '.schema_version')")
    if row.fetchone()[0] is None:  # type: ignore[index]
        return 0
    found = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(found[0] or 0) if found else 0


def _refuse_foreign(conn: psycopg.Connection) -> None:
    """A schema holding tables of another program (and no schema_version) is refused."""
    rows = conn.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema() ORDER BY table_name"
    ).fetchall()
    others = [name for (name,) in rows]
    if others:
        raise foreign_refusal(
            f"The schema {_current_schema(conn)} of the database",
            others,
            "Point [store] url at a new database (or give it an empty schema).",
        )


def _current_schema(conn: psycopg.Connection) -> str:
    row = conn.execute("SELECT current_schema()").fetchone()
    return str(row[0]) if row else "public"
