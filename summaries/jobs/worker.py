"""``briefing worker``: run queued jobs until stopped (the composition root of a worker).

It opens the queue, the store, the fetcher and the summarizing pool, registers the tasks
of the queues it serves, and runs Procrastinate's worker with ``--concurrency`` jobs at
a time. SIGTERM or Ctrl-C lets the jobs in flight end, then stops.

The chat side's tasks (posting digests) come from the ``briefing.jobs`` entry points
(``bot.jobs`` in this package): the core does not import the chat side, the chat side
plugs into it. Each entry point is an async function ``setup(app, settings, queues,
context, stack)`` that registers its tasks on ``app``, puts what they need into
``context`` (the jobs' ``additional_context``) and the lifetimes it opens into ``stack``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Sequence
from contextlib import AsyncExitStack
from importlib.metadata import entry_points
from typing import Any

from summaries.config import Settings
from summaries.errors import ConfigError, InvalidOptionError
from summaries.ingest import SummaryPool
from summaries.jobs.fetching import CONTEXT, FetchWork, register_fetch
from summaries.jobs.purge import register_purge
from summaries.jobs.queue import FETCH, keep_up, queue_app, queue_url
from summaries.jobs.schema import QueueSchemaError, ensure_schema, upgrade
from summaries.library import fetcher_for, open_store
from summaries.store import StoreUnavailableError

log = logging.getLogger("briefing.worker")

PLUGINS = "briefing.jobs"
NO_QUEUE = (
    "The store is SQLite ([store] url is not a postgresql:// address): `python -m bot` "
    "fetches, summarizes and posts digests itself, in one process, and needs no worker. "
    'Workers share a PostgreSQL store: set [store] url = "postgresql://user@host/db".'
)
GRACE_SECONDS = 6.0  # for jobs in flight at SIGTERM (docker stop waits 10 s)


def check_concurrency(value: int) -> int:
    if not 1 <= value <= 256:
        raise InvalidOptionError(f"--concurrency must be between 1 and 256, not {value}.")
    return value


async def run_worker(settings: Settings, queues: Sequence[str], concurrency: int) -> None:
    """Serve ``queues`` until SIGTERM/SIGINT; ConfigError when there is no queue."""
    url = queue_url(settings)
    if url is None:
        raise ConfigError(NO_QUEUE)
    app = queue_app(url)
    context: dict[str, Any] = {}
    stalled = settings.queue.stalled_seconds
    async with AsyncExitStack() as stack:
        store = stack.enter_context(open_store(settings))  # its own words when it is down
        await open_queue(app, stack)
        if FETCH in queues:
            register_fetch(app, settings.queue)
            context[CONTEXT] = await _fetch_work(settings, store, stack)
        for plugin in entry_points(group=PLUGINS):
            await plugin.load()(app, settings, tuple(queues), context, stack)
        missing = [queue for queue in queues if not _served(app, queue)]
        if missing:
            raise ConfigError(f"No installed task runs the {', '.join(missing)} queue.")
        register_purge(app, queues[0], settings.queue.keep_hours)
        watcher = asyncio.ensure_future(keep_up(app, stalled))
        name = f"{socket.gethostname()}:{os.getpid()}"
        log.info("worker %s serving %s, %d jobs at a time", name, ",".join(queues), concurrency)
        try:
            await app.run_worker_async(
                queues=list(queues),
                concurrency=concurrency,
                name=name,
                additional_context=context,
                update_heartbeat_interval=stalled / 4,
                stalled_worker_timeout=stalled,
                shutdown_graceful_timeout=GRACE_SECONDS,
                # a retry's time comes without a notification: look for due jobs this often
                fetch_job_polling_interval=min(5.0, settings.queue.retry_seconds / 4),
            )
        finally:
            watcher.cancel()
            await asyncio.gather(watcher, return_exceptions=True)


async def _fetch_work(settings: Settings, store: Any, stack: AsyncExitStack) -> FetchWork:
    ingest = settings.ingest
    pool = SummaryPool(settings.summary.options(), ingest.workers, ingest.article_seconds)
    fetcher = await stack.enter_async_context(fetcher_for(settings))
    await stack.enter_async_context(pool)
    return FetchWork(
        store,
        fetcher,
        pool,
        window_hours=ingest.story_window_hours,
        max_entries=ingest.max_entries_per_feed,
    )


async def upgrade_queue(settings: Settings) -> list[str]:
    """``briefing worker --upgrade-queue``: apply the migrations the queue's tables lack
    (see ``summaries.jobs.schema``); their names."""
    url = queue_url(settings)
    if url is None:
        raise ConfigError(NO_QUEUE)
    app = queue_app(url)
    async with AsyncExitStack() as stack:
        stack.enter_context(open_store(settings))  # the bot's tables first, as a worker's
        await open_queue(app, stack, check=False)
        return await upgrade(app)


async def open_queue(app: Any, stack: AsyncExitStack, *, check: bool = True) -> None:
    """Open ``app`` (closed with ``stack``) and make its tables (or, with ``check``, find
    them of the installed Procrastinate's version: QueueSchemaError otherwise);
    StoreUnavailableError, in plain words, when the database does not answer."""
    try:
        await stack.enter_async_context(app.open_async())
        if check:
            await ensure_schema(app)
    except QueueSchemaError:
        raise
    except Exception as error:  # the driver's or the pool's: its text stays in the log
        log.warning("the job queue's database did not answer: %s", type(error).__name__)
        raise StoreUnavailableError(
            "The database is unavailable: the job queue cannot be reached. Is PostgreSQL "
            "running at the address [store] url gives?"
        ) from None


def _served(app: Any, queue: str) -> bool:
    return any(task.queue == queue for task in app.tasks.values())
