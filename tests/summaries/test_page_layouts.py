"""Common page layouts, as the sites that use them send them (tests/data/pages): what is
stored of each is the article, and what a briefing quotes is the article's own sentences,
never the furniture the layout puts around them (an AMP ad's fallback, a paywall's call to
subscribe, a cookie wall, a pager, a subscribe widget, a blog's date header and feed links)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summaries import SummaryOptions
from summaries.sources import article_from_page
from summaries.summarize import article_texts, summarize_text
from tests.summaries.test_main_text import PROSE

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
URL = "https://news.example.com/2024/03/14/story"
ALL = SummaryOptions(sentences=20, max_chars=10_000)
LIVE = [
    "The Met Office has extended its yellow wind warning until midnight, with gusts of up "
    "to 70mph expected on the coast.",
    "Northern Rail has cancelled all trains between Hexham and Carlisle for the rest of the "
    "day after a tree fell on the line at Bardon Mill.",
    "Welcome to our live coverage of Storm Ciara, which is bringing heavy rain and strong "
    "winds to the region this afternoon.",
]
GERMAN = [
    "Die Hafenbrücke wird ab Juni für sechs Monate für den gesamten Verkehr gesperrt, während "
    "Ingenieure ihre Seile austauschen, teilte die Stadtverwaltung am Donnerstag mit.",
    "Geschäftsleute am Nordufer befürchten während der Bauarbeiten einen Rückgang der "
    "Kundschaft - «das wird hart», sagt eine Bäckerin.",
]


def stored_and_briefed(name: str) -> tuple[str, list[str]]:
    """The main text stored for the page file ``name`` and the sentences a long briefing
    of it quotes."""
    article = article_from_page((PAGES / name).read_bytes(), URL)
    text, sentences, language = article_texts(article)
    options = SummaryOptions(sentences=ALL.sentences, max_chars=ALL.max_chars, language=language)
    return text, list(summarize_text(article.title, sentences, options).sentences)


@pytest.mark.parametrize(
    ("name", "article", "furniture"),
    [
        ("amp.html", PROSE, ["Ad could not load", "Advertisement", "Menu"]),
        ("liveblog.html", LIVE, ["16:42", "Share", "Load more"]),
        ("substack.html", PROSE, ["reader-supported", "Subscribe", "Discussion", "Substack"]),
        ("ghost.html", PROSE, ["Sign up for more", "Powered by Ghost", "Ferries to run"]),
        ("medium.html", PROSE, ["Follow", "Listen", "Recommended from Medium", "Written by"]),
        ("gutenberg.html", PROSE, ["Share this", "Leave a Reply", "Ferries to run"]),
        ("blogger.html", PROSE, ["Notes on the city", "14 March", "Subscribe to", "Posted by"]),
        ("paged.html", PROSE[:3], ["Page 1 of 3", "Next page", "Continue reading"]),
        ("paywall.html", PROSE[:1], ["subscribers only", "Subscribe", "unlimited access"]),
        ("cookiewall.html", PROSE, ["partners", "cookies", "Accept all"]),
        ("latin1.html", GERMAN, ["Startseite", "Ã", "\ufffd"]),
        ("photobox.html", PROSE, ["Photo: Harbour Agency", "Share", "All rights reserved"]),
    ],
)
def test_a_layouts_article_is_stored_and_briefed_without_its_furniture(name, article, furniture):
    text, briefing = stored_and_briefed(name)
    for sentence in article:
        assert sentence in text
        assert sentence in briefing
    for line in furniture:
        assert line not in text
