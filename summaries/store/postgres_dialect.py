"""What PostgreSQL does its own way: tsvector search, the bulk loader, optimizing.

Search (the query language and the ranking are ``search.py``'s): a user's terms become
a tsquery built only from bound parameters (``plainto_tsquery`` for a word, each of a
prefix's stored completions, ``phraseto_tsquery`` for a phrase), matched against the
stored, weighted ``search_vector`` through its GIN index (see ``postgres_schema``).

Bounding the work at a million articles: ``ts_rank`` over every match, or even
fetching every match to keep the newest, costs a heap visit per matching row; a word
in 5% of the archive has 50,000. So, as on SQLite, only the newest ``limit`` matches
are ranked, and they are found in windows of ids from the newest back: the first
window holds the newest ``FIRST_WINDOW`` articles, each next one ``GROWTH`` times
more, until ``limit`` matches are found or the archive is covered. Inside a window
PostgreSQL intersects the GIN index's matches with the id range before it visits a
row, so a common word stops in the first window after a few hundred rows, a rare one
walks a handful of windows whose matches are few, and a mid-frequency word visits at
most about ``GROWTH`` times ``limit`` rows. Ranking then reads only the candidates'
small ``search_head`` (title and briefing): how many of the query's lexemes each holds
with weight A (title) and B (briefing), and how long each part is.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from summaries.store import vocabulary
from summaries.store.articles import Visible, visible_clause
from summaries.store.connection import Connection
from summaries.store.search import Counted, Query, Term, _completed

FIRST_WINDOW = 4_096  # articles in the newest window
GROWTH = 8  # each next window is this many times larger


def tsquery(conn: Connection, query: Query) -> tuple[str, list[Any], list[str]]:
    """The SQL of a tsquery for ``query`` with its parameters, and the words it holds."""
    parts: list[str] = []
    params: list[Any] = []
    words: list[str] = []
    for term in query.terms:
        sql, term_params, term_words = _term(conn, term)
        parts.append(sql)
        params += term_params
        words += term_words
    return "(" + " && ".join(parts) + ")", params, words


def _term(conn: Connection, term: Term) -> tuple[str, list[Any], list[str]]:
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
    conn: Connection, query: Query, limit: int, visible: Visible | None
) -> list[Counted]:
    """The counts of the newest ``limit`` matches of ``query`` that ``visible`` allows."""
    matches, params, words = tsquery(conn, query)
    clause, visible_params = visible_clause(visible, "a.id")
    sql = (
        f"SELECT a.id FROM articles a WHERE a.search_vector @@ {matches} "
        f"AND a.id > ? AND a.id <= ? AND {clause} ORDER BY a.id DESC LIMIT ?"
    )
    high = int(conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])
    window = FIRST_WINDOW
    found: list[int] = []
    while high > 0 and len(found) < limit:
        low = max(0, high - window)
        rows = conn.execute(sql, (*params, low, high, *visible_params, limit - len(found)))
        found += [row[0] for row in rows]
        high, window = low, window * GROWTH
    return _counts(conn, found, words)


def matches_among(conn: Connection, query: Query, ids: Collection[int]) -> list[Counted]:
    """The counts of those of ``ids`` that match ``query``."""
    matches, params, words = tsquery(conn, query)
    listed = sorted(ids)
    found: list[int] = []
    for start in range(0, len(listed), 500):
        chunk = listed[start : start + 500]
        sql = (
            f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(chunk))}) "
            f"AND search_vector @@ {matches}"
        )
        found += [row[0] for row in conn.execute(sql, (*chunk, *params))]
    return _counts(conn, found, words)


_COUNTS = """
SELECT a.id,
       count(*) FILTER (WHERE w = 'A' AND u.lexeme = ANY (q.lexemes)),
       count(*) FILTER (WHERE w = 'A'),
       count(*) FILTER (WHERE w = 'B' AND u.lexeme = ANY (q.lexemes)),
       count(*) FILTER (WHERE w = 'B')
FROM articles a
CROSS JOIN (SELECT tsvector_to_array(to_tsvector('briefing', ?)) AS lexemes) q
CROSS JOIN LATERAL unnest(a.search_head) u
CROSS JOIN LATERAL unnest(u.weights) w
WHERE a.id = ANY (?)
GROUP BY a.id
"""


def _counts(conn: Connection, ids: list[int], words: Sequence[str]) -> list[Counted]:
    """For each article, the query's matches in its title and briefing and their lengths
    (in words), in the order of ``ids``."""
    if not ids:
        return []
    rows = conn.execute(_COUNTS, (" ".join(words), ids)).fetchall()
    counted = {row[0]: tuple(int(v) for v in row[1:]) for row in rows}
    return [(one, *counted.get(one, (0, 0, 0, 0))) for one in ids]  # type: ignore[misc]


def insert_articles(conn: Connection, columns: str, values: Sequence[tuple]) -> None:
    """Insert many rows in one batch (psycopg pipelines them)."""
    if values:
        marks = ", ".join("?" * len(values[0]))
        conn.executemany(f"INSERT INTO articles ({columns}) VALUES ({marks})", values)


def optimize(conn: Connection) -> None:
    """Refresh the planner's statistics after a bulk load (the GIN index needs no merge)."""
    conn.execute("ANALYZE articles")
