"""Articles in languages sumy has no stemmer for, whatever their script: Georgian's and
Amharic's own, Persian's Arabic letters, Turkish's and Indonesian's Latin ones. The
detector names each with confidence: the article is stored under its own language, not
the configured one (English), and briefed on its words as written, without another
language's stemmer and stop words."""

from __future__ import annotations

import pytest

from summaries.cli import EXIT_OK
from summaries.detection import detect_language
from summaries.language import declared_language, language_tools
from summaries.models import Article, SummaryOptions
from summaries.summarize import article_texts, summarize
from tests.fakes.feed_server import FeedServer, rss
from tests.test_ingest import briefing, stored, write_config

TURKISH = [
    "Brennport limanı siber saldırı nedeniyle kapandı.",
    "Liman yönetimi, bilgisayar sistemlerinin fidye yazılımıyla kilitlendiğini açıkladı.",
    "Gemiler açıkta bekliyor ve yükler teslim edilemiyor.",
    "Uzmanlar sistemlerin birkaç gün içinde yeniden çalışacağını söyledi.",
]
GEORGIAN = [
    "ბრენპორტის პორტი კიბერშეტევის გამო დაიხურა.",
    "პორტის ადმინისტრაციამ განაცხადა, რომ კომპიუტერული სისტემები გამომძალველმა პროგრამამ დაბლოკა.",
    "გემები ზღვაში ელოდებიან და ტვირთი ვერ მიიტანეს.",
]
AMHARIC = [
    "የብሬንፖርት ወደብ በሳይበር ጥቃት ምክንያት ተዘግቷል።",
    "የወደቡ አስተዳደር የኮምፒውተር ስርዓቶች በቤዛ ሶፍትዌር መቆለፋቸውን አስታውቋል።",
    "መርከቦች በባሕር ላይ እየጠበቁ ናቸው።",
]
PERSIAN = [
    "بندر برنپورت به دلیل حمله سایبری بسته شد.",
    "مدیریت بندر اعلام کرد که سیستم‌های رایانه‌ای با باج‌افزار قفل شده‌اند.",
    "کشتی‌ها در دریا منتظر هستند.",
]
INDONESIAN = [
    "Pelabuhan Brennport ditutup karena serangan siber.",
    "Pengelola pelabuhan mengatakan sistem komputer dikunci oleh perangkat lunak tebusan.",
    "Kapal-kapal menunggu di laut dan muatan tidak dapat dikirim.",
]


@pytest.mark.parametrize(
    ("sentences", "language", "code"),
    [
        (TURKISH, "turkish", "tr"),
        (GEORGIAN, "georgian", "ka"),
        (AMHARIC, "amharic", "am"),
        (PERSIAN, "persian", "fa"),
        (INDONESIAN, "indonesian", "id"),
    ],
)
def test_an_article_in_a_language_without_a_stemmer_is_read_in_its_own(sentences, language, code):
    text = " ".join(sentences)
    assert detect_language(text) == language
    article = Article("", text)
    assert article_texts(article)[2] == language
    briefing_ = summarize(article, SummaryOptions(sentences=1, max_chars=1000))
    assert len(briefing_.sentences) == 1 and briefing_.sentences[0] in sentences
    tools = language_tools(language)
    assert tools.stop_words == frozenset()  # not English's "on", "da" or "bir"
    assert tools.stem("Kapandı") == "kapandı"  # as written, not cut by another's rules
    assert declared_language(code) == language  # a source may declare it too


def test_a_turkish_feed_is_stored_as_turkish_not_as_the_configured_language(tmp_path):
    with FeedServer() as server:
        html = "".join(f"<p>{sentence}</p>" for sentence in TURKISH)
        body = rss("Brennport Haber", [("Brennport limanı kapandı", "/tr/1", html)])
        server.route("/tr.xml", body, "application/rss+xml")
        config = write_config(tmp_path)
        assert briefing(config, "sources", "add", server.url("/tr.xml"), "--kind", "feed")[0] == 0
        code, out = briefing(config, "ingest")
    assert code == EXIT_OK, out
    with stored(config) as store:
        (article,) = store.recent_articles(since=_ever())
    assert article.language == "turkish"
    assert article.briefing and set(article.briefing) <= set(TURKISH), article.briefing


def _ever():
    from datetime import UTC, datetime

    return datetime(2000, 1, 1, tzinfo=UTC)
