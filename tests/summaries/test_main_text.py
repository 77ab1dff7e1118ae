"""The two texts of an article: its whole main text (stored, searched) and its sentences
(what a briefing quotes and story grouping compares)."""

import pytest

from summaries import Article, SummaryOptions, summarize
from summaries.clean import clean_text, main_text
from summaries.grouping import fingerprint
from summaries.ingest import prepare
from summaries.summarize import article_text, summary_text

PROSE = [
    "The Harbour Bridge will close to all traffic from June for six months while engineers "
    "replace its cables, the city council said on Thursday.",
    "Commuters have been told to expect longer journeys, with the council estimating that "
    "around 40,000 vehicles cross the bridge every weekday.",
    "Extra ferries will run every 15 minutes during peak hours, and bus lanes will be added on "
    "the two remaining river crossings.",
    "Local businesses on the north bank fear a drop in customers while the work is under way.",
]
STRUCTURE = [
    "Closures by month",
    "| Road | Closed from |",
    "| Quayside Lane | June |",
    "| Westbridge Road | July |",
    "The works include:",
    "- new steel cables for the main span",
    "- a repainted deck",
    "- lighting for cyclists",
]

# As trafilatura gives a page: one line per block, tables and lists in its own notation.
EXTRACTED = "\n".join(
    [
        "By Maria Lopez, Transport Correspondent",
        "Published 14 March 2024 08:15 GMT",
        *PROSE[:2],
        "Closures by month",
        "| Road | Closed from | ",
        "|---|---|",
        "| Quayside Lane | June | ",
        "| Westbridge Road | | July | ",
        "The works include:",
        "- new steel cables for the main span",
        "- a repainted deck",
        "- lighting for cyclists",
        "Advertisement",
        "Share on Facebook",
        *PROSE[2:],
        "We use cookies to improve your experience on our site.",
        "\u00a9 2024 Riverside Gazette Ltd. All rights reserved.",
    ]
)


def lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line]


def test_lists_tables_and_headings_are_kept_as_readable_lines():
    assert lines(main_text(EXTRACTED)) == [*PROSE[:2], *STRUCTURE, *PROSE[2:]]


def test_blocks_stay_apart_where_furniture_was_cut_out():
    """A blank line where furniture was: the sentence cleaning sees the page's own blocks."""
    blocks = main_text(EXTRACTED).split("\n\n")
    assert blocks == ["\n".join([*PROSE[:2], *STRUCTURE]), "\n".join(PROSE[2:])]


@pytest.mark.parametrize(
    "furniture",
    [
        "Share on Facebook",
        "Tweet",
        "Advertisement",
        "5 Comments",
        "Leave a Reply",
        "Follow us",
        "By Maria Lopez, Transport Correspondent",
        "Published: 14 March 2024 08:15 GMT | Updated: 14 March 2024 11:02 GMT",
        "Posted on April 2, 2023 by Jenny",
        "23.10.2018",
        "We use cookies to improve your experience on our site.",
        "Sign up for our morning newsletter and get the day's top stories in your inbox.",
        "\u00a9 2024 Riverside Gazette Ltd. All rights reserved.",
        "Photo: Tom Baker/Gazette",
        "Cranes stand beside the Harbour Bridge on Thursday. (Photo: Tom Baker/Gazette)",
        "Video PlayerClose",
        "Home | News | Sport | Contact",
        "About \u00b7 Recipes \u00b7 Garden \u00b7 Contact",
        "The post Harbour Bridge to close to all traffic from June while engineers replace its "
        "cables and the council adds bus lanes on the two remaining river crossings appeared "
        "first on Riverside Gazette.",  # a blog feed's footer, however long its title
        "The post Le pont ferme en juin appeared first on Le Journal des Femmes.",  # "des"
        "The post Harbour Bridge to close appeared first on Friends of the Earth.",
        "Continue reading on Medium \u00bb",
        "Originally published at harwick.example on March 3, 2026.",
        "Filed under: Politics, Transport",
        "Tags: bridges, council, ferries",
        "submitted by /u/harwick_news [link] [comments]",
        "READ MORE: Ferry operators say they are ready to add extra crossings during the works.",
        "WATCH: Drone footage shows the rusting cables of the harbour bridge.",
        "See also: Council approves record budget for 2026, cutting library opening hours.",
        # the heading over other stories' teasers, alone on its line
        "You might also like",
        "Related posts",
        "Ähnliche Beiträge",
        "Das könnte Sie auch interessieren ...",
        "Mirá también",
        # a pager's or a back link, its arrow pointing out of the article
        "\u00ab Zur\u00fcck zu den Veranstaltungen",
        "\u2190 Older posts",
        "Newer posts \u2192",
        "Next post \u203a",
    ],
)
def test_page_furniture_is_left_out(furniture):
    text = "\n".join([PROSE[0], furniture, PROSE[1]])
    assert lines(main_text(text)) == PROSE[:2]


