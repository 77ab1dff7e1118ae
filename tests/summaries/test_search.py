"""Keyword search: the query language, ranking, stories, and hostile input."""

from __future__ import annotations

import hashlib
import random
import re
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import pytest

from summaries.models import Article, Briefing
from summaries.store import (
    SCHEMA_VERSION,
    Store,
    StoreError,
    describe_query,
    open_store,
    parse_query,
    sqlite_dialect,
    vocabulary,
)
from summaries.store import search as search_module
from summaries.summarize import article_text
from tests.postgres import sqlite_only

NOW = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
FILLER = "The council met on Tuesday. Officials answered questions about the budget."


@pytest.fixture
def store(location):
    with open_store(location) as opened:
        yield opened


def put(
    store: Store,
    title: str,
    text: str,
    *,
    hours_old: float = 1.0,
    source: str = "Harwick Herald",
    lede: str | None = None,
) -> int:
    """Store an article published ``hours_old`` before NOW; its briefing is ``lede`` or
    its first sentence. Returns its id."""
    briefing = Briefing(((lede or text.split(". ")[0]).rstrip(".") + ".",), method="lead")
    stored, status = store.upsert_article(
        Article(
            title=title,
            text=text,
            url=f"https://{source.lower().replace(' ', '')}.example/{abs(hash(text))}",
            source=source,
            published=NOW - timedelta(hours=hours_old),
        ),
        briefing,
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        now=NOW,
    )
    assert status == "new"
    return stored.id


def lead_ids(store: Store, query: str, **kw) -> list[int]:
    return [hit.story.lead.id for hit in store.search(query, now=NOW, **kw)]


# --- ranking ---------------------------------------------------------------------------------


def test_a_title_match_beats_a_newer_passing_mention(store):
    about = put(
        store,
        "Ransomware cripples Brennport harbour",
        "Crews at Brennport harbour worked by hand. Ransomware had stopped the cranes. " + FILLER,
        hours_old=30,
    )
    mention = put(
        store,
        "Council approves budget",
        FILLER + " One member also asked about last year's ransomware scare. The vote was 9-2.",
        hours_old=1,
    )
    assert lead_ids(store, "ransomware") == [about, mention]


def test_among_equal_matches_the_recent_one_wins(store):
    old = put(
        store, "Heat wave in Tarrow", "A heat wave hit Tarrow valley. " + FILLER, hours_old=50
    )
    new = put(store, "Heat wave in Aldmere", "A heat wave hit Aldmere town. " + FILLER, hours_old=2)
    hits = store.search("heat wave", now=NOW)
    assert [h.story.lead.id for h in hits] == [new, old]
    assert hits[0].score > hits[1].score > 0


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_equal_scores_rank_the_newest_published_first_whatever_the_order_stored(order):
    places = ("Tarrow", "Dunmor", "Gresha")  # same length: the same relevance
    days_old = (300, 200, 250)  # months old: every recency factor is exactly 1
    with open_store(":memory:") as store:
        for n in order:
            text = f"A heat wave hit {places[n]}. " + FILLER
            put(store, f"Heat wave hits {places[n]}", text, hours_old=24 * days_old[n])
        hits = store.search("heat wave", now=NOW)
    assert len({hit.score for hit in hits}) == 1  # a tie
    assert [hit.story.lead.title for hit in hits] == [
        "Heat wave hits Dunmor",
        "Heat wave hits Gresha",
        "Heat wave hits Tarrow",
    ]


def test_the_recency_boost_halves_every_half_life():
    assert search_module.recency_factor(0) == pytest.approx(2.0)
    assert search_module.recency_factor(search_module.HALF_LIFE_HOURS) == pytest.approx(1.5)
    assert search_module.recency_factor(-5) == pytest.approx(2.0)  # future times count as now
    assert search_module.recency_factor(24 * 365) == pytest.approx(1.0)


def test_only_the_newest_matches_are_ranked(store, monkeypatch):
    old = put(store, "Port closes", "Cranes stopped at the port. " + FILLER, hours_old=90)
    newer = [put(store, f"Report {n}", f"Report {n} on the port. {FILLER}") for n in range(5)]
    monkeypatch.setattr(search_module, "CANDIDATES", 3)
    found = lead_ids(store, "port", limit=10)
    assert sorted(found) == newer[-3:]  # the strong but older title match is not seen
    monkeypatch.setattr(search_module, "CANDIDATES", 200)
    assert lead_ids(store, "port", limit=10)[0] == old


