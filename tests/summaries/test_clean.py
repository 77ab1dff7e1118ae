"""Tests for summaries.clean: article body extraction from scraped plain text."""

import random
from pathlib import Path

import pytest

from summaries import Article
from summaries.clean import clean_text, looks_like_text, main_text
from summaries.clean._speakers import attach_speakers
from summaries.summarize import article_texts

ARTICLES = Path(__file__).resolve().parents[2].parent / "shared" / "articles"


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n") if text else []


def assert_well_formed(text: str) -> None:
    """One blank line between paragraphs, one line per paragraph, no stray whitespace."""
    assert text == text.strip()
    for para in paragraphs(text):
        assert para and "\n" not in para and "  " not in para and para == para.strip()


# --- Invented pages -------------------------------------------------------------------

NEWS_PAGE = """\
Skip to main content
Home
News
Sport
Business
Opinion
Subscribe
Sign in

Harbour bridge to close for six months of repairs
Share on Facebook
Share on Twitter
Email
By Maria Lopez, Transport Correspondent
Published: 14 March 2024 08:15 GMT | Updated: 14 March 2024 11:02 GMT

The Harbour Bridge will close to all traffic from June for six months while engineers \
replace its corroded steel cables, the city council said on Thursday.
Commuters have been told to expect longer journeys, with the council estimating that \
around 40,000 vehicles cross the bridge every weekday.
Cranes stand beside the Harbour Bridge on Thursday. (Photo: Tom Baker/Gazette)
"We know this will be disruptive, but the cables have reached the end of their safe \
life," said council leader Aisha Khan.
Extra ferries will run every 15 minutes during peak hours, and bus lanes will be added \
on the two remaining river crossings.
Advertisement
Local businesses on the north bank fear a drop in customers while the work is under way.
The council said it would review the timetable in September.

Related
- Council approves budget for bridge repairs
- Ferry operator hires extra crews
- Readers' letters: Is the bridge worth saving?

Sign up for our morning newsletter and get the day's top stories in your inbox.
Follow us
\u00a9 2024 Riverside Gazette Ltd. All rights reserved.
Privacy Policy | Terms of Use | Contact
"""

NEWS_BODY = [
    "The Harbour Bridge will close to all traffic from June for six months while engineers "
    "replace its corroded steel cables, the city council said on Thursday.",
    "Commuters have been told to expect longer journeys, with the council estimating that "
    "around 40,000 vehicles cross the bridge every weekday.",
    '"We know this will be disruptive, but the cables have reached the end of their safe '
    'life," said council leader Aisha Khan.',
    "Extra ferries will run every 15 minutes during peak hours, and bus lanes will be added "
    "on the two remaining river crossings.",
    "Local businesses on the north bank fear a drop in customers while the work is under way.",
    "The council said it would review the timetable in September.",
]

BLOG_PAGE = """\
Jenny's Garden Notes
About \u00b7 Recipes \u00b7 Garden \u00b7 Contact

Why I stopped digging my vegetable beds
Posted on April 2, 2023 by Jenny
5 Comments

For years I turned over every bed each spring, because that is what my grandfather did \
and what the books told me to do.

Last autumn I tried something different: I covered two beds with cardboard and a thick \
layer of compost, and left them alone all winter.

Share this post with your friends and family on social media FacebookTwitterEmail

By March the soil under the mulch was dark, crumbly and full of worms, while the dug beds \
had a hard crust after the rain.

My early potatoes went into the no-dig beds first, and they came up a week sooner than the \
others.

It is only one season, so I will keep notes and report back in the autumn.

Tags: gardening, soil, no-dig
Share this:
Twitter
Facebook
Like this:
Loading...

Leave a Reply
Your email address will not be published. Required fields are marked *
"""

BLOG_BODY = [
    "For years I turned over every bed each spring, because that is what my grandfather did "
    "and what the books told me to do.",
    "Last autumn I tried something different: I covered two beds with cardboard and a thick "
    "layer of compost, and left them alone all winter.",
    "By March the soil under the mulch was dark, crumbly and full of worms, while the dug beds "
    "had a hard crust after the rain.",
    "My early potatoes went into the no-dig beds first, and they came up a week sooner than the "
    "others.",
    "It is only one season, so I will keep notes and report back in the autumn.",
]

WRAPPED_ARTICLE = """\
Library extends opening hours after student campaign

The central library will stay open until 10 p.m. on weekdays from next
month, after a petition signed by more than 3,000 students called for
longer hours during the exam season.

The library's director, Paul Mensah, said the change would cost about
$120,000 a year and would be paid for by cutting the book-binding and
repair budget. "Students told us clearly that they need a quiet place
to work in the evenings," he said, adding that two extra security staff
would be hired.

Weekend hours will not change. The library will review the new timetable
after the summer exams, when it expects to publish figures on how many
people used it late in the evening.
"""

WRAPPED_BODY = [
    "The central library will stay open until 10 p.m. on weekdays from next month, after a "
    "petition signed by more than 3,000 students called for longer hours during the exam "
    "season.",
    "The library's director, Paul Mensah, said the change would cost about $120,000 a year and "
    'would be paid for by cutting the book-binding and repair budget. "Students told us '
    'clearly that they need a quiet place to work in the evenings," he said, adding that two '
    "extra security staff would be hired.",
    "Weekend hours will not change. The library will review the new timetable after the summer "
    "exams, when it expects to publish figures on how many people used it late in the evening.",
]

