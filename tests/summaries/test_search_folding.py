"""Search finds a word however a reader may type it: Greek without accents or in capitals,
Turkish ı and İ, Russian ё as е, Arabic without its vowel marks or tatweel, in Persian
letters, with or without its article; on both engines, as a word and as a prefix, in
articles stored before the index folded them (schema 18) as well. What is shown is the
text as written."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest

import summaries.store.postgres_schema as postgres_schema
import summaries.store.postgres_store as postgres_store
import summaries.store.schema as schema
import summaries.store.vocabulary as vocabulary_module
from summaries.folding import GROUPS, fold_text
from summaries.models import Article, Briefing
from summaries.store import SCHEMA_VERSION, Store, describe_query, open_store, vocabulary

NOW = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)

GREEK = [
    ("Ο Πειραιάς κλείνει", "Ο Πειραιάς έκλεισε λόγω απεργίας των λιμενεργατών."),
    ("ΑΠΕΡΓΙΑ ΣΤΟ ΛΙΜΑΝΙ", "ΤΟ ΛΙΜΑΝΙ ΤΟΥ ΠΕΙΡΑΙΑΣ ΕΚΛΕΙΣΕ ΣΗΜΕΡΑ."),
]
TURKISH = [
    ("Işık festivali", "Işık festivali İstanbul'da başladı."),
    ("Gece gösterisi", "Sahilde ışık gösterisi istanbul halkını topladı."),
    ("DUYURU", "IŞIK GÖSTERİSİ YARIN."),
]
RUSSIAN = [
    ("Новогодняя ёлка", "На площади поставили ёлку и большую ёлка-горку."),
    ("ЕЛКА В ЦЕНТРЕ", "ГЛАВНАЯ ЕЛКА ГОРОДА ЗАЖГЛАСЬ."),
]
ARABIC = [
    ("افتتاح معرض الكتاب", "افتتحت المكتبة الوطنية معرض الكتاب الدولي في المدينة."),
    ("كِتَابٌ جَدِيدٌ", "صدر كتـــاب جديد عن تاريخ مستشفى المدينة القديم."),
    ("کتاب تازه در تهران", "یک کتاب تازه درباره تاریخ کتابخانه ملی منتشر شد."),
]


@pytest.fixture
def store(location):
    with open_store(location) as opened:
        yield opened


def put(store: Store, title: str, text: str, *, hours_old: float = 1.0, briefing: str = "") -> int:
    """Store an article through the store's own API; its briefing is ``briefing``, else
    its text."""
    stored, status = store.upsert_article(
        Article(
            title=title,
            text=text,
            url=f"https://news.example/{hashlib.sha256(text.encode()).hexdigest()[:12]}",
            source="Harbour News",
            published=NOW - timedelta(hours=hours_old),
        ),
        Briefing((briefing or text,), method="lead"),
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        now=NOW,
    )
    assert status == "new"
    return stored.id


def put_all(store: Store, articles: list[tuple[str, str]]) -> list[int]:
    return [put(store, title, text) for title, text in articles]


def found(store: Store, query: str) -> list[int]:
    return sorted(hit.story.lead.id for hit in store.search(query, limit=10, now=NOW))


@pytest.mark.parametrize(
    "query", ["Πειραιάς", "ΠΕΙΡΑΙΑΣ", "πειραιας", "Πειραιασ", "ΠΕΙΡΑΙ", "πειραιά*"]
)
def test_greek_is_found_with_or_without_accents_in_any_case(store, query):
    ids = put_all(store, GREEK)
    assert found(store, query) == ids


@pytest.mark.parametrize("query", ["ışık", "Işık", "IŞIK", "isik", "ışı", "IŞI*"])
def test_turkish_dotless_and_dotted_i_are_one_letter(store, query):
    ids = put_all(store, TURKISH)
    assert found(store, query) == ids
    assert found(store, "İstanbul") == found(store, "istanbul") == ids[:2]


@pytest.mark.parametrize("query", ["ёлка", "елка", "ЁЛКА", "Елка", "ёлк*"])
def test_russian_yo_is_found_as_ye(store, query):
    ids = put_all(store, RUSSIAN)
    assert found(store, query) == ids


@pytest.mark.parametrize(
    "query",
    [
        "كتاب",  # the bare word
        "الكتاب",  # with its article
        "كِتَاب",  # with vowel marks
        "كتـاب",  # stretched with a tatweel
        "کتاب",  # in Persian letters
        "كتا",  # a prefix
        "الكتا*",  # a prefix with the article and three letters after it
    ],
)
def test_arabic_and_persian_are_found_however_written(store, query):
    ids = put_all(store, ARABIC)
    assert found(store, query) == ids


def test_arabic_letters_written_in_each_others_place_are_one(store):
    ids = put_all(store, ARABIC)
    assert found(store, "المكتبه") == [ids[0]]  # ه for ة
    assert found(store, "مستشفي") == [ids[1]]  # ي for ى
    assert found(store, "كتابخانه ملي") == [ids[2]]  # Arabic letters for Persian ک and ی
    assert found(store, "الوطنيه") == found(store, "وطنية") == [ids[0]]


def test_phrases_are_found_folded(store):
    ids = put_all(store, GREEK + ARABIC)
    assert found(store, '"λιμάνι του Πειραιάς"') == [ids[1]]
    assert found(store, '"معرض كتاب"') == [ids[2]]


def test_a_folded_match_in_the_title_ranks_as_a_title_match(store):
    """Ranking counts the matches in each candidate's title: the folded title must be
    what is counted (SQLite's highlight() reads the folded view)."""
    titled = put(store, "ΠΕΙΡΑΙΑΣ", "Απεργία των λιμενεργατών.", hours_old=30)
    put(store, "Απεργία", "Οι εργαζόμενοι μίλησαν για τον Πειραιά και τον Πειραιάς.")
    hits = store.search("Πειραιάς", limit=5, now=NOW)
    assert [hit.story.lead.id for hit in hits][0] == titled


def test_what_is_shown_is_the_text_as_written(store):
    put_all(store, ARABIC)
    (hit,) = store.search("كتاب جديد", limit=5, now=NOW)
    assert hit.story.lead.title == "كِتَابٌ جَدِيدٌ"
    assert hit.story.lead.text == ARABIC[1][1]
    assert hit.story.lead.briefing == (ARABIC[1][1],)


def test_prefix_completions_are_the_folded_words(store):
    put_all(store, GREEK + ARABIC)
    words = store._read(lambda c: vocabulary.completions(c, vocabulary.fold("ΠΕΙΡ")))
    assert words == ["πειραιασ"]
    assert "كتاب" in store._read(lambda c: vocabulary.completions(c, vocabulary.fold("كتا")))


# Letters of each script to write a folded character between, as inside a word.
EDGES = {"GREEK": ("κκ", "μμ"), "LATIN": ("kk", "mm"), "CYRILLIC": ("кк", "мм")}
ARABIC_EDGES = ("بب", "تت")


def every_fold() -> list[tuple[str, str]]:
    """(a word holding a character that folds, the word folded) for every such character."""
    pairs = []
    for group in GROUPS:
        folds = [*zip(group.source, group.target, strict=True)]
        for source, target in folds + [(mark, "") for mark in group.dropped]:
            before, after = EDGES.get(unicodedata.name(source).split()[0], ARABIC_EDGES)
            pairs.append((f"{before}{source}{after}", f"{before}{target}{after}"))
    return pairs


def test_every_folded_character_is_found_typed_either_way(store):
    """Each engine folds each character as fold_text does (PostgreSQL: with its unaccent)."""
    written = every_fold()
    put(store, "Folds", " ".join(word for word, _ in written) + " ккймм")
    for word, folded in written:
        assert found(store, f'"{folded}"'), (word, folded)
        assert found(store, f'"{word}"'), (word, folded)
    assert found(store, '"ккимм"') == []  # й is not и: of Cyrillic, only ё is folded


# --- a database from before the index folded (schema 18) -------------------------------------

EVERY_SCRIPT = GREEK + TURKISH + RUSSIAN + ARABIC


def migrations_up_to(patch: pytest.MonkeyPatch, version: int) -> None:
    """Make both engines' stores migrate up to ``version`` only, for the rest of ``patch``."""
    patch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:version])
    patch.setattr(postgres_store, "SCHEMA_VERSION", version)
    patch.setattr(
        postgres_schema,
        "MIGRATIONS",
        postgres_schema.MIGRATIONS[: version - postgres_schema.BASELINE],
    )


