"""The upgrade to schema 21 (the fold of this version, see folding_schema): stopped at the
end of its last step it leaves the database as it was (index, fold, words), on both
engines; on PostgreSQL it rewrites only the rows holding a character beyond ASCII."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest

import summaries.store.folding_schema as folding_schema
import summaries.store.schema as schema
from summaries.store import SCHEMA_VERSION, open_store
from summaries.store.schema import Migration
from tests import postgres
from tests.summaries.test_search_folding import found, migrations_up_to, put_all
from tests.summaries.test_search_folding_forms import store_as_at_schema_20

ASCII = [("Harbour strike ends", "The port of Brennport opens again."), ("Cafe news", "A cafe.")]
# Beyond ASCII, but with nothing the fold changes: most English news (curly quotes, dashes,
# pound signs, Latin accents written composed)...
UNFOLDED = [("Brennport’s harbour — reopened", "“We are back,” said the café’s owner, £5 a cup.")]
# ...and what it changes since schema 21: accents written as separate marks.
APART = [("Le Cafe\u0301 du port", "Le Cafe\u0301 du port rouvre.")]


class Stopped(Exception):
    """The upgrade stopped from outside, once its last step had done its work."""


def _raw_state(location: str) -> tuple[list, ...]:
    """What the upgrade to 21 changes, read without opening (and so upgrading) the store:
    the version, the words of prefix search, and the index (SQLite: FTS5's segments;
    PostgreSQL: each row's search column and version, and the fold's code)."""
    queries = ["SELECT version FROM schema_version", "SELECT word, docs FROM words ORDER BY word"]
    if location.startswith("postgresql"):
        queries += [
            "SELECT id, search_vector::text, xmin::text FROM articles ORDER BY id",
            "SELECT prosrc FROM pg_proc WHERE proname = 'briefing_fold' "
            "AND pronamespace = current_schema()::regnamespace",
        ]
        with psycopg.connect(location) as conn:
            return tuple(conn.execute(query).fetchall() for query in queries)
    queries.append("SELECT id, block FROM articles_fts_data ORDER BY id")
    conn = sqlite3.connect(location)
    try:
        return tuple(conn.execute(query).fetchall() for query in queries)
    finally:
        conn.close()


def test_an_upgrade_to_21_stopped_at_its_end_leaves_the_database_as_it_was(location, monkeypatch):
    germany, mania, book, _ = store_as_at_schema_20(location, monkeypatch)
    before = _raw_state(location)
    assert before[0] == [(20,)]

    def stopping(conn) -> None:
        recount(conn)
        raise Stopped

    recount = folding_schema.recount_words
    with monkeypatch.context() as patch:
        patch.setattr(folding_schema, "recount_words", stopping)  # PostgreSQL's step calls it
        last = Migration(folding_schema.SQLITE_REINDEX, stopping)
        patch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS[:20], last])
        with pytest.raises(Stopped):
            open_store(location)
    assert _raw_state(location) == before
    with open_store(location) as store:  # and the next start upgrades it
        assert store.execute("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
        assert found(store, "مانيا") == [mania]
        assert found(store, "ألمانيا") == [germany]
        assert found(store, "كتاب") == [book]
    assert _raw_state(location) != before


def test_an_upgrade_to_21_leaves_the_rows_it_folds_as_before_alone_on_postgresql(monkeypatch):
    """The fold of 21 leaves ASCII as it is, and any text without a character it folds and
    written NFC (most English news, beyond ASCII by a curly quote): such a row is indexed as
    before, and not written again (each write computes its search columns and index anew)."""
    with postgres.schema() as url:
        germany, mania, book, cafe = store_as_at_schema_20(url, monkeypatch)
        with monkeypatch.context() as old:
            migrations_up_to(old, 20)
            with open_store(url) as at_20:
                harbour, cafe_news, curly, apart = put_all(at_20, ASCII + UNFOLDED + APART)
        rows = dict((row[0], row[1:]) for row in _raw_state(url)[2])
        with open_store(url) as store:
            assert found(store, "strike") == [harbour]
            assert found(store, "owner") == [curly]
        after = dict((row[0], row[1:]) for row in _raw_state(url)[2])
    for untouched in (harbour, cafe_news, curly):
        assert after[untouched] == rows[untouched]
    for beyond in (germany, mania, book, cafe, apart):
        assert after[beyond][1] != rows[beyond][1]  # written again (xmin)
    assert after[germany][0] != rows[germany][0]  # ألمانيا is no longer indexed as مانيا
