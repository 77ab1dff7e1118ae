"""PostgreSQL for tests: each test its own schema in the database named by
``BRIEFING_TEST_POSTGRES_URL``, made before it and dropped after it.

Without that variable the PostgreSQL half of a test is skipped, and says why, so a
fresh clone without a database server still passes (``.ci/run`` sets it).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote, urlsplit, urlunsplit

import pytest

from summaries.store.postgres_schema import EXTENSIONS_IN_PUBLIC

URL = os.environ.get("BRIEFING_TEST_POSTGRES_URL", "").strip()
SKIP_REASON = (
    "no PostgreSQL to test against: set BRIEFING_TEST_POSTGRES_URL "
    "(e.g. postgresql://postgres@127.0.0.1:5432/test; .ci/run sets it when the server answers)"
)


# A search's wall-time budget for tests (briefing.search_budget_ms, the database's own
# setting): the built-in 25 ms bounds a slow query on a real archive, while a test's few
# rows on a loaded machine (2 cores shared with other test runs) may wait longer than that
# for the processor, and the search would find nothing. Tests of the budget set their own.
TEST_SEARCH_BUDGET_MS = 2000


def url_with_schema(url: str, schema: str) -> str:
    """``url`` whose connections use ``schema`` first (then public, where extensions are),
    with the tests' search budget."""
    options = quote(
        f"-csearch_path={schema},public -cbriefing.search_budget_ms={TEST_SEARCH_BUDGET_MS}"
    )
    return f"{url}{'&' if '?' in url else '?'}options={options}"


@contextmanager
def schema() -> Iterator[str]:
    """A new, empty schema for one test (dropped after it): the URL that uses it."""
    if not URL:
        pytest.skip(SKIP_REASON)
    import psycopg

    name = f"test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(URL, autocommit=True) as admin:
        for statement in EXTENSIONS_IN_PUBLIC:
            admin.execute(statement)
        admin.execute(f"CREATE SCHEMA {name}")
    try:
        yield url_with_schema(URL, name)
    finally:
        with psycopg.connect(URL, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {name} CASCADE")


@contextmanager
def new_database(server: str, prefix: str) -> Iterator[str]:
    """A new, empty database on ``server`` (dropped after, with whatever connections are
    left): its URL. For what needs a database of its own, such as the job queue."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def sqlite_only(store: object, why: str) -> None:
    """Skip the PostgreSQL run of a test about SQLite's own machinery (``why``)."""
    if getattr(store, "engine", "sqlite") != "sqlite":
        pytest.skip(f"SQLite's own: {why}")


def server_address() -> tuple[str, int]:
    """The host and port of the test server (for a proxy in front of it)."""
    parts = urlsplit(URL)
    return parts.hostname or "127.0.0.1", parts.port or 5432


def through(url: str, port: int) -> str:
    """``url`` reaching the server through 127.0.0.1:``port`` instead."""
    parts = urlsplit(url)
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit(parts._replace(netloc=f"{user}127.0.0.1:{port}"))
