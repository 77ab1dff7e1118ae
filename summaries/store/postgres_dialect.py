"""What PostgreSQL does its own way: tsvector search, the bulk loader, optimizing.

Search (the query language and the ranking are ``search.py``'s): a user's terms become
a tsquery built only from bound parameters (``plainto_tsquery`` for a word, each of a
prefix's stored completions, ``phraseto_tsquery`` for a phrase), matched against the
stored, weighted ``search_vector`` through its GIN index (see ``postgres_schema``).

Bounding the work at a million articles: ``ts_rank`` over every match, or even
fetching every match to keep the newest, costs a heap visit per matching row (and a
phrase a read of each row's vector); a word in 5% of the archive has 50,000. A GIN
index cannot hand its matches back newest first either: whatever the ``LIMIT``, a
bitmap scan reads the whole posting list of every lexeme of the query (a bare word is
also a prefix: an OR of up to 32 words), ~150 ms at 1M articles for two common words.
So, as on SQLite, only the newest ``limit`` matches are ranked, found in up to three
ways, chosen by the query's estimated frequency (the stored words' document counts):

1. A query that matches few articles (``RARE`` times ``limit`` at most): one GIN
   search of the whole archive; its posting lists are short.
2. A common query: the newest rows are read in id order and each is checked: it has
   its ``limit`` matches among the newest ``limit / f`` rows (``f``: its share of the
   archive), for the price of those rows whatever its frequency. Chosen when those rows
   cost less than the postings the index would read (a checked row costs about
   ``ROW_COST`` postings; see :func:`rows_to_check`), for ``MAX_RECENT_ROWS`` at most.
3. Otherwise (or after 2 found too few) the index is walked block by block of ids,
   newest first: it is keyed by ``id >> SEARCH_BLOCK_BITS`` as well as by lexeme (see
   ``postgres_schema``), so a search within one block reads only that block's stretch
   of each posting list (GIN skips the rest through its posting trees), ~1-2 ms a
   block for the query above. The blocks are searched in windows, each one statement
   (a nested loop over the block numbers that stops at the wanted number of matches):
   the first window as long as should hold twice ``limit`` matches, each next one
   ``GROWTH`` times longer.

The walk stops once ``BUDGET_MS`` (wall time) have gone by (each window runs under a
``statement_timeout`` of what is left, in a savepoint): what was found, the newest part
of the archive, is ranked. Way 1's one search has the same bound, and is kept to the GIN
index as each window is: the words' counts may misjudge a query, and the planner's own
estimate may then prefer to check the newest rows one by one, up to the whole archive.
The time bound is what a phrase of common words that never stand side by side needs:
the index finds every article holding all its words, and each must be read to check
their positions (~20-70 µs each, its vector being TOASTed).
Every statement of a search runs without JIT compilation: the planner's cost of a
scan of a large table passes ``jit_above_cost``, and compiling costs 10-100 ms, more
than the search.

Ranking then reads only the candidates' small ``search_head`` (title and briefing): how
many of the query's lexemes each holds with weight A (title) and B (briefing), and how
long each part is, for ``search.relevance``.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Collection, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any

import psycopg

from summaries.store import vocabulary
from summaries.store.articles import Visible, visible_clause
from summaries.store.connection import Connection
from summaries.store.postgres_schema import SEARCH_BLOCK_BITS
from summaries.store.postgres_store import PostgresConnection
from summaries.store.search import Counted, Query, Term, _completed

RECENT_ROWS = 1_000  # way 2 checks at least this many rows when it runs...
# ...and at most this many: a checked row costs ~3 µs (its vector is read), and way 3 finds
# the matches of a block of 4,096 rows for less unless nearly all of them match.
MAX_RECENT_ROWS = 1_024
ROW_COST = 12  # checking one row costs about as much as reading this many GIN postings
FIRST_WINDOW = 16_384  # way 3: the first window when the query's frequency is unknown
RARE = 4  # a query matching at most this many times ``limit`` articles: way 1
GROWTH = 8  # each next window is this many times longer
# Wall time after which no further window is searched: a safety net for the phrase of
# common words that never stand together (see above), which it bounds to about this
# long plus the ranking's few milliseconds; ordinary searches end well before it. A
# database may set its own (``briefing.search_budget_ms``: see postgres_store).
BUDGET_MS = 25.0

log = logging.getLogger("summaries.store.search")


def tsquery(conn: Connection, query: Query) -> tuple[str, list[Any], list[list[str]]]:
    """The SQL of a tsquery for ``query`` with its parameters, and each term's words (a
    prefix: spelled out; none for a character of Chinese or Japanese)."""
    parts: list[str] = []
    params: list[Any] = []
    spelled: list[list[str]] = []
    for term in query.terms:
        sql, term_params, term_words = _term(conn, term)
        parts.append(sql)
        params += term_params
        spelled.append(term_words)
    return "(" + " && ".join(parts) + ")", params, spelled


def _term(conn: Connection, term: Term) -> tuple[str, list[Any], list[str]]:
    if term.surface:  # "3.5", "harwick.example": one token to PostgreSQL's parser
        return "phraseto_tsquery('briefing', ?)", [term.surface], [term.surface]
    if len(term.words) > 1:
        text = " ".join(term.words)
        return "phraseto_tsquery('briefing', ?)", [text], list(term.words)
    word = term.words[0]
    if not term.prefix:
        return "plainto_tsquery('briefing', ?)", [word], [word]
    if not _completed(term):  # one Chinese or Japanese character: the start of a pair
        return "to_tsquery('simple', ?)", [f"'{word}':*"], []
    spelled = [word] + [w for w in vocabulary.completions(conn, word) if w != word]
    sql = " || ".join("plainto_tsquery('briefing', ?)" for _ in spelled)
    return f"({sql})", spelled, spelled


def candidates(
    conn: PostgresConnection, query: Query, limit: int, visible: Visible | None
) -> list[Counted]:
    """The counts of the newest ``limit`` matches of ``query`` that ``visible`` allows."""
    matches, params, spelled = tsquery(conn, query)
    start = time.perf_counter()
    conn.execute("SELECT set_config('jit', 'off', true)")
    high = int(conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])
    rarest = _rarest(conn, query, spelled)
    if rarest is not None and rarest[0] <= RARE * limit:  # way 1
        found = _everywhere(conn, (matches, params), limit, visible, start)
        return _counts(conn, found, _flat(spelled))
    found = []
    rows = rows_to_check(rarest, limit, high)
    if rows:  # way 2
        clause, visible_params = visible_clause(visible, "r.id")
        recent = (
            "SELECT r.id FROM (SELECT id, search_vector FROM articles WHERE id <= ? "
            f"ORDER BY id DESC LIMIT ?) r WHERE r.search_vector @@ {matches} AND {clause} "
            "ORDER BY r.id DESC LIMIT ?"
        )
        wanted = (high, rows, *params, *visible_params, limit)
        found = [row[0] for row in conn.execute(recent, wanted)]
        high -= rows
    if len(found) < limit and high > 0:  # way 3
        window = first_window(rarest, limit, high)
        found += _windows(
            conn, (matches, params), limit - len(found), (high, window), visible, start
        )
    return _counts(conn, found, _flat(spelled))


def _flat(spelled: list[list[str]]) -> list[str]:
    return [word for words in spelled for word in words]


def _rarest(conn: Connection, query: Query, spelled: list[list[str]]) -> tuple[int, int] | None:
    """(documents of the query's rarest term, postings of all its terms), or None when
    no term's count is known (Chinese, Japanese).

    Every term must match, so the query matches at most as many articles as its rarest
    term: the stored words' document counts (approximate) say how many hold each.
    """
    counts = _documents(conn, _flat(spelled))
    known = []
    for term, words in zip(query.terms, spelled, strict=True):
        if not words:
            continue
        if len(term.words) > 1:  # a phrase: no more than its rarest word
            known.append(min(counts.get(word, 0) for word in words))
        else:  # a word, or a prefix: any of its spellings
            known.append(sum(counts.get(word, 0) for word in words))
    return (min(known), sum(known)) if known else None


def rows_to_check(rarest: tuple[int, int] | None, limit: int, high: int) -> int:
    """How many of the newest rows to check one by one (way 2), 0 for none: checking
    ``limit`` / share rows costs ``ROW_COST`` postings each, and the GIN index reads
    the posting lists of every term."""
    if rarest is None or rarest[0] == 0 or high <= 0:
        return 0
    documents, postings = rarest
    rows = math.ceil(limit * high / documents * 1.5)
    if rows > MAX_RECENT_ROWS or rows * ROW_COST >= postings:
        return 0
    return max(rows, min(RECENT_ROWS, high))


def first_window(rarest: tuple[int, int] | None, limit: int, high: int) -> int:
    """The first window of way 3: as many rows as should hold twice ``limit`` matches."""
    if rarest is None or rarest[0] == 0:
        return FIRST_WINDOW
    return min(high, max(FIRST_WINDOW, math.ceil(2 * limit * high / rarest[0])))


def _documents(conn: Connection, words: Sequence[str]) -> dict[str, int]:
    """The stored document counts of these (folded) words."""
    listed = sorted(set(words))
    if not listed:
        return {}
    sql = f"SELECT word, docs FROM words WHERE word IN ({', '.join('?' * len(listed))})"
    return {word: int(docs) for word, docs in conn.execute(sql, listed)}


def _everywhere(
    conn: PostgresConnection,
    tsq: tuple[str, list[Any]],
    limit: int,
    visible: Visible | None,
    start: float,
) -> list[int]:
    """Way 1: the newest ``limit`` matches, from one search of the whole index (none when
    the budget runs out first: the words' counts misjudged the query)."""
    matches, params = tsq
    clause, visible_params = visible_clause(visible, "a.id")
    sql = (
        f"SELECT a.id FROM articles a WHERE a.search_vector @@ {matches} AND {clause} "
        "ORDER BY a.id DESC LIMIT ?"
    )
    with _index_searches(conn):
        found = _within_budget(conn, sql, (*params, *visible_params, limit), start)
    return found or []


@contextmanager
def _index_searches(conn: PostgresConnection) -> Iterator[None]:
    """Ways 1 and 3 search through the GIN index: never the primary key's scan of every
    id from the newest down or a scan of the whole table, each checking row by row (20-70
    µs a row when its vector is TOASTed), which the planner may prefer when it misjudges a
    word as common."""
    conn.execute(
        "SELECT set_config('enable_indexscan', 'off', true), "
        "set_config('enable_seqscan', 'off', true)"
    )
    try:
        yield
    finally:
        conn.execute("RESET statement_timeout; RESET enable_indexscan; RESET enable_seqscan")


def _within_budget(
    conn: PostgresConnection, sql: str, params: Sequence[Any], start: float
) -> list[int] | None:
    """The ids ``sql`` finds, run under a ``statement_timeout`` of what is left of the
    search's budget (in a savepoint: a cancelled statement leaves the transaction
    usable); None when the budget runs out before or while it runs."""
    budget = BUDGET_MS if conn.search_budget_ms is None else conn.search_budget_ms
    left = budget - (time.perf_counter() - start) * 1000
    if left >= 1:
        conn.execute("SELECT set_config('statement_timeout', ?, true)", (str(int(left) + 1),))
        try:
            with conn.savepoint():
                return [row[0] for row in conn.execute(sql, params).fetchall()]
        except psycopg.errors.QueryCanceled:
            pass
    log.info("search over its %.0f ms budget: %.200s", budget, params)
    return None


# Way 3's window: the blocks from the newest down, each searched through the index by its
# block number (the inner query), until enough matches are found; ids outside (low, high]
# are left out (the blocks at the window's ends hold some).
_BLOCKS = f"""
SELECT m.id FROM generate_series(?::bigint, ?::bigint, -1) AS b(block),
LATERAL (
    SELECT a.id FROM articles a
    WHERE (a.id >> {SEARCH_BLOCK_BITS}) = b.block AND a.search_vector @@ {{matches}}
    AND a.id > ? AND a.id <= ? AND {{visible}} ORDER BY a.id DESC
) m LIMIT ?
"""


def _windows(
    conn: PostgresConnection,
    tsq: tuple[str, list[Any]],
    wanted: int,
    span: tuple[int, int],
    visible: Visible | None,
    start: float,
) -> list[int]:
    """Way 3 of the module docstring: ids at or below ``high``, newest first."""
    matches, params = tsq
    clause, visible_params = visible_clause(visible, "a.id")
    sql = _BLOCKS.format(matches=matches, visible=clause)
    found: list[int] = []
    high, window = span
    with _index_searches(conn):
        while high > 0 and len(found) < wanted:
            low = max(0, high - window)
            blocks = (high >> SEARCH_BLOCK_BITS, (low + 1) >> SEARCH_BLOCK_BITS)
            bound = (*blocks, *params, low, high, *visible_params, wanted - len(found))
            rows = _within_budget(conn, sql, bound, start)
            if rows is None:
                break
            found += rows
            high, window = low, window * GROWTH
    return found


def matches_among(conn: Connection, query: Query, ids: Collection[int]) -> list[Counted]:
    """The counts of those of ``ids`` that match ``query``."""
    matches, params, spelled = tsquery(conn, query)
    listed = sorted(ids)
    found: list[int] = []
    for start in range(0, len(listed), 500):
        chunk = listed[start : start + 500]
        sql = (
            f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(chunk))}) "
            f"AND search_vector @@ {matches}"
        )
        found += [row[0] for row in conn.execute(sql, (*chunk, *params))]
    return _counts(conn, found, _flat(spelled))


