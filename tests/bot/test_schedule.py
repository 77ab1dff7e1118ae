"""The digest schedule: the schedule in the store's SQLite file, the real AsyncIOScheduler
as the clock ticking every minute, driven by a frozen clock (time-machine) that the tests
move, then wake the scheduler.

Nothing sleeps for real: a test moves the clock, calls ``scheduler.wakeup()`` and awaits
the tick's outcome for the channel (an APScheduler event). Posts go to a recording Poster
registered in the runtime's Posters, shared across restarts so duplicates would show.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import time_machine
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED

from bot.posting import PostError
from bot.replies import Caller
from bot.runtime import BotRuntime
from bot.schedule import DIGEST_TICK
from summaries.config import (
    ChannelSettings,
    DigestSettings,
    IngestSettings,
    Settings,
    StoreSettings,
)
from summaries.store import open_store
from tests.bot.helpers_digest import RecordingPoster, StuckPoster, add_article, settle, utc

CHANNEL = "console"


def settings_for(
    tmp_path: Path,
    *,
    time: str = "08:00",
    zone: str = "Europe/Berlin",
    grace: float = 12.0,
    when_empty: str = "announce",
) -> Settings:
    return Settings(
        store=StoreSettings(path=str(tmp_path / "bot.db")),
        digest=DigestSettings(when_empty=when_empty, grace_hours=grace),
        ingest=IngestSettings(workers=1),
        channels=(ChannelSettings(id="console", time=time, timezone=zone),),
    )


class Bot:
    """A started runtime, the outcomes of its digest jobs, and a way to move time."""

    def __init__(self, runtime: BotRuntime) -> None:
        self.runtime = runtime
        self.outcomes: asyncio.Queue = asyncio.Queue()
        runtime.schedule.scheduler.add_listener(self._event, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)

    @classmethod
    async def start(cls, settings: Settings, poster) -> Bot:
        runtime = await BotRuntime.open(settings)
        runtime.posters.register("console", poster)
        bot = cls(runtime)
        await runtime.start()
        await bot.settle()  # the first tick (a catch-up) ends before a test moves the clock
        return bot

    def _event(self, event) -> None:
        """A tick's outcome for the console channel (a tick with nothing due says nothing)."""
        if event.job_id != DIGEST_TICK:
            return
        if event.code == EVENT_JOB_EXECUTED:
            if event.retval and CHANNEL in event.retval:
                self.outcomes.put_nowait(event.retval[CHANNEL])
        else:
            self.outcomes.put_nowait(f"error: {event.exception!r}")

    async def outcome(self) -> str:
        return await asyncio.wait_for(self.outcomes.get(), 20)

    async def at(self, traveller, moment: datetime) -> None:
        """Move the clock and let the scheduler look at its jobs."""
        traveller.move_to(moment)
        self.runtime.schedule.scheduler.wakeup()
        await self.settle()

    async def settle(self) -> None:
        await settle()

    def next_run(self) -> datetime | None:
        return self.runtime.schedule.next_run(CHANNEL)

    async def close(self) -> None:
        await self.runtime.close()


def stored_next_run(tmp_path: Path) -> str | None:
    """The channel's next run as its row in the bot's own database file holds it."""
    with sqlite3.connect(tmp_path / "bot.db") as conn:
        row = conn.execute("SELECT next_run_at FROM channels WHERE id = ?", (CHANNEL,)).fetchone()
    return None if row is None else row[0]


def titles_of(poster: RecordingPoster) -> list[str]:
    return [reply.title for _, reply in poster.posts]


# --- DST ------------------------------------------------------------------------------------


