"""Kinds of news page as publishers send them (tests/data/pages), each with its site's
furniture: wire stories with their staff credits, a press release with the issuer's
boilerplate, an interview with its editor's note, a local paper's story cut by "READ
NEXT" links and ad slots, a WordPress post with its comments, an Arabic story, a photo
gallery, a live blog whose updates each end with a share bar. What is stored is the story
alone (with its newsroom's lines, as the reference texts of real pages keep them), and a
briefing of three sentences quotes its sentences, never a dateline, a trailer or a
caption."""

from __future__ import annotations

from pathlib import Path

import pytest

from summaries import SummaryOptions
from summaries.sources import article_from_page
from summaries.summarize import article_texts, summarize_text

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
URL = "https://news.example.com/2024/05/02/story"

# page: (its language, words of the story's paragraphs, words that are not the story's)
KINDS: dict[str, tuple[str, list[str], list[str]]] = {
    "wire_reuters.html": (
        "english",
        ["it would cut about 4,000 jobs", "Shares of Voltrix fell 6%", "Rival chipmakers"],
        ["Trust Principles", "Read Next", "Morning Bid"],
    ),
    "wire_ap.html": (
        "english",
        ["Tornadoes tore through parts of Oklahoma", "without power on Sunday morning"],
        ["Most read", "AP Photo/Nick Oxford"],
    ),
    "press_release.html": (
        "english",
        ["today announced the start of commercial operations", "60-megawatt battery"],
        ["Media Contact", "More news from this source", "Share this article"],
    ),
    "interview_qa.html": (
        "english",
        ["Ruth Okafor has spent 25 years", "Is that fair?", "That has to stop"],
        ["Sign up to our weekly", "More interviews"],
    ),
    "read_next.html": (
        "english",
        ["Plans to demolish and rebuild", "More than half of the centre", "nine to two"],
        [
            "Read more",
            "READ NEXT",
            "Related Articles",
            "Advertisement",
            "Most Read",
            "Get the biggest stories",  # the newsletter's sign-up box
            "We use your sign-up",
        ],
    ),
    "wordpress_comments.html": (
        "english",
        ["Millbrook Library will open on Sundays", "Friends of Millbrook Library"],
        ["Great news", "Leave a Reply", "Recent Posts", "Like this", "Next post"],
    ),
    "news_ar.html": (
        "arabic",
        ["افتتحت هيئة الكهرباء والمياه", "ويرى خبراء"],
        ["اقرأ أيضا", "أخبار ذات صلة", "جميع الحقوق محفوظة", "تصوير"],
    ),
    "liveblog_updates.html": (
        "english",
        [
            "Lisa Moreno leads Republican Jack Harlan",
            "Voters have approved Measure 4",
            "Polls have now closed across the state.",  # the oldest update, last on the page
            "Welcome to our live coverage of election night",
        ],
        ["Copy link", "Show more updates", "Advertisement", "Do Not Sell", "LIVE"],
    ),
    "gallery.html": (
        "english",
        ["River Wend burst its banks", "About 450 properties", "a further 30mm"],
        ["Image source", "1 of 6", "Related Topics", "Yes, I agree"],
    ),
}
# The newsroom's and the issuer's lines: stored, as the pages' reference texts hold them
# (a wire story's ends with its staff credit), but never quoted (see summary_text)
UNQUOTED: dict[str, list[str]] = {
    "wire_reuters.html": ["(Reporting by Anna Kowal", "Editing by"],
    "wire_ap.html": ["___", "contributed to this report"],
    "press_release.html": [
        "About Northwind Energy",
        "develops, owns and operates",
        "Forward-Looking Statements",
        "Private Securities Litigation Reform Act",
        "SOURCE Northwind Energy Inc.",
    ],
    "interview_qa.html": ["This interview has been edited for length and clarity."],
}
# What a briefing must not open a sentence with: a wire's dateline, a press wire's
BRIEFING_OPENINGS = ("SAN JOSE", "SULPHUR", "LAS VEGAS", "(Reuters)", "(AP)", "/PRNewswire/")


def stored_and_briefed(name: str) -> tuple[str, str, list[str]]:
    """The main text stored for page ``name``, its language and the sentences of the
    three-sentence briefing the bot makes of it."""
    text, sentences, language = read(name)
    options = SummaryOptions(sentences=3, language=language)
    title = read_title(name)
    return text, language, list(summarize_text(title, sentences, options).sentences)


def read(name: str) -> tuple[str, str, str]:
    """The main text of page ``name``, the sentences a briefing may quote, its language."""
    return article_texts(article_from_page((PAGES / name).read_bytes(), URL))


def read_title(name: str) -> str:
    return article_from_page((PAGES / name).read_bytes(), URL).title


@pytest.mark.parametrize("name", sorted(UNQUOTED))
def test_the_newsrooms_and_issuers_lines_are_stored_but_never_quoted(name: str) -> None:
    text, sentences, _ = read(name)
    for words in UNQUOTED[name]:
        assert words in text
        assert words not in sentences


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_kind_of_news_page_is_stored_as_its_story_alone(name: str) -> None:
    language, story, furniture = KINDS[name]
    text, found, _ = stored_and_briefed(name)
    assert found == language
    for words in story:
        assert words in text
    for words in furniture:
        assert words not in text


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_briefing_of_a_news_page_quotes_the_story_alone(name: str) -> None:
    text, _, briefing = stored_and_briefed(name)
    assert len(briefing) == 3
    for sentence in briefing:
        assert not sentence.startswith(BRIEFING_OPENINGS)
        assert "Reporting by" not in sentence and "Image source" not in sentence
        assert sentence.count('"') % 2 == 0  # no half of a quotation


def test_a_press_releases_briefing_opens_with_the_issuer_not_the_wires_dateline() -> None:
    _, _, briefing = stored_and_briefed("press_release.html")
    assert briefing[0].startswith("Northwind Energy Inc. (NYSE: NWE), a developer")
