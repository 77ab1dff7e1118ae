"""The main text's cheap tests before its rules: each may only skip what the rule would find.

Each is checked against the rule written out without it, on lines at its edges.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from summaries.clean._lines import ends_sentence, word_count
from summaries.clean._main import _is_fact, _is_short_fact, _without_runs

FACT_LINES = [
    "",
    "Jacket: Harbour Knits",
    "Jacket:Harbour Knits",
    "Tags : bridge, harbour",
    "Time: 10:15",
    "10:15 to 11:30",
    "Photo: Reuters.",
    "Note: the bridge will close on Monday for six weeks of repairs to its supports",
    "Twitter: @harbourtv",
    "Web: www.example.org",
    ": no label",
    "Kategorie：Politik",
    "The mayor said: we will reopen it soon.",
]


@pytest.mark.parametrize("line", FACT_LINES)
def test_a_short_fact_is_told_as_the_rule_tells_it(line: str) -> None:
    expected = bool(line) and not ends_sentence(line) and word_count(line) <= 8 and _is_fact(line)
    assert _is_short_fact(line) == expected


def _runs_blanked(
    lines: list[str], member: Callable[[str], bool], least: int, kept: Callable[[list[str]], bool]
) -> list[str]:
    """_without_runs as the rule reads, line by line."""
    out = list(lines)
    start = 0
    for end in range(len(lines) + 1):
        if end < len(lines) and member(lines[end]):
            continue
        if end - start >= least and not kept(lines[start:end]):
            out[start:end] = [""] * (end - start)
        start = end + 1
    return out


@pytest.mark.parametrize("least", [2, 3])
def test_runs_are_blanked_as_the_rule_blanks_them(least: int) -> None:
    rng = random.Random(7)
    for _ in range(300):
        lines = [rng.choice(["m", "m", "x", "", "k"]) for _ in range(rng.randrange(0, 12))]
        member = lambda line: line in ("m", "k")  # noqa: E731
        kept = lambda run: "k" in run  # noqa: E731
        assert _without_runs(lines, member, least, kept) == _runs_blanked(
            lines, member, least, kept
        )
