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


@pytest.mark.parametrize("counter", ["Photo: 1 of 12", "Foto: 1 von 12"])
def test_a_gallerys_counter_under_a_photo_label_still_goes(counter):
    """ "1 of 12" is where a gallery stands, no count of a book's photos."""
    assert _lines(main_text("\n".join([STORY[0], counter, STORY[1]]))) == STORY


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
        ("ROMA - LAZIO 2-1: la partita si è decisa nel recupero con un gol di testa.", "italian"),
    ],
)
def test_capitals_and_a_hyphen_that_are_no_dateline_stay(text, language):
    """English writes a dateline with a dash, and a hyphen after capitals opens a clause;
    two capitals are an acronym ("UE"), no place; and capitals on both sides of the
    hyphen set two names against each other, a match's teams ("ROMA - LAZIO")."""
    assert clean_text(text, language=language) == text


@pytest.mark.parametrize(
    "text",
    [
        "USA - Cina, la tregua commerciale regge ma i mercati restano nervosi dopo il vertice.",
        "ONU - Ginevra, la conferenza sul clima si chiude senza un accordo tra i governi.",
        "MILANO - Torino - Genova: la nuova linea ferroviaria aprirà entro la fine dell'anno.",
    ],
)
def test_a_pair_of_names_around_a_hyphen_is_no_dateline(text):
    """A dateline names a place, then the story's sentence; a name in capitals, a hyphen
    and a second name followed by a comma or a hyphen set two names side by side (two
    countries, an agency and a city): the paragraph keeps them."""
    assert clean_text(text, language="italian") == text


@pytest.mark.parametrize("opening", ["Il sindaco", "Ieri, il sindaco", "Intanto, il sindaco"])
def test_a_dateline_before_a_sentences_small_word_and_a_comma_still_goes(opening):
    """ "GENOVA - Ieri, il sindaco ...": a word of the language's own (no name) and a
    comma open the sentence after a real dateline."""
    sentence = f"{opening} ha annunciato lunedì che il ponte sul torrente resterà chiuso."
    assert clean_text(f"GENOVA - {sentence}", language="italian") == sentence


@pytest.mark.parametrize("opening", ["Lunedì, alle 10,", "Domani, alle 10,", "Stasera, alle 20,"])
def test_a_dateline_before_a_day_or_a_word_the_text_writes_in_lowercase_still_goes(opening):
    """ "GENOVA - Lunedì, ...": a day is no second name of a pair, nor a word that the
    text writes in lowercase elsewhere ("domani", "stasera"): a name keeps its capital."""
    sentence = f"{opening} il sindaco annuncerà che il ponte sul torrente resterà chiuso."
    later = "Il ponte resterà chiuso da domani, ha detto stasera il sindaco ai giornalisti."
    text = f"GENOVA - {sentence}\n\n{later}"
    assert clean_text(text, language="italian") == f"{sentence}\n\n{later}"


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


@pytest.mark.parametrize(
    "stamps",
    [
        ["Printed from example.org", "URL: https://example.org/a/1"],
        ["URL: https://example.org/a/1", "Printed: 12/03/2026 10:15"],
    ],
)
def test_a_print_versions_stamps_still_go(stamps):
    """A print version's date beside its "URL:" is labelled as a fact is, but it is a
    stamp itself: the address is no fact of an event."""
    assert _lines(main_text("\n".join([*STORY, *stamps]))) == STORY


FRENCH = [
    "Le conseil municipal a voté mardi un budget de dix millions d'euros pour le port.",
    "Les travaux commenceront au printemps et dureront deux ans, selon le maire.",
]


@pytest.mark.parametrize(
    "stamp",
    [
        "Publié le 3 mars 2026 à 10h15, mis à jour le 4 mars 2026 à 08h00",
        "Publié le mardi 3 mars 2026 à 10h15",
        "Mis à jour le 3 mars 2026",
        "Veröffentlicht am 3. März 2026 um 10:15 Uhr",
        "Pubblicato il 3 marzo 2026 alle 10:15, aggiornato il 4 marzo 2026 alle 08:00",
        "Pubblicato il 3 marzo 2026 alle ore 10:15, aggiornato il 4 marzo 2026 alle ore 08:00",
        "Erstellt am 3. März 2026 um 10:15 Uhr, aktualisiert am 4. März 2026 um 08:00 Uhr",
        "Publicado em 03/03/2026 às 10h15, atualizado em 04/03/2026 às 08h00",
        "Gepubliceerd op 3 maart 2026 om 10:15, bijgewerkt op 4 maart 2026 om 08:00",
    ],
)
def test_a_date_stamp_in_another_language_leaves_the_main_text(stamp):
    """A stamp's words around its date (published, updated, the weekday, the month, "à",
    "um", "Uhr") are no words of a line of the story; one of two dates writes the same
    small words around each ("um ... Uhr, ... um ... Uhr"), and they count once."""
    assert _lines(main_text("\n".join([FRENCH[0], stamp, FRENCH[1]]))) == FRENCH