def test_a_query_over_its_time_budget_is_cut_short_without_error(store, monkeypatch):
    sqlite_only(store, "FTS5's walk under a CPU budget")
    texts = [f"Port report {n}. {FILLER}" for n in range(400)]
    briefing = Briefing(("Port report.",), "lead")
    store.bulk_insert(
        [
            (Article("Port report", text), briefing, text, f"hash{n}")
            for n, text in enumerate(texts)
        ],
        now=NOW,
    )
    conn = store._conn
    rows, finished = sqlite_dialect.fts_candidates(conn, '"port"', 200)
    assert finished and [r[0] for r in rows] == list(range(400, 200, -1))  # newest first
    monkeypatch.setattr(sqlite_dialect, "SEARCH_BUDGET_S", -1.0)  # over budget at once
    rows, finished = sqlite_dialect.fts_candidates(conn, '"port"', 200)
    assert not finished and len(rows) < 200
    assert [r[0] for r in rows] == list(range(400, 400 - len(rows), -1))
    assert len(store.search("port", now=NOW, limit=300)) < 200


# --- the query language ------------------------------------------------------------------------


def test_phrases_need_the_words_side_by_side(store):
    strike = put(store, "Dockers walk out", "The port strike began at dawn. " + FILLER)
    other = put(store, "Dockers return", "The strike at the port ended at dusk. " + FILLER)
    assert lead_ids(store, '"port strike"') == [strike]
    assert sorted(lead_ids(store, "port strike")) == sorted([strike, other])


def test_bare_words_also_match_as_prefixes(store):
    security = put(store, "Cybersecurity drill", "Cybersecurity teams ran a drill. " + FILLER)
    attack = put(store, "Cyberattack on port", "A cyberattack hit the port. " + FILLER)
    put(store, "Cycling race", "Cyclists raced through town. " + FILLER)
    assert sorted(lead_ids(store, "cyber")) == sorted([security, attack])
    assert lead_ids(store, "cyberatt*") == [attack]
    assert lead_ids(store, '"cyber"') == []  # quoted: the word itself, no prefix


def test_a_korean_word_of_two_syllables_finds_it_with_a_particle(store):
    """Korean writes particles onto nouns: "몸값" (ransom) stands in the text as "몸값을"."""
    found = put(store, "부산항 하역 중단", "공격자들이 몸값을 요구했다. " + FILLER)
    put(store, "Storm at the port", "A storm hit the port. " + FILLER)
    assert lead_ids(store, "몸값") == [found]
    assert lead_ids(store, "몸") == []  # one syllable: a word as typed, no prefix


def test_a_prefix_expands_to_its_most_used_words(store):
    for n in range(3):
        put(store, f"Cyberattack {n}", f"Cyberattack number {n} on the port. " + FILLER)
    for n in range(2):
        put(store, f"Cybersecurity {n}", f"Cybersecurity drill {n} at the port. " + FILLER)
    put(store, "Cybercafe", "A cybercafe opened by the port. " + FILLER)
    completions = store._read(lambda c: vocabulary.completions(c, "cyber", limit=2))
    assert completions == ["cyberattack", "cybersecurity"]
    term = parse_query("cyber").terms[0]
    assert (
        term.fts(["cyberattack", "cybersecurity"])
        == '("cyber" OR "cyberattack" OR "cybersecurity")'
    )
    assert term.fts() == '"cyber"*' and term.fts([]) == '"cyber"'


def test_words_are_stemmed(store):
    attacked = put(store, "Hackers strike", "Hackers attacked the harbour systems. " + FILLER)
    assert lead_ids(store, "attacks") == [attacked]
    assert lead_ids(store, "ATTACKING") == [attacked]


def test_every_word_must_match(store):
    both = put(store, "Ransomware at the port", "Ransomware hit the port. " + FILLER)
    put(store, "Ransomware at the bank", "Ransomware hit the bank. " + FILLER)
    put(store, "Storm at the port", "A storm hit the port. " + FILLER)
    assert lead_ids(store, "ransomware port") == [both]
    assert lead_ids(store, "ransomware OR port") == [both]  # OR is not an operator here


def test_diacritics_and_case_do_not_matter(store):
    cafe = put(store, "Café reopens", "The Café Noël reopened after the flood. " + FILLER)
    assert lead_ids(store, "cafe noel") == [cafe]
    assert lead_ids(store, "CAFÉ") == [cafe]


