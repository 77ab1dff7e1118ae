"""The database file itself: created whole or not at all, and only where there is none.

A missing file is the one thing :meth:`SQLiteStore.open` creates. The schema is built in a
temporary file beside it, which is then linked into place, so no process ever finds a
half-made or empty database at the path, and two processes starting on a new path end
up sharing one file. Anything already at the path must be the bot's: an empty (0-byte)
file, most likely truncated by a failed copy or a full disk, is refused here instead of
being started again empty, and another program's SQLite file is refused by
:func:`summaries.store.migrate.migrate` before a table is added to it.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import stat
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from summaries.reading import path_problem, shown
from summaries.store.errors import StoreError
from summaries.store.foreign import foreign_tables
from summaries.store.migrate import migrate

_SIDE_FILES = ("-wal", "-shm", "-journal")
QUICK_CHECK_LINES = 3  # of SQLite's report on a damaged file, shown to the user
FILE_MODE = 0o644  # as SQLite creates a database file (less what the umask takes away)


def place_problem(path: Path) -> str:
    """Why no database can be at ``path`` ("" when one can): its folder is missing or is
    not a folder, it is a folder itself, or the name is too long, goes through a file or
    round a loop of links.

    The user's mistakes in ``store.path``, said in a sentence rather than raised.
    """
    try:
        folder = path.parent.stat()
    except FileNotFoundError:
        return f"The folder {shown(path.parent)} does not exist."
    except OSError as error:
        return path_problem(path.parent, error, noun="folder")
    except ValueError:  # a NUL character in the name
        return f"{shown(path)} is not a file name this machine knows."
    if not stat.S_ISDIR(folder.st_mode):
        return f"{shown(path.parent)} is not a folder."
    try:
        found = path.stat()  # (a link to a folder is a folder)
    except FileNotFoundError:
        return ""  # not made yet (or a dangling link): the one thing that is created
    except OSError as error:
        return path_problem(path, error, noun="database file")
    except ValueError:  # a NUL character in the file's own name
        return f"{shown(path)} is not a file name this machine knows."
    if stat.S_ISDIR(found.st_mode):
        example = shown(path / "briefing.db")
        return f"{shown(path)} is a folder: store.path names the database file ({example})."
    return ""


def read_only_uri(path: Path) -> str:
    """The URI that reads ``path`` and leaves its folder as it was.

    SQLite's ``mode=ro`` on a WAL database creates its -wal and -shm files and, unable
    to write, never removes them. So when none of its side files is there (no process
    has it open), it is opened ``mode=rw`` (which never creates the database) with
    ``PRAGMA query_only`` when it may be written: nothing is written, and as the last
    connection it removes the files it made, as a writer would; and ``immutable=1`` when
    it may not (a file of mode 0444, a read-only folder or mount): SQLite then makes no
    file and takes no lock, and there is no write-ahead log whose pages it would pass
    over. With side files there, another process may be at work (``immutable=1`` would
    read its pages mid-write, and leave out those still in the log): ``mode=ro``, which
    creates nothing that is not already there, and reads the log through them. A link is
    followed, as SQLite follows it to keep the side files beside the file linked to."""
    path = path.resolve()
    side = [Path(f"{path}{suffix}") for suffix in _SIDE_FILES]
    if any(file.exists() for file in side):
        return f"{path.as_uri()}?mode=ro"  # (SQLite's URI form)
    if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        return f"{path.as_uri()}?mode=rw"
    return f"{path.as_uri()}?mode=ro&immutable=1"


def create_whole(path: Path) -> None:
    """Make a new, migrated database at ``path`` unless a file is there already."""
    if path.exists() or path.is_symlink():
        return
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.new")
    try:
        os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
    except OSError as error:
        raise _cannot_create(path, error) from error
    try:
        conn = sqlite3.connect(temporary, isolation_level=None)
        try:
            migrate(conn)  # in SQLite's default journal mode: all of it is in the file on COMMIT
        finally:
            conn.close()
        try:
            os.link(temporary, path)  # fails if another process put its database there first
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links (some network and FUSE mounts)
            if not path.exists():
                os.replace(temporary, path)
    except (OSError, sqlite3.Error) as error:
        raise _cannot_create(path, error) from error
    finally:
        with suppress(FileNotFoundError):
            os.unlink(temporary)


def _cannot_create(path: Path, error: OSError | sqlite3.Error) -> StoreError:
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return StoreError(f"Cannot create the database {path}: {reason}.")


def refuse_empty(path: Path) -> None:
    """StoreError when the file at ``path`` is empty: a database always has a first page."""
    try:
        empty = path.stat().st_size == 0
    except OSError:
        return  # not there (or not readable): opening it says why
    if empty:
        raise StoreError(
            f"The database {path} is empty (0 bytes): it may have been cut short by a full "
            "disk or a failed copy. Restore it from a backup, or delete it to start again "
            "with an empty database."
        )


def damage(conn: sqlite3.Connection) -> list[str]:
    """What ``PRAGMA quick_check`` finds wrong in the file (nothing: an empty list).

    It reads every page, so it takes a while on a large database: for ``briefing doctor``.
    """
    try:
        lines = [str(row[0]) for row in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as error:  # too damaged for the check to run at all
        if any(word in str(error) for word in ("locked", "busy", "not a database")):
            raise  # not damage: in use, or not SQLite's file at all
        return [str(error)]
    return [] if lines == ["ok"] else lines[:QUICK_CHECK_LINES]


@dataclass(frozen=True, slots=True)
class Probe:
    """What ``briefing doctor`` learns of an existing database file, changing nothing.

    ``state``: "ok" (the bot's, undamaged, writable or only read), "damaged" (``detail``: SQLite's
    integrity report), "foreign" (``detail``: another program's tables), "busy" (locked
    by another process: the write test was skipped), "failed" (``detail``: why it
    cannot be opened or written, in SQLite's words).
    """

    state: str
    detail: tuple[str, ...] = ()


def probe(path: Path, lock_wait: float, *, write: bool = True) -> Probe:
    """Open ``path`` without creating it, check it, take the write lock, create a table
    and roll back; without ``write``, only read it, changing nothing beside it either (see
    :func:`read_only_uri`)."""
    uri = f"{path.as_uri()}?mode=rw" if write else read_only_uri(path)
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=lock_wait, isolation_level=None)
    except sqlite3.Error as error:
        return Probe("failed", (str(error),))
    try:
        damaged = damage(conn)
        if damaged:
            return Probe("damaged", tuple(damaged))
        others = foreign_tables(conn)
        if others:
            return Probe("foreign", tuple(others))
        if not write:
            return Probe("ok")
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("CREATE TABLE briefing_doctor_probe (x INTEGER)")
        finally:
            conn.execute("ROLLBACK")
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            return Probe("busy")
        return Probe("failed", (str(error),))
    except sqlite3.DatabaseError as error:
        return Probe("failed", (str(error),))
    finally:
        conn.close()
    return Probe("ok")