def test_the_digest_fires_at_eight_in_berlin_on_both_sides_of_the_spring_change(tmp_path):
    """08:00 Berlin is 07:00Z on Saturday 28 March 2026 and 06:00Z on Sunday 29 (CEST)."""
    poster = RecordingPoster()

    async def main(traveller) -> None:
        bot = await Bot.start(settings_for(tmp_path), poster)
        try:
            assert bot.next_run() == utc(2026, 3, 28, 7, 0)
            await bot.at(traveller, utc(2026, 3, 28, 6, 59))
            assert poster.posts == []
            await bot.at(traveller, utc(2026, 3, 28, 7, 0))
            assert await bot.outcome() == "sent"
            assert bot.next_run() == utc(2026, 3, 29, 6, 0)
            await bot.at(traveller, utc(2026, 3, 29, 5, 59))
            assert len(poster.posts) == 1
            await bot.at(traveller, utc(2026, 3, 29, 6, 0))
            assert await bot.outcome() == "sent"
            assert bot.next_run() == utc(2026, 3, 30, 6, 0)
        finally:
            await bot.close()

    with time_machine.travel(utc(2026, 3, 27, 12, 0), tick=False) as traveller:
        asyncio.run(main(traveller))
    assert titles_of(poster) == [
        "Your briefing for Saturday 28 March",
        "Your briefing for Sunday 29 March",
    ]
    with open_store(tmp_path / "bot.db") as store:
        assert store.digest_record("console", "2026-03-28").sent_at == utc(2026, 3, 28, 7, 0)
        assert store.digest_record("console", "2026-03-29").sent_at == utc(2026, 3, 29, 6, 0)


def test_the_digest_fires_at_eight_in_berlin_on_both_sides_of_the_autumn_change(tmp_path):
    """08:00 Berlin is 06:00Z on Saturday 24 October 2026 and 07:00Z on Sunday 25 (CET)."""
    poster = RecordingPoster()

    async def main(traveller) -> None:
        bot = await Bot.start(settings_for(tmp_path), poster)
        try:
            assert bot.next_run() == utc(2026, 10, 24, 6, 0)
            await bot.at(traveller, utc(2026, 10, 24, 6, 0))
            assert await bot.outcome() == "sent"
            assert bot.next_run() == utc(2026, 10, 25, 7, 0)
            await bot.at(traveller, utc(2026, 10, 25, 6, 0))  # 07:00 CET: an hour early
            assert len(poster.posts) == 1
            await bot.at(traveller, utc(2026, 10, 25, 7, 0))
            assert await bot.outcome() == "sent"
        finally:
            await bot.close()

    with time_machine.travel(utc(2026, 10, 23, 12, 0), tick=False) as traveller:
        asyncio.run(main(traveller))
    assert titles_of(poster) == [
        "Your briefing for Saturday 24 October",
        "Your briefing for Sunday 25 October",
    ]


def test_a_time_that_happens_twice_at_the_autumn_change_posts_once(tmp_path):
    """02:30 Berlin happens twice on 25 October 2026; the digest is due at the first."""
    poster = RecordingPoster()

    async def main(traveller) -> None:
        bot = await Bot.start(settings_for(tmp_path, time="02:30"), poster)
        try:
            assert bot.next_run() == utc(2026, 10, 25, 0, 30)
            await bot.at(traveller, utc(2026, 10, 25, 0, 30))
            assert await bot.outcome() == "sent"
            assert bot.next_run() == utc(2026, 10, 26, 1, 30)
            await bot.at(traveller, utc(2026, 10, 25, 1, 30))  # the second 02:30
            assert bot.outcomes.empty()
        finally:
            await bot.close()

    with time_machine.travel(utc(2026, 10, 24, 12, 0), tick=False) as traveller:
        asyncio.run(main(traveller))
    assert titles_of(poster) == ["Your briefing for Sunday 25 October"]


# --- restarts -------------------------------------------------------------------------------


def test_a_bot_down_across_eight_posts_one_catch_up_and_restarts_post_no_duplicate(tmp_path):
    poster = RecordingPoster()
    settings = settings_for(tmp_path)

    async def run(traveller) -> None:
        bot = await Bot.start(settings, poster)
        await bot.close()  # down at 07:59 Berlin (06:59Z, winter time)
        traveller.move_to(utc(2026, 3, 2, 8, 30))  # back at 09:30
        bot = await Bot.start(settings, poster)
        try:
            assert await bot.outcome() == "sent"
            await bot.settle()
            assert bot.next_run() == utc(2026, 3, 3, 7, 0)
        finally:
            await bot.close()
        for minute in (40, 50):  # two restarts in a row
            traveller.move_to(utc(2026, 3, 2, 8, minute))
            bot = await Bot.start(settings, poster)
            try:
                await bot.at(traveller, utc(2026, 3, 2, 8, minute + 1))
                assert bot.outcomes.empty()
                assert await bot.runtime.delivery.deliver("console", "2026-03-02") == "already-sent"
            finally:
                await bot.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 59), tick=False) as traveller:
        asyncio.run(run(traveller))
    assert titles_of(poster) == ["Your briefing for Monday 2 March"]


