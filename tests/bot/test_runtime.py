"""The composition root: a real runtime on a SQLite file (store, process pool, fetcher,
schedule, delivery, commands), with a recording Poster registered as an adapter would."""

from __future__ import annotations

import asyncio
import logging
import shutil
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine

import bot.runtime
from bot.replies import Caller
from bot.runtime import BotRuntime
from summaries.config import (
    ChannelSettings,
    DigestSettings,
    IngestSettings,
    ScheduleSettings,
    Settings,
    SourcesSettings,
    StoreSettings,
)
from summaries.sources.folders import read_file
from summaries.store import BOT_CACHE_KIB, Store, StoreError
from tests.bot.helpers_digest import RecordingPoster, add_article, digest_outcomes, settle, utc

SAMPLES = Path(__file__).resolve().parents[2] / "summaries" / "samples"
ADMIN = Caller(
    platform="console", channel="console", user="console", is_admin=True, tenant="console"
)


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
            await settle(120)  # the ingest job runs once at start
            assert await asyncio.to_thread(runtime.store.count_articles) == 2
            outcomes = digest_outcomes(runtime)
            traveller.move_to(utc(2026, 2, 27, 7, 0))  # 08:00 in Berlin
            runtime.schedule.scheduler.wakeup()
            assert await asyncio.wait_for(outcomes.get(), 20) == "sent"
        finally:
            await runtime.close()

    # 27 February: sample 03 (published the 26th) is within [digest] max_age_hours.
    with time_machine.travel(utc(2026, 2, 27, 6, 0), tick=False) as traveller:
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
        # Config unchanged: the command's change is kept across a restart.
        runtime = await started(settings, poster)
        try:
            assert runtime.schedule.next_run("console") == utc(2026, 3, 2, 8, 30)
        finally:
            await runtime.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False):
        asyncio.run(run())
    assert poster.posts == []


def test_a_schedule_command_before_start_is_picked_up_by_start(tmp_path):
    """An adapter may take commands before the runtime starts; the schedule has them."""

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


# --- the periodic ingest --------------------------------------------------------------------


def copy_samples(folder: Path, *names: str) -> None:
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(SAMPLES / name, folder / name)


def test_the_scheduled_digest_follows_topics_and_lists_both_outlets_of_one_story(tmp_path):
    """Through the real ingest and scheduler: two outlets' port attack is one item listing
    both, and the off-topic story stays out of a channel that follows "ransomware"."""
    folder = tmp_path / "news"
    copy_samples(
        folder,
        "01-brennport-port-ransomware.txt",
        "02-brennport-truckers-cyberattack.txt",
        "05-aldmere-central-bank-rate-cut.txt",
    )
    channel = ChannelSettings(
        id="console", time="08:00", timezone="Europe/Berlin", topics=("ransomware",)
    )
    settings = replace(
        settings_for(tmp_path, sources=SourcesSettings(folders=(str(folder),))),
        channels=(channel,),
    )
    poster = RecordingPoster()

    async def run(traveller) -> None:
        runtime = await started(settings, poster)
        try:
            await settle(120)  # the ingest job runs once at start
            assert await asyncio.to_thread(runtime.store.count_articles) == 3
            outcomes = digest_outcomes(runtime)
            traveller.move_to(utc(2026, 3, 4, 7, 0))  # 08:00 in Berlin
            runtime.schedule.scheduler.wakeup()
            assert await asyncio.wait_for(outcomes.get(), 20) == "sent"
        finally:
            await runtime.close()

    with time_machine.travel(utc(2026, 3, 4, 5, 0), tick=False) as traveller:
        asyncio.run(run(traveller))
    [(_, reply)] = poster.posts
    [item] = reply.items
    assert set(item.sources) == {"Gulf Coast Ledger", "Freight Line Daily"}
    assert "Brennport" in item.title
    assert "Aldmere" not in " ".join(i.title for i in reply.items)


