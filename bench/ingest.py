"""Ingest throughput: N articles through the whole pipeline, summarizing included.

    python bench/ingest.py [--articles 10000] [--workers 2]
    python bench/ingest.py --store postgresql://user@host/db [--articles 10000]

Writes N distinct article files to a temporary folder (news texts from
../shared/eval when present, else the sample corpus, each varied so that no two
are the same), then times one `briefing ingest` of that folder: reading, cleaning,
summarizing in the process pool, story grouping and storing in SQLite. Prints
articles/s and the total time; exits 1 over the target (10,000 in 120 s).

With ``--store postgresql://...`` the same articles are ingested twice in one run,
into SQLite and into the schema ``bench_ingest`` of that database (made anew, dropped
after), and the PostgreSQL time is printed against the SQLite one.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
from pathlib import Path

from corpus import real_news  # bench/corpus.py (bench/ is on the path when run)

from summaries.cli import main as briefing

TARGET_SECONDS_PER_10K = 120.0


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


def measure(count: int, workers: int, store_url: str = "") -> tuple[float, str]:
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
        out = io.StringIO()
        start = time.perf_counter()
        code = briefing(["ingest", "--config", str(config)], stdout=out)
        seconds = time.perf_counter() - start
        if code != 0:
            raise SystemExit(f"ingest failed:\n{out.getvalue()}")
        return seconds, out.getvalue().strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--store", default="", help="postgresql://...: also ingest there")
    args = parser.parse_args(argv)
    if args.store:
        return compare(args)
    seconds, summary = measure(args.articles, args.workers)
    rate = args.articles / seconds
    budget = TARGET_SECONDS_PER_10K * args.articles / 10_000
    print(f"Ingest of {args.articles} articles, {args.workers} summarizing workers")
    print(f"  {summary}")
    print(f"  {seconds:.1f} s, {rate:.0f} articles/s (target: under {budget:.0f} s)")
    return 0 if seconds <= budget else 1


def compare(args: argparse.Namespace) -> int:
    """SQLite, then PostgreSQL (a fresh schema), on the same articles in one run."""
    import psycopg  # the bench's own set-up of its schema

    def schema(statement: str) -> None:
        with psycopg.connect(args.store, autocommit=True) as admin:
            admin.execute(statement)

    schema(f"DROP SCHEMA IF EXISTS {BENCH_SCHEMA} CASCADE")
    schema(f"CREATE SCHEMA {BENCH_SCHEMA}")
    schema("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
    joiner = "&" if "?" in args.store else "?"
    url = f"{args.store}{joiner}options=-csearch_path%3D{BENCH_SCHEMA}%2Cpublic"
    try:
        lite, lite_summary = measure(args.articles, args.workers)
        pg, pg_summary = measure(args.articles, args.workers, url)
    finally:
        schema(f"DROP SCHEMA IF EXISTS {BENCH_SCHEMA} CASCADE")
    print(f"Ingest of {args.articles} articles, {args.workers} summarizing workers, one run")
    print(f"  SQLite:     {lite:.1f} s, {args.articles / lite:.0f} articles/s  ({lite_summary})")
    print(f"  PostgreSQL: {pg:.1f} s, {args.articles / pg:.0f} articles/s  ({pg_summary})")
    print(f"  PostgreSQL / SQLite time: {pg / lite:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