def test_two_restarts_after_a_normal_run_post_no_duplicate(tmp_path):
    poster = RecordingPoster()
    settings = settings_for(tmp_path)

    async def run(traveller) -> None:
        bot = await Bot.start(settings, poster)
        try:
            await bot.at(traveller, utc(2026, 3, 2, 7, 0))
            assert await bot.outcome() == "sent"
        finally:
            await bot.close()
        for minute in (5, 6):
            traveller.move_to(utc(2026, 3, 2, 7, minute))
            bot = await Bot.start(settings, poster)
            try:
                await bot.settle()
                assert bot.outcomes.empty()
            finally:
                await bot.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False) as traveller:
        asyncio.run(run(traveller))
    assert len(poster.posts) == 1


def test_a_bot_down_longer_than_the_grace_period_skips_that_digest(tmp_path):
    poster = RecordingPoster()
    settings = settings_for(tmp_path, grace=12)

    async def run(traveller) -> None:
        bot = await Bot.start(settings, poster)
        await bot.close()
        traveller.move_to(utc(2026, 3, 2, 19, 30))  # 12.5 h after 08:00 Berlin
        bot = await Bot.start(settings, poster)
        try:
            assert await bot.outcome() == "missed"
            assert poster.posts == []
            assert bot.next_run() == utc(2026, 3, 3, 7, 0)
            await bot.at(traveller, utc(2026, 3, 3, 7, 0))
            assert await bot.outcome() == "sent"
        finally:
            await bot.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 59), tick=False) as traveller:
        asyncio.run(run(traveller))
    assert titles_of(poster) == ["Your briefing for Tuesday 3 March"]


def test_a_digest_recorded_but_unsent_before_a_crash_is_sent_once_after_restart(tmp_path):
    settings = settings_for(tmp_path)
    stuck, poster = StuckPoster(), RecordingPoster()

    async def run(traveller) -> None:
        bot = await Bot.start(settings, stuck)
        try:
            story = await asyncio.to_thread(
                add_article,
                bot.runtime.store,
                "Harbour walls approved",
                "The council voted.",
                now=utc(2026, 3, 2, 6, 30),
            )
            traveller.move_to(utc(2026, 3, 2, 7, 0))
            bot.runtime.schedule.scheduler.wakeup()
            await asyncio.wait_for(stuck.entered.wait(), 20)  # recorded, post in flight
        finally:
            await bot.close()  # the crash: the job is cancelled before it is marked sent
        with open_store(tmp_path / "bot.db") as store:
            [unsent] = store.unsent_digests()
            assert (unsent.period, unsent.story_ids) == ("2026-03-02", (story,))
            add_article(
                store, "Ferry fares rise", "Fares go up in June.", now=utc(2026, 3, 2, 7, 5)
            )

        traveller.move_to(utc(2026, 3, 2, 7, 10))
        for _ in range(2):
            bot = await Bot.start(settings, poster)
            try:
                await bot.settle()
                assert bot.outcomes.empty()  # the schedule itself has nothing due
            finally:
                await bot.close()
        [(_, reply)] = poster.posts
        assert [item.story_id for item in reply.items] == [story]  # the same stories only

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False) as traveller:
        asyncio.run(run(traveller))


# --- the schedule follows the channel's settings ---------------------------------------------


def test_a_restart_with_unchanged_settings_keeps_the_next_run_and_its_catch_up(tmp_path):
    settings = settings_for(tmp_path)
    poster = RecordingPoster()

    async def run(traveller) -> None:
        bot = await Bot.start(settings, poster)
        await bot.close()
        before = stored_next_run(tmp_path)
        assert before == "2026-03-02T07:00:00.000000+00:00"
        traveller.move_to(utc(2026, 3, 2, 6, 30))
        bot = await Bot.start(settings, poster)
        try:
            await bot.settle()
        finally:
            await bot.close()
        assert stored_next_run(tmp_path) == before  # config.toml's entry is not applied again
        traveller.move_to(utc(2026, 3, 2, 7, 30))  # past 08:00 Berlin while down
        bot = await Bot.start(settings, poster)
        try:
            assert await bot.outcome() == "sent"  # the kept next run time: caught up
        finally:
            await bot.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False) as traveller:
        asyncio.run(run(traveller))
    assert len(poster.posts) == 1