@pytest.mark.parametrize(
    ("title", "query"),
    [
        ("Το λιμάνι έκλεισε σήμερα", "έκλεισε"),  # Greek: nearly every word has an accent
        ("Порт закрыт новый мост", "новый"),  # Russian: й is a letter, not и with a mark
        ("Ёлка стоит у порта", "ёлка"),
        ("Die Straße zum Hafen ist zu", "Straße"),  # ß: one letter, not "ss"
        ("Le café du port rouvre", "CAFÉ"),
    ],
)
def test_a_word_is_found_as_it_is_written_in_any_script(store, title, query):
    """A query folds a word only as both engines' indexes do (case, and the accents of
    Latin letters): SQLite keeps a Greek accent, й, ё and ß, so folding them away would
    search for a word that no SQLite index holds."""
    found = put(store, title, f"{title}. " + FILLER)
    put(store, "Storm at the port", "A storm hit the port. " + FILLER)
    assert lead_ids(store, query) == [found]


def test_soft_hyphens_do_not_cut_words_in_two(store):
    # Pages mark where a long word may break with U+00AD (&shy;): invisible, not a gap.
    shy = "\u00ad"
    body = article_text(Article("", f"Die In{shy}fla{shy}tion steigt weiter. " + FILLER))
    in_text = put(store, "Preise im Mai", body)
    in_title = put(store, f"Mo{shy}bi{shy}li{shy}tät im Wandel", "Die Stadt plant neu. " + FILLER)
    assert shy not in body and "Inflation" in body
    assert lead_ids(store, "inflation") == [in_text]
    assert lead_ids(store, "mobilitat") == [in_title]


def test_words_added_by_an_update_are_found_by_prefix(store):
    text = "The plan covers the harbour. " + FILLER
    put(store, "Harbour plan", text)
    changed = "The plan covers decarbonisation of the harbour. " + FILLER
    store.upsert_article(
        Article("Harbour plan", changed, url="https://x.example/plan"),
        Briefing(("The plan.",), "lead"),
        text=changed,
        content_hash="changed",
        now=NOW,
    )
    assert len(lead_ids(store, "decarb")) == 1


def test_one_hit_per_story_with_every_source(store):
    first = put(store, "Port strike", "Dockers began a port strike. " + FILLER, source="Herald")
    second = put(store, "Dockers strike", "The port strike spread. " + FILLER, source="Courier")
    alone = put(store, "Port strike ends", "The port strike ended. " + FILLER, source="Post")
    store.set_story(first, first)
    store.set_story(second, first)
    hits = store.search("port strike", now=NOW, limit=10)
    assert len(hits) == 2
    grouped = next(h for h in hits if h.story.id == first)
    assert {a.id for a in grouped.story.articles} == {first, second}
    assert set(grouped.story.sources) == {"Herald", "Courier"}
    assert next(h for h in hits if h.story.id == alone).story.sources == ("Post",)
    assert grouped.story.articles[0].briefing  # the stored briefing comes with the hit
    assert len(store.search("port strike", now=NOW, limit=1)) == 1


def test_describe_query_says_what_was_searched():
    assert describe_query('cyber* "port strike" AND title:ransomware -x') == (
        'cyber* "port strike" ransomware* x'
    )
    assert describe_query("the attack on the port") == "attack* port*"
    assert describe_query("the") == "the"  # stop words count when nothing else is left
    assert describe_query("WHO warns the US") == "who warns* us"  # acronyms are not stop words
    assert describe_query('"Café"  ca*') == "cafe ca"
    assert describe_query("") == describe_query('"" ()*:^') == ""


@pytest.mark.parametrize("query", ["", "   ", '""', "()", "***", "?!.,;", "-", "🔥🔥", "\x00"])
def test_a_query_without_words_finds_nothing(store, query):
    put(store, "Port strike", "The port strike began. " + FILLER)
    assert store.search(query, now=NOW) == []
    assert describe_query(query) == ""


# --- hostile input -----------------------------------------------------------------------------

