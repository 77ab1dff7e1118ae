"""Figures in story fingerprints: a distinctive number two tellings share is evidence, a
year or a small count is not (summaries.grouping.numbers)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from summaries.grouping import (
    SAME_STORY_THRESHOLD,
    StoryGrouper,
    fingerprint,
    story_similarity,
    term_weights,
    time_decay,
)

NUMBERS = Path(__file__).resolve().parents[1] / "data" / "story_pairs_numbers.jsonl"
ROWS = [json.loads(line) for line in NUMBERS.read_text(encoding="utf-8").splitlines()]
WINDOW = timedelta(hours=72)
THURSDAY = datetime(2026, 9, 17, 12, tzinfo=UTC)


def test_two_rewrites_that_share_only_the_rate_cut_are_one_story():
    """One sentence each, different headlines: what they share is "cut rates by 0.25 points
    to 4.5%"."""
    first = fingerprint(
        "Reserve Bank trims borrowing costs again",
        "The Estmark Reserve Bank cut rates by 0.25 points to 4.5% on Thursday, its second "
        "move since the spring.",
    )
    second = fingerprint(
        "Relief for mortgage holders",
        "Policymakers cut rates by 0.25 points to 4.5%, a decision most economists had expected.",
    )
    grouper = StoryGrouper(window=WINDOW)
    grouper.add(1, 1, first, THURSDAY)
    assert grouper.match(second, THURSDAY + timedelta(hours=2)) == 1


def test_a_year_and_small_counts_are_no_evidence():
    """Two stories of one town and day that share the year and "3 years" stay apart, and
    the year adds no term to either fingerprint."""
    bridge = fingerprint(
        "Harbour bridge to reopen in 2026",
        "The Harbour Road bridge in Norwick will reopen in 2026 after 3 years of repairs, the "
        "council said on Monday.",
    )
    museum = fingerprint(
        "Museum's new wing delayed to 2026",
        "The Norwick museum's new wing will now open in 2026, 3 years later than planned, its "
        "director said on Monday.",
    )
    assert not {"2026", "3"} & {term for term, _ in bridge.terms + museum.terms}
    grouper = StoryGrouper(window=WINDOW)
    grouper.add(1, 1, bridge, THURSDAY)
    assert grouper.match(museum, THURSDAY + timedelta(hours=2)) is None


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("cut rates by 0.25 points to 4.5%", {"0.25", "4.5"}),
        ("watches worth £250,000 and a £3bn fund", {"250.000", "3"}),  # signed: any size
        ("Der Leitzins liegt bei 4,5 Prozent", {"4.5"}),  # a decimal comma
        ("a 6.2 quake at 11:15 on 07.12.2026", {"6.2"}),  # a time and a date are no figures
        ("737 jets, the X7 phone, the A61 and 2 people in 2026; 5 % up", {"737", "5"}),
        ("降息0.25个百分点至4.5%", {"0.25", "4.5"}),  # after a Han character
        ("ลด ๐.๒๕% เหลือ 2.25%", {"0.25", "2.25"}),  # Thai digits as ASCII
        # grouped by spaces, as French and Russian write them: no "250" out of 1 250 000
        (
            "Plus de 30 000 manifestants, 1\u202f250\u00a0000 selon les syndicats",
            {"30.000", "1.250.000"},
        ),
        ("ارتفع التضخم إلى ٣٫٥٪ وبلغ عدد الضحايا ١٬٢٥٠", {"3.5", "1.250"}),  # Arabic's separators
        ("call 101 or Crimestoppers on 0800 555 111", {"101"}),  # a phone number is no figure
        ("call 1-800-273-8255 or agent 007 on 2026-12-07", set()),  # nor another code
        ("by 2026 300 homes; times 13.24 13.96", {"300", "13.24", "13.96"}),  # side by side
        ("a 102-98 win, 100-150 fans", {"102", "100", "150"}),  # a score, a range count
    ],
)
def test_which_numbers_are_figures(sentence, figures):
    terms = {term for term, _ in fingerprint("", sentence).terms}
    assert {t for t in terms if any(c.isdigit() for c in t)} == figures


def test_a_figure_counts_once_however_often_it_is_repeated():
    """The headline and the lead both give "300": an article that repeats its figure does
    not outweigh a telling that leaves it out."""
    found = dict(fingerprint("Skyline cancels 300 flights", "It cancelled 300 flights.").terms)
    assert found["300"] == dict(fingerprint("", "It cancelled 300 flights.").terms)["300"]


def test_the_numbers_set_as_the_grouper_scores_it():
    """tests/data/story_pairs_numbers.jsonl, IDF over its own articles, as grouped: measured
    precision 1.00 and recall 1.00 (before figures counted: recall 0.00)."""
    prints = {
        (s["title"], s["text"]): fingerprint(s["title"], s["text"], s["language"])
        for row in ROWS
        for s in (row["a"], row["b"])
    }
    weights = term_weights(prints.values())
    for row in ROWS:
        a, b = (prints[row[s]["title"], row[s]["text"]] for s in "ab")
        times = [datetime.fromisoformat(row[s]["published"]) for s in "ab"]
        score = story_similarity(a, b, weights) * time_decay(times[0] - times[1], WINDOW)
        assert (score >= SAME_STORY_THRESHOLD) is row["same"], row["note"]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("thai", "เมื่อวันที่ 7 ธันวาคม 2569 มีผู้โดยสาร 250 คน"),  # the Buddhist Era's 2026
        ("thai", "ในปี พ.ศ. ๒๕๖๙ มีผู้โดยสาร ๒๕๐ คน"),
        ("persian", "در سال ۱۴۰۵ حدود ۲۵۰ نفر زخمی شدند"),  # the Solar Hijri 2026
    ],
)
def test_a_year_of_the_calendar_a_language_dates_its_news_in_is_no_figure(language, sentence):
    """Thai news is dated in the Buddhist Era, Persian in the Solar Hijri calendar: every
    story of the year shares its year as every English one shares 2026."""
    terms = {term for term, _ in fingerprint("", sentence, language).terms}
    assert {t for t in terms if t.isascii() and any(c.isdigit() for c in t)} == {"250"}