def test_a_changed_time_reschedules_and_the_old_time_is_not_caught_up(tmp_path):
    poster = RecordingPoster()

    async def run(traveller) -> None:
        bot = await Bot.start(settings_for(tmp_path), poster)
        await bot.close()
        traveller.move_to(utc(2026, 3, 2, 7, 30))  # 08:30 Berlin: the 08:00 run was missed
        bot = await Bot.start(settings_for(tmp_path, time="09:00"), poster)
        try:
            await bot.settle()
            assert bot.outcomes.empty() and poster.posts == []
            assert bot.next_run() == utc(2026, 3, 2, 8, 0)
            await bot.at(traveller, utc(2026, 3, 2, 8, 0))
            assert await bot.outcome() == "sent"
        finally:
            await bot.close()
        bot = await Bot.start(settings_for(tmp_path, time="09:00", zone="America/New_York"), poster)
        try:
            assert bot.next_run() == utc(2026, 3, 2, 14, 0)  # 09:00 EST
        finally:
            await bot.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False) as traveller:
        asyncio.run(run(traveller))
    assert titles_of(poster) == ["Your briefing for Monday 2 March"]


def test_a_changed_grace_period_applies_at_once_and_keeps_the_catch_up(tmp_path):
    poster = RecordingPoster()

    async def run(traveller) -> None:
        bot = await Bot.start(settings_for(tmp_path, grace=12), poster)
        await bot.close()
        traveller.move_to(utc(2026, 3, 2, 9, 0))
        bot = await Bot.start(settings_for(tmp_path, grace=3), poster)
        try:
            assert await bot.outcome() == "sent"  # 2 h late, within the new 3 h
        finally:
            await bot.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False) as traveller:
        asyncio.run(run(traveller))
    assert len(poster.posts) == 1


def test_pause_resume_and_clearing_follow_the_channel(tmp_path):
    settings = settings_for(tmp_path)
    poster = RecordingPoster()

    async def run(traveller) -> None:
        bot = await Bot.start(settings, poster)
        try:
            store = bot.runtime.store
            await asyncio.to_thread(store.set_paused, "console", True)
            assert bot.next_run() is None
            await bot.at(traveller, utc(2026, 3, 2, 7, 0))
            assert bot.outcomes.empty() and poster.posts == []
            traveller.move_to(utc(2026, 3, 2, 7, 30))
            await asyncio.to_thread(store.set_paused, "console", False)
            assert bot.next_run() == utc(2026, 3, 3, 7, 0)  # the paused day is not caught up
            await asyncio.to_thread(store.set_schedule, "discord:7", "18:30", "Asia/Tokyo")
            assert bot.runtime.schedule.next_run("discord:7") == utc(2026, 3, 2, 9, 30)
            await asyncio.to_thread(store.set_schedule, "discord:7", None, "Asia/Tokyo")
            assert bot.runtime.schedule.next_run("discord:7") is None
        finally:
            await bot.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False) as traveller:
        asyncio.run(run(traveller))


def test_a_paused_channel_stays_paused_across_a_restart(tmp_path):
    settings = settings_for(tmp_path)
    paused = replace(settings, channels=(replace(settings.channels[0], paused=True),))

    async def run(traveller) -> None:
        bot = await Bot.start(paused, RecordingPoster())
        try:
            assert bot.next_run() is None
        finally:
            await bot.close()
        traveller.move_to(utc(2026, 3, 2, 9, 0))
        bot = await Bot.start(paused, RecordingPoster())
        try:
            await bot.settle()
            assert bot.outcomes.empty() and bot.next_run() is None
        finally:
            await bot.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False) as traveller:
        asyncio.run(run(traveller))


