"""Headlines without the outlet's name, and which lines read as headlines."""

from __future__ import annotations

import pytest

from summaries.sources import parse_feed
from summaries.titles import (
    is_site_only,
    looks_like_headline,
    site_free_titles,
    site_names,
    strip_site,
    title_from_text,
)

HARBOUR = site_names("Harbour Daily", "www.harbour-daily.example")


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Ferry terminal to open in May | Harbour Daily", "Ferry terminal to open in May"),
        ("Harbour Daily - Ferry terminal to open in May", "Ferry terminal to open in May"),
        ("Ferry terminal to open in May \u2013 The Harbour Daily", "Ferry terminal to open in May"),
        ("Ferry terminal to open in May | harbour-daily.example", "Ferry terminal to open in May"),
        ("Ferry terminal to open in May|Harbour Daily News", "Ferry terminal to open in May"),
        ("Harbour Daily: Ferry terminal to open in May", "Ferry terminal to open in May"),
        ("Ferry terminal to open in May \u203a Harbour Daily", "Ferry terminal to open in May"),
        ("Harbour Daily \u2039 Ferry terminal to open in May", "Ferry terminal to open in May"),
        ("Ferry - what now? - Harbour Daily", "Ferry - what now?"),  # only the end goes
        ("Harbour Daily wins press award - Harbour Daily", "Harbour Daily wins press award"),
        ("Coca-Cola opens a bottling plant", "Coca-Cola opens a bottling plant"),
        (
            "Ferry terminal to open in May | Coastal Times",
            "Ferry terminal to open in May | Coastal Times",
        ),
        ("  Ferry   terminal to open  ", "Ferry terminal to open"),
    ],
)
def test_the_outlets_name_is_stripped_from_either_end(title, headline):
    assert strip_site(title, HARBOUR) == headline


def test_a_host_names_the_outlet_by_its_labels_but_an_address_does_not():
    assert site_names("news.linknaija.com") == ("news.linknaija.com", "news", "linknaija")
    assert site_names("127.0.0.1", None, "") == ("127.0.0.1",)
    names = site_names("linknaija.com")
    assert strip_site("Naira falls again - LinkNaija News", names) == "Naira falls again"


def test_a_title_that_is_only_the_site_name_is_site_only():
    assert is_site_only("Harbour Daily", HARBOUR)
    assert is_site_only("Harbour Daily | harbour-daily.example", HARBOUR)
    assert is_site_only("", HARBOUR)
    assert not is_site_only("Harbour Daily wins press award", HARBOUR)
    assert not is_site_only("Ferry terminal to open | Harbour Daily", HARBOUR)


def test_branding_repeated_across_an_outlets_titles_goes_even_when_no_name_matches():
    titles = [
        "10 tips for a better squat | The Beachbody Blog",
        "Why protein matters after a run | The Beachbody Blog",
        "A 20-minute core workout | The Beachbody Blog",
        "Opinion: rest days are training too",
    ]
    assert site_free_titles(titles, site_names("Beachbody On Demand", "bod.example")) == [
        "10 tips for a better squat",
        "Why protein matters after a run",
        "A 20-minute core workout",
        "Opinion: rest days are training too",
    ]


def test_a_name_and_a_tagline_before_a_colon_go_when_every_title_has_them():
    titles = [
        "LinkNaija | Nigeria's popular news platform: Lagos opens its new rail line",
        "LinkNaija | Nigeria's popular news platform: Floods close roads in Kano",
        "LinkNaija | Nigeria's popular news platform: Naira falls against the dollar",
    ]
    assert site_free_titles(titles, site_names("LinkNaija")) == [
        "Lagos opens its new rail line",
        "Floods close roads in Kano",
        "Naira falls against the dollar",
    ]


def test_a_topic_before_a_colon_in_some_titles_is_news_and_stays():
    titles = ["Brexit: what happens next", "Brexit: the vote explained", "Storm closes port"]
    assert site_free_titles(titles) == titles


def test_a_feed_stores_its_entries_titles_without_the_feeds_branding():
    items = "".join(
        f"<item><title>{t} | Kessel Marina Blog</title><link>https://kessel.example/{n}</link>"
        "<description>Text.</description></item>"
        for n, t in enumerate(["Regatta draws record entries", "Fuel pontoon closes"])
    )
    body = f'<rss version="2.0"><channel><title>Kessel Marina</title>{items}</channel></rss>'
    feed = parse_feed(body.encode(), "https://kessel.example/feed")
    assert [e.title for e in feed.entries] == [
        "Regatta draws record entries",
        "Fuel pontoon closes",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Harbour to dredge channel for bigger ferries",
        "Cooperation 'needed for Internet security'",
        "China Focus: Experts call for joint efforts to build a safer cyberspace",
        "Is the ferry terminal worth 84 million euros?",
        "Opinion | Why the port must reopen now",
        "港口恢复运营",  # a script written without spaces
    ],
)
def test_headlines(line):
    assert looks_like_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",  # a label
        "e-magazine",
        "Skip to content",  # a menu entry
        "Home | News | Harbour",  # a menu
        "Business / World Internet Conference",  # a breadcrumb
        "The harbour authority approved the plan on Tuesday.",  # a sentence
        "Leaders said on Wednesday that they are ready to cooperate:",
        "Dredging starts in June. Ferries follow",  # two sentences
        " ".join(["word"] * 21),  # too long
        "",
    ],
)
def test_not_headlines(line):
    assert not looks_like_headline(line)


def test_a_title_made_from_the_text_is_its_first_sentence_past_menus_and_bylines():
    text = (
        "Business / World Internet Conference\n\n"
        "By Cao Yin (China Daily) Updated: 2014-11-20 07:00\n\n"
        "China is ready to work with other countries, President Xi said. The conference opened."
    )
    assert title_from_text(text) == "China is ready to work with other countries, President Xi said"
    long = "The harbour authority said " + "that the channel would be dredged and " * 5 + "end."
    made = title_from_text(long)
    assert made.endswith("\u2026") and len(made.split()) == 20


def test_a_place_the_outlet_is_named_after_stays_in_the_headline():
    """One word of a longer outlet name is news, not branding."""
    titles = site_free_titles(
        ["Brennport : le port paralysé par une cyberattaque"], ["Le Courrier de Brennport"]
    )
    assert titles == ["Brennport : le port paralysé par une cyberattaque"]
    assert site_free_titles(["Rates rise | Guardian"], ["The Guardian"]) == ["Rates rise"]


def test_a_thai_headline_of_two_clauses_is_a_headline():
    """Thai sets a headline's clauses apart with a space, which in body text ends a
    sentence (Thai has no full stop): no punctuation, no second sentence."""
    headline = "ท่าเรือแหลมฉบังถูกโจมตีทางไซเบอร์ ระบบตู้สินค้าหยุดชะงัก"
    assert looks_like_headline(headline)
    assert not looks_like_headline("Police arrested two men. The port reopened")