GERMAN_PAGE = """\
Startseite
Politik
Wirtschaft
Kultur
Sport
Anmelden

Stadtrat beschlie\u00dft Ausbau der Radwege
Teilen
Von Anna Schmidt | 12.05.2024, 09:30 Uhr

Der Stadtrat hat am Dienstag beschlossen, bis 2027 insgesamt 40 Kilometer neue Radwege \
zu bauen.

Die Kosten von rund zw\u00f6lf Millionen Euro sollen zur H\u00e4lfte vom Land getragen werden.

Kritiker bem\u00e4ngeln, dass daf\u00fcr zahlreiche Parkpl\u00e4tze in der Innenstadt wegfallen.

Oberb\u00fcrgermeisterin Petra Wagner sprach von einem wichtigen Schritt f\u00fcr mehr \
Sicherheit im Verkehr.

Radfahrer warten an einer Kreuzung in der Innenstadt. [Foto/Stadtarchiv]
Mehr zum Thema
- Radfahrer fordern sichere Kreuzungen
- Parkgeb\u00fchren steigen im Juli
Impressum | Datenschutz | Kontakt
\u00a9 2024 Musterst\u00e4dter Zeitung
"""

GERMAN_BODY = [
    "Der Stadtrat hat am Dienstag beschlossen, bis 2027 insgesamt 40 Kilometer neue Radwege "
    "zu bauen.",
    "Die Kosten von rund zw\u00f6lf Millionen Euro sollen zur H\u00e4lfte vom Land getragen "
    "werden.",
    "Kritiker bem\u00e4ngeln, dass daf\u00fcr zahlreiche Parkpl\u00e4tze in der Innenstadt "
    "wegfallen.",
    "Oberb\u00fcrgermeisterin Petra Wagner sprach von einem wichtigen Schritt f\u00fcr mehr "
    "Sicherheit im Verkehr.",
]


def test_news_page_keeps_exactly_the_body() -> None:
    """Nav, share buttons, byline, dateline, caption, links, newsletter and footer all go."""
    out = clean_text(NEWS_PAGE)
    assert paragraphs(out) == NEWS_BODY
    for gone in ["Skip to main content", "Share on", "By Maria Lopez", "Published:", "Photo:",
                 "Advertisement", "Related", "Ferry operator", "newsletter", "Follow us",
                 "All rights reserved", "Privacy Policy"]:  # fmt: skip
        assert gone not in out


def test_news_page_drops_headline_given_as_title() -> None:
    """The headline is gone with or without the title; the body is unchanged either way."""
    out = clean_text(NEWS_PAGE, title="Harbour Bridge to close for six months of repairs ")
    assert paragraphs(out) == NEWS_BODY


def test_blog_page_keeps_exactly_the_body() -> None:
    out = clean_text(BLOG_PAGE)
    assert paragraphs(out) == BLOG_BODY
    for gone in ["Garden Notes", "Recipes", "Posted on", "Comments", "FacebookTwitter", "Tags:",
                 "Loading", "Leave a Reply", "email address"]:  # fmt: skip
        assert gone not in out


def test_hard_wrapped_article_is_joined_into_one_line_paragraphs() -> None:
    out = clean_text(WRAPPED_ARTICLE)
    assert paragraphs(out) == WRAPPED_BODY
    assert "campaign" not in out  # the unpunctuated headline


def test_german_page_keeps_body_and_drops_its_navigation() -> None:
    out = clean_text(GERMAN_PAGE)
    assert paragraphs(out) == GERMAN_BODY
    for gone in ["Startseite", "Anmelden", "Teilen", "Anna Schmidt", "Foto", "Mehr zum Thema",
                 "Parkgeb\u00fchren", "Impressum", "\u00a9"]:  # fmt: skip
        assert gone not in out


def test_long_sentences_without_english_stop_words_are_kept() -> None:
    finnish = (
        "Kaupunginvaltuusto p\u00e4\u00e4tti tiistaina rakentaa nelj\u00e4kymment\u00e4 "
        "kilometri\u00e4 uusia py\u00f6r\u00e4teit\u00e4 vuoteen 2027 menness\u00e4."
    )
    chinese = "\u4e24\u56fd\u4e92\u8054\u7f51\u4f01\u4e1a\u8d1f\u8d23\u4eba\u5728" * 3 + "\u3002"
    out = clean_text(f"Etusivu\nUutiset\n\n{BODY_A}\n\nJaa\n\n{finnish}\n\n{chinese}\n")
    assert paragraphs(out) == [BODY_A, finnish, chinese]


# German capitalises every noun, so a short sentence of it has the shape of an English
# Title-Case headline: "Die Lufthansa streicht Tausende Flüge." Three pages open so, one
# with such a sentence inside its body too, among furniture of the same shape.

