"""A JSON Feed as a source, through the real command line against loopback: ``sources add``
finds it out (at its own address, or named by a home page), and ingest stores its items
once, as it does an RSS feed's."""

from __future__ import annotations

import io
import json

import pytest

from summaries.cli import EXIT_INPUT, EXIT_OK, main
from summaries.samples import sample_articles
from summaries.store import open_store
from tests.fakes.feed_server import FeedServer
from tests.test_cli_sources import briefing, stored_sources
from tests.test_ingest import html_page, write_config

VERSION = "https://jsonfeed.org/version/1.1"


@pytest.fixture
def server():
    with FeedServer() as running:
        running.feed("/feed.json", "jsonfeed11.json")
        yield running


def home(*links: tuple[str, str]) -> str:
    """A site's home page naming ``(type, href)`` links in its head, and no article."""
    named = "".join(f'<link rel="alternate" type="{kind}" href="{href}">' for kind, href in links)
    return (
        f"<html><head><title>Lakeshore Ledger</title>{named}</head><body><h1>Lakeshore "
        "Ledger</h1><ul><li><a href='/a'>Ferry timetable</a></li></ul></body></html>"
    )


def test_a_json_feed_address_is_added_as_a_feed(server, tmp_path, capsys):
    config = write_config(tmp_path)
    code, out, err = briefing(config, capsys, "sources", "add", server.url("/feed.json"))
    assert (code, out) == (EXIT_OK, f"feed #1 {server.url('/feed.json')}\n"), err
    assert stored_sources(config) == [("feed", server.url("/feed.json"))]


def test_a_home_page_naming_its_json_feed_adds_the_feed(server, tmp_path, capsys):
    server.route("/", home(("application/feed+json", "/feed.json")), "text/html")
    config = write_config(tmp_path)
    code, out, err = briefing(config, capsys, "sources", "add", server.url("/"))
    assert (code, out) == (EXIT_OK, f"feed #1 {server.url('/feed.json')}\n"), err


def test_a_version_1_json_feed_named_as_application_json_is_found(server, tmp_path, capsys):
    server.feed("/notes/feed.json", "jsonfeed1.json", "application/json")
    server.route("/", home(("application/json", "/notes/feed.json")), "text/html")
    config = write_config(tmp_path)
    code, out, err = briefing(config, capsys, "sources", "add", server.url("/"))
    assert (code, out) == (EXIT_OK, f"feed #1 {server.url('/notes/feed.json')}\n"), err


def test_json_that_is_no_feed_is_tried_after_the_real_feeds(server, tmp_path, capsys):
    """WordPress names its REST API's JSON for the page as ``application/json`` before its
    feeds: the feeds are tried first, and that JSON never."""
    server.route("/wp-json/wp/v2/pages/7", json.dumps({"id": 7}), "application/json")
    server.route(
        "/",
        home(
            ("application/json", "/wp-json/wp/v2/pages/7"),
            ("application/rss+xml", "/rss"),
            ("application/feed+json", "/feed.json"),
        ),
        "text/html",
    )
    server.feed("/rss", "rss2.xml")
    config = write_config(tmp_path)
    code, out, err = briefing(config, capsys, "sources", "add", server.url("/"))
    assert (code, out) == (EXIT_OK, f"feed #1 {server.url('/rss')}\n"), err
    assert "/wp-json/wp/v2/pages/7" not in server.paths()


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (
            f'{{"version": "{VERSION}", "items": [}}',
            "The feed at {url} is broken JSON (line 1, column 59: Expecting value), so it "
            "cannot be read. It was not added.",
        ),
        (
            f'{{"version": "{VERSION}", "items": "none today"}}',
            'The JSON Feed at {url} is malformed: its "items" is not a list of items, so no '
            "entry can be read. It was not added.",
        ),
    ],
    ids=["broken", "items"],
)
def test_a_broken_json_feed_is_refused_saying_what_is_wrong(server, tmp_path, capsys, body, said):
    server.route("/broken.json", body, "application/feed+json")
    config = write_config(tmp_path)
    code, _, err = briefing(config, capsys, "sources", "add", server.url("/broken.json"))
    assert (code, err) == (EXIT_INPUT, f"briefing: {said.format(url=server.url('/broken.json'))}\n")
    assert stored_sources(config) == []


