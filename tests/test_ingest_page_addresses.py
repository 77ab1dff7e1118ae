"""The address a reader is given for an article read from its page: the one the page
declares when it is of the page's own site and not its home page, else where the fetch
ended; the same for a teaser upgraded from its feed text (real fetcher, feedparser, pool,
SQLite, against a feed server on loopback, through the `briefing` command line)."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from summaries.cli import EXIT_OK
from summaries.samples import sample_articles
from summaries.sources._urls import reader_address
from tests.test_ingest import briefing, server, stored, write_config
from tests.test_ingest_teaser_pages import GONE_TEASER, later, teaser_feed

__all__ = ["server"]  # the fixture

ITEM = ("River ferry to close", "/news/ferry-closes", GONE_TEASER)  # the feed's link


def page(title: str, text: str, canonical: str | None) -> str:
    """An article page declaring ``canonical`` (``{base}`` is the server's address)."""
    link = "" if canonical is None else f'<link rel="canonical" href="{escape(canonical)}">'
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n") if p.strip())
    return (
        f"<html><head><title>{escape(title)}</title>{link}</head><body>"
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article></body></html>"
    )


# (what the page declares, where the reader is sent), the page served at /2026/ferry-final
# after the link redirects there
ADDRESSES = [
    ("{base}/news/2026/ferry-closes", "/news/2026/ferry-closes"),  # its own site's: taken
    ("{base}/", "/2026/ferry-final"),  # the home page (a template's tag): the final URL
    ("{base}/2026/", "/2026/ferry-final"),  # the page's section: the final URL
    ("https://other.example/news/ferry-closes", "/2026/ferry-final"),  # another site's
    (None, "/2026/ferry-final"),  # nothing declared: where the redirect ended
]


@pytest.mark.parametrize(("canonical", "address"), ADDRESSES)
def test_an_upgraded_teaser_gets_its_pages_address_and_keeps_its_place(
    server, tmp_path, canonical, address
):
    """A teaser stored from its feed's text at the feed's link; its page answers later,
    through a redirect: the article, replaced in place (same id, same story), is now at
    the address a reader should get, the link is remembered, and nothing is stored twice
    or fetched again."""
    closes = sample_articles()[0]
    server.route("/rss", teaser_feed([ITEM]), "application/rss+xml")  # read whole each time
    server.route("/news/ferry-closes", "gone", status=404)
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    assert briefing(config, "ingest")[0] == EXIT_OK
    with stored(config) as store:
        kept = store.get_article(1)
    assert kept.url == server.url("/news/ferry-closes")

    server.redirect("/news/ferry-closes", server.url("/2026/ferry-final"), status=301)
    server.route("/2026/ferry-final", page(closes.title, closes.text, canonical), "text/html")
    with later(16):
        code, out = briefing(config, "ingest", "--all")
    assert out.strip().splitlines()[-1] == "1 source: 1 fetched, 0 new, 1 updated, 0 failed", out
    with stored(config) as store:
        assert store.count_articles() == 1
        upgraded = store.get_article(1)
        assert upgraded.url == server.url(address)
        assert (upgraded.id, upgraded.story_id) == (kept.id, kept.story_id)
        assert len(upgraded.text.split()) > 2 * len(kept.text.split())
        assert store.knows_link(server.url("/news/ferry-closes"))

    server.reset_log()
    with later(31):
        code, out = briefing(config, "ingest", "--all")
    assert out.strip().splitlines()[-1] == "1 source: 0 fetched, 0 new, 0 updated, 0 failed", out
    assert server.paths() == ["/rss"]  # upgraded: its page is not asked for again


@pytest.mark.parametrize(("canonical", "address"), ADDRESSES)
def test_a_teaser_read_from_its_page_at_once_gets_the_same_address(
    server, tmp_path, canonical, address
):
    """Normal ingest reads the page with the same rule as an upgrade."""
    closes = sample_articles()[0]
    server.route("/rss", teaser_feed([ITEM]), "application/rss+xml")
    server.redirect("/news/ferry-closes", server.url("/2026/ferry-final"), status=301)
    server.route("/2026/ferry-final", page(closes.title, closes.text, canonical), "text/html")
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    code, out = briefing(config, "ingest")
    assert out.strip().splitlines()[-1] == "1 source: 1 fetched, 1 new, 0 updated, 0 failed", out
    with stored(config) as store:
        (article,) = store.recent_articles(since=store.get_article(1).fetched)
        assert article.url == server.url(address)


def test_an_upgrade_whose_page_address_is_another_article_keeps_the_feeds_link(server, tmp_path):
    """The page's address is already another stored article's (another feed carried it):
    the teaser is upgraded in place all the same, at the feed's link, and the other
    article is left as it was."""
    closes = sample_articles()[0]
    other = ("Ferry service ends", "/news/2026/ferry-closes", GONE_TEASER.replace("The", "A"))
    server.route("/rss", teaser_feed([ITEM]), "application/rss+xml")
    server.route("/other-rss", teaser_feed([other]), "application/rss+xml")
    server.route("/news/ferry-closes", "gone", status=404)
    server.route("/news/2026/ferry-closes", "gone", status=404)
    config = write_config(
        tmp_path, extra=f'feeds = ["{server.url("/rss")}", "{server.url("/other-rss")}"]\n'
    )
    assert briefing(config, "ingest")[0] == EXIT_OK
    with stored(config) as store:
        assert store.count_articles() == 2
        taken = store.find(url=server.url("/news/2026/ferry-closes"))
        kept = store.find(url=server.url("/news/ferry-closes"))

    canonical = "{base}/news/2026/ferry-closes"
    server.route("/news/ferry-closes", page(closes.title, closes.text, canonical), "text/html")
    server.route("/other-rss", teaser_feed([]), "application/rss+xml")  # its entry is gone
    with later(16):
        code, out = briefing(config, "ingest", "--all")
    assert code == EXIT_OK, out
    with stored(config) as store:
        assert store.count_articles() == 2
        upgraded = store.get_article(kept.id)
        assert upgraded.url == kept.url and "Brennport" in upgraded.text
        assert store.get_article(taken.id) == taken


@pytest.mark.parametrize(
    ("declared", "final", "given"),
    [
        (
            "https://news.example/a/story",
            "https://news.example/p?id=1",
            "https://news.example/a/story",
        ),
        (
            "https://www.news.example/a/story",
            "https://news.example/a",
            "https://www.news.example/a/story",
        ),
        (
            "https://news.example/a/story",
            "https://m.news.example/a",
            "https://news.example/a/story",
        ),
        ("https://news.example/", "https://news.example/a/story", "https://news.example/a/story"),
        ("https://news.example/a/", "https://news.example/a/story", "https://news.example/a/story"),
        (
            "https://copy.example/a/story",
            "https://news.example/a/story",
            "https://news.example/a/story",
        ),
        ("https://news.example.evil/a", "https://news.example/a", "https://news.example/a"),
        ("https://news.example/", "https://news.example/", "https://news.example/"),  # home page
        (None, "https://news.example/a", "https://news.example/a"),
        ("https://news.example/a", None, "https://news.example/a"),  # a file: what it says
    ],
)
def test_which_address_a_reader_is_given(declared, final, given):
    assert reader_address(declared, final) == given


_STORY = "https://www.news.com/world/2026/storm-lands"


@pytest.mark.parametrize(
    ("declared", "final"),
    [
        ("https://github.io/other", "https://alice.github.io/world/storm"),  # the platform
        ("https://co.uk/world/storm", "https://news.co.uk/world/storm"),  # a public suffix
        ("https://news.com/world/", "https://m.news.com/world/2026/storm-lands"),  # a section
        ("https://news.com/", "https://m.news.com/world/2026/storm-lands"),  # the home page
        ("https://reader@news.com/world/2026/storm-lands", _STORY),  # credentials
        ("https://news.com:8443/world/2026/storm-lands", _STORY),  # another port: a test server
        ("https://news.com/" + "long-" * 600, _STORY),  # past what sites and stores take
        ("http://10.0.0.7/world/2026/storm-lands", _STORY),  # a private address
        ("https://10.0.0.7/world/2026/storm-lands", "https://0.0.7/world/2026/storm-lands"),
    ],
)
def test_a_declared_address_not_the_pages_own_is_not_given(declared, final):
    assert reader_address(declared, final) == final


@pytest.mark.parametrize(
    ("declared", "final", "given"),
    [
        # an AMP copy names its story; the story's address is given, not the copy's
        (
            "https://news.com/world/2026/storm-lands/",
            "https://news.com/world/2026/storm-lands/amp/",
            "https://news.com/world/2026/storm-lands/",
        ),
        (
            "https://news.com/world/2026/storm-lands",
            "https://amp.news.com/world/2026/storm-lands",
            "https://news.com/world/2026/storm-lands",
        ),
        # a subdomain of a site on a public suffix is of that site
        (
            "https://news.co.uk/world/storm",
            "https://m.news.co.uk/w/1",
            "https://news.co.uk/world/storm",
        ),
        # never a plain-text address for a page read over TLS
        (
            "http://news.com/world/2026/storm-lands",
            _STORY,
            "https://news.com/world/2026/storm-lands",
        ),
        # a relative one, made absolute against the page's address
        (
            "/world/2026/storm-lands?ref=rss",
            "https://www.news.com/p/1",
            "https://www.news.com/world/2026/storm-lands?ref=rss",
        ),
    ],
)
def test_the_pages_own_declared_address_is_given(declared, final, given):
    from summaries.sources._urls import absolute_http

    assert reader_address(absolute_http(declared, final), final) == given


def test_a_teaser_linking_an_amp_copy_is_upgraded_to_its_storys_address(server, tmp_path):
    """The feed links the AMP copy of a story; its page, when it answers, names the story
    (the folder above the copy's ``amp/``): the article moves there, not left as sent up."""
    closes = sample_articles()[0]
    amp = ("River ferry to close", "/news/ferry-closes/amp/", GONE_TEASER)
    server.route("/rss", teaser_feed([amp]), "application/rss+xml")
    server.route("/news/ferry-closes/amp/", "gone", status=404)
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    assert briefing(config, "ingest")[0] == EXIT_OK

    story = "{base}/news/ferry-closes/"
    server.route("/news/ferry-closes/amp/", page(closes.title, closes.text, story), "text/html")
    with later(16):
        code, out = briefing(config, "ingest", "--all")
    assert out.strip().splitlines()[-1] == "1 source: 1 fetched, 0 new, 1 updated, 0 failed", out
    with stored(config) as store:
        assert store.count_articles() == 1
        assert store.get_article(1).url == server.url("/news/ferry-closes/")
        assert store.knows_link(server.url("/news/ferry-closes/amp/"))
