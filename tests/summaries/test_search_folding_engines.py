"""The fold on each engine: PostgreSQL's SQL function gives what Python's fold_text gives
(the index holds what a query is read as), SQLite's search does not fold each candidate's
whole body, and a database at schema 19 upgrades to both."""

from __future__ import annotations

import random

import summaries.store.postgres_folding as postgres_folding
from summaries.folding import COMPATIBLE, GROUPS, SQL_FUNCTION, fold_text
from summaries.store import SCHEMA_VERSION, open_store
from summaries.store.search import CANDIDATES, parse_query
from summaries.store.sqlite_dialect import fts_candidates
from tests import postgres
from tests.summaries.test_search_folding import NOW, migrations_up_to, put

# Every character that folds, what it folds to, and what stands around them in a text:
# letters of each script, the article and the letters written onto it, digits, dots and
# spaces (a dot between a word and a digit makes PostgreSQL's parser read one token,
# "ışık.2", that it gives no unaccent); accents and hamzas as separate marks, and every
# twentieth letter of another width or shape.
ALPHABET = (
    "".join(group.source + "".join(group.target) + group.dropped for group in GROUPS)
    + "الكتبمنهيوسفΣσςΑαΕεIiёЁеЕabcé .,-'\u200c0123"
    + "\u0301\u0308\u0653\u0654\u0655ｶﾞ"
    + "".join(sorted(COMPATIBLE)[::20])
)


def random_texts(count: int) -> list[str]:
    rng = random.Random(19)
    texts = ["".join(rng.choices(ALPHABET, k=rng.randint(1, 30))) for _ in range(count)]
    articles = ["ال", "الك", "الكت", "الكتاب", "الله", "والكتاب", "Aالكتاب", "بالكتاب"]
    articles += ["فالكتاب", "كالكتاب", "للكتاب", "لله", "وال", "ألمانيا", "إلكتروني", "آلام"]
    articles += ["ا\u0654لمانيا", "ٱلكتاب", "والأمم", "ﻻ", "ﷺ", "ｃａｆｅ", "ﬁ"]
    texts += [" ".join(rng.choices(articles, k=4)) for _ in range(count // 10)]
    return texts


def test_postgres_fold_is_fold_text_for_every_character_it_touches():
    with postgres.schema() as url, open_store(url) as store:
        texts = random_texts(20_000)
        folded = [fold_text(text) for text in texts]
        rows = store._read(
            lambda c: c.execute(
                f"SELECT x, {SQL_FUNCTION}(x), "
                f"to_tsvector('briefing', {SQL_FUNCTION}(x)) = to_tsvector('briefing', y) "
                "FROM unnest(?::text[], ?::text[]) AS p(x, y)",
                (texts, folded),
            ).fetchall()
        )
    by_text = dict(zip(texts, folded, strict=True))
    assert [(x, f) for x, f, _ in rows if f != by_text[x]] == []
    assert [x for x, _, same in rows if not same] == []  # the index reads what a query does


ARABIC_SENTENCE = (
    "ذهب الطالبُ إلى المدرسةِ صباحاً وقرأ الكتابَ في المكتبةِ الوطنيةِ، وقال المسؤولون "
    "إنّ الحكومةَ ستفتحُ مستشفىً جديداً. "
)


def test_sqlite_search_of_long_articles_ranks_every_candidate(tmp_path):
    """Each candidate's matches are counted from its title and briefing: the search does not
    fold each candidate's whole body too, which took the CPU budget of a search among long
    Arabic articles before a quarter of its candidates were read."""
    body = ARABIC_SENTENCE * 75  # ~9,000 characters, a long read
    with open_store(tmp_path / "briefing.db") as store:
        for index in range(CANDIDATES + 10):
            put(store, "افتتاح معرض الكتاب", f"{body}{index}", briefing="صدر كتاب جديد.")
        match = store._read(parse_query("كتاب").expanded)
        rows, whole = store._read(lambda c: fts_candidates(c, match, CANDIDATES))
        assert (len(rows), whole) == (CANDIDATES, True)
        assert all(title.count("\x01") == 1 for _, title, _ in rows)  # the title's match
        assert store.search("المستشفى", limit=5, now=NOW)  # a word of the body alone


# --- a database at schema 19 ------------------------------------------------------------

GREEK = ("Ο Πειραιάς κλείνει", "Ο Πειραιάς έκλεισε λόγω απεργίας.", "Ο Πειραιάς έκλεισε.")
ARABIC = ("افتتاح معرض الكتاب", ARABIC_SENTENCE, ARABIC_SENTENCE)


def test_a_database_at_schema_19_is_upgraded(location, monkeypatch):
    with monkeypatch.context() as old:
        migrations_up_to(old, 19)
        # schema 19's fold on PostgreSQL: the Arabic script only (unaccent did the rest)
        old.setattr(postgres_folding, "GROUPS", GROUPS[2:4])
        with open_store(location) as before:
            assert before.execute("SELECT max(version) FROM schema_version") == [(19,)]
            ids = [put(before, title, text, briefing=line) for title, text, line in (GREEK, ARABIC)]
    with open_store(location) as store:
        assert store.execute("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
        for query in ("Πειραιασ", "ΠΕΙΡΑΙΑΣ", "πειραια*"):  # σ written for a final ς
            assert [hit.story.lead.id for hit in store.search(query, limit=5, now=NOW)] == [
                ids[0]
            ], query
        for query in ("كتاب", "المستشفي", "مدرسه"):  # a title's word, two of the body's
            assert [hit.story.lead.id for hit in store.search(query, limit=5, now=NOW)] == [
                ids[1]
            ], query
        new = put(store, "Ο Πειραιάς", "Ο Πειραιάς ξανά κλειστός.", briefing="Ο Πειραιάς.")
        assert {hit.story.lead.id for hit in store.search("ΠΕΙΡΑΙΑΣ", limit=5, now=NOW)} == {
            ids[0],
            new,
        }
