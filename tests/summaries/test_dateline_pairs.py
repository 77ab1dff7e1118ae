"""A dash after a party's initials pairs it with another ("US – China trade talks ...",
"EU – UK deal ..."): no dateline, and the paragraph keeps both names. After a city's
name in capitals the dash ends a dateline, whatever name opens the sentence after it
("ROMA - Mattarella, nel suo discorso ...")."""

from __future__ import annotations

import pytest

from summaries.clean import clean_text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "US \u2013 China trade talks resumed on Monday in Geneva after a pause of three "
            "months, officials said.",
            "english",
        ),
        ("EU \u2013 UK deal on fishing rights was signed on Tuesday after long talks.", "english"),
        ("EU - UK deal on fishing rights was signed on Tuesday after long talks.", "english"),
        (
            "USA \u2013 China: Die Handelsgespr\u00e4che wurden am Montag in Genf nach drei "
            "Monaten fortgesetzt, sagten Beamte.",
            "german",
        ),
        (
            "UE \u2013 Royaume-Uni : l'accord sur la p\u00eache a \u00e9t\u00e9 sign\u00e9 "
            "mardi apr\u00e8s de longues n\u00e9gociations.",
            "french",
        ),
        (
            "UE \u2014 Regno Unito, l'accordo sulla pesca \u00e8 stato firmato ieri a Bruxelles.",
            "italian",
        ),
        (
            "UE \u2013 China: las negociaciones comerciales se reanudaron el lunes en Ginebra.",
            "spanish",
        ),
    ],
)
def test_initials_paired_by_a_dash_with_another_name_stay(text: str, language: str) -> None:
    assert clean_text(text, language=language) == text


@pytest.mark.parametrize(
    ("dateline", "sentence", "language"),
    [
        (
            "UK \u2013 ",
            "The government said on Monday that the talks would resume next week.",
            "english",
        ),
        (
            "WASHINGTON \u2014 ",
            "President Lee said on Monday that the talks would resume next week.",
            "english",
        ),
        (
            "ROMA - ",
            "Mattarella, nel suo discorso di ieri, ha ricordato il valore della Costituzione.",
            "italian",
        ),
        (
            "MILANO - ",
            "Sala, dopo il voto in consiglio, ha annunciato che il ponte resterà chiuso.",
            "italian",
        ),
        (
            "BERLIN \u2013 ",
            "Scholz, der am Montag in Paris war, k\u00fcndigte neue Gespr\u00e4che an.",
            "german",
        ),
    ],
)
def test_a_citys_dateline_before_a_name_and_its_clause_goes(
    dateline: str, sentence: str, language: str
) -> None:
    """A city's name in full, then a dash: the sentence after it opens with its subject,
    a name maybe, and a clause set off by commas."""
    assert clean_text(f"{dateline}{sentence}", language=language) == sentence
