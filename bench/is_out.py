"""What asking whether a story has gone out costs (``digests.is_out``), on a large record.

    python bench/is_out.py [--store postgresql://...] [--posted 100000] [--channels 1000]
                           [--calls 2000]

Fills a store with ``--posted`` rows of what was posted where (``--channels`` channels,
each with its share of stories) and ten digests recorded and not yet sent, then asks
``--calls`` times whether a story has gone out, as an updated article's ingest does (its
own story and the one it would join; half of them posted, half never), inside one read:
with the index of schema 23 (``posted_by_story``), then without it, as schema 22 had it
(the table analysed both times, as a database that grew by use is). Prints milliseconds
per call, on SQLite and, with ``--store``, in the schema ``bench_is_out`` of that database
(made anew, dropped after).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime

from bench_posted import record_posted  # bench/ is on the path when run
from bench_schema import on_each_engine

from summaries.store import Store, digests, open_store

PENDING = 10  # digests recorded and not yet sent, of 10 stories each
SCHEMA = "bench_is_out"
STAMP = datetime(2026, 1, 1, tzinfo=UTC)


def fill(store: Store, posted: int, channels: int) -> None:
    """``posted`` rows of ``posted`` (story ids 1..posted, spread over the channels) and the
    digests waiting to be sent."""
    record_posted(store, range(1, posted + 1), lambda story: f"discord:{story % channels}", STAMP)
    for number in range(PENDING):
        waiting = range(posted + 1 + 10 * number, posted + 11 + 10 * number)
        store.record_digest(f"discord:{number}", "pending", list(waiting), STAMP)


def per_call(store: Store, posted: int, calls: int) -> float:
    """Milliseconds per ``is_out`` of two stories, half of the calls on posted ones."""
    picks = random.Random(7)
    asked = [
        (picks.randint(1, posted) if n % 2 else posted + 1000 + n, posted + 5000 + n)
        for n in range(calls)
    ]

    def run(conn) -> float:
        digests.is_out(conn, *asked[0])  # warm
        started = time.perf_counter()
        found = sum(digests.is_out(conn, *pair) for pair in asked)
        elapsed = time.perf_counter() - started
        assert found == calls // 2, found  # the posted half, and only it
        return elapsed * 1000 / calls

    return store._read(run)


def measure(location: str, posted: int, channels: int, calls: int) -> tuple[float, float]:
    """Milliseconds per call with the index, then without it."""
    with open_store(location) as store:
        fill(store, posted, channels)
        store.execute("ANALYZE posted")  # as a database that grew by use is (autovacuum)
        indexed = per_call(store, posted, calls)
        store.execute("DROP INDEX posted_by_story")
        store.execute("ANALYZE posted")
        return indexed, per_call(store, posted, calls)


def show(engine: str, costs: tuple[float, float], posted: int) -> None:
    print(
        f"{engine}: {costs[0]:.3f} ms per is_out at {posted:,} posted rows with the index "
        f"(schema 23), {costs[1]:.3f} ms without it (schema 22)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="a PostgreSQL server's URL, to measure there too")
    parser.add_argument("--posted", type=int, default=100_000)
    parser.add_argument("--channels", type=int, default=1000)
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args(argv)

    def run(location: str) -> tuple[float, float]:
        return measure(location, args.posted, args.channels, args.calls)

    for engine, costs in on_each_engine(args.store, SCHEMA, run):
        show(engine, costs, args.posted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
