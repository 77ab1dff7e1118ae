"""The lines a newsroom or an issuer sets around a story are stored with it (the
reference texts of real pages keep them) but never quoted by a briefing: an interview's
editing note (summaries.clean._editing_notes), a wire's staff credit, a note of who else
reported, a press release's "About" section; a paragraph that only opens like them is."""

from __future__ import annotations

import pytest

from summaries.clean import main_text
from summaries.summarize.pipeline import summary_text

STORY = [
    "The council closed the harbour bridge on Monday after engineers found cracks in its piers.",
    "The committee met for three hours on Monday and heard evidence from eleven witnesses.",
    "Its report, due in the spring, is expected to recommend stricter rules for landlords.",
]


def stored_and_quoted(
    *extra: str, before: tuple[str, ...] = (), language: str = "english"
) -> tuple[str, list[str]]:
    """The main text of ``STORY`` with these lines, and the paragraphs a briefing may quote."""
    text = main_text("\n\n".join([*before, *STORY, *extra]))
    return text, [line for line in summary_text(text, "", language).split("\n") if line]


@pytest.mark.parametrize(
    "note",
    [
        "This interview has been edited for length and clarity.",
        "The conversation has been condensed and lightly edited.",
        "This interview was edited for length and clarity.",
        "(This interview has been edited for length and clarity.)",
        "The following interview has been edited for length and clarity.",
        "Answers have been edited for length and clarity.",
        "Questions and answers have been edited for length and clarity.",
        "This interview was translated from Spanish and edited for clarity.",
    ],
)
def test_an_interviews_editing_note_is_stored_but_never_quoted(note: str) -> None:
    for text, quoted in (stored_and_quoted(note), stored_and_quoted(before=(note,))):
        assert note in text
        assert quoted == STORY


@pytest.mark.parametrize(
    ("note", "language"),
    [
        ("Esta entrevista ha sido editada y condensada por razones de claridad.", "es"),
        ("Cet entretien a été édité pour plus de clarté.", "french"),
        ("Das Gespräch wurde aus Gründen der Lesbarkeit gekürzt.", "de"),
        ("L'intervista è stata modificata per brevità e chiarezza.", "italian"),
        ("A entrevista foi editada por questões de clareza e concisão.", "pt"),
    ],
)
def test_an_editing_note_in_the_texts_language_is_never_quoted(note: str, language: str) -> None:
    text, quoted = stored_and_quoted(note, language=language)
    assert note in text
    assert note not in quoted


@pytest.mark.parametrize(
    "tail",
    [
        ("(Reporting by Anna Kowal in San Jose; Editing by Mark Porter)",),
        ("___", "Associated Press writer Ken Miller contributed to this report."),
        (
            "About Harbour Cranes",
            "Harbour Cranes Ltd. builds and services port cranes in twelve countries. For more "
            "information, visit www.harbourcranes.example.",
            "SOURCE Harbour Cranes Ltd.",
        ),
    ],
)
def test_a_newsrooms_or_issuers_lines_are_never_quoted(tail: tuple[str, ...]) -> None:
    assert stored_and_quoted(*tail)[1] == STORY


@pytest.mark.parametrize(
    "line",
    [
        "The interview has been edited by the station, the union said, to hide the threats.",
        "Answers were edited to remove the names of the victims, the court heard on Monday.",
        "The photo has been edited for clarity, the agency said.",
        "Das Interview wurde am Montag in Berlin geführt.",
        "La entrevista fue grabada en Madrid, según la cadena.",
    ],
)
def test_a_paragraph_that_opens_like_a_note_is_quoted(line: str) -> None:
    assert stored_and_quoted(line)[1] == [*STORY, line]


def test_a_note_left_out_still_ends_the_paragraph_it_stood_in() -> None:
    """Like any furniture line, a note between two sentences leaves them two paragraphs."""
    note = "This interview has been edited for length and clarity."
    assert summary_text(f"{STORY[0]}\n{note}\n{STORY[1]}", "").split("\n\n") == STORY[:2]
