"""Kinds of news page as publishers send them (tests/data/pages), each with its site's
furniture: wire stories with their staff credits, a press release with the issuer's
boilerplate, an interview with its editor's note, a local paper's story cut by "READ
NEXT" links and ad slots, a WordPress post with its comments, an Arabic story, a photo
gallery, a live blog whose updates each end with a share bar, a story quoting a tweet.
What is stored is the story alone, and a briefing of three sentences quotes its
sentences, never a dateline, a trailer or a caption."""

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
        ["Reporting by", "Editing by", "Trust Principles", "Read Next", "Morning Bid"],
    ),
    "wire_ap.html": (
        "english",
        ["Tornadoes tore through parts of Oklahoma", "without power on Sunday morning"],
        ["___", "contributed to this report", "Most read", "AP Photo/Nick Oxford"],
    ),
    "press_release.html": (
        "english",
        ["today announced the start of commercial operations", "60-megawatt battery"],
        [
            "About Northwind Energy",
            "develops, owns and operates",
            "Forward-Looking Statements",
            "Private Securities Litigation Reform Act",
            "Media Contact",
            "SOURCE Northwind",
            "More news from this source",
        ],
    ),
    "interview_qa.html": (
        "english",
        ["Ruth Okafor has spent 25 years", "Is that fair?", "That has to stop"],
        ["edited for length and clarity", "Sign up to our weekly", "More interviews"],
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
    "embedded_posts.html": (
        "english",
        ["84% in favour of the offer", "a full timetable would return on Monday"],
        ["@NWRailUnion", "pic.twitter.com", "Thank you to passengers", "View this post"],
    ),
    "gallery.html": (
        "english",
        ["River Wend burst its banks", "About 450 properties", "a further 30mm"],
        ["Image source", "1 of 6", "Related Topics", "Yes, I agree"],
    ),
}
# What a briefing must not open a sentence with: a wire's dateline, a press wire's
BRIEFING_OPENINGS = ("SAN JOSE", "SULPHUR", "LAS VEGAS", "(Reuters)", "(AP)", "/PRNewswire/")


def stored_and_briefed(name: str) -> tuple[str, str, list[str]]:
    """The main text stored for page ``name``, its language and the sentences of the
    three-sentence briefing the bot makes of it."""
    article = article_from_page((PAGES / name).read_bytes(), URL)
    text, sentences, language = article_texts(article)
    options = SummaryOptions(sentences=3, language=language)
    return text, language, list(summarize_text(article.title, sentences, options).sentences)


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
