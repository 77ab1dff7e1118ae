"""Lines that look like a post's data, a credit or a dateline in other languages but are
the story's own: a product's or an event's labelled facts with its category or its
text's author among them, a label in Turkish capitals, a sentence after a post's label,
a count after a place in capitals."""

import pytest

from summaries.clean import clean_text, main_text

STORY = [
    "Der Stadtrat hat am Montag beschlossen, die Brücke über den Hafen im Frühjahr zu "
    "sanieren und den Verkehr für sechs Monate umzuleiten.",
    "Die Arbeiten sollen nach Angaben der Stadt rund acht Monate dauern und etwa zwölf "
    "Millionen Euro kosten.",
]


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


@pytest.mark.parametrize(
    "facts",
    [
        ["Kategorie: Mittelklasse", "Motor: 2,0 Liter", "Leistung: 150 PS", "Preis: 35.000 Euro"],
        ["Kategorie: Kompaktwagen", "Preis: 25.000 Euro", "Verbrauch: 5,1 Liter"],
        [
            "Fecha: 14 de marzo",
            "Lugar: Teatro Real",
            "Precio: 20 euros",
            "Texto: Federico García Lorca",
        ],
        ["Luogo: Teatro alla Scala", "Testo: Dante Alighieri", "Regia: Mario Rossi"],
    ],
)
def test_a_products_or_events_facts_with_a_category_or_text_among_them_stay(facts):
    """A category or a text's author is one of a product's or a play's facts too: a label
    of a post's data among facts of other labels does not make them the post's data."""
    assert _lines(main_text("\n".join([STORY[0], *facts, STORY[1]]))) == [
        STORY[0],
        *facts,
        STORY[1],
    ]


@pytest.mark.parametrize(
    "data",
    [
        ["Kategorie: Politik", "Text: Max Muster"],
        ["Rubrik: Lokales", "Ressort: Hamburg", "Preis: 2 Euro"],
    ],
)
def test_a_run_mostly_of_a_posts_data_labels_still_goes(data):
    assert _lines(main_text("\n".join([STORY[0], *data, STORY[1]]))) == STORY


@pytest.mark.parametrize(
    "label",
    ["ETİKETLER: köprü, liman", "İLGİLİ HABERLER: Köprü inşaatı başladı"],
)
def test_a_turkish_label_in_capitals_goes_as_in_lowercase(label):
    """Turkish's dotted capital İ lowercases to "i" and a combining dot: the label is
    still the same word."""
    assert _lines(main_text("\n\n".join([STORY[0], label, STORY[1]]))) == STORY


@pytest.mark.parametrize(
    "sentence",
    [
        "Topics: climate, energy and housing will dominate the campaign, the mayor said.",
        "Themen: die Mieten, der Verkehr und die Schulen werden den Wahlkampf bestimmen.",
    ],
)
def test_a_sentence_that_opens_with_a_posts_label_is_kept(sentence):
    """A post's labels list words and end no sentence; a sentence running on in lowercase
    after the word is the story's own (as after "Photo:")."""
    text = "\n\n".join([STORY[0], sentence, STORY[1]])
    assert _lines(main_text(text)) == [STORY[0], sentence, STORY[1]]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("EU, 27 Staaten. So viele Mitglieder hat die Union seit dem Austritt Londons.", "german"),
        ("UE, 27 paesi. Il vertice si chiude senza accordo sul bilancio comune.", "italian"),
        ("MOSCOW, 14 bridges. The city has more bridges than any other in the region.", "english"),
        ("ЕС, 27 стран. Столько членов в союзе после выхода Великобритании.", "russian"),
    ],
)
def test_a_place_in_capitals_and_a_count_is_no_dateline(text, language):
    """A dateline's date is a day and its month; a number and another noun after a place
    in capitals is the story's own sentence."""
    assert clean_text(text, language=language) == text


@pytest.mark.parametrize(
    ("dateline", "language"),
    [
        ("BERLIN, 14 März. ", "german"),
        ("ROMA, 3 marzo. ", "italian"),
        ("ANKARA, 14 Mart. ", "turkish"),
        ("WARSZAWA, 14 marca. ", "polish"),
        ("PARIS, 1er mars. ", "french"),
    ],
)
def test_a_place_and_a_day_and_month_in_other_languages_is_a_dateline(dateline, language):
    lede = "Der Senat hat am Dienstag einen neuen Haushalt für die Schulen der Stadt beschlossen."
    assert clean_text(dateline + lede, language=language) == lede


@pytest.mark.parametrize(
    "headline",
    [
        "Delen van gegevens met Facebook verboden",
        "Teilen von Daten mit Facebook: Gericht urteilt gegen Meta",
        "Compartir datos con Facebook costará una multa a Meta",
    ],
)
def test_a_headline_that_opens_with_a_share_verb_and_names_a_network_stays(headline):
    """A share widget's words are its verb, its networks and small words; a headline about
    sharing data with a network says more than the networks it names."""
    text = "\n\n".join([headline, *STORY])
    assert _lines(main_text(text))[0] == headline


def test_a_share_widget_with_a_network_declined_goes():
    """Polish declines a network's name ("na Facebooku") as any other noun."""
    assert _lines(main_text("\n\n".join([STORY[0], "Udostępnij na Facebooku", STORY[1]]))) == STORY


@pytest.mark.parametrize(
    "facts",
    [
        ["When: Friday, 7 pm", "Where: Town Hall", "Topics: housing, transport and the bridge"],
        ["Wann: Freitag, 19 Uhr", "Wo: Rathaus", "Themen: Wohnen, Verkehr und die Brücke"],
    ],
)
def test_an_events_when_and_where_stay_beside_its_topics(facts):
    """An event has topics as a post does: "Topics:" among its other labelled facts does
    not make them a post's data (a post's tags would)."""
    kept = _lines(main_text("\n".join([STORY[0], *facts, STORY[1]])))
    assert kept[:3] == [STORY[0], *facts[:2]]


@pytest.mark.parametrize(
    "facts",
    [
        ["Titel: Der Hafen", "Autor: Stephen King", "Verlag: Heyne", "Preis: 24 Euro"],
        ["Titre : Le Port", "Auteur : Claire Dubois", "Éditeur : Gallimard", "Prix : 22 euros"],
    ],
)
def test_a_books_facts_each_a_paragraph_keep_its_author(facts):
    """A text file sets a blank line between a book's facts: its author is one of them,
    no byline alone."""
    text = "\n\n".join([STORY[0], *facts, STORY[1]])
    assert _lines(main_text(text)) == [STORY[0], *facts, STORY[1]]

