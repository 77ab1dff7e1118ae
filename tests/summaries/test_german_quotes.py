"""Sentences that end inside a quotation closed the German way („…“, »…«, ‚…‘): the
closing mark is the one English and French open with, and ends the sentence all the
same, with or without the space after it; and a quoted title's own mark, which does not."""

from __future__ import annotations

import pytest

from summaries.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Er sagte „wir bleiben.“ Dann ging er zum Hafen.",
            ["Er sagte „wir bleiben.“", "Dann ging er zum Hafen."],
        ),
        (
            "Sie rief »genug!« Danach war es still im Saal.",
            ["Sie rief »genug!«", "Danach war es still im Saal."],
        ),
        (
            "Er sagte ‚nein.‘ Dann schwieg er lange.",
            ["Er sagte ‚nein.‘", "Dann schwieg er lange."],
        ),
        # glued to the next sentence, as a page's markup leaves it
        (
            "Er sagte „wir bleiben.“Dann ging er zum Hafen.",
            ["Er sagte „wir bleiben.“", "Dann ging er zum Hafen."],
        ),
        (
            "Sie nannte es »Unsinn.«Die Sitzung endete früh.",
            ["Sie nannte es »Unsinn.«", "Die Sitzung endete früh."],
        ),
    ],
)
def test_a_sentence_ending_in_a_german_quotation_is_split_after_its_closing_mark(text, expected):
    assert split_sentences(text, "german") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He left.“Then she came,” he said.", ["He left.", "“Then she came,” he said."]),
        ("Il est parti.«Non», a-t-il dit.", ["Il est parti.", "«Non», a-t-il dit."]),
    ],
)
def test_the_same_mark_glued_after_a_sentence_opens_the_next_when_no_german_quote_is_open(
    text, expected
):
    """“ and « open a quotation in English and French: glued after a full stop with no
    „ or » open before it, the mark goes with the sentence it opens."""
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Initiative „Keine Bildung ohne Medien!“ (KBoM) schrieb das Papier.", "german"),
        ("The initiative “No Education without Media!” (KBoM) wrote the paper.", "english"),
        ('The musical "Oklahoma!" (1943) opened on Broadway in March.', "english"),
    ],
)
def test_a_quoted_title_ending_in_its_own_mark_and_followed_by_an_aside_ends_no_sentence(
    text, language
):
    """A title's "!" or "?" inside its quotation marks, then a bracketed aside (its short
    name, its year): the sentence goes on."""
    assert split_sentences(text + " It is long.", language) == [text, "It is long."]