def test_the_ingest_job_runs_again_every_ingest_minutes(tmp_path):
    folder = tmp_path / "news"
    copy_samples(folder, "01-brennport-port-ransomware.txt")
    settings = settings_for(
        tmp_path,
        sources=SourcesSettings(folders=(str(folder),)),
        schedule=ScheduleSettings(ingest_minutes=30),
    )

    async def run(traveller) -> None:
        runtime = await started(settings, RecordingPoster())
        try:
            await settle(120)
            assert await asyncio.to_thread(runtime.store.count_articles) == 1
            copy_samples(folder, "05-aldmere-central-bank-rate-cut.txt")  # news arrives
            traveller.move_to(utc(2026, 3, 4, 5, 29))
            runtime.schedule.scheduler.wakeup()
            await settle(120)
            assert await asyncio.to_thread(runtime.store.count_articles) == 1  # not yet due
            traveller.move_to(utc(2026, 3, 4, 5, 30))
            runtime.schedule.scheduler.wakeup()
            await settle(120)
            found = await asyncio.to_thread(runtime.store.search, "Aldmere", now=utc(2026, 3, 4))
            assert [hit.story.lead.title for hit in found] == [
                "Aldmere central bank cuts interest rate to 3.5 percent as inflation cools"
            ]
        finally:
            await runtime.close()

    with time_machine.travel(utc(2026, 3, 4, 5, 0), tick=False) as traveller:
        asyncio.run(run(traveller))


def test_a_failing_ingest_does_not_hold_back_resending_an_unsent_digest(tmp_path, caplog):
    folder = tmp_path / "news"
    copy_samples(folder, "01-brennport-port-ransomware.txt")
    settings = settings_for(tmp_path, sources=SourcesSettings(folders=(str(folder),)))
    poster = RecordingPoster()
    recorded = utc(2026, 3, 2, 7, 0)

    async def failing_ingest(sources):
        raise RuntimeError("the disk is full")

    async def run() -> None:
        runtime = await BotRuntime.open(settings)
        try:
            runtime.posters.register("console", poster)
            store = runtime.store
            story = await asyncio.to_thread(
                add_article, store, "Harbour walls approved", "The council voted.", now=recorded
            )
            await asyncio.to_thread(store.record_digest, "console", "2026-03-02", [story], recorded)
            runtime.ingest.run = failing_ingest  # the ingest breaks, as a bug would
            with caplog.at_level(logging.ERROR, logger="briefing.runtime"):
                assert await runtime.ingest_and_retry() is None
            assert await runtime.schedule.tick() == {}  # nothing due; the unsent one is resent
            assert await asyncio.to_thread(store.unsent_digests) == []
            assert runtime.metrics.errors.value(kind="internal") == 1
            assert runtime.metrics.digests.value(outcome="sent") == 1
            assert runtime.health.status().last_ingest is None
        finally:
            await runtime.close()

    with time_machine.travel(recorded + timedelta(minutes=30), tick=False):
        asyncio.run(run())
    [(_, reply)] = poster.posts
    assert [item.title for item in reply.items] == ["Harbour walls approved"]
    [failure] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert failure.exc_info is not None and "the disk is full" in caplog.text


def test_health_and_metrics_follow_the_scheduler_and_the_ingest(tmp_path):
    """Healthy while the scheduler runs and the last good ingest is recent; a source that
    keeps failing makes the bot unhealthy once three ingest intervals have passed."""
    folder = tmp_path / "news"
    copy_samples(folder, "01-brennport-port-ransomware.txt")
    settings = settings_for(
        tmp_path,
        sources=SourcesSettings(folders=(str(folder),)),
        schedule=ScheduleSettings(ingest_minutes=30),  # stale after 90 minutes
    )
    start = utc(2026, 3, 4, 5, 0)

    async def run(traveller) -> None:
        runtime = await BotRuntime.open(settings)
        health, metrics = runtime.health, runtime.metrics
        try:
            runtime.posters.register("console", RecordingPoster())
            assert health.status().problems == ("the scheduler is not running",)
            await runtime.start()
            await settle(120)  # the ingest job runs once at start
            state = health.status()
            assert state.healthy and state.last_ingest == start
            assert metrics.articles_ingested.value(outcome="new") == 1
            assert metrics.summarization_seconds.count == 1

            shutil.rmtree(folder)  # from now on every read fails
            traveller.move_to(start + timedelta(minutes=60))
            runtime.schedule.scheduler.wakeup()
            await settle(120)
            assert metrics.feed_failures.value() == 1
            assert health.status().healthy  # one hour without news is not yet stale
            traveller.move_to(start + timedelta(minutes=91))
            state = health.status()
            assert not state.healthy
            assert state.problems == (f"no successful ingest since {start.isoformat()}",)
        finally:
            await runtime.close()
        assert not health.status().scheduler_running

    with time_machine.travel(start, tick=False) as traveller:
        asyncio.run(run(traveller))


