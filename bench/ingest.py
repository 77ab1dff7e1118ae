"""Ingest throughput: N articles through the whole pipeline, summarizing included.

    python bench/ingest.py [--articles 10000] [--workers 2] [--runs 1]

Writes N distinct article files to a temporary folder (news texts from
../shared/eval when present, else the sample corpus, each varied so that no two
are the same), then times one `briefing ingest` of that folder: reading, cleaning,
summarizing in the process pool, story grouping and storing in SQLite. Prints
articles/s and the total time, the cost of each stage per article, the CPU time of
this process and of the workers (from /proc; 200% is both cores of a 2-core machine),
and the bytes written per article (``write_bytes`` of /proc/<pid>/io: what reached
the storage layer, the database, its WAL and journal; ``wchar``: what was handed to
write()). Exits 1 under the target (300 articles/s).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from corpus import real_news  # bench/corpus.py (bench/ is on the path when run)
from proctree import Sampler, Tree

from summaries.config import load_settings
from summaries.ingest import IngestReport
from summaries.library import ingest

TARGET_PER_SECOND = 300.0


def news(limit: int = 2000) -> list[tuple[str, str]]:
    """(title, text) pairs of real-length news."""
    return real_news(limit)


def write_articles(folder: Path, count: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    pool = news()
    for n in range(count):
        title, text = pool[n % len(pool)]
        paragraphs = [p for p in text.replace("\n\n", "\n").split("\n") if p.strip()]
        if n >= len(pool):  # later copies: a different cut and order of the body
            keep = max(3, int(len(paragraphs) * rng.uniform(0.6, 1.0)))
            paragraphs = paragraphs[:1] + rng.sample(paragraphs[1:], min(keep, len(paragraphs) - 1))
        headline = title or paragraphs[0][:80]
        stamp = f"Filed as report {n} by the regional desk number {n % 97} this morning."
        body = "\n\n".join([*paragraphs, stamp])
        (folder / f"{n:06}.txt").write_text(f"{headline} #{n}\n\n{body}\n", encoding="utf-8")


def measure(count: int, workers: int) -> tuple[float, IngestReport, Tree, int]:
    """Seconds, the report, the processes' usage and the database's size of one ingest."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "articles"
        folder.mkdir()
        write_articles(folder, count)
        config = root / "config.toml"
        config.write_text(
            f'[store]\npath = "{root / "bench.db"}"\n[sources]\nfolders = ["{folder}"]\n'
            f"[ingest]\nworkers = {workers}\n",
            encoding="utf-8",
        )
        settings = load_settings(config)
        out = io.StringIO()
        with Sampler() as tree:
            start = time.perf_counter()
            report = ingest(settings, out)
            seconds = time.perf_counter() - start
        if report.new != count:
            raise SystemExit(f"ingest failed:\n{out.getvalue()}")
        size = sum(f.stat().st_size for f in root.glob("bench.db*"))
        return seconds, report, tree, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    n = args.articles
    print(f"Ingest of {n} articles, {args.workers} summarizing workers (load {_load()})")
    rates = []
    for run in range(args.runs):
        seconds, report, tree, size = measure(n, args.workers)
        rates.append(n / seconds)
        main_usage, others = tree.total(main=True), tree.total(main=False)
        batches = getattr(report, "batches", 0)  # (older reports lack it: a baseline's)
        print(f"run {run + 1}: {report.line()}, {batches or 'one per article'} store transactions")
        print(f"  {seconds:.1f} s, {n / seconds:.0f} articles/s (target: {TARGET_PER_SECOND:.0f})")
        for stage, spent in getattr(report, "stages", ()):
            print(f"  {stage}: {spent * 1000 / n:.2f} ms per article")
        print(
            f"  CPU: this process {main_usage.cpu / seconds:.0%}, workers and fork server "
            f"{others.cpu / seconds:.0%} (of {os.cpu_count() or 1}00%); "
            f"{(main_usage.cpu + others.cpu) * 1000 / n:.2f} ms per article "
            f"({main_usage.cpu * 1000 / n:.2f} in this process)"
        )
        print(
            f"  written per article: {main_usage.written / n / 1024:.1f} KiB to storage "
            f"(write_bytes), {main_usage.asked / n / 1024:.1f} KiB through write(); "
            f"database {size / n / 1024:.1f} KiB per article"
        )
    if len(rates) > 1:
        print(f"articles/s over {len(rates)} runs: {', '.join(f'{r:.0f}' for r in rates)}")
    print("(a shared 2-core machine: absolute figures vary with what else runs)")
    return 0 if max(rates) >= TARGET_PER_SECOND else 1


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
