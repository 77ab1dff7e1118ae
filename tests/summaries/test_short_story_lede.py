"""A briefing of more than a quarter of a short story opens with its lede, unless the lede
shares no term with the rest of the story (a scene, not the story)."""

from __future__ import annotations

from summaries import Article, SummaryOptions, summarize
from summaries.summarize.default import choose
from tests.languages import CHINESE


def _choose(lines: list[str], wanted: int) -> list[int]:
    sentences = [line.capitalize() + "." for line in lines]
    terms = [line.split() for line in lines]
    return choose(sentences, terms, wanted, lambda order, scores, fragment: order[:wanted])


_BODY = [
    "river walls harbour flood council cost",
    "river walls harbour flood homes",
    "river walls harbour flood engineers",
    "residents comment drawings month end",
    "opposition voted budget unrealistic",
]


def test_a_short_storys_briefing_opens_with_a_lede_less_central_than_its_body() -> None:
    """Three of six sentences: the lede shares the subject's words, fewer than the body."""
    assert _choose(["council approves river walls plan", *_BODY], 3) == [0, 1, 2]


def test_a_scene_that_shares_no_word_with_the_story_does_not_open_it() -> None:
    assert _choose(["sunny morning baker opened shop early", *_BODY], 3) == [1, 2, 3]


def test_a_short_chinese_storys_briefing_opens_with_its_lede() -> None:
    """Five sentences of a Chinese story: its lede names the attack in words of its own,
    the body repeats the port authority's name; the briefing still opens with the lede."""
    flat = [sentence for paragraph in CHINESE.paragraphs for sentence in paragraph]
    story = [flat[i] for i in (0, 2, 4, 5, 6)]
    article = Article(CHINESE.title, "\n\n".join(story), language="chinese")
    briefing = summarize(article, SummaryOptions(sentences=3))
    assert briefing.sentences[0] == story[0]
    assert len(briefing.sentences) == 3
