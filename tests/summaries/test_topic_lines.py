"""An interview's deck names who speaks and the topics, with no verb of its own ("The
economist on rates, housing and what comes next."): stored with the story, but a heading,
never a briefing's sentence, in any language that writes decks so. A sentence with a
list of topics is the article's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from summaries import SummaryOptions
from summaries.clean import clean_text, main_text
from summaries.sources import article_from_page
from summaries.summarize import article_texts, summarize_text

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
URL = "https://news.example.com/2024/05/02/story"
STORY = [
    "Dana Whitfield has advised three finance ministers and now runs the largest pension fund.",
    "She expects one cut in interest rates this year, but not before the summer, she said.",
]

DECKS = [
    "The economist on rates, housing and what comes next.",
    "The head of the national flood defence review on managed retreat, sea walls and why "
    "some villages will have to move.",
    "Die Ökonomin über Zinsen, Mieten und was als Nächstes kommt.",
    "L'économiste sur les taux, le logement et ce qui vient ensuite.",
    "La economista sobre tipos, vivienda y qué viene después.",
    "L'economista su tassi, case e cosa succederà.",
    "A economista sobre juros, habitação e o que vem a seguir.",
    "De econoom over rente, woningen en wat er komt.",
]


@pytest.mark.parametrize("deck", DECKS)
def test_a_deck_of_topics_is_stored_but_not_a_sentence(deck: str) -> None:
    raw = "\n\n".join([deck, *STORY])
    assert main_text(raw).split("\n\n") == [deck, *STORY]
    assert clean_text(raw).split("\n\n") == STORY


def test_an_interviews_briefing_opens_with_its_lede_not_its_deck() -> None:
    article = article_from_page((PAGES / "interview_qa.html").read_bytes(), URL)
    text, sentences, language = article_texts(article)
    assert "The head of the national flood defence review on managed retreat" in text
    briefing = summarize_text(
        article.title, sentences, SummaryOptions(sentences=3, language=language)
    )
    assert briefing.sentences[0].startswith("Ruth Okafor has spent 25 years")


@pytest.mark.parametrize(
    "line",
    [
        "The mayor on Tuesday announced cuts to parks, libraries and bus routes.",
        "The court ruled on fees, rates and what banks may charge.",
        "She spoke on rates, housing and jobs at the conference.",
        "Ruth Okafor has spent 25 years on sea walls, dunes and groynes.",
        "The debate on rates, housing and jobs continued on Monday.",
        "Er sprach über Zinsen, Mieten und Jobs.",
    ],
)
def test_a_sentence_with_a_list_of_topics_stays(line: str) -> None:
    raw = "\n\n".join([line, *STORY])
    assert clean_text(raw).split("\n\n") == [line, *STORY]
