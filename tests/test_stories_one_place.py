"""Two events at one port on one day, each told by two outlets, through the real ingest path
(a feed server on loopback, the `briefing` command line, feedparser, the process pool and
SQLite): two stories, and the digest shows both, each briefing from its own event."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from summaries.digest import compose_digest
from tests.fakes.feed_server import FeedServer
from tests.summaries.test_grouping_one_place import FIRE, FIRE_RETOLD, STRIKE
from tests.test_ingest import briefing, html_page, stored, write_config
from tests.test_stories_by_time import rss, stories

TUESDAY = datetime(2026, 5, 12, 8, 0, tzinfo=UTC)
WALKOUT = (
    "Dockers walk out at Hamburg as pay talks fail",
    "Dock workers at Hamburg halted container traffic on Tuesday in a 24-hour strike called "
    "by the ver.di union after pay talks with port employers collapsed.\n\nThe union wants 3 "
    "euros an hour more for 12,000 workers; the employers call that unaffordable and say the "
    "walkout will cost the port millions.",
)


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def serve_herald(server: FeedServer) -> None:
    """One outlet's feed: the fire, then the strike an hour later."""
    server.route(
        "/herald",
        rss(
            "Elbe Herald",
            [
                (FIRE[0], "/h/fire", TUESDAY, FIRE[1]),
                (STRIKE[0], "/h/strike", TUESDAY + timedelta(hours=1), STRIKE[1]),
            ],
        ),
        "application/rss+xml",
    )


def test_a_fire_and_a_strike_at_one_port_are_two_stories_in_the_digest(server, tmp_path):
    serve_herald(server)
    server.route(
        "/courier",
        rss(
            "Harbour Courier",
            [
                (FIRE_RETOLD[0], "/c/fire", TUESDAY + timedelta(hours=2), FIRE_RETOLD[1]),
                (WALKOUT[0], "/c/strike", TUESDAY + timedelta(hours=3), WALKOUT[1]),
            ],
        ),
        "application/rss+xml",
    )
    config = write_config(tmp_path)
    for path in ("/herald", "/courier"):
        briefing(config, "sources", "add", server.url(path), "--kind", "feed")
    noon = TUESDAY + timedelta(hours=4)
    with time_machine.travel(noon):
        assert "4 new" in briefing(config, "ingest")[1]

    found = sorted(sorted(titles) for titles in stories(config).values())
    assert found == sorted([sorted([FIRE[0], FIRE_RETOLD[0]]), sorted([STRIKE[0], WALKOUT[0]])])

    with stored(config) as store:
        digest = compose_digest(store, store.ensure_channel("discord:1"), now=noon, period="p")
    assert sorted(item.story.lead.title for item in digest.stories) == sorted([FIRE[0], STRIKE[0]])
    for item in digest.stories:
        told = " ".join(sentence.text for sentence in item.story.briefing).lower()
        assert told, item.story.lead.title  # a story of two outlets has its own briefing
        other = ("strike", "union", "pay") if "fire" in item.story.lead.title.lower() else (
            "fire", "blaze", "smoke")  # fmt: skip
        assert not any(word in told for word in other), told


def test_a_brief_with_the_fires_headline_joins_the_fire_not_the_strike(server, tmp_path):
    """A wire's first brief is its headline and a line that it will be updated (in its feed
    and on its page): it joins the other outlet's full report of the fire, whose headline
    it has, and the strike stays its own story."""
    teaser = (FIRE[0], "This is a developing story and will be updated.")
    serve_herald(server)
    server.route(
        "/wire",
        rss("Port Wire", [(teaser[0], "/w/fire", TUESDAY + timedelta(hours=2), teaser[1])]),
        "application/rss+xml",
    )
    server.route("/w/fire", html_page(*teaser), "text/html")
    config = write_config(tmp_path)
    for path in ("/herald", "/wire"):
        briefing(config, "sources", "add", server.url(path), "--kind", "feed")
    with time_machine.travel(TUESDAY + timedelta(hours=4)):
        assert "3 new" in briefing(config, "ingest")[1]

    found = sorted(sorted(titles) for titles in stories(config).values())
    assert found == sorted([[FIRE[0], teaser[0]], [STRIKE[0]]])
