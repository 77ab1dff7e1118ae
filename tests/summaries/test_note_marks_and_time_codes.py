"""A note's mark and a transcript's time code leave the sentences they open or close
(summaries.sources._note_marks, ._time_codes), while a power and a live blog's times
stay; an author is the byline's name without its place and date; a paywall
platform's offer box and an embed's stand-in asking leave to load it are not the story,
nor a paywall's lines in any language."""

from __future__ import annotations

import pytest

from summaries.sources import article_from_page
from summaries.summarize import article_texts

URL = "https://news.example.com/2024/05/02/story"
FILLER = (
    "<p>The county council met on Tuesday evening to discuss the budget for the coming "
    "year, and its members agreed to raise spending on roads and schools.</p>"
)


def stored(body: str) -> str:
    """The main text stored of a page of ``body`` and FILLER."""
    page = f"<html><head><title>Budget</title></head><body><article>{body}{FILLER}"
    return article_texts(article_from_page(f"{page}</article></body></html>", URL))[0]


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        (
            "<p>Spending rose 4% last year.<sup>1</sup> Revenue fell by a third.</p>",
            "Spending rose 4% last year. Revenue fell by a third.",
        ),
        (
            '<p>Rates stayed high<sup><a href="#fn2">[2]</a></sup>, the bank said.</p>',
            "Rates stayed high, the bank said.",
        ),
        (  # glued to the next word: a space in its place
            "<p>The survey found <a href='/s'>fewer drivers</a><sup>3</sup>on the bridge.</p>",
            "The survey found fewer drivers on the bridge.",
        ),
    ],
)
def test_a_notes_mark_leaves_its_sentence(paragraph: str, text: str) -> None:
    assert text in stored(paragraph)


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ("<p>The park covers 40 km<sup>2</sup> of forest and lakes.</p>", "40 km2 of"),
        ("<p>Each tank holds 10<sup>6</sup> litres of water.</p>", "106 litres"),
        ("<p>Einstein wrote E = mc<sup>2</sup> in 1905, the museum said.</p>", "mc2 in"),
        ("<p>She finished 1<sup>st</sup> in the race on Sunday.</p>", "1st in"),
    ],
)
def test_a_power_or_an_ordinal_stays(paragraph: str, text: str) -> None:
    assert text in stored(paragraph)


def test_a_transcripts_time_codes_leave_its_paragraphs() -> None:
    body = "".join(
        f"<p><a href='#t={s}'>{code}</a> {words}</p>"
        for s, code, words in [
            (0, "0:00", "HOST: Welcome to the programme on the county's budget."),
            (14, "0:14", "The council will spend more on roads this year."),
            (75, "1:15", "GUEST: Schools get the largest share of the new money."),
        ]
    )
    text = stored(f"<div class='transcript'>{body}</div>")
    assert "HOST: Welcome to the programme" in text
    assert "\nThe council will spend more on roads" in text
    assert "0:14" not in text and "1:15" not in text


@pytest.mark.parametrize(
    "paragraphs",
    [
        [  # codes as the paragraphs' first words, in brackets
            "[00:00:05] HOST: Welcome to the programme on the county's budget.",
            "[00:00:21] The council will spend more on roads this year.",
            "[00:01:02] GUEST: Schools get the largest share of the new money.",
        ],
        [  # from the recording's first minute
            "0:00 HOST: Welcome to the programme on the county's budget.",
            "0:42 The council will spend more on roads this year.",
            "3:10 GUEST: Schools get the largest share of the new money.",
        ],
    ],
)
def test_a_transcripts_time_codes_in_its_text_leave_it(paragraphs: list[str]) -> None:
    text = stored("<div>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>")
    assert "\nThe council will spend more on roads this year." in text
    assert ":21]" not in text and "0:42" not in text


AGENDA = [
    ("09:00", "Registration and coffee for all delegates in the main hall."),
    ("10:30", "Keynote speech by the mayor on the future of the city centre."),
    ("12:00", "Lunch is served in the garden of the town hall for everyone."),
]
# A clock writes its hour in two figures ("00:05"), a player the first minute of its
# recording in one ("0:05"): an election night's live blog, oldest first, keeps its times.
NIGHT = [
    ("00:05", "Polls have closed across the country and counting has begun."),
    ("00:40", "The first results show the ruling party ahead in the north."),
    ("01:25", "The opposition leader has conceded defeat in a short speech."),
]


@pytest.mark.parametrize("times", [AGENDA, NIGHT])
@pytest.mark.parametrize("wrap", ["{}", "<strong>{}</strong>"])
def test_a_days_times_stay(times: list[tuple[str, str]], wrap: str) -> None:
    body = "".join(f"<p>{wrap.format(time)} {words}</p>" for time, words in times)
    text = stored(f"<div>{body}</div>")
    for time, words in times:
        assert f"{time} {words}" in text


