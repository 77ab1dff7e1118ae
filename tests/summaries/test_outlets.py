"""The outlet a page names, and the headline it offers besides its <title>."""

from __future__ import annotations

import pytest
from trafilatura.utils import load_html

from summaries.sources import article_from_page, read_folder
from summaries.sources._site import declared_names, headings
from summaries.sources.pages import headline

TEXT = (
    "The harbour authority said on Tuesday that the new ferry terminal would open in May "
    "after two years of building work and a year of delays, and that fares would not rise."
)


def tree(head: str, body: str = "") -> object:
    return load_html(f"<html><head>{head}</head><body>{body}<p>{TEXT}</p></body></html>")


def test_the_names_a_site_gives_itself_best_first_and_never_an_address_or_a_handle():
    head = (
        '<meta property="article:publisher" content="https://www.facebook.com/harbourdaily">'
        '<meta name="twitter:site" content="@harbourdaily">'
        '<meta name="application-name" content="Harbour Daily App">'
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
        '{"@type": "NewsArticle", "headline": "Ferry terminal to open in May", '
        '"publisher": {"@type": "Organization", "name": "Harbour Daily"}}]}</script>'
        '<script type="application/ld+json">{"broken": </script>'
        '<meta property="og:site_name" content="The Harbour Daily">'
    )
    assert declared_names(tree(head)) == ["The Harbour Daily", "Harbour Daily", "Harbour Daily App"]
    assert (
        declared_names(tree('<meta property="og:site_name" content="www.harbour.example">')) == []
    )


def test_a_pages_other_headlines_in_order():
    head = (
        '<meta property="og:title" content="Ferry terminal to open in May | Harbour Daily">'
        '<script type="application/ld+json">{"headline": "Ferry terminal opens in May"}</script>'
    )
    found = headings(tree(head, "<h1>Harbour  Daily</h1><h1>Ferry terminal to open in May</h1>"))
    assert found == [
        "Ferry terminal to open in May | Harbour Daily",
        "Harbour Daily",
        "Ferry terminal to open in May",
        "Ferry terminal opens in May",
    ]


NAMES = ("Harbour Daily", "harbour-daily.example", "harbour-daily")
OTHERS = ["Harbour Daily", "Ferry terminal to open in May"]


def test_the_headline_of_a_title_that_is_only_the_site_name_comes_from_the_page():
    assert headline("Harbour Daily", NAMES, OTHERS, TEXT) == "Ferry terminal to open in May"
    assert headline("", NAMES, OTHERS, TEXT) == "Ferry terminal to open in May"
    assert headline("Harbour Daily", NAMES, ["Harbour Daily"], TEXT) == "Harbour Daily"


def test_a_branded_title_gives_way_to_the_headline_inside_it_or_the_one_the_text_is_about():
    tagged = "Harbour Daily | Kessel's news platform: Ferry terminal to open in May"
    assert headline(tagged, NAMES, OTHERS, TEXT) == "Ferry terminal to open in May"
    site_title = "Harbour Daily | Kessel's favourite news platform"
    assert headline(site_title, NAMES, OTHERS, TEXT) == "Ferry terminal to open in May"
    # a title without branding is trafilatura's choice and stays
    assert headline("Ferry opens", NAMES, OTHERS, TEXT) == "Ferry opens"


def test_a_page_whose_only_h1_is_its_logo_is_headlined_by_its_title():
    """An older site's page: no og:title, its one <h1> the site's name over the logo, the
    story under an <h3>. The headline is the <title> without the site's name."""
    page = (
        "<html><head><title>Ferry terminal to open in May | Harbour Daily</title></head><body>"
        '<div class="head"><h1><a href="/">Harbour Daily</a></h1><h2>News from the quays</h2>'
        '</div><ul class="nav"><li><a href="/ferries">Ferries</a></li>'
        '<li><a href="/port">Port</a></li><li><a href="/contact">Contact</a></li></ul>'
        f'<div class="main"><h3>Ferry terminal</h3><p>{TEXT}</p><p>{TEXT}</p></div>'
        "</body></html>"
    )
    article = article_from_page(page, "https://www.harbour-daily.example/ferries/terminal")
    assert article.title == "Ferry terminal to open in May"


def test_an_h1_that_links_to_the_home_page_is_the_sites_name_not_the_headline():
    """The logo heading of a site whose name is not its address's ("Quayside Heritage
    Society" at heritage-quay.example): the headline is the <title> without it."""
    page = (
        "<html><head><title>Harbour fair \u203a Quayside Heritage Society</title></head><body>"
        '<div id="header"><h1><a href="https://www.heritage-quay.example"> Quayside Heritage '
        'Society </a></h1><ul><li><a href="/">Start</a></li><li><a href="/events/">Events</a>'
        '</li><li><a href="/contact/">Contact</a></li></ul></div>'
        f'<div id="content"><h2>Harbour fair</h2><p>{TEXT}</p><p>{TEXT}</p></div></body></html>'
    )
    article = article_from_page(page, "https://www.heritage-quay.example/events/887/")
    assert article.title == "Harbour fair"


