"""Briefing sentences of HTML pages are the article's own sentences: nothing the page puts
next to them (a hover card, the headline, byline and date, a caption) is glued to one, and
two lines of a page are one paragraph only where its text was wrapped at a width."""

import pytest

from summaries import SummaryOptions, summarize
from summaries.clean import clean_text
from summaries.sources.pages import article_from_page

TITLE = "Harbour bridge to close for repairs"
ALL = SummaryOptions(sentences=20, max_chars=10_000)
SHORT = [  # paragraphs of a page that keeps them short
    "The Harbour Bridge will close to all traffic from June, the council said.",
    "Commuters have been told to expect longer journeys during the works.",
    "Extra ferries will run every 15 minutes during peak hours this summer.",
    "Local businesses on the north bank fear a drop in customers.",
]


def page(body: str) -> str:
    return f"<html><head><title>{TITLE}</title></head><body><article>{body}</article></body></html>"


def paragraphs(sentences: list[str]) -> str:
    return "".join(f"<p>{s}</p>" for s in sentences)


def briefing_of(html: str) -> list[str]:
    return list(summarize(article_from_page(html, "https://example.com/bridge"), ALL).sentences)


@pytest.mark.parametrize(
    "card",
    [
        '<span class="hovercard">John Smith is a senator from Ohio. Follow</span>',
        '<span role="tooltip">John Smith is a senator from Ohio. Follow</span>',
        '<span hidden>John Smith is a senator from Ohio. Follow</span>',
        '<div class="popover"><b>John Smith</b> Senator from Ohio <button>Follow</button></div>',
    ],
)
def test_a_hover_card_is_not_glued_into_the_lede(card):
    lede = "Senator John Smith said on Thursday that the closure was a disgrace to the city."
    html = page(f'<p>Senator <a href="/p/js">John Smith</a>{card} said on Thursday that the '
                f"closure was a disgrace to the city.</p>{paragraphs(SHORT)}")  # fmt: skip
    assert briefing_of(html) == [lede, *SHORT]


@pytest.mark.parametrize(
    "lead_in",
    [
        f'<span class="hed">{TITLE}</span> ',
        '<span class="when">March 14, 2024</span> ',
        f'<span class="hed">{TITLE}</span> <span class="by">By Maria Lopez</span> '
        '<span class="when">March 14, 2024</span> ',
        '<span class="by">By Maria Lopez</span> <time>14.03.2024 08:15</time> ',
    ],
)
def test_headline_byline_and_date_are_not_glued_to_the_first_sentence(lead_in):
    html = page(f'<div class="story">{lead_in}{SHORT[0]}</div>{paragraphs(SHORT[1:])}')
    assert briefing_of(html) == SHORT


def test_a_caption_as_long_as_the_paragraphs_is_not_joined_to_the_next_one():
    caption = "Photographers' cranes overshadow Westminster's dilapidated suspension bridge"
    html = page(f"{paragraphs(SHORT[:2])}<p><em>{caption}</em></p>{paragraphs(SHORT[2:])}")
    assert briefing_of(html) == SHORT


def test_a_caption_as_long_as_the_lines_around_it_is_not_joined_to_the_next():
    """Lines of an extracted page are its blocks: only text wrapped at a width is joined."""
    caption = "Photographers' cranes overshadow Westminster's dilapidated suspension bridge"
    text = "\n".join([SHORT[0], caption, SHORT[1], SHORT[2]])
    assert clean_text(text).split("\n\n") == SHORT[:3]


def test_a_block_wrapped_at_a_width_is_joined_before_capitals_too():
    wrapped = (
        "The committee met for three hours on Monday and heard evidence from\n"
        "Eleven Witnesses Ltd, a firm that manages flats for the city council on\n"
        "Harbour Street. Its report is due in the spring."
    )
    assert clean_text(f"{wrapped}\n\n{SHORT[1]}").split("\n\n") == [
        " ".join(wrapped.split("\n")),
        SHORT[1],
    ]


def test_a_paragraph_without_spaces_after_its_full_stops_is_split():
    html = page(f"<p>{''.join(SHORT[:3])}</p><p>{SHORT[3]}</p>")
    assert briefing_of(html) == SHORT


