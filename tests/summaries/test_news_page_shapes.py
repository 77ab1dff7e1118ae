"""Shapes of news pages the other page tests do not cover (tests/data/pages), in ten
languages: a story only in the JSON-LD of a script's app shell (as text or as HTML), or
in a ``<noscript>`` or ``<template>``; an AMP story with its consent box and carousel; a
teaser cut by a paywall's offer; live blogs, newest first, on the page or only in the
JSON-LD; galleries of captions; a video's transcript with its time codes; a story with
numbered notes, comments, "most read" lists, teasers between its paragraphs, an embed's
stand-in asking leave to load it and its author's box; pages whose charset is declared
wrongly or only by the HTTP header; Arabic with Latin figures and names; Japanese with
ruby readings. What is stored is the story, and a briefing quotes its sentences, never
the furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from summaries import SummaryOptions
from summaries.sources import article_from_page
from summaries.summarize import article_texts, summarize_text

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
URL = "https://news.example.com/2024/05/02/story"
LEADLESS = "gallery_nl.html without its lead"
PLAIN_OFFER = "paywall_teaser_it.html, its offer in a box of no platform's name"

# page: (its language, words the story holds, words that are not the story's)
SHAPES: dict[str, tuple[str, list[str], list[str]]] = {
    "appshell_ld_de.html": (
        "german",
        ["Nachtzugverbindungen von Köln nach Paris und Wien ein", "20 Millionen Euro"],
        ["JavaScript", "geladen", "Startseite"],
    ),
    "ldbody_markup_nl.html": (
        "dutch",
        ["betaald parkeren invoeren", "een verkapte belastingverhoging"],
        ["<p>", "</p>", "JavaScript", "Laden"],
    ),
    "noscript_fr.html": (
        "french",
        ["un TGV sur deux circulera", "reprendre le dialogue au plus vite"],
        ["S'abonner", "Mentions légales", "Tous droits réservés"],
    ),
    "template_es.html": (
        "spanish",
        ["limitará la subida de los alquileres", "antes del verano"],
        ["Política de cookies", "Aviso legal", "Deportes"],
    ),
    "amp_pt.html": (
        "portuguese",
        ["chegou a 1,12 metro", "proibiu queimadas controladas"],
        ["Utilizamos cookies", "Aceitar", "Publicidade", "Leia também", "Foto:"],
    ),
    "paywall_teaser_it.html": (
        "italian",
        ["pagherà 10 euro", "1,2 milioni di euro e registrato oltre 240.000 paganti"],
        [
            "Continua a leggere",
            "riservato agli abbonati",
            "Abbonati",
            "al mese",
            "I più letti",
        ],
    ),
    PLAIN_OFFER: (  # its label and its call to subscribe tell the offer
        "italian",
        ["pagherà 10 euro", "1,2 milioni di euro e registrato oltre 240.000 paganti"],
        ["Continua a leggere", "riservato agli abbonati", "Abbonati"],
    ),
    "liveblog_es.html": (
        "spanish",
        [
            "ha decretado tres días de duelo nacional",
            "eleva a 12 el número de fallecidos",
            "Un terremoto de magnitud 7,4",  # the oldest update, last on the page
        ],
        ["Claves", "Compartir", "Copiar enlace", "Publicidad", "Cargar más"],
    ),
    "liveblog_ld_de.html": (
        "german",
        ["zum 3:1 für den FC Bayern", "Herzlich willkommen zu unserem Liveticker"],
        ["wird geladen", "Impressum"],
    ),
    "gallery_nl.html": (  # its lead is stored, not its captions (as gallery.html's)
        "dutch",
        ["De koninklijke familie bezocht zaterdag Emmen"],
        ["1 / 6", "Foto: ANP", "Volgende", "Meer fotoseries", "Cookie"],
    ),
    LEADLESS: (  # gallery_nl.html without its lead: what is stored is its captions
        "dutch",
        ["Prinses Amalia doet mee aan een spel", "ruim 40.000 bezoekers waren"],
        ["Foto: ANP", "Volgende", "Meer fotoseries", "Cookie"],
    ),
    "gallery_captions_it.html": (
        "italian",
        ["Il fiume Lamone ha rotto gli argini", "stato di emergenza per 23 comuni"],
        ["Precedente", "Altre gallery", "Riproduzione riservata"],
    ),
    "video_transcript_en.html": (
        "english",
        [
            "A dozen large eggs now costs an average of $3.20",
            "TOM HENDRICKS, POULTRY FARMER: We lost half our flock",
        ],
        ["0:00", "0:12", "1:20", "Gas prices climb", "All rights reserved"],
    ),
    "comments_pl.html": (
        "polish",
        ["Od 1 lipca do centrum Krakowa", "dwutlenku azotu w Krakowie.", "500 złotych"],
        [
            "Krakowie[1]",
            "pojazdów[2]",
            "plików cookie",
            "Czytaj także",
            "Zobacz również",
            "REKLAMA",
            "Najczęściej czytane",
            "Nareszcie!",
            "Odpowiedz",
            "dziennikarka działu miejskiego",
            "Raport GIOŚ",
        ],
    ),
    "footnotes_bio_en.html": (
        "english",
        ["according to ECB data. Services inflation", "not coming soon.\n"],
        [
            "data.2",
            "soon.1",
            "READ MORE",
            "RELATED:",
            "About the author",
            "European economics correspondent",
            "Most popular",
            "Accept all",
        ],
    ),
    "teasers_de.html": (
        "german",
        ["rund 120.000 Fahrzeuge", "Nachts sollen die Arbeiten an allen vier Röhren"],
        [
            "Ausbau nördlich des Tunnels",  # the teasers between its paragraphs
            "Lieferprobleme beim Stahl",
            "HVV erhöht die Preise",
            "Über den Autor",
            "Redakteur im Hamburg-Ressort",
            "Meistgelesen",
            "Cookies",
        ],
    ),
    "embeds_consent_de.html": (
        "german",
        ["Für das Gesetz stimmten 407 Abgeordnete", "vor einem Anstieg des Schwarzmarkts"],
        ["Empfohlener externer Inhalt", "einverstanden", "Datenschutzerklärung", "laden"],
    ),
    "news_ar_numbers.html": (
        "arabic",
        ["إلى 32.5% في أبريل", "(CAPMAS)", "صندوق النقد الدولي (IMF) بقيمة 8 مليارات دولار"],
        ["اقرأ أيضاً", "الأكثر قراءة", "الوسوم", "جميع الحقوق محفوظة"],
    ),
    "news_ja_ruby.html": (
        "japanese",
        ["約３割が耐用年数の４０年を超えている", "耐震化を進める計画だ"],
        ["たいようねんすう", "たいしんか", "関連記事", "アクセスランキング", "無断転載"],
    ),
    "cp1252_meta_utf8_en.html": (
        "english",
        ["Kilbrook’s long-awaited swimming pool", "€12 million plan", "Máire Ní Bhriain"],
        ["\ufffd", "â€"],
    ),
    "meta_latin1_bytes_utf8_es.html": (
        "spanish",
        ["La Junta de Andalucía adjudicó", "«Es una reivindicación histórica"],
        ["Ã", "\ufffd"],
    ),
}
# Pages whose charset only the HTTP header names: (page, the header's charset, words)
HEADER_CHARSETS = [
    ("header_charset_fr.html", "windows-1252", "la saison de chasse à l’orignal ouvrira"),
    ("header_iso88592_pl.html", "iso-8859-2", "łączy Śródmieście z Wyspą Spichrzów"),
]
# What a three-sentence briefing of a page must quote, and must not
BRIEFED: dict[str, tuple[list[str], list[str]]] = {
    # the latest updates, not the key events' menu nor the welcome of the oldest
    "liveblog_es.html": (["Boric ha decretado", "ruta 5 Norte sigue cortada"], ["Bienvenidos"]),
    "liveblog_ld_de.html": (["Harry Kane trifft in der 78. Minute"], []),
    "paywall_teaser_it.html": ([], ["Abbonati", "abbonati"]),
    PLAIN_OFFER: ([], ["Abbonati", "abbonati"]),
    "video_transcript_en.html": (["A dozen large eggs"], ["0:00", "0:12"]),
    "footnotes_bio_en.html": (["according to ECB data."], ["data.2", "data. Services"]),
}


def read(name: str, charset: str | None = None) -> tuple[str, str, list[str], str]:
    """The stored text of page ``name``, its language, the sentences of its briefing of
    three and the author stored."""
    article = article_from_page(page(name), URL, charset=charset)
    text, sentences, language = article_texts(article)
    options = SummaryOptions(sentences=3, language=language)
    briefing = list(summarize_text(article.title, sentences, options).sentences)
    return text, language, briefing, article.author or ""


def page(name: str) -> bytes:
    """The bytes of page ``name``, or of LEADLESS or PLAIN_OFFER (made from a page)."""
    if name == LEADLESS:
        lines = (PAGES / "gallery_nl.html").read_bytes().splitlines(keepends=True)
        return b"".join(line for line in lines if b'class="intro"' not in line)
    if name == PLAIN_OFFER:
        return (PAGES / "paywall_teaser_it.html").read_bytes().replace(b"piano-offer", b"offer-box")
    return (PAGES / name).read_bytes()


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_a_shape_of_news_page_is_stored_as_its_story_alone(name: str) -> None:
    language, story, furniture = SHAPES[name]
    text, found, briefing, _ = read(name)
    assert found == language
    for words in story:
        assert words in text
    for words in furniture:
        assert words not in text
    assert 0 < len(briefing) <= 3


@pytest.mark.parametrize(("name", "charset", "words"), HEADER_CHARSETS)
def test_a_charset_only_the_header_names_is_read(name: str, charset: str, words: str) -> None:
    text, *_ = read(name, charset)
    assert words in text


@pytest.mark.parametrize("name", sorted(BRIEFED))
def test_a_briefing_quotes_the_story_not_the_pages_furniture(name: str) -> None:
    quoted, never = BRIEFED[name]
    _, _, briefing, _ = read(name)
    joined = "\n".join(briefing)
    for words in quoted:
        assert words in joined
    for words in never:
        assert words not in joined


@pytest.mark.parametrize(
    ("name", "author"),
    [
        ("template_es.html", "Lucía Martín"),  # "Por Lucía Martín · Madrid · 2 may 2024"
        ("comments_pl.html", "Anna Nowak"),  # "Anna Nowak · 2 maja 2024, 10:15"
        ("liveblog_es.html", "Redacción"),  # "Redacción · Actualizado: ..."
        ("appshell_ld_de.html", "Katrin Vogel"),
    ],
)
def test_the_author_is_the_name_without_the_rest_of_the_byline(name: str, author: str) -> None:
    assert read(name)[3] == author
