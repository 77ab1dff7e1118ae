"""A Markdown article is read as the text of its rendered page: no link, emphasis, image or
code syntax reaches a briefing, the stored text or search."""

from __future__ import annotations

import pytest

from summaries import SummaryOptions, summarize
from summaries.errors import InputTooLargeError
from summaries.limits import MAX_TEXT_CHARS
from summaries.markdown import markdown_article
from summaries.reading import article_from_bytes, read_path
from summaries.sources import FetchResult, article_from_result
from summaries.sources.folders import read_folder

ARTICLE = """# Harbour bridge to *close* for repairs

![The bridge at dusk](https://example.com/img/bridge.jpg)

The city council voted on Tuesday to close the [harbour bridge](https://example.com/bridge)
for repairs next spring, ending months of debate over the ageing crossing.

Engineers found **corrosion** in two of the main cables last year, according to a
[council report][report] that was published in `PDF` form.

```
closure_weeks = 6
```

| Week | Ferries |
|---|---|
| 1 | 20 |

- Ferries will run every twenty minutes while the work goes on.
- Local shops fear a __drop__ in trade during the closure.

> "We will help every business that loses out," the mayor said.

[report]: https://example.com/report.pdf
"""
BODY = [
    "The city council voted on Tuesday to close the harbour bridge for repairs next spring, "
    "ending months of debate over the ageing crossing.",
    "Engineers found corrosion in two of the main cables last year, according to a council "
    "report that was published in PDF form.",
    "| Week | Ferries |\n| 1 | 20 |",
    "- Ferries will run every twenty minutes while the work goes on.",
    "- Local shops fear a drop in trade during the closure.",
    '"We will help every business that loses out," the mayor said.',
]
SYNTAX = ("](", "**", "__", "`", "![", "[report]", "closure_weeks", "#")


def test_a_markdown_text_is_its_rendered_words():
    assert markdown_article(ARTICLE) == ("Harbour bridge to close for repairs", "\n\n".join(BODY))


def test_a_markdown_file_in_a_folder_is_stored_and_briefed_without_its_syntax(tmp_path):
    (tmp_path / "bridge.md").write_text(ARTICLE, encoding="utf-8")
    (article,) = read_folder(tmp_path).articles
    assert article.title == "Harbour bridge to close for repairs"
    assert not any(mark in article.text for mark in SYNTAX)
    briefing = summarize(article, SummaryOptions(sentences=5, max_chars=2000))
    assert briefing.sentences[0] == BODY[0]
    assert not any(mark in s for s in briefing.sentences for mark in SYNTAX)


def test_a_markdown_file_given_alone_is_read_the_same_way(tmp_path):
    (tmp_path / "bridge.markdown").write_text(ARTICLE, encoding="utf-8")
    article = read_path(tmp_path / "bridge.markdown")
    assert article.title == "Harbour bridge to close for repairs"
    assert article.text == "\n\n".join(BODY)


def test_a_markdown_file_whose_first_line_is_a_headline_is_titled_by_it(tmp_path):
    (tmp_path / "bridge.md").write_text(
        "Harbour bridge to close for repairs\n\n" + ARTICLE.split("\n", 2)[2], encoding="utf-8"
    )
    (article,) = read_folder(tmp_path).articles
    assert article.title == "Harbour bridge to close for repairs"
    assert article.text.startswith(BODY[0])


def test_a_markdown_file_given_alone_reads_its_front_matter(tmp_path):
    (tmp_path / "post.md").write_text(
        "---\ntitle: Harbour bridge to close\ndate: 2024-05-01\n---\n\n" + "\n\n".join(BODY[:2]),
        encoding="utf-8",
    )
    article = read_path(tmp_path / "post.md")
    assert article.title == "Harbour bridge to close"
    assert article.text == "\n\n".join(BODY[:2])


def test_a_plain_text_page_is_never_read_as_markdown_by_its_host_name():
    body = "    The council voted on Tuesday to close the bridge.\n\n    Ferries will run."
    result = FetchResult(
        url="https://point.md/en/news/budget",
        status=200,
        body=body.encode(),
        content_type="text/plain",
        charset="utf-8",
        etag=None,
        last_modified=None,
    )
    article = article_from_result(result)
    assert article.text == body and article.source == "point.md"


def test_a_markdown_file_without_a_heading_is_titled_from_its_text(tmp_path):
    (tmp_path / "note.md").write_text(ARTICLE.split("\n", 2)[2], encoding="utf-8")
    (article,) = read_folder(tmp_path).articles
    assert article.title.startswith("The city council voted on Tuesday")
    assert article.text.startswith(BODY[0])


def test_a_plain_text_file_keeps_its_asterisks_and_brackets():
    text = "The fund grew by 5% [see note 1] in the *first* quarter, the bank said on Monday."
    assert article_from_bytes(text.encode(), name="fund.txt").text == text


def test_a_markdown_file_too_long_for_an_article_is_refused_for_its_size(tmp_path):
    text = "Rain **again** in [Harwick](https://x.example) today. " * (MAX_TEXT_CHARS // 50)
    (tmp_path / "long.md").write_text(text, encoding="utf-8")
    article = read_path(tmp_path / "long.md")
    assert article.text.strip() == text.strip()  # left unparsed
    with pytest.raises(InputTooLargeError):
        summarize(article)