def test_json_that_is_no_feed_is_refused_when_added(server, tmp_path, capsys):
    server.route("/api/status", json.dumps({"status": "ok", "items": []}), "application/json")
    config = write_config(tmp_path)
    code, _, err = briefing(config, capsys, "sources", "add", server.url("/api/status"))
    assert (code, err) == (
        EXIT_INPUT,
        f"briefing: The address {server.url('/api/status')} does not serve an RSS, Atom or "
        "JSON feed (it is JSON data of another kind). It was not added.\n",
    )


def test_a_json_feed_is_ingested_once_with_its_outlet_and_teasers_followed(server, tmp_path):
    heat, port = sample_articles()[3], sample_articles()[0]
    document = {
        "version": VERSION,
        "title": "Valley Wire",
        "home_page_url": "{base}/",
        "items": [
            {
                "id": "heat",
                "url": "{base}/heat",
                "title": heat.title,
                "content_html": "".join(f"<p>{p}</p>" for p in heat.text.split("\n\n")),
                "date_published": "2026-03-03T09:00:00Z",
            },
            {  # a teaser: its page gives the text
                "id": "port",
                "url": "{base}/port",
                "title": port.title,
                "summary": "The port reopened on Monday...",
                "date_published": "2026-03-02T09:00:00Z",
            },
        ],
    }
    server.route("/wire.json", json.dumps(document), "application/feed+json")
    server.route("/port", html_page(port.title, port.text), "text/html")
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/wire.json")}"]\n')
    for new in (2, 0):  # read again: nothing new, nothing stored twice
        out = io.StringIO()
        assert main(["ingest", "--all", "--config", str(config)], stdout=out) == EXIT_OK
        last = out.getvalue().strip().splitlines()[-1]
        assert last.endswith(f"{new} new, 0 updated, 0 failed"), out.getvalue()
    with open_store(config.parent / "briefing.db") as store:
        assert store.count_articles() == 2
        rows = store.execute("SELECT title, source_name, url FROM articles ORDER BY url")
        articles = {title: (outlet, url) for title, outlet, url in rows}
    assert articles == {
        heat.title: ("Valley Wire", server.url("/heat")),
        port.title: ("Valley Wire", server.url("/port")),
    }
    assert server.paths().count("/port") == 1  # followed once, known the second time


def test_half_of_a_utf16_pair_in_a_json_feed_is_dropped(server, tmp_path):
    """JSON may escape half of an emoji's UTF-16 pair alone ("\\ud83d", a string cut
    between the two): it names no character, and the summarizer's language model, the
    database and the terminal all refused it, so the item was never stored."""
    heat = sample_articles()[3]
    body = "".join(f"<p>{p}</p>" for p in heat.text.split("\n\n"))
    item = {"id": "heat", "url": "{base}/heat", "title": "Heat CUT wave"}
    item["content_html"] = body.replace("</p>", " CUT</p>", 1)
    whole = {"version": VERSION, "title": "Valley Wire CUT", "items": [item]}
    document = json.dumps(whole).replace("CUT", "\\ud83d")  # the six characters of an escape
    server.route("/wire.json", document, "application/feed+json")
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/wire.json")}"]\n')
    out = io.StringIO()
    assert main(["ingest", "--all", "--config", str(config)], stdout=out) == EXIT_OK
    assert out.getvalue().strip().splitlines()[-1].endswith("1 new, 0 updated, 0 failed")
    with open_store(config.parent / "briefing.db") as store:
        ((title, outlet, text),) = store.execute("SELECT title, source_name, text FROM articles")
    assert (title, outlet) == ("Heat wave", "Valley Wire")
    assert "A punishing heat wave drove electricity demand" in text
