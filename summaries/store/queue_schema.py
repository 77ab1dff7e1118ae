"""Which version of the job queue's tables (Procrastinate's) the database holds.

Procrastinate creates its tables whole (``schema.sql``) and ships a migration file for each
change since (``sql/migrations/<version>_<nn>_<name>.sql``), but keeps no record of which
ones a database has had: that is left to the application. The record is the comment of
the queue's jobs table, ``procrastinate schema 03.04.00``: no table of ours in a schema that
is Procrastinate's, and it goes with the table.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

PREFIX = "procrastinate schema "
VERSION = re.compile(r"\d\d\.\d\d\.\d\d")
_READ = "SELECT obj_description('procrastinate_jobs'::regclass, 'pg_class') AS comment"


async def recorded_version(fetch_one: Callable[[str], Awaitable[dict[str, Any]]]) -> str | None:
    """The version recorded for the queue's tables, or None when none was (tables made
    before the record was kept); ``fetch_one``: ``app.connector.execute_query_one_async``."""
    comment = (await fetch_one(_READ))["comment"] or ""
    version = comment.removeprefix(PREFIX)
    return version if comment.startswith(PREFIX) and VERSION.fullmatch(version) else None


async def record_version(execute: Callable[[str], Awaitable[object]], version: str) -> None:
    """Record ``version`` (``03.04.00``) as the queue's tables' own."""
    if not VERSION.fullmatch(version):
        raise ValueError(f"not a schema version: {version!r}")
    await execute(f"COMMENT ON TABLE procrastinate_jobs IS '{PREFIX}{version}'")


def lacks_privilege(error: BaseException) -> bool:
    """Whether the database refused ``error``'s statement to this role (psycopg's error,
    the cause of Procrastinate's own)."""
    import psycopg  # only a queue, always on PostgreSQL, gets here

    seen: BaseException | None = error
    for _ in range(8):  # a chain of causes, never a cycle
        if seen is None:
            return False
        if isinstance(seen, psycopg.errors.InsufficientPrivilege):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
