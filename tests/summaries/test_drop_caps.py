"""A drop cap that a page set in an element of its own, given with a space or a line
break before the rest of its word ("T he harbour ..."), is one word again at the start of
the article's body; a letter that is a word of its own ("A man ...", "I think ...") or a
letter before a word of the text ("T cells ...") stays apart."""

from __future__ import annotations

import pytest

from summaries.clean import clean_text, main_text

HEADLINE = "Harbour reopens after the storm"
REST = (
    "The port authority said the repairs took six days and cost less than it had "
    "feared when the storm hit."
)


def _text(*opening: str) -> str:
    return "\n".join([HEADLINE, "", *opening, "", REST])


@pytest.mark.parametrize(
    "opening",
    [
        ["T he harbour reopened on Monday after the storm damaged the quay last week."],
        ["T", "he harbour reopened on Monday after the storm damaged the quay last week."],
        ["T", "", "he harbour reopened on Monday after the storm damaged the quay last week."],
    ],
)
def test_a_drop_cap_set_apart_is_joined_to_its_word(opening: list[str]) -> None:
    """ "he" is a word, but a lone "T" is none: "T he" is "The"."""
    joined = "The harbour reopened on Monday after the storm damaged the quay last week."
    assert main_text(_text(*opening)) == "\n\n".join([HEADLINE, joined, REST])
    assert clean_text(_text(*opening)) == "\n\n".join([joined, REST])


@pytest.mark.parametrize(
    ("opening", "joined"),
    [
        (
            "W hen the harbour reopened on Monday, the fishing boats were the first out.",
            "When the harbour reopened on Monday, the fishing boats were the first out.",
        ),
        (
            "I t took six days to repair the quay that the storm had damaged last week.",
            "It took six days to repair the quay that the storm had damaged last week.",
        ),
    ],
)
def test_a_drop_cap_and_a_fragment_that_is_no_word_are_one_word(opening: str, joined: str) -> None:
    """ "hen" and "t" are no words of the text, "when" and "it" are: "I" is a word of
    English, but "I t" is "It"."""
    assert clean_text(_text(opening), language="english") == "\n\n".join([joined, REST])


@pytest.mark.parametrize(
    "opening",
    [
        "A man was rescued from the harbour on Monday after the storm damaged the quay.",
        "I think the harbour will reopen on Monday, the head of the port authority said.",
        "T cells in the blood of the divers were counted after the cells were sampled.",
        "Y el puerto volvió a abrir el lunes después de que la tormenta dañara el muelle.",
    ],
)
def test_a_letter_that_is_a_word_or_before_a_word_of_the_text_stays(opening: str) -> None:
    assert main_text(_text(opening)) == "\n\n".join([HEADLINE, opening, REST])
