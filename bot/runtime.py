"""The composition root: every long-lived object of the bot, opened and closed in one place.

    runtime = await BotRuntime.open(settings)
    runtime.posters.register("discord", DiscordPoster(client))   # each adapter, before start
    await runtime.start()      # start the schedule's clock (claims due digests each minute)
    reply = await runtime.commands.run(caller, "brief cyber")
    await runtime.drain(6.0)   # at SIGTERM: no new commands or jobs, let those in flight end
    await runtime.close()      # or: async with await BotRuntime.open(settings) as runtime

The runtime owns the store, the summarizing process pool, the fetcher, the
periodic ingest, the digest delivery and schedule, the command layer, and what
watches them: ``metrics`` (counted by wrappers from ``bot.observability``) and
``health`` (the scheduler and ingest report here; adapters report their connection).
Nothing here is module-level: a test opens as many runtimes (one after another) as
it likes.

Shutdown in two steps, so that a digest is posted once: :meth:`drain` stops taking
commands (an answer says the bot is restarting) and starting jobs, then waits, up to
a deadline, for the commands, digest jobs and digest deliveries in flight; the adapters
keep their connections meanwhile, so a post in flight can finish and be marked sent.
:meth:`close` then cancels whatever is left (a digest cut mid-post stays recorded and
unsent, and is posted at the next start) and closes everything.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Iterator
from contextlib import AsyncExitStack, contextmanager
from datetime import timedelta
from functools import partial
from types import TracebackType
from typing import Any

import procrastinate
from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_EXECUTED,
    EVENT_JOB_MISSED,
    EVENT_JOB_SUBMITTED,
    JobEvent,
)

from bot.chat import CommandRunner
from bot.commands import COMMANDS, Commands
from bot.jobs import QueuedDelivery
from bot.observability.health import Health
from bot.observability.instrument import (
    CountedCommands,
    CountedDigestDelivery,
    TimedSummaryPool,
    record_ingest,
)
from bot.observability.metrics import Metrics
from bot.posting import Posters
from bot.replies import Caller, ErrorKind, Reply, error_reply
from bot.schedule import DIGEST_TICK, DigestSchedule
from summaries.clock import Clock, utc_now
from summaries.config import Settings
from summaries.ingest import Ingest, IngestReport, SummaryPool
from summaries.jobs import defer_due_fetches, ensure_schema, queue_app, queue_url
from summaries.library import configured_sources, fetcher_for
from summaries.models import DigestRecord
from summaries.sources import Fetcher
from summaries.store import BOT_CACHE_KIB, Store, StoreError, open_store

# Summarizing workers stop after this long without work (between two ingests) and start
# again for the next article: memory that stays put (bench/memory.py).
WORKER_IDLE_SECONDS = 60.0

log = logging.getLogger("briefing.runtime")

INGEST_JOB = "ingest"
REPLY_SECONDS = 0.5  # after the last command in flight ends, for its answer to go out
RESTARTING = "I am restarting and take no commands just now; try again in a minute."


class InFlight:
    """Work that the shutdown waits for: commands, digest jobs, digest deliveries."""

    def __init__(self) -> None:
        self.closing = False  # set by BotRuntime.drain: take no new work
        self._count = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def count(self) -> int:
        return self._count

    def enter(self) -> None:
        self._count += 1
        self._idle.clear()

    def leave(self) -> None:
        self._count = max(0, self._count - 1)
        if self._count == 0:
            self._idle.set()

    @contextmanager
    def tracked(self) -> Iterator[None]:
        self.enter()
        try:
            yield
        finally:
            self.leave()

    async def idle(self, seconds: float) -> bool:
        """Wait until nothing is in flight, at most ``seconds``; True when nothing is."""
        try:
            await asyncio.wait_for(self._idle.wait(), seconds)
        except TimeoutError:
            return False
        return True


class CommandGate:
    """What adapters call: the command layer, tracked in flight, closed at shutdown."""

    def __init__(self, commands: CommandRunner, work: InFlight) -> None:
        self._commands = commands
        self._work = work
        self.answered_while_closing = 0

    async def run(self, caller: Caller, text: str) -> Reply:
        if self._work.closing:
            return error_reply(ErrorKind.UNAVAILABLE, RESTARTING)
        with self._work.tracked():
            reply = await self._commands.run(caller, text)
        if self._work.closing:
            self.answered_while_closing += 1
        return reply

    def topics_of(self, channel: str) -> list[str]:
        return self._commands.topics_of(channel)

    def source_names(self, tenant: str | None) -> list[str]:
        return self._commands.source_names(tenant)


class RuntimeDelivery(CountedDigestDelivery):
    """The runtime's digest delivery: counted, and known to the shutdown.

    Every delivery is tracked in flight. Once closing, resending is not started (the
    records stay unsent for the next start); a delivery is, because the digest job
    that asks for it has already fired (the shutdown waits for it instead).
    """

    def __init__(self, *args: Any, work: InFlight, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._work = work

    async def deliver(self, channel_id: str, period: str) -> str:
        with self._work.tracked():
            return await super().deliver(channel_id, period)

    async def deliver_claimed(self, record: DigestRecord) -> str:
        with self._work.tracked():
            return await super().deliver_claimed(record)

    async def resend_unsent(self) -> int:
        if self._work.closing:
            return 0
        with self._work.tracked():
            return await super().resend_unsent()


class BotRuntime:
    """Store, pool, fetcher, ingest, delivery, schedule, commands and posters of one bot."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        pool: SummaryPool,
        fetcher: Fetcher,
        *,
        clock: Clock = utc_now,
        metrics: Metrics | None = None,
        queue: procrastinate.App | None = None,
    ) -> None:
        """Use :meth:`open`, which opens what this is given.

        Every runtime runs the digest schedule's clock: any number of processes on one
        database post each digest once (see ``bot.schedule``).

        ``queue`` (a PostgreSQL store's job queue, opened): the clock queues fetch and
        digest jobs for ``briefing worker`` instead of doing the work in this process.
        """
        self.settings = settings
        self.queue = queue
        self.store = store
        self.pool = pool
        self.fetcher = fetcher
        self.clock = clock
        self.metrics = metrics or new_metrics()
        self.health = Health.for_settings(settings, clock=clock)
        self.work = InFlight()
        self.posters = Posters()
        self.delivery = RuntimeDelivery(
            store,
            self.posters,
            settings.digest,
            clock,
            metrics=self.metrics,
            work=self.work,
            shared=settings.sources.shared,
        )
        self.schedule = DigestSchedule(
            store,
            self.delivery if queue is None else QueuedDelivery(queue, self.delivery),  # type: ignore[arg-type]
            grace_hours=settings.digest.grace_hours,
            clock=clock,
        )
        self.ingest = Ingest(
            store,
            fetcher,
            pool,
            window_hours=settings.ingest.story_window_hours,
            max_entries=settings.ingest.max_entries_per_feed,
            clock=clock,
        )
        commands = Commands(
            store,
            settings,
            pool=pool,
            fetcher=fetcher,
            delivery=self.delivery,
            clock=clock,
        )
        self.commands = CommandGate(CountedCommands(commands, self.metrics), self.work)
        self._started = False
        self._closed = False

    @classmethod
    async def open(cls, settings: Settings, *, clock: Clock = utc_now) -> BotRuntime:
        """Open the store (adding config.toml's sources and channels) and the rest.

        Whatever was opened is closed again when a later step fails.
        """
        async with AsyncExitStack() as opened:
            store = await asyncio.to_thread(
                partial(open_store, settings.store.location, cache_kib=BOT_CACHE_KIB)
            )
            opened.push_async_callback(asyncio.to_thread, store.close)
            await asyncio.to_thread(_seed, store, settings)
            fetcher = await opened.enter_async_context(fetcher_for(settings))
            ingest = settings.ingest
            metrics = new_metrics()
            pool = TimedSummaryPool(
                settings.summary.options(),
                ingest.workers,
                ingest.article_seconds,
                idle_seconds=WORKER_IDLE_SECONDS,
                metrics=metrics,
            )
            opened.push_async_callback(asyncio.to_thread, pool.close)
            queue = await _open_queue(settings)
            if queue is not None:
                opened.push_async_callback(queue.close_async)
            runtime = cls(
                settings,
                store,
                pool,
                fetcher,
                clock=clock,
                metrics=metrics,
                queue=queue,
            )
            opened.pop_all()  # the runtime owns them now: its close() closes them
        return runtime

    async def start(self) -> None:
        """Start the schedule's clock: its first tick claims what is due (a catch-up) and
        posts digests left unsent by a process that stopped.

        Adapters register their Posters before this: a digest for a platform with no
        poster here is left to a process that has one.
        """
        if self._started:
            return
        self._started = True
        self.schedule.every(
            INGEST_JOB, self.ingest_and_retry, minutes=self.settings.schedule.ingest_minutes
        )
        self.schedule.scheduler.add_listener(
            self._digest_job_event,
            EVENT_JOB_SUBMITTED | EVENT_JOB_EXECUTED | EVENT_JOB_ERROR | EVENT_JOB_MISSED,
        )
        self.schedule.start()
        self.health.scheduler_running(True)

    def _digest_job_event(self, event: JobEvent) -> None:
        """The digest tick counts as in flight from the moment it is handed to the loop, so
        the shutdown waits for one that has claimed digests but not yet started posting
        them. It coalesces and runs one instance at a time: one end event per submission."""
        if event.job_id != DIGEST_TICK:
            return
        if event.code == EVENT_JOB_SUBMITTED:
            self.work.enter()
        else:
            self.work.leave()

    async def ingest_and_retry(self) -> IngestReport | None:
        """The periodic job: read every due source, then forget departed servers (retrying
        digests a platform refused is the digest tick's, every minute).

        Each step has its own guard: a failing ingest does not hold back the next. A
        failing database is said once a run, in the store's own words.
        """
        report = None
        store_failed = ""
        try:
            sources = await asyncio.to_thread(self.store.sources_to_read)
            if sources and self.queue is not None:
                queued = await defer_due_fetches(self.queue, sources, self.clock())
                log.info("ingest: %d of %d sources queued for the workers", queued, len(sources))
                self.health.ingest_succeeded(self.clock())
            elif sources:
                report = await self.ingest.run(sources)
                record_ingest(report, self.metrics, self.health, now=self.clock())
                log.info("ingest: %s", report.line())
                for problem in report.problems:
                    log.warning("ingest: %s", problem)
            else:  # nothing to read is not a failing ingest
                self.health.ingest_succeeded(self.clock())
        except StoreError as error:  # damaged, locked, full: known, and the next run tries again
            store_failed = self._store_failed("ingest", error)
        except Exception:  # the next run tries again; the bot keeps running
            self.metrics.error("internal")
            log.exception("incident %s in the periodic ingest", _incident())
        try:
            await self.forget_departed()
        except StoreError as error:
            self._store_failed("forgetting departed servers", error, said=store_failed)
        except Exception:
            self.metrics.error("internal")
            log.exception("incident %s forgetting servers that removed the bot", _incident())
        return report

    async def forget_departed(self) -> list[str]:
        """Delete the settings of servers and workspaces that removed the bot more than
        ``[tenants] leave_grace_days`` ago (an outage is not leaving: nothing goes then),
        with their channels and so their schedules."""
        grace = timedelta(days=self.settings.tenants.leave_grace_days)
        gone = await asyncio.to_thread(self.store.forget_departed_tenants, self.clock() - grace)
        for tenant in gone:
            log.info("forgot the sources and channels of %s, which removed the bot", tenant)
        return gone

    def _store_failed(self, step: str, error: StoreError, *, said: str = "") -> str:
        """One line with the store's own sentence (unless it was ``said`` already in this
        run), no traceback: a known condition, not a bug of the bot. Returns the sentence."""
        if str(error) != said:
            self.metrics.error(ErrorKind.UNAVAILABLE)
            log.error("%s: %s The next run tries again.", step, error)
        return str(error)

    async def drain(self, seconds: float) -> bool:
        """Stop taking commands and starting jobs, then wait up to ``seconds`` for the
        commands, digest jobs and deliveries in flight. True when they all ended.

        The adapters stay connected meanwhile (a digest post in flight needs them);
        :meth:`close` comes next and cancels whatever is still running.
        """
        self.work.closing = True
        if self.schedule.running:
            self.schedule.scheduler.pause()  # no job starts from now on
        busy = self.work.count
        if busy:
            log.info("stopping: waiting up to %g s for %d commands and digests", seconds, busy)
        finished = await self.work.idle(seconds)
        if not finished:
            log.warning(
                "stopping: %d commands or digests still running after %g s are cut off; a "
                "digest cut off before it was marked sent is posted at the next start",
                self.work.count,
                seconds,
            )
        elif self.commands.answered_while_closing:
            await asyncio.sleep(REPLY_SECONDS)  # the adapters are still sending the answers
        return finished

    async def close(self) -> None:
        """Stop the schedule (running jobs are cancelled, not awaited), then close the rest.

        :meth:`drain` first, for a shutdown that lets the work in flight finish.
        """
        if self._closed:
            return
        self._closed = True
        self.work.closing = True
        self.health.scheduler_running(False)
        try:
            await self.schedule.shutdown()
        finally:
            try:
                await self.fetcher.aclose()
            finally:
                try:
                    await asyncio.to_thread(self.pool.close)
                finally:
                    try:
                        if self.queue is not None:
                            await self.queue.close_async()
                    finally:
                        await asyncio.to_thread(self.store.close)

    async def __aenter__(self) -> BotRuntime:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()


async def _open_queue(settings: Settings) -> procrastinate.App | None:
    """The job queue in the store's PostgreSQL database, opened; None with SQLite."""
    url = queue_url(settings)
    if url is None:
        return None
    queue = queue_app(url)
    await queue.open_async()
    try:
        await ensure_schema(queue)
    except BaseException:
        await queue.close_async()
        raise
    return queue


def _seed(store: Store, settings: Settings) -> None:
    """config.toml's sources and ``[[channels]]`` into the store (a changed entry wins).

    A channel config.toml scheduled before and no longer lists loses its schedule (its
    job is removed when the schedule starts).
    """
    configured_sources(store, settings)
    for entry in settings.channels:
        store.seed_channel(entry, settings.schedule)
    for channel in store.forget_config_channels([entry.id for entry in settings.channels]):
        log.info("channel %s is no longer in config.toml: its digests stop", channel.id)


def new_metrics() -> Metrics:
    """The bot's metrics, with every command of the command table as a known name."""
    return Metrics(known_commands=COMMANDS.names)


def _incident() -> str:
    return uuid.uuid4().hex[:8]
