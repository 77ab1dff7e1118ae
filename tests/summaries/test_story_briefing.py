"""Story briefings: one lede among the outlets, then what the other outlets add."""

from __future__ import annotations

import json
from pathlib import Path

from summaries.quotes import scan
from summaries.story_briefing import (
    REDUNDANT_SHARE,
    brief_story,
    passages_of,
    redundancy,
    sentence_terms,
)
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
    assert right >= 50, f"{right} of {len(rows)}"


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


# --- sentences of other outlets read alone, as an article's briefing does -------------------

PORT_LEDE = "The port of Brennport stayed shut on Tuesday after a cyberattack on its servers."
PORT_WIRE = [
    "Brennport's port remained closed on Tuesday after a cyberattack hit its servers.",
    '"We will not pay the ransom," said Andrés Molina, the port\'s spokesman.',
    '"The attackers must be found and brought to justice before the cranes move again."',
]
PORT_GAZETTE = [
    "A cyberattack kept the port of Brennport shut on Tuesday, its servers encrypted.",
    "Rosa Lind, who heads the regional chamber of commerce, visited the terminal.",
    "She said every day the port stays shut costs farmers and factories money.",
]


def _port_story(*others: list[str]) -> list:
    outlets = ["Coastal Times", "Harbour Gazette", "Night Wire"]
    return [
        stored_article(1, "Port Herald", [PORT_LEDE, "Forty ships waited off the coast."]),
        *(stored_article(i + 2, outlets[i], other) for i, other in enumerate(others)),
    ]


def test_a_quotation_that_names_nobody_comes_from_another_outlet_only_with_its_speaker():
    sentences = brief_story(_port_story(PORT_WIRE), 4, 1000)
    texts = [s.text for s in sentences]
    assert texts[0] == PORT_LEDE
    assert f"{PORT_WIRE[1]} {PORT_WIRE[2]}" in texts  # one passage: the speaker, his words
    assert not any(t.startswith('"The attackers') for t in texts)
    # no room for both: the quotation is left out, never taken without its speaker
    short = [s.text for s in brief_story(_port_story(PORT_WIRE), 2, 1000)]
    assert not any("The attackers" in t for t in short)


def test_a_sentence_that_points_back_comes_from_another_outlet_only_after_its_own():
    sentences = brief_story(_port_story(PORT_GAZETTE), 4, 1000)
    texts = [s.text for s in sentences]
    assert f"{PORT_GAZETTE[1]} {PORT_GAZETTE[2]}" in texts
    assert not any(t.startswith("She said") for t in texts)
    short = [s.text for s in brief_story(_port_story(PORT_GAZETTE), 2, 1000)]
    assert not any("She said" in t for t in short)


def test_a_quotation_over_two_sentences_and_a_colon_come_whole_from_another_outlet():
    colon = [
        "Brennport's port stayed shut on Tuesday after its servers were encrypted.",
        "The port authority listed what it will do next:",
        "Servers will be rebuilt from backups kept offline by the harbour police.",
    ]
    quoted = [
        "Brennport's port stayed closed on Tuesday after a cyberattack hit it.",
        'Andrés Molina, the spokesman, said: "We will not pay the ransom.',
        'The cranes stay still until the servers are safe."',
    ]
    sentences = brief_story(_port_story(colon, quoted), 6, 1000)
    texts = [s.text for s in sentences]
    assert f"{colon[1]} {colon[2]}" in texts
    assert f"{quoted[1]} {quoted[2]}" in texts
    for text in texts:  # every quotation closed, no colon left dangling
        assert not scan(text).open and not scan(text).stray, text
        assert not text.endswith(":"), text
    assert sum(len(passages_of(a.briefing)) for a in _port_story(colon, quoted)) == 6


def test_passages_keep_each_sentence_with_the_one_it_needs():
    assert passages_of(PORT_WIRE) == [(PORT_WIRE[0],), tuple(PORT_WIRE[1:])]
    assert passages_of(PORT_GAZETTE) == [(PORT_GAZETTE[0],), tuple(PORT_GAZETTE[1:])]
    assert passages_of(COASTAL_TIMES[:3]) == [(s,) for s in COASTAL_TIMES[:3]]
    assert passages_of(["Der Hafen bleibt zu.", "Er öffnet im Mai."], "german") == [
        ("Der Hafen bleibt zu.", "Er öffnet im Mai.")
    ]
    assert passages_of(['Molina said: "No.', 'Never."', "Ships wait."]) == [
        ('Molina said: "No.', 'Never."'),
        ("Ships wait.",),
    ]
    assert passages_of(["The plan has two parts:", "Walls rise.", "Shops stay."]) == [
        ("The plan has two parts:", "Walls rise."),
        ("Shops stay.",),
    ]


def test_a_passage_whose_quotation_is_left_open_is_not_taken():
    cut = [
        "Brennport's port remained closed on Tuesday after a cyberattack hit its servers.",
        'Andrés Molina, the spokesman, said: "We will not pay the ransom to anyone.',
    ]
    texts = [s.text for s in brief_story(_port_story(cut), 4, 1000)]
    assert texts == [PORT_LEDE, "Forty ships waited off the coast."]


def test_a_quotation_whose_speaker_comes_after_it_does_not_hold_the_sentence_before():
    quoted = [
        "Brennport's port remained closed on Tuesday after a cyberattack hit its servers.",
        "The harbour master sent the night shift home until Friday.",
        '"We will not pay the ransom.',
        'The cranes stay still until the servers are safe," said Andrés Molina.',
    ]
    assert passages_of(quoted) == [(quoted[0],), (quoted[1],), tuple(quoted[2:])]
    # room for one sentence after the lede: the new fact, which needs no quotation
    texts = [s.text for s in brief_story(_port_story(quoted), 2, 1000)]
    assert texts == [PORT_LEDE, quoted[1]]
