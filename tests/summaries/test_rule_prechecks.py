"""Cheap tests in front of three rules agree with the rules as first written, on every dev
line and on lines made to sit at their edges: an appeal after a news sentence, a gallery's
counter and Uzbek's apostrophes in the detection sample."""

from __future__ import annotations

import re

import pytest

from summaries.clean._appeals import (
    _ENDS,
    _LINE_WORDS,
    APPEAL_PHRASES,
    _appeal_start,
    _speaks_of_the_site,
    is_appeal_after_sentence,
    without_appeal,
)
from summaries.clean._clutter import _APPEALS_ASCII
from summaries.clean._labels import lower
from summaries.clean._players import (
    _COUNTER,
    _COUNTER_CHARS,
    _PLAYER_CHARS,
    _PLAYER_PART,
    is_gallery_counter,
    is_player_controls,
)
from summaries.detection import _UZBEK_LETTERS
from tests.summaries.test_clean_fast_paths import _dev_lines

EDGES = [
    "The council approved the plan. Donate now.",
    "The council approved the plan. DONATE NOW.",
    "The council approved the plan! Support our reporting today.",
    "Liked it? Donate now.",
    "ΣΟΦΟΚΛΗΣ ΕΙΠΕ. Donate now.",
    "İstanbul voted. Donate now.",
    "İstanbul voted. İ donate now.",
    "The vote was held. Spenden Sie jetzt.",
    "We are a newsroom. Donate today.",
    "Jobs. Donations.",
    "1 / 6",
    "Photo 3 of 12",
    "(Ansa)1 di 5",
    "Autoplay: On | Up next in 5 seconds",
    "  AUTOPLAY  |  up next",
    " | Autoplay",
    "Autoplay |",
    "Next video: in 3 s",
    "² of ³",
    "٣ of ٥",
    "o'zbek g‘alla O'Brien Hong Kong's o`q go'",
    "'o' o'' g’x G`a",
]
# The Uzbek letters' pattern as first written: the letter looked behind for at each place.
_OLD_UZBEK = re.compile(r"(?<=[oOgG])['‘’`](?=\w)(?!s\b)(?![A-Z][a-z])")


def _old_appeal_start(low: str, appeals: tuple[str, ...]) -> int:
    """_appeal_start as first written, without the look at the sentence's first letter."""
    cut = max(low.rfind(". "), low.rfind("! "), low.rfind("? "))
    if cut < 0 or not low.startswith(appeals, cut + 2):
        return -1
    return -1 if any(end in low[:cut] for end in _ENDS) else cut + 2


def _old_without_appeal(text: str) -> str:
    """without_appeal as first written, without the look at its last sentence first."""
    if ". " not in text and "! " not in text:
        return text
    low = text.lower()
    if len(low) != len(text) or (cut := _old_appeal_start(low, APPEAL_PHRASES)) <= 0:
        return text
    if low[cut - 2] == "?" or _speaks_of_the_site(low[:cut]) or text.count(" ") >= _LINE_WORDS:
        return text
    return text[:cut].rstrip(" ")


def _old_is_gallery_counter(text: str) -> bool:
    """is_gallery_counter as first written, with a digit by str.isdigit first."""
    if len(text) > _COUNTER_CHARS or not any(c.isdigit() for c in text):
        return False
    found = _COUNTER.fullmatch(lower(text).strip())
    return found is not None and 0 < int(found[1]) <= int(found[2]) and int(found[2]) > 1


def _old_is_player_controls(text: str) -> bool:
    """is_player_controls as first written, without the look at its opening first."""
    if len(text) > _PLAYER_CHARS:
        return False
    parts = [part.strip() for part in lower(text).split("|")]
    return all(part and _PLAYER_PART.fullmatch(part) for part in parts)


@pytest.fixture(scope="module")
def lines() -> list[str]:
    dev = _dev_lines()
    if not dev:
        pytest.skip("the dev texts are not there")
    return [*dev, *EDGES]


def test_an_appeal_is_cut_as_before(lines: list[str]) -> None:
    assert [without_appeal(line) for line in lines] == list(map(_old_without_appeal, lines))
    assert sum(without_appeal(line) != line for line in EDGES) == 5


@pytest.mark.parametrize("appeals", [APPEAL_PHRASES, _APPEALS_ASCII])
def test_an_appeal_after_a_sentence_is_found_as_before(
    lines: list[str], appeals: tuple[str, ...]
) -> None:
    assert set(appeals) <= set(APPEAL_PHRASES)
    low = [lower(line) for line in lines]
    assert [_appeal_start(line, appeals) for line in low] == [
        _old_appeal_start(line, appeals) for line in low
    ]
    assert sum(is_appeal_after_sentence(line, appeals) for line in low) >= 1


def test_a_gallery_counter_is_told_as_before(lines: list[str]) -> None:
    assert [is_gallery_counter(line) for line in lines] == list(
        map(_old_is_gallery_counter, lines)
    )
    assert sum(map(is_gallery_counter, EDGES)) == 4  # ("٣ of ٥" too)


def test_a_player_s_controls_are_told_as_before(lines: list[str]) -> None:
    assert [is_player_controls(line) for line in lines] == list(
        map(_old_is_player_controls, lines)
    )
    assert sum(map(is_player_controls, EDGES)) == 3


def test_uzbek_letters_are_found_as_before(lines: list[str]) -> None:
    assert [_UZBEK_LETTERS.sub("\u02bb", line) for line in lines] == [
        _OLD_UZBEK.sub("\u02bb", line) for line in lines
    ]
    assert _UZBEK_LETTERS.sub("\u02bb", EDGES[-2]) == "oʻzbek gʻalla O'Brien Hong Kong's oʻq go'"
