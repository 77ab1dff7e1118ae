"""A call to subscribe leaves the text; a sentence that reports someone's call stays."""

from __future__ import annotations

import pytest

from summaries.clean import clean_text, main_text

# (language, the sentences of an article around the line)
AROUND = {
    "english": (
        "The council met on Tuesday to discuss new flood defences for the river district.",
        "Officials said the work would begin in spring and last for about two years.",
    ),
    "german": (
        "Der Stadtrat hat am Dienstag über den neuen Hochwasserschutz am Fluss beraten.",
        "Die Arbeiten sollen im Frühjahr beginnen und etwa zwei Jahre dauern, hieß es.",
    ),
    "italian": (
        "Il consiglio comunale si è riunito martedì per discutere le nuove difese dal fiume.",
        "I lavori dovrebbero iniziare in primavera e durare circa due anni, hanno detto.",
    ),
    "french": (
        "Le conseil municipal s'est réuni mardi pour discuter des nouvelles digues du fleuve.",
        "Les travaux devraient commencer au printemps et durer environ deux ans, selon la mairie.",
    ),
}

REPORTS = [
    ("english", "The mayor urged us all to subscribe to the city's flood alerts."),
    ("english", "Our editor asked readers to subscribe to the print edition, and thousands did."),
    ("english", "She told you and your neighbours to sign up for the newsletter, he recalled."),
    ("english", "The mayor urged residents to subscribe to the city's alerts."),
    ("german", "Sie forderte die Leser auf, den Newsletter der Stadt zu abonnieren."),
    ("italian", "Il sindaco ha invitato i cittadini a iscriversi alla newsletter del comune."),
    ("french", "Le maire a invité les habitants à s'abonner aux alertes de la ville."),
]

CALLS = [
    ("english", "Subscribe to our newsletter"),
    ("english", "Sign up for our newsletter and get the day's news in your inbox."),
    ("german", "Abonnieren Sie unseren Newsletter."),
    ("italian", "Iscriviti alla newsletter"),
    ("italian", "Abbonati"),
    ("italian", "Abbonati a Il Giornale del Fiume per leggere tutti gli articoli"),
    ("french", "Abonnez-vous à notre lettre d'information"),
    ("english", "Readers are urged to subscribe to our newsletter for daily updates."),
    ("english", "You are invited to sign up for our free newsletter."),
    ("english", "You're encouraged to download our app for breaking news alerts."),
    ("english", "You asked, we listened: subscribe to our newsletter for the day's top stories."),
]


def page(language: str, line: str) -> str:
    first, last = AROUND[language]
    return "\n\n".join([first, line, last])


@pytest.mark.parametrize(("language", "line"), REPORTS)
def test_a_sentence_that_reports_a_call_to_subscribe_stays(language: str, line: str) -> None:
    """A verb of asking in the past before "subscribe" tells of someone's call: the
    article's own sentence, in the main text and among the sentences."""
    raw = page(language, line)
    assert main_text(raw).split("\n\n") == [AROUND[language][0], line, AROUND[language][1]]
    assert line in clean_text(raw, language=language).split("\n\n")


@pytest.mark.parametrize(("language", "line"), CALLS)
def test_the_call_itself_leaves(language: str, line: str) -> None:
    """The call (an imperative, or the site speaking of its newsletter) is furniture; so
    is one that speaks to the reader now with a verb of asking ("You are invited to sign
    up", "Readers are urged to subscribe") or says the reader asked ("You asked, ...")."""
    raw = page(language, line)
    assert main_text(raw).split("\n\n") == list(AROUND[language])
    assert clean_text(raw, language=language).split("\n\n") == list(AROUND[language])


PROSE = [
    "The report on the river runs to three hundred pages and took two years to write.",
    "It will change how you see the city and the people who live along the water.",
]


@pytest.mark.parametrize("short", ["Read it.", "Watch it.", "Share it.", "Read this."])
def test_a_short_sentence_between_sentences_of_its_paragraph_stays(short: str) -> None:
    """A sentence of a button's words and a small word ("it") between two sentences of one
    block is the article's ("Read it."): the main text keeps it, and the block whole."""
    raw = "\n".join([PROSE[0], short, PROSE[1]])
    assert main_text(raw) == raw


@pytest.mark.parametrize("short", ["Read it.", "Read more", "Share", "Subscribe now"])
def test_a_button_alone_on_its_line_leaves(short: str) -> None:
    """The same words in a block of their own, or after the paragraph, are a link."""
    assert main_text("\n\n".join([PROSE[0], short, PROSE[1]])) == "\n\n".join(PROSE)
    assert main_text("\n".join([*PROSE, short])) == "\n".join(PROSE)


@pytest.mark.parametrize(
    "short",
    [
        "Subscribe now!",
        "Share",
        "Comments",
        "Read more.",
        "Read more...",
        "Sign in.",
        "Comments (5).",
        "Follow us.",
    ],
)
def test_a_button_between_sentences_still_leaves(short: str) -> None:
    """A button's words alone between two sentences of a block are still its label, with
    the small words of its label too ("Read more.", "Sign in.", "Follow us.") and a count
    ("Comments (5)."): only a thing read, watched or shared ("it") makes a sentence."""
    assert main_text("\n".join([PROSE[0], short, PROSE[1]])) == "\n\n".join(PROSE)
