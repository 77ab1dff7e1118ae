"""``briefing doctor``: the database: its folder takes files, an existing one is the bot's and
sound and takes a write; a server answers."""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from summaries.config import Settings
from summaries.doctor.findings import PROBLEM, Finding, counted, note, ok, problem
from summaries.errors import BriefingError
from summaries.models import Channel
from summaries.reading import shown
from summaries.store import (
    OutdatedStoreError,
    SourceRecord,
    StoreError,
    StoreUnavailableError,
    open_store,
)
from summaries.store.files import place_problem, probe
from summaries.store.location import SQLITE, parse_location

LOCK_WAIT_SECONDS = 2.0
_ONLY_READ = " was only read: whether it takes a write was not checked."
_READ_NOT_WRITTEN = "; it was read, not written."


def check_database(settings: Settings) -> list[Finding]:
    where = parse_location(settings.store.location)
    if where.engine != SQLITE:
        return [check_server(where.target)]
    name = where.target
    if name == ":memory:":
        return [note("database", "store.path is :memory:: nothing is kept on exit.")]
    path = Path(name).absolute()  # as open_store reads it: relative to the working folder
    folder = path.parent
    unusable = place_problem(path)
    if unusable:
        return [
            problem(
                "database",
                f"Cannot use store.path ({shown(name)!r}). {unusable}",
                _place_fix(path),
            )
        ]
    refused = _folder_refuses_files(folder)
    if refused:
        folder_problem = problem(
            "database",
            f"Cannot create files in {folder} ({refused}); SQLite needs to, for its journal "
            "files." + (f" {path}{_ONLY_READ}" if path.is_file() else ""),
            f"Give the user running the bot (uid {os.getuid()}) write access to {folder}, "
            "or point store.path elsewhere.",
        )
        if not path.is_file():
            return [folder_problem]
        return [folder_problem, *_existing_findings(path, write=False)]
    if not path.exists():
        return [ok("database", f"{path} will be created at the first start.")]
    if not os.access(path, os.W_OK):  # opened to write, SQLite would leave its WAL files
        return [_unwritable(path), *_existing_findings(path, write=False)]
    return _existing_findings(path, write=True)


def _place_fix(path: Path) -> str:
    """What to do about a store.path where no database can be (``place_problem``): name a
    file in the folder it names, create the folder it is missing, or name another place."""
    if os.path.isdir(path):
        return f"Point store.path at a file in that folder, such as {shown(path / 'briefing.db')}."
    if not os.path.lexists(path.parent):
        return (
            f"Create the folder (mkdir -p {shown(path.parent)}) or point store.path at a "
            "writable folder; in Docker, mount a volume at /data."
        )
    return "Point store.path at a file in a writable folder; in Docker, mount a volume at /data."


def readable(findings: list[Finding]) -> bool:
    """Whether the database :func:`check_database` found is read for its sources and
    channels: no problem with it but that it cannot be written, its folder's refusing new
    files or its own mode (it is read without writing then)."""
    read = (_ONLY_READ, _READ_NOT_WRITTEN)
    return all(f.status != PROBLEM or f.message.endswith(read) for f in findings)


def _unwritable(path: Path) -> Finding:
    mode = stat.filemode(path.stat().st_mode)
    return problem(
        "database",
        f"{path} cannot be written (its mode is {mode}): the bot could store nothing"
        + _READ_NOT_WRITTEN,
        f"Give the user running the bot (uid {os.getuid()}) write access to {path}.",
    )


def _existing_findings(path: Path, *, write: bool) -> list[Finding]:
    found = _check_existing_database(path, write=write)
    if found.status == PROBLEM:
        return [found]
    return [found, *_schema_findings(str(path))]


def _schema_findings(location: str) -> list[Finding]:
    """Whether the database is at this version's schema, read without changing it (an
    older one is a note: the bot upgrades it when it starts)."""
    try:
        with open_store(location, read_only=True):
            return []
    except OutdatedStoreError as error:
        return [_outdated(error)]
    except StoreUnavailableError as error:  # locked by another program's write, as a rule
        return [note("database", f"Its schema was not read: {error}")]
    except StoreError as error:
        return [problem("database", str(error), "Point the bot at its own, current database.")]


