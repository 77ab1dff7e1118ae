"""Search at scale: bulk-load N generated news articles, then time a fixed mix of queries.

    python bench/search.py --articles 1000000 [--db PATH] [--keep] [--seed 7]

1. Build: a seeded generator writes N news articles (headlines and 8-20 sentences
   from templates over vocabularies of topics, places, people, organisations and
   numbers, with Zipf-distributed choices, so that some words are in most articles
   and a long tail is rare), each with a 3-sentence briefing (its lede), and
   bulk-loads them with ``Store.bulk_insert`` (generation runs in two other
   processes, so loading and generating overlap), then merges the index
   (``Store.optimize``).
   Prints build time, articles/s and the database size.
2. Search: a fixed mix of queries in classes (one common word, one rare word,
   several words, a phrase, a prefix, no hit, hostile syntax) is run once to warm
   up, then ``--rounds`` times timed through ``Store.search`` (limit 5), and the
   p50/p95/p99 latency per class and overall is printed as one table.

The database goes to a temporary file unless ``--db`` is given; a database made by
the run is deleted at the end unless ``--keep``. With ``--db`` naming a database
that already holds articles, the build is skipped and only the search is timed.
Wall times depend on what else the machine runs; the CPU seconds printed with
them do not.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import multiprocessing
import os
import random
import resource
import sqlite3
import statistics
import string
import sys
import tempfile
import time
from bisect import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summaries.models import Article, Briefing  # noqa: E402
from summaries.store import Store  # noqa: E402
from summaries.store.search import CANDIDATES  # noqa: E402

CHUNK = 2_000  # articles generated per task in a generator process
WORKERS = 2  # generator processes (loading runs in this one, mostly inside SQLite)
START = datetime(2023, 1, 1, tzinfo=UTC)
SPAN = timedelta(days=730)  # articles are spread over two years, in id order
NOW = START + SPAN + timedelta(hours=6)

Row = tuple[Article, Briefing, str, str]

# --- vocabularies ---------------------------------------------------------------------------


# Each topic: "nouns | past-tense verbs | adjectives".
_TOPIC_WORDS = {
    "cyber": "cyberattack ransomware breach hackers malware network servers data passwords "
    "encryption vulnerability phishing cybersecurity firewall botnet spyware outage "
    "systems extortion cybercrime | disrupted crippled targeted breached encrypted "
    "exposed leaked | digital encrypted critical sophisticated coordinated",
    "politics": "election parliament minister government coalition vote campaign opposition "
    "referendum budget senate mayor council legislation candidates ballots turnout "
    "policy reform | approved rejected debated proposed backed blocked announced | "
    "political electoral parliamentary controversial narrow",
    "climate": "heatwave drought flooding emissions temperatures rainfall storm wildfire "
    "glaciers carbon climate weather forecast rivers harvest | flooded scorched "
    "threatened damaged cooled warmed | extreme record severe unseasonal dry",
    "economy": "inflation interest rates markets shares investors bank economy growth recession "
    "unemployment wages prices exports bonds currency | rose fell slowed surged cut "
    "raised steadied | economic monetary fiscal quarterly annual",
    "energy": "battery factory grid electricity solar turbines pipeline refinery reactor "
    "hydrogen gas oil power plant capacity | opened expanded commissioned shut "
    "restarted powered | renewable nuclear offshore industrial electric",
    "health": "hospital patients vaccine doctors nurses outbreak virus clinic treatment trial "
    "medicine infections ward surgery | treated admitted vaccinated tested diagnosed "
    "recovered | medical clinical public infectious chronic",
    "sport": "match final cup league striker goalkeeper coach season title championship "
    "stadium fans tournament victory | won lost drew scored defeated clinched | "
    "dramatic decisive late unbeaten young",
    "transport": "port trucks railway trains airport flights ferry drivers traffic motorway bridge "
    "tunnel freight containers strike | delayed cancelled reopened stranded diverted "
    "suspended | congested overnight regional commuter cross-border",
    "courts": "court judge trial verdict prosecutors lawyers police investigation arrest "
    "sentence appeal fraud charges jury | charged convicted acquitted sentenced "
    "arrested fined | criminal judicial federal appellate guilty",
    "science": "researchers study bees species telescope laboratory genome experiment satellite "
    "fossils biodiversity discovery | discovered measured observed published mapped "
    "confirmed | scientific remarkable rare ancient peer-reviewed",
}
TOPICS = {
    name: dict(
        zip(("nouns", "verbs", "adjs"), (part.split() for part in words.split("|")), strict=True)
    )
    for name, words in _TOPIC_WORDS.items()
}

ROLES = (
    "minister spokesperson chief executive director chairman governor professor "
    "analyst president mayor commissioner inspector coach founder"
).split()
FIRST = (
    "Anna Ben Clara David Elena Farid Greta Hugo Ines Jonas Karin Luca Maya Nils Olga "
    "Pavel Rosa Samir Tara Umar Vera Willem Yara Zoe Lina Marek Noor Oskar Priya Rafael "
    "Sofia Tomas Ulla Viktor Wanda Xavier Yusuf Zara Amir Bea Cyril Dora Emil Fatima Goran"
).split()
SYLLABLES = (
    "bren wick ald mere tar row vol ta ra wren field har port ost lin kes dor val mon "
    "quen bel sar fen gar lor mir nor pel ris tel ven yor zan cal del fir hol jor kel "
    "lum mar nev orn pra rus sel tor ul vix wes ab ek ith ov un"
).split()
PLACE_ENDS = "ton burg mouth ford dale by stead wick port haven field more".split()
ORG_KINDS = (
    "Logistics Energy Bank Holdings Systems Motors Airlines Telecom Insurance Group "
    "Pharma Foods Mining Shipping Analytics"
).split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = (
    "January February March April May June July August September October November December"
).split()

BODY = [
    "{person}, the {role} of {org}, said the {noun} would {adj} change {place} for years.",
    "Officials in {place} confirmed on {day} that {number} {noun} cases had been recorded.",
    "The {noun} affected parts of {place} on {day}, according to {org}.",
    "{org} said in a statement that it had {verb} the {noun} after a review.",
    "{surname} told reporters the {noun} was the most {adj} in {number} years.",
    "Residents of {place} described the {noun} as {adj} and unexpected.",
    "Figures published by {org} show the {noun} rose by {percent} in {month}.",
    "The {noun} has cost the region around {money}, analysts estimate.",
    "{person} said that the {noun} and the {noun2} were closely linked.",
    "In {place2}, the {noun2} {verb} {number} businesses, local media reported.",
    "A report by {org} on the {rare} {noun} is due in {month}.",
    "Critics say the {adj} {noun} was handled badly from the start.",
    "The {role} of {place} called for calm and promised a full inquiry into the {noun}.",
    "Experts from {org} warned that a {adj} {noun2} could follow within weeks.",
    "{surname}, who has led {org} since {year}, declined to comment on the {noun}.",
    "Talks between {org} and {org2} about the {noun} ended without agreement on {day}.",
    "About {number} people gathered in central {place} to protest against the {noun}.",
    "Work on the {rare} project near {place} stopped after the {noun}.",
    "Earlier this year, a similar {noun} in {place2} lasted {number} days.",
    "{person} of {org2} said the {adj} {noun2} showed the limits of the current approach.",
    "The government of {place} has set aside {money} to deal with the {noun}.",
    "Neighbouring {place2} reported a {percent} drop in {noun2} over the same period.",
    "Local newspapers in {place} said the {noun} had been expected for {number} months.",
    "Shares in {org} {econ} {percent} after the {noun} was announced.",
]
HEADLINES = [
    "{Place} {noun} {verb} {org}",
    "{Noun} in {place} leaves {number} {noun2} affected",
    "{org} faces questions over {adj} {noun}",
    "{Person} warns of {adj} {noun} in {place}",
    "{Adj} {noun} hits {place} as {noun2} worsens",
    "{place} and {place2} agree on {noun} plan",
    "{Noun}: what the {rare} decision means for {place}",
]


def _zipf_cumulative(n: int, exponent: float = 1.05) -> list[float]:
    return list(accumulate(1.0 / (rank + 1) ** exponent for rank in range(n)))


def _pseudo_words(rng: random.Random, count: int, parts: tuple[int, int]) -> list[str]:
    possible = sum(len(SYLLABLES) ** n for n in range(parts[0], parts[1] + 1))
    assert count < possible // 2, "too few syllables for that many distinct words"
    seen: dict[str, None] = {}
    while len(seen) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(*parts)))
        seen.setdefault(word, None)
    return list(seen)


@dataclass
class Vocabulary:
    """Every word list, built from a fixed seed: identical in every process."""

    places: list[str]
    surnames: list[str]
    orgs: list[str]
    rare: list[str]
    topics: list[str]

    @classmethod
    def build(cls, seed: int = 2024) -> Vocabulary:
        rng = random.Random(seed)
        places = [
            (w + rng.choice(PLACE_ENDS)).capitalize() for w in _pseudo_words(rng, 3_000, (2, 3))
        ]
        surnames = [w.capitalize() for w in _pseudo_words(rng, 6_000, (2, 3))]
        orgs = [
            f"{w.capitalize()} {rng.choice(ORG_KINDS)}" for w in _pseudo_words(rng, 4_000, (2, 3))
        ]
        rare = [w + "ex" for w in _pseudo_words(rng, 40_000, (2, 4))]
        return cls(places, surnames, orgs, rare, list(TOPICS))


class _Article:
    """The state of one article being written: its rng, topic and main entities."""

    __slots__ = ("w", "rng", "topic", "other", "words", "place", "org", "person")

    def __init__(self, writer: Writer, rng: random.Random) -> None:
        v = writer.v
        self.w, self.rng = writer, rng
        self.topic = TOPICS[writer.pick(rng, "topic", v.topics)]
        self.other = TOPICS[_one(rng, v.topics)]
        self.words = self.topic
        self.place = writer.pick(rng, "place", v.places)
        self.org = writer.pick(rng, "org", v.orgs)
        self.person = writer.person(rng)


def _one(rng: random.Random, items: list | tuple) -> Any:
    return items[int(rng.random() * len(items))]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# Slot name -> how to fill it for an article. "noun2" and "adj" come from the sentence's
# topic (the article's own 80% of the time); the main place, person and organisation recur.
_SLOTS: dict[str, Callable[[_Article], str]] = {
    "person": lambda a: a.person if a.rng.random() < 0.6 else a.w.person(a.rng),
    "surname": lambda a: a.person.split()[1],
    "org": lambda a: a.org,
    "place": lambda a: a.place,
    "org2": lambda a: a.w.pick(a.rng, "org", a.w.v.orgs),
    "place2": lambda a: a.w.pick(a.rng, "place", a.w.v.places),
    "rare": lambda a: a.w.pick(a.rng, "rare", a.w.v.rare),
    "noun": lambda a: _one(a.rng, a.topic["nouns"]),
    "verb": lambda a: _one(a.rng, a.topic["verbs"]),
    "noun2": lambda a: _one(a.rng, a.words["nouns"]),
    "adj": lambda a: _one(a.rng, a.words["adjs"]),
    "econ": lambda a: _one(a.rng, TOPICS["economy"]["verbs"]),
    "number": lambda a: str(_one(a.rng, (2, 3, 5, 12, 40, 150, 1200, 64, 7, 2500))),
    "percent": lambda a: f"{int(a.rng.random() * 40) + 1}.{int(a.rng.random() * 10)} percent",
    "money": lambda a: f"{int(a.rng.random() * 900) + 2} million euros",
    "year": lambda a: str(1995 + int(a.rng.random() * 28)),
    "role": lambda a: _one(a.rng, ROLES),
    "day": lambda a: _one(a.rng, DAYS),
    "month": lambda a: _one(a.rng, MONTHS),
}

Part = str | Callable[[_Article], str]


def _compile(template: str) -> list[Part]:
    """A template as literal strings and slot fillers (faster than str.format per sentence)."""
    parts: list[Part] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            parts.append(literal)
        if name:
            fill = _SLOTS[name.lower()]
            parts.append(fill if name.islower() else (lambda a, f=fill: _cap(f(a))))
    return parts


_BODY = [_compile(t) for t in BODY]
_HEADLINES = [_compile(t) for t in HEADLINES]


class Writer:
    """Writes article ``index`` of a run: the same text for the same (seed, index)."""

    def __init__(self, vocabulary: Vocabulary, seed: int, total: int) -> None:
        self.v = vocabulary
        self.seed = seed
        self.total = max(1, total)
        self.cum = {
            "place": _zipf_cumulative(len(vocabulary.places)),
            "surname": _zipf_cumulative(len(vocabulary.surnames)),
            "org": _zipf_cumulative(len(vocabulary.orgs)),
            "rare": _zipf_cumulative(len(vocabulary.rare), 0.9),
            "topic": _zipf_cumulative(len(vocabulary.topics), 0.6),
        }

    def pick(self, rng: random.Random, kind: str, items: list[str]) -> str:
        """A Zipf-distributed choice: the first items are common, the tail rare."""
        cum = self.cum[kind]
        return items[bisect(cum, rng.random() * cum[-1])]

    def person(self, rng: random.Random) -> str:
        return f"{_one(rng, FIRST)} {self.pick(rng, 'surname', self.v.surnames)}"

    def sentence(self, state: _Article, parts: list[Part]) -> str:
        state.words = state.topic if state.rng.random() < 0.8 else state.other
        return _cap("".join([p if isinstance(p, str) else p(state) for p in parts]))

    def article(self, index: int) -> Row:
        rng = random.Random(self.seed * 1_000_003 + index)
        state = _Article(self, rng)
        title = self.sentence(state, _one(rng, _HEADLINES))
        count = 8 + int(rng.random() * 13)
        sentences = [self.sentence(state, _one(rng, _BODY)) for _ in range(count)]
        paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, count, 3)]
        text = "\n\n".join(paragraphs)
        jitter = timedelta(minutes=int(rng.random() * 600) - 300)
        published = START + SPAN * (index / self.total) + jitter
        outlet = f"{state.place} {_one(rng, ('Herald', 'Times', 'Post', 'Courier', 'Gazette'))}"
        article = Article(
            title=title,
            text=text,
            url=f"https://news{index % 97}.example/{published:%Y/%m/%d}/{index}",
            source=outlet,
            published=published,
            author=state.person,
        )
        briefing = Briefing(tuple(sentences[:3]), method="lead", source_sentences=count)
        return article, briefing, text, hashlib.sha256(text.encode()).hexdigest()


_WRITER: Writer | None = None


def _init_worker(seed: int, total: int) -> None:
    global _WRITER
    _WRITER = Writer(Vocabulary.build(), seed, total)


def _chunk(bounds: tuple[int, int]) -> list[Row]:
    assert _WRITER is not None
    return [_WRITER.article(i) for i in range(*bounds)]


def generated(total: int, seed: int) -> Iterator[Row]:
    """The ``total`` articles in id order, generated in other processes."""
    bounds = [(start, min(total, start + CHUNK)) for start in range(0, total, CHUNK)]
    context = multiprocessing.get_context("spawn")
    with context.Pool(WORKERS, initializer=_init_worker, initargs=(seed, total)) as pool:
        for rows in pool.imap(_chunk, bounds):
            yield from rows


# --- build ----------------------------------------------------------------------------------


@dataclass
class BuildReport:
    articles: int
    load_seconds: float
    optimize_seconds: float
    db_bytes: int
    loader_cpu: float  # CPU seconds of this process while loading (SQLite work mostly)
    generator_cpu: float  # CPU seconds of the generator processes


def database_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def build(store: Store, path: Path, total: int, seed: int) -> BuildReport:
    """Bulk-load ``total`` generated articles and merge the index; report the time taken."""
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
    store.optimize()
    store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    merge = time.perf_counter() - start
    return BuildReport(done, load, merge, database_bytes(path), loader_cpu, generator_cpu)


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


def time_queries(store: Store, mix: dict[str, list[str]], rounds: int) -> Timings:
    """One warm-up pass over the mix, then ``rounds`` timed passes."""
    for queries in mix.values():
        for query in queries:
            store.search(query, limit=5, now=NOW)
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
                    store.search(query, limit=5, now=NOW)
                    cpu[name].append((time.thread_time() - cpu_start) * 1000)
                    wall[name].append((time.perf_counter() - start) * 1000)
    finally:
        logger.removeHandler(counter)
    return Timings(wall, cpu, counter.count)


def hit_counts(store: Store, mix: dict[str, list[str]]) -> dict[str, float]:
    """Mean stories returned per query of each class (a check that the mix means something)."""
    return {
        name: statistics.mean(len(store.search(q, limit=5, now=NOW)) for q in queries)
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
    print(f"  ({timings.cut_short} of {len(every)} searches stopped at the CPU budget)")


# --- main -----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="articles to generate")
    parser.add_argument("--db", type=Path, help="database file (default: a temporary file)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=15, help="timed passes over the mix")
    return parser.parse_args(argv)


def search_section(store: Store, rounds: int) -> None:
    mix = query_mix(Vocabulary.build())
    count = store.count_articles()
    print(
        f"\nSearch latency: {count:,} articles, {sum(map(len, mix.values())) * rounds} timed "
        f"queries after one warm-up pass, limit 5, {CANDIDATES} candidates per query "
        f"(SQLite {sqlite3.sqlite_version}, load average {_load()})"
    )
    print_table(time_queries(store, mix, rounds), hit_counts(store, mix))
    print(f"  (load average afterwards {_load()})")


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def build_section(store: Store, path: Path, total: int, seed: int) -> None:
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
    workdir = None
    if args.db is None:
        workdir = tempfile.TemporaryDirectory(prefix="bench-search-")
        path = Path(workdir.name) / "search.db"
    else:
        path = args.db
    made_here = not path.exists()
    try:
        with Store.open(path) as store:
            build_section(store, path, args.articles, args.seed)
            search_section(store, args.rounds)
    finally:
        if args.keep:
            print(f"kept {path}")
        elif workdir is not None:
            workdir.cleanup()
        elif made_here:  # a database that existed before the run is never deleted
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