@pytest.mark.parametrize(
    "quoted",
    [
        "\u00ab Le pont ferme \u00bb",
        "\u00bbWir schaffen das\u00ab",
        "\u00ab Nous fermerons le pont en juin \u00bb, a dit le maire.",
        "Weiter geht es \u00bbnach Plan\u00ab",
    ],
)
def test_a_line_in_guillemets_is_no_pager_link(quoted):
    text = "\n".join([PROSE[0], quoted, PROSE[1]])
    assert lines(main_text(text)) == [PROSE[0], quoted, PROSE[1]]


def test_a_run_of_labels_without_their_values_is_left_out():
    """A definition list whose values the extraction lost ("- When:", "- Where:") says
    nothing; one label over a list ("- Ingredients:") stays with it."""
    empty = ["- When:", "- Where:", "- Tickets:"]
    listed = ["- Ingredients:", "- 200 g sugar", "- 1 egg"]
    text = "\n".join([PROSE[0], *empty, PROSE[1], *listed])
    assert lines(main_text(text)) == [PROSE[0], PROSE[1], *listed]


def test_a_menu_is_left_out_but_a_short_heading_or_list_is_not():
    menu = ["Home", "News", "Sport", "Business"]
    kept = ["Ingredients", "- salt", "- butter", "Method", "200 g sugar", "1 egg", "2 cups flour"]
    assert lines(main_text("\n".join([*menu, PROSE[0], *kept]))) == [PROSE[0], *kept]


def test_a_run_of_labelled_short_lines_is_kept_as_a_list_of_facts():
    """Lines of a label and a value (an outfit's makers, a gadget's specs) are facts the
    article states, not menu links, however short: a run of them stays."""
    facts = ["Jacket: Harbour Knits", "Boots: Westbridge", "Scarf: Quayside Wool"]
    text = "\n".join([PROSE[0], *facts, PROSE[1]])
    assert lines(main_text(text)) == [PROSE[0], *facts, PROSE[1]]


@pytest.mark.parametrize(
    "run",
    [
        ["Web: www.harbour.example", "Social: @harbour_council", "#HarbourBridge"],
        ["+++", "Bildquelle: Anna Berg", "+++"],
        ["Home", "Ferries: Timetables", "Contact"],
    ],
)
def test_a_menu_with_labelled_lines_in_it_is_still_a_menu(run):
    """Only a run made wholly of labelled facts is kept: addresses, handles and a menu
    with one labelled link go as before."""
    text = "\n".join([PROSE[0], *run, PROSE[1]])
    assert lines(main_text(text)) == PROSE[:2]


@pytest.mark.parametrize(
    "run",
    [
        ["Category: Transport", "Tags: ferries, bridge", "Posted by: admin"],
        ["Filed under: Transport", "Tagged: Ferries", "Comments: None"],
        ["Photo: Harbour Agency", "Video: Harbour TV", "Graphic: Anna Berg"],
    ],
)
def test_a_posts_labels_or_its_credits_are_no_list_of_facts(run):
    """The block of links after a blog post (its tags and categories) and the credits of
    a story's pictures are labelled short lines too: one line known as a post's labels
    ("Tags: ...") or a caption's credit ("Photo: ...") makes the run such a block, and all
    of it goes, not only that line."""
    text = "\n".join([PROSE[0], PROSE[1], *run])
    assert lines(main_text(text)) == PROSE[:2]


