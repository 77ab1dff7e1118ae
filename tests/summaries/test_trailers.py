"""The lines a newsroom or an issuer sets around a story (summaries.clean._trailers): a
wire's staff credit, an interview's editor's note, a press release's closing boilerplate
go; a paragraph that only opens like them stays."""

from __future__ import annotations

import pytest

from summaries.clean import main_text

STORY = [
    "The council closed the harbour bridge on Monday after engineers found cracks in its piers.",
    "The committee met for three hours on Monday and heard evidence from eleven witnesses.",
    "Its report, due in the spring, is expected to recommend stricter rules for landlords.",
]


def stored(*extra: str, before: tuple[str, ...] = ()) -> list[str]:
    text = "\n\n".join([*before, *STORY, *extra])
    return [line for line in main_text(text).split("\n") if line]


@pytest.mark.parametrize(
    "credit",
    [
        "(Reporting by Anna Kowal in San Jose and Priya Raman in Pune; Editing by Mark Porter)",
        "(Reporting by Anna Kowal; additional reporting by Tom Lee; Writing by Jo Dunn; "
        "Editing by Mark Porter)",
        "Reporting by Anna Kowal; Editing by Mark Porter",
        "Additional reporting by Tom Lee in Lagos",
    ],
)
def test_a_wires_staff_credit_is_not_stored(credit: str) -> None:
    assert stored(credit) == STORY


@pytest.mark.parametrize(
    "note",
    [
        "Associated Press writers Ken Miller in Oklahoma City and Heather Hollingsworth in "
        "Kansas City, Missouri, contributed to this report.",
        "Tom Lee contributed reporting from Lagos.",
    ],
)
def test_a_note_of_who_else_reported_is_not_stored_nor_the_rule_before_it(note: str) -> None:
    assert stored("___", note) == STORY


def test_a_paragraph_that_opens_like_a_staff_credit_stays() -> None:
    line = "Reporting by the Harbour Gazette showed that the inspections had been skipped."
    assert stored(line) == [*STORY, line]


@pytest.mark.parametrize(
    "note",
    [
        "This interview has been edited for length and clarity.",
        "The conversation has been condensed and lightly edited.",
    ],
)
def test_an_interviews_editing_note_is_not_stored(note: str) -> None:
    assert stored(note) == STORY
    assert stored(before=(note,)) == STORY


def test_a_press_releases_issuer_boilerplate_is_not_stored() -> None:
    tail = (
        "About Harbour Cranes",
        "Harbour Cranes Ltd. builds and services port cranes in twelve countries. For more "
        "information, visit www.harbourcranes.example.",
        "Media Contact:",
        "Jane Doe, press@harbourcranes.example",
        "SOURCE Harbour Cranes Ltd.",
    )
    assert stored(*tail) == STORY


def test_a_storys_subheading_that_opens_with_about_stays() -> None:
    """A subheading of the story goes on with the story, not with its own name."""
    tail = (
        "About Turn",
        "The council reversed its decision a week later after protests from residents.",
    )
    assert stored(*tail) == [*STORY, *tail]


def test_a_rule_left_out_still_ends_the_block_it_stood_in() -> None:
    """Like any furniture line, a rule between two paragraphs leaves them two blocks."""
    assert main_text(f"{STORY[0]}\n___\n{STORY[1]}") == f"{STORY[0]}\n\n{STORY[1]}"
