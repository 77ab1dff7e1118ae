"""Story briefings: one lede among the outlets, then what the other outlets add."""

from __future__ import annotations

import json
from pathlib import Path

from summaries.story_briefing import REDUNDANT_SHARE, brief_story, redundancy, sentence_terms
from tests.builders import COASTAL_TIMES, HARWICK_POST, stored_article

PAIRS = Path(__file__).resolve().parents[1] / "data" / "redundancy_pairs.jsonl"


def _two_outlets():
    return [
        stored_article(1, "Harwick Post", HARWICK_POST[:3]),
        stored_article(2, "Coastal Times", COASTAL_TIMES[:3], story_id=1),
    ]


def test_the_threshold_tells_restatements_from_new_facts_on_the_labelled_pairs():
    rows = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 40 and 0.3 < sum(r["redundant"] for r in rows) / len(rows) < 0.7
    right = sum(
        (redundancy(sentence_terms(r["candidate"]), sentence_terms(r["said"])) >= REDUNDANT_SHARE)
        == r["redundant"]
        for r in rows
    )
    assert right >= 40, f"{right} of {len(rows)}"


def test_two_outlets_with_near_identical_ledes_give_one_lede():
    sentences = brief_story(_two_outlets(), 3, 1000)
    texts = [s.text for s in sentences]
    assert texts[0] in (HARWICK_POST[0], COASTAL_TIMES[0])
    assert not {HARWICK_POST[0], COASTAL_TIMES[0]} <= set(texts)  # one lede, not two


def test_a_second_outlets_new_fact_is_included_and_attributed():
    sentences = brief_story(_two_outlets(), 3, 1000)
    lede = sentences[0]
    other = "Coastal Times" if lede.source == "Harwick Post" else "Harwick Post"
    from_other = [s for s in sentences[1:] if s.source == other]
    assert from_other, sentences
    assert all(s.article_id == (2 if other == "Coastal Times" else 1) for s in from_other)
    if other == "Coastal Times":
        assert COASTAL_TIMES[1] in [s.text for s in from_other]  # the cost


def test_the_best_lede_covers_what_the_other_outlets_report():
    thin = stored_article(
        3, "Night Wire", ["Councillors met in Harwick on Monday evening."], story_id=1
    )
    sentences = brief_story([thin, *_two_outlets()], 3, 1000)
    assert sentences[0].source != "Night Wire"  # earliest, but says least of the story


def test_the_story_briefing_keeps_the_sentence_and_character_limits():
    articles = _two_outlets()
    assert len(brief_story(articles, 2, 1000)) == 2
    short = brief_story(articles, 3, 200)
    assert sum(len(s.text) + len(s.source) + 3 for s in short) + len(short) - 1 <= 200
    assert len(short) >= 1


def test_a_story_of_one_article_has_no_story_briefing():
    assert brief_story([stored_article(1, "Harwick Post", HARWICK_POST[:3])], 3, 1000) == ()