def _outdated(error: OutdatedStoreError) -> Finding:
    if error.version == 0:
        return note("database", str(error))
    return note(
        "database",
        f"{error} Until then, the sources and channels set up by command are not checked.",
    )


def _folder_refuses_files(folder: Path) -> str:
    """Why a new file cannot be made in ``folder`` ("" when one can)."""
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".briefing-doctor-"):
            pass
    except OSError as error:
        return error.strerror or str(error)
    return ""


def _check_existing_database(path: Path, *, write: bool = True) -> Finding:
    """Not empty, the bot's, undamaged; then (with ``write``) open without creating, take
    the write lock, create a table, roll back."""
    if path.is_file() and path.stat().st_size == 0:
        return problem(
            "database",
            f"{path} is empty (0 bytes), so the bot refuses it: it may have been cut short "
            "by a full disk or a failed copy.",
            f"Restore {path} from a backup, or delete it so the bot makes a new, empty one.",
        )
    found = probe(path, LOCK_WAIT_SECONDS, write=write)
    if found.state == "damaged":
        return problem(
            "database",
            f"{path} is damaged: SQLite's integrity check says {'; '.join(found.detail)}.",
            f"Stop the bot and restore {path} from a backup (the database is the only "
            "thing to back up); without one, move it away so the bot starts a new one.",
        )
    if found.state == "foreign":
        return problem(
            "database",
            f"{path} is another program's database (it holds {', '.join(found.detail[:5])}), "
            "so the bot refuses it.",
            "Point store.path at a new file or at the bot's own database.",
        )
    if found.state == "busy":
        return note(
            "database", f"{path} is busy (the bot is running?); the write test was skipped."
        )
    if found.state == "failed" and not write:
        return note(
            "database",
            f"{path} could not be read ({found.detail[0]}), nor the sources and channels "
            "set up by command in it.",
        )
    if found.state == "failed":
        return _database_problem(path, found.detail[0])
    return ok("database", f"{path} is writable." if write else f"{path} reads as undamaged.")


def _database_problem(path: Path, text: str) -> Finding:
    if "not a database" in text:
        fix = f"Move {path} away (the bot makes a new one) or point store.path at the right file."
    elif "readonly" in text or "read-only" in text:
        fix = f"Give the user running the bot (uid {os.getuid()}) write access to {path}."
    else:
        fix = f"Check that {path} is a briefing database and the disk has room."
    return problem("database", f"{path} cannot be written: {text}.", fix)


@dataclass(frozen=True, slots=True)
class Stored:
    sources: list[SourceRecord]
    channels: list[Channel]
    duplicates: list[tuple[SourceRecord, SourceRecord]]  # see Store.duplicate_sources
    # An older schema: what was set up by command is read once the bot has upgraded it.
    upgrade_pending: bool = False


NOT_READ = "those set up by command are not read before the upgrade (see database)"


def check_server(url: str) -> Finding:
    """A database server: it answers, and holds the bot's schema at this version (read
    only: an older schema, or none yet, is a note, as the bot's start upgrades or makes it)."""
    try:
        with open_store(url, read_only=True) as store:
            count = store.count_articles()
    except OutdatedStoreError as error:
        return _outdated(error)
    except StoreUnavailableError as error:
        return problem(
            "database",
            str(error),
            "Start the database server, or check [store] url (and PGPASSWORD if it needs one).",
        )
    except StoreError as error:  # another program's tables, a newer schema: it says what to do
        return problem("database", str(error), "Point [store] url at the bot's own database.")
    return ok("database", f"{url} answers and holds {counted(count, 'article', 'articles')}.")


def read_store(settings: Settings) -> Stored | None:
    """The sources and channels set up by command, when there is a database yet."""
    where = parse_location(settings.store.location)
    name = where.target
    if where.engine == SQLITE and (name == ":memory:" or not Path(name).is_file()):
        return None
    try:
        with open_store(settings.store.location, read_only=True) as store:
            return Stored(store.list_sources(), store.list_channels(), store.duplicate_sources())
    except OutdatedStoreError as error:
        return Stored([], [], [], upgrade_pending=True) if error.version else None
    except BriefingError:
        return None
