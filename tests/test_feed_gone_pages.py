"""A teaser whose page answers 404 or 410: a failure the first time, an entry without
article text once the page is gone for good (twice in a row, or for more than a day),
passed over until the entry changes; a page that answers 5xx stays a failure (real
fetcher, feedparser, pool, SQLite, against a feed server on loopback, through the
`briefing` command line)."""

from __future__ import annotations

import pytest

from summaries.cli import EXIT_INPUT, EXIT_OK
from tests.fakes.feed_server import FeedServer
from tests.test_ingest import briefing, stored, write_config
from tests.test_ingest_teaser_pages import BUSY_TEASER, later, teaser_feed

FAILED = "1 source: 0 fetched, 0 new, 0 updated, 1 failed"
TEXTLESS = "1 source: 0 fetched, 0 new, 0 updated, 0 failed, 1 entry without article text"
NOTHING = "1 source: 0 fetched, 0 new, 0 updated, 0 failed"
PAGE = "/news/fares"


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def _ingest(config) -> str:
    """The run's line (the command fails when an entry did: see the lines it says)."""
    code, out = briefing(config, "ingest", "--all")
    assert code == (EXIT_OK if " 0 failed" in out else EXIT_INPUT), out
    return out.strip().splitlines()[-1]


def _teaser(server: FeedServer, tmp_path, title: str = "Ferry fares rise"):
    """A feed of one teaser too short to stand alone (no validators: read whole each
    time), its config."""
    server.route("/rss", teaser_feed([(title, PAGE, BUSY_TEASER)]), "application/rss+xml")
    return write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')


def _textless_and_missing(config) -> tuple[int, int]:
    with stored(config) as store:
        (source,) = store.list_sources()
        return len(store.textless_entries(source.id)), len(store.missing_pages(source.id))


@pytest.mark.parametrize("status", [404, 410, 401, 403, 451])  # (not there for the bot)
def test_a_page_gone_twice_in_a_row_makes_an_entry_without_text(server, tmp_path, status):
    """Failed the first time; the second answer so makes it an entry without article
    text, said so in the run's line; later reads pass over it without asking again."""
    config = _teaser(server, tmp_path)
    server.route(PAGE, "gone", status=status)
    assert [_ingest(config) for _ in range(4)] == [FAILED, TEXTLESS, NOTHING, NOTHING]
    assert server.paths().count(PAGE) == 2
    assert _textless_and_missing(config) == (1, 0)


def test_a_changed_entry_whose_page_is_gone_is_looked_at_again(server, tmp_path):
    """Passed over until it changes: a new title is another entry, asked for anew."""
    config = _teaser(server, tmp_path)
    server.route(PAGE, "gone", status=404)
    assert [_ingest(config) for _ in range(2)] == [FAILED, TEXTLESS]
    _teaser(server, tmp_path, "Ferry fares rise in April")
    assert [_ingest(config) for _ in range(2)] == [FAILED, TEXTLESS]
    assert server.paths().count(PAGE) == 4


def test_a_server_error_stays_a_failure_tried_at_every_read(server, tmp_path):
    """5xx is no answer that the page is not there: failed and asked for each time."""
    config = _teaser(server, tmp_path)
    server.route(PAGE, "busy", status=503)
    assert [_ingest(config) for _ in range(3)] == [FAILED, FAILED, FAILED]
    assert server.paths().count(PAGE) == 3
    assert _textless_and_missing(config) == (0, 0)


def test_a_page_gone_again_after_a_server_error_waits_a_day(server, tmp_path):
    """404, then 503, then 404: not in a row, so still a failure within a day of the
    first 404; a 404 more than a day after it makes the entry one without text."""
    config = _teaser(server, tmp_path)
    said = []
    for status, minutes in ((404, 0), (503, 10), (404, 20), (503, 30), (404, 25 * 60)):
        server.route(PAGE, "no", status=status)
        with later(minutes):
            said.append(_ingest(config))
    assert said == [FAILED, FAILED, FAILED, FAILED, TEXTLESS]
    assert _textless_and_missing(config) == (1, 0)


def test_a_page_that_answers_after_a_404_is_stored_and_forgotten_as_missing(server, tmp_path):
    """A page put up after its entry (404 first) is read at the next read."""
    config = _teaser(server, tmp_path)
    server.route(PAGE, "gone", status=404)
    assert _ingest(config) == FAILED
    assert _textless_and_missing(config) == (0, 1)
    text = " ".join(["The harbour board raised ferry fares by ten percent on Monday."] * 12)
    server.route(PAGE, f"<html><body><article><p>{text}</p></article></body></html>", "text/html")
    assert _ingest(config) == "1 source: 1 fetched, 1 new, 0 updated, 0 failed"
    assert _textless_and_missing(config) == (0, 0)
