"""What recording a digest costs in a channel with a long history (``record_digest``).

    python bench/record_digest.py [--store postgresql://...] [--posted 100000] [--calls 200]

Fills a store with ``--posted`` rows of what was posted to one channel (and as many to
another), then records ``--calls`` digests of that channel, each naming ten new stories
and two it was posted: the record leaves those two out (``digests.record_digest``), in its
write transaction. Prints milliseconds per record, and per read of what the channel was
posted asked about those twelve stories (as the record asks now) and asked whole (as it
asked before), on SQLite and, with ``--store``, in the schema ``bench_record_digest`` of
that database (made anew, dropped after).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from bench_posted import record_posted  # bench/ is on the path when run
from bench_schema import on_each_engine

from summaries.store import Store, open_store

SCHEMA = "bench_record_digest"
STAMP = datetime(2026, 1, 1, tzinfo=UTC)
CHANNEL, OTHER = "discord:1", "discord:2"


def fill(store: Store, posted: int) -> None:
    """``posted`` stories posted to the channel (odd ids) and as many to another (even)."""
    record_posted(
        store, range(1, 2 * posted + 1), lambda story: CHANNEL if story % 2 else OTHER, STAMP
    )
    store.execute("ANALYZE posted")  # as a database that grew by use is (autovacuum)


def per_call(work: Callable[[int], object], calls: int) -> float:
    """Milliseconds per call of ``work(number)``, the middle one of ``calls``."""
    spent = []
    for number in range(calls):
        started = time.perf_counter()
        work(number)
        spent.append(time.perf_counter() - started)
    return sorted(spent)[calls // 2] * 1000


def measure(location: str, posted: int, calls: int) -> tuple[float, float, float]:
    with open_store(location) as store:
        fill(store, posted)

        def named(number: int) -> list[int]:
            fresh = 2 * posted + 1 + 10 * number
            return [*range(fresh, fresh + 10), 1, 3]  # 1 and 3 were posted

        def record(number: int) -> None:
            moment = STAMP + timedelta(minutes=number)
            kept = store.record_digest(CHANNEL, f"now:{number}", named(number), moment)
            assert len(kept.story_ids) == 10, kept  # the two posted ones left out

        return (
            per_call(record, calls),
            per_call(lambda number: store.posted_story_ids(CHANNEL, named(number)), calls),
            per_call(lambda number: store.posted_story_ids(CHANNEL), max(1, calls // 10)),
        )


def show(engine: str, costs: tuple[float, float, float], posted: int) -> None:
    print(
        f"{engine}: {costs[0]:.2f} ms per record_digest in a channel posted {posted:,} "
        f"stories; what it was posted: {costs[1]:.3f} ms asked of 12 stories, "
        f"{costs[2]:.1f} ms read whole"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="a PostgreSQL server's URL, to measure there too")
    parser.add_argument("--posted", type=int, default=100_000)
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args(argv)

    def run(location: str) -> tuple[float, float, float]:
        return measure(location, args.posted, args.calls)

    for engine, costs in on_each_engine(args.store, SCHEMA, run):
        show(engine, costs, args.posted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