def test_the_clock_is_one_tick_a_minute_in_memory_and_the_schedule_is_in_the_database(tmp_path):
    async def run(traveller) -> None:
        bot = await Bot.start(settings_for(tmp_path), RecordingPoster())
        try:
            [tick] = [j for j in bot.runtime.schedule.scheduler.get_jobs() if j.id == DIGEST_TICK]
            assert (tick.coalesce, tick.max_instances) == (True, 1)
            assert tick.next_run_time == utc(2026, 3, 2, 6, 1)  # the start of the next minute
        finally:
            await bot.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0, 30), tick=False) as traveller:
        asyncio.run(run(traveller))
    assert stored_next_run(tmp_path) == "2026-03-02T07:00:00.000000+00:00"
    with sqlite3.connect(tmp_path / "bot.db") as conn:
        names = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    assert "apscheduler_jobs" not in names


# --- channels the bot cannot or should no longer post in ------------------------------------


def test_a_channel_the_bot_may_not_post_in_is_paused_not_failed_every_day(tmp_path, caplog):
    poster = RecordingPoster()
    poster.fail = PostError("console", "The bot may not post in this channel.", permanent=True)
    settings = settings_for(tmp_path)

    async def run(traveller) -> None:
        bot = await Bot.start(settings, poster)
        try:
            with caplog.at_level(logging.ERROR, logger="briefing.delivery"):
                await bot.at(traveller, utc(2026, 3, 2, 7, 0))
                assert await bot.outcome() == "failed"
            assert bot.next_run() is None  # paused with the channel
            await bot.at(traveller, utc(2026, 3, 3, 7, 0))
            assert bot.outcomes.empty() and poster.attempts == 1
        finally:
            await bot.close()
        traveller.move_to(utc(2026, 3, 4, 6, 0))
        bot = await Bot.start(settings, poster)  # paused across a restart too
        try:
            assert bot.next_run() is None
            poster.fail = None  # the bot was given the permission, then an admin resumes
            admin = Caller(
                platform="console", channel="console", user="ops", is_admin=True, tenant="console"
            )
            assert (await bot.runtime.commands.run(admin, "schedule resume")).ok
            assert bot.next_run() == utc(2026, 3, 4, 7, 0)
            await bot.at(traveller, utc(2026, 3, 4, 7, 0))
            assert await bot.outcome() == "sent"
        finally:
            await bot.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False) as traveller:
        asyncio.run(run(traveller))
    [logged] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert "console" in logged and "schedule resume" in logged
    assert titles_of(poster) == ["Your briefing for Wednesday 4 March"]


def test_a_channel_removed_from_config_toml_gets_no_more_digests(tmp_path):
    poster = RecordingPoster()
    settings = settings_for(tmp_path)

    async def run(traveller) -> None:
        bot = await Bot.start(settings, poster)
        try:
            assert bot.next_run() == utc(2026, 3, 2, 7, 0)
        finally:
            await bot.close()
        bot = await Bot.start(replace(settings, channels=()), poster)
        try:
            assert bot.next_run() is None
            await bot.at(traveller, utc(2026, 3, 2, 7, 0))
            await bot.at(traveller, utc(2026, 3, 3, 7, 0))
            assert bot.outcomes.empty()
        finally:
            await bot.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False) as traveller:
        asyncio.run(run(traveller))
    assert poster.posts == []
    assert stored_next_run(tmp_path) is None


def test_an_unusable_stored_schedule_posts_nothing_and_says_why(tmp_path, caplog):
    poster = RecordingPoster()
    settings = settings_for(tmp_path)

    async def run(traveller) -> None:
        bot = await Bot.start(settings, poster)
        await bot.close()
        with sqlite3.connect(tmp_path / "bot.db") as conn:  # a zone this system does not know
            conn.execute("UPDATE channels SET timezone = 'Mars/Olympus' WHERE id = 'console'")
        bot = await Bot.start(settings, poster)
        try:
            with caplog.at_level(logging.WARNING, logger="briefing.store"):
                # its next run was set before: claimed, found unusable, not run again
                await bot.at(traveller, utc(2026, 3, 2, 7, 0))
                await asyncio.to_thread(bot.runtime.store.set_paused, "console", False)
            await bot.at(traveller, utc(2026, 3, 3, 7, 0))
            assert bot.outcomes.empty()
        finally:
            await bot.close()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False) as traveller:
        asyncio.run(run(traveller))
    assert "console" in caplog.text and "Mars/Olympus" in caplog.text
    assert poster.posts == [] and stored_next_run(tmp_path) is None