GERMAN_STRIKE_PAGE = """\
Startseite
Wirtschaft
Verkehr
Anmelden

Warnstreik legt Flughäfen lahm
Von Jana Becker | 14.03.2024, 07:45 Uhr

Die Lufthansa streicht Tausende Flüge.

Wegen eines Warnstreiks des Bodenpersonals fallen am Mittwoch an den Flughäfen Frankfurt \
und München mehr als tausend Verbindungen aus, wie das Unternehmen am Dienstag mitteilte.

Wartende Passagiere am Frankfurter Flughafen.

Betroffen seien rund 130.000 Passagiere, sagte ein Sprecher. Reisende sollen sich vor der \
Fahrt zum Flughafen über den Status ihres Fluges informieren.

Die Gewerkschaft Verdi fordert zwölf Prozent mehr Lohn für die rund 25.000 Beschäftigten \
am Boden.

Ein Kommentar von Markus Weber.
Mehr zum Thema
- Was Fluggäste bei einem Streik wissen müssen
- Verdi droht mit weiteren Streiks
"""

GERMAN_STRIKE_BODY = [
    "Die Lufthansa streicht Tausende Flüge.",
    "Wegen eines Warnstreiks des Bodenpersonals fallen am Mittwoch an den Flughäfen Frankfurt "
    "und München mehr als tausend Verbindungen aus, wie das Unternehmen am Dienstag mitteilte.",
    "Betroffen seien rund 130.000 Passagiere, sagte ein Sprecher. Reisende sollen sich vor der "
    "Fahrt zum Flughafen über den Status ihres Fluges informieren.",
    "Die Gewerkschaft Verdi fordert zwölf Prozent mehr Lohn für die rund 25.000 Beschäftigten "
    "am Boden.",
]

GERMAN_TAX_PAGE = """\
Politik
Wirtschaft
Kultur

Die Bundesregierung senkt die Stromsteuer für Unternehmen.

Das Kabinett hat am Mittwoch beschlossen, die Steuer für das produzierende Gewerbe ab \
Januar auf das europäische Mindestmaß zu senken.

Der Bund verzichtet damit auf Einnahmen von rund drei Milliarden Euro im Jahr.

Hamburgs Hafen verliert Marktanteile an Rotterdam.

Auch die Hafenwirtschaft hatte wegen der hohen Energiepreise auf eine Entlastung gedrängt, \
weil viele Reedereien ihre Container inzwischen lieber in den Niederlanden umschlagen.

Oberbürgermeisterin Petra Wagner im Rathaus.

Die Opposition kritisierte, kleine Betriebe und private Haushalte gingen bei der \
Entlastung leer aus.
"""

GERMAN_TAX_BODY = [
    "Die Bundesregierung senkt die Stromsteuer für Unternehmen.",
    "Das Kabinett hat am Mittwoch beschlossen, die Steuer für das produzierende Gewerbe ab "
    "Januar auf das europäische Mindestmaß zu senken.",
    "Der Bund verzichtet damit auf Einnahmen von rund drei Milliarden Euro im Jahr.",
    "Hamburgs Hafen verliert Marktanteile an Rotterdam.",
    "Auch die Hafenwirtschaft hatte wegen der hohen Energiepreise auf eine Entlastung gedrängt, "
    "weil viele Reedereien ihre Container inzwischen lieber in den Niederlanden umschlagen.",
    "Die Opposition kritisierte, kleine Betriebe und private Haushalte gingen bei der "
    "Entlastung leer aus.",
]

GERMAN_FARES_PAGE = """\
Der Hamburger Senat Beschließt Neue Regeln.
Alle Artikel Aus Der Region Lesen Sie Hier.

Die Deutsche Bahn erhöht im Dezember die Ticketpreise.

Der Flexpreis im Fernverkehr wird zum Fahrplanwechsel im Schnitt um knapp sechs Prozent \
teurer, wie der Konzern am Montag in Berlin mitteilte.

Die Preise für Sparpreise und die Bahncard bleiben dagegen stabil.

Fahrgastverbände kritisierten die Erhöhung als falsches Signal für den Klimaschutz.

Diese Arbeit ist nur mit Ihrer Unterstützung möglich!
Unterstützen Sie Unabhängigen Journalismus Mit Einem Abo.
"""

GERMAN_FARES_BODY = [
    "Die Deutsche Bahn erhöht im Dezember die Ticketpreise.",
    "Der Flexpreis im Fernverkehr wird zum Fahrplanwechsel im Schnitt um knapp sechs Prozent "
    "teurer, wie der Konzern am Montag in Berlin mitteilte.",
    "Die Preise für Sparpreise und die Bahncard bleiben dagegen stabil.",
    "Fahrgastverbände kritisierten die Erhöhung als falsches Signal für den Klimaschutz.",
]


