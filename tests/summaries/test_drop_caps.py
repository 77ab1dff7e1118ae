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


@pytest.mark.parametrize(
    ("opening", "language"),
    [
        ("V pondělí byl přístav znovu otevřen po bouři, která poškodila nábřeží.", "czech"),
        ("S novým vedením se přístav v pondělí znovu otevřel po ničivé bouři.", "czech"),
        ("K prekvapeniu všetkých bol prístav v pondelok znovu otvorený po búrke.", "slovak"),
        ("З понеділка порт знову відкритий після шторму, який пошкодив причал.", "ukrainian"),
        ("Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι το λιμάνι άνοιξε ξανά μετά τη θύελλα.", "greek"),
    ],
)
def test_a_one_letter_word_of_a_slavic_language_or_greek_stays(opening: str, language: str) -> None:
    """Czech and Slovak "v", "s", "k", Ukrainian "з", Greek "η" are words: "V pondělí" is
    no "Vpondělí", here or where the language is not known."""
    assert clean_text(_text(opening), language=language) == "\n\n".join([opening, REST])
    assert main_text(_text(opening)) == "\n\n".join([HEADLINE, opening, REST])


@pytest.mark.parametrize(
    "opening",
    [
        "E coli was found in the water of the harbour on Monday after the storm.",
        "X rays showed on Monday that the storm had cracked the quay in two places.",
        "U boat wreck found in the harbour on Monday after the storm moved the sand.",
    ],
)
def test_a_letter_naming_a_thing_stays_before_a_word_the_text_writes_once(opening: str) -> None:
    """Neither "coli" nor "Ecoli" is written elsewhere: nothing says they are one word."""
    assert clean_text(_text(opening), language="english") == "\n\n".join([opening, REST])
    assert main_text(_text(opening)) == "\n\n".join([HEADLINE, opening, REST])


def test_the_end_of_a_contraction_is_no_word_that_keeps_a_drop_cap_apart() -> None:
    """The "t" of "isn't" is no word "t": "I t took" is still "It took"."""
    rest = "The port authority said it isn't sure the quay will hold in the next storm."
    opening = "I t took six days to repair the quay that the storm had damaged last week."
    joined = "It took six days to repair the quay that the storm had damaged last week."
    text = "\n".join([HEADLINE, "", opening, "", rest])
    assert clean_text(text, language="english") == "\n\n".join([joined, rest])


def test_where_the_language_is_not_known_the_text_says_which_letters_are_words() -> None:
    """The main text is made before its language is known: "s" is a word of Czech, but
    this text never writes it alone, so "S he" is "She"; it writes "a" alone, so "A gain"
    (with "again" and "gain" in the text) stays two words."""
    rest = (
        "He said she would open the quay again next week, a gain for the fishing boats "
        "after the storm."
    )
    for opening, expected in [
        (
            "S he told the council on Monday that the harbour would reopen soon.",
            "She told the council on Monday that the harbour would reopen soon.",
        ),
        (
            "A gain of six boats a day was reported by the harbour on Monday.",
            "A gain of six boats a day was reported by the harbour on Monday.",
        ),
    ]:
        text = "\n".join([HEADLINE, "", opening, "", rest])
        assert main_text(text) == "\n\n".join([HEADLINE, expected, rest])


@pytest.mark.parametrize(
    ("standfirst", "opening", "joined", "rest", "language"),
    [
        (
            "The storm last week left the quay in ruins and the boats stuck inside.",
            "H arbour officials said the quay would reopen on Monday after the repairs.",
            "Harbour officials said the quay would reopen on Monday after the repairs.",
            "The harbour master said the repairs took six days and cost less than feared.",
            "english",
        ),
        (
            "La tempête de la semaine dernière avait laissé le quai en ruine.",
            "L es bateaux de pêche sont sortis lundi pour la première fois depuis la tempête.",
            "Les bateaux de pêche sont sortis lundi pour la première fois depuis la tempête.",
            "Les travaux ont duré six jours et coûté moins que prévu, a dit le maire.",
            "french",
        ),
        (
            "Der Sturm hatte den Kai in der vergangenen Woche schwer beschädigt.",
            "D er Hafen ist am Montag nach sechs Tagen Reparatur wieder geöffnet worden.",
            "Der Hafen ist am Montag nach sechs Tagen Reparatur wieder geöffnet worden.",
            "Die Arbeiten kosteten weniger als befürchtet, sagte der Hafenmeister der Stadt.",
            "german",
        ),
    ],
)
def test_a_drop_cap_after_a_standfirst_is_joined(
    standfirst: str, opening: str, joined: str, rest: str, language: str
) -> None:
    """A standfirst (or a caption) that ends a sentence may come before the paragraph the
    drop cap opens: the letter still opens the body."""
    text = "\n".join([HEADLINE, "", standfirst, "", opening, "", rest])
    assert clean_text(text, language=language) == "\n\n".join([standfirst, joined, rest])
    assert main_text(text) == "\n\n".join([HEADLINE, standfirst, joined, rest])


def test_a_letter_set_apart_deep_in_the_story_stays() -> None:
    """Only the body's opening lines of prose may hold its drop cap: a letter set apart in
    a later paragraph is the text's, as written."""
    prose = [
        "The storm last week left the quay in ruins and the boats stuck inside.",
        "The port authority said the repairs took six days and cost less than feared.",
        "Divers checked the harbour wall on Sunday and found two cracks near the ferry ramp.",
        "T he cracks were filled on Monday, and the harbour reopened to the fishing boats.",
    ]
    text = "\n\n".join([HEADLINE, *prose])
    assert main_text(text) == text
