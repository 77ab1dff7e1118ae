"""Search folds the article as it is written and with the letters written onto it, and one
text in its Unicode spellings: a word that opens with a hamza on its alef keeps its
letters (ألمانيا is not مانيا); كتاب finds والكتاب, بالكتاب, فالكتاب, للكتاب; a title
with its accents as separate marks, a full-width word and Arabic presentation forms find
and are found by the usual spelling; on both engines, and in a database indexed with the
fold of schema 20 once upgraded."""

from __future__ import annotations

import re
import unicodedata

import pytest

import summaries.store.articles as articles_module
import summaries.store.folding_schema as folding_schema
import summaries.store.postgres_folding as postgres_folding
import summaries.store.vocabulary as vocabulary_module
from summaries.cjk import UNSPACED_RUN, pairs, search_terms
from summaries.folding import GROUPS, Group
from summaries.ingest.prepare import fingerprints, for_store
from summaries.models import Article, SummaryOptions
from summaries.store import SCHEMA_VERSION, describe_query, open_store, vocabulary
from tests.summaries.test_search_folding import found, migrations_up_to, put, put_all

GERMANY = ("زيارة إلى ألمانيا", "وصل الوزير إلى ألمانيا أمس في زيارة رسمية.")
MANIA = ("مانيا كرة القدم", "انتشرت مانيا كرة القدم في المدينة هذا الصيف.")
ELECTRONIC = ("البريد الإلكتروني", "أطلقت الشركة خدمة إلكترونية جديدة للبريد.")


@pytest.fixture
def store(location):
    with open_store(location) as opened:
        yield opened


def decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_a_word_opening_with_a_hamza_on_its_alef_keeps_its_letters(store):
    """The article is ا then ل as written: أل opens ألمانيا itself, which is not مانيا."""
    germany, mania, electronic = put_all(store, [GERMANY, MANIA, ELECTRONIC])
    assert found(store, "ألمانيا") == [germany]
    assert found(store, "مانيا") == [mania]
    assert found(store, "إلكترونية") == [electronic]
    assert found(store, "كترونية") == []
    assert found(store, "بريد") == [electronic]  # the article itself still comes off
    with_marks = put(store, "في ألمانيا", decomposed("سافر الفريق إلى ألمانيا."))
    assert found(store, "ألمانيا") == sorted([germany, with_marks])  # أ as ا + U+0654 too


WRITTEN_ONTO = [
    ("الأدب والكتاب", "تحدث الناشر عن الأدب والكتاب في ندوة."),
    ("حفل ثقافي", "احتفلت المدينة بالكتاب في معرضها السنوي."),
    ("رأي", "فالكتاب يبقى صديق القارئ الأول."),
    ("جائزة جديدة", "منحت جائزة للكتاب الأول لكاتبة شابة."),
    ("مقال", "عامل القارئ الرواية كالكتاب المقدس."),
]


@pytest.mark.parametrize("query", ["كتاب", "الكتاب", "والكتاب", "للكتاب", "كتا"])
def test_the_article_is_taken_off_with_the_letters_written_onto_it(store, query):
    ids = put_all(store, WRITTEN_ONTO)
    assert found(store, query) == ids


def test_a_word_of_those_letters_or_with_a_short_rest_stays_whole(store):
    """Three letters or more must stay: والد (father) is not و + ال + د, بالله keeps its
    letters, and a word of the prefixes' letters alone (وال, a governor) is a word."""
    father, god, governor = put_all(
        store,
        [
            ("عائلة", "قال والد الطالب إن ابنه نجح."),
            ("دعاء", "قالوا بالله عليكم ساعدونا."),
            ("تعيين", "عين وال جديد للمدينة."),
        ],
    )
    assert found(store, "والد") == [father]
    assert found(store, "بالله") == [god]
    assert found(store, '"وال"') == [governor]
    assert found(store, "ابنه") == [father]


