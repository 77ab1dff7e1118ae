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
