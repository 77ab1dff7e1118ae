"""`briefing doctor` changes no database: one of an older schema is named as needing an
upgrade (and how it gets one), on SQLite and PostgreSQL, and stays as it was."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from summaries.cli import main
from summaries.store import SCHEMA_VERSION, OutdatedStoreError, StoreError, open_store
from tests import postgres
from tests.old_databases import database_at
from tests.test_doctor import clean_environment, lines_of  # noqa: F401  (a fixture)

OLD = 20  # a schema whose upgrade rebuilds the index and counts words again


def _one_source(execute: Callable[..., object]) -> None:
    execute(
        "INSERT INTO sources (url, kind, added_at) "
        "VALUES ('https://news.example/feed', 'feed', '2026-03-04T09:00:00.000000Z')"
    )


def _state(location: str) -> tuple:
    """The schema version and the tables, read without the store; on SQLite the bytes of
    the file and the files beside it too."""
    query = "SELECT version FROM schema_version"
    if location.startswith("postgresql"):
        with psycopg.connect(location) as conn:
            tables = conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() ORDER BY 1"
            ).fetchall()
            return conn.execute(query).fetchall(), tables
    import sqlite3

    path = Path(location)
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        version = conn.execute(query).fetchall()
    finally:
        conn.close()
    beside = sorted(p.name for p in path.parent.iterdir())
    return version, hashlib.sha256(path.read_bytes()).hexdigest(), beside


def _config(tmp_path: Path, location: str) -> Path:
    config = tmp_path / "config.toml"
    key = "url" if location.startswith("postgresql") else "path"
    config.write_text(f'[store]\n{key} = "{location}"\n', encoding="utf-8")
    return config


def test_doctor_names_an_old_database_as_needing_an_upgrade_and_leaves_it_as_it_was(
    location, tmp_path
):
    database_at(location, OLD, _one_source)
    config = _config(tmp_path, location)
    before = _state(location)
    assert before[0] == [(OLD,)]

    out = io.StringIO()
    code = main(["doctor", "--config", str(config)], stdout=out)
    output = out.getvalue()

    assert _state(location) == before
    assert code == 0, output  # the bot's start upgrades it: not a problem
    (said,) = [line for line in lines_of(output, "note", "database") if "schema" in line]
    assert f"is at schema {OLD} and needs upgrading to schema {SCHEMA_VERSION}" in said
    assert "Starting the bot upgrades it" in said and "`briefing sources list`" in said
    with open_store(location) as store:  # which it does
        assert store.execute("SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]


def test_a_read_only_open_refuses_an_old_schema_and_reads_a_current_one(location, tmp_path):
    database_at(location, OLD, _one_source)
    before = _state(location)
    with pytest.raises(OutdatedStoreError) as caught:
        open_store(location, read_only=True)
    assert (caught.value.version, caught.value.latest) == (OLD, SCHEMA_VERSION)
    assert _state(location) == before
    open_store(location).close()  # upgraded
    with open_store(location, read_only=True) as store:
        assert [source.url for source in store.list_sources()] == ["https://news.example/feed"]
        with pytest.raises(StoreError):  # the engine refuses any write
            store.add_source("https://other.example/feed", "feed")
        assert len(store.list_sources()) == 1


def test_a_read_only_open_creates_no_database(tmp_path):
    missing = tmp_path / "none.db"
    with pytest.raises(StoreError, match="There is no database"):
        open_store(missing, read_only=True)
    assert not missing.exists()


def test_doctor_notes_a_database_another_program_keeps_locked_without_a_problem(
    tmp_path, monkeypatch
):
    """A rollback journal's exclusive lock (another program writing) keeps even readers
    out: the schema is not read, which is said as the write test's skip is, not as a
    database to replace."""
    import sqlite3

    import summaries.doctor.database as doctor_database
    import summaries.store.sqlite_store as sqlite_store

    monkeypatch.setattr(doctor_database, "LOCK_WAIT_SECONDS", 0.2)
    monkeypatch.setattr(sqlite_store, "BUSY_TIMEOUT_MS", 200)
    location = str(tmp_path / "briefing.db")
    database_at(location, SCHEMA_VERSION, _one_source)
    writer = sqlite3.connect(location, isolation_level=None)
    try:
        writer.execute("PRAGMA journal_mode = DELETE")
        writer.execute("BEGIN EXCLUSIVE")
        out = io.StringIO()
        code = main(["doctor", "--config", str(_config(tmp_path, location))], stdout=out)
    finally:
        writer.close()
    output = out.getvalue()
    assert lines_of(output, "PROBLEM", "database") == []
    assert code == 0, output
    notes = lines_of(output, "note", "database")
    assert any("busy" in line and "write test was skipped" in line for line in notes)
    assert any("busy" in line and "schema was not read" in line for line in notes), notes


def test_doctor_does_not_call_an_old_database_without_sources_and_channels(location, tmp_path):
    """Its sources and channels set up by command are not read before the upgrade: the
    doctor says so, not that there are none."""
    database_at(location, OLD, _one_source)
    out = io.StringIO()
    code = main(["doctor", "--config", str(_config(tmp_path, location))], stdout=out)
    output = out.getvalue()
    assert code == 0, output
    assert "No sources: digests stay empty" not in output
    assert "No channel gets a digest yet" not in output
    (sources,) = lines_of(output, "note", "sources")
    assert "not read before the upgrade" in sources and "config.toml" in sources
    (channels,) = lines_of(output, "note", "channels")
    assert "not read before the upgrade" in channels and "config.toml" in channels


def test_doctor_on_another_programs_database_server_does_not_say_to_start_the_server(tmp_path):
    with postgres.schema() as url:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE users (id INTEGER)")
        out = io.StringIO()
        code = main(["doctor", "--config", str(_config(tmp_path, url))], stdout=out)
    output = out.getvalue()
    (said,) = lines_of(output, "PROBLEM", "database")
    assert code == 1 and "another program's tables (users)" in said
    assert "Start the database server" not in said
