"""A digest whose story's only source was removed between its record and its post: the
story is not posted (the server no longer reads it) and not counted as posted either, so
the server that follows the source again gets it in its next digest, once (real SQLite and
PostgreSQL, the real delivery)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.delivery import DigestDelivery
from bot.posting import Posters
from summaries.config import DigestSettings
from summaries.store import Store, open_store
from tests.bot.helpers_digest import Clock, RecordingPoster
from tests.summaries.test_updated_story import Into, incoming

NOW = datetime(2026, 3, 29, 6, 0, tzinfo=UTC)
SERVER, CHANNEL = "discord:9", "discord:1"
FEED = "https://herald.example/rss"


@pytest.fixture
def store(location: str) -> Iterator[Store]:
    with open_store(location) as opened:
        opened.ensure_channel(CHANNEL, tenant=SERVER)
        yield opened


def follow(store: Store) -> int:
    source, _ = store.subscribe(
        SERVER, FEED, "feed", added_by="someone", now=NOW - timedelta(hours=1), max_sources=5
    )
    return source.id


def test_a_story_whose_source_went_before_its_post_is_posted_once_it_is_followed_again(store):
    source = follow(store)
    item = incoming("https://herald.example/ferry", "The ferry will close. Costs rose.", "Herald")
    (placed,) = store.add_articles(
        [replace(item, source_id=source)], Into(None), now=NOW - timedelta(minutes=5)
    )
    poster = RecordingPoster()
    posters = Posters()
    posters.register("discord", poster)
    clock = Clock(NOW)
    delivery = DigestDelivery(store, posters, DigestSettings(), clock, shared=False)
    # recorded by a process that went down before posting it; then the source is removed
    store.record_digest(CHANNEL, "2026-03-29", [placed.story_id], NOW)
    assert store.unsubscribe(SERVER, source)[1] == "removed"
    clock.now = NOW + timedelta(minutes=10)
    asyncio.run(delivery.resend_unsent())
    assert poster.story_ids() == []  # the server reads that source no more
    assert store.posted_story_ids(CHANNEL) == set()
    # followed again (its articles are read again from it), the story is new to the channel
    again = follow(store)
    store.add_articles([replace(item, source_id=again)], Into(None), now=clock.now)
    clock.now = NOW + timedelta(minutes=20)
    assert asyncio.run(delivery.post_now(CHANNEL)) == "sent"
    assert poster.story_ids() == [placed.story_id]