@pytest.mark.parametrize(
    ("page", "body"),
    [
        (GERMAN_STRIKE_PAGE, GERMAN_STRIKE_BODY),
        (GERMAN_TAX_PAGE, GERMAN_TAX_BODY),
        (GERMAN_FARES_PAGE, GERMAN_FARES_BODY),
    ],
    ids=["strike", "tax", "fares"],
)
def test_a_short_german_sentence_of_capitalised_nouns_is_no_headline(page, body) -> None:
    """A sentence with a verb in lowercase and its share of stop words stays, at the
    start and inside the body; captions, bylines, calls to subscribe and headlines of
    capitalised words go, with a full stop too ("Wartende Passagiere am Frankfurter
    Flughafen.")."""
    out = clean_text(page, language="german")
    assert paragraphs(out) == body
    for gone in ["Warnstreik legt", "Wartende Passagiere", "Ein Kommentar", "Mehr zum Thema",
                 "Petra Wagner", "Hamburger Senat", "Alle Artikel", "Diese Arbeit",
                 "Unterstützen Sie"]:  # fmt: skip
        assert gone not in out


def test_a_german_article_is_briefed_from_its_short_first_sentence() -> None:
    """The pipeline reads the page as German and keeps its first sentence to brief."""
    article = Article("Warnstreik legt Flughäfen lahm", GERMAN_STRIKE_PAGE)
    _, sentences, language = article_texts(article)
    assert language == "german"
    assert paragraphs(sentences) == GERMAN_STRIKE_BODY


@pytest.mark.parametrize(
    "line",
    [
        "Council Approves New Budget For Schools.",
        "Is The Housing Market About To Crash?",
        "Council Approves the new Budget for Schools.",  # a lowercase word: German's rule
    ],
)
def test_title_case_lines_stay_headlines_in_english(line: str) -> None:
    """Only in a language that capitalises its nouns does a capitalised line read as one."""
    assert paragraphs(clean_text(page(line))) == [BODY_A, BODY_B, BODY_C]


@pytest.mark.parametrize("page", [NEWS_PAGE, BLOG_PAGE, WRAPPED_ARTICLE, GERMAN_PAGE])
def test_output_is_well_formed(page: str) -> None:
    out = clean_text(page)
    assert out
    assert_well_formed(out)


# --- Single rules ----------------------------------------------------------------------

BODY_A = "The committee met for three hours on Monday and heard evidence from eleven witnesses."
BODY_B = "Its report, due in the spring, is expected to recommend stricter rules for landlords."
BODY_C = "Tenants' groups welcomed the inquiry but said the rules came too late for many families."


def page(*middle: str) -> str:
    return "\n\n".join([BODY_A, *middle, BODY_B, BODY_C])


def test_repeated_phrase_is_collapsed() -> None:
    line = (
        "The conference, scheduled to end The conference, scheduled to end on Friday, aims to "
        "tackle hot issues related to the Internet."
    )
    assert clean_text(line) == (
        "The conference, scheduled to end on Friday, aims to tackle hot issues related to the "
        "Internet."
    )


def test_short_or_separated_repeats_are_not_collapsed() -> None:
    """Fewer than 3 words or 15 characters, or not back to back: the words stay."""
    line = "She said no no no to the plan, and then she said no to the plan again on Friday."
    assert clean_text(line) == line
    line = "Prices rose in the north and the south, and prices rose in the east as well this week."
    assert clean_text(line) == line


def test_phrase_repeated_three_times_keeps_one_copy() -> None:
    line = "Officials said the Officials said the Officials said the bridge would reopen in June."
    assert clean_text(line) == "Officials said the bridge would reopen in June."


def test_hyphenated_word_split_over_two_lines_is_rejoined() -> None:
    text = "The council said the long-\nawaited report would be published next week by the panel."
    assert clean_text(text) == (
        "The council said the long-awaited report would be published next week by the panel."
    )


def test_sentence_ending_line_is_not_joined_to_the_next() -> None:
    out = clean_text(f"{BODY_A}\n{BODY_B}")
    assert paragraphs(out) == [BODY_A, BODY_B]


def test_title_line_is_dropped_case_and_space_insensitively() -> None:
    title = "Floods close the main road into the town for a third day running."
    text = f"{title.upper()}\n\n{BODY_A}\n\n{BODY_B}"
    assert paragraphs(clean_text(text)) == [title.upper(), BODY_A, BODY_B]
    assert paragraphs(clean_text(text, title=" floods  close the main road into the town for a "
                                 "third day running. ")) == [BODY_A, BODY_B]  # fmt: skip


LEDE = "The council closed the harbour bridge on Monday after engineers found cracks."


@pytest.mark.parametrize(
    "dateline",
    [
        "(CNN)",
        "(The Hollywood Reporter)",
        "Kathmandu, Nepal (CNN)",
        "LONDON (Reuters) - ",
        "LONDON, Dec 5 (Reuters) - ",
        "SOUTHWEST MIAMI-DADE, FLA. (WSVN) - ",
        "WASHINGTON (AP) \u2014 ",
        "HANGZHOU, Oct. 24 (Xinhua) -- ",
        "KHAN YOUNIS, GAZA \u2014 ",
        "KOBE \u2013 ",
        "ST CATHERINE, Jamaica -- ",
        "Paris (Agence France-Presse) \u2013 ",
        "(CNN) ",
        "LONDON (Reuters) ",
        "CARROW JUNCTION, Ohio, April 21, 2026 /PRNewswire/ -- ",
        "LOS ANGELES (Reuters) - ",
        "THE HAGUE (Reuters) - ",
        "LA PAZ, Bolivia (AP) \u2014 ",
        "LAS VEGAS, June 11, 2024 /PRNewswire/ -- ",
        "ISLE OF MAN (BBC) - ",
        "BERLIN / PARIS (AFP) - ",
        "KYIV / LONDON / WARSAW (Reuters) - ",
    ],
)
def test_a_news_dateline_is_not_part_of_the_lede(dateline: str) -> None:
    """A briefing read alone should not open with "(CNN)The council ..." or "KOBE \u2013 The"."""
    assert paragraphs(clean_text(f"{dateline}{LEDE}\n\n{BODY_A}")) == [LEDE, BODY_A]


