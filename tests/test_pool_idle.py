"""Summarizing workers that stop when there is nothing to do and start again when needed."""

from __future__ import annotations

import asyncio
import os
import sys
import time

import pytest

from summaries.ingest import SummaryPool
from summaries.models import Article, SummaryOptions
from summaries.samples import sample_articles
from tests.processes import pool_processes

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")


def workers(pool: SummaryPool) -> set[int]:
    executor = pool._executor  # which processes are this pool's (not public API)
    return set(getattr(executor, "_processes", None) or ())


def wait_until(condition, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_idle_workers_stop_and_the_next_article_starts_new_ones():
    article: Article = sample_articles()[0]

    async def main() -> None:
        async with SummaryPool(SummaryOptions(), workers=1, idle_seconds=0.3) as pool:
            first = await pool.prepare(article)
            started = workers(pool)
            assert started and started <= pool_processes(os.getpid())
            assert await asyncio.to_thread(
                wait_until, lambda: not started & pool_processes(os.getpid())
            ), "the idle worker did not stop"
            again = await pool.prepare(article)  # a new worker, the same result
            assert again.briefing == first.briefing
            assert workers(pool) and not workers(pool) & started

    asyncio.run(main())


def test_without_idle_seconds_workers_stay_between_articles():
    article: Article = sample_articles()[0]

    async def main() -> None:
        async with SummaryPool(SummaryOptions(), workers=1) as pool:
            await pool.prepare(article)
            started = workers(pool)
            await asyncio.sleep(0.6)
            await pool.prepare(article)
            assert workers(pool) == started

    asyncio.run(main())


def test_work_cut_short_by_closing_the_pool_is_cancelled_not_a_crash():
    """An interrupted ingest closes its pool with work under way (a story briefing, an
    article): that work was stopped, not crashed, so no "a worker stopped unexpectedly"
    is logged or reported for it; a pool made again afterwards works."""
    from summaries.ingest.pool import WorkerCrashedError

    async def main() -> None:
        pool = SummaryPool(SummaryOptions(), workers=1)
        async with pool:
            assert await pool.run(len, "ready") == 5  # (the worker is started)
            job = asyncio.create_task(pool.run(time.sleep, 20))
            await asyncio.sleep(0.5)
            await asyncio.to_thread(pool.close)
            try:
                await job
            except WorkerCrashedError as error:
                raise AssertionError(f"reported as a crash: {error}") from None
            except asyncio.CancelledError:
                pass
            else:
                raise AssertionError("the job was not stopped")
            assert await pool.run(len, "again") == 5

    asyncio.run(main())