def test_a_live_blogs_times_newest_first_stay() -> None:
    body = "".join(
        f"<p><strong>{time}</strong> {words}</p>"
        for time, words in [
            ("21:40", "The council has approved the budget by nine votes to two."),
            ("20:15", "Councillors are now debating the roads programme."),
            ("19:02", "The meeting has started in the town hall."),
        ]
    )
    assert "21:40 The council has approved" in stored(f"<div class='live'>{body}</div>")


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Lucía Martín · Madrid · 2 may 2024", "Lucía Martín"),
        ("By Jane Doe · Washington", "Jane Doe"),
        ("Anna Nowak •", "Anna Nowak"),
        ("Marc Col·lell", "Marc Col·lell"),  # a Catalan name: its dot is no separator
    ],
)
def test_an_author_is_the_bylines_name_alone(byline: str, author: str) -> None:
    page = (
        f'<html><head><title>Budget</title><meta name="author" content="{byline}"></head>'
        f"<body><article>{FILLER}{FILLER}</article></body></html>"
    )
    assert article_from_page(page, URL).author == author


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Continua a leggere questo articolo", False),
        ("Weiterlesen mit Abo", False),
        ("Lire la suite de l'article", False),
        ("Cet article est réservé aux abonnés. Abonnez-vous pour lire la suite.", False),
        ("This article is for subscribers only. Subscribe now for unlimited access.", False),
        # a story's sentence after the label, which speaks of no subscription: kept
        ("This story is for subscribers only. The mayor said the bridge would reopen.", True),
        # members of a council or a government are no offer of a membership
        ("This story is for subscribers only. Members of Congress voted to extend it.", True),
        ("Nur für Abonnenten. Die Mitglieder des Stadtrats stimmten für den Haushalt.", True),
        ("Riservato agli abbonati. I membri del governo hanno approvato la manovra.", True),
        ("Weiterlesen konnte er das Gutachten erst im Mai, sagte sein Anwalt am Montag.", True),
    ],
)
def test_a_paywalls_lines_in_any_language_go(line: str, kept: bool) -> None:
    text = stored(f"<p>The budget grows by 3% next year, the treasurer said.</p><p>{line}</p>")
    assert (line in text) is kept


OFFER = (
    "<p>This content is reserved for our subscribers. Get unlimited access to every article "
    "from our newsroom for just one pound a month.</p><p>Cancel whenever you like.</p>"
)
STAND_IN = (
    "<p>At this point you will find external content from a video platform that adds to "
    "the article. You can show it with one click.</p><p>I agree that external content may "
    "be shown to me, and personal data passed to third-party platforms.</p>"
    "<button>Load content</button>"
)


@pytest.mark.parametrize(
    ("box", "inside"),
    [
        # a paywall platform's offer
        ("piano-offer", OFFER),
        ("tp-container-inner", OFFER),
        ("poool-widget", OFFER),
        ("zephr-feature_paywall", OFFER),
        ("zephr-inline-body", OFFER),
        # an embed's stand-in asking leave to load it
        ("embed-consent", STAND_IN),
        ("_brlbs-content-blocker", STAND_IN),
        ("uc-embedding-container", STAND_IN),
        ("cmplz-placeholder-1", STAND_IN),
    ],
)
def test_a_box_named_for_an_offer_or_an_embeds_consent_is_not_the_story(
    box: str, inside: str
) -> None:
    text = stored(
        f"<p>The budget grows by 3% next year, the treasurer said.</p>"
        f'<div class="{box}">{inside}</div>'
    )
    assert "treasurer said" in text
    for words in ("unlimited access", "Cancel whenever", "external content", "third-party"):
        assert words not in text


@pytest.mark.parametrize(
    "box",
    [
        'class="zephr-content" data-zephr-content="premium"',
        'class="tp-container"',  # a theme's layout box, by the prefix of its blocks
    ],
)
def test_a_box_round_the_story_itself_keeps_it(box: str) -> None:
    """Zephr draws its offers in boxes of their own ("zephr-inline-body", "zephr-feature_
    paywall") and marks the story it guards "zephr-content": that one is the story; so
    is a theme's "tp-container", which only Tinypass's "tp-container-inner" resembles."""
    text = stored(
        f"<div {box}>"
        "<p>The budget grows by 3% next year, the treasurer said.</p>"
        "<p>Spending on roads rises most, by a tenth, to mend the bridges.</p></div>"
    )
    assert "treasurer said" in text and "to mend the bridges" in text
