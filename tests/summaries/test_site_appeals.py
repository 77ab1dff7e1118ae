"""A site's appeal for support ("Support our reporting today.", "Unterstützen Sie
unabhängigen Journalismus"), its heading over links to other sites ("Related Internet
Links") and its disclaimer of them ("The BBC is not responsible for the content of
external sites.") are furniture: neither stored nor quoted. A sentence that reports such
a call or such a disclaimer is the article's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from summaries.clean import clean_text, main_text
from summaries.sources import article_from_page
from summaries.summarize import article_texts

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
URL = "https://news.example.com/2024/05/02/story"

STORY = {
    "english": [
        "The council approved the new bridge on Tuesday after a debate that lasted four hours.",
        "Work will start in the spring and is expected to take two years, officials said.",
    ],
    "german": [
        "Der Stadtrat hat am Dienstag nach langer Debatte den Bau der neuen Brücke beschlossen.",
        "Die Arbeiten sollen im Frühjahr beginnen und etwa zwei Jahre dauern, sagte ein Sprecher.",
    ],
    "french": [
        "Le conseil municipal a approuvé mardi la construction du pont après un long débat.",
        "Les travaux commenceront au printemps et dureront environ deux ans, selon la mairie.",
    ],
    "spanish": [
        "El ayuntamiento aprobó el martes la construcción del nuevo puente tras un largo debate.",
        "Las obras comenzarán en primavera y durarán unos dos años, según fuentes municipales.",
    ],
    "italian": [
        "Il consiglio comunale ha approvato martedì il nuovo ponte dopo un lungo dibattito.",
        "I lavori inizieranno in primavera e dureranno circa due anni, ha detto il sindaco.",
    ],
}
# language: the lines a site sets after the story
FURNITURE = {
    "english": [
        "Riverton Times is a nonprofit newsroom. Support our reporting today.",
        "Support independent journalism: donate now",
        "Related Internet Links",
        "The BBC is not responsible for the content of external sites.",
        "We are not responsible for the contents of external websites.",
    ],
    "german": [
        "Unterstützen Sie unabhängigen Journalismus",
        "Der Stadtbote ist unabhängig. Jetzt unterstützen!",
        "Die Redaktion ist nicht verantwortlich für den Inhalt externer Internetseiten.",
    ],
    "french": [
        "Soutenez le journalisme indépendant : faites un don",
        "Le Courrier n'est pas responsable du contenu des sites externes.",
    ],
    "spanish": [
        "Apoya el periodismo independiente. Hazte socio.",
        "El Diario no se hace responsable del contenido de los sitios externos.",
    ],
    "italian": [
        "Sostieni il giornalismo indipendente",
        "Il Giornale non è responsabile dei contenuti dei siti esterni.",
    ],
}


@pytest.mark.parametrize("language", sorted(FURNITURE))
def test_a_sites_appeal_and_disclaimer_are_neither_stored_nor_quoted(language: str) -> None:
    story = STORY[language]
    raw = "\n\n".join([*story, *FURNITURE[language]])
    assert main_text(raw).split("\n\n") == story
    assert clean_text(raw, language=language).split("\n\n") == story


def test_a_pages_appeal_and_links_heading_leave_its_text() -> None:
    page = (PAGES / "gallery.html").read_text(encoding="utf-8")
    extra = (
        "<p>Riverton Times is a nonprofit newsroom. Support our reporting today.</p>"
        "<h2>Related Internet Links</h2>"
        "<ul><li><a href='https://www.gov.uk/flood'>Flood information service</a></li></ul>"
        "<p>The BBC is not responsible for the content of external sites.</p>"
    )
    page = page.replace("</article>", extra + "</article>", 1)
    text, sentences, _ = article_texts(article_from_page(page.encode(), URL))
    assert text.endswith("river levels would remain high into next week.")
    assert "not responsible" not in sentences and "Support our" not in sentences


@pytest.mark.parametrize(
    "line",
    [
        "Voters were urged to support our candidates at the polls, the mayor said on Monday.",
        "The company said that it is not responsible for the content of external sites.",
        "Related links between the two cases were found by police investigators last year.",
        "Unterstützen Sie den Vorschlag des Bürgermeisters, Frau Weber?",
        "Donate blood at the town hall on Saturday, the health board asked residents.",
    ],
)
def test_a_sentence_that_reports_such_words_stays(line: str) -> None:
    assert main_text(line) == line


# language: a news sentence, and an appeal set after it on its line
NEWS_AND_APPEAL = {
    "english": ("The harbour board approved the new ferry terminal on Monday.", "Donate now."),
    "german": ("Der Hafenrat hat am Montag das neue Fährterminal genehmigt.", "Jetzt spenden!"),
    "french": ("Le conseil du port a approuvé lundi le nouveau terminal.", "Faites un don."),
    "spanish": ("La junta del puerto aprobó el lunes la nueva terminal.", "Haz una donación."),
    "italian": ("Il consiglio del porto ha approvato lunedì il nuovo terminal.", "Sostienici."),
}


# a news sentence with "we" in quotation marks, the speaker's, and an appeal after it
QUOTED_AND_APPEAL = [
    ("'We will rebuild,' the mayor said on Monday.", "Donate now.", "english"),
    (
        "\u201cWe will rebuild,\u201d the mayor said on Monday.",
        "Support our journalism.",
        "english",
    ),
    ("\u201eWir bauen wieder auf\u201c, sagte der B\u00fcrgermeister.", "Jetzt spenden!", "german"),
    ("\u00abNous reconstruirons\u00bb, a dit le maire lundi.", "Faites un don.", "french"),
]


@pytest.mark.parametrize(
    ("news", "appeal", "language"),
    [(*NEWS_AND_APPEAL[language], language) for language in sorted(NEWS_AND_APPEAL)]
    + QUOTED_AND_APPEAL,
)
def test_a_news_sentence_before_an_appeal_stays_without_it(
    news: str, appeal: str, language: str
) -> None:
    """A sentence that says neither what the site is nor speaks as "we" or to "you"
    reports the news ("we" in quotation marks is a speaker's): it stays, and the appeal
    after it on its line goes."""
    story = STORY[language]
    raw = "\n\n".join([story[0], f"{news} {appeal}", story[1]])
    assert main_text(raw).split("\n\n") == [story[0], news, story[1]]
    assert clean_text(raw, language=language).split("\n\n") == [story[0], news, story[1]]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("We are an independent, nonprofit newsroom. Donate now.", "english"),
        ("Your support keeps the paper free for everyone. Become a member.", "english"),
        ("Wir sind unabhängig und werbefrei. Jetzt spenden.", "german"),
        ("Nous sommes un média indépendant. Faites un don.", "french"),
        ("Liked this story? Donate now.", "english"),
    ],
)
def test_what_a_site_says_of_itself_before_its_appeal_goes_with_it(
    line: str, language: str
) -> None:
    """What the site is, what "we" are, what "you" do, or a question to the reader, before
    an appeal: the site's box, dropped whole."""
    story = STORY[language]
    raw = "\n\n".join([*story, line])
    assert main_text(raw).split("\n\n") == story
    assert clean_text(raw, language=language).split("\n\n") == story
