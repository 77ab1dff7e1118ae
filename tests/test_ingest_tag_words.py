"""Articles that quote tags keep them: what a page's HTML escaped (``&lt;p&gt;``), what a
feed states as plain text, what a JSON-LD body says in words, is the article's text, not
markup to strip (real fetcher, feedparser, trafilatura, pool and SQLite, against a feed
server on loopback, through the `briefing` command line)."""

from __future__ import annotations

import json
from html import escape

from summaries.cli import EXIT_OK
from tests.test_ingest import briefing, server, stored, write_config

__all__ = ["server"]  # the fixture

PARAGRAPHS = [
    "Use the <p> tag for paragraphs, the browser vendors said on Tuesday in a joint note "
    "to the people who write pages by hand.",
    "The <script> element still blocks the page while its file loads, and the note asks "
    "authors to load such files late wherever they can.",
    "In the examples, if a < b and c > d the test holds in every browser the group tried, "
    "old and new alike.",
    "The group will publish a second note on forms and tables before the end of the year, "
    "its chair told reporters.",
]
WORDS = ("Use the <p> tag", "The <script> element", "if a < b and c > d")
TITLE = "Browser makers publish a note on markup"


def assert_keeps_the_tags_it_quotes(config) -> None:
    code, out = briefing(config, "ingest")
    assert code == EXIT_OK, out
    with stored(config) as store:
        article = store.get_article(1)
    assert article is not None, out
    for words in WORDS:
        assert words in article.text, article.text


def test_a_page_keeps_the_tags_its_html_escapes(server, tmp_path):
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in PARAGRAPHS)
    page = (
        f"<html><head><title>{TITLE}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{TITLE}</h1>{paragraphs}</article></body></html>"
    )
    assert "&lt;p&gt;" in page and "<p>Use" in page  # escaped in the HTML: its words
    server.route("/story", page, "text/html")
    config = write_config(tmp_path)
    briefing(config, "sources", "add", server.url("/story"), "--kind", "page")
    assert_keeps_the_tags_it_quotes(config)


def test_a_script_drawn_pages_json_ld_body_keeps_the_tags_it_names(server, tmp_path):
    article = {
        "@type": "NewsArticle",
        "headline": TITLE,
        "articleBody": "\n\n".join(PARAGRAPHS),  # plain text, as schema.org states it
    }
    data = json.dumps(article).replace("</", "<\\/")
    page = (
        f"<html><head><title>{TITLE}</title>"
        f'<script type="application/ld+json">{data}</script></head>'
        f'<body><div id="root"></div></body></html>'
    )
    server.route("/story", page, "text/html")
    config = write_config(tmp_path)
    briefing(config, "sources", "add", server.url("/story"), "--kind", "page")
    assert_keeps_the_tags_it_quotes(config)


def test_a_feeds_plain_text_keeps_the_tags_it_names(server, tmp_path):
    config = atom_feed(server, tmp_path, "\n\n".join(PARAGRAPHS), ' type="text"')
    assert_keeps_the_tags_it_quotes(config)


def atom_feed(server, tmp_path, content: str, declared: str = ""):
    """The config of a feed of one Atom entry whose content is ``content`` (XML-escaped),
    of the type ``declared`` (an attribute, or none)."""
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Browser Notes</title><id>urn:notes</id><updated>2026-03-03T09:00:00Z</updated>"
        f"<entry><id>urn:notes:1</id><title>{TITLE}</title>"
        f"<updated>2026-03-03T09:00:00Z</updated>"
        f"<content{declared}>{escape(content, quote=False)}</content></entry></feed>"
    )
    server.route("/atom", feed, "application/atom+xml")
    return write_config(tmp_path, extra=f'feeds = ["{server.url("/atom")}"]\n')


def test_a_feeds_html_that_says_it_is_text_is_read_as_html(server, tmp_path):
    """An Atom summary with no type (text, by the standard) that is HTML all the same, its
    tags in the middle of its words: no tag reaches the stored text."""
    html = (
        "Storm closes the port of Westbridge for the second day.<br>Ferries wait offshore "
        'while crews check the cranes. <img src="/quay.jpg" alt="The quay"> The harbour '
        "master said the port would reopen on Thursday if the wind drops as forecast, and "
        "that cargo already unloaded is safe in the sheds."
    )
    config = atom_feed(server, tmp_path, html)
    code, out = briefing(config, "ingest")
    assert code == EXIT_OK, out
    with stored(config) as store:
        article = store.get_article(1)
    assert article is not None, out
    assert "Ferries wait offshore" in article.text and "The harbour master" in article.text
    assert "<" not in article.text and "<" not in " ".join(article.briefing), article.text
