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
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import procrastinate
from procrastinate.schema import SchemaManager

from summaries.store import StoreError
from summaries.store.queue_schema import VERSION, record_version, recorded_version

log = logging.getLogger("briefing.jobs")

UPGRADE_COMMAND = "briefing worker --upgrade-queue"


class QueueSchemaError(StoreError):
    """The queue's tables are of another version than the installed Procrastinate's."""


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
        await record_version(app.connector.execute_query_async, installed)
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
    if recorded is None or recorded >= installed_version():
        await check_version(app)
        return []
    applied = []
    todo = pending(recorded)
    for index, migration in enumerate(todo):
        sql = migration.path.read_text(encoding="utf-8").replace("%", "%%")
        await app.connector.execute_query_async(sql)  # type: ignore[arg-type]
        log.info("applied the job queue's migration %s", migration.name)
        applied.append(migration.name)
        if index + 1 == len(todo) or todo[index + 1].version != migration.version:
            # a version is recorded once all its files are in (its pre and post parts)
            await record_version(app.connector.execute_query_async, migration.version)
    return applied


async def _has_schema(app: procrastinate.App) -> bool:
    return await app.job_manager.check_connection_async()