@pytest.mark.parametrize(
    "sentence",
    [
        "The council said it would review the timetable in September.",
        "He left on May 3.",
        "Prices may rise.",
        "Read the report here.",
        "Lisa Vittozzi (ITA) +4.11,5 (9)",
        "Bern, 17.08.2007 - Rede von Moritz Leuenberger beim SP-St\u00e4dtegipfel, Basel",
        "http://www.openpetition.de/petition/online/gegen-die-tarifreform-2013-gema-verliert",
        # sentences that open like a blog's trailer or a labelled link, and are none
        "Originally published in 1962, the novel follows a woman who returns to her village.",
        "Originally published on a small blog, the photos spread across social media at once.",
        "Continue reading past the summary and the report paints a far bleaker picture.",
        "Read the rest of the letter and it becomes clear the mayor knew about the corrosion.",
        "Watch: the number of ferries will double during the closure, the council said.",
        "More: the council will publish its report next week.",
        "You might also like the new timetable, which adds a late ferry on Fridays.",
        "Related stories in the archive show the bridge closed twice before.",
        "The post appeared first on Facebook on Monday and was shared 10,000 times by Tuesday.",
        "The post about the bridge appeared first on Facebook on Monday.",
    ],
)
def test_a_line_with_a_date_a_link_or_an_interface_word_is_not_furniture(sentence):
    assert lines(main_text(f"{PROSE[0]}\n{sentence}\n{PROSE[1]}")) == [
        PROSE[0],
        sentence,
        PROSE[1],
    ]


def test_a_page_laid_out_in_a_table_is_read_as_its_text():
    """A row of one cell, or with a paragraph in a cell, is layout: its cells are lines."""
    text = (
        f"| | {PROSE[0]} | |\n"
        f"| Contents | {PROSE[1]} {PROSE[2]} |\n"
        "| Population | 40,000 |"
    )
    assert lines(main_text(text)) == [
        PROSE[0],
        "Contents",
        f"{PROSE[1]} {PROSE[2]}",
        "| Population | 40,000 |",
    ]


def test_a_repeated_line_keeps_its_first_copy():
    text = "\n".join([PROSE[0], "Repeat chorus", PROSE[1], "Repeat chorus", PROSE[2]])
    assert lines(main_text(text)) == [PROSE[0], "Repeat chorus", *PROSE[1:3]]


def test_the_sentences_are_the_prose_of_the_main_text_and_never_its_structure():
    article = Article("Harbour bridge to close for repairs", EXTRACTED)
    text = article_text(article)
    assert all(line in text for line in STRUCTURE)
    assert summary_text(text, article.title).split("\n\n") == PROSE
    briefing = summarize(article, SummaryOptions(sentences=10, max_chars=5000))
    assert list(briefing.sentences) == PROSE


def test_the_story_fingerprint_is_made_again_from_the_stored_text():
    """Ingest's catch-up reads stored articles back: their fingerprint must be the same."""
    lead = "Key facts:\n" + "\n".join(f"- item {n} of the list of closures" for n in range(30))
    article = Article("Harbour bridge to close for repairs", f"{lead}\n{EXTRACTED}")
    prepared = prepare(article, SummaryOptions())
    again = fingerprint(article.title, summary_text(prepared.text, article.title))
    assert prepared.fingerprint == again
    assert prepared.summary_text.split("\n\n") == PROSE
    assert prepared.fingerprint != fingerprint(article.title, prepared.text)  # not the list


def test_sentence_cleaning_of_the_main_text_is_the_cleaning_of_the_page():
    """What the briefing quotes comes out the same whether the main text is taken first."""
    assert clean_text(main_text(EXTRACTED)) == clean_text(EXTRACTED) == "\n\n".join(PROSE)