def test_a_press_wires_dateline_goes_before_the_issuers_ticker() -> None:
    """The wire's credit between slashes is the dateline's, not the brackets of the
    issuer's stock ticker that come after it."""
    lede = "Acme Corp. (NYSE: ACME), a maker of harbour cranes, today announced a new plant."
    text = f"AUSTIN, Texas, April 21, 2026 /PRNewswire/ -- {lede}\n\n{BODY_A}"
    assert paragraphs(clean_text(text)) == [lede, BODY_A]


@pytest.mark.parametrize(
    "note",
    [
        "Editor's note: This story contains details some readers may find distressing.",
        "Editor\u2019s Note: Jane Doe is a professor of history at Harwick University. The "
        "opinions expressed in this commentary are her own.",
        "EDITORS' NOTE: An earlier version of this story misstated the date of the vote.",
    ],
)
def test_an_editors_note_is_not_the_story(note: str) -> None:
    text = f"{note}\n\n(CNN) {LEDE}\n\n{BODY_A}"
    assert paragraphs(clean_text(text)) == [LEDE, BODY_A]


@pytest.mark.parametrize(
    "note",
    [
        "Associated Press writers Jane Doe in Paris and John Roe contributed to this report.",
        "Jane Doe contributed reporting from Paris.",
        "This story has been corrected to show that the vote was on Monday, not Tuesday.",
        "This article was amended on 3 March 2026 to correct the name of the committee's chair.",
        "An earlier version of this article misstated the date of the committee's vote.",
        "Correction: The committee met on Monday, not on Tuesday as first reported.",
    ],
)
def test_a_correction_or_a_reporting_credit_is_not_the_story(note: str) -> None:
    body = [LEDE, BODY_A, BODY_B]
    assert paragraphs(clean_text("\n\n".join([*body, note]))) == body


@pytest.mark.parametrize(
    "sentence",
    [
        "The fund contributed to this report's findings by paying for the survey of the homes.",
        "This story is far from over, the chair of the committee said after the hearing.",
        "The charity contributed reporting tools to the inquiry, its director said on Monday.",
        "This report was updated every year by the ministry until its funding stopped in 2019.",
    ],
)
def test_sentences_that_open_or_end_like_a_note_stay(sentence: str) -> None:
    body = [LEDE, BODY_A, BODY_B, sentence]
    assert paragraphs(clean_text("\n\n".join(body))) == body


@pytest.mark.parametrize(
    ("heading", "about"),
    [
        ("About Voltara Energy", "Voltara Energy Inc. is a leading maker of battery cells."),
        ("ABOUT HARWICK COUNCIL", "Harwick Council serves 80,000 residents of the valley."),
        ("About the author", "Jane Doe is a professor of history at Harwick University."),
        ("###", "For more information, contact the press office of the company on weekdays."),
    ],
)
def test_the_about_section_at_the_end_is_not_the_story(heading: str, about: str) -> None:
    body = [LEDE, BODY_A, BODY_B, BODY_C]
    text = "\n\n".join([*body, heading, about])
    assert paragraphs(clean_text(text)) == body


def test_a_sentence_or_heading_about_something_else_stays() -> None:
    about = "About 200 people attended the meeting at the town hall on Monday evening."
    early = f"About Harwick\n\n{LEDE}\n\n{BODY_A}\n\n{BODY_B}\n\n{about}"
    assert paragraphs(clean_text(early)) == [LEDE, BODY_A, BODY_B, about]
    menu = "\n".join(["Home", "News", "Sport", "Business", "Culture", "Travel", "Contact"] * 2)
    rest = [BODY_A, BODY_B, about]
    subheading = f"{menu}\n\n{LEDE}\n\nAbout The Project\n\n" + "\n\n".join(rest)
    assert paragraphs(clean_text(subheading)) == [LEDE, *rest]  # most of the text is after it
    late = f"{LEDE}\n\n{BODY_A}\n\n{BODY_B}\n\nAbout Harwick\n\n{about}"
    assert paragraphs(clean_text(late)) == [LEDE, BODY_A, BODY_B, about]  # no "Harwick is"


@pytest.mark.parametrize(
    "label", ["John Smith (Labour): ", "MR SMITH \u2014 ", "Jane Doe (Green) - "]
)
def test_a_speaker_label_later_in_the_text_is_no_dateline(label: str) -> None:
    """Only the story's first paragraph opens with a dateline; later ones keep their words."""
    said = f"{label}We will vote against the plan when it comes before the council."
    assert paragraphs(clean_text(f"{LEDE}\n\n{said}\n\n{BODY_A}")) == [LEDE, said, BODY_A]


