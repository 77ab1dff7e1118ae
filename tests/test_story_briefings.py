"""A story told by two outlets gets one briefing at ingest, shown by search and digests:
the real fetcher, feedparser, process pool and SQLite, feeds served on loopback."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from bot.console import render
from bot.replies import Reply
from bot.views import story_item
from summaries.cli import EXIT_OK
from summaries.models import Story
from tests.builders import COASTAL_TIMES, HARWICK_POST
from tests.fakes.feed_server import FeedServer, rss
from tests.test_ingest import briefing, html_page, stored, write_config


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def paragraphs(sentences: list[str]) -> str:
    return "".join(f"<p>{s}</p>" for s in sentences)


def two_outlet_feeds(server: FeedServer) -> None:
    server.route(
        "/post",
        rss("Harwick Post", [("Harwick approves flood plan", "/p/1", paragraphs(HARWICK_POST))]),
        "application/rss+xml",
    )
    server.route(
        "/times",
        rss(
            "Coastal Times",
            [("Harwick council backs flood defence plan", "/t/1", paragraphs(COASTAL_TIMES))],
        ),
        "application/rss+xml",
    )
    for path, title, sentences in (
        ("/p/1", "Harwick approves flood plan", HARWICK_POST),
        ("/t/1", "Harwick council backs flood defence plan", COASTAL_TIMES),
    ):  # a feed item that reads as a teaser is fetched from its page
        server.route(path, html_page(title, "\n\n".join(sentences)), "text/html")


def test_a_story_from_two_outlets_is_briefed_once_with_each_outlet_named(server, tmp_path):
    two_outlet_feeds(server)
    config = write_config(tmp_path)
    briefing(config, "sources", "add", server.url("/post"), "--kind", "feed")
    briefing(config, "sources", "add", server.url("/times"), "--kind", "feed")
    assert "2 new" in briefing(config, "ingest")[1]

    with stored(config) as store:
        (hit,) = store.search("Harwick flood plan", now=store_now())
        story = hit.story
        # the batches' words were counted by the time ingest ended: prefixes complete
        assert [h.story.id for h in store.search("Harw* defen*", now=store_now())] == [story.id]
    assert len(story.articles) == 2  # one story
    texts = [s.text for s in story.briefing]
    assert texts[0] in (HARWICK_POST[0], COASTAL_TIMES[0])
    assert not {HARWICK_POST[0], COASTAL_TIMES[0]} <= set(texts)  # one lede, not two
    lede_outlet = story.briefing[0].source
    others = [s for s in story.briefing if s.source != lede_outlet]
    assert others  # the other outlet adds a fact, under its own name

    code, out = briefing(config, "search", "Harwick flood plan")
    assert code == EXIT_OK
    assert f"{others[0].text} ({others[0].source})" in out

    shown = render_story(story)
    assert f"{texts[0]} ({lede_outlet})" in shown
    assert f"{others[0].text} ({others[0].source})" in shown


def store_now() -> datetime:
    return datetime.now(UTC)


def render_story(story: Story) -> str:
    return render(Reply(title="Brief", items=(story_item(story),)))


def test_a_story_stored_before_story_briefings_is_briefed_by_the_next_ingest(server, tmp_path):
    two_outlet_feeds(server)
    config = write_config(tmp_path)
    briefing(config, "sources", "add", server.url("/post"), "--kind", "feed")
    briefing(config, "sources", "add", server.url("/times"), "--kind", "feed")
    briefing(config, "ingest")
    with stored(config) as store:
        (hit,) = store.search("Harwick flood plan", now=store_now())
        made = hit.story.briefing
    with sqlite3.connect(tmp_path / "briefing.db") as db:  # as a database from before them
        db.execute("DELETE FROM story_briefings")
    with stored(config) as store:
        assert store.get_story(hit.story.id).briefing == ()
        assert store.unbriefed_stories(store_now() - timedelta(days=1), limit=10) == [hit.story.id]

    assert "0 new" in briefing(config, "ingest")[1]  # nothing new to read
    with stored(config) as store:
        assert store.get_story(hit.story.id).briefing == made
        assert store.unbriefed_stories(store_now() - timedelta(days=1), limit=10) == []

