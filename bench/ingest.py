"""Ingest throughput: N articles through the whole pipeline, summarizing included.

    python bench/ingest.py [--articles 10000] [--workers 2] [--runs 1]
    python bench/ingest.py --store postgresql://user@host/db [--articles 10000] [--workers 1,2]

Writes N distinct article files to a temporary folder (news texts from
../shared/eval when present, else the sample corpus, each varied so that no two
are the same), then times one `briefing ingest` of that folder: reading, cleaning,
summarizing in the process pool, story grouping and storing in SQLite. Prints
articles/s and the total time, the cost of each stage per article, the CPU time of
this process and of the workers (from /proc; 200% is both cores of a 2-core machine),
and the bytes written per article (``write_bytes`` of /proc/<pid>/io: what reached
the storage layer, the database, its WAL and journal; ``wchar``: what was handed to
write()). Exits 1 under the target (300 articles/s).

With ``--store postgresql://...`` the same articles are ingested, for each worker count
of ``--workers`` (default 1 and 2), into SQLite and into the schema ``bench_ingest`` of
that database (made anew each time, dropped after), and each PostgreSQL time is printed
against the SQLite one of the same worker count. The server's writes are not counted (it
is not a process of this one); its CPU time is, when it runs on this machine (the
processes called ``postgres``, read from /proc, other databases' work included: run it
on a quiet server). Exits 1 when an engine's best figure is under the target.
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

from bench_schema import BenchSchema
from corpus import real_news  # bench/corpus.py (bench/ is on the path when run)
from proctree import Sampler, Tree, server_cpu

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


BENCH_SCHEMA = "bench_ingest"


def measure(
    count: int, workers: int, store_url: str = ""
) -> tuple[float, IngestReport, Tree, int]:
    """Seconds, the report, the processes' usage and the database's size (SQLite's file;
    0 for a server) of one ingest."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "articles"
        folder.mkdir()
        write_articles(folder, count)
        config = root / "config.toml"
        where = f'url = "{store_url}"' if store_url else f'path = "{root / "bench.db"}"'
        config.write_text(
            f'[store]\n{where}\n[sources]\nfolders = ["{folder}"]\n'
            f"[ingest]\nworkers = {workers}\n",
            encoding="utf-8",
        )
        settings = load_settings(config)
        out = io.StringIO()
        server_before = server_cpu() if store_url else None
        with Sampler() as tree:
            start = time.perf_counter()
            report = ingest(settings, out)
            seconds = time.perf_counter() - start
        server_after = server_cpu() if store_url else None
        if server_before is not None and server_after is not None:
            tree.server = server_after - server_before
        if report.new != count:
            raise SystemExit(f"ingest failed:\n{out.getvalue()}")
        size = sum(f.stat().st_size for f in root.glob("bench.db*"))
        return seconds, report, tree, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument(
        "--workers", default="", help="summarizing worker processes: 2 (with --store: 1,2)"
    )
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--store", default="", help="postgresql://...: also ingest there")
    args = parser.parse_args(argv)
    if args.store:
        return compare(args)
    n, workers = args.articles, _counts(args.workers or "2")[0]
    print(f"Ingest of {n} articles, {workers} summarizing workers (load {_load()})")
    rates = []
    for run in range(args.runs):
        seconds, report, tree, size = measure(n, workers)
        rates.append(n / seconds)
        print(f"run {run + 1}:")
        show(n, seconds, report, tree, size)
    if len(rates) > 1:
        print(f"articles/s over {len(rates)} runs: {', '.join(f'{r:.0f}' for r in rates)}")
    print("(a shared 2-core machine: absolute figures vary with what else runs)")
    return 0 if max(rates) >= TARGET_PER_SECOND else 1


def show(n: int, seconds: float, report: IngestReport, tree: Tree, size: int) -> None:
    """One ingest's figures: rate, stage costs, CPU use, bytes written."""
    main_usage, others = tree.total(main=True), tree.total(main=False)
    batches = getattr(report, "batches", 0)  # (older reports lack it: a baseline's)
    print(f"  {report.line()}, {batches or 'one per article'} store transactions")
    print(f"  {seconds:.1f} s, {n / seconds:.0f} articles/s (target: {TARGET_PER_SECOND:.0f})")
    for stage, spent in getattr(report, "stages", ()):
        print(f"  {stage}: {spent * 1000 / n:.2f} ms per article")
    print(
        f"  CPU: this process {main_usage.cpu / seconds:.0%}, workers and fork server "
        f"{others.cpu / seconds:.0%} (of {os.cpu_count() or 1}00%); "
        f"{(main_usage.cpu + others.cpu) * 1000 / n:.2f} ms per article "
        f"({main_usage.cpu * 1000 / n:.2f} in this process)"
    )
    if tree.server is not None:
        everything = main_usage.cpu + others.cpu + tree.server
        print(
            f"  database server on this machine: CPU {tree.server / seconds:.0%}, "
            f"{tree.server * 1000 / n:.2f} ms per article; all processes "
            f"{everything * 1000 / n:.2f} ms per article"
        )
    database = f"; database {size / n / 1024:.1f} KiB per article" if size else ""
    print(
        f"  written per article: {main_usage.written / n / 1024:.1f} KiB to storage "
        f"(write_bytes), {main_usage.asked / n / 1024:.1f} KiB through write(){database}"
    )


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def compare(args: argparse.Namespace) -> int:
    """For each worker count, SQLite then PostgreSQL (a fresh schema), on the same
    articles in one run."""
    schema = BenchSchema(args.store, BENCH_SCHEMA)
    n, counts = args.articles, _counts(args.workers or "1,2")
    print(f"Ingest of {n} articles, with {' and '.join(map(str, counts))} summarizing workers")
    best = {"SQLite": 0.0, "PostgreSQL": 0.0}
    try:
        for workers in counts:
            print(f"{workers} summarizing workers (load {_load()}):")
            lite, *lite_figures = measure(n, workers)
            print(" SQLite:")
            show(n, lite, *lite_figures)
            pg, *pg_figures = measure(n, workers, schema.renew())
            print(" PostgreSQL (the server's writes not counted; its CPU when it runs here):")
            show(n, pg, *pg_figures)
            print(f" PostgreSQL / SQLite time: {pg / lite:.2f}")
            best["SQLite"] = max(best["SQLite"], n / lite)
            best["PostgreSQL"] = max(best["PostgreSQL"], n / pg)
    finally:
        schema.drop()
    print("best: " + ", ".join(f"{engine} {rate:.0f} articles/s" for engine, rate in best.items()))
    print("(a shared 2-core machine: absolute figures vary with what else runs)")
    return 0 if min(best.values()) >= TARGET_PER_SECOND else 1


def _counts(text: str) -> list[int]:
    """Worker counts from "1,2"."""
    try:
        counts = [int(part) for part in text.split(",")]
    except ValueError:
        raise SystemExit(f"--workers takes counts such as 2 or 1,2, not {text!r}") from None
    if not counts or min(counts) < 1:
        raise SystemExit("--workers: each count must be at least 1")
    return counts


if __name__ == "__main__":
    sys.exit(main())