@pytest.mark.parametrize(
    "opening",
    [
        "Sony's PlayStation Portable (PSP) has sold more than a million units in Japan.",
        "The European Commission (EC) - The body said on Monday that it would act soon.",
        "Apple (AAPL) - shares fell on Monday after the company reported weak results.",
        "He said (quietly) That was all there was to it, and left the room at once.",
        "Labour (the party in power) - The minister said on Monday that it would act soon.",
        "Brazil(CNN)As a word glued to the parenthesis, this is no dateline at all.",
        "NASA - The agency said on Monday that it would launch the probe next week.",
        "UK \u2013 the country voted on Thursday to leave the union after a long campaign.",
        "I \u2014 for one \u2014 think that this is a good idea for the town and its people.",
        "Tesla (TSLA) Chief Executive Elon Musk said on Monday that deliveries would rise.",
        "NATO (North Atlantic Treaty Organization) Secretary General Mark Rutte said on Monday "
        "that the allies would meet in June.",
        "NVIDIA (NVDA) Chief Executive Jensen Huang said on Monday that sales would rise.",
        "IBM (IBM) - The company said on Monday that it would cut jobs in its cloud unit.",
        "WE WILL NOT BACK DOWN \u2014 Protesters chanted the words outside the town hall.",
        "IT IS OVER \u2014 Those were the mayor's words as the votes were counted on Monday.",
        "WHAT WE KNOW \u2014 The fire started in a kitchen on the third floor, officials say.",
    ],
)
def test_parentheses_that_are_no_dateline_stay(opening: str) -> None:
    assert paragraphs(clean_text(f"{opening}\n\n{BODY_A}")) == [opening, BODY_A]


def test_speaker_label_is_kept_with_its_quote_and_long_introduction_kept() -> None:
    intro = "Leaders of the three biggest unions said on Tuesday that they would accept the offer:"
    label = "Maria Costa, head of the teachers' union:"
    quote = '"We have waited two years for this, and our members deserve a decent settlement."'
    out = clean_text(f"{intro}\n{label}\n{quote}\n")
    assert paragraphs(out) == [intro, f"{label} {quote}"]


@pytest.mark.parametrize(
    ("label", "quote", "space"),
    [
        ("Jonas Feldmann, Hafensprecher:", "„Wir zahlen nicht.“", " "),
        ("Julien Marchand, porte-parole :", "« Nous ne paierons pas. »", " "),
        ("港口发言人：", "“我们不会支付赎金。”", ""),
    ],
)
def test_speaker_label_joins_its_quote_in_every_language(label, quote, space) -> None:
    joined = f"{label}{space}{quote}"
    assert attach_speakers([label, "", quote, "Next line."]) == [joined, "", "", "Next line."]


def test_a_colon_inside_a_quotation_goes_on_in_the_next_line() -> None:
    lines = ['Buzz has surrounded the new documentary "Going Clear:', 'Scientology," he said.']
    joined = 'Buzz has surrounded the new documentary "Going Clear: Scientology," he said.'
    assert attach_speakers(lines) == [joined, ""]


def test_label_before_anything_but_a_quote_is_left_alone() -> None:
    lines = ["Related:", "Floods close the main road.", "Ends with a colon:", ""]
    assert attach_speakers(lines) == lines


@pytest.mark.parametrize(
    "caption",
    [
        "Firefighters work at the scene of the blaze on Sunday. Jane Roe for the Daily Post |",
        "Firefighters work at the scene of the blaze on Sunday. (Photo: Reuters)",
        "Firefighters work at the scene of the blaze on Sunday. [Photo/Xinhua]",
        "Firefighters work at the scene of the blaze on Sunday. Photo by Sam Okafor",
        "Photo: Firefighters work at the scene of the blaze on Sunday.",
    ],
)
def test_photo_captions_with_credits_are_dropped(caption: str) -> None:
    assert paragraphs(clean_text(page(caption))) == [BODY_A, BODY_B, BODY_C]


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe and John Roe, Reuters.",
        "By Jane Doe, health correspondent, in Geneva.",
        "Posted at 9:30 am on 12 May 2024 by the news desk.",
        "Is The Housing Market About To Crash?",
        "Updated: 2014-11-20 07:00.",
        "Source: Xinhua| 2019-10-24 19:38:01|Editor: Chen",
        "(Metro News Agency, 9 April 2013.)",
        "Copyright 2021 The Daily Post. All rights reserved.",
        "Click here to subscribe to our weekly newsletter.",
        "- Why are landlords leaving the city?",
        ">> More stories from the committee hearings this week.",
    ],
)
def test_boilerplate_lines_are_dropped_even_between_body_paragraphs(line: str) -> None:
    assert paragraphs(clean_text(page(line))) == [BODY_A, BODY_B, BODY_C]


def test_line_of_very_long_tokens_is_dropped() -> None:
    """Minified code or base64 between paragraphs: words of hundreds of characters."""
    blob = " ".join(f"eyJhbGciOiJIUzI1NiJ9{i}" * 20 for i in range(8)) + "."
    assert paragraphs(clean_text(page(blob))) == [BODY_A, BODY_B, BODY_C]