HOSTILE = [
    'AND OR "',
    '"unbalanced quote',
    'port" strike"',
    "NOT port",
    "port NOT",
    "NEAR(port strike, 2)",
    "NEAR",
    "title:port",
    "text: briefing: (port)",
    "{title text}: port",
    "-port +strike ^harbour",
    "port*strike**",
    "* port",
    "port AND AND OR NOT",
    "(((port",
    "port)))",
    '"port" "strike" "',
    "'; DROP TABLE articles; --",
    "port\x00strike",
    "🔥 port 🔥 \u200b strike \ufeff",
    "e\u0301 combining İstanbul ß ﬁ",
    "中文 日本語 한국어 العربية",
    "a" * 10_000,
    "port " * 2_000,
    '"' * 5_001,
]
# Only quoted strings (with doubled inner quotes), optional *, OR-groups and AND.
_STRING = r'"(?:[^"]|"")*"\*?'
_TERM = rf"(?:{_STRING}|\({_STRING}(?: OR {_STRING})*\))"
SAFE = re.compile(rf"(?:{_TERM}(?: AND {_TERM})*)?")


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(store, query):
    put(store, "Port strike", "The port strike began. " + FILLER)
    start = time.perf_counter()
    hits = store.search(query, now=NOW)
    assert isinstance(hits, list)
    assert time.perf_counter() - start < 1.0
    parsed = parse_query(query)
    assert SAFE.fullmatch(parsed.match), parsed.match
    assert SAFE.fullmatch(store._read(parsed.expanded))
    assert len(parsed.terms) <= search_module.MAX_TERMS


def test_random_hostile_strings_never_raise(store):
    put(store, "Port strike", "The port strike began. " + FILLER)
    put(store, "Cyberattack", "A cyberattack hit Brennport. " + FILLER)
    pieces = list("\"*():^+-{}[],.;!?'\\/ \t\n") + [
        "AND", "OR", "NOT", "NEAR", "title:", "text:", "briefing:", "\x00", "🔥", "é", "ß",
        "İ", "中文", "\u0301", "cyber", "port", "strike", "the", "a", "x*", '"port',
    ]  # fmt: skip
    rng = random.Random(20240501)
    for _ in range(400):
        query = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        parsed = parse_query(query)
        assert SAFE.fullmatch(store._read(parsed.expanded)), query
        assert isinstance(store.search(query, now=NOW), list), query
        # And FTS5 itself accepts every expression built (the store does not hide errors).
        if parsed.terms and store.engine == "sqlite":
            store.execute(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (parsed.match,)
            )


# --- PostgreSQL: the newest matches through the GIN index, in windows of blocks of ids --------


def test_postgresql_finds_older_matches_window_by_window_newest_first(location, monkeypatch):
    """Few matches near the top: the walk goes on through windows of the GIN index and
    ranks the newest matches; past its time budget it ranks what it found, without error."""
    if not location.startswith("postgresql"):
        pytest.skip("PostgreSQL's own: the windowed walk through the GIN index")
    from summaries.store import postgres_dialect

    monkeypatch.setattr(postgres_dialect, "RECENT_ROWS", 2)
    monkeypatch.setattr(postgres_dialect, "FIRST_WINDOW", 3)
    monkeypatch.setattr(search_module, "CANDIDATES", 4)
    with open_store(location) as store:
        ids = []
        for n in range(40):
            topic = f"lighthouse keeper {n}" if n % 7 == 0 else f"council budget item {n}"
            ids.append(put(store, f"Report {n}", f"The {topic} was discussed. " + FILLER))
        wanted = [one for n, one in enumerate(ids) if n % 7 == 0]  # 6 matches, oldest first
        rows = store._read(
            lambda c: postgres_dialect.candidates(c, parse_query("lighthouse"), 4, None)
        )
        assert [row[0] for row in rows] == wanted[::-1][:4]  # the newest four, newest first
        assert len(store.search("lighthouse", now=NOW, limit=10)) == 4

        def windows(c):  # from id 38 back, windows of 3, 24, 192 rows
            tsq = postgres_dialect.tsquery(c, parse_query("lighthouse"))[:2]
            return postgres_dialect._windows(c, tsq, 4, (38, 3), None, time.perf_counter())

        assert store._read(windows) == wanted[::-1][:4]
        # A database whose briefing.search_budget_ms leaves no time for any window:
        with open_store(with_search_budget(location, -1)) as hurried:
            assert hurried._read(windows) == []


def with_search_budget(location: str, budget_ms: float | str) -> str:
    """``location`` (a PostgreSQL address) whose connections set the search's budget."""
    return location + quote(f" -cbriefing.search_budget_ms={budget_ms}")