def test_an_icons_title_is_not_the_pages_title():
    """A page without a <title> of its own and headlined by its logo: the <title> of an
    inline SVG icon labels that icon ("Search"), and is no headline."""
    icon = '<svg viewBox="0 0 10 10"><title>Search</title><path d="M0 0h10"/></svg>'
    page = (
        '<html><head><meta charset="utf-8"></head><body><div class="head">'
        f'<h1><a href="/">Harbour Daily</a></h1>{icon}</div>'
        f'<div class="main"><h3>Ferry terminal</h3><p>{TEXT}</p><p>{TEXT}</p></div></body></html>'
    )
    article = article_from_page(page, "https://www.harbour-daily.example/ferries/terminal")
    assert "Search" not in article.title


@pytest.mark.parametrize("href", ["/", "#", ""])
def test_a_headline_linking_home_or_to_itself_on_a_page_without_an_address_stays_the_headline(
    href,
):
    """A saved page (no address to tell its home page from itself) whose <h1> is its
    headline, linked to the page itself or to "/": nothing says that heading is a logo,
    and the <title>, the appeal's name, is no headline."""
    page = (
        "<html><head><title>Valley Flood Appeal</title></head><body>"
        f'<h1><a href="{href}">Flood appeal passes two million in a week</a></h1>'
        f"<p>{TEXT}</p><p>{TEXT}</p></body></html>"
    )
    assert article_from_page(page, None).title == "Flood appeal passes two million in a week"


def test_a_saved_page_that_names_its_address_knows_its_logo_heading():
    """Without the address it was fetched from, the canonical one tells its logo heading
    (a link to that site's home page) from its headline."""
    page = (
        "<html><head><title>Ferry terminal to open in May | Harbour Daily</title>"
        '<link rel="canonical" href="https://www.harbour-daily.example/ferries/terminal">'
        '</head><body><div class="head"><h1><a href="/">Harbour Daily</a></h1></div>'
        f'<div class="main"><h3>Ferry terminal</h3><p>{TEXT}</p><p>{TEXT}</p></div>'
        "</body></html>"
    )
    assert article_from_page(page, None).title == "Ferry terminal to open in May"


def test_a_saved_page_in_a_folder_names_its_site_not_the_folder(tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    head = (
        "<title>Ferry terminal to open in May - Harbour Daily</title>"
        '<meta property="og:site_name" content="Harbour Daily">'
    )
    (folder / "ferry.html").write_text(
        f"<html><head>{head}</head><body><article><h1>Ferry terminal to open in May</h1>"
        f"<p>{TEXT}</p><p>{TEXT}</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "plain.html").write_text(
        f"<html><body><article><p>{TEXT}</p></article></body></html>", encoding="utf-8"
    )
    by_name = {a.url.rsplit("/", 1)[-1]: a for a in read_folder(folder).articles}
    assert (by_name["ferry.html"].source, by_name["ferry.html"].title) == (
        "Harbour Daily",
        "Ferry terminal to open in May",
    )
    assert by_name["plain.html"].source == "saved"  # it names no site: the folder's name


def test_a_mirror_without_a_canonical_address_is_all_there_is():
    """Nothing names the site: the host it was fetched from, without its port."""
    page = f"<html><head><title>Ferry</title></head><body><p>{TEXT}</p><p>{TEXT}</p></body>"
    article = article_from_page(page, "http://127.0.0.1:8080/mirror/ferry")
    assert article.source == "127.0.0.1"


def test_the_headlines_of_stories_a_page_lists_are_not_its_own():
    """A home page's JSON-LD lists its stories (an ItemList of articles): their headlines
    are theirs; the page's own (at the top, in its @graph or as its mainEntity) count."""
    listed = (
        '{"@type": "WebPage", "mainEntity": {"@type": "ItemList", "itemListElement": ['
        '{"@type": "ListItem", "item": {"@type": "NewsArticle", "headline": "Zoo cubs born"}}]}}'
    )
    own = (
        '{"@graph": [{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", '
        '"headline": "Ferry terminal to open in May", "isPartOf": {"headline": "Ferries"}}}]}'
    )
    scripts = "".join(f'<script type="application/ld+json">{d}</script>' for d in (listed, own))
    assert headings(tree(scripts)) == ["Ferry terminal to open in May"]
