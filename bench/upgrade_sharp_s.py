"""What the upgrade to schema 26 (the sharp s indexed as ss) costs, on SQLite or PostgreSQL.

Loads ``--articles`` generated articles (bench/generated_news.py) into a new database,
gives every ``--every``-th a sharp s in its title and body (0: none), sets the database
back to schema 25 and times the open that upgrades it. SQLite indexes every article again
when one holds a sharp s (FTS5 forgets an entry only when given what it indexed) and reads
the articles once when none does; PostgreSQL writes again only the rows holding one.

    .venv/bin/python bench/upgrade_sharp_s.py --articles 20000 --every 20
    .venv/bin/python bench/upgrade_sharp_s.py --articles 20000 --every 20 \
        --postgres postgresql://postgres@127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generated_news import NOW, generated  # noqa: E402
from summaries.store import SCHEMA_VERSION, open_store  # noqa: E402


def load(location: str, articles: int, every: int) -> int:
    """The database at ``location`` with the articles, set back to schema 25; how many hold
    a sharp s."""
    with open_store(location) as store:
        store.bulk_insert(generated(articles, seed=7), batch=10_000, now=NOW)
        held = 0
        if every:
            held = len(
                store.execute(
                    "UPDATE articles SET title = title || ' an der Hauptstraße', "
                    "text = text || ' Die Hauptstraße bleibt gesperrt.' "
                    "WHERE id % ? = 0 RETURNING id",
                    (every,),
                )
            )
        store.execute("UPDATE schema_version SET version = 25")
    return held


def timed_upgrade(location: str) -> float:
    started = time.perf_counter()
    with open_store(location) as store:
        assert store.execute("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--every", type=int, default=20, help="one article in N gets a ß")
    parser.add_argument("--postgres", help="a PostgreSQL URL (a schema of its own is made)")
    args = parser.parse_args(argv)
    if args.postgres:
        import psycopg

        schema = f"bench_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(args.postgres, autocommit=True) as admin:
            admin.execute(f"CREATE SCHEMA {schema}")
        location = f"{args.postgres}?options=-csearch_path%3D{schema},public"
        try:
            held = load(location, args.articles, args.every)
            seconds = timed_upgrade(location)
        finally:
            with psycopg.connect(args.postgres, autocommit=True) as admin:
                admin.execute(f"DROP SCHEMA {schema} CASCADE")
        engine = "PostgreSQL"
    else:
        with tempfile.TemporaryDirectory() as folder:
            location = str(Path(folder) / "briefing.db")
            held = load(location, args.articles, args.every)
            seconds = timed_upgrade(location)
        engine = "SQLite"
    print(
        f"{engine}: upgrade 25 -> {SCHEMA_VERSION} of {args.articles:,} articles "
        f"({held:,} with a sharp s): {seconds:.2f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
