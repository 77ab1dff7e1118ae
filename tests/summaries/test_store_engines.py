"""The store behind its protocol: choosing an engine, its errors, its schema, on both."""

from __future__ import annotations

import hashlib
import socket
import threading
from datetime import UTC, datetime

import pytest

from bot.commands.errors import reply_for
from bot.replies import ErrorKind
from summaries.config import load_settings
from summaries.errors import ConfigError
from summaries.models import Article, Briefing
from summaries.store import (
    SCHEMA_VERSION,
    StoreError,
    StoreUnavailableError,
    open_store,
    postgres_schema,
)
from summaries.store.location import parse_location
from tests import postgres
from tests.fakes.tcp_proxy import TcpProxy

NOW = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)


def write_config(tmp_path, store_section: str):
    path = tmp_path / "config.toml"
    path.write_text(f"[store]\n{store_section}\n", encoding="utf-8")
    return load_settings(path)


# --- choosing the engine ----------------------------------------------------------------------


def test_store_url_chooses_the_engine_and_path_keeps_working(tmp_path):
    assert write_config(tmp_path, 'path = "a.db"').store.location == "a.db"
    settings = write_config(tmp_path, 'url = "sqlite:///data/b.db"\npath = "a.db"')
    assert parse_location(settings.store.location) == parse_location("data/b.db")
    url = "postgresql://briefing@db.internal:5433/briefing"
    where = parse_location(write_config(tmp_path, f'url = "{url}"').store.location)
    assert (where.engine, where.target) == ("postgresql", url)
    assert parse_location("sqlite:////var/lib/briefing.db").target == "/var/lib/briefing.db"


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("mysql://root@localhost/briefing", "store.url starts with mysql://"),
        ("sqlite:briefing.db", "store.url must be sqlite:///path/briefing.db"),
        ("postgresql://bot:hunter2@localhost/briefing", "set PGPASSWORD in the environment"),
        ("postgresql://localhost", "names no database"),
        ("postgresql://localhost:port/db", "is not a valid postgresql:// URL"),
    ],
)
def test_a_bad_store_url_is_one_clear_config_error(tmp_path, url, says):
    with pytest.raises(ConfigError) as caught:
        write_config(tmp_path, f'url = "{url}"')
    assert says in str(caught.value)
    assert "hunter2" not in str(caught.value)


def test_opening_by_url_gives_the_engine_asked_for(tmp_path):
    with open_store(f"sqlite:///{tmp_path}/x.db") as store:
        assert store.engine == "sqlite" and (tmp_path / "x.db").is_file()
    with pytest.raises(StoreError, match="does not know"):
        open_store("mongodb://localhost/x")


# --- the same behaviour on both engines -------------------------------------------------------


def test_the_discord_command_sync_record_is_part_of_the_schema(location):
    with open_store(location) as store:
        assert store.command_sync_hash("42") is None
        store.remember_command_sync("42", "a" * 64, now=NOW)
        store.remember_command_sync("42", "b" * 64, now=NOW)
        store.remember_command_sync("43", "c" * 64, now=NOW)
        assert store.command_sync_hash("42") == "b" * 64
        assert store.command_sync_hash("43") == "c" * 64


def test_concurrent_writers_store_one_article_once(location):
    """Writes follow one another (SQLite's write lock; PostgreSQL's advisory lock): the
    same article from eight threads is new once and unchanged seven times."""
    text = "The harbour strike ended on Monday. " * 5
    digest = hashlib.sha256(text.encode()).hexdigest()
    statuses: list[str] = []
    with open_store(location) as store:

        def write() -> None:
            _, status = store.upsert_article(
                Article(title="Strike ends", text=text, url="https://h.example/strike"),
                Briefing(("The harbour strike ended.",), "lead"),
                text=text,
                content_hash=digest,
                now=NOW,
            )
            statuses.append(status)

        threads = [threading.Thread(target=write) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(statuses) == ["new"] + ["unchanged"] * 7
        assert store.count_articles() == 1


# --- PostgreSQL: schema and versions ----------------------------------------------------------


def test_each_sqlite_migration_has_its_postgresql_counterpart():
    assert postgres_schema.BASELINE + len(postgres_schema.MIGRATIONS) == SCHEMA_VERSION


def test_a_postgresql_database_is_made_at_the_current_version_by_racing_processes():
    import psycopg

    with postgres.schema() as url:
        opened, failed = [], []

        def open_one() -> None:
            try:
                opened.append(open_store(url))
            except Exception as error:  # noqa: BLE001 - recorded, asserted below
                failed.append(error)

        threads = [threading.Thread(target=open_one) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for store in opened:
            store.close()
        assert failed == [] and len(opened) == 4
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT version FROM schema_version").fetchall() == [
                (SCHEMA_VERSION,)
            ]


def test_a_newer_postgresql_database_is_refused_and_left_alone():
    import psycopg

    with postgres.schema() as url:
        open_store(url).close()
        with psycopg.connect(url) as conn:
            conn.execute("UPDATE schema_version SET version = %s", (SCHEMA_VERSION + 1,))
        with pytest.raises(StoreError, match="made by a newer version of the briefing bot"):
            open_store(url)
        with psycopg.connect(url) as conn:
            row = conn.execute("SELECT version FROM schema_version").fetchone()
            assert row == (SCHEMA_VERSION + 1,)


def test_a_schema_holding_another_programs_tables_is_refused():
    import psycopg

    with postgres.schema() as url:
        with psycopg.connect(url) as conn:
            conn.execute("CREATE TABLE invoices (id INTEGER)")
        with pytest.raises(StoreError, match=r"another program's tables \(invoices\)"):
            open_store(url)


# --- PostgreSQL: an outage reads as the store's own error -------------------------------------


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_postgresql_server_that_does_not_answer_is_unavailable_not_a_driver_error():
    with pytest.raises(StoreUnavailableError) as caught:
        open_store(f"postgresql://postgres@127.0.0.1:{_closed_port()}/test")
    message = str(caught.value)
    assert message.startswith("The database is unavailable")
    assert "refused" in message and "psycopg" not in message and "Connection" not in message
    assert not isinstance(caught.value, OSError)


def test_an_outage_mid_run_is_unavailable_and_the_store_recovers_after_it(monkeypatch):
    if not postgres.URL:
        pytest.skip(postgres.SKIP_REASON)
    from summaries.store import postgres_store

    monkeypatch.setattr(postgres_store, "WAIT_SECONDS", 2.0)
    server = postgres.server_address()
    with postgres.schema() as url:
        proxy = TcpProxy(*server).start()
        with open_store(postgres.through(url, proxy.port)) as store:
            store.add_source("https://h.example/feed", "feed")
            proxy.cut()
            with pytest.raises(StoreUnavailableError) as caught:
                store.list_sources()
            assert str(caught.value).startswith("The database is unavailable")
            reply = reply_for(caught.value, "sources")
            assert reply.error is ErrorKind.UNAVAILABLE
            assert "The database is unavailable" in reply.text
            proxy.restore()
            assert [s.url for s in store.list_sources()] == ["https://h.example/feed"]
        proxy.cut()
