"""Outlets and headlines as stored (what digests and searches show), through the real ingest
path: pages, feeds and folders read by `briefing ingest`, pages served on loopback."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from summaries.cli import EXIT_OK
from tests.fakes.feed_server import FeedServer
from tests.test_ingest import briefing, rss, stored, write_config

FERRY = (
    "The harbour authority said on Tuesday that the new ferry terminal at Kessel would open "
    "in May, after two years of building work and a year of delays.\n\n"
    "Officials expect eleven thousand passengers a day once the summer timetable begins, "
    "with sailings to the islands every forty minutes.\n\n"
    "The terminal cost 84 million euros, a third more than planned, the council said in a "
    "statement that blamed the price of steel."
)


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def page(head: str, headline: str, text: str = FERRY, logo: str = "") -> str:
    """An article page: ``head`` markup, a site header (with ``logo`` as its own h1), the
    article with its ``headline`` in an h1."""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    header = f"<header><h1 class='logo'>{escape(logo)}</h1></header>" if logo else ""
    return (
        f"<!doctype html><html><head>{head}</head><body>{header}"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{escape(headline)}</h1>{paragraphs}</article>"
        "<footer>Share this story. Copyright 2026.</footer></body></html>"
    )


def the_article(config: Path) -> tuple[str, str | None, str | None]:
    """(title, outlet, url) of the one article stored."""
    with stored(config) as store:
        ((title, outlet, url),) = store.execute("SELECT title, source_name, url FROM articles")
    return title, outlet, url


def ingest_page(server: FeedServer, tmp_path: Path, path: str) -> Path:
    config = write_config(tmp_path)
    assert briefing(config, "sources", "add", server.url(path), "--kind", "page")[0] == EXIT_OK
    code, out = briefing(config, "ingest")
    assert code == EXIT_OK and "1 new" in out, out
    return config


def test_a_page_reached_through_a_redirect_names_the_canonical_site(server, tmp_path):
    """A short link redirects to a mirror of the article: the outlet is the site the page
    says is its own (the host of its canonical address), not where it was fetched from,
    nor the Facebook page its ``article:publisher`` points to. Its address is the one the
    reader was sent to, the mirror's: another site's canonical address is not taken (a
    copy's text is never filed under the original's address)."""
    head = (
        "<title>Ferry terminal to open in May | harbour-daily.example</title>"
        '<link rel="canonical" href="https://www.harbour-daily.example/news/ferry-terminal">'
        '<meta property="article:publisher" content="https://www.facebook.com/harbourdaily">'
        '<meta name="twitter:site" content="@harbourdaily">'
    )
    server.route("/mirror/ferry", page(head, "Ferry terminal to open in May"), "text/html")
    server.redirect("/go/ferry", "/mirror/ferry")
    config = ingest_page(server, tmp_path, "/go/ferry")

    title, outlet, url = the_article(config)
    assert outlet == "harbour-daily.example"
    assert url == server.url("/mirror/ferry")  # where the redirect ended
    assert title == "Ferry terminal to open in May"
    code, out = briefing(config, "search", "ferry terminal")
    assert code == EXIT_OK and "harbour-daily.example" in out


def test_an_aggregator_feed_names_the_site_each_article_is_from(server, tmp_path):
    """A news roundup's feed links (through its redirector) to another site's article: that
    site, which names itself in og:site_name and JSON-LD, is the outlet, not the roundup."""
    head = (
        "<title>Ferry terminal to open in May - Harbour Daily</title>"
        '<link rel="canonical" href="https://www.harbour-daily.example/news/ferry-terminal">'
        '<meta property="og:site_name" content="Harbour Daily">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": '
        '{"@type": "Organization", "name": "Harbour Daily"}}</script>'
    )
    server.route("/mirror/ferry", page(head, "Ferry terminal to open in May"), "text/html")
    server.redirect("/out/1", "/mirror/ferry")
    teaser = "The new ferry terminal at Kessel will open in May [\u2026]"
    roundup = rss("Coast News Roundup", [("Ferry terminal to open in May", "/out/1", teaser)])
    server.route("/roundup", roundup, "application/rss+xml")
    config = write_config(tmp_path)
    briefing(config, "sources", "add", server.url("/roundup"), "--kind", "feed")
    assert "1 new" in briefing(config, "ingest")[1]

    title, outlet, _ = the_article(config)
    assert (title, outlet) == ("Ferry terminal to open in May", "Harbour Daily")


def test_a_page_titled_only_with_the_site_name_gets_its_headline_from_the_page(server, tmp_path):
    """Its <title> and og:title are the site's name, and so is the logo's h1: the headline
    is the article's own h1."""
    head = (
        "<title>Harbour Daily</title>"
        '<meta property="og:title" content="Harbour Daily">'
        '<meta property="og:site_name" content="Harbour Daily">'
    )
    server.route(
        "/news/ferry",
        page(head, "Ferry terminal to open in May", logo="Harbour Daily"),
        "text/html",
    )
    config = ingest_page(server, tmp_path, "/news/ferry")

    assert the_article(config)[:2] == ("Ferry terminal to open in May", "Harbour Daily")


def test_a_title_branded_with_the_site_name_and_its_tagline_is_the_headline_alone(server, tmp_path):
    head = (
        "<title>LinkNaija | Nigeria's popular news platform: Ferry terminal to open in May"
        "</title>"
        '<meta property="og:title" content="LinkNaija | Nigeria&#39;s popular news platform: '
        'Ferry terminal to open in May">'
        '<meta property="og:site_name" content="LinkNaija">'
    )
    server.route("/news/ferry", page(head, "Ferry terminal to open in May"), "text/html")
    config = ingest_page(server, tmp_path, "/news/ferry")

    assert the_article(config)[:2] == ("Ferry terminal to open in May", "LinkNaija")


def test_a_txt_files_first_line_is_its_title_only_when_it_reads_as_a_headline(tmp_path):
    """A headline line is the title; a breadcrumb, a menu label or the article's opening
    sentence is not: the title is made from the text, which keeps that first line."""
    folder = tmp_path / "articles"
    folder.mkdir()
    opening = "The harbour authority approved a plan to dredge the channel on Tuesday."

    def rest(weeks: int) -> str:  # each file its own text: the same text is stored once
        return (
            f"Dredgers will start in June and work for {weeks} weeks, the authority said, so "
            "that larger ferries can reach the new terminal at low tide."
        )

    files = {
        "headline.txt": f"Harbour to dredge channel for bigger ferries\n\n{opening} {rest(5)}",
        "sentence.txt": f"{opening}\n\n{rest(6)}",
        "crumbs.txt": f"Home | News | Harbour\n\n{opening}\n\n{rest(7)}",
        "label.txt": f"Advertisement\n{opening}\n\n{rest(8)}",
    }
    for name, content in files.items():
        (folder / name).write_text(content + "\n", encoding="utf-8")
    config = write_config(tmp_path, extra=f'folders = ["{folder}"]\n')
    assert "4 new" in briefing(config, "ingest")[1]

    with stored(config) as store:
        rows = store.execute("SELECT url, title, text FROM articles")
    by_file = {Path(url).name: (title, text) for url, title, text in rows}
    assert by_file["headline.txt"][0] == "Harbour to dredge channel for bigger ferries"
    from_text = "The harbour authority approved a plan to dredge the channel on Tuesday"
    for name in ("sentence.txt", "crumbs.txt", "label.txt"):
        title, text = by_file[name]
        assert title == from_text, name
        assert opening in text, name  # the first sentence stays in the article
