"""`briefing doctor` and the read-only open on a database it may not write: a folder
mounted read-only (a backup, a container's read-only volume) that holds the database with
the -wal and -shm files of a bot writing through another mount, and a database file of
mode 0444 in a folder that takes files. The database is read for what it holds, what was
not checked is said, and nothing is left beside it.

Root writes whatever the modes say: the read-only folder is a read-only bind mount in a
mount namespace of its own (``unshare -m``), and the 0444 file is opened by a child process
that has given up root for "nobody"."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from summaries.store import open_store
from tests.test_doctor import lines_of

ROOT = Path(__file__).resolve().parents[1]
FEED = "http://127.0.0.1:9/harbour.xml"
NOBODY = 65534


def _in_read_only_folder(folder: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """``argv`` run where ``folder`` is read-only (a read-only bind mount seen by it only)."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            return subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, check=False)
        finally:
            folder.chmod(0o755)
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed: no read-only mount for root")
    command = 'mount --bind -o ro "$0" "$0" && exec "$@"'
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", command, str(folder), *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if "mount" in done.stderr and done.returncode != 0 and not done.stdout:
        pytest.skip(f"no read-only bind mount here: {done.stderr.strip()[:200]}")
    return done


def test_doctor_reads_a_database_in_a_read_only_folder_beside_its_writers_log(tmp_path):
    """The bot writes through its own mount, its -wal and -shm files beside the database;
    the doctor, seeing the folder read-only, says the bot could not run there, reads what
    the database holds (its log's pages too) and says the write was not tried, instead of
    reporting no sources and no channels."""
    folder = tmp_path / "data"
    folder.mkdir()
    database = folder / "briefing.db"
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\npath = "{database}"\n', encoding="utf-8")
    with open_store(database) as writer:
        writer.execute("PRAGMA wal_autocheckpoint = 0")  # the source stays in the log
        writer.add_source(FEED, "feed")
        assert (folder / "briefing.db-wal").stat().st_size > 0
        doctor = [sys.executable, "-m", "summaries.cli", "doctor", "--config", str(config)]
        done = _in_read_only_folder(folder, *doctor)
    output = done.stdout
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    (refused,) = lines_of(output, "PROBLEM", "database")
    assert refused.startswith(f"Cannot create files in {folder} (")
    assert f"{database} was only read: whether it takes a write was not checked." in refused
    assert lines_of(output, "ok", "database") == [f"{database} reads as undamaged."]
    assert FEED in output and "No sources" not in output, output
    assert sorted(p.name for p in folder.iterdir()) == ["briefing.db"]  # the writer's closed


def _as_nobody(work) -> None:
    """Run ``work`` in a child process that is not root (root reads and writes any file)."""
    if os.geteuid() != 0:
        work()
        return
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child)
        code = 1
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            work()
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_a_read_only_open_of_a_database_file_it_may_not_write_leaves_no_files():
    """SQLite's ``mode=ro`` makes a WAL database's -wal and -shm files and, unable to
    write, never removes them: a check of a 0444 file left them behind."""
    folder = Path(tempfile.mkdtemp(prefix="briefing-read-only-"))
    try:
        folder.chmod(0o777)  # "nobody" may make files here (and go through /tmp)
        database = folder / "briefing.db"
        with open_store(database) as store:
            store.add_source(FEED, "feed")
        database.chmod(0o444)

        def read() -> None:
            with open_store(database, read_only=True) as reader:
                assert [source.url for source in reader.list_sources()] == [FEED]
            assert sorted(p.name for p in folder.iterdir()) == ["briefing.db"]

        _as_nobody(read)
        assert sorted(p.name for p in folder.iterdir()) == ["briefing.db"]
    finally:
        shutil.rmtree(folder)


def _skip_unless_nobody_reaches_the_code() -> None:
    """The doctor run as nobody still loads parts of the project and of its virtual
    environment; a checkout in a private folder (mode 0700, as ``mktemp -d`` makes it)
    keeps nobody out of them, and the doctor fails for that reason alone."""
    for place in (Path(__file__).resolve().parents[1], Path(sys.prefix).resolve()):
        for folder in (place, *place.parents):
            if folder.stat().st_mode & 0o005 != 0o005:
                pytest.skip(
                    f"the user nobody may not enter {folder} (mode "
                    f"{oct(folder.stat().st_mode & 0o777)}), which holds the code it would run"
                )


def _doctor_as_nobody(config: Path) -> str:
    """What ``briefing doctor`` prints when a user other than root runs it (see _as_nobody):
    run once by root first, on a copy of the folder, for every module it imports to be
    imported, as nobody may not read root's Python."""
    import io

    from summaries.cli import main

    def doctor() -> str:
        out = io.StringIO()
        main(["doctor", "--config", str(config)], stdout=out)
        return out.getvalue()

    if os.geteuid() != 0:
        return doctor()
    _skip_unless_nobody_reaches_the_code()
    with tempfile.TemporaryDirectory() as copy:
        shutil.copytree(config.parent, copy, dirs_exist_ok=True)
        out = io.StringIO()
        main(["doctor", "--config", str(Path(copy, config.name))], stdout=out)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child)
        os.close(read)
        output = ""
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            output = doctor()
        finally:
            os.write(write, output.encode())
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        output = pipe.read().decode()
    os.waitpid(pid, 0)
    return output


def test_doctor_reads_a_database_file_it_may_not_write_and_leaves_its_folder_as_it_was():
    """A database file of mode 0444 in a folder that takes files: the bot cannot write it
    (a problem), but what it holds is read (its source is checked, not "No sources"), and
    the write test does not leave the -wal and -shm files that SQLite makes for a WAL
    database opened for writing that it may only read."""
    folder = Path(tempfile.mkdtemp(prefix="briefing-read-only-"))
    try:
        folder.chmod(0o777)
        database = folder / "briefing.db"
        config = folder / "config.toml"
        config.write_text(f'[store]\npath = "{database}"\n', encoding="utf-8")
        with open_store(database) as store:
            store.add_source(FEED, "feed")
        database.chmod(0o444)
        output = _doctor_as_nobody(config)
        assert sorted(p.name for p in folder.iterdir()) == ["briefing.db", "config.toml"]
    finally:
        shutil.rmtree(folder)
    (unwritable,) = lines_of(output, "PROBLEM", "database")
    assert unwritable.startswith(f"{database} cannot be written"), output
    assert "; it was read, not written." in unwritable, unwritable
    assert lines_of(output, "ok", "database") == [f"{database} reads as undamaged."]
    assert FEED in output and "No sources" not in output, output