def test_a_sentence_that_opens_with_a_date_keeps_it():
    opening = [
        "On March 14, 2024 The Gazette reported that the bridge would close in June.",
        "In August 2012 Charlotte cycled 16,000 miles from Beijing to London for charity.",
        "During the vote on March 27, Councillors rejected a plan to keep one lane open.",
    ]
    assert briefing_of(page(paragraphs([*opening, *SHORT]))) == [*opening, *SHORT]


@pytest.mark.parametrize("depth", [300, 1500])
def test_an_article_below_hundreds_of_unclosed_tags_is_read(depth):
    # Old pages leave <font> tags open: each one nests what follows a level deeper, and a
    # parser that stops at 256 levels loses the article under a long menu.
    menu = "".join(f'<font face="arial"><a href="/t{i}">Topic {i}</a> ' for i in range(depth))
    html = f"<html><head><title>{TITLE}</title></head><body>{menu}{paragraphs(SHORT)}</body></html>"
    assert briefing_of(html) == SHORT


@pytest.mark.parametrize(
    ("title", "lede"),
    [
        (
            "Makrophotos von Insekten",
            "Makrophotos von Insekten sind kein ganz einfaches Hobby, doch der Inder Sasi Kumar "
            "macht daraus eine Kunst.",
        ),
        (
            "Ikea höjer lönerna",
            "Ikea höjer lönerna för sina anställda i Sverige med fem procent från april, "
            "meddelade företaget på onsdagen.",
        ),
        (
            "Harbour bridge to close",
            "Harbour bridge to close for repairs is the headline nobody in the town wanted to "
            "read this spring.",
        ),
    ],
)
def test_a_first_sentence_that_opens_with_the_headline_keeps_it(title, lede):
    """The headline glued before a sentence goes ("... to close The Harbour Bridge will");
    a sentence whose own first words are the headline's, going on in lowercase, keeps them."""
    body = [lede, *SHORT[1:]]
    assert clean_text("\n\n".join(body), title).split("\n\n") == body


CONSENT = (
    "<h2>This site asks for consent to use your data</h2><p>We and our 842 partners store "
    "and/or access information on a device, such as cookies, and process personal data, such "
    "as unique identifiers and standard information sent by a device for personalised "
    "advertising and content, audience research and services development.</p><p>With your "
    "permission we and our partners may use precise geolocation data. You may click to "
    "consent to our processing as described above.</p><button>Consent</button>"
)

PITCH = (
    "<h2>Subscribe to keep reading</h2><p>This article is for subscribers only. Subscribe "
    "now for unlimited access to award-winning journalism from just one pound a week, and "
    "cancel at any time you like.</p><a href='/subscribe'>Subscribe</a>"
)


@pytest.mark.parametrize(
    "banner",
    [
        f'<div class="fc-consent-root"><div class="fc-dialog-container">{CONSENT}</div></div>',
        f'<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk">{CONSENT}</div></div>',
        f'<div id="CybotCookiebotDialog">{CONSENT}</div>',
        f'<section class="site-cookie-banner is-open">{CONSENT}</section>',
        f'<div class="qc-cmp2-container">{CONSENT}</div>',
        f'<div id="cmpbox" class="cmpboxBG">{CONSENT}</div>',
        f'<div class="gdpr-consent">{CONSENT}</div>',
        f'<div id="cookie-law-info-bar">{CONSENT}</div>',
        f'<div id="site-privacy-wall">{CONSENT}</div>',
        f'<div class="overlay" aria-modal="true">{CONSENT}</div>',
        f'<aside class="paywall-offer">{PITCH}</aside>',
    ],
)
def test_a_consent_banner_is_not_the_article(banner):
    html = (
        f"<html><head><title>{TITLE}</title></head><body>{banner}"
        f"<article>{paragraphs(SHORT)}</article></body></html>"
    )
    assert briefing_of(html) == SHORT


