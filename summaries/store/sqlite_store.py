"""``SQLiteStore``: the store in one SQLite file (the embedded default), safe to share
between threads.

One connection (``check_same_thread=False``) guarded by a lock: the bot calls the
store through ``asyncio.to_thread``, so calls may come from several threads, and
each runs whole under the lock. Writes are explicit ``BEGIN IMMEDIATE`` transactions;
multi-statement reads run in one read transaction, so they see one snapshot.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from os import PathLike
from pathlib import Path
from typing import TypeVar

from summaries.reading import shown
from summaries.store import files, folding_schema
from summaries.store.connection import SQLITE, Connection, SQLiteConnection
from summaries.store.database import SqlStore
from summaries.store.errors import (
    OutdatedStoreError,
    StoreError,
    StoreUnavailableError,
    refuse_newer,
)
from summaries.store.foreign import refuse_foreign, schema_version
from summaries.store.migrate import migrate
from summaries.store.schema import SCHEMA_VERSION

T = TypeVar("T")

BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 64 * 1024  # page cache: the URL and hash indexes of 1M articles are ~110 MB


class SQLiteStore(SqlStore):
    """The store in one SQLite file (WAL mode)."""

    engine = SQLITE

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        """Use :meth:`open`; this wraps a connection that is already migrated."""
        self._conn = conn
        self._lock = threading.Lock()
        self.path = path

    @classmethod
    def open(
        cls, path: str | PathLike[str], *, cache_kib: int = CACHE_KIB, read_only: bool = False
    ) -> SQLiteStore:
        """Open (upgrading) the database at ``path``; ``":memory:"`` for tests. The
        connection caches up to ``cache_kib`` KiB of pages.

        Only a missing file is created; an empty file or another program's database is
        refused with a StoreError naming it (see ``files.py``). ``read_only``: the file is
        opened as SQLite's ``mode=ro`` and changed in no way (nothing created, nothing
        upgraded): OutdatedStoreError when its schema is older than this version's.
        """
        name = str(path)
        if name != ":memory:":
            problem = files.place_problem(Path(name))
            if problem:
                raise StoreError(f"Cannot open the database {shown(name)}. {problem}")
            if read_only and not Path(name).exists():
                raise StoreError(f"There is no database at {shown(name)} yet.")
            if not read_only:
                files.create_whole(Path(name))
            files.refuse_empty(Path(name))
        target = name
        if read_only and name != ":memory:":
            target = files.read_only_uri(Path(name))
        try:
            conn = sqlite3.connect(
                target,
                uri=target != name,
                check_same_thread=False,
                isolation_level=None,
                factory=SQLiteConnection,
            )
        except sqlite3.Error as error:
            raise StoreUnavailableError(f"Cannot open the database {name}: {error}.") from error
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if read_only:
                conn.execute("PRAGMA query_only = ON")  # (opened mode=rw: see files.read_only_uri)
            else:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")  # durable but for power loss
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
            conn.execute("PRAGMA temp_store = MEMORY")  # the bulk loader's staging table
            if read_only:
                _require_current(conn, name)
            else:
                migrate(conn)
        except StoreError:
            conn.close()
            raise
        except sqlite3.DatabaseError as error:
            conn.close()
            raise explain(name, error) from error
        return cls(conn, name)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _transaction(self, mode: str = "IMMEDIATE") -> Iterator[sqlite3.Connection]:
        """Hold the lock and one transaction; commit on success, roll back on any error."""
        with self._lock:
            conn = self._conn
            try:
                conn.execute(f"BEGIN {mode}")
            except sqlite3.ProgrammingError as error:
                raise StoreUnavailableError("The store is closed; open it again.") from error
            except sqlite3.DatabaseError as error:
                raise explain(self.path, error) from error
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as error:
                if conn.in_transaction:
                    with suppress(sqlite3.DatabaseError):  # a damaged file may refuse it too
                        conn.execute("ROLLBACK")
                if _file_failed(error):
                    raise explain(self.path, error) from error  # type: ignore[arg-type]
                raise

    def _write(self, work: Callable[[Connection], T]) -> T:
        with self._transaction("IMMEDIATE") as conn:
            return work(conn)  # type: ignore[arg-type]

    def _read(self, work: Callable[[Connection], T]) -> T:
        with self._transaction("DEFERRED") as conn:
            return work(conn)  # type: ignore[arg-type]

    def execute(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Run one statement outside a transaction (PRAGMAs too) and return its rows: for
        tests and tools."""
        with self._lock:
            return self._conn.execute(sql, params).fetchall()


def _require_current(conn: sqlite3.Connection, name: str) -> None:
    """Refuse, changing nothing, a database that opening it to write would refuse or
    upgrade; give the connection the fold its index's view calls."""
    folding_schema.register(conn)
    conn.execute("BEGIN")
    try:
        refuse_foreign(conn)
        version = schema_version(conn)
    finally:
        conn.execute("ROLLBACK")
    refuse_newer(version, SCHEMA_VERSION, "another database file")
    if version < SCHEMA_VERSION:
        raise OutdatedStoreError(f"The database {shown(name)}", version, SCHEMA_VERSION)


def _file_failed(error: BaseException) -> bool:
    """Whether SQLite failed on the file (locked, full, damaged), not on our SQL or data:
    an OperationalError, or a bare DatabaseError (SQLite's "corrupt" and "not a database")."""
    return isinstance(error, sqlite3.OperationalError) or type(error) is sqlite3.DatabaseError


def explain(path: str, error: sqlite3.Error) -> StoreUnavailableError:
    """The store's error, a sentence for a person, for an SQLite error on ``path``."""
    text = str(error)
    if "not a database" in text or "malformed" in text or type(error) is sqlite3.DatabaseError:
        message = (
            f"{path} is not a briefing bot database, or it is damaged ({text}). "
            "Use another database file, or restore it from a backup."
        )
    elif "locked" in text or "busy" in text:
        message = (
            f"The database {path} is busy: another program kept it locked for over "
            f"{BUSY_TIMEOUT_MS // 1000} seconds. Try again, or stop the other program."
        )
    elif "readonly" in text or "read-only" in text:
        message = f"The database {path} cannot be written: check its permissions ({text})."
    elif "disk is full" in text or "full" in text:
        message = f"The disk holding {path} is full: free some space and try again."
    else:
        message = f"The database {path} could not be used: {text}."
    return StoreUnavailableError(message)
