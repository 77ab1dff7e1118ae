"""Schemas 19 to 21 and 24: the full-text index holds folded text (see ``summaries.folding``).

SQLite: ``articles_fts`` reads its content through the view ``articles_folded``, which
folds the title and briefing with the SQL function ``briefing_fold`` (Python's
:func:`~summaries.folding.fold_text`, which :func:`register` gives each connection), and
the triggers index the folded title, body and briefing. FTS5 reads that view again for
``highlight()`` (ranking counts the matches in each candidate's title and briefing); from
schema 20 it gives the body as written (see :data:`SQLITE_VIEW`). Stored text is not
changed. A program that writes articles or searches through a connection of its own must
register the function as well (``sqlite3`` answers "no such function: briefing_fold");
reading the tables needs nothing.

PostgreSQL: the same fold is an SQL function (see ``postgres_folding``) inside the
generated search columns, which are made again.

On both, the words of prefix search are folded in the same step (:func:`refold_words`).
The migration indexes every article again: about as long as a first load of them.

Schema 21 folds otherwise (the article comes off only as it is written, and with the
conjunctions and prepositions written onto it; text is made NFC and its letters of
another width or shape are those letters): every article is indexed again, and the words
of prefix search beyond ASCII are counted again from the articles (:func:`recount_words`).
Schema 24 pairs half-width katakana as katakana (:func:`pair_half_width_kana`). Schema 26
folds the sharp s (ß, ẞ) to ss (:func:`reindex_sharp_s`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter

from summaries.cjk import search_terms
from summaries.folding import COMPATIBLE_CLASS, SQL_FUNCTION, fold_text
from summaries.store import vocabulary
from summaries.store.connection import POSTGRESQL, Connection
from summaries.store.sql_scripts import statements

_COLUMNS = "title, text, briefing, search_terms"


def _folded(prefix: str) -> str:
    """The indexed values of a row (``new.`` or ``old.``), folded."""
    return ", ".join(
        [f"{SQL_FUNCTION}({prefix}{name})" for name in ("title", "text", "briefing")]
        + [f"{prefix}search_terms"]
    )


SQLITE = f"""
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;

CREATE VIEW IF NOT EXISTS articles_folded AS
SELECT id, {SQL_FUNCTION}(title) AS title, {SQL_FUNCTION}(text) AS text,
       {SQL_FUNCTION}(briefing) AS briefing, search_terms
FROM articles;

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    {_COLUMNS},
    content = 'articles_folded', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, {_COLUMNS}) VALUES (new.id, {_folded("new.")});
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, {_COLUMNS})
    VALUES ('delete', old.id, {_folded("old.")});
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF {_COLUMNS} ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, {_COLUMNS})
    VALUES ('delete', old.id, {_folded("old.")});
    INSERT INTO articles_fts (rowid, {_COLUMNS}) VALUES (new.id, {_folded("new.")});
END;

INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
"""

# Schema 20: the view gives the body as written. FTS5 reads every column of the view for
# each candidate of a search (for ``highlight()`` of the title and the briefing), and
# folding each candidate's whole body there, which no search reads, cost a long Arabic or
# Greek article's search most of its CPU budget (a fifth of the candidates ranked). The
# index still holds the folded body (the triggers fold it), so what reads the body from
# the view reads it unfolded: a ``rebuild`` (to index again, insert the folded values, as
# the triggers do, after a 'delete-all') and the check of the index against its content
# (``'integrity-check'`` with rank 1, which reports a mismatch for an article whose body
# folds). ``PRAGMA quick_check`` and ``integrity_check`` (``briefing doctor``) do not read it.
SQLITE_VIEW = f"""
DROP VIEW articles_folded;
CREATE VIEW articles_folded AS
SELECT id, {SQL_FUNCTION}(title) AS title, text, {SQL_FUNCTION}(briefing) AS briefing,
       search_terms
FROM articles;
"""

# Schema 21: the index made again with the fold of this version. The view gives the body
# as written (schema 20), so a 'rebuild' would index it unfolded: the index is emptied and
# given the folded values, as the triggers give them.
SQLITE_REINDEX = f"""
INSERT INTO articles_fts (articles_fts) VALUES ('delete-all');
INSERT INTO articles_fts (rowid, {_COLUMNS})
SELECT id, {_folded("")} FROM articles;
"""


def register(conn: sqlite3.Connection) -> None:
    """Give an SQLite connection the fold that its index's view and triggers call."""
    conn.create_function(SQL_FUNCTION, 1, _fold_value, deterministic=True)


def _fold_value(value: object) -> object:
    return fold_text(value) if isinstance(value, str) else value


def refold_words(conn: Connection, holding: str | None = None) -> None:
    """Fold the stored words of prefix search as the index now holds them: a word whose
    folded form differs is counted under that form (with any it joins). ``holding``: only
    the words holding a character of this class (the fold is not to be applied twice to
    the others: ``المانيا``, ألمانيا folded, would lose its article-like letters again)."""
    only = re.compile(holding) if holding else None
    changed = [
        (word, int(docs))
        for word, docs in conn.execute("SELECT word, docs FROM words")
        if (only is None or only.search(word)) and fold_text(word) != word
    ]
    for start in range(0, len(changed), 500):
        chunk = [word for word, _ in changed[start : start + 500]]
        conn.execute(f"DELETE FROM words WHERE word IN ({', '.join('?' * len(chunk))})", chunk)
    counts: Counter[str] = Counter()
    for word, docs in changed:
        if folded := fold_text(word):  # a run of tatweels folds to no word
            counts[folded] += docs
    vocabulary.add(conn, counts)


