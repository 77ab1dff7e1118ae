"""Ingest's one serial step, storing a batch: story grouping and writing, apart and together.

    python bench/store_step.py [--store postgresql://...] [--articles 2000] [--runs 3]

Prepares N articles (as the ingest workers do, here in this process), then stores them
in batches of 200 as ingest does (``Store.add_articles`` with the real ``StoryGrouper``
choosing each new article's story inside the write transaction), into SQLite and, with
``--store``, into the schema ``bench_store_step`` of that database (made anew each run,
dropped after). Every run stores them three ways, on a fresh store each:

* grouping alone: the stories chosen, nothing written (a grouper's CPU);
* writing alone: every article a story of its own (no grouping);
* both, as ingest does.

Only one process stores at a time (the write lock), so this step bounds an ingest's
articles/s however many workers prepare them. Prints wall milliseconds per article of each
way (best of ``--runs``) and "both" against the sum of the two alone: under 1.0 when
the engine writes while the grouper works (PostgreSQL is sent each new row as its story
is chosen, and computes its search vector meanwhile; SQLite inserts a batch in one
statement after it). With a server on this machine, its CPU per article too.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from bench_schema import BenchSchema  # bench/ is on the path when run
from corpus import real_news
from proctree import server_cpu

from summaries.grouping import StoryGrouper
from summaries.ingest.prepare import Prepared, for_store
from summaries.models import Article, SummaryOptions
from summaries.store import Incoming, Store, open_store

BATCH = 200
SCHEMA = "bench_store_step"


class Grouping:
    """The ingest's story chooser over one batch (``BatchStories``), or none at all."""

    def __init__(self, grouper: StoryGrouper | None, batch: Sequence[Prepared], at: datetime):
        self.grouper, self.batch, self.at = grouper, batch, at

    def catch_up(self, newer: Callable[[int], list]) -> None:
        """One process stores here: nothing to catch up with."""

    def choose(self, index: int) -> int | None:
        if self.grouper is None:
            return None
        return self.grouper.match(self.batch[index].fingerprint, self.at)

    def placed(self, index: int, article_id: int, story_id: int) -> None:
        if self.grouper is not None:
            self.grouper.add(article_id, story_id, self.batch[index].fingerprint, self.at)


def prepared_articles(count: int) -> list[Prepared]:
    pool, out = real_news(), []
    for n in range(count):
        title, text = pool[n % len(pool)]
        article = Article(f"{title or 'Report'} #{n}", f"{text}\n\nFiled as report {n}.")
        out.append(for_store(article, SummaryOptions()))  # what a worker hands back
    return out


def group_alone(articles: list[Prepared], at: datetime) -> None:
    grouper = StoryGrouper(window=timedelta(hours=72))
    for number, item in enumerate(articles, 1):
        story = grouper.match(item.fingerprint, at)
        grouper.add(number, number if story is None else story, item.fingerprint, at)


def store_all(store: Store, articles: list[Prepared], at: datetime, grouped: bool) -> None:
    grouper = StoryGrouper(window=timedelta(hours=72)) if grouped else None
    for start in range(0, len(articles), BATCH):
        batch = articles[start : start + BATCH]
        items = [
            Incoming(p.article, p.briefing, p.text, p.content_hash, None, None, p.language, p.words)
            for p in batch
        ]
        store.add_articles(items, Grouping(grouper, batch, at), now=at, words=Counter())


def timed(work: Callable[[], None], server: bool) -> tuple[float, float]:
    """Wall seconds of ``work`` and, with ``server``, the CPU seconds a database server on
    this machine spent meanwhile (else 0)."""
    before = server_cpu() if server else None
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    after = server_cpu() if server else None
    return seconds, (after - before) if before is not None and after is not None else 0.0


def measure(name: str, opener: Callable[[], Store], articles: list[Prepared], runs: int) -> None:
    """Each way of the step ``runs`` times, a fresh store for each (opened untimed)."""
    n, at, server = len(articles), datetime.now(UTC), name == "PostgreSQL"
    best: dict[str, tuple[float, float]] = {}
    for _ in range(runs):
        for way in ("grouping alone", "writing alone", "both"):
            with opener() as store:
                if way == "grouping alone":
                    work = partial(group_alone, articles, at)
                else:
                    work = partial(store_all, store, articles, at, way == "both")
                figures = timed(work, server)
            if figures[0] < best.get(way, (float("inf"), 0.0))[0]:
                best[way] = figures
    print(f"{name}, {n} articles in batches of {BATCH} (wall, best of {runs}):")
    for way, (seconds, spent) in best.items():
        cpu = f"; the server's CPU {spent * 1000 / n:.2f} ms" if server else ""
        print(f"  {way:15} {seconds * 1000 / n:.2f} ms per article{cpu}")
    apart = best["grouping alone"][0] + best["writing alone"][0]
    print(f"  both / (grouping alone + writing alone): {best['both'][0] / apart:.2f}")
    print(f"  at most {n / best['both'][0]:.0f} articles/s through this step")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--store", default="", help="postgresql://...: also measure there")
    args = parser.parse_args(argv)
    articles = prepared_articles(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        count = iter(range(1_000_000))

        def sqlite() -> Store:
            return open_store(Path(tmp) / f"step{next(count)}.db")

        measure("SQLite", sqlite, articles, args.runs)
    if args.store:
        schema = BenchSchema(args.store, SCHEMA)
        try:
            measure("PostgreSQL", lambda: open_store(schema.renew()), articles, args.runs)
        finally:
            schema.drop()
    print("(a shared machine: compare the ratio, measured in the same run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