_HEADS = """
SELECT a.id, a.search_head::text, (SELECT tsvector_to_array(to_tsvector('briefing', ?)))
FROM articles a WHERE a.id = ANY (?)
"""


def _counts(conn: Connection, ids: list[int], words: Sequence[str]) -> list[Counted]:
    """For each article, the query's matches in its title (weight A) and briefing (B)
    and the length of each in words, in the order of ``ids``; read from its
    ``search_head`` as text (``'lexeme':1A,4B 'other':2A``). Lexemes are lower case
    (every dictionary of the configuration folds case), so each upper-case A or B in
    that text is one position of that weight."""
    if not ids:
        return []
    counted: dict[int, tuple[int, int, int, int]] = {}
    for article_id, head, lexemes in conn.execute(_HEADS, (" ".join(words), ids)):
        head = head or ""
        in_title = in_briefing = 0
        for lexeme in set(lexemes or ()):
            key = "'" + lexeme.replace("'", "''") + "':"
            at = head.find(key)
            if at < 0:
                continue
            end = head.find(" ", at)
            positions = head[at + len(key) : end if end >= 0 else len(head)]
            in_title += positions.count("A")
            in_briefing += positions.count("B")
        counted[article_id] = (in_title, head.count("A"), in_briefing, head.count("B"))
    return [(one, *counted.get(one, (0, 0, 0, 0))) for one in ids]


