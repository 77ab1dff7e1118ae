"""`briefing doctor` reads the SQLite database without changing its folder: SQLite's
``mode=ro`` on a WAL database makes -wal and -shm files that only a writer removes, so
the check would leave them behind; with a writer at work, its files stay its own."""

from __future__ import annotations

import hashlib

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
