"""What SQLite does its own way: FTS5 search, the bulk loader, optimizing the index.

Search (see ``search.py`` for the query language and the ranking): only the newest
``limit`` matches are read, walking FTS5's doclists backwards by rowid, under a CPU
budget; each candidate's matches in the title and the briefing are counted from
FTS5's ``highlight()``.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Collection, Sequence

from summaries.store.articles import Visible, visible_clause
from summaries.store.search import Counted, Query

log = logging.getLogger("summaries.store.search")

# CPU seconds after which a search stops reading the index (thread CPU time, so the
# answer does not depend on what else the machine runs). A coarse safety net: see point
# 3 of search.py's docstring.
SEARCH_BUDGET_S = 0.010
_MARK = "\x01"  # highlight() puts this before every match; stored text has no C0 controls

_CANDIDATES_SQL = """
SELECT rowid, highlight(articles_fts, 0, char(1), ''), highlight(articles_fts, 2, char(1), '')
FROM articles_fts WHERE articles_fts MATCH ? AND {visible} ORDER BY rowid DESC LIMIT ?
"""

_AMONG_SQL = """
SELECT rowid, highlight(articles_fts, 0, char(1), ''), highlight(articles_fts, 2, char(1), '')
FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?
"""


def candidates(
    conn: sqlite3.Connection, query: Query, limit: int, visible: Visible | None
) -> list[Counted]:
    """The counts of the newest ``limit`` matches of ``query`` that ``visible`` allows."""
    rows, _ = fts_candidates(conn, query.expanded(conn), limit, visible)
    return [_counted(row) for row in rows]


def fts_candidates(
    conn: sqlite3.Connection, match: str, limit: int, visible: Visible | None = None
) -> tuple[list[tuple[int, str, str]], bool]:
    """(rowid, marked title, marked briefing) of the newest ``limit`` matches, newest first
    (only articles one of the ``visible`` sources carried, when given: checked for each
    match as the walk goes, so a tenant's few sources cost no more than the whole archive),
    and whether the walk ended before the CPU budget ran out."""
    found: list[tuple[int, str, str]] = []
    clause, params = visible_clause(visible, "articles_fts.rowid")
    sql = _CANDIDATES_SQL.format(visible=clause)
    deadline = time.thread_time() + SEARCH_BUDGET_S
    conn.set_progress_handler(lambda: int(time.thread_time() > deadline), 1_000)
    try:
        for row in conn.execute(sql, (match, *params, limit)):
            found.append(row)
    except sqlite3.OperationalError as error:
        if "interrupt" not in str(error):
            raise
        log.info("search over its %.0f ms budget: %.200s", SEARCH_BUDGET_S * 1000, match)
        return found, False
    finally:
        conn.set_progress_handler(None, 0)
    return found, True


def matches_among(conn: sqlite3.Connection, query: Query, ids: Collection[int]) -> list[Counted]:
    """The counts of those of ``ids`` that match ``query``; the rowid range keeps the walk
    to the stretch of the index the ids span."""
    rows = conn.execute(_AMONG_SQL, (query.expanded(conn), min(ids), max(ids))).fetchall()
    return [_counted(row) for row in rows if row[0] in ids]


def _counted(row: tuple[int, str, str]) -> Counted:
    rowid, title, briefing = row
    in_title, in_briefing = title.count(_MARK), briefing.count(_MARK)
    return rowid, in_title, len(title) - in_title, in_briefing, len(briefing) - in_briefing


def insert_articles(
    conn: sqlite3.Connection, columns: str, values: Sequence[tuple], *, with_ids: bool = False
) -> None:
    """Insert rows through a staging table, so that the FTS trigger runs inside ONE statement;
    ``with_ids``: each row starts with the id it is to have.

    Row by row, every INSERT is its own statement, and FTS5 writes its pending terms
    out at each statement's savepoint: a bulk load then builds thousands of tiny
    index segments and runs 2-3 times slower.
    """
    if not values:
        return
    table = "article_staging_ids" if with_ids else "article_staging"
    columns = f"id, {columns}" if with_ids else columns
    conn.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {table} AS SELECT {columns} FROM articles WHERE 0"
    )
    marks = ", ".join("?" * len(values[0]))
    conn.executemany(f"INSERT INTO temp.{table} VALUES ({marks})", values)
    conn.execute(f"INSERT INTO articles ({columns}) SELECT * FROM temp.{table} ORDER BY rowid")
    conn.execute(f"DELETE FROM temp.{table}")


class ArticleStream:
    """Rows, each starting with its id, inserted together when closed (see
    ``articles.article_stream``; PostgreSQL's streams them): one statement, as
    :func:`insert_articles` explains."""

    def __init__(self, conn: sqlite3.Connection, columns: str) -> None:
        self._conn = conn
        self._columns = columns
        self._rows: list[tuple] = []

    def write(self, row: tuple) -> None:
        self._rows.append(row)

    def close(self) -> None:
        rows, self._rows = self._rows, []
        insert_articles(self._conn, self._columns, rows, with_ids=True)

    def abort(self, error: BaseException) -> None:
        """Drop the rows (nothing was sent)."""
        self._rows = []


def add_words(conn: sqlite3.Connection, pairs: Sequence[tuple[str, int]]) -> None:
    """Count stored words (see ``vocabulary.add``): one upsert per word, in process."""
    conn.executemany(
        "INSERT INTO words (word, docs) VALUES (?, ?) "
        "ON CONFLICT (word) DO UPDATE SET docs = words.docs + excluded.docs",
        pairs,
    )


def optimize(conn: sqlite3.Connection) -> None:
    """Merge the full-text index into one segment (after a bulk load; takes a while)."""
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")


# The database's clock in seconds since the epoch, for the posting budget (see
# posting_slots.py) (julianday: to the millisecond).
CLOCK = "((julianday('now') - 2440587.5) * 86400.0)"
