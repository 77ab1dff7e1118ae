"""A page laid out in a table (a print version, an old site): its cell's headline, byline
and paragraphs are read as blocks, not run together on one line as a table's cell."""

from __future__ import annotations

from summaries.sources import article_from_page
from summaries.summarize import article_texts
from tests.summaries.test_article_furniture import STORY

DATA = (
    "<table><tr><th>Route</th><th>Starts</th></tr><tr><td>N1</td><td>March</td></tr>"
    "<tr><td>N2</td><td>April</td></tr></table>"
)


def print_version(inside: str = "") -> str:
    return (
        "<html><head><title>Council approves bus budget - Print</title></head><body>"
        '<table width="600" cellpadding="0"><tr><td><img src="/logo.gif" alt="Daily '
        "Example\"></td></tr><tr><td><h1>Council approves bus budget</h1><p>By Jane Doe | "
        "Published: 01 December 2026</p>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + inside
        + "<hr><p>\u00a9 2026 Daily Example.</p></td></tr></table></body></html>"
    )


def test_a_page_laid_out_in_a_table_is_read_paragraph_by_paragraph():
    article = article_from_page(print_version(), "https://example.com/print/council-bus")
    text, sentences, _ = article_texts(article)
    assert [line for line in sentences.splitlines() if line] == STORY
    assert all(paragraph in text.splitlines() for paragraph in STORY)
    assert "Published" not in sentences and "\\" not in text


def test_a_data_table_inside_the_layout_stays_a_table():
    article = article_from_page(print_version(DATA), "https://example.com/print/council-bus")
    text, _, _ = article_texts(article)
    assert "| Route | Starts |\n| N1 | March |\n| N2 | April |" in text
    assert all(paragraph in text.splitlines() for paragraph in STORY)
