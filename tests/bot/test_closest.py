"""The rule for what a mistyped word was meant to be: a few edits, or the start of a name."""

from __future__ import annotations

import pytest

from bot.commands.closest import closest, edits, inflects

NAMES = ["brief", "summarize", "digest", "sources", "topics", "schedule", "about", "help"]


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("breif", "brief", 1), ("brif", "brief", 1), ("bogus", "about", 3), ("", "help", 4)],
)
def test_edits_count_letters_added_dropped_changed_or_swapped(a, b, distance):
    assert edits(a, b) == distance == edits(b, a)


@pytest.mark.parametrize(
    ("word", "names"),
    [
        ("breif", ["brief"]),
        ("HELO", ["help"]),
        ("scedule", ["schedule"]),  # two edits allowed past four letters
        ("summ", ["summarize"]),
        ("bogus", []),
        ("xyzzy", []),
        ("a", []),  # one letter is within one edit of nothing worth offering
        ("hlp", ["help"]),
        ("sum", ["summarize"]),
        ("x" * 500, []),
        ("🦆", []),
        ("briefings", ["brief"]),  # a name with an English ending
        ("scheduling", ["schedule"]),
        ("helper", ["help"]),
    ],
)
def test_only_close_names_are_offered(word, names):
    assert closest(word, NAMES) == names


def test_an_alias_offers_the_name_it_stands_for_and_ties_are_all_offered():
    assert closest("summery", {"summary": "summarize", "summarize": "summarize"}) == [
        "summarize"
    ]
    assert closest("tap", ["top", "tip"]) == ["top", "tip"]


@pytest.mark.parametrize(
    ("word", "name", "inflected"),
    [
        ("briefings", "brief", True),
        ("digests", "digest", True),
        ("summaries", "summary", True),
        ("scheduling", "schedule", True),
        ("sourced", "sources", False),  # "sourced" is of source, not of sources
        ("briefly", "brief", False),
        ("helps", "help", True),
        ("tops", "top", False),  # a name of three letters is too short to stem
    ],
)
def test_inflects_knows_a_name_with_an_english_ending(word, name, inflected):
    assert inflects(word, name) is inflected
