"""The digest schedule: a clock in every process; the schedule itself is in the store.

Each channel row holds when its digest is next due (``next_run_at``, computed in the
channel's IANA zone by ``summaries.digest_times``). APScheduler 3's ``AsyncIOScheduler``
runs on the bot's event loop with a memory job store and is only the clock: a tick at
the start of every minute (and once at start) claims the due channels of the platforms
this process can post to (``Store.claim_due_digests``: the claim moves each channel's next
run on and records its digest under the unique (channel, period) key in one
transaction), then posts what it claimed. Any number of processes may run this at once
on one database: each digest is claimed by one of them, and none is a leader.

A tick also takes the recorded digests nobody holds (``DigestDelivery.resend_unsent``): a
process that died between recording and posting leaves its digest leased for
``LEASE``; after that, any process posts it (with the same nonce, so a post that did
reach the platform is not made twice).

Catch-up: a process that was down (or all of them) finds a channel's ``next_run_at`` in
the past; the latest due time is posted once if it is within the grace period
(``[digest] grace_hours``; several missed days are one digest) and skipped otherwise.

The ingest job (``every``) runs at start and every ``[schedule] ingest_minutes``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any, TypeVar

from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.delivery import DigestDelivery
from summaries.clock import Clock, utc_now
from summaries.store import Store, StoreError

log = logging.getLogger("briefing.schedule")

DIGEST_TICK = "digests"  # the job id of the every-minute claim
CLAIM_BATCH = 100  # channels claimed per transaction; a tick claims batches until none is due
MIN_GRACE = timedelta(minutes=1)  # a tick may be a few seconds late: never miss a digest for it

T = TypeVar("T")


class DigestSchedule:
    """The process's clock: the every-minute claim of due digests and the periodic jobs."""

    def __init__(
        self,
        store: Store,
        delivery: DigestDelivery,
        *,
        grace_hours: float,
        clock: Clock = utc_now,
    ) -> None:
        self.store = store
        self.delivery = delivery
        self.grace = max(timedelta(hours=grace_hours), MIN_GRACE)
        self.clock = clock
        self.scheduler = AsyncIOScheduler(jobstores={"default": MemoryJobStore()}, timezone=UTC)
        self._periodic: list[tuple[str, Callable[[], Awaitable[Any]], float, bool]] = []
        self._running: set[asyncio.Task[Any]] = set()
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

    def start(self) -> None:
        """Start on the running loop: the first tick runs at once (a digest missed while the
        bot was down is caught up now), then one at the start of every minute."""
        now = self.clock()
        self.scheduler.add_job(
            partial(self._tracked, self.tick),
            CronTrigger(second=0, timezone=UTC),
            id=DIGEST_TICK,
            name="claim and post due digests",
            # at once, by the scheduler's own clock (it would count every minute from an
            # earlier time to catch up with, and run them as one)
            next_run_time=datetime.now(UTC),
            coalesce=True,
            max_instances=1,
            misfire_grace_time=None,  # a late tick still claims: the grace is the store's
        )
        for name, func, minutes, at_start in self._periodic:
            self.scheduler.add_job(
                partial(self._tracked, func),
                IntervalTrigger(minutes=minutes, timezone=UTC),
                id=name,
                name=name,
                next_run_time=now if at_start else now + timedelta(minutes=minutes),
                coalesce=True,
                max_instances=1,
                misfire_grace_time=None,  # late is better than never for reading sources
            )
        self.scheduler.start()

    async def shutdown(self) -> None:
        """Stop without waiting for running jobs (they are cancelled: a digest caught between
        its record and being marked sent is posted again once its lease runs out)."""
        self._stopping = True
        if self.scheduler.state != STATE_STOPPED:
            # No job is handed out from now on; one handed out whose task has not begun
            # begins, so that it is stopped by _tracked, as asked, rather than cancelled
            # before it began, which APScheduler logs as an error of the job.
            self.scheduler.pause()
            await asyncio.sleep(0)
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

    @property
    def running(self) -> bool:
        return self.scheduler.state != STATE_STOPPED

    # --- reading -----------------------------------------------------------------------------

    def next_run(self, channel_id: str) -> datetime | None:
        """When the channel's next digest is due (UTC); None when paused or not scheduled.
        Reads the store (blocking): for tests and tools; chat code reads the Channel."""
        channel = self.store.get_channel(channel_id)
        return None if channel is None else channel.next_run_at

    # --- running -----------------------------------------------------------------------------

    async def tick(self) -> dict[str, str]:
        """Claim every due digest this process can post, post them, then take over unsent
        ones nobody holds. Returns each claimed channel's outcome ("sent", "empty",
        "failed", ..., or "missed" for one too late to post)."""
        outcomes: dict[str, str] = {}
        try:
            while True:
                platforms = self.delivery.posters.ready_platforms()
                claims = await asyncio.to_thread(
                    self.store.claim_due_digests,
                    self.clock(),
                    grace=self.grace,
                    lease=self.delivery.lease,
                    platforms=platforms,
                    limit=CLAIM_BATCH,
                )
                for channel_id, due in claims.missed:
                    log.warning(
                        "digest for %s due at %s was missed by more than the grace period "
                        "(the bot was down): skipped; the next one is on time",
                        channel_id,
                        due.isoformat(timespec="minutes"),
                    )
                    outcomes[channel_id] = "missed"
                results = await asyncio.gather(
                    *(self.delivery.deliver_claimed(record) for record in claims.records)
                )
                for record, result in zip(claims.records, results, strict=True):
                    outcomes[record.channel_id] = result
                if not claims.more:
                    break
            resent = await self.delivery.resend_unsent()
            if resent:
                log.info("posted %d digests left unsent earlier", resent)
        except StoreError as error:  # damaged, locked, full: known, said in one line
            log.error("claiming due digests: %s The next tick tries again.", error)
        return outcomes

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
