"""The job queue's tables: made on first use, and kept to the installed Procrastinate's version.

A new database gets Procrastinate's whole schema and the record of its version
(``summaries.store.queue_schema``). When Procrastinate is upgraded, its tables may need
migrations (new functions its queries call): a worker or a bot finding tables older than
the installed Procrastinate refuses to start and names the command that applies them,
``briefing worker --upgrade-queue``. It does not apply them itself: a migration may change
what processes of the old version still running rely on, so it is a step of the upgrade,
run once every process of the old version has stopped. Tables newer than the installed
Procrastinate (another machine was upgraded first) are refused too.

Tables made before the version was recorded are taken to be of the installed version (they
were made by the version this project pinned then) and the record is written.

The record (a comment on the table) and the migrations need the owner of
``procrastinate_jobs``. A process whose role is not the owner is stopped with a message
saying so (never "the database is unavailable"), except over tables made before the record:
it starts, with a warning, and leaves the record to the upgrade command run as the owner.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import procrastinate
from procrastinate.schema import SchemaManager

from summaries.store import StoreError
from summaries.store.queue_schema import (
    VERSION,
    lacks_privilege,
    record_version,
    recorded_version,
)

log = logging.getLogger("briefing.jobs")

UPGRADE_COMMAND = "briefing worker --upgrade-queue"


class QueueSchemaError(StoreError):
    """The queue's tables are of another version than the installed Procrastinate's, or
    this process's role may not make or change them."""


NOT_OWNER = (
    "The job queue's tables cannot be made or changed by the database role [store] url "
    "connects as: recording their version and upgrading them need the owner of the table "
    "procrastinate_jobs (making them, CREATE on the database's schema). Run "
    f"`{UPGRADE_COMMAND}` once as the owner (or connect as the owner), then start again."
)


@dataclass(frozen=True)
class Migration:
    version: str  # 03.04.00
    path: Path

    @property
    def name(self) -> str:
        return self.path.name


def migrations(folder: Path | None = None) -> list[Migration]:
    """Procrastinate's migration files, in the order they apply (by name: a version's
    ``_01_pre_`` before its ``_50_post_``)."""
    folder = folder or Path(SchemaManager.get_migrations_path())
    found = []
    for path in sorted(folder.glob("*.sql")):
        version = path.name.split("_", 1)[0]
        if VERSION.fullmatch(version):
            found.append(Migration(version, path))
    return found


def installed_version() -> str:
    """The schema version of the installed Procrastinate: its newest migration's."""
    return migrations()[-1].version


def pending(recorded: str) -> list[Migration]:
    """The migrations a database of version ``recorded`` lacks."""
    return [migration for migration in migrations() if migration.version > recorded]


async def ensure_schema(app: procrastinate.App) -> None:
    """Make the queue's tables on first use (two processes starting at once: one makes
    them, the other finds them); QueueSchemaError when they are of another version."""
    async with _privileged():
        if not await _has_schema(app):
            try:
                await app.schema_manager.apply_schema_async()
                await record_version(app.connector.execute_query_async, installed_version())
                log.info("created the job queue's tables")
                return
            except Exception:
                if not await _has_schema(app):
                    raise
        await check_version(app)


async def check_version(app: procrastinate.App) -> None:
    installed = installed_version()
    recorded = await recorded_version(app.connector.execute_query_one_async)
    if recorded is None:
        try:
            await record_version(app.connector.execute_query_async, installed)
        except Exception as error:
            if not lacks_privilege(error):
                raise
            log.warning(
                "the job queue's tables have no version record, and this role, not the owner "
                "of procrastinate_jobs, cannot write it: taken to be of schema %s; run `%s` "
                "once as the owner to record it",
                installed,
                UPGRADE_COMMAND,
            )
        return
    if recorded < installed:
        names = [migration.name for migration in pending(recorded)]
        raise QueueSchemaError(
            f"The job queue's tables are of Procrastinate's schema {recorded}; the installed "
            f"Procrastinate needs {installed} ({len(names)} migrations to apply). Stop every "
            f"bot and worker of the older version, then run `{UPGRADE_COMMAND}` once, and "
            "start them again."
        )
    if recorded > installed:
        raise QueueSchemaError(
            f"The job queue's tables are of Procrastinate's schema {recorded}, newer than the "
            f"installed Procrastinate's ({installed}): another machine runs a newer version. "
            "Upgrade this install (pip install -U briefing-bot) before starting it."
        )


async def upgrade(app: procrastinate.App) -> list[str]:
    """Apply the migrations the queue's tables lack, each recorded once applied; their
    names (none when the tables are up to date, or new)."""
    if not await _has_schema(app):
        await ensure_schema(app)
        return []
    recorded = await recorded_version(app.connector.execute_query_one_async)
    if recorded is None:  # tables made before the record: the owner writes it
        async with _privileged():
            await record_version(app.connector.execute_query_async, installed_version())
        return []
    if recorded >= installed_version():
        await check_version(app)
        return []
    applied = []
    todo = pending(recorded)
    async with _privileged():
        for index, migration in enumerate(todo):
            sql = migration.path.read_text(encoding="utf-8").replace("%", "%%")
            await app.connector.execute_query_async(sql)  # type: ignore[arg-type]
            log.info("applied the job queue's migration %s", migration.name)
            applied.append(migration.name)
            if index + 1 == len(todo) or todo[index + 1].version != migration.version:
                # a version is recorded once all its files are in (its pre and post parts)
                await record_version(app.connector.execute_query_async, migration.version)
    return applied


@asynccontextmanager
async def _privileged() -> AsyncIterator[None]:
    """QueueSchemaError, naming the owner needed, for a statement the role may not run."""
    try:
        yield
    except QueueSchemaError:
        raise
    except Exception as error:
        if not lacks_privilege(error):
            raise
        log.warning("the job queue's tables: %s", type(error.__cause__ or error).__name__)
        raise QueueSchemaError(NOT_OWNER) from None


async def _has_schema(app: procrastinate.App) -> bool:
    return await app.job_manager.check_connection_async()
