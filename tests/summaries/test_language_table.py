"""One paragraph of news in each of many languages (tests/news_paragraphs.py): the
detector names each, the article is stored under that name and read with its tools (its
words as written where sumy has no stemmer), each of its sentences ends where its language
ends one, and a briefing of three whole sentences comes out."""

from __future__ import annotations

import pytest

from summaries.cli import EXIT_OK
from summaries.detection import detect_language
from summaries.language import AS_WRITTEN, language_tools
from summaries.models import Article, SummaryOptions
from summaries.sentences import split_sentences
from summaries.summarize import article_texts, summarize
from tests.fakes.feed_server import FeedServer, rss
from tests.news_paragraphs import PARAGRAPHS
from tests.summaries.test_languages_as_written import _ever
from tests.test_ingest import briefing, stored, write_config


@pytest.mark.parametrize("language", sorted(PARAGRAPHS))
def test_a_paragraph_in_each_language_is_named_split_and_briefed(language):
    sentences = PARAGRAPHS[language]
    text = " ".join(sentences)
    assert detect_language(text) == language
    assert split_sentences(text, language) == list(sentences)
    article = Article("", text)
    _, kept, read_in = article_texts(article)
    assert read_in == language
    assert all(sentence in kept for sentence in sentences)
    brief = summarize(article, SummaryOptions(sentences=3, max_chars=2000))
    assert len(brief.sentences) == 3 and set(brief.sentences) <= set(sentences)
    tools = language_tools(language)
    assert tools.name == language
    if language in AS_WRITTEN.values():  # no stemmer: words as written, no stop words
        word = sentences[0].split()[0]
        assert tools.stem(word) == word.lower() and tools.stop_words == frozenset()


@pytest.mark.parametrize("mark", ["‘", "'", "’", "`", "ʻ"])
def test_uzbek_is_told_whatever_apostrophe_writes_its_letters(mark):
    """Uzbek's Latin oʻ and gʻ are typed with any apostrophe at hand; the detector knows
    them only as the alphabet writes them (U+02BB): unsure of the paragraph (uz 0.32-0.47)
    or taking a short text for Turkish (tr 0.32) otherwise. The text itself is stored as
    it is written."""
    paragraph = " ".join(PARAGRAPHS["uzbek"]).replace("‘", mark)
    short = "Toshkent shahrida yangi metro bekati foydalanishga topshirildi. Yangi bekat "
    short += "kuniga 20 mingdan ortiq yo‘lovchiga xizmat ko‘rsatadi, deyiladi xabarda."
    assert detect_language(paragraph) == "uzbek"
    assert detect_language(short.replace("‘", mark)) == "uzbek"
    assert article_texts(Article("", paragraph))[:2] == (paragraph, paragraph)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Hong Kong's leader met Beijing's envoy as Xi Jinping's plan for Chicago's and "
            "San Diego's firms drew Togo's and Morocco's praise on Monday.",
            "english",
        ),
        (
            "O'Brien and O'Connor said on Monday that Chicago's budget would grow, as "
            "Ontario's and Mexico's leaders backed the deal.",
            "english",
        ),
        (
            "Bekijk alle foto's: de video's tonen hoe de auto's in brand vlogen bij de "
            "garage in Utrecht.",
            "dutch",
        ),
    ],
)
def test_a_possessive_or_a_plural_after_o_or_g_is_no_uzbek_letter(text, language):
    """"Kong's", "Chicago's", "foto's" and "O'Brien" keep their apostrophe for the
    detector: an English text full of them is not Uzbek, a Dutch one not unsure."""
    assert detect_language(text) == language


def test_slovenian_and_malay_feeds_are_stored_under_their_own_languages(tmp_path):
    with FeedServer() as server:
        for language in ("slovenian", "malay"):
            html = "".join(f"<p>{sentence}</p>" for sentence in PARAGRAPHS[language])
            body = rss("Novice", [(PARAGRAPHS[language][-1], f"/{language}/1", html)])
            server.route(f"/{language}.xml", body, "application/rss+xml")
        config = write_config(tmp_path)
        for language in ("slovenian", "malay"):
            url = server.url(f"/{language}.xml")
            assert briefing(config, "sources", "add", url, "--kind", "feed")[0] == 0
        code, out = briefing(config, "ingest")
    assert code == EXIT_OK, out
    with stored(config) as store:
        articles = store.recent_articles(since=_ever())
    assert sorted(article.language for article in articles) == ["malay", "slovenian"]
    for article in articles:
        assert article.briefing and set(article.briefing) <= set(PARAGRAPHS[article.language])


@pytest.mark.parametrize("language", ["hindi", "bengali", "armenian", "burmese", "amharic"])
def test_a_script_full_stop_ends_a_sentence_without_a_space_after_it(language):
    """The danda, Armenian's, Burmese's and Ethiopic's full stops never stand inside a word:
    one glued to the next sentence's first word ("አጽድቋል።የ") ends a sentence all the same."""
    sentences = PARAGRAPHS[language]
    glued = "".join(sentences)
    assert split_sentences(glued, language) == list(sentences)
