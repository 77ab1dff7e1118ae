"""A database an older bot made (schema 13, before feeds moved for good; schema 15, before
the dashboard's sign-outs) is brought to the one spelling of addresses with every
migration between, on SQLite and PostgreSQL, in one transaction: interrupted, it is left
as it was, and the next start upgrades it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

import summaries.store.sources as store_sources
from summaries.store import SCHEMA_VERSION, open_store
from tests.old_databases import database_at as old_database_at

OLD = [
    ("HTTPS://Example.org/rss", "feed"),
    ("https://example.org/rss", "feed"),
    ("HTTP://Blog.Example:80/Atom.xml#top", "feed"),
    ("https://Pages.example/News/Story?id=A", "page"),
    ("/srv/Feeds/HTTPS/Local Folder", "folder"),
    ("http://[::1", "feed"),  # no address stored_address can read: left as written
]


def database_at(location: str, version: int) -> None:
    """A new database made as the bot of schema ``version`` made it, holding ``OLD`` as
    written and a server following the second source."""
    old_database_at(location, version, _fill)


def _fill(execute: Callable[[str, tuple], object]) -> None:
    """``OLD`` and the subscription, through a connection taking ``?`` parameters."""
    for url, kind in OLD:
        execute(
            "INSERT INTO sources (url, kind, added_at) VALUES (?, ?, ?)",
            (url, kind, "2026-01-01T00:00:00.000000Z"),
        )
    execute(
        "INSERT INTO subscriptions (tenant_id, source_id, added_at) "
        "VALUES ('discord:1', (SELECT id FROM sources WHERE url = ?), ?)",
        ("https://example.org/rss", "2026-01-01T00:00:00.000000Z"),
    )


@pytest.mark.parametrize("version", [13, 15])
def test_an_older_database_is_upgraded_to_one_spelling_with_every_migration_between(
    location, version
):
    database_at(location, version)
    with open_store(location) as store:
        assert store.execute("SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
        urls = [(source.url, source.kind) for source in store.list_sources()]
        assert urls == [
            ("HTTPS://Example.org/rss", "feed"),  # the second holds its spelling already
            ("https://example.org/rss", "feed"),
            ("http://blog.example/Atom.xml", "feed"),
            ("https://pages.example/News/Story?id=A", "page"),  # path and query as written
            ("/srv/Feeds/HTTPS/Local Folder", "folder"),
            ("http://[::1", "feed"),
        ]
        first, second = store.list_sources()[:2]
        assert [(one.id, other.id) for one, other in store.duplicate_sources()] == [
            (second.id, first.id)
        ]
        assert store.tenant_sources("discord:1", operator=False)[0].source.id == second.id
        assert store.get_source("http://BLOG.example/Atom.xml").url == urls[2][0]
        assert store.get_source("/srv/Feeds/HTTPS/Local Folder").kind == "folder"
        assert store.get_source("/srv/feeds/https/local folder") is None
        assert store.execute("SELECT count(*) FROM web_sign_outs") == [(0,)]
        assert store.execute("SELECT count(*) FROM source_moves") == [(0,)]
    with open_store(location) as store:  # opened again: nothing left to do
        assert len(store.execute("SELECT source_id FROM source_spellings")) == 1


def test_an_upgrade_interrupted_in_its_data_step_leaves_the_database_as_it_was(
    location, monkeypatch
):
    database_at(location, 15)
    respell = store_sources.respell_sources

    def interrupted(conn) -> None:
        respell(conn)  # every address rewritten, then the process is stopped
        raise KeyboardInterrupt

    monkeypatch.setattr(store_sources, "respell_sources", interrupted)
    with pytest.raises(KeyboardInterrupt):
        open_store(location)
    monkeypatch.setattr(store_sources, "respell_sources", respell)
    if location.startswith("postgresql"):
        import psycopg

        with psycopg.connect(location) as conn:
            assert conn.execute("SELECT version FROM schema_version").fetchall() == [(15,)]
            assert conn.execute("SELECT to_regclass('source_spellings')").fetchone() == (None,)
            urls = [url for (url,) in conn.execute("SELECT url FROM sources ORDER BY id")]
    else:
        conn = sqlite3.connect(location)
        try:
            assert conn.execute("SELECT version FROM schema_version").fetchall() == [(15,)]
            urls = [url for (url,) in conn.execute("SELECT url FROM sources ORDER BY id")]
        finally:
            conn.close()
    assert urls == [url for url, _ in OLD]
    with open_store(location) as store:
        assert store.execute("SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
        assert store.get_source("http://blog.example/Atom.xml").url == "http://blog.example/Atom.xml"
