"""A page's author is its byline's names, without the word that opens the byline in the
page's language ("Por", "Par", "Di", "Door", "Av", "Autor:", "מאת"), and a surname that
opens with such a word ("Di Maio") whole."""

from __future__ import annotations

import pytest

from summaries.sources import article_from_page

URL = "https://news.example.com/2024/05/02/story"
PARAGRAPH = (
    "The council approved the plan on Tuesday after a long debate about its cost. "
    "Work on the bridge will start in the spring and last for two years, officials said. "
)


def page(author: str, lang: str) -> bytes:
    return (
        f'<html lang="{lang}"><head><title>Bridge plan approved</title>'
        f'<meta name="author" content="{author}"></head><body><article>'
        "<h1>Bridge plan approved</h1>" + f"<p>{PARAGRAPH * 3}</p>" * 3 + "</article></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("byline", "lang", "author"),
    [
        ("Por Ana Gómez", "es", "Ana Gómez"),
        ("Par Jean Dupont", "fr", "Jean Dupont"),
        ("Di Marco Rossi", "it", "Marco Rossi"),
        ("A cura di Marco Rossi", "it", "Marco Rossi"),
        ("Por: Joana Silva", "pt", "Joana Silva"),
        ("Door Jan de Vries", "nl", "Jan de Vries"),
        ("Av Kari Nordmann", "no", "Kari Nordmann"),
        ("Autor: Jan Kowalski", "pl", "Jan Kowalski"),
        ("Автор: Иван Петров", "ru", "Иван Петров"),
        ("מאת דנה לוי", "he", "דנה לוי"),
        ("By Jane Doe", "en", "Jane Doe"),
    ],
)
def test_the_byline_word_is_not_a_part_of_the_author(byline: str, lang: str, author: str) -> None:
    assert article_from_page(page(byline, lang), URL).author == author


@pytest.mark.parametrize(
    ("byline", "lang"),
    [
        ("Di Maio", "it"),  # a surname that opens with "Di"
        ("Dieter Müller", "de"),  # a name that opens with a byline word's letters
        ("Avery Smith", "en"),
        ("Paris Dupont", "fr"),
    ],
)
def test_a_name_that_opens_like_a_byline_is_kept_whole(byline: str, lang: str) -> None:
    assert article_from_page(page(byline, lang), URL).author == byline