@pytest.mark.parametrize(
    "line",
    [
        "Le 3 mars 2026, le conseil municipal a voté un budget de dix millions d'euros.",
        "2 Mars rovers landed in 2021",
        "Oktober 2015",  # a period, a CV's entry: no day
        "Une grève reconductible à partir du 5 mars",
        "Mo bis Fr: 9:00 – 16:00 Uhr",
        "Am 3. März 2026 eröffnet die neue Brücke über den Fluss für Radfahrer und Fußgänger",
    ],
)
def test_a_line_that_holds_a_date_and_says_more_stays(line):
    assert line in _lines(main_text("\n".join([FRENCH[0], line, FRENCH[1]])))


CHINESE = "市政府周一宣布，新的地铁线路将于明年年底前开通，预计每天运送乘客十万人次。"


@pytest.mark.parametrize(
    "line",
    [
        "版权所有 © 2026 海港日报",
        "Copyright © 2026 海港日报 版权所有",
        "版权所有 海港日报社 未经许可不得转载",
    ],
)
def test_a_chinese_copyright_line_leaves_the_main_text(line):
    """A Chinese footer sets its fields apart with spaces: each is a clause of its own."""
    assert _lines(main_text(f"{CHINESE}\n{line}")) == [CHINESE]


def test_a_chinese_sentence_about_copyright_stays():
    line = "法院认定该公司未经许可转载了报社享有版权所有的照片，判决其赔偿十万元。"
    assert _lines(main_text(f"{CHINESE}\n{line}")) == [CHINESE, line]


WRAPPED_RUSSIAN = """Городские власти долго обсуждали проект
реконструкции набережной у старого порта. В 1999 г.
Москва приняла новый генеральный план развития
города на двадцать лет вперёд, и набережная вошла в
него как одна из главных строек города. Мэр заявил,
что работы начнутся весной."""
WRAPPED_ENGLISH = """The clinic on Harbour Road was founded in
the spring of 1999 by two doctors from the
county hospital, Dr. Helen Marsh and Dr.
Owen Rhys, who had worked there together
for more than a decade before they left to
open it."""


@pytest.mark.parametrize("text", [WRAPPED_RUSSIAN, WRAPPED_ENGLISH])
def test_a_wrapped_line_that_breaks_after_an_abbreviation_goes_on(text):
    """A text wrapped at a fixed width breaks a line after any word: after "г." (the
    year's) before a name, or "Dr.", the sentence goes on in the next line."""
    assert clean_text(text, language="russian") == " ".join(text.split("\n"))


WRAPPED_GERMAN = """Die Stadtverwaltung teilte am Montag mit, dass
die Buslinie in der Innenstadt ab März als Nr.
5 durch die Altstadt fahren wird, wie es im
Beschluss des Stadtrates vom vergangenen Jahr
festgelegt wurde."""
WRAPPED_FRENCH = """Le conseil municipal a voté mardi le budget
présenté par le maire de la ville, M.
Dupont, qui a promis de nouveaux travaux au
port dès le printemps prochain, selon un
communiqué publié mercredi soir par la
mairie."""


@pytest.mark.parametrize(
    ("text", "language"), [(WRAPPED_GERMAN, "german"), (WRAPPED_FRENCH, "french")]
)
def test_a_wrapped_line_that_breaks_after_the_languages_abbreviation_goes_on(text, language):
    """German's "Nr." and an initial ("M." of "M. Dupont") end no sentence for the
    sentence splitter of those languages: a line wrapped after one goes on too."""
    assert clean_text(text, language=language) == " ".join(text.split("\n"))


def test_a_wrapped_line_that_ends_a_sentence_at_an_abbreviation_still_ends_it():
    """ "г." before a word that opens sentences ("Потом") ends one, as the sentence
    splitter reads it."""
    text = WRAPPED_RUSSIAN.replace("Москва приняла", "Потом город принял")
    first, _, rest = " ".join(text.split("\n")).partition(" Потом")
    assert clean_text(text, language="russian").split("\n\n") == [first, "Потом" + rest]


