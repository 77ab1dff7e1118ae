"""Furniture lines of pages in other languages than English, and the lines of the story
that look like them: link labels before a sentence, a book's count of photos, an
Italian dateline, an event's address and date among its facts."""

from __future__ import annotations

import pytest

from summaries.clean import clean_text, main_text

STORY = [
    "The council met on Tuesday to discuss the new budget for the harbour district.",
    "The vote was unanimous, the mayor said after the meeting in the town hall.",
]


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line]


@pytest.mark.parametrize(
    "line",
    [
        "Related: the council also voted to extend the ferry service until the end of the year.",
        "Lire aussi : le maire a démissionné mardi après trois ans de conflit avec son conseil.",
    ],
)
def test_a_sentence_in_lowercase_after_a_link_label_stays(line):
    """A link label's headline opens with a capital; words that run on in lowercase as a
    sentence after the label are the story's own."""
    assert _lines(main_text("\n".join([STORY[0], line, STORY[1]]))) == [STORY[0], line, STORY[1]]


@pytest.mark.parametrize(
    "line",
    ["Related: The council votes to extend the ferry service", "Lire aussi : Le maire démissionne"],
)
def test_a_link_labels_headline_still_goes(line):
    assert _lines(main_text("\n".join([STORY[0], line, STORY[1]]))) == STORY


def test_a_books_count_of_photos_is_one_of_its_facts():
    """ "Fotos: 120 farbige Abbildungen" counts a book's photos, it credits no one: the
    book's facts stay whole."""
    facts = ["Titel: Hamburg im Wandel", "Fotos: 120 farbige Abbildungen", "Verlag: Hafen Verlag"]
    text = "\n".join([STORY[0], *facts, "Preis: 29,90 Euro", STORY[1]])
    assert _lines(main_text(text))[1:4] == facts


@pytest.mark.parametrize(
    "credit", ["Foto: dpa", "Fotos: Jan Kowalski / PAP", "Foto: 2024 Getty Images"]
)
def test_a_credit_under_the_same_label_still_goes(credit):
    assert _lines(main_text("\n".join([STORY[0], credit, STORY[1]]))) == STORY


def test_a_caption_sentence_after_a_credit_label_goes_as_a_caption():
    """ "Foto: Die Feuerwehr ..." captions a photo, as "Photo: Firefighters work at the
    scene." does: a caption is no sentence of the story, in German as in English."""
    story = [
        "Die Stadtverwaltung teilte am Montag mit, dass die Brücke bis zum Sommer gesperrt bleibt.",
        "Pendler müssen in dieser Zeit Umwege über die beiden Nachbarorte fahren, hieß es.",
    ]
    caption = "Foto: Die Feuerwehr löschte den Brand in der Nacht zum Sonntag."
    assert _lines(main_text("\n".join([story[0], caption, story[1]]))) == story


ITALIAN = (
    "Il sindaco ha annunciato lunedì che il ponte sul torrente resterà chiuso fino all'estate."
)


@pytest.mark.parametrize("place", ["GENOVA", "REGGIO EMILIA"])
def test_an_italian_dateline_with_a_hyphen_leaves_the_first_sentence(place):
    assert clean_text(f"{place} - {ITALIAN}", language="italian") == ITALIAN


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "UE - Il Consiglio ha approvato ieri il nuovo piano del traffico per il centro.",
            "italian",
        ),
        ("NASA - The agency said on Monday that it would launch the probe next week.", "english"),
    ],
)
def test_capitals_and_a_hyphen_that_are_no_dateline_stay(text, language):
    """English writes a dateline with a dash, and a hyphen after capitals opens a clause;
    two capitals are an acronym ("UE"), no place."""
    assert clean_text(text, language=language) == text


@pytest.mark.parametrize(
    "facts",
    [
        [
            "When: Saturday, June 6, 10:00-18:00",
            "Where: Harbour Square, Brennport",
            "URL: https://example.org/festival",
            "Tickets: free",
        ],
        [
            "Quand : samedi 6 juin 2026, 10h00",
            "Où : place du Port",
            "URL : https://example.org/fete",
        ],
    ],
)
def test_an_events_address_and_date_stay_among_its_facts(facts):
    """ "URL: ..." beside an event's "When:" and "Where:" is its address, and a date under
    "When:" is when it is: neither is a print version's stamp nor the page's date."""
    assert _lines(main_text("\n".join([STORY[0], *facts]))) == [STORY[0], *facts]


def test_a_print_versions_stamps_still_go():
    text = "\n".join(
        [STORY[0], STORY[1], "Printed from example.org", "URL: https://example.org/a/1"]
    )
    assert _lines(main_text(text)) == STORY
