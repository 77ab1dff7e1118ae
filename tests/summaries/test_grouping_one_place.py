"""Story grouping of different events at one place on one day (a fire and a strike at one
port, a team's two matches): the place and its people are not the event."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from summaries.grouping import (
    EVENT_EVIDENCE,
    SAME_STORY_THRESHOLD,
    StoryGrouper,
    event_evidence,
    fingerprint,
    similarity,
    story_score,
    story_similarity,
    term_weights,
    time_decay,
)
from tests.summaries.test_grouping import TUNE as LABELLED_TUNE

PLACES = Path(__file__).resolve().parents[1] / "data" / "story_pairs_places.jsonl"
ROWS = [json.loads(line) for line in PLACES.read_text(encoding="utf-8").splitlines()]
WINDOW = timedelta(hours=72)
LABELLED = [Path(__file__).resolve().parents[1] / "data" / name
            for name in ("story_pairs.jsonl", "story_pairs_outlets.jsonl")]  # fmt: skip

FIRE = (
    "Fire at Hamburg port warehouse injures three workers",
    "A fire broke out in a warehouse at the port of Hamburg on Tuesday morning, injuring "
    "three workers, the fire brigade said.\n\nThe blaze started shortly after 6 a.m. in a "
    "storage hall at the Waltershof container terminal, where bales of cotton and pallets of "
    "tyres were kept. About 80 firefighters brought it under control by mid-morning.\n\nTwo "
    "of the workers were taken to hospital with smoke inhalation and one with burns to his "
    "hands. Police said the cause of the fire was not yet known.",
)
STRIKE = (
    "Hamburg port workers strike over pay",
    "Thousands of workers at the port of Hamburg walked out on Tuesday in a 24-hour strike "
    "over pay, halting container traffic at Germany's largest port.\n\nThe ver.di union "
    "called the strike after talks with port employers broke down last week. It is demanding "
    "a raise of 3 euros an hour for about 12,000 dock workers, saying inflation has eaten "
    "into their wages.\n\nThe employers' association said the walkout would cost the port "
    "millions and called the union's demands unaffordable. Ships queued in the Elbe as "
    "terminals stood still.",
)
FIRE_RETOLD = (
    "Three hurt as blaze rips through Hamburg harbour storage hall",
    "Three workers were hurt on Tuesday when a blaze swept through a storage hall at the "
    "Waltershof terminal in Hamburg's harbour.\n\nFirefighters said the fire began before "
    "dawn among stacked tyres and cotton bales and sent thick smoke across the Elbe. Around "
    "80 firefighters were needed to contain it.\n\nOne worker suffered burns and two were "
    "treated for smoke inhalation, a spokesman for the Hamburg fire brigade said. The cause "
    "is under investigation.",
)
TUESDAY = datetime.fromisoformat("2026-05-12T08:10:00+00:00")


def _background() -> list[tuple[str, str]]:
    """The other labelled articles: a window of other news for the IDF weights."""
    found = {
        (side["title"], side["text"])
        for path in LABELLED
        for line in path.read_text(encoding="utf-8").splitlines()
        for side in (json.loads(line)["a"], json.loads(line)["b"])
    }
    return sorted(found)


def _grouper(background: bool) -> StoryGrouper:
    grouper = StoryGrouper(window=WINDOW)
    if background:
        for key, article in enumerate(_background(), start=100):
            grouper.add(key, key, fingerprint(*article), TUESDAY - timedelta(hours=key % 48))
    grouper.add(1, 1, fingerprint(*FIRE), TUESDAY)
    return grouper


def test_strike_at_the_port_is_not_the_fire_at_the_port():
    """Both name Hamburg's port and its workers; only the fire's second telling joins it."""
    for background in (False, True):
        grouper = _grouper(background)
        later = TUESDAY + timedelta(hours=1)
        assert grouper.match(fingerprint(*STRIKE), later) != 1, background
        assert grouper.match(fingerprint(*FIRE_RETOLD), later) == 1, background


def test_strike_starts_its_own_story_that_its_next_report_joins():
    grouper = _grouper(background=True)
    grouper.add(2, 2, fingerprint(*STRIKE), TUESDAY + timedelta(hours=1))
    assert grouper.match(fingerprint(*FIRE_RETOLD), TUESDAY + timedelta(hours=2)) == 1
    walkout = fingerprint(
        "Dockers walk out at Hamburg as pay talks fail",
        "Dock workers at Hamburg halted container traffic on Tuesday in a 24-hour strike "
        "called by the ver.di union after pay talks with port employers collapsed. The union "
        "wants 3 euros an hour more for 12,000 workers; employers call that unaffordable.",
    )
    assert grouper.match(walkout, TUESDAY + timedelta(hours=3)) == 2


def test_events_at_one_place_in_several_languages():
    """tests/data/story_pairs_places.jsonl: one event told by two outlets groups, another
    event of the same place and day (or the same team's next match) does not; measured
    precision 1.00 and recall 1.00 as the grouper is used (before the rule: 0.83, 1.00)."""
    for row in ROWS:
        grouper = StoryGrouper()  # the pairs' times are those of the set: the decay counts
        for key, side in enumerate(_sides(row["a"], row["b"])):
            grouper.add(key + 10, key + 10, fingerprint(*side[:3]))
        a, b = row["a"], row["b"]
        grouper.add(1, 1, fingerprint(a["title"], a["text"], a["language"]))
        best = grouper.nearest(fingerprint(b["title"], b["text"], b["language"]))
        score = best[1] * time_decay(_at(a) - _at(b), WINDOW) if best and best[0] == 1 else 0
        assert (score >= SAME_STORY_THRESHOLD) is row["same"], (row["note"], a["title"])


def _at(side: dict) -> datetime:
    return datetime.fromisoformat(side["published"])


def _sides(*skip: dict) -> list[tuple[str, str, str, datetime]]:
    """Every other article of the three labelled sets, at its time: the window the pair is
    weighed in (as bench/grouping.py weighs it)."""
    seen = {(s["title"], s["text"]) for s in skip}
    out = {}
    for path in (*LABELLED, PLACES):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            for side in (row["a"], row["b"]):
                if (side["title"], side["text"]) not in seen:
                    language = side.get("language", "english")
                    out[side["title"]] = (side["title"], side["text"], language, _at(side))
    return list(out.values())


def test_the_fire_and_the_strike_share_only_their_subject():
    """Most of their cosine is the port, Hamburg and its workers, which both headlines name;
    the two tellings of the fire share its particulars besides."""
    fire, strike, retold = (fingerprint(*a) for a in (FIRE, STRIKE, FIRE_RETOLD))
    weights = term_weights([fire, strike, retold])
    assert similarity(fire, strike, weights) > SAME_STORY_THRESHOLD
    assert event_evidence(fire, strike, weights) < EVENT_EVIDENCE
    assert story_similarity(fire, strike, weights) == event_evidence(fire, strike, weights)
    assert event_evidence(fire, retold, weights) > 2 * EVENT_EVIDENCE
    assert story_similarity(fire, retold, weights) == similarity(fire, retold, weights)


def test_an_article_that_is_all_headline_shares_its_subject():
    """A feed item without text has only its headline to compare: it still joins the story
    whose headline it shares."""
    bare = fingerprint("Fire at Hamburg port warehouse injures workers", "")
    fire = fingerprint(*FIRE)
    assert event_evidence(bare, fire) == similarity(bare, fire) > SAME_STORY_THRESHOLD
    grouper = StoryGrouper(window=WINDOW)
    grouper.add(1, 1, fire, TUESDAY)
    assert grouper.match(bare, TUESDAY) == 1
    assert StoryGrouper(window=WINDOW).threshold == SAME_STORY_THRESHOLD


def test_event_evidence_is_what_the_tuning_halves_pick():
    """EVENT_EVIDENCE has the best F1 on the tuning halves of the three labelled sets, the
    threshold as it is and pairs scored as grouped. (It was chosen as the middle of that
    range, 0.080 to 0.186; with the figures of summaries.grouping.numbers the range is 0.002
    to 0.207, and the constant, still inside it, stayed.)"""
    rows = LABELLED_TUNE + ROWS[0::2]
    prints = {
        _key(side): fingerprint(side["title"], side["text"], side.get("language", "english"))
        for row in rows
        for side in (row["a"], row["b"])
    }
    weights = term_weights(prints.values())
    pairs = []
    for row in rows:
        a, b = prints[_key(row["a"])], prints[_key(row["b"])]
        apart = abs(_at(row["a"]) - _at(row["b"]))
        decay = time_decay(apart, WINDOW) if apart <= WINDOW else 0.0
        pairs.append((similarity(a, b, weights), event_evidence(a, b, weights), decay))
    labels = [row["same"] for row in rows]

    def f1(needed: float) -> float:
        said = [story_score(c, e, needed) * d >= SAME_STORY_THRESHOLD for c, e, d in pairs]
        tp = sum(s and t for s, t in zip(said, labels, strict=True))
        return 2 * tp / (sum(said) + sum(labels))

    values = sorted({e for _, e, _ in pairs})
    candidates = [(x + y) / 2 for x, y in zip(values, values[1:], strict=False)]
    scores = [f1(c) for c in candidates]
    assert f1(EVENT_EVIDENCE) >= max(scores) - 1e-12
    # The rule does no worse than the cosine alone (with figures the cosine alone makes no
    # mistake on these halves; the rule still keeps two places apart on the held-out ones
    # and the whole places set, test_events_at_one_place_in_several_languages).
    assert f1(EVENT_EVIDENCE) >= f1(0.0)


def _key(side: dict) -> tuple[str, str]:
    return side["title"], side["text"]


READ_MORE = "Read the full story on our website."


def test_a_teaser_that_says_little_beyond_its_headline_joins_its_story():
    """A feed item whose one line restates its headline or points to the page says too
    little beyond the subject to tell its event by: it joins the story whose headline it
    shares, as an item without text does. The strike's headline over the same line is
    still not the fire: what the two headlines share is less than the line adds."""
    later = TUESDAY + timedelta(hours=1)
    fire = fingerprint(*FIRE)
    restated = (
        "Three workers were injured in a fire at a warehouse in the port of Hamburg on Tuesday."
    )
    for line in (READ_MORE, restated):
        teaser = fingerprint(FIRE[0], line)
        assert story_similarity(teaser, fire) == similarity(teaser, fire), line
        for background in (False, True):
            assert _grouper(background).match(teaser, later) == 1, (line, background)
    strike = fingerprint(STRIKE[0], READ_MORE)
    assert story_similarity(strike, fire) < EVENT_EVIDENCE
    for background in (False, True):
        assert _grouper(background).match(strike, later) != 1, background