def test_a_postgresql_database_sets_the_search_budget(location):
    """briefing.search_budget_ms, set in the database's address (or with ALTER DATABASE),
    is the wall time a search may take: with none left nothing is searched, with some the
    article is found; a value that is not a number stops the opening, naming the setting."""
    if not location.startswith("postgresql"):
        pytest.skip("PostgreSQL's own: a time budget in wall time, set in the database")
    with open_store(location) as store:
        found = put(store, "Lighthouse keeper retires", "The keeper retired. " + FILLER)
    with open_store(with_search_budget(location, 0)) as hurried:
        assert lead_ids(hurried, "lighthouse") == []
    with open_store(with_search_budget(location, 500)) as patient:
        assert lead_ids(patient, "lighthouse") == [found]
    with pytest.raises(StoreError, match="briefing.search_budget_ms is 'soon'"):
        open_store(with_search_budget(location, "soon"))


def _lighthouses_in_blocks(store: Store) -> list[int]:
    """Articles about a lighthouse in blocks 0, 2, 3 and 4 of ids (4,096 ids a block), and
    others between them; the lighthouse ones' ids, oldest first."""
    wanted = []
    for n in range(3):  # ids 1-3: block 0
        wanted.append(put(store, f"Keeper {n}", f"The lighthouse keeper {n} retired. {FILLER}"))
    for last_id, topics in (
        (8_200, ("lighthouse", "lighthouse", "harbour")),
        (16_382, ("lighthouse",) * 3),
    ):
        store.execute("SELECT setval(pg_get_serial_sequence('articles', 'id'), ?)", (last_id,))
        for n, topic in enumerate(topics):  # 8201-8203 (block 2); 16383 (3), 16384-5 (4)
            stored = put(
                store, f"Report {last_id} {n}", f"The {topic} report {last_id} {n}. {FILLER}"
            )
            if topic == "lighthouse":
                wanted.append(stored)
    return wanted


def test_postgresql_walks_the_index_block_by_block_newest_first(location, monkeypatch):
    """Way 3: matches in blocks of ids far apart are found newest first, across the
    blocks and the windows, each window keeping to its ids; the whole walk as search
    runs it (neither the whole-index search of a rare query nor the row-by-row check)."""
    if not location.startswith("postgresql"):
        pytest.skip("PostgreSQL's own: the walk through the index by block of ids")
    from summaries.store import postgres_dialect

    with open_store(location) as store:
        wanted = _lighthouses_in_blocks(store)[::-1]  # newest first
        blocks = [one >> postgres_dialect.SEARCH_BLOCK_BITS for one in wanted]
        assert blocks == [4, 4, 3, 2, 2, 0, 0, 0]

        def windows(c, high, window, wanted_count):
            tsq = postgres_dialect.tsquery(c, parse_query("lighthouse"))[:2]
            span = (high, window)
            return postgres_dialect._windows(c, tsq, wanted_count, span, None, time.perf_counter())

        # windows of 3, 24, ... ids from 16385 down: blocks 4-3, then 3, ..., then 0
        assert store._read(lambda c: windows(c, 16_385, 3, 7)) == wanted[:7]
        # from 8201 down: 8202 is left out though its block is searched
        assert store._read(lambda c: windows(c, 8_201, 5, 10)) == wanted[4:]
        monkeypatch.setattr(postgres_dialect, "RARE", 0)
        monkeypatch.setattr(postgres_dialect, "MAX_RECENT_ROWS", 0)
        rows = store._read(
            lambda c: postgres_dialect.candidates(c, parse_query("lighthouse"), 6, None)
        )
        assert [row[0] for row in rows] == wanted[:6]


def test_postgresql_searches_a_block_through_the_index_without_jit(location):
    """The schema's GIN index serves the search of one block of ids (keyed by the block
    number as way 3 computes it, with its type), and a search runs without JIT."""
    if not location.startswith("postgresql"):
        pytest.skip("PostgreSQL's own: the GIN index keyed by block of ids")
    from summaries.store import postgres_dialect

    bits = postgres_dialect.SEARCH_BLOCK_BITS
    with open_store(location) as store:
        _lighthouses_in_blocks(store)

        def plan_and_jit(c):
            postgres_dialect.candidates(c, parse_query("lighthouse"), 4, None)
            jit = c.execute("SHOW jit").fetchone()[0]
            matches, params, _ = postgres_dialect.tsquery(c, parse_query("lighthouse keeper"))
            c.execute("SET LOCAL enable_seqscan = off")
            sql = (
                f"SELECT id FROM articles a WHERE (a.id >> {bits}) = ?::bigint "
                f"AND a.search_vector @@ {matches}"
            )
            plan = c.execute(f"EXPLAIN {sql}", (4, *params)).fetchall()
            return jit, "\n".join(line for (line,) in plan)

        jit, plan = store._read(plan_and_jit)
        assert jit == "off"
        assert "articles_search_blocks" in plan
        assert re.search(
            r"Index Cond: \(\(\(id >> \d+\) = '4'::bigint\) AND \(search_vector @@", plan
        ), plan


