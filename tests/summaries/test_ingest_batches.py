"""Group commit: items written together, a lone item at once, a failed write to each caller."""

from __future__ import annotations

import asyncio

import pytest

from summaries.ingest.batches import Batches


class Writer:
    def __init__(self, fail: bool = False) -> None:
        self.batches: list[list[int]] = []
        self.release = asyncio.Event()
        self.fail = fail

    async def __call__(self, items: list[int]) -> list[int]:
        self.batches.append(items)
        await self.release.wait()
        if self.fail:
            raise RuntimeError("disk full")
        return [item * 10 for item in items]


def test_a_lone_item_is_written_at_once_when_nothing_else_is_coming():
    asyncio.run(_test_a_lone_item_is_written_at_once_when_nothing_else_is_coming())


async def _test_a_lone_item_is_written_at_once_when_nothing_else_is_coming():
    writer = Writer()
    writer.release.set()
    batches = Batches(writer, max_items=100, max_wait=3600.0, more_coming=lambda: False)
    assert await asyncio.wait_for(batches.put(7), 5) == 70
    assert writer.batches == [[7]]


def test_items_handed_in_during_a_write_go_together_in_the_next_bounded_by_count():
    asyncio.run(_test_items_handed_in_during_a_write_go_together_in_the_next_bounded_by_count())


async def _test_items_handed_in_during_a_write_go_together_in_the_next_bounded_by_count():
    writer = Writer()
    batches = Batches(writer, max_items=3, max_wait=0.0)
    first = asyncio.ensure_future(batches.put(0))
    await asyncio.sleep(0)  # the first write starts, and waits
    await asyncio.sleep(0)
    rest = [asyncio.ensure_future(batches.put(n)) for n in range(1, 6)]
    await asyncio.sleep(0)
    writer.release.set()
    results = await asyncio.wait_for(asyncio.gather(first, *rest), 5)
    assert results == [0, 10, 20, 30, 40, 50]
    assert writer.batches == [[0], [1, 2, 3], [4, 5]]


def test_while_more_is_coming_a_batch_waits_for_it_at_most_max_wait():
    asyncio.run(_test_while_more_is_coming_a_batch_waits_for_it_at_most_max_wait())


async def _test_while_more_is_coming_a_batch_waits_for_it_at_most_max_wait():
    writer = Writer()
    writer.release.set()
    coming = [True]
    batches = Batches(writer, max_items=2, max_wait=3600.0, more_coming=lambda: coming[0])
    first = asyncio.ensure_future(batches.put(1))
    await asyncio.sleep(0.01)
    assert writer.batches == []  # waits for the one on its way...
    second = asyncio.ensure_future(batches.put(2))  # ...which fills the batch
    assert await asyncio.wait_for(asyncio.gather(first, second), 5) == [10, 20]
    assert writer.batches == [[1, 2]]
    short = Batches(writer, max_items=100, max_wait=0.01, more_coming=lambda: True)
    assert await asyncio.wait_for(short.put(3), 5) == 30  # nothing came: written anyway


def test_a_failed_write_is_each_callers_error_and_the_next_batch_still_runs():
    asyncio.run(_test_a_failed_write_is_each_callers_error_and_the_next_batch_still_runs())


async def _test_a_failed_write_is_each_callers_error_and_the_next_batch_still_runs():
    writer = Writer(fail=True)
    batches = Batches(writer, max_items=10, max_wait=0.0)
    calls = [asyncio.ensure_future(batches.put(n)) for n in range(3)]
    writer.release.set()
    for call in calls:
        with pytest.raises(RuntimeError, match="disk full"):
            await asyncio.wait_for(call, 5)
    writer.fail = False
    assert await asyncio.wait_for(batches.put(4), 5) == 40
