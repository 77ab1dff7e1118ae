"""Short lines a site sets above its article's text that are not the article: a label of
the story's access tier ("Member-only story"), the authors' names each alone on a line,
a table of contents' label whose list was dropped. Read from a real page through the
extractor, left out of the stored text; a heading or a name that is the text's stays."""

from __future__ import annotations

import pytest

from summaries.sources import article_from_page
from summaries.summarize import article_text

TITLE = "Council approves bus budget"
STORY = [
    "The city council voted on Tuesday to approve a new budget that expands bus service "
    "across the northern districts, after months of debate over how to pay for it.",
    "Officials said the plan would add forty new routes by next spring, and that fares "
    "would stay the same for at least two years while ridership is measured.",
    "Critics argued the council had not explained where the money would come from, and "
    "several members said they would push for an independent audit later this year.",
]


def page(before: str, story: list[str] = STORY, lang: str = "en") -> str:
    """An article page: the markup `before` the headline's story paragraphs."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{TITLE}'
        f'</title></head><body><nav><a href="/">Home</a></nav><article><h1>{TITLE}</h1>'
        f"{before}" + "".join(f"<p>{p}</p>" for p in story) + "</article></body></html>"
    )


def stored(html: str) -> list[str]:
    article = article_from_page(html, "https://example.com/news/council-bus-budget")
    return [line for line in article_text(article).splitlines() if line]


@pytest.mark.parametrize(
    "label", ["Member-only story", "Members only", "Nur für Mitglieder", "Réservé aux membres"]
)
def test_an_access_tier_label_above_the_text_is_left_out(label):
    assert stored(page(f"<p>{label}</p>")) == [TITLE, *STORY]


def test_a_sentence_about_members_is_kept():
    sentence = "Only members of the transport committee may vote on the budget's bus routes."
    assert sentence in stored(page(f"<p>{sentence}</p>"))
