"""A dash after a party's initials pairs it with another ("US – China trade talks ...",
"EU – UK deal ..."): no dateline, and the paragraph keeps both names. After a city's
initials it ends a dateline ("NYC — Mayor Eric Adams said ..."). After a city's
name in capitals the dash ends a dateline, whatever name opens the sentence after it
("ROMA - Mattarella, nel suo discorso ...")."""

from __future__ import annotations

import pytest

from summaries.clean import clean_text


@pytest.mark.parametrize(
    ("text", "again", "language"),
    [
        (
            "US \u2013 China trade talks resumed on Monday in Geneva after a pause of three "
            "months, officials said.",
            "China's envoy said the tariffs would be the first item on the agenda.",
            "english",
        ),
        (
            "US \u2013 Mexico border crossings fell in May, the agency said on Monday.",
            "Mexico's government said it had sent more troops to the border this year.",
            "english",
        ),
        (
            "EU \u2013 UK deal on fishing rights was signed on Tuesday after long talks.",
            "The fishing fleets said the deal came too late for this season.",
            "english",
        ),
        (
            "EU - UK deal on fishing rights was signed on Tuesday after long talks.",
            "The fishing fleets said the deal came too late for this season.",
            "english",
        ),
        (
            "USA \u2013 China: Die Handelsgespr\u00e4che wurden am Montag in Genf nach drei "
            "Monaten fortgesetzt, sagten Beamte.",
            "China will zuerst \u00fcber die Z\u00f6lle sprechen, hie\u00df es in Peking.",
            "german",
        ),
        (
            "UE \u2013 Royaume-Uni : l'accord sur la p\u00eache a \u00e9t\u00e9 sign\u00e9 "
            "mardi apr\u00e8s de longues n\u00e9gociations.",
            "Le Royaume-Uni a obtenu un d\u00e9lai de cinq ans pour ses p\u00eacheurs.",
            "french",
        ),
        (
            "UE \u2014 Regno Unito, l'accordo sulla pesca \u00e8 stato firmato ieri a Bruxelles.",
            "Il Regno Unito ha ottenuto cinque anni per i suoi pescatori, ha detto il ministro.",
            "italian",
        ),
        (
            "USA - Cina, la tregua commerciale \u00e8 stata prorogata ieri di altri novanta "
            "giorni.",
            "La Cina ha detto che i dazi saranno il primo punto dei colloqui di marzo.",
            "italian",
        ),
        (
            "UE \u2013 China: las negociaciones comerciales se reanudaron el lunes en Ginebra.",
            "China dijo que los aranceles ser\u00e1n el primer punto de la agenda.",
            "spanish",
        ),
    ],
)
def test_initials_paired_by_a_dash_with_another_name_stay(
    text: str, again: str, language: str
) -> None:
    """The other party is initials too, or a name the story writes again, and never in
    lowercase: what the story is about."""
    story = f"{text}\n\n{again}"
    assert clean_text(story, language=language) == story


@pytest.mark.parametrize(
    ("dateline", "sentence", "rest", "language"),
    [
        (
            "NYC \u2014 ",
            "Mayor Eric Adams said on Monday that the subway would reopen next week.",
            "The mayor said the repairs had cost less than the city had feared.",
            "english",
        ),
        (
            "DC \u2013 ",
            "Officials said on Monday that the talks would resume next week in the capital.",
            "The talks stalled in May, when officials left without a deal.",
            "english",
        ),
        (
            "LA \u2014 ",
            "Firefighters battled the flames across the hills through the night on Monday.",
            "The fire burned more than 2,000 acres before the wind dropped at dawn.",
            "english",
        ),
        (
            "SF \u2014 ",
            "Police arrested three people on Monday after a shooting in the Mission.",
            "A spokesman for the police said the three would appear in court on Friday.",
            "english",
        ),
        (
            "NRW \u2013 ",
            "Polizei warnt vor Glätte auf den Straßen im ganzen Land, sagte ein Sprecher am "
            "Montag.",
            "Die Polizei bittet alle Fahrer, langsam zu fahren und Abstand zu halten.",
            "german",
        ),
        (
            "SP \u2013 ",
            "Moradores da zona norte ficaram sem luz na segunda-feira, disse a empresa.",
            "A empresa disse que a energia voltaria at\u00e9 a noite de ter\u00e7a-feira.",
            "portuguese",
        ),
    ],
)
def test_a_citys_initials_before_a_sentence_are_its_dateline(
    dateline: str, sentence: str, rest: str, language: str
) -> None:
    """A city's or a region's initials and a dash before a sentence's first word, a word of
    the language (written in lowercase elsewhere, or nowhere else; or a noun of German,
    which writes its nouns with a capital): the dateline goes."""
    story = f"{dateline}{sentence}\n\n{rest}"
    assert clean_text(story, language=language) == f"{sentence}\n\n{rest}"


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