SHARP_S_CLASS = "[\u00df\u1e9e]"  # (schema 26)
# The letters that make a word ASCII only since schema 21 (of another width or shape:
# ｃａｆｅ) or 26 (the sharp s: fußball): the words table held such a word beyond ASCII.
_NEWLY_ASCII = re.compile(f"{COMPATIBLE_CLASS}|{SHARP_S_CLASS}")
_BATCH = 200  # articles read at a time


def recount_words(conn: Connection) -> None:
    """Count again the words of prefix search that the fold of schema 21 may give otherwise:
    every word beyond ASCII goes, and each article holding text beyond ASCII counts its
    words again as ingest counts them (the word folded from what was written: a fold of the
    stored word would keep what the old fold lost, ألمانيا counted as مانيا). Its ASCII words
    stay as counted, but for those that only a letter of another width or shape (ｃａｆｅ) or
    a sharp s (fußball) makes ASCII now, when the article had them in no other spelling."""
    stale = [word for (word,) in conn.execute("SELECT word FROM words") if not word.isascii()]
    for start in range(0, len(stale), 500):
        chunk = stale[start : start + 500]
        conn.execute(f"DELETE FROM words WHERE word IN ({', '.join('?' * len(chunk))})", chunk)
    beyond = " OR ".join(_beyond_ascii(conn, column) for column in ("title", "text", "briefing"))
    last = 0
    while rows := conn.execute(
        "SELECT id, title, text, briefing FROM articles "
        f"WHERE id > ? AND ({beyond}) ORDER BY id LIMIT {_BATCH}",
        (last,),
    ).fetchall():
        counts: Counter[str] = Counter()
        for _, title, text, briefing in rows:
            counts.update(_recounted(vocabulary.typed_words(title, text, *json.loads(briefing))))
        vocabulary.add(conn, counts)
        last = rows[-1][0]


def _beyond_ascii(conn: Connection, column: str) -> str:
    """An SQL test of whether ``column`` holds a character beyond ASCII (one of 2+ bytes)."""
    if getattr(conn, "engine", None) == POSTGRESQL:  # (SQLite's may be a plain connection)
        return f"octet_length({column}) > length({column})"
    return f"length(CAST({column} AS BLOB)) > length({column})"


def _recounted(typed: set[str]) -> set[str]:
    """The folded words of one article that :func:`recount_words` counts (see there)."""
    beyond = {
        word: folded for word in typed if not word.isascii() if (folded := vocabulary.fold(word))
    }
    counted = {word.lower() for word in typed if word.isascii()} | {
        folded for word, folded in beyond.items() if _NEWLY_ASCII.search(word) is None
    }
    return {
        folded for word, folded in beyond.items() if not folded.isascii() or folded not in counted
    }


# Schema 24: half-width katakana (ｶﾀｶﾅ, which the fold makes katakana) is paired as katakana
# (see summaries.cjk): the character pairs of the articles holding some are made again.
_HALF_WIDTH_KANA = "[\uff66-\uff9f]"
KANA_PAIRED = "-- the pairs of half-width katakana (a data step)"


def pair_half_width_kana(conn: Connection) -> None:
    """Schema 24's data step, on both engines: ``search_terms`` made again for each article
    holding half-width katakana (the update indexes it again, as any edit does)."""
    if getattr(conn, "engine", None) == POSTGRESQL:
        holds = f"title ~ '{_HALF_WIDTH_KANA}' OR text ~ '{_HALF_WIDTH_KANA}'"
    else:
        holds = f"title GLOB '*{_HALF_WIDTH_KANA}*' OR text GLOB '*{_HALF_WIDTH_KANA}*'"
    rows = conn.execute(f"SELECT id, title, text FROM articles WHERE {holds}").fetchall()
    for article_id, title, text in rows:
        conn.execute(
            "UPDATE articles SET search_terms = ? WHERE id = ?",
            (search_terms(f"{title}\n{text}"), article_id),
        )


# Schema 26: the sharp s (ß, ẞ) is indexed as ss. FTS5 forgets an article's entries only
# when told the values it indexed, and those are the fold of 25 or, in a database upgraded
# from before 21 in the same step, already the fold of 26: so when an article holds a sharp
# s, the index is made again whole (as schema 21 made it), and otherwise left as it is.
SHARP_S = "-- the sharp s is indexed as ss (a data step)"


def reindex_sharp_s(conn: Connection) -> None:
    """Schema 26's data step on SQLite: the index made again if an article holds a sharp
    s; the words of prefix search holding one folded again."""
    holds = " OR ".join(  # (instr: GLOB with a class took 5 times as long)
        f"instr({column}, '{sharp}') > 0"
        for column in ("title", "briefing", "text")
        for sharp in SHARP_S_CLASS[1:-1]
    )
    if conn.execute(f"SELECT 1 FROM articles WHERE {holds} LIMIT 1").fetchone():
        for statement in statements(SQLITE_REINDEX):
            conn.execute(statement)
    refold_words(conn, SHARP_S_CLASS)
