"""Search at scale: bulk-load N generated news articles, then time a fixed mix of queries.

    python bench/search.py --articles 1000000 [--db PATH] [--keep] [--seed 7] [--cache-kib N]
    python bench/search.py --store postgresql://user@host/db --articles 1000000

1. Build: a seeded generator (bench/generated_news.py) writes N news articles
   (headlines and 8-20 sentences from templates, Zipf-distributed word choices so
   that some words are in most articles and a long tail is rare), each with a
   3-sentence briefing (its lede), and bulk-loads them with ``Store.bulk_insert``
   (generation runs in two other processes, so loading and generating overlap),
   then merges the index (``Store.optimize``).
   Prints build time, articles/s and the database size.
2. Search: a fixed mix of queries in classes (one common word, one rare word,
   several words, a phrase, a prefix, no hit, hostile syntax) is run once to warm
   up, then ``--rounds`` times timed through ``Store.search`` (limit 5), and the
   p50/p95/p99 latency per class and overall is printed as one table.

The database goes to a temporary file unless ``--db`` is given; a database made by
the run is deleted at the end unless ``--keep``. With ``--store postgresql://...`` the
articles go to the schema ``bench_search`` of that database (made by the run, dropped
at the end unless ``--keep``; a kept one is searched again without a rebuild). With
``--db`` naming a database that already holds articles, the build is skipped and only
the search is timed.
Wall times depend on what else the machine runs; the CPU seconds printed with
them do not.
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generated_news import NOW, Row, Vocabulary, generated  # noqa: E402 (bench/)

from summaries.models import EVERYTHING, Scope  # noqa: E402
from summaries.store import BOT_CACHE_KIB, Store, open_store  # noqa: E402
from summaries.store.postgres_schema import EXTENSIONS_IN_PUBLIC, SEARCH_INDEX  # noqa: E402
from summaries.store.search import CANDIDATES  # noqa: E402
from summaries.store.sqlite_store import CACHE_KIB  # noqa: E402


@dataclass
class BuildReport:
    articles: int
    load_seconds: float
    optimize_seconds: float
    db_bytes: int
    loader_cpu: float  # CPU seconds of this process while loading (SQLite work mostly)
    generator_cpu: float  # CPU seconds of the generator processes


def database_bytes(store: Store, path: Path | str) -> int:
    if store.engine == "postgresql":
        return int(store.execute("SELECT pg_total_relation_size('articles')")[0][0])
    return sum(p.stat().st_size for p in (Path(path), Path(f"{path}-wal")) if p.exists())


def search_index_definition(store: Store) -> str:
    """The ``CREATE INDEX`` of the schema's search index; exits saying so when it is missing
    (a database the bot has not upgraded to the schema this bench searches)."""
    found = store.execute(
        "SELECT indexdef FROM pg_indexes WHERE indexname = ? AND schemaname = current_schema()",
        (SEARCH_INDEX,),
    )
    if not found:
        raise SystemExit(
            f"no search index {SEARCH_INDEX} in this schema: open it with the bot once to "
            "upgrade it (postgres_schema makes the index), then run the bench again"
        )
    return str(found[0][0])


def build(store: Store, path: Path | str, total: int, seed: int) -> BuildReport:
    """Bulk-load ``total`` generated articles and merge the index; report the time taken."""
    search_index = ""
    if store.engine == "postgresql":  # one GIN build after the load beats 1M inserts into it
        search_index = search_index_definition(store)
        store.execute(f"DROP INDEX {SEARCH_INDEX}")
    start, cpu = time.perf_counter(), time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = 0
    for rows in _batches(generated(total, seed), 10_000):
        done += store.bulk_insert(rows, batch=10_000, now=NOW)["new"]
        rate = done / (time.perf_counter() - start)
        print(f"\r  loaded {done:>10,} articles  {rate:8.0f}/s", end="", flush=True)
    load, loader_cpu = time.perf_counter() - start, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    generator_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    print()
    start = time.perf_counter()
    if search_index:
        store.execute(f"SET LOCAL maintenance_work_mem = '512MB'; {search_index}")
    store.optimize()
    if store.engine == "sqlite":
        store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    merge = time.perf_counter() - start
    return BuildReport(done, load, merge, database_bytes(store, path), loader_cpu, generator_cpu)


def _batches(rows: Iterator[Row], size: int) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


# --- search ---------------------------------------------------------------------------------


def query_mix(vocabulary: Vocabulary) -> dict[str, list[str]]:
    """The fixed queries, by class (the same for every N and seed)."""
    v = vocabulary
    return {
        "one word, common": ["government", "police", "said", "match", "election", "Monday"],
        "one word, rare": [v.rare[-1], v.rare[-50], v.surnames[-3], v.places[-7], v.rare[9000]],
        "several words": [
            "ransomware port",
            "election turnout council",
            "heatwave drought rivers",
            f"{v.places[0]} inflation",
            "battery factory hydrogen",
            "court fraud appeal sentence",
        ],
        "phrase": [
            '"closely linked"',
            '"full inquiry"',
            f'"{v.orgs[0]}"',
            '"million euros"',
            '"local media reported"',
        ],
        "prefix": ["cyber*", "elect*", "vacc*", "clim*", "tele*", "infl"],
        "no hit": [
            "zzyzx",
            "quokka flamingo",
            "police zzyzx",
            '"interest rates"',  # both words are common, never side by side
            '"shares fell percent monday"',
        ],
        "hostile": [
            'AND OR "',
            'title:(cyber OR "',
            "NEAR(police court, 2)",
            "-^+*:()",
            "🔥🔥 breach 🔥",
            "x" * 10_000,
        ],
    }


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


@dataclass
class Timings:
    """Per query class: wall-clock and CPU milliseconds of each timed search."""

    wall: dict[str, list[float]]
    cpu: dict[str, list[float]]
    cut_short: int  # searches that hit the store's CPU budget


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += "budget" in record.getMessage()


def time_queries(
    store: Store, mix: dict[str, list[str]], rounds: int, scope: Scope = EVERYTHING
) -> Timings:
    """One warm-up pass over the mix, then ``rounds`` timed passes."""
    for queries in mix.values():
        for query in queries:
            store.search(query, limit=5, now=NOW, scope=scope)
    backend = backend_cpu(store)
    counter = _Counter()
    logger = logging.getLogger("summaries.store.search")
    logger.addHandler(counter)
    logger.setLevel(logging.INFO)
    wall: dict[str, list[float]] = {name: [] for name in mix}
    cpu: dict[str, list[float]] = {name: [] for name in mix}
    try:
        for _ in range(rounds):
            for name, queries in mix.items():
                for query in queries:
                    start, cpu_start = time.perf_counter(), time.thread_time()
                    server_start = backend()
                    store.search(query, limit=5, now=NOW, scope=scope)
                    server = backend() - server_start
                    cpu[name].append((time.thread_time() - cpu_start) * 1000 + server)
                    wall[name].append((time.perf_counter() - start) * 1000)
    finally:
        logger.removeHandler(counter)
    return Timings(wall, cpu, counter.count)


def backend_cpu(store: Store) -> Callable[[], float]:
    """A reader of the CPU milliseconds the PostgreSQL backend serving ``store`` has used
    (Linux's /proc/PID/schedstat; the server runs on this machine): with one thread
    searching, the pool serves it from one connection. Always 0 for SQLite, whose work
    is this thread's own."""
    if store.engine != "postgresql":
        return lambda: 0.0
    stat = Path(f"/proc/{store.execute('SELECT pg_backend_pid()')[0][0]}/schedstat")

    def read() -> float:
        try:
            return int(stat.read_text().split()[0]) / 1e6
        except (OSError, ValueError):
            return 0.0

    return read


def hit_counts(
    store: Store, mix: dict[str, list[str]], scope: Scope = EVERYTHING
) -> dict[str, float]:
    """Mean stories returned per query of each class (a check that the mix means something)."""
    return {
        name: statistics.mean(len(store.search(q, limit=5, now=NOW, scope=scope)) for q in queries)
        for name, queries in mix.items()
    }


def print_table(timings: Timings, hits: dict[str, float]) -> None:
    head = ["query class", "queries", "hits", "p50 ms", "p95 ms", "p99 ms", "CPU p50", "CPU p99"]
    print("\n  " + f"{head[0]:<18}" + "".join(f"{h:>9}" for h in head[1:]))
    rows = [(name, timings.wall[name], timings.cpu[name], f"{hits[name]:.1f}") for name in hits]
    every = [t for values in timings.wall.values() for t in values]
    every_cpu = [t for values in timings.cpu.values() for t in values]
    rows.append(("overall", every, every_cpu, ""))
    for name, wall, cpu, shown in rows:
        figures = [percentile(wall, 0.50), percentile(wall, 0.95), percentile(wall, 0.99)]
        figures += [percentile(cpu, 0.50), percentile(cpu, 0.99)]
        print(f"  {name:<18}{len(wall):>9}{shown:>9}" + "".join(f"{f:>9.2f}" for f in figures))
    print(f"  ({timings.cut_short} of {len(every)} searches stopped at the time budget)")
    print("  (CPU: this thread's, and on PostgreSQL its server backend's)")


# --- main -----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="articles to generate")
    parser.add_argument("--db", type=Path, help="database file (default: a temporary file)")
    parser.add_argument(
        "--store", default="", help="postgresql://user@host/db: search PostgreSQL instead"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=15, help="timed passes over the mix")
    parser.add_argument(
        "--cache-kib",
        type=int,
        default=CACHE_KIB,
        help=f"the connection's page cache (default {CACHE_KIB}; the bot's: {BOT_CACHE_KIB})",
    )
    parser.add_argument(
        "--tenant-share",
        type=float,
        default=0.0,
        help="also time a server whose own source carried this share of the articles "
        "(e.g. 0.01), not reading the operator's",
    )
    return parser.parse_args(argv)


def tenant_section(store: Store, rounds: int, share: float) -> None:
    """The same mix as one server sees it: its one source carried every ``1/share``-th
    article, and it does not read the operator's (``[sources] shared = false``): the
    hardest case, where most matches of a common word belong to others."""
    mix = query_mix(Vocabulary.build())
    source, _ = store.subscribe(
        "bench:1", "https://bench.example/rss", "feed", added_by=None, now=NOW, max_sources=50
    )
    step = max(1, round(1 / share))
    # A bench tool's shortcut: the link ingest would have written for each article it read.
    store.execute(
        "INSERT INTO article_sources (article_id, source_id) "
        "SELECT id, ? FROM articles WHERE id % ? = 0 ON CONFLICT DO NOTHING",
        (source.id, step),
    )
    store.execute("ANALYZE")
    scope = Scope.of_tenant("bench:1", shared=False)
    print(f"\nThe same queries from one server whose source carried 1 article in {step}:")
    print_table(time_queries(store, mix, rounds, scope), hit_counts(store, mix, scope))


def search_section(store: Store, rounds: int) -> None:
    mix = query_mix(Vocabulary.build())
    count = store.count_articles()
    print(
        f"\nSearch latency: {count:,} articles, {sum(map(len, mix.values())) * rounds} timed "
        f"queries after one warm-up pass, limit 5, {CANDIDATES} candidates per query "
        f"({_engine(store)}, load average {_load()})"
    )
    print_table(time_queries(store, mix, rounds), hit_counts(store, mix))
    print(f"  (load average afterwards {_load()})")


def _engine(store: Store) -> str:
    if store.engine == "postgresql":
        return str(store.execute("SHOW server_version")[0][0]).join(("PostgreSQL ", ""))
    cache = store.execute("PRAGMA cache_size")[0][0]
    return f"SQLite {sqlite3.sqlite_version}, page cache {cache}"


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def build_section(store: Store, path: Path | str, total: int, seed: int) -> None:
    existing = store.count_articles()
    if existing:
        print(f"Search store: {path} already holds {existing:,} articles; not rebuilt.")
        return
    print(f"Search store: generating and bulk-loading {total:,} articles into {path}")
    print(f"  ({os.cpu_count()} CPUs, load average {_load()})")
    report = build(store, path, total, seed)
    print(
        f"  loaded in {report.load_seconds:.0f} s ({report.articles / report.load_seconds:,.0f} "
        f"articles/s), then {report.optimize_seconds:.0f} s to merge the index\n"
        f"  CPU: {report.loader_cpu:.0f} s loading ({report.articles / report.loader_cpu:,.0f} "
        f"articles per CPU-second), {report.generator_cpu:.0f} s generating\n"
        f"  database {report.db_bytes / 1e9:.2f} GB "
        f"({report.db_bytes / report.articles:,.0f} bytes/article)"
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.store.startswith(("postgresql:", "postgres:")):
        return postgres_main(args)
    workdir = None
    if args.db is None:
        workdir = tempfile.TemporaryDirectory(prefix="bench-search-")
        path = Path(workdir.name) / "search.db"
    else:
        path = args.db
    made_here = not path.exists()
    try:
        with open_store(path, cache_kib=args.cache_kib) as store:
            build_section(store, path, args.articles, args.seed)
            search_section(store, args.rounds)
            if args.tenant_share > 0:
                tenant_section(store, args.rounds, args.tenant_share)
    finally:
        if args.keep:
            print(f"kept {path}")
        elif workdir is not None:
            workdir.cleanup()
        elif made_here:  # a database that existed before the run is never deleted
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
    return 0


BENCH_SCHEMA = "bench_search"


def postgres_main(args: argparse.Namespace) -> int:
    """The same build and search in the schema ``bench_search`` of ``--store``."""
    import psycopg  # the bench's own set-up; the store itself is opened by URL

    with psycopg.connect(args.store, autocommit=True) as admin:
        made_here = admin.execute(
            "SELECT 1 FROM information_schema.schemata WHERE schema_name = %s", (BENCH_SCHEMA,)
        ).fetchone() is None
        admin.execute(f"CREATE SCHEMA IF NOT EXISTS {BENCH_SCHEMA}")
        for statement in EXTENSIONS_IN_PUBLIC:
            admin.execute(statement)
    joiner = "&" if "?" in args.store else "?"
    url = f"{args.store}{joiner}options=-csearch_path%3D{BENCH_SCHEMA}%2Cpublic"
    try:
        with open_store(url) as store:
            shown = f"{args.store} (schema {BENCH_SCHEMA})"
            build_section(store, shown, args.articles, args.seed)
            search_section(store, args.rounds)
            if args.tenant_share > 0:
                tenant_section(store, args.rounds, args.tenant_share)
    finally:
        if args.keep or not made_here:
            print(f"kept the schema {BENCH_SCHEMA}")
        else:
            with psycopg.connect(args.store, autocommit=True) as admin:
                admin.execute(f"DROP SCHEMA {BENCH_SCHEMA} CASCADE")
    return 0


if __name__ == "__main__":
    sys.exit(main())
