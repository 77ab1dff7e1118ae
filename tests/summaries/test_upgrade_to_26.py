"""The upgrade to schema 26 (the sharp s indexed as ss), on SQLite and PostgreSQL: the
articles stored before it find and are found by ss, the words of prefix search holding a
ß are counted under ss, and what holds none is left as it was (PostgreSQL writes no other
row again; SQLite keeps its index when no article holds a sharp s)."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest

import summaries.store.folding_schema as folding_schema
import summaries.store.postgres_folding as postgres_folding
import summaries.store.vocabulary as vocabulary_module
from summaries.folding import GROUPS, fold_text
from summaries.store import SCHEMA_VERSION, open_store, vocabulary
from tests import postgres
from tests.summaries.test_search_folding import NOW, found, migrations_up_to, put_all

STREET = ("Die Hauptstraße ist gesperrt", "Die Hauptstraße bleibt bis Freitag gesperrt.")
SWISS = ("Hauptstrasse in Zürich gesperrt", "Die Hauptstrasse bleibt bis Freitag gesperrt.")
HARBOUR = ("Harbour strike ends", "The port of Brennport opens again.")
_KEPT = str.maketrans({"\u00df": "\ue000", "\u1e9e": "\ue001"})  # (private use: letters too)
_BACK = str.maketrans({"\ue000": "\u00df", "\ue001": "\u1e9e"})


def fold_25(text: str) -> str:
    """The fold of schema 25: the sharp s as written."""
    return fold_text(text.translate(_KEPT)).translate(_BACK)


def store_as_at_schema_25(
    location: str, monkeypatch: pytest.MonkeyPatch, articles, version: int = 25
) -> list[int]:
    """A database as the bot of schema ``version`` (25 or older) made it, the sharp s not
    folded, with ``articles`` stored through the store's API."""
    with monkeypatch.context() as old:
        migrations_up_to(old, version)
        old.setattr(folding_schema, "fold_text", fold_25)
        old.setattr(vocabulary_module, "fold_text", fold_25)
        old.setattr(postgres_folding, "GROUPS", GROUPS[:-1])
        with open_store(location) as before:
            assert before.execute("SELECT max(version) FROM schema_version") == [(version,)]
            ids = put_all(before, articles)
    return ids


def _raw(location: str, query: str) -> list:
    if location.startswith("postgresql"):
        with psycopg.connect(location) as conn:
            return conn.execute(query).fetchall()
    conn = sqlite3.connect(location)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def test_articles_stored_before_26_find_and_are_found_by_ss(location, monkeypatch):
    street, swiss, harbour = store_as_at_schema_25(location, monkeypatch, [STREET, SWISS, HARBOUR])
    words = "SELECT word, docs FROM words WHERE word LIKE 'hauptstra%' ORDER BY word"
    assert _raw(location, words) == [("hauptstrasse", 1), ("hauptstraße", 1)]
    if not location.startswith("postgresql"):  # (PostgreSQL's unaccent gave ss already)
        with monkeypatch.context() as old:
            migrations_up_to(old, 25)
            old.setattr(folding_schema, "fold_text", fold_25)
            with open_store(location) as before:
                # the query was folded, the index was not: only the Swiss spelling was found
                assert found(before, "Hauptstraße") == [swiss]
    with open_store(location) as store:
        assert store.execute("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
        for query in ("Hauptstraße", "HAUPTSTRASSE", "hauptstrasse", '"Hauptstraße"'):
            assert found(store, query) == [street, swiss], query
        assert found(store, "strike") == [harbour]
        # the words of prefix search: one, counted for both articles
        assert store.execute(words) == [("hauptstrasse", 2)]
        assert store._read(lambda c: vocabulary.completions(c, "hauptstr")) == ["hauptstrasse"]
        lead = store.search("Hauptstrasse", limit=1, now=NOW)[0].story.lead
        assert lead.title in (STREET[0], SWISS[0])  # shown as written
    if not location.startswith("postgresql"):
        assert (
            _raw(location, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
            == []
        )


def test_an_upgrade_to_26_writes_only_the_rows_holding_a_sharp_s_on_postgresql(monkeypatch):
    with postgres.schema() as url:
        swiss, harbour, street = store_as_at_schema_25(url, monkeypatch, [SWISS, HARBOUR, STREET])
        query = "SELECT id, xmin::text FROM articles ORDER BY id"
        before = dict(_raw(url, query))
        open_store(url).close()
        after = dict(_raw(url, query))
    assert after[swiss] == before[swiss] and after[harbour] == before[harbour]
    assert after[street] != before[street]  # written again: its search columns computed anew


def test_an_sqlite_database_without_sharp_s_keeps_its_index_through_26(tmp_path, monkeypatch):
    location = str(tmp_path / "briefing.db")
    store_as_at_schema_25(location, monkeypatch, [SWISS, HARBOUR])
    query = "SELECT id, block FROM articles_fts_data ORDER BY id"
    before = _raw(location, query)
    with open_store(location) as store:
        assert store.execute("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
    assert _raw(location, query) == before


FOOTBALL = ("Fußball heute", "Das Fußballspiel fällt aus.")


@pytest.mark.parametrize("version", [20, 25])
def test_prefix_search_finds_words_holding_a_sharp_s_after_an_upgrade_from(
    location, monkeypatch, version
):
    """From before 21, whose upgrade counts every word beyond ASCII again, as from 25:
    a word that the sharp s alone kept beyond ASCII is counted under ss."""
    (football,) = store_as_at_schema_25(location, monkeypatch, [FOOTBALL], version)
    with open_store(location) as store:
        assert store.execute(
            "SELECT word, docs FROM words WHERE word LIKE 'fu%' ORDER BY word"
        ) == [("fussball", 1), ("fussballspiel", 1)]
        assert found(store, "fussballsp*") == found(store, "Fußballsp*") == [football]