@pytest.mark.parametrize(
    "line",
    [
        "Samedi 6 juin 2026 : fête du port",
        "Dimanche 7 juin : concert sur les quais",
        "June 6, 2026: Harbour festival",
        "Samstag, 6. Juni 2026: Hafenfest",
    ],
)
def test_a_date_and_a_title_after_its_colon_stays(line):
    """An event's line in a programme (or a dated heading) names what happens after the
    date: it is the page's content, not the date it was posted."""
    assert _lines(main_text("\n".join([STORY[0], line, STORY[1]]))) == [STORY[0], line, STORY[1]]


@pytest.mark.parametrize(
    "line",
    [
        "Harbour open day: Saturday 6 June, 2pm",
        "Harbour open day: Saturday 6 June, 14:00",
        "Fête du port : samedi 6 juin, 14 h",
        "Hafenfest: Samstag, 6. Juni, 14 Uhr",
        "Fiesta del puerto: sábado 6 de junio, 14:00",
        "Festa del porto: sabato 6 giugno, ore 14",
        "Straßenfest: Samstag, 6. Juni 2026",
    ],
)
def test_a_title_and_a_date_after_its_colon_stays(line):
    """An event's line names what happens before its date and time: the page's content,
    not the date it was posted."""
    assert _lines(main_text("\n".join([STORY[0], line, STORY[1]]))) == [STORY[0], line, STORY[1]]


@pytest.mark.parametrize(
    "stamp",
    [
        "Geüpdatet: 6 juni 2026, 14:00",
        "Créé : 6 juin 2026 à 14h00",
        "Modificado: 6 de junio de 2026, 14:00",
        "Senast uppdaterad: 6 juni 2026 kl. 14:00",
        "Päivitetty: 6.6.2026 14:00",
        "Cập nhật: 06/06/2026 14:00",
        "Diperbarui: 6 Juni 2026, 14:00",
        "Jane Doe: 6 June 2026",
    ],
)
def test_a_label_and_a_date_with_its_year_is_a_stamp_whatever_its_words(stamp):
    """A stamp dates the story for later readers, with its year, under a label in any
    language or an author's name; an event's line names its day of the week or leaves the
    year out (see the tests above)."""
    assert _lines(main_text("\n".join([STORY[0], stamp, STORY[1]]))) == STORY


@pytest.mark.parametrize(
    "stamp",
    [
        "Last updated: 6 June 2026, 14:05",
        "Published on: Saturday 6 June 2026, 2pm",
        "Dernière mise à jour : 6 juin 2026",
        "Zuletzt aktualisiert: 6. Juni 2026, 14 Uhr",
        "Stand: 06.06.2026, 14:05 Uhr",
        "Última actualización: 6 de junio de 2026, 14:05",
        "Ultimo aggiornamento: 6 giugno 2026, ore 14",
        "Laatst bijgewerkt: 6 juni 2026, 14:05",
        "Aktualizacja: 6 czerwca 2026, 14:05",
        "Yayınlanma: 6 Haziran 2026, 14:05",
        "Обновлено: 6 июня 2026, 14:05",
        "Publié : samedi 6 juin 2026",
        "zuletzt bearbeitet: 04.02.2022, 08:27 Uhr",
        "Veröffentlicht: 6. Juni 2026",
    ],
)
def test_a_stamps_label_before_its_colon_is_no_title(stamp):
    """"Last updated:", "Stand:", "Aktualizacja:" label when the story was posted: the
    line is still a stamp."""
    assert _lines(main_text("\n".join([STORY[0], stamp, STORY[1]]))) == STORY


@pytest.mark.parametrize(
    "stamp",
    [
        "Publié le samedi 6 juin 2026 à 10h15",
        "Mis à jour : 6 juin 2026 à 10h15",
        "Posted: March 3, 2024 | Updated: March 4, 2024",
        "6 juin 2026 : mis à jour le 7 juin 2026",
        "Updated: 14 March 2024 08:15 GMT",
        "Updated: 6 June 2026: 10:15",
        "6 June 2026: 10.15am",
        "Aktualisiert am 6. Juni 2026: 10:15 Uhr",
        "Publicado el 6 de junio de 2026: 10:15 horas",
        "Pubblicato il 6 giugno 2026: ore 10:15",
        "Опубликовано 6 июня 2026: 10:15 МСК",
        "June 6, 2026: Last updated June 7",
        "6 June 2026: 3 min read",
    ],
)
def test_a_date_stamp_with_a_colon_still_goes(stamp):
    """After a date's colon, a time, a reading time or a word before a time is a stamp's,
    no title."""
    assert _lines(main_text("\n".join([STORY[0], stamp, STORY[1]]))) == STORY