def insert_articles(conn: PostgresConnection, columns: str, values: Sequence[tuple]) -> None:
    """Insert many rows with one COPY (the generated search columns are computed as for
    any insert)."""
    if not values:
        return
    with conn.raw.cursor() as cursor, cursor.copy(f"COPY articles ({columns}) FROM STDIN") as copy:
        for row in values:
            copy.write_row(row)


class ArticleStream:
    """Rows, each starting with its id, sent into one COPY as they are written (see
    ``articles.article_stream``): the server computes each row's search vector while the caller
    makes the next (story grouping, in a batch), instead of all of them after it. Nothing
    else can run on the connection until :meth:`close`, which ends the COPY (raising what
    the server found wrong) and moves the id sequence past the rows, so that the next plain
    insert takes the next id."""

    def __init__(self, conn: PostgresConnection, columns: str) -> None:
        self._conn = conn
        self._open = ExitStack()
        cursor = self._open.enter_context(conn.raw.cursor())
        statement = f"COPY articles (id, {columns}) FROM STDIN"
        self._copy = self._open.enter_context(cursor.copy(statement))

    def write(self, row: tuple) -> None:
        self._copy.write_row(row)

    def close(self) -> None:
        self._open.close()
        self._conn.execute(
            "SELECT setval(pg_get_serial_sequence('articles', 'id'), max(id)) FROM articles"
        )

    def abort(self, error: BaseException) -> None:
        """End the COPY unfinished after ``error``: the server drops its rows (and the
        transaction fails)."""
        self._open.__exit__(type(error), error, error.__traceback__)


def add_words(conn: Connection, pairs: Sequence[tuple[str, int]]) -> None:
    """Count stored words (see ``vocabulary.add``) in ONE statement: a batch's thousands
    of words sent one by one cost a round trip each. The words are distinct, as one
    ``ON CONFLICT`` statement needs, and in order: two processes counting at once (outside
    the store's write lock, see ``count_words``) lock their rows in the same order, so
    neither waits for the other in a circle."""
    ordered = sorted(pairs)
    conn.execute(
        "INSERT INTO words (word, docs) SELECT * FROM unnest(?::text[], ?::bigint[]) "
        "ON CONFLICT (word) DO UPDATE SET docs = words.docs + excluded.docs",
        ([word for word, _ in ordered], [count for _, count in ordered]),
    )


def optimize(conn: Connection) -> None:
    """Refresh the planner's statistics after a bulk load (the GIN index needs no merge)."""
    conn.execute("ANALYZE articles")


# The database's clock in seconds since the epoch, for the posting budget (see
# posting_slots.py).
CLOCK = "extract(epoch FROM clock_timestamp())::float8"
