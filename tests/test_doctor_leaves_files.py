"""`briefing doctor` reads the SQLite database without changing its folder: SQLite's
``mode=ro`` on a WAL database makes -wal and -shm files that only a writer removes, so
the check would leave them behind; with a writer at work, its files stay its own."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from summaries.store import StoreError, open_store
from tests.test_database_files import briefing, config_for


def _folder(database):
    return sorted(path.name for path in database.parent.iterdir() if path.suffix != ".toml")


def _stored_database(tmp_path):
    database = tmp_path / "briefing.db"
    with open_store(database):
        pass
    return database


def test_doctor_leaves_the_database_folder_as_it_found_it(tmp_path):
    database = _stored_database(tmp_path)
    config = config_for(tmp_path, database)
    before = _folder(database)
    digest = hashlib.sha256(database.read_bytes()).hexdigest()
    code, out = briefing(config, "doctor")
    assert "database" in out and "is writable" in out, out
    assert _folder(database) == before == ["articles", "briefing.db"]
    assert hashlib.sha256(database.read_bytes()).hexdigest() == digest
    assert code in (0, 1)  # (the set-up's other checks decide the rest)


def test_a_read_only_open_beside_a_writer_reads_its_writes_and_leaves_its_files(tmp_path):
    database = _stored_database(tmp_path)
    with open_store(database) as writer:
        writer.add_source("https://x.example/f", "feed")
        with open_store(database, read_only=True) as store:
            assert [source.url for source in store.list_sources()] == ["https://x.example/f"]
        assert (tmp_path / "briefing.db-wal").exists()  # the writer's, still in use
        writer.add_source("https://x.example/g", "feed")
    assert sorted(path.name for path in tmp_path.glob("briefing.db-*")) == []
    with open_store(database, read_only=True) as store:
        assert len(store.list_sources()) == 2


def test_a_read_only_open_still_refuses_to_write(tmp_path):
    database = _stored_database(tmp_path)
    with open_store(database, read_only=True) as store, pytest.raises(StoreError):
        store.add_source("https://x.example/f", "feed")
    with open_store(database, read_only=True) as store:
        assert store.list_sources() == []


def test_a_database_reached_by_a_link_is_read_as_its_files_beside_the_target_tell(tmp_path):
    """SQLite keeps a linked database's -wal and -shm beside the file linked to: with a
    writer at work there, the read-only open is ``mode=ro``, which cannot write even with
    ``query_only`` turned off, and not a writing connection that as the last to close would
    fold the writer's WAL into the file."""
    (tmp_path / "real").mkdir()
    (tmp_path / "link").mkdir()
    database = _stored_database(tmp_path / "real")
    link = tmp_path / "link" / "briefing.db"
    link.symlink_to(database)
    with open_store(database) as writer, open_store(link, read_only=True) as store:
        writer.add_source("https://x.example/f", "feed")
        assert [source.url for source in store.list_sources()] == ["https://x.example/f"]
        store.execute("PRAGMA query_only = OFF")
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.execute("CREATE TABLE written_by_a_check (x INTEGER)")
    assert sorted(path.name for path in (tmp_path / "link").iterdir()) == ["briefing.db"]
