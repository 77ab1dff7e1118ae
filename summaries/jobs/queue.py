"""The job queue: Procrastinate on the store's PostgreSQL database.

With ``[store] url = postgresql://...`` any number of processes share the work: the
clock of every ``python -m bot`` defers jobs, every ``briefing worker`` runs them. With
SQLite there is no queue (one process does everything, as before).

- ``fetch``: read one source (fetch, summarize in the worker's process pool, group,
  store). Its queueing lock is the source's URL, so a URL waits in the queue at most
  once however many clocks defer it, and its lock is the URL too, so two workers never
  read one source at the same time.
- ``deliver``: post one channel's digest of one period (registered by the chat side,
  ``bot.jobs``; the core only names its queue).

There is no ``summarize`` queue (``--queues summarize`` is refused, saying why): a fetch
job summarizes in its worker's process pool, with the per-article time budget, so
summarizing already runs in worker processes and grows with them. A queue of its own
would carry each article's whole text through the job table (written, logged to the
WAL and read back, for every article) and store articles one job, one transaction at a
time, where a fetch job stores them in batches, grouped into stories together.

A job that fails with a transient error runs again after a growing wait
(``[queue] retry_seconds`` times ``retry_seconds`` to the power of the attempt), up to
``retry_attempts`` runs. A job whose worker stops sending heartbeats (killed, frozen) for
``stalled_seconds`` is handed back to the queue by any other worker (Procrastinate's
worker heartbeats and ``get_stalled_jobs``/``retry_job``).
"""

from __future__ import annotations

import asyncio
import logging

import procrastinate
from procrastinate import exceptions as queue_errors

from summaries.config import QueueSettings, Settings
from summaries.errors import InvalidOptionError
from summaries.near_names import did_you_mean
from summaries.store.queue_statistics import refresh_queue_statistics

log = logging.getLogger("briefing.jobs")

FETCH = "fetch"
DELIVER = "deliver"
QUEUES = (FETCH, DELIVER)
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def queue_url(settings: Settings) -> str | None:
    """The PostgreSQL database the queue lives in (the store's), or None with SQLite."""
    url = settings.store.url.strip()
    return url if url.startswith(POSTGRES_SCHEMES) else None


SUMMARIZE = "summarize"
NO_SUMMARIZE_QUEUE = (
    "There is no summarize queue: a fetch job summarizes what it read in its worker's own "
    "process pool ([ingest] workers processes, [ingest] article_seconds per article), and "
    "stores the articles in batches with their stories. Serve --queues fetch for it, and "
    "run more such workers for more summarizing."
)


def parse_queues(text: str) -> tuple[str, ...]:
    """``"fetch,deliver"`` -> ``("fetch", "deliver")``; InvalidOptionError naming an unknown one,
    and saying where summarizing runs when asked for a ``summarize`` queue."""
    names = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    if SUMMARIZE in names:
        raise InvalidOptionError(NO_SUMMARIZE_QUEUE)
    unknown = [name for name in names if name not in QUEUES]
    if unknown or not names:
        near = did_you_mean(unknown[0], QUEUES) if len(unknown) == 1 else ""
        raise InvalidOptionError(
            f"Unknown queue {', '.join(unknown) or '(none given)'}{near}: "
            f"--queues takes {', '.join(QUEUES)} (comma-separated)."
        )
    return names


def retry_strategy(settings: QueueSettings) -> procrastinate.RetryStrategy:
    """Growing waits: ``retry_seconds``, its square, its cube... up to ``retry_attempts`` runs."""
    return procrastinate.RetryStrategy(
        max_attempts=settings.retry_attempts - 1,  # retries after the first run
        exponential_wait=settings.retry_seconds,
        retry_exceptions=[RetryableError],
    )


class RetryableError(Exception):
    """A job failed for a reason that may pass (a site down, a platform rate limiting)."""


def queue_app(url: str) -> procrastinate.App:
    """A Procrastinate app on ``url`` (not opened; ``async with app.open_async()``)."""
    return procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=url))


async def defer_once(
    app: procrastinate.App, task: str, queue: str, lock: str, **arguments: object
) -> bool:
    """Queue ``task(**arguments)`` unless a job with the same ``lock`` is waiting already;
    True when this call queued it. The lock also keeps two such jobs from running at once."""
    deferrer = app.configure_task(task, queue=queue, queueing_lock=lock, lock=lock)
    try:
        await deferrer.defer_async(**arguments)
    except queue_errors.AlreadyEnqueued:
        return False
    return True


async def requeue_stalled(app: procrastinate.App, seconds: float) -> list[int]:
    """Hand the jobs of workers silent for ``seconds`` back to the queue; their ids."""
    requeued = []
    for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=seconds):
        try:
            await app.job_manager.retry_job(job)
        except queue_errors.ConnectorException:  # another worker took it back first
            continue
        log.warning(
            "job stalled, queued again",
            extra={"event": "job_stalled", "job": job.queue, "job_id": job.id},
        )
        requeued.append(job.id)
    return requeued


async def keep_up(app: procrastinate.App, seconds: float) -> None:
    """A worker's side task until cancelled, every third of ``seconds`` (5 s at most):
    ``requeue_stalled``, and fresh planner statistics for the queue's table (see
    ``summaries.store.queue_statistics``: a burst of jobs otherwise makes each pick slow)."""
    while True:
        await asyncio.sleep(min(seconds / 3, 5.0))
        try:
            await refresh_queue_statistics(app.connector.execute_query_async)
            await requeue_stalled(app, seconds)
        except queue_errors.ConnectorException as error:
            log.warning("looking after the queue failed (tried again): %s", error)