def test_an_ingest_with_no_sources_counts_as_a_good_one(tmp_path):
    async def run() -> BotRuntime:
        runtime = await BotRuntime.open(settings_for(tmp_path))
        try:
            assert await runtime.ingest_and_retry() is None
        finally:
            await runtime.close()
        return runtime

    with time_machine.travel(utc(2026, 3, 4, 5, 0), tick=False):
        runtime = asyncio.run(run())
    assert runtime.health.status().last_ingest == utc(2026, 3, 4, 5, 0)


# --- opening --------------------------------------------------------------------------------


def test_the_bots_sqlite_connection_caches_a_bounded_number_of_pages(tmp_path):
    """Memory that stays put: the bot's connection caches BOT_CACHE_KIB, not the default."""

    async def run() -> None:
        runtime = await BotRuntime.open(settings_for(tmp_path))
        try:
            [(pages,)] = runtime.store.execute("PRAGMA cache_size")
            assert pages == -BOT_CACHE_KIB  # negative: KiB
        finally:
            await runtime.close()

    asyncio.run(run())


@pytest.mark.parametrize("failing", ["TimedSummaryPool", "Commands"])
def test_open_closes_what_it_opened_when_a_later_step_fails(tmp_path, monkeypatch, failing):
    opened_stores: list[Store] = []
    opened_fetchers = []
    real_open, real_fetcher_for = bot.runtime.open_store, bot.runtime.fetcher_for

    def recording_open(path, **options):
        opened_stores.append(real_open(path, **options))
        return opened_stores[-1]

    def recording_fetcher_for(settings):
        opened_fetchers.append(real_fetcher_for(settings))
        return opened_fetchers[-1]

    def broken(*args, **kwargs):
        raise RuntimeError(f"{failing} failed")

    monkeypatch.setattr(bot.runtime, "open_store", recording_open)
    monkeypatch.setattr(bot.runtime, "fetcher_for", recording_fetcher_for)
    monkeypatch.setattr(bot.runtime, failing, broken)

    async def run() -> None:
        with pytest.raises(RuntimeError, match=f"{failing} failed"):
            await BotRuntime.open(settings_for(tmp_path))
        [fetcher] = opened_fetchers
        with pytest.raises(RuntimeError, match="async with"):
            await fetcher.get("https://news.example/")  # closed

    asyncio.run(run())
    [store] = opened_stores
    with pytest.raises(StoreError):
        store.list_channels()


def test_two_runtimes_on_one_database_post_a_due_digest_once(tmp_path):
    """No leader: both processes' clocks tick at 08:00 Berlin, one claims the digest."""
    settings = settings_for(tmp_path)
    posters = [RecordingPoster(), RecordingPoster()]

    async def run(traveller) -> None:
        runtimes = [await started(settings, poster) for poster in posters]
        try:
            await settle()
            await asyncio.to_thread(
                add_article,
                runtimes[0].store,
                "Harbour walls rise",
                "The walls rose. Crews worked.",
                now=utc(2026, 3, 2, 5),
            )
            traveller.move_to(utc(2026, 3, 2, 7, 0))
            results = await asyncio.gather(*(r.schedule.tick() for r in runtimes))
            assert sorted(results, key=len) == [{}, {"console": "sent"}]
            assert await asyncio.gather(*(r.schedule.tick() for r in runtimes)) == [{}, {}]
        finally:
            for runtime in runtimes:
                await runtime.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False) as traveller:
        asyncio.run(run(traveller))
    assert sum(len(poster.posts) for poster in posters) == 1
