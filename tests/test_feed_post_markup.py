"""What a blog post's HTML in a feed makes of its text: its lists come out as a page's
do, one item a line after "- ", stored and searched but never glued into a sentence of
its briefing; a link's preview card (Ghost's bookmark card) is what the linked page says
of itself, neither the post's text nor quoted in its briefing."""

from __future__ import annotations

import pytest

from summaries.sources import is_teaser
from tests.fakes.feed_server import FeedServer
from tests.test_feed_quirks import read
from tests.test_ingest import briefing, stored
from tests.test_ingest_pages import PROSE, whole_briefings
from tests.test_publisher_feeds import blog_feed


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def ingested(server: FeedServer, tmp_path, post: str):
    """The one article stored from a blog feed of ``post``, briefed whole."""
    server.route(
        "/feed", blog_feed("Harbour bridge to close for repairs", post), "application/rss+xml"
    )
    config = whole_briefings(tmp_path)
    assert briefing(config, "sources", "add", server.url("/feed"))[0] == 0
    assert "1 new" in briefing(config, "ingest")[1]
    with stored(config) as store:
        return store.get_article(1)


ITEMS = ["new steel cables for the main span,", "a repainted deck, and", "lighting for cyclists."]
LISTS = (
    f"<p>{PROSE[0]}</p><p>{PROSE[1]}</p><p>The works include:</p><ul>"
    + "".join(f"<li>{item}</li>" for item in ITEMS)
    + f"</ul><p>{PROSE[2]}</p><ol><li><p>Quayside Lane closes in June.</p></li>"
    f"<li>Westbridge Road closes in July.</li></ol><p>{PROSE[3]}</p>"
)


def test_a_posts_list_items_are_lines_of_a_list_and_never_quoted(server, tmp_path):
    article = ingested(server, tmp_path, LISTS)
    lines = article.text.split("\n")
    for item in [*ITEMS, "Quayside Lane closes in June.", "Westbridge Road closes in July."]:
        assert f"- {item}" in lines
    assert list(article.briefing) == PROSE  # the prose, all of it, and nothing else


CARD = (
    '<figure class="kg-card kg-bookmark-card kg-card-hascaption"><a class="kg-bookmark-container" '
    'href="https://tides.example/guide"><div class="kg-bookmark-content"><div '
    'class="kg-bookmark-title">The complete guide to tides in northern harbours</div><div '
    'class="kg-bookmark-description">Everything a skipper needs to know about spring tides, '
    "neap tides and the currents that run beneath the harbour bridge.</div><div "
    'class="kg-bookmark-metadata"><img class="kg-bookmark-icon" src="https://tides.example/i.png" '
    'alt=""><span class="kg-bookmark-author">Tide Tables Weekly</span><span '
    'class="kg-bookmark-publisher">Ann Marlow</span></div></div><div class="kg-bookmark-thumbnail">'
    '<img src="https://tides.example/t.jpg" alt=""></div></a></figure>'
)


def test_a_link_card_in_a_post_is_not_its_text_nor_quoted(server, tmp_path):
    post = f"<p>{PROSE[0]}</p><p>{PROSE[1]}</p>{CARD}<p>{PROSE[2]}</p><p>{PROSE[3]}</p>"
    article = ingested(server, tmp_path, post)
    for card in ["guide to tides", "spring tides", "Tide Tables Weekly", "Ann Marlow"]:
        assert card not in article.text
    assert list(article.briefing) == PROSE


def test_a_link_card_on_a_teasers_page_is_not_its_text_nor_quoted(server, tmp_path):
    """A teaser's page (the post on its blog) holds the same card: its extraction leaves it
    out too (a box that is one link), so the post reads alike from its feed and its page."""
    teaser = "<p>The bridge closes in June for six months. Read more…</p>"
    paragraphs = "".join(f"<p>{p}</p>" for p in PROSE)
    server.route(
        "/p/1",
        "<html><head><title>Harbour bridge to close for repairs</title></head><body><article>"
        f"<h1>Harbour bridge to close for repairs</h1><section class='gh-content'>{paragraphs[:-4]}"
        f"</p>{CARD}</section></article></body></html>",
        "text/html",
    )
    article = ingested(server, tmp_path, teaser)
    assert PROSE[0] in article.text
    for card in ["guide to tides", "spring tides", "Tide Tables Weekly", "Ann Marlow"]:
        assert card not in article.text
    assert list(article.briefing) == PROSE


def test_a_posts_list_marks_are_not_counted_as_its_words(server):
    """A post of a list is a teaser by the words of its items, as before they were marked:
    60 words in 30 items are short of a whole post (80 words), the marks aside."""
    items = "".join(f"<li>harbour item{n}</li>" for n in range(30))
    server.route("/feed", blog_feed("Harbour list", f"<ul>{items}</ul>"), "application/rss+xml")
    (entry,) = read(server, "/feed").entries
    assert entry.text.startswith("- harbour item0\n- harbour item1")
    assert is_teaser(entry)
