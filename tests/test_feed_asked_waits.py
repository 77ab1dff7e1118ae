"""A feed that asks to be left alone is: ``429`` / ``503`` with ``Retry-After`` (seconds or
a date) is asked again no sooner than it says (up to a day), and ``410 Gone`` once a week,
said so, not every few hours for ever (real fetcher and store, against a feed server on
loopback, through the `briefing` command line, the clock moved by time-machine)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from tests.fakes.feed_server import FeedServer, http_date
from tests.test_ingest import briefing, server, write_config

__all__ = ["server"]  # the fixture


def _asked_at(server: FeedServer, config, hours: list[float]) -> tuple[list[float], str]:
    """At which of ``hours`` from now a plain `briefing ingest` (due sources only) asked
    for the feed, and what the first run said."""
    start = datetime.now(UTC)
    asked, first = [], ""
    for at in hours:
        with time_machine.travel(start + timedelta(hours=at)):
            before = len(server.paths())
            _, out = briefing(config, "ingest")
            first = first or out
            if len(server.paths()) > before:
                asked.append(at)
    return asked, first


@pytest.mark.parametrize("status", [429, 503])
@pytest.mark.parametrize("form", ["seconds", "date"])
def test_retry_after_is_heeded(server, tmp_path, status, form):
    wait = "7200" if form == "seconds" else http_date(time.time() + 7200)
    server.route("/rss", "slow down", "text/plain", status=status, headers={"Retry-After": wait})
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    asked, said = _asked_at(server, config, [0, 0.5, 1, 1.9, 2.1])
    assert asked == [0, 2.1]  # not at the backoff's 5 minutes, nor before the 2 hours
    assert "It asks to be asked again in " in said


def test_a_retry_after_of_a_year_waits_a_day_at_most(server, tmp_path):
    server.route("/rss", "later", "text/plain", status=429, headers={"Retry-After": "31536000"})
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    assert _asked_at(server, config, [0, 12, 23, 24.5])[0] == [0, 24.5]


def test_a_feed_gone_for_good_is_said_so_and_asked_weekly(server, tmp_path):
    server.route("/rss", "gone", "text/plain", status=410)
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    asked, said = _asked_at(server, config, [0, 7, 24, 24 * 6, 24 * 7.1, 24 * 8])
    assert asked == [0, 24 * 7.1]
    assert "410 Gone. The site says it is gone for good: it is asked again once a week" in said
    _, listed = briefing(config, "sources", "list")
    assert "gone for good" in listed


def test_a_plain_failure_keeps_the_backoff(server, tmp_path):
    """Without Retry-After, a 503 is asked again after the usual 5 minutes."""
    server.route("/rss", "busy", "text/plain", status=503)
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    assert _asked_at(server, config, [0, 0.05, 0.1])[0] == [0, 0.1]


@pytest.mark.parametrize(
    "wait",
    [
        "0",
        "000",
        "²",
        "1²",
        "-5",
        "soon",
        "99999999999999999999",
        "Thu, 01 Jan 1970 00:00:00 GMT",
        "Mon, 01 Jan 2026 00:00:00 +99999999999999999999",  # a date no clock holds
    ],
)
def test_a_retry_after_that_is_no_wait_keeps_the_backoff(server, tmp_path, wait):
    """A value that is no number of seconds nor a date ahead (a sign, a superscript
    digit, words, a date past) is no wait: the usual backoff; one beyond a day, a day."""
    server.route("/rss", "busy", "text/plain", status=503, headers={"Retry-After": wait})
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    asked, said = _asked_at(server, config, [0, 0.1, 24.5])
    assert asked == ([0, 24.5] if wait.startswith("9") else [0, 0.1, 24.5])
    assert "503 Service Unavailable" in said


def test_a_feed_gone_for_good_that_comes_back_is_read_again(server, tmp_path):
    """A 410 feed asked at its weekly try and answering again is read, and then asked as
    often as any other."""
    gone = server.route("/rss", "gone", "text/plain", status=410)
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    start = datetime.now(UTC)
    with time_machine.travel(start):
        briefing(config, "ingest")
    server.feed("/rss", "rss2.xml")
    assert gone.status == 410
    asked = []
    for at in (24, 24 * 7.1, 24 * 7.2):
        with time_machine.travel(start + timedelta(hours=at)):
            before = len([p for p in server.paths() if p == "/rss"])
            _, out = briefing(config, "ingest")
            if len([p for p in server.paths() if p == "/rss"]) > before:
                asked.append(at)
                assert "0 failed" in out
    assert asked == [24 * 7.1, 24 * 7.2]
    _, listed = briefing(config, "sources", "list")
    assert "gone for good" not in listed


@pytest.mark.parametrize("status", [500, 404, 403])
def test_a_retry_after_is_heeded_only_where_it_is_said(server, tmp_path, status):
    """Retry-After is read on 429 and 503, where the run says the wait: on another
    failure the source keeps the usual backoff, not a wait it was never told of."""
    server.route("/rss", "no", "text/plain", status=status, headers={"Retry-After": "7200"})
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    asked, said = _asked_at(server, config, [0, 0.1])
    assert asked == [0, 0.1]
    assert "asks to be asked again" not in said
