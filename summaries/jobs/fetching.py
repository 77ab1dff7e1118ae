"""The ``fetch`` job: read one source in a worker, and the clock's side: queue the due ones.

The job runs the same code as an in-process ingest (:class:`summaries.ingest.Ingest`)
for one source: fetching is async, parsing and summarizing go to the worker's process
pool with the per-article time budget, and grouping is decided in the store's write
transaction, so jobs running at once in several workers store what one ingest would.

A source that fails with an error that may pass (unreachable, too slow, a 5xx or 429
answer) is recorded as failed, as always, and the job raises :class:`RetryableError`
so the queue runs it again after a growing wait; any other failure (not a feed, 404,
a blocked address) is recorded and the job ends: retrying cannot help.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime

import procrastinate

from summaries.clock import Clock, utc_now
from summaries.config import QueueSettings
from summaries.errors import BriefingError
from summaries.ingest import Backfill, Ingest, SummaryPool
from summaries.jobs.events import job_events, shown_source
from summaries.jobs.queue import FETCH, RetryableError, defer_once, retry_strategy
from summaries.sources import Fetcher, is_due
from summaries.sources.errors import FetchTimeoutError, HTTPStatusError, UnreachableError
from summaries.store import SourceRecord, Store

TASK = "fetch_source"
CONTEXT = "fetching"  # the worker's additional_context key of its FetchWork


def fetch_lock(source: SourceRecord) -> str:
    return f"fetch:{source.url}"


def may_pass(error: BriefingError) -> bool:
    """Whether reading again later may succeed."""
    if isinstance(error, UnreachableError | FetchTimeoutError):
        return True
    return isinstance(error, HTTPStatusError) and (error.status >= 500 or error.status == 429)


class FetchWork:
    """What a worker's fetch jobs share: the store, the fetcher and the process pool."""

    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        pool: SummaryPool,
        *,
        window_hours: int,
        max_entries: int,
        clock: Clock = utc_now,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.pool = pool
        self.window_hours = window_hours
        self.max_entries = max_entries
        self.clock = clock
        self.backfill = Backfill()  # of story briefings: looked for by one job at a time

    async def fetch(self, source_id: int, job_id: int | None = None) -> str:
        """Read the source now; a line saying what was done (the job's result)."""
        source = await asyncio.to_thread(self.store.get_source, source_id)
        shown = shown_source(source.url) if source is not None else f"#{source_id}"
        async with job_events(FETCH, job_id=job_id, source=shown) as events:
            if source is None or not source.enabled:
                return events.done(f"source {source_id} is gone or turned off: nothing read")
            return events.done(await self._read(source))

    async def _read(self, source: SourceRecord) -> str:
        ingest = Ingest(
            self.store,
            self.fetcher,
            self.pool,
            window_hours=self.window_hours,
            max_entries=self.max_entries,
            clock=self.clock,
            backfill=self.backfill,
        )
        report = await ingest.run([source], force=True)
        error = ingest.errors.get(source.id)
        if error is not None and may_pass(error):
            raise RetryableError(f"{shown_source(source.url)}: {error}")
        return report.line()


def register_fetch(app: procrastinate.App, settings: QueueSettings) -> None:
    """Add the ``fetch`` task to ``app``."""

    @app.task(name=TASK, queue=FETCH, pass_context=True, retry=retry_strategy(settings))
    async def fetch_source(context: procrastinate.JobContext, source_id: int) -> str:
        work: FetchWork = context.additional_context[CONTEXT]
        return await work.fetch(source_id, job_id=context.job.id)


async def defer_due_fetches(
    app: procrastinate.App, sources: Sequence[SourceRecord], now: datetime
) -> int:
    """The clock's tick: queue a fetch job for every enabled source that is due; how many
    were queued (a source already waiting in the queue is not queued twice)."""
    queued = 0
    for source in sources:
        if source.enabled and is_due(source.next_attempt_at, now):
            queued += await defer_once(app, TASK, FETCH, fetch_lock(source), source_id=source.id)
    return queued