def test_line_full_of_replacement_characters_is_dropped() -> None:
    mojibake = "The \ufffd\ufffd\ufffd report \ufffd\ufffd was \ufffd\ufffd\ufffd published today."
    assert paragraphs(clean_text(page(mojibake))) == [BODY_A, BODY_B, BODY_C]


def test_short_sentence_kept_next_to_the_body_but_not_beyond_furniture() -> None:
    """Position: a short sentence inside or right after the body is text, past a menu not."""
    short = "Watch the video below."
    assert paragraphs(clean_text(page(short))) == [BODY_A, short, BODY_B, BODY_C]
    assert paragraphs(clean_text(f"{page()}\n{short}")) == [BODY_A, BODY_B, BODY_C, short]
    after_menu = f"{page()}\n\nAdvertisement\n\n{short}"
    assert paragraphs(clean_text(after_menu)) == [BODY_A, BODY_B, BODY_C]


def test_lone_sentence_after_a_link_block_is_footer() -> None:
    """A block of short lines after the body ends the article; a lead before one does not.
    (A site's disclaimer of the sites it links to is furniture anywhere: see
    test_site_appeals.)"""
    footer = "The Post will publish the full report on its website next week."
    links = "More on this story\nRelated links\nTop stories"
    assert paragraphs(clean_text(f"{page()}\n\n{links}\n\n{footer}")) == [BODY_A, BODY_B, BODY_C]
    assert paragraphs(clean_text(f"{footer}\n\n{links}\n\n{page()}")) == [
        footer,
        BODY_A,
        BODY_B,
        BODY_C,
    ]


def test_line_repeated_on_the_page_is_dropped() -> None:
    short = "Watch the video below."
    out = clean_text(page(short, short))
    assert paragraphs(out) == [BODY_A, BODY_B, BODY_C]


def test_long_repeated_paragraph_keeps_its_first_copy() -> None:
    out = clean_text(page(BODY_C))
    assert paragraphs(out) == [BODY_A, BODY_C, BODY_B]


def test_run_of_short_lines_is_dropped_even_with_a_question_mark() -> None:
    links = "Most read\nWhy are rents rising so fast?\nFive walks near the city\nTrains cut"
    assert paragraphs(clean_text(page(links))) == [BODY_A, BODY_B, BODY_C]


def test_long_unpunctuated_line_kept_only_between_body_paragraphs() -> None:
    line = (
        "The vote was the closest in the history of the council and the mayor cast the last ballot"
    )
    assert paragraphs(clean_text(page(line))) == [BODY_A, line, BODY_B, BODY_C]
    assert paragraphs(clean_text(f"{page()}\n\n{line}")) == [BODY_A, BODY_B, BODY_C]


def test_whitespace_controls_and_unicode_are_normalised() -> None:
    text = (
        "  The mayor  said\tthe caf\u0065\u0301 would\x07 reopen\u200b in the spring, "
        "residents heard.\r\n"
    )
    assert (
        clean_text(text)
        == "The mayor said the caf\u00e9 would reopen in the spring, residents heard."
    )


def test_zero_width_joiners_inside_words_are_kept() -> None:
    """Persian writes "سه‌شنبه" (Tuesday) and "می‌رود" with a zero-width non-joiner, and
    Sinhala "ශ්‍රී" with a zero-width joiner: part of the spelling, as the plain-text
    reader keeps them, not invisible junk such as a zero-width space."""
    persian = (
        "یک حمله سایبری روز سه\u200cشنبه سامانه\u200cهای رایانه\u200cای بندر را از کار انداخت."
    )
    sinhala = "ශ්\u200dරී ලංකා වරාය ඊයේ සයිබර් ප්\u200dරහාරයකින් පසු වසා දැමිණි."
    assert clean_text(persian) == persian
    assert clean_text(sinhala) == sinhala
    zero_width_space = "The port\u200b reopened on Thursday after the attack, officials said."
    assert clean_text(zero_width_space) == zero_width_space.replace("\u200b", "")


def test_short_text_with_a_sentence_is_kept() -> None:
    """A feed entry of one short sentence has no long paragraph, but is still text."""
    assert clean_text("Police arrested two men.") == "Police arrested two men."
    assert clean_text("Home\nNews\nContact us") == ""


# --- Robustness and binary input -------------------------------------------------------


def garbage(size: int, seed: int = 7) -> str:
    return random.Random(seed).randbytes(size).decode("utf-8", errors="replace")


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   \n\t \r\n ",
        "\x00\x01\ufffd" * 1000,
        garbage(200_000),
        bytes(range(256)).decode("latin-1") * 100,
        "|\n-\n:\n.\n\u201d\n>>\n\u00a9",
        "\ud800 lone surrogate here.",
        "x" * 1_000_000,
        "\n" * 100_000,
    ],
)
def test_never_raises_and_rejects_garbage(raw: str) -> None:
    out = clean_text(raw)
    assert out == ""


def test_one_huge_line_of_prose_is_one_paragraph() -> None:
    sentence = "The river rose by two metres overnight and several roads were closed. "
    out = clean_text(sentence * 50_000)
    assert "\n" not in out and out.startswith(sentence.strip()) and out.endswith("closed.")