def test_a_page_about_cookies_is_still_read():
    recipe = [
        "These chocolate chip cookies are soft in the middle and crisp at the edges.",
        "Bake the cookies for twelve minutes, until their edges turn golden brown.",
    ]
    html = (
        f'<html><head><title>Cookies</title></head><body class="cookie-consent-given">'
        f'<div class="recipe-cookies"><article>{paragraphs(recipe)}</article></div></body></html>'
    )
    assert briefing_of(html) == recipe


LONG = SHORT + [
    "The council will publish a timetable for the extra ferries next week.",
    "Cyclists and pedestrians may still cross on a temporary walkway on the east side.",
]
LISTING = "".join(
    f"<li><a href='/news/{n}'>Another story from the city, number {n}</a></li>" for n in range(8)
)


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ('<div role="dialog" aria-modal="true" class="story-modal">', "</div>"),
        ('<div class="overlay" aria-modal="true"><div class="inner">', "</div></div>"),
        ('<dialog open role="dialog">', "</dialog>"),
    ],
)
def test_an_article_shown_in_a_dialog_over_a_listing_is_read(opening, closing):
    """Some sites draw the story over the section's listing, in a modal: that box holds the
    page's content (most of its paragraphs), not a notice over it."""
    html = (
        f"<html><head><title>{TITLE}</title></head><body><ul>{LISTING}</ul>"
        f"{opening}<h1>{TITLE}</h1>{paragraphs(LONG)}{closing}</body></html>"
    )
    assert briefing_of(html) == LONG


@pytest.mark.parametrize(
    "name", ["subscriber-box", "subscription-box article-body", "paywall-teaser__content"]
)
def test_an_article_in_a_box_named_for_subscribers_is_read(name):
    """A box named like a call to subscribe that holds most of the page's paragraphs, more
    than such a call says its offer in, is the article behind the wall."""
    html = (
        f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>"
        f'<div class="{name}">{paragraphs(LONG)}</div><p>Share this story</p></body></html>'
    )
    assert briefing_of(html) == LONG


def test_sections_hidden_until_found_are_read():
    """``hidden="until-found"`` folds a section the reader opens (or finds by searching the
    page), as collapsed sections of encyclopaedia pages are: it is the page's text."""
    html = page(
        f"<h2>Works</h2><section hidden='until-found'>{paragraphs(SHORT[:2])}</section>"
        f"<h2>Ferries</h2><section hidden=\"UNTIL-FOUND\">{paragraphs(SHORT[2:])}</section>"
    )
    assert briefing_of(html) == SHORT


@pytest.mark.parametrize("hidden", ["hidden", 'hidden="hidden"', 'class="article-body" hidden'])
def test_an_article_sent_hidden_until_a_script_shows_it_is_read(hidden):
    """A site that shows its article once its script has checked the reader's subscription
    sends it ``hidden``: an element holding most of the page's paragraphs is its content,
    while a hidden notice beside it is still left out."""
    notice = "<div hidden><p>Your session has expired, please sign in again.</p></div>"
    html = (
        f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>"
        f"<p>Households face higher charges.</p>{notice}<div {hidden}>{paragraphs(LONG)}</div>"
        "</body></html>"
    )
    assert briefing_of(html)[-len(LONG) :] == LONG
    assert "session" not in article_from_page(html, "https://example.com/bridge").text


def test_a_hidden_copy_of_the_shown_article_is_not_read_twice():
    """A page that sends its article twice, shown and hidden (a copy for another screen
    size), holds half its paragraphs in the hidden copy, not most: it stays left out."""
    html = page(f"{paragraphs(LONG)}<div hidden>{paragraphs(LONG)}</div>")
    assert article_from_page(html, "https://example.com/bridge").text.split("\n") == LONG


def test_hidden_terms_beside_a_shown_article_are_not_read():
    """A page that shows its article may still send a long text hidden (its terms, shown
    in a dialog on a click): more paragraphs than the article's, but not the content."""
    terms = "".join(
        f"<p>Clause {n}. The service may change these terms at any time without notice.</p>"
        for n in range(2 * len(LONG))
    )
    html = page(f"{paragraphs(LONG)}<div hidden>{terms}</div>")
    assert article_from_page(html, "https://example.com/bridge").text.split("\n") == LONG
