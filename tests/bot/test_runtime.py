"""The composition root: a real runtime on a SQLite file (store, process pool, fetcher,
schedule, delivery, commands), with a recording Poster registered as an adapter would."""

from __future__ import annotations

import asyncio
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
from apscheduler.events import EVENT_JOB_EXECUTED

from bot.replies import Caller, Reply
from bot.runtime import BotRuntime
from summaries.config import (
    ChannelSettings,
    DigestSettings,
    IngestSettings,
    Settings,
    SourcesSettings,
    StoreSettings,
)
from summaries.sources.folders import read_file
from summaries.store import StoreError

SAMPLES = Path(__file__).resolve().parents[2] / "summaries" / "samples"
ADMIN = Caller(platform="console", channel="console", user="console", is_admin=True)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


class RecordingPoster:
    def __init__(self) -> None:
        self.posts: list[tuple[str, Reply]] = []

    async def post(self, channel: str, reply: Reply) -> None:
        self.posts.append((channel, reply))


def settings_for(tmp_path: Path, **extra) -> Settings:
    return Settings(
        store=StoreSettings(path=str(tmp_path / "bot.db")),
        digest=DigestSettings(when_empty="skip"),
        ingest=IngestSettings(workers=1),
        channels=(ChannelSettings(id="console", time="08:00", timezone="Europe/Berlin"),),
        **extra,
    )


async def started(settings: Settings, poster: RecordingPoster) -> BotRuntime:
    runtime = await BotRuntime.open(settings)
    runtime.posters.register("console", poster)
    await runtime.start()
    return runtime


async def settle() -> None:
    """Let the scheduler's wakeup run, then the jobs it started finish (no real sleep)."""
    for _ in range(5):
        await asyncio.sleep(0)
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    await asyncio.wait_for(asyncio.gather(*others), 120)


def test_the_runtime_reads_its_sources_at_start_and_posts_the_digest_when_due(tmp_path):
    """Config's folder and channel in, the ingest job at start, the 08:00 digest out."""
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("03-breach-disclosure-law.txt", "04-tarrow-valley-heat-wave-grid.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    titles = sorted(read_file(path).title for path in folder.iterdir())
    settings = settings_for(tmp_path, sources=SourcesSettings(folders=(str(folder),)))
    poster = RecordingPoster()

    async def run(traveller) -> None:
        runtime = await started(settings, poster)
        try:
            await settle()  # the ingest job runs once at start
            assert await asyncio.to_thread(runtime.store.count_articles) == 2
            outcomes: asyncio.Queue = asyncio.Queue()
            runtime.schedule.scheduler.add_listener(
                lambda event: (
                    outcomes.put_nowait(event.retval)
                    if event.job_id.startswith("digest:")
                    else None
                ),
                EVENT_JOB_EXECUTED,
            )
            traveller.move_to(utc(2026, 3, 2, 7, 0))  # 08:00 in Berlin
            runtime.schedule.scheduler.wakeup()
            assert await asyncio.wait_for(outcomes.get(), 20) == "sent"
        finally:
            await runtime.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False) as traveller:
        asyncio.run(run(traveller))
    [(channel, reply)] = poster.posts
    assert channel == "console"
    assert sorted(item.title for item in reply.items) == titles
    assert all(item.briefing for item in reply.items)


def test_schedule_and_digest_commands_act_on_the_running_schedule(tmp_path):
    settings = settings_for(tmp_path)
    poster = RecordingPoster()

    async def run() -> None:
        runtime = await started(settings, poster)
        try:
            schedule = runtime.schedule
            assert schedule.next_run("console") == utc(2026, 3, 2, 7, 0)
            reply = await runtime.commands.run(ADMIN, "schedule set 09:30 Europe/Berlin")
            assert reply.ok, reply.text
            assert schedule.next_run("console") == utc(2026, 3, 2, 8, 30)
            assert "09:30" in reply.text
            assert (await runtime.commands.run(ADMIN, "schedule pause")).ok
            assert schedule.next_run("console") is None
            assert (await runtime.commands.run(ADMIN, "schedule resume")).ok
            assert schedule.next_run("console") == utc(2026, 3, 2, 8, 30)
            reply = await runtime.commands.run(ADMIN, "digest now")
            assert reply.title == "Nothing to post"  # no stories, and "skip" when empty
        finally:
            await runtime.close()
        # Config unchanged: the command's change is kept across a restart, job and all.
        runtime = await started(settings, poster)
        try:
            assert runtime.schedule.reconciled == {"digest:console": "kept"}
            assert runtime.schedule.next_run("console") == utc(2026, 3, 2, 8, 30)
        finally:
            await runtime.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False):
        asyncio.run(run())
    assert poster.posts == []


def test_a_schedule_command_before_start_is_picked_up_by_start(tmp_path):
    """An adapter may take commands before the runtime starts; start reconciles them."""

    async def run() -> None:
        runtime = await BotRuntime.open(settings_for(tmp_path))
        try:
            reply = await runtime.commands.run(ADMIN, "schedule set 09:30 Europe/Berlin")
            assert reply.ok, reply.text
            runtime.posters.register("console", RecordingPoster())
            await runtime.start()
            assert runtime.schedule.next_run("console") == utc(2026, 3, 2, 8, 30)
        finally:
            await runtime.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False):
        asyncio.run(run())


def test_close_releases_everything_and_another_runtime_can_start(tmp_path):
    settings = settings_for(tmp_path)

    async def run() -> None:
        first = await started(settings, RecordingPoster())
        await first.close()
        await first.close()  # twice is harmless
        assert not first.schedule.running
        with pytest.raises(StoreError):
            first.store.list_channels()
        second = await started(settings, RecordingPoster())
        try:
            assert second.schedule.running
            assert second.schedule.next_run("console") is not None
        finally:
            await second.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False):
        asyncio.run(run())


def test_an_in_memory_store_gets_an_in_memory_schedule(tmp_path):
    settings = settings_for(tmp_path)
    settings = Settings(
        store=StoreSettings(path=":memory:"),
        digest=settings.digest,
        ingest=settings.ingest,
        channels=settings.channels,
    )

    async def run() -> None:
        runtime = await started(settings, RecordingPoster())
        try:
            assert runtime.schedule.next_run("console") == utc(2026, 3, 2, 7, 0)
        finally:
            await runtime.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False):
        asyncio.run(run())
    assert not (tmp_path / ":memory:").exists()
