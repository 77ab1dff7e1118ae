"""The database file: only a missing one is created (whole); an empty file, another
program's SQLite file and a damaged one are refused or reported, through the real
`briefing` command line, `briefing doctor` and `python -m bot`."""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from summaries.cli import EXIT_INPUT, main
from summaries.models import Article, Briefing
from summaries.store import StoreError, open_store
from tests.processes import run_module

COMMANDS = [["ingest"], ["search", "harbour"], ["sources", "list"]]
PAGE = 4096


def config_for(tmp_path: Path, database: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    (folder / "harbour.txt").write_text(
        "Harbour walls raised\n\nCrews raised the harbour walls overnight. The tide came.",
        encoding="utf-8",
    )
    config = tmp_path / "config.toml"
    config.write_text(
        f'[store]\npath = "{database}"\n[sources]\nfolders = ["{folder}"]\n[ingest]\nworkers = 1\n',
        encoding="utf-8",
    )
    return config


def briefing(config: Path, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main([*argv, "--config", str(config)], stdout=out), out.getvalue()


def refused(config: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run a command that must fail as a user error (exit 1, no traceback); its stderr."""
    code, _ = briefing(config, *argv)
    err = capsys.readouterr().err
    assert code == EXIT_INPUT, err
    assert "Traceback" not in err and "incident" not in err
    return err


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}


def foreign_database(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT, steps TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('bread', 'knead')")
    return path


def damaged_database(path: Path) -> Path:
    """A real database with articles, whose middle pages are then overwritten."""
    rows = []
    for n in range(300):
        text = f"Harbour report {n}: crews raised the walls. " + "The tide came in. " * 40
        rows.append(
            (
                Article(title=f"Harbour walls {n}", text=text, url=f"https://news.example/{n}"),
                Briefing((f"Harbour report {n}.",), method="lead"),
                text,
                hashlib.sha256(text.encode()).hexdigest(),
            )
        )
    with open_store(path) as store:
        store.bulk_insert(rows)
    pages = path.stat().st_size // PAGE
    with path.open("r+b") as file:
        file.seek(pages // 4 * PAGE)
        file.write(b"\x5a" * (pages // 2 * PAGE))
    return path


def bot_console(tmp_path: Path, config: Path) -> subprocess.CompletedProcess[str]:
    return run_module("bot", "--console", "--config", str(config), cwd=tmp_path, stdin="digest\n")


# --- an empty (truncated) file -------------------------------------------------------------


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: argv[0])
def test_an_empty_database_file_is_refused_not_started_again(tmp_path, capsys, argv):
    database = tmp_path / "briefing.db"
    database.touch()
    err = refused(config_for(tmp_path, database), argv, capsys)
    assert f"The database {database} is empty (0 bytes)" in err
    assert database.stat().st_size == 0


def test_doctor_reports_an_empty_database_file(tmp_path):
    database = tmp_path / "briefing.db"
    database.touch()
    code, out = briefing(config_for(tmp_path, database), "doctor")
    assert code == 1
    assert f"PROBLEM  database     {database} is empty (0 bytes)" in out


def test_the_bot_does_not_start_on_an_empty_database_file(tmp_path):
    database = tmp_path / "briefing.db"
    database.touch()
    result = bot_console(tmp_path, config_for(tmp_path, database))
    assert result.returncode == 1, result.stderr
    assert f"bot: The database {database} is empty (0 bytes)" in result.stderr
    assert "Traceback" not in result.stderr
    assert database.stat().st_size == 0


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: argv[0])
def test_a_folder_given_as_the_database_is_named_as_a_folder(tmp_path, capsys, argv):
    folder = tmp_path / "data"
    folder.mkdir()
    err = refused(config_for(tmp_path, folder), argv, capsys)
    assert err == (
        f"briefing: Cannot open the database {folder}. {folder} is a folder: store.path names "
        f"the database file ({folder / 'briefing.db'}).\n"
    )
    assert list(folder.iterdir()) == []


# --- another program's database --------------------------------------------------------------


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: argv[0])
def test_another_programs_database_is_refused_and_left_alone(tmp_path, capsys, argv):
    database = foreign_database(tmp_path / "recipes.db")
    err = refused(config_for(tmp_path, database), argv, capsys)
    assert f"{database} is not a briefing bot database: it holds another program's tables " in err
    assert "(recipes)" in err
    assert tables(database) == {"recipes"}


def test_doctor_reports_another_programs_database(tmp_path):
    database = foreign_database(tmp_path / "recipes.db")
    code, out = briefing(config_for(tmp_path, database), "doctor")
    assert code == 1
    assert f"PROBLEM  database     {database} is another program's database" in out
    assert tables(database) == {"recipes"}


def test_the_bot_does_not_start_on_another_programs_database(tmp_path):
    database = foreign_database(tmp_path / "recipes.db")
    result = bot_console(tmp_path, config_for(tmp_path, database))
    assert result.returncode == 1, result.stderr
    assert f"bot: {database} is not a briefing bot database" in result.stderr
    assert tables(database) == {"recipes"}


def test_the_bots_own_schedule_table_alone_is_not_another_program(tmp_path):
    database = tmp_path / "briefing.db"
    with sqlite3.connect(database) as conn:
        conn.execute("CREATE TABLE apscheduler_jobs (id TEXT PRIMARY KEY)")
    open_store(database).close()
    assert {"articles", "schema_version"} <= tables(database)


# --- a damaged file --------------------------------------------------------------------------


def test_doctor_reports_a_damaged_database(tmp_path):
    database = damaged_database(tmp_path / "briefing.db")
    code, out = briefing(config_for(tmp_path, database), "doctor")
    assert code == 1, out
    (line,) = [line for line in out.splitlines() if line.startswith("PROBLEM  database")]
    assert f"{database} is damaged: SQLite's integrity check says " in line
    assert f"restore {database} from a backup" in out


@pytest.mark.parametrize("argv", [["ingest"], ["search", "harbour"]], ids=lambda argv: argv[0])
def test_commands_on_a_damaged_database_say_so_instead_of_an_incident(tmp_path, capsys, argv):
    database = damaged_database(tmp_path / "briefing.db")
    err = refused(config_for(tmp_path, database), argv, capsys)
    assert f"{database} is not a briefing bot database, or it is damaged" in err


def test_doctor_passes_the_same_database_undamaged(tmp_path):
    database = tmp_path / "briefing.db"
    open_store(database).close()
    code, out = briefing(config_for(tmp_path, database), "doctor")
    assert f"ok       database     {database} is writable." in out, out
    assert code == 0, out


# --- a missing file is created whole ---------------------------------------------------------


def test_a_missing_database_is_created_with_the_usual_permissions(tmp_path):
    database = tmp_path / "briefing.db"
    code, out = briefing(config_for(tmp_path, database), "ingest")
    assert code == 0, out
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(database.stat().st_mode) == 0o644 & ~umask
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "briefing.db", "config.toml"]


def open_at_once(path: Path, openers: int) -> list[StoreError]:
    """``openers`` threads open the store at ``path`` at the same moment and add a source."""
    barrier = threading.Barrier(openers)
    failures: list[StoreError] = []

    def open_it() -> None:
        barrier.wait()
        try:
            with open_store(path) as store:
                store.add_source(f"https://news.example/{threading.get_ident()}", "feed")
        except StoreError as error:
            failures.append(error)

    threads = [threading.Thread(target=open_it) for _ in range(openers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures


def test_openers_of_a_new_database_at_once_share_one_whole_file(tmp_path):
    """No opener may find the empty file another is still making (it would be refused)."""
    for attempt in range(10):
        database = tmp_path / f"race-{attempt}.db"
        assert open_at_once(database, 6) == []
        with open_store(database) as store:
            assert len(store.list_sources()) == 6