def test_a_title_with_separate_accents_and_one_without_find_each_other(store):
    """NFD and NFC are one text: polytonic Greek, Vietnamese and Arabic as well as Latin."""
    titles = ["Ἀθῆναι σήμερα", "Café du port", "Hội nghị ở Huế", "أخبار ألمانيا"]
    ids = {}
    for title in titles:
        ids[title] = (
            put(store, decomposed(title), f"{title} one."),
            put(store, title, f"{title} two."),
        )
    for title, pair in ids.items():
        word = title.split()[0] if "Hội" not in title else "Huế"
        for query in (word, decomposed(word)):
            assert found(store, f'"{query}"') == sorted(pair), (title, query)
            assert found(store, query) == sorted(pair), (title, query)
    assert found(store, "مانيا") == []


def test_letters_of_another_width_or_shape_are_those_letters(store):
    """Full-width Latin (as Japanese and Chinese text writes it), Arabic presentation forms
    (old PDFs) and ligatures of letters find the usual letters, and are found by them;
    other compatibility forms stay as written (™ does not glue TM onto its word)."""
    plain = put(store, "Cafe opens", "A new cafe opens by the harbour; its finance chief spoke.")
    wide = put(store, "ＩＭＦ の 見通し", "ＩＭＦ は ｃａｆｅ 事業 を 評価 した。")
    shaped = put(store, "ﻛﺘﺎﺏ ﺟﺪﻳﺪ", "ﺻﺪﺭ ﻛﺘﺎﺏ ﺟﺪﻳﺪ.")
    marked = put(store, "Harbour™ news", "The Harbour™ brand returns.")
    assert found(store, "ｃａｆｅ") == [plain, wide]
    assert found(store, "cafe") == [plain, wide]
    assert found(store, "imf") == [wide]
    assert found(store, "ﬁnance") == [plain]
    assert found(store, "كتاب جديد") == [shaped]
    assert found(store, "ﻛﺘﺎﺏ") == [shaped]
    assert found(store, "harbour") == sorted([plain, marked])
    assert found(store, "harbourtm") == []


# --- a database indexed with schema 20's fold -----------------------------------------------

_LETTER = (
    "[\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff]"
)
_OLD_ARTICLE = re.compile(f"(?<!{_LETTER})\u0627\u0644(?={_LETTER}{{3}})")
_OLD_POSTGRES_ARTICLE = f"(^|[^{_LETTER[1:-1]}])\u0627\u0644(?={_LETTER}{{3}})"
_OLD_GROUPS = (  # the Arabic letters and the hamza seats in one group, before the article
    # (and no sharp s: folded from schema 26)
    *GROUPS[:2],
    Group(*("".join(getattr(group, part) for group in GROUPS[2:4]) for part in Group._fields[:3])),
)
_OLD_REPLACED = {
    char: target
    for group in _OLD_GROUPS
    for char, target in [*zip(group.source, group.target, strict=True)]
    + [(mark, "") for mark in group.dropped]
}


def schema_20_fold(text: str) -> str:
    """The fold of schema 20: letters replaced (the hamza seats too), then the article."""
    return _OLD_ARTICLE.sub("", "".join(_OLD_REPLACED.get(char, char) for char in text))


OLD_ARTICLES = [GERMANY, MANIA, WRITTEN_ONTO[0], ("Le Cafe\u0301 du port", "Un nouveau bar.")]


