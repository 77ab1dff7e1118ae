"""Story grouping across the varieties of one macrolanguage and its two scripts (Croatian,
Serbian in Cyrillic or Latin letters, Bosnian), and in Thai, written without spaces."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from summaries.grouping import StoryGrouper, fingerprint
from summaries.grouping.scripts import one_script

LANGUAGES = Path(__file__).resolve().parents[1] / "data" / "story_pairs_languages.jsonl"
ROWS = [json.loads(line) for line in LANGUAGES.read_text(encoding="utf-8").splitlines()]
WINDOW = timedelta(hours=72)


def _print(side: dict):
    return fingerprint(side["title"], side["text"], side["language"])


def _at(side: dict) -> datetime:
    return datetime.fromisoformat(side["published"])


@pytest.mark.parametrize("row", ROWS, ids=[row["note"][:60] for row in ROWS])
def test_each_pair_as_the_grouper_matches_it(row):
    """tests/data/story_pairs_languages.jsonl: a Croatian and a Serbian Cyrillic report of
    one quake are one story, the quake and a strike in the same town that morning are not;
    likewise two Thai tellings of one storm warning and the warning and a forest fire."""
    grouper = StoryGrouper(window=WINDOW)
    grouper.add(1, 1, _print(row["a"]), _at(row["a"]))
    found = grouper.match(_print(row["b"]), _at(row["b"]))
    assert (found == 1) is row["same"]


def test_serbian_cyrillic_is_read_in_latin_letters():
    assert one_script("Љубљана, Ђорђе, Џеп, ЊЕГОШ, шећер", "serbian") == (
        "Ljubljana, Đorđe, Džep, NjEGOŠ, šećer"
    )
    assert one_script("Љубљана", "croatian") == "Ljubljana"  # any variety: the same table
    assert one_script("Москва", "russian") == "Москва"  # another language keeps its script


def test_varieties_of_one_macrolanguage_are_compared_other_languages_are_not():
    quake = next(row for row in ROWS if row["a"]["language"] == "croatian" and row["same"])
    grouper = StoryGrouper()
    grouper.add(1, 1, _print(quake["a"]))
    for language, found in (("serbian", 1), ("bosnian", 1), ("slovenian", None)):
        assert grouper.match(_print({**quake["b"], "language": language})) == found


def test_a_thai_run_adds_its_pairs_of_letters():
    """Thai puts no spaces between words: its runs become overlapping pairs of letters, a
    letter with its vowel signs and tone marks (น้ำ is น้ and ำ)."""
    terms = dict(fingerprint("", "น้ำท่วม", "thai").terms)
    assert set(terms) == {"น้ำ", "ำท่", "ท่ว", "วม"}


def test_a_thai_lead_counts_its_pairs_as_words():
    """The lead ends after LEAD_WORDS pairs of letters, as it would after as many words."""
    long_run = "ก" + "ขคฆงจฉชซฌญ" * 20  # 200 letters without a space: 199 pairs
    later = "ดอยสุเทพ"
    terms = dict(fingerprint("", f"{long_run} {later}", "thai").terms)
    assert "ดอ" not in terms
    assert "ดอ" in dict(fingerprint("", f"{long_run[:20]} {later}", "thai").terms)