def test_a_postgresql_database_made_before_schema_14_gets_the_index_by_block(location):
    """Schema 14 replaces the plain GIN index of a database made before it, whose articles
    are then found through the new one."""
    if not location.startswith("postgresql"):
        pytest.skip("PostgreSQL's own: the GIN index keyed by block of ids")
    with open_store(location) as store:
        keeper = put(store, "Keeper retires", "The lighthouse keeper retired. " + FILLER)
        store.execute(  # the search index and version as schema 13 left them
            "DROP INDEX articles_search_blocks; "
            "CREATE INDEX articles_search ON articles USING gin (search_vector); "
            "UPDATE schema_version SET version = 13"
        )
    with open_store(location) as store:
        indexes = store.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'articles_search%' "
            "AND schemaname = current_schema()"
        )
        assert indexes == [("articles_search_blocks",)]
        assert store.execute("SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
        assert lead_ids(store, "lighthouse") == [keeper]


# --- words of scripts written with combining marks, and numbers, on both engines ----------


@pytest.mark.parametrize(
    ("title", "query"),
    [
        ("साइबर हमले से बंदरगाह बंद", "साइबर"),  # Hindi: a vowel sign inside the word
        ("हिन्दी समाचार पत्र बंद", "हिन्दी"),  # a virama joins two consonants
        ("ไซเบอร์โจมตีท่าเรือ วันนี้", "ไซเบอร์โจมตีท่าเรือ"),  # Thai: marks above and below
        ("هجوم إلكتروني على الميناء", "هجوم"),  # Arabic without marks: a plain word
    ],
)
def test_a_word_written_with_combining_marks_is_found_whole(store, title, query):
    """Devanagari and Thai write vowels and viramas as combining marks inside the word; a
    query of that word finds the article on both engines, and is echoed whole."""
    found = put(store, title, f"{title}. " + FILLER)
    put(store, "Storm at the port", "A storm hit the port. " + FILLER)
    assert lead_ids(store, query) == [found]
    assert " " not in describe_query(query)


def test_the_first_query_of_a_process_is_read_without_a_pause():
    """brief and topics read a query on the bot's event loop: the first one with combining
    marks must not wait for a scan of all of Unicode (~50 ms of CPU during which no other
    message is answered). CPU time, in a fresh process: load on the machine does not count."""
    code = (
        "import time; from summaries.store import describe_query; "
        "start = time.process_time(); describe_query('साइबर हमला ไซเบอร์ café'); "
        "print(time.process_time() - start)"
    )
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
    assert run.returncode == 0, run.stderr
    assert float(run.stdout) < 0.015


def test_a_hindi_query_does_not_find_an_article_that_only_shares_a_letter(store):
    put(store, "सरकार ने बजट पेश किया", "सरकार ने बजट पेश किया। " + FILLER)
    assert lead_ids(store, "साइबर") == []



@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Rates fell to 3.5 per cent in May.", "3.5"),
        ("Rates fell to 3.5 per cent in May.", '"3.5 per cent"'),
        ("The battery costs $31.50 a unit.", "$31.50"),
        ("Details are at harwick.example today.", "harwick.example"),
        ("Write to desk@harwick.example with tips.", "desk@harwick.example"),
        ("The U.S. team arrived on Monday.", "U.S."),
        ("Version 1.2.3 of the app fixed it.", "1.2.3"),
    ],
)
def test_numbers_and_addresses_with_dots_are_found_on_both_engines(store, text, query):
    """PostgreSQL's parser reads "3.5" or "harwick.example" as one token, SQLite's as two
    words: a query is the phrase of the words, which each engine reads its own way."""
    found = put(store, "Harbour report", text + " " + FILLER)
    put(store, "Other report", "Rates of 3 and 5 per cent at harwick and example sites. " + FILLER)
    assert lead_ids(store, query) == [found]