def store_as_at_schema_20(location: str, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    with monkeypatch.context() as old:
        migrations_up_to(old, 20)
        old.setattr(folding_schema, "fold_text", schema_20_fold)
        old.setattr(vocabulary_module, "fold_text", schema_20_fold)
        old.setattr(postgres_folding, "GROUPS", _OLD_GROUPS)
        old.setattr(postgres_folding, "ARTICLE", _OLD_POSTGRES_ARTICLE)
        old.setattr(postgres_folding, "_NORMAL", "    NULL;")
        with open_store(location) as before:
            assert before.execute("SELECT max(version) FROM schema_version") == [(20,)]
            ids = put_all(before, OLD_ARTICLES)
            assert found(before, "مانيا") == ids[:2]  # the old fold made ألمانيا مانيا
            assert found(before, "كتاب") == []
    return ids


def test_a_database_at_schema_20_is_indexed_again(location, monkeypatch):
    germany, mania, book, cafe = store_as_at_schema_20(location, monkeypatch)
    with open_store(location) as store:
        assert store.execute("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
        assert found(store, "مانيا") == [mania]
        assert found(store, "ألمانيا") == [germany]
        assert found(store, "كتاب") == [book]
        assert found(store, "Café") == found(store, "cafe") == [cafe]
        # the words of prefix search, counted again from what was written
        completions = store._read(lambda c: vocabulary.completions(c, vocabulary.fold("ألمان")))
        assert completions == ["المانيا"]
        assert store.execute("SELECT docs FROM words WHERE word = ?", ("مانيا",)) == [(1,)]
        assert store.execute("SELECT docs FROM words WHERE word = ?", ("كتاب",)) == [(1,)]
        assert store.execute("SELECT docs FROM words WHERE word = ?", ("cafe",)) == [(1,)]
        assert found(store, "ألمان") == [germany]
        # the index takes new articles and changes as before
        new = put(store, "ألمانيا والكتاب", "معرض الكتاب في ألمانيا.")
        assert found(store, "ألمانيا") == [germany, new]
        assert found(store, "كتاب") == [book, new]


def test_a_title_is_stored_in_the_form_of_its_text():
    """Ingest makes the title NFC, as cleaning makes the text: the story of a title sent
    with separate accents is the story of the same title sent composed."""
    text = "Le Café du port rouvre ses portes. Les habitués du Café sont revenus ce matin."
    composed = for_store(Article(title="Le Café du port rouvre", text=text), SummaryOptions())
    apart = for_store(
        Article(title=decomposed("Le Café du port rouvre"), text=text), SummaryOptions()
    )
    assert apart.article.title == composed.article.title == "Le Café du port rouvre"
    assert apart.fingerprint == composed.fingerprint


def test_a_title_stored_with_separate_accents_is_grouped_as_its_text():
    """A title stored before ingest made titles NFC keeps its separate marks in the database:
    grouping reads it NFC too, so the story it told groups with the same title sent since."""
    text = "Le Café du port rouvre ses portes. Les habitués du Café sont revenus ce matin."
    new = for_store(Article(title="Le Café du port rouvre", text=text), SummaryOptions())
    stored = fingerprints([(decomposed("Le Café du port rouvre"), new.text, "french")], "en")
    assert stored == fingerprints([(new.article.title, new.text, "french")], "en")


KATAKANA = [
    ("ｶﾀｶﾅ の ﾆｭｰｽ", "ｶﾀｶﾅ で 書いた ﾃﾚﾋﾞ局 の 記事 です。"),  # half-width, as old systems write it
    ("カタカナ の ニュース", "カタカナ で 書いた テレビ局 の 記事 です。"),
]


@pytest.mark.parametrize("query", ["カタカナ", "ｶﾀｶﾅ", '"テレビ局"', '"ﾃﾚﾋﾞ局"', "レビ局", "ﾚﾋﾞ"])
def test_half_width_katakana_is_katakana(store, query):
    """A run of half-width katakana is found by the usual katakana and finds it, wherever it
    stands in a word (ﾋﾞ, two characters, is ビ), as a run of katakana is."""
    ids = put_all(store, KATAKANA)
    assert found(store, query) == ids


def test_a_database_at_schema_23_pairs_its_half_width_katakana(location, monkeypatch):
    """Stored before half-width katakana was paired, an article holding some is paired again
    by the upgrade (schema 24), and the others are left as they were."""
    with monkeypatch.context() as old:
        migrations_up_to(old, 23)
        old.setattr(articles_module, "search_terms", old_search_terms)
        with open_store(location) as before:
            half, full = put_all(before, KATAKANA)
            assert found(before, "カタカナ") == [full]
    with open_store(location) as store:
        assert store.execute("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
        assert found(store, "カタカナ") == found(store, '"ﾃﾚﾋﾞ局"') == [half, full]
        assert store.execute("SELECT search_terms FROM articles WHERE id = ?", (half,)) == [
            (search_terms(f"{KATAKANA[0][0]}\n{KATAKANA[0][1]}"),)
        ]


def old_search_terms(text: str) -> str:
    """The pairs before schema 24: runs of Han and of full-width kana only, as written."""
    return " ".join(" ".join(pairs(run)) for run in UNSPACED_RUN.findall(text))


@pytest.mark.parametrize("typed", ["ｶﾀｶﾅ", "カタカナ", "ﾋﾞ", "北京大学"])
def test_a_run_of_kana_or_han_is_shown_as_typed(typed):
    assert describe_query(typed) == typed
