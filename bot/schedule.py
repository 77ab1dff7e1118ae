"""The digest schedule: one APScheduler cron job per channel, kept in the store's SQLite file.

APScheduler 3's ``AsyncIOScheduler`` runs on the bot's own event loop. Digest jobs
live in a ``SQLAlchemyJobStore`` in the same database file as everything else, so a
restart finds each job with the next run time it had: a digest missed while the
bot was down is then run once when it comes back, if that is within the grace
period (``misfire_grace_time``; ``coalesce`` makes several missed days one run).

A restart must not re-add the jobs (``add_job(..., replace_existing=True)`` would
compute a fresh next run time and silently drop that catch-up). :meth:`reconcile`
compares each stored job with the channel's settings instead and changes only
what differs: a new time or zone is ``reschedule_job``; the settings frozen into a
job when it was added (grace time, coalescing, its function) are ``modify_job``;
pausing is ``pause_job``/``resume_job``. An unchanged job is left alone.

The ingest job lives in a memory job store: it runs at start and every
``[schedule] ingest_minutes``, and nothing about it needs to survive a restart.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import create_engine
from sqlalchemy.engine import URL

from bot.delivery import DigestDelivery
from summaries.clock import Clock, utc_now
from summaries.models import Channel
from summaries.store import Store, StoreError

log = logging.getLogger("briefing.schedule")

DIGESTS = "default"  # job store alias of the digest jobs (persistent)
VOLATILE = "memory"  # job store alias of jobs that need not survive a restart
JOB_PREFIX = "digest:"
JOB_FUNC = "bot.schedule:run_digest"  # stored in every digest job: keep this name stable
SQLITE_BUSY_SECONDS = 10

T = TypeVar("T")


def job_id(channel_id: str) -> str:
    return JOB_PREFIX + channel_id


def hour_minute(time_of_day: str) -> tuple[int, int]:
    """``"08:00"`` -> ``(8, 0)``; ValueError for anything else."""
    hour, minute = (int(part) for part in time_of_day.split(":"))
    return hour, minute


def digest_trigger(channel: Channel) -> CronTrigger:
    """08:00 in the channel's zone every day; DST is the zone's business, not ours."""
    hour, minute = hour_minute(channel.time or "")
    return CronTrigger(hour=hour, minute=minute, timezone=ZoneInfo(channel.timezone))


def scheduled_period(time_of_day: str, zone: str, now: datetime) -> str:
    """The period of the scheduled run at ``now``: the local date of the latest fire time.

    Compared on the wall clock, so a catch-up at 09:30 of an 08:00 digest is the
    same day's period (never posted twice), a catch-up after midnight of a 23:00
    digest is the previous day's, and a time skipped or repeated by a DST change
    still names its own day.
    """
    hour, minute = hour_minute(time_of_day)
    local = now.astimezone(ZoneInfo(zone))
    day: date = local.date()
    if local.time().replace(tzinfo=None) < time(hour, minute):
        day -= timedelta(days=1)
    return day.isoformat()


# --- the job function ----------------------------------------------------------------------
#
# APScheduler pickles a stored job: its function is kept as the text "module:name" and its
# arguments are pickled. The live objects a digest needs (store, posters, delivery) cannot
# travel that way, so every digest job calls the module-level ``run_digest(channel_id)``,
# which finds the running schedule here. ``DigestSchedule.start`` registers it and
# ``shutdown`` removes it; one bot runtime runs per process.


class _Live:
    def __init__(self) -> None:
        self.schedule: DigestSchedule | None = None

    def attach(self, schedule: DigestSchedule) -> None:
        current = self.schedule
        if current is not None and current is not schedule and current.running:
            raise RuntimeError("Another digest schedule is already running in this process.")
        self.schedule = schedule

    def detach(self, schedule: DigestSchedule) -> None:
        if self.schedule is schedule:
            self.schedule = None


LIVE = _Live()


async def run_digest(channel_id: str) -> str:
    """Every digest job's function: post the channel's digest of the current period."""
    schedule = LIVE.schedule
    if schedule is None:
        log.warning("digest job for %s ran without a running bot; skipped", channel_id)
        return "failed"
    return await schedule.fire(channel_id)


# --- the schedule --------------------------------------------------------------------------


class DigestSchedule:
    """Owns the scheduler: the channels' digest jobs and the bot's periodic jobs."""

    def __init__(
        self,
        store: Store,
        delivery: DigestDelivery,
        *,
        grace_hours: float,
        clock: Clock = utc_now,
        digests: bool = True,
    ) -> None:
        """``digests=False``: only the periodic jobs run here; the stored digest jobs are left
        to the one process that posts digests (APScheduler 3 cannot share a job store)."""
        self.store = store
        self.digests = digests
        self.delivery = delivery
        self.grace_seconds = max(1, round(grace_hours * 3600))
        self.clock = clock
        self.scheduler = AsyncIOScheduler(
            jobstores={
                DIGESTS: _digest_jobstore(store) if digests else MemoryJobStore(),
                VOLATILE: MemoryJobStore(),
            },
            timezone=UTC,
        )
        self._periodic: list[tuple[str, Callable[[], Awaitable[Any]], float, bool]] = []
        self._running: set[asyncio.Task[Any]] = set()
        self.reconciled: dict[str, str] = {}  # what the last start did to each digest job
        self._stopping = False

    # --- lifetime ----------------------------------------------------------------------------

    def every(
        self,
        name: str,
        func: Callable[[], Awaitable[Any]],
        *,
        minutes: float,
        at_start: bool = True,
    ) -> None:
        """Run ``func`` every ``minutes`` (and once at start); call before :meth:`start`."""
        self._periodic.append((name, func, minutes, at_start))

    def start(self, channels: Iterable[Channel]) -> None:
        """Start on the running loop: bring the stored jobs in line with ``channels``, then run.

        The scheduler starts paused, so no stored job runs before it is reconciled.
        """
        LIVE.attach(self)
        try:
            self.scheduler.start(paused=True)
            self.reconciled = self.reconcile(channels)
            now = self.clock()
            for name, func, minutes, at_start in self._periodic:
                self.scheduler.add_job(
                    partial(self._tracked, func),
                    IntervalTrigger(minutes=minutes, timezone=UTC),
                    id=name,
                    name=name,
                    jobstore=VOLATILE,
                    next_run_time=now if at_start else now + timedelta(minutes=minutes),
                    coalesce=True,
                    max_instances=1,
                    misfire_grace_time=None,  # late is better than never for reading sources
                )
            self.scheduler.resume()
        except BaseException:
            LIVE.detach(self)
            raise

    async def shutdown(self) -> None:
        """Stop without waiting for running jobs (they are cancelled: a digest caught between
        its record and being marked sent is posted again at the next start)."""
        self._stopping = True
        try:
            if self.scheduler.state != STATE_STOPPED:
                # AsyncIOScheduler.shutdown only schedules the work on the loop: let it run.
                self.scheduler.shutdown(wait=False)
                for _ in range(100):
                    if self.scheduler.state == STATE_STOPPED:
                        break
                    await asyncio.sleep(0)
            running = [task for task in self._running if task is not asyncio.current_task()]
            for task in running:
                task.cancel()
            await asyncio.gather(*running, return_exceptions=True)
        finally:
            LIVE.detach(self)

    @property
    def running(self) -> bool:
        return self.scheduler.state != STATE_STOPPED

    # --- reading -----------------------------------------------------------------------------

    def next_run(self, channel_id: str) -> datetime | None:
        """When the channel's next digest is due (UTC); None when paused or not scheduled."""
        job = self.scheduler.get_job(job_id(channel_id), DIGESTS)
        return None if job is None else job.next_run_time

    # --- keeping jobs in line with the channels ----------------------------------------------

    def reconcile(self, channels: Iterable[Channel]) -> dict[str, str]:
        """Make the stored digest jobs match ``channels`` (all of them), changing only what
        differs; jobs of channels that are gone, have no schedule now (cleared by command, or
        their ``[[channels]]`` entry left config.toml) or an unusable one are removed.

        Returns what was done to each job: "added", "kept", "removed", or the changes
        ("rescheduled", "modified", "paused", "resumed", comma-separated).
        """
        if not self.digests:
            return {}
        done: dict[str, str] = {}
        for channel in channels:
            done[job_id(channel.id)] = self._apply(channel)
        for job in self.scheduler.get_jobs(DIGESTS):
            if job.id.startswith(JOB_PREFIX) and job.id not in done:
                self.scheduler.remove_job(job.id, DIGESTS)
                log.info("removed digest job %s: its channel is gone", job.id)
                done[job.id] = "removed"
        return {ident: action for ident, action in done.items() if action != "none"}

    async def apply(self, channel: Channel) -> None:
        """One channel's settings changed at run time (``schedule set|pause|resume``).

        Before :meth:`start` this does nothing: start reconciles every channel from the
        store (a job added to a stopped scheduler would clash with the stored one).
        """
        if self.running and self.digests:
            self._apply(channel)

    def _apply(self, channel: Channel) -> str:
        """Add, change, pause, resume or remove the channel's job; returns what was done."""
        ident = job_id(channel.id)
        job = self.scheduler.get_job(ident, DIGESTS)
        if channel.time is None:
            if job is None:
                return "none"
            self.scheduler.remove_job(ident, DIGESTS)
            log.info("removed digest job %s: its channel has no digest time", ident)
            return "removed"
        try:
            trigger = digest_trigger(channel)
        except (ValueError, KeyError) as error:  # a bad zone or time in the store
            # An old job would fire daily and fail daily: take it away until it is set again.
            log.warning(
                "channel %s has an unusable schedule (%s %s: %s): no digest job until "
                "`schedule set` gives it a valid one",
                channel.id,
                channel.time,
                channel.timezone,
                error,
            )
            if job is None:
                return "none"
            self.scheduler.remove_job(ident, DIGESTS)
            return "removed"
        frozen = self._frozen(channel)
        if job is None:
            settings = {key: value for key, value in frozen.items() if key != "func"}
            if channel.paused:
                settings["next_run_time"] = None  # added paused
            self.scheduler.add_job(JOB_FUNC, trigger, id=ident, jobstore=DIGESTS, **settings)
            log.info("added digest job %s (%s %s)", ident, channel.time, channel.timezone)
            return "added"
        done: list[str] = []
        if repr(job.trigger) != repr(trigger):
            if channel.paused:
                self.scheduler.modify_job(ident, DIGESTS, trigger=trigger, next_run_time=None)
            else:
                self.scheduler.reschedule_job(ident, DIGESTS, trigger=trigger)
            done.append("rescheduled")
        changes = {key: value for key, value in frozen.items() if _current(job, key) != value}
        if changes:
            self.scheduler.modify_job(ident, DIGESTS, **changes)
            done.append("modified")
        paused_now = self.scheduler.get_job(ident, DIGESTS).next_run_time is None
        if channel.paused and not paused_now:
            self.scheduler.pause_job(ident, DIGESTS)
            done.append("paused")
        elif not channel.paused and paused_now:
            self.scheduler.resume_job(ident, DIGESTS)
            done.append("resumed")
        if done:
            log.info("digest job %s: %s", ident, ", ".join(done))
        return ",".join(done) or "kept"

    def _frozen(self, channel: Channel) -> dict[str, Any]:
        """What APScheduler freezes into a job when it is added."""
        return {
            "func": JOB_FUNC,
            "args": (channel.id,),
            "kwargs": {},
            "name": f"digest for {channel.id}",
            "misfire_grace_time": self.grace_seconds,
            "coalesce": True,
            "max_instances": 1,
        }

    # --- running -----------------------------------------------------------------------------

    async def fire(self, channel_id: str) -> str:
        """A digest job ran: deliver the digest of the period it was scheduled for."""
        return await self._tracked(partial(self._fire, channel_id)) or "failed"

    async def _tracked(self, work: Callable[[], Awaitable[T]]) -> T | None:
        """Run a job's work, known to :meth:`shutdown` so it can be cancelled and awaited."""
        task = asyncio.current_task()
        if task is not None:
            self._running.add(task)
        try:
            return await work()
        except asyncio.CancelledError:
            if not self._stopping:
                raise
            log.info("a running job was stopped with the bot")  # not an error: we asked
            return None
        finally:
            self._running.discard(task)  # type: ignore[arg-type]

    async def _fire(self, channel_id: str) -> str:
        try:
            channel = await asyncio.to_thread(self.store.get_channel, channel_id)
            if channel is None or channel.time is None:
                log.info("digest job for %s ran, but the channel has no schedule now", channel_id)
                return "failed"
            period = scheduled_period(channel.time, channel.timezone, self.clock())
            return await self.delivery.deliver(channel_id, period)
        except StoreError as error:  # damaged, locked, full: known, said in one line
            log.error("digest job for %s: %s", channel_id, error)
            return "failed"


def _current(job: Any, key: str) -> Any:
    """A job's frozen setting in the form :meth:`DigestSchedule._frozen` gives it."""
    if key == "func":
        return job.func_ref
    if key == "args":
        return tuple(job.args)
    if key == "kwargs":
        return dict(job.kwargs)
    return getattr(job, key)


def _digest_jobstore(store: Store) -> SQLAlchemyJobStore | MemoryJobStore:
    """The store's own SQLite file (an in-memory store gets an in-memory job store, and so
    does PostgreSQL, whose digests are scheduled again from the channels at each start)."""
    if store.engine != "sqlite" or store.path == ":memory:":
        return MemoryJobStore()
    url = URL.create("sqlite", database=str(Path(store.path).resolve()))
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
    return SQLAlchemyJobStore(engine=engine)
