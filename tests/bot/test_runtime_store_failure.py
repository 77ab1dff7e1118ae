"""A database that fails under the running bot (damaged while open) is a known condition:
the periodic ingest and the digest tick each log one plain line with the store's sentence,
no traceback and no incident, and the bot keeps running and tries again at the next run."""

from __future__ import annotations

import asyncio
import logging
import os
from datetime import timedelta
from pathlib import Path

import time_machine

from summaries.config import ScheduleSettings, SourcesSettings
from tests.bot.helpers_digest import RecordingPoster, settle, utc
from tests.bot.test_runtime import copy_samples, settings_for, started

DAMAGED = "is not a briefing bot database, or it is damaged"


def damage(database: Path) -> None:
    """Overwrite every page of the database and its WAL files in place, as a failing disk
    or a stray copy over the file would (the bot's connections stay open on them)."""
    for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        if path.exists():
            descriptor = os.open(path, os.O_WRONLY)
            try:
                os.write(descriptor, b"\xa5" * path.stat().st_size)
            finally:
                os.close(descriptor)


def test_a_database_damaged_while_running_is_one_plain_line_per_run(tmp_path, caplog):
    folder = tmp_path / "news"
    copy_samples(folder, "01-brennport-port-ransomware.txt")
    settings = settings_for(
        tmp_path,
        sources=SourcesSettings(folders=(str(folder),)),
        schedule=ScheduleSettings(ingest_minutes=30),
    )
    start = utc(2026, 3, 4, 5, 0)

    async def run(traveller) -> None:
        runtime = await started(settings, RecordingPoster())
        try:
            await settle(120)  # the ingest job runs once at start
            assert runtime.metrics.articles_ingested.value(outcome="new") == 1
            damage(Path(settings.store.path))
            with caplog.at_level(logging.WARNING):
                for minutes in (30, 60):  # two runs of the ingest job: each says it, once
                    traveller.move_to(start + timedelta(minutes=minutes))
                    runtime.schedule.scheduler.wakeup()
                    await settle(120)
                assert await runtime.schedule.tick() == {}  # the digest tick
            assert runtime.schedule.running
            assert runtime.metrics.errors.value(kind="internal") == 0
            assert runtime.metrics.errors.value(kind="unavailable") == 2
        finally:
            await runtime.close()

    with time_machine.travel(start, tick=False) as traveller:
        asyncio.run(run(traveller))

    ours = [r for r in caplog.records if r.name.startswith("briefing.")]
    ingest = [r.getMessage() for r in ours if r.getMessage().startswith("ingest: ")]
    assert len(ingest) == 2, [r.getMessage() for r in ours]
    assert all(DAMAGED in line and "The next run tries again." in line for line in ingest)
    ticks = [r.getMessage() for r in ours if r.getMessage().startswith("claiming due digests: ")]
    assert len(ticks) == 3  # the ticks woken with each ingest, and the one called
    assert all(DAMAGED in line and "The next tick tries again." in line for line in ticks)
    assert len(ours) == 5 and all(r.levelno == logging.ERROR for r in ours)  # one line each
    assert all(r.exc_info is None for r in caplog.records)  # no traceback from anyone
    assert "incident" not in caplog.text
