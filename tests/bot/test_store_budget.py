"""One posting budget for every process: the store's slots (PostgreSQL)."""

from __future__ import annotations

import asyncio
import multiprocessing
import time

import pytest

from bot import budget as budget_module
from bot.budget import LocalSlots, StoreBudget, digest_budget, window
from summaries.store import StoreUnavailableError, open_store
from tests import postgres

RATE = 20.0
PROCESSES = 3
POSTS = 24  # per process: 72 in all, over three seconds at the shared rate
AT_ONCE = 4  # posts waiting for the budget at once in each process


def most_in_any_second(times: list[float]) -> int:
    times = sorted(times)
    return max(sum(1 for t in times if start <= t <= start + 1.0) for start in times)


async def _post_within(budget: StoreBudget | LocalSlots, posts: int) -> list[float]:
    """When each post was made, in slots of ``budget``; a post is the moment noted, so any
    lag between taking a slot and noting it counts against the budget."""
    started: list[float] = []

    async def poster(count: int) -> None:
        for _ in range(count):
            async with budget.slot():
                started.append(time.time())  # one wall clock for every process

    share, rest = divmod(posts, AT_ONCE)
    await asyncio.gather(*(poster(share + (n < rest)) for n in range(AT_ONCE)))
    return started


def _one_process(url: str, shared: bool, start_at: float, queue) -> None:
    with open_store(url) as store:
        if shared:
            budget: StoreBudget | LocalSlots = StoreBudget(store, RATE)
        else:
            budget = LocalSlots(RATE)  # what each process had before: its own budget
        time.sleep(max(0.0, start_at - time.time()))  # all begin together
        started = asyncio.run(_post_within(budget, POSTS))
        queue.put((started, getattr(budget, "takes", 0)))


def _run_processes(url: str, shared: bool) -> tuple[list[float], int]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    start_at = time.time() + 3.0  # spawning and opening the store come first
    workers = [
        context.Process(target=_one_process, args=(url, shared, start_at, queue))
        for _ in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=10)
    times = [moment for started, _ in results for moment in started]
    return times, sum(takes for _, takes in results)


@pytest.fixture
def postgres_url():
    with postgres.schema() as url:
        with open_store(url):  # migrated once, before the processes race to it
            pass
        yield url


def test_budgets_in_several_processes_share_one_rate(postgres_url):
    """Three processes posting at once never make more than the rate's posts in any second
    between them, and together post at about the rate, not three times it."""
    times, takes = _run_processes(postgres_url, shared=True)
    assert len(times) == PROCESSES * POSTS
    assert most_in_any_second(times) <= RATE
    span = max(times) - min(times)
    rounds = len(times) / RATE  # each slot used once a window
    assert span >= (rounds - 1) * window(RATE) - 0.1  # the shared rate, not three of it
    assert span <= rounds * 2.0 + 2.0  # and no crawl either
    print(f"{takes} takes for {len(times)} posts in {span:.2f} s")


def test_a_budget_per_process_is_what_the_shared_budget_prevents(postgres_url):
    """The same three processes each with a budget of its own post about three times the rate:
    the figure above is the shared budget's doing."""
    times, _ = _run_processes(postgres_url, shared=False)
    assert most_in_any_second(times) > RATE


def test_budgets_in_threads_of_one_process_share_the_store_bucket(postgres_url):
    with open_store(postgres_url) as store:
        budgets = [StoreBudget(store, RATE) for _ in range(PROCESSES)]

        def run(budget: StoreBudget) -> list[float]:
            return asyncio.run(_post_within(budget, POSTS))

        async def all_threads() -> list[list[float]]:
            return await asyncio.gather(*(asyncio.to_thread(run, b) for b in budgets))

        times = [t for started in asyncio.run(all_threads()) for t in started]
    assert len(times) == PROCESSES * POSTS
    assert most_in_any_second(times) <= RATE


def test_the_engine_chooses_the_budget(location):
    with open_store(location) as store:
        budget = digest_budget(store, 40)
        expected = StoreBudget if store.engine == "postgresql" else LocalSlots
        assert type(budget) is expected
        assert budget.rate == 40


def test_a_post_in_flight_past_the_hold_keeps_its_slot(postgres_url, monkeypatch):
    """A post that lasts longer than a slot's hold (discord.py waiting out 429s) renews
    it: another process's post waits for its answer, not for the hold to run out."""
    monkeypatch.setattr(budget_module, "HOLD_SECONDS", 0.6)
    with open_store(postgres_url) as store:
        first, second = StoreBudget(store, 1.0), StoreBudget(store, 1.0)  # one slot between them

        async def run() -> tuple[float, float]:
            began = asyncio.Event()

            async def slow_post() -> float:
                async with first.slot():
                    began.set()
                    await asyncio.sleep(2.0)  # over three holds
                    return time.monotonic()

            async def next_post() -> float:
                await began.wait()
                async with second.slot():
                    return time.monotonic()

            return tuple(await asyncio.gather(slow_post(), next_post()))

        answered, posted = asyncio.run(asyncio.wait_for(run(), 20))
    assert posted >= answered + 0.9  # a window after the slow post's answer


class Unreachable:
    engine = "postgresql"

    def take_posting_slot(self, *args, **kwargs):
        raise StoreUnavailableError("The database is unavailable.")


def test_posts_go_on_within_slots_of_the_process_when_the_store_is_unreachable(caplog):
    budget = StoreBudget(Unreachable(), 2)  # type: ignore[arg-type]

    async def run() -> None:
        for _ in range(3):
            async with budget.slot():
                pass

    asyncio.run(asyncio.wait_for(run(), 5))
    assert budget._fallback.waited > 0  # paced by the process's own 2 slots
    assert "posting budget" in caplog.text