def store_as_at_schema_18(location: str, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A database made and written by the bot as it was at schema 18: its migrations, and
    its words folded without ``fold_text``; the articles stored through the store's API."""
    with monkeypatch.context() as old:
        migrations_up_to(old, 18)
        old.setattr(vocabulary_module, "fold_text", lambda text: text)
        with open_store(location) as before:
            assert before.execute("SELECT max(version) FROM schema_version") == [(18,)]
            ids = put_all(before, EVERY_SCRIPT)
            assert found(before, "ΠΕΙΡΑΙΑΣ") != ids[:2]  # the old index did not fold
            assert "πειραιάς" in before._read(lambda c: vocabulary.completions(c, "πει"))
    return ids


@pytest.mark.parametrize(
    ("query", "which"),
    [
        ("ΠΕΙΡΑΙΑΣ", slice(0, 2)),
        ("Πειραι", slice(0, 2)),
        ("ışık", slice(2, 5)),
        ("елка", slice(5, 7)),
        ("کتاب", slice(7, 10)),
        ("كتا", slice(7, 10)),
    ],
)
def test_an_upgraded_database_finds_its_old_articles_folded(location, monkeypatch, query, which):
    ids = store_as_at_schema_18(location, monkeypatch)
    with open_store(location) as store:
        assert store.execute("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
        assert found(store, query) == ids[which]
        lead = store.search(query, limit=1, now=NOW)[0].story.lead
        assert (lead.title, lead.text) in EVERY_SCRIPT  # as written


def test_an_upgraded_database_completes_prefixes_with_folded_words(location, monkeypatch):
    store_as_at_schema_18(location, monkeypatch)
    with open_store(location) as store:
        words = [word for (word,) in store.execute("SELECT word FROM words")]
        assert all(fold_text(word) == word for word in words)
        assert store._read(lambda c: vocabulary.completions(c, "πει")) == ["πειραιασ"]
        # a word whose spellings were counted apart is counted once with both
        assert store.execute("SELECT docs FROM words WHERE word = ?", ("πειραιασ",)) == [(2,)]
        put(store, "Νέα απεργία", "Ο Πειραιάς ξανά κλειστός.")  # the upgraded index is written
        assert len(found(store, "ΠΕΙΡΑΙΑΣ")) == 3


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("ΠΕΙΡΑΙΑΣ", "πειραιας*"),  # a final ς, as a Greek reader writes it
        ("Πειραιάς ΠΕΙΡΑΙΑΣ", "πειραιάς*"),  # one word, searched for once
        ("ёлка", "ёлка*"),
        ("الكتاب", "الكتاب*"),  # with its article and marks, as typed
        ("كِتَاب", "كِتَاب*"),
        ("ёлк*", "ёлк*"),
        ("ışık", "ısık*"),  # without Latin accents (ş), as before
        ('"Πειραιάς"', "πειραιάς"),  # a quoted word, matched as a word
        ('"ΠΕΙΡΑΙΑΣ"', "πειραιας"),
        ('"الكتاب"', "الكتاب"),
        ('"ışık"', "ısık"),
        ('"λιμάνι του Πειραιάς"', '"λιμάνι του πειραιάς"'),  # a phrase
        ('"معرض الكتاب"', '"معرض الكتاب"'),
    ],
)
def test_a_reply_shows_the_words_searched_for_as_typed(store, query, shown):
    """The bot echoes what it searched for: the words as the reader wrote them (in lower
    case), not their folded forms ("πειραιασ", "isik", "كتاب"), which it still finds."""
    ids = put_all(store, GREEK + TURKISH + RUSSIAN + ARABIC)
    assert describe_query(query) == shown
    assert found(store, query)
    assert set(found(store, query)) <= set(ids)


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("ışık.2", '"ısık.2"'),  # words joined by a dot
        ('"ışık.2 festivali"', '"ısık.2 festivali"'),
        ('"北京大学 news"', '"北京大学 news"'),  # not the pairs it is found by
        ('"ـــ كتاب"', "كتاب"),  # a run of tatweels is no word
    ],
)
def test_a_reply_shows_phrases_and_joined_words_as_typed(query, shown):
    assert describe_query(query) == shown


def test_a_line_of_tatweels_is_no_word(store):
    """Arabic pages draw lines with the tatweel ("ـــــ"), which folding drops: the prefix
    vocabulary gets no empty word from them."""
    put(store, "كتاب جديد", "ـــــــــــ\nصدر كتاب جديد.\nـــــ")
    assert store.execute("SELECT count(*) FROM words WHERE word = ''") == [(0,)]
    assert found(store, "كتاب")
