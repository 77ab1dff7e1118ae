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


@pytest.mark.parametrize(
    ("names", "lang"),
    [
        (["Jane Doe", "John Smith"], "en"),
        (["Jane Doe"], "en"),
        (["Jan de Vries", "Anne-Marie O'Neil"], "en"),
        (["Jürgen Müller"], "de"),
        (["Анна Петрова"], "ru"),
    ],
)
def test_the_authors_names_alone_above_the_text_are_left_out(names, lang):
    assert stored(page("".join(f"<p>{n}</p>" for n in names), lang=lang)) == [TITLE, *STORY]


SUBJECT = [
    "Jane Doe has driven the number 12 bus through the northern districts for thirty years.",
    "Doe said on Tuesday that the council's new budget would finally add the routes she "
    "asked for, and that she would retire once the first of them opens next spring.",
]


@pytest.mark.parametrize(
    ("before", "story", "kept"),
    [
        ("<p>Jane Doe</p>", SUBJECT, "Jane Doe"),  # the story's subject, named in it
        ("<h2>Northern Routes</h2>", STORY, "Northern Routes"),  # a heading of its words
        ("<h2>Independent Audit Demanded</h2>", STORY, "Independent Audit Demanded"),
    ],
)
def test_a_heading_or_the_subjects_name_above_the_text_stays(before, story, kept):
    assert kept in stored(page(before, story))


def test_a_name_line_within_the_text_stays():
    story = [*STORY[:2], "Jane Doe", STORY[2]]
    assert "Jane Doe" in stored(page("", story))


@pytest.mark.parametrize(
    "label", ["Table of Contents", "Contents", "Inhaltsverzeichnis", "Sommaire", "Índice"]
)
def test_a_contents_label_over_no_list_is_left_out(label):
    assert stored(page(f"<h2>{label}</h2>")) == [TITLE, *STORY]
    assert stored(page("", [*STORY[:2], f"<h2>{label}</h2>", STORY[2]])) == [TITLE, *STORY]


def test_a_contents_label_over_its_list_stays():
    html = page("<h2>Contents</h2><ul><li>The vote</li><li>The routes</li></ul>")
    assert "Contents" in stored(html)


def test_a_section_heading_like_a_contents_label_stays():
    """German reviews head the plot's summary "Inhalt": a heading over the text."""
    assert "Inhalt" in stored(page("", [*STORY[:2], "<h2>Inhalt</h2>", STORY[2]]))
