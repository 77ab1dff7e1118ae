"""One posting budget for every process: the store's bucket (PostgreSQL), taken in batches."""

from __future__ import annotations

import asyncio
import multiprocessing
import time

import pytest

from bot.budget import StoreBudget, TokenBucket, digest_budget
from summaries.store import StoreUnavailableError, open_store
from tests import postgres

RATE = 20.0
BURST = 2.0  # the default for 20 a second
PROCESSES = 3
POSTS = 24  # per process: 72 in all, over three seconds at the shared rate
AT_ONCE = 4  # posts waiting for the budget at once in each process


def most_in_any_second(times: list[float]) -> int:
    times = sorted(times)
    return max(sum(1 for t in times if start <= t < start + 1.0) for start in times)


async def _post_within(budget: StoreBudget | TokenBucket, posts: int) -> list[float]:
    started: list[float] = []

    async def poster(count: int) -> None:
        for _ in range(count):
            await budget.acquire()
            started.append(time.time())  # one wall clock for every process

    share, rest = divmod(posts, AT_ONCE)
    await asyncio.gather(*(poster(share + (n < rest)) for n in range(AT_ONCE)))
    return started


def _one_process(url: str, shared: bool, start_at: float, queue) -> None:
    with open_store(url) as store:
        if shared:
            budget: StoreBudget | TokenBucket = StoreBudget(store, RATE)
        else:
            budget = TokenBucket(RATE)  # what each process had before: its own bucket
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
    """Three processes posting at once never start more than rate + burst posts in any
    second between them, and ask the store for tokens in batches, not once a post."""
    times, takes = _run_processes(postgres_url, shared=True)
    assert len(times) == PROCESSES * POSTS
    assert most_in_any_second(times) <= RATE + BURST
    span = max(times) - min(times)
    assert span >= (len(times) - BURST) / RATE - 0.2  # the shared rate, not three of it
    assert span <= len(times) / RATE * 1.6 + 1.0  # and no crawl either
    # a few queries a second in each process: about one per ``burst`` tokens while it gets
    # them, one per ``burst / rate`` seconds while it waits for them
    print(f"{takes} takes for {len(times)} posts in {span:.2f} s")
    assert takes / PROCESSES / span <= 2 * RATE / BURST


def test_a_bucket_per_process_is_what_the_shared_budget_prevents(postgres_url):
    """The same three processes each with its own bucket start about three times the rate:
    the figure above is the shared budget's doing."""
    times, _ = _run_processes(postgres_url, shared=False)
    assert most_in_any_second(times) > RATE + BURST


def test_budgets_in_threads_of_one_process_share_the_store_bucket(postgres_url):
    with open_store(postgres_url) as store:
        budgets = [StoreBudget(store, RATE) for _ in range(PROCESSES)]

        def run(budget: StoreBudget) -> list[float]:
            return asyncio.run(_post_within(budget, POSTS))

        async def all_threads() -> list[list[float]]:
            return await asyncio.gather(*(asyncio.to_thread(run, b) for b in budgets))

        times = [t for started in asyncio.run(all_threads()) for t in started]
    assert len(times) == PROCESSES * POSTS
    assert most_in_any_second(times) <= RATE + BURST


def test_the_engine_chooses_the_budget(location):
    with open_store(location) as store:
        budget = digest_budget(store, 40)
        expected = StoreBudget if store.engine == "postgresql" else TokenBucket
        assert type(budget) is expected
        assert budget.rate == 40 and budget.burst == 4


class Unreachable:
    engine = "postgresql"

    def take_posting_tokens(self, *args, **kwargs):
        raise StoreUnavailableError("The database is unavailable.")


def test_posts_go_on_within_a_local_bucket_when_the_store_is_unreachable(caplog):
    budget = StoreBudget(Unreachable(), 10)  # type: ignore[arg-type]

    async def run() -> None:
        for _ in range(3):
            await asyncio.wait_for(budget.acquire(), 5)

    asyncio.run(run())
    assert budget._fallback.waited > 0  # paced by the local bucket (burst 1 at 10/s)
    assert "posting budget" in caplog.text