def test_two_megabyte_input_is_processed() -> None:
    """Many distinct paragraphs (nothing repeats): the whole body comes back.

    Callers never pass more than 300,000 characters (READ_CHARS), so 2 MB is ample.
    """
    parts = [
        f"On day {i} the council agreed to spend {i * 7} dollars on {i % 97} new roads and "
        f"{i % 89} bridges, officials said in statement number {i}."
        for i in range(16_000)
    ]
    raw = "Home\nNews\n\n" + "\n\n".join(parts) + "\n\nContact us\n\u00a9 2024 The Post"
    assert len(raw) > 2_000_000
    out = paragraphs(clean_text(raw))
    assert len(out) == len(parts) and out[0] == parts[0] and out[-1] == parts[-1]


def test_looks_like_text_accepts_text() -> None:
    assert looks_like_text(NEWS_PAGE)
    assert looks_like_text(GERMAN_PAGE)
    assert looks_like_text("")
    assert looks_like_text("A page with one bad character \ufffd in it. " * 20)


@pytest.mark.parametrize(
    "raw",
    [
        garbage(100_000),
        bytes(range(256)).decode("latin-1") * 50,
        "A title".encode("utf-16-le").decode("utf-8") * 1000,
        "\x00" * 10 + "text",
    ],
)
def test_looks_like_text_rejects_binary(raw: str) -> None:
    assert not looks_like_text(raw)


# --- The real scraped pages in ../shared/articles ----------------------------------------

REAL = {
    "000_6acb1b95d66a6458.txt": (
        "Leaders of major Chinese Internet companies said on Wednesday",
        'Instead, they will influence everyone in cyberspace."',
    ),
    "001_ae4580c95c6477d8.txt": (
        "China is ready to work with other countries to deepen international cooperation",
        "He said that the Internet will continue to influence life and human civilization.",
    ),
    "002_8a71c65cc0a95d31.txt": (
        "A senior Chinese Internet affairs official has called for greater trust",
        "including mobile Internet, Internet governance and cyber culture.",
    ),
    "003_fab993e3a5618873.txt": (
        'Cooperation is a "must" for China and the United States',
        '"A good understanding will be helpful to close the distance between China and the US '
        'on dealing with online issues," she added.',
    ),
    "004_b652dcd5a69fc392.txt": (
        "Though the Internet has brought unprecedented convenience",  # (its dateline left out)
        "Qi Xiangdong, chairman of Qi Anxin Group, a leading security provider in China.",
    ),
}

NOT_BODY = [
    "Current Issue", "Subscribe Now >>", "RSS Feeds", "Share", "Hot Topics", "Editor's Picks",
    "- China's cyber security under severe threat", "China proposes cyber security talks",
    "Jiang Jun for China Daily", "Video PlayerClose", "Updated:", "UPDATED:", "Source: Xinhua",
    "scheduled to end The conference", "By Cao Yin", "Business / World Internet Conference",
    "The Latest Headlines", "Top Story", "Useful Links", "Copyright", "Table of Contents",
    "Beijing ready to cooperate on Internet security", "needed for Internet security'",
    "China Focus:", "Official Urges China-U.S. Trust", "(Xinhua News Agency",
]  # fmt: skip


@pytest.fixture(scope="module")
def articles() -> Path:
    if not ARTICLES.is_dir():
        pytest.skip(f"sample articles folder {ARTICLES} is absent (it lives outside the repo)")
    return ARTICLES


@pytest.mark.parametrize("name", sorted(REAL))
@pytest.mark.parametrize("stored_first", [False, True], ids=["page", "stored text"])
def test_real_article_keeps_body_and_drops_page_furniture(
    articles: Path, name: str, stored_first: bool
) -> None:
    """The sentences of the page, and of the main text ingest stores (the same)."""
    raw = (articles / name).read_text(encoding="utf-8")
    out = clean_text(main_text(raw) if stored_first else raw)
    first, last = REAL[name]
    assert out.startswith(first)
    assert out.endswith(last)
    assert_well_formed(out)
    for line in NOT_BODY:
        assert line not in out, f"{line!r} survived in {name}"
    assert "conference, scheduled to end on Friday" in out or name != "001_ae4580c95c6477d8.txt"


@pytest.mark.parametrize("stored_first", [False, True], ids=["page", "stored text"])
def test_speaker_lines_of_a_real_page_stay_with_their_quotes(
    articles: Path, stored_first: bool
) -> None:
    raw = (articles / "000_6acb1b95d66a6458.txt").read_text(encoding="utf-8")
    out = paragraphs(clean_text(main_text(raw) if stored_first else raw))
    quotes = [p for p in out if '"' in p]
    assert [p.split(': "')[0] for p in quotes] == [
        "Liu Qiangdong, founder and chairman of e-commerce company JD.com",
        "Will Cheng, chairman and CEO of Didi Kuaidi, China's largest taxi-aggregator app",
        "Chen Liming, chairman of IBM in China",
        "Zhou Hongyi, head of Qihoo 360, one of China's leading technology companies",
    ]


def test_real_articles_are_text(articles: Path) -> None:
    for path in sorted(articles.glob("*.txt")):
        assert looks_like_text(path.read_text(encoding="utf-8")), path.name
