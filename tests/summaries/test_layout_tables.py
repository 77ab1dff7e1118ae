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


def test_a_data_table_with_headings_or_paragraphs_in_its_cells_stays_a_table():
    """Cells that hold a heading element or two short paragraphs are still data: a
    part of the page holds prose, a cell of a table a few words."""
    tables = (
        "<table><tr><th><h3>Route</h3></th><th><h3>Starts</h3></th></tr><tr><td>N1</td>"
        "<td>March</td></tr><tr><td>N2</td><td>April</td></tr></table>",
        "<table><tr><td><p>N1</p><p>north</p></td><td>March</td></tr><tr><td><p>N2</p>"
        "<p>east</p></td><td>April</td></tr></table>",
    )
    rows = ("| Route | Starts |\n| N1 | March |\n| N2 | April |", "| N1 north | March |")
    for table, row in zip(tables, rows, strict=True):
        html = (
            "<html><body><article><h1>Council approves bus budget</h1>"
            + "".join(f"<p>{p}</p>" for p in STORY)
            + table
            + "</article></body></html>"
        )
        text, _, _ = article_texts(article_from_page(html, "https://example.com/news/bus"))
        assert row in text, text


def test_a_chinese_page_laid_out_in_a_table_is_read_paragraph_by_paragraph():
    paragraphs = [
        "市议会周二批准了一项新预算，扩大北部地区的公交服务。此前各方就如何筹措资金进行了数月的辩论。",
        "官员表示，该计划将在明年春天之前新增四十条线路，并且票价至少在两年内保持不变。",
    ]
    html = (
        '<html lang="zh"><body><table><tr><td><h1>市议会批准公交预算</h1>'
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</td></tr></table></body></html>"
    )
    text, _, _ = article_texts(article_from_page(html, "https://example.com/news/bus"))
    assert all(p in text.splitlines() for p in paragraphs), text
