"""Which sentences name the speaker of the quotation before them, and which only open
the same way."""

from __future__ import annotations

import pytest

from summaries.summarize.attribution import names_speaker_before


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Det säger Anna Nilsson, ordförande i föreningen.", "swedish"),
        ("Das sagte der Minister am Montag.", "german"),
        ("Dat zegt wethouder Jan de Boer.", "dutch"),
        ("Dat vindt minister Jansen ook.", "dutch"),
        ("Así lo ha dicho el ministro.", "spanish"),
    ],
)
def test_a_sentence_that_names_the_speaker_before_it(sentence, language):
    assert names_speaker_before(sentence, language)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Dat vindt plaats op 12 mei in het stadhuis, meldt de gemeente.", "dutch"),
        ("Dat stelt ons voor een probleem, zei de wethouder.", "dutch"),
        ("Das sagt viel über die Partei aus.", "german"),
        ("Det säger mycket om läget i kommunen.", "swedish"),
        ("Det siger noget om, hvor presset kommunen er.", "danish"),
        ("Det säger sig självt att bron måste lagas.", "swedish"),
    ],
)
def test_a_sentence_that_only_opens_like_one_names_nobody(sentence, language):
    assert not names_speaker_before(sentence, language)
