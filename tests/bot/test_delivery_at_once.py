"""The schedule's digest and a ``digest now`` asked of another process, composed at the
same moment, post each story once in the channel: real digest delivery on SQLite and
PostgreSQL, two deliveries on one store (two processes), a recording poster, and the other
process's digest posted between the schedule's composing and its record."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.delivery import DigestDelivery
from bot.posting import Posters
from summaries.config import DigestSettings
from summaries.store import open_store
from tests.bot.helpers_digest import Clock, RecordingPoster, add_article

NOW = datetime(2026, 3, 29, 6, 0, tzinfo=UTC)


@pytest.fixture
def store(location: str):
    with open_store(location) as opened:
        yield opened


def test_two_digests_composed_at_once_post_each_story_once(store, monkeypatch):
    earlier = NOW - timedelta(hours=2)
    ferry = add_article(store, "Ferry to close", "The ferry will close. Costs rose.", now=earlier)
    bridge = add_article(store, "Bridge opens", "The bridge opens today. It is long.", now=earlier)
    store.set_schedule("console", "06:00", "UTC", now=NOW - timedelta(days=1))
    poster = RecordingPoster()
    posters = Posters()
    posters.register("console", poster)
    scheduler = DigestDelivery(store, posters, DigestSettings(), Clock(NOW))
    elsewhere = DigestDelivery(store, posters, DigestSettings(), Clock(NOW))  # another process

    record = store.record_digest
    asked: list[str] = []
    first = [True]

    def other_digest_first(*args, **kwargs):
        if first.pop() if first else False:  # the schedule's digest is composed; the
            asked.append(asyncio.run(elsewhere.post_now("console")))  # other posts first
        return record(*args, **kwargs)

    monkeypatch.setattr(store, "record_digest", other_digest_first)
    (claimed,) = store.claim_due_digests(
        NOW, grace=timedelta(hours=12), lease=timedelta(minutes=5), platforms=["console"]
    ).records
    outcome = asyncio.run(scheduler.deliver_claimed(claimed))

    assert asked == ["sent"]
    assert sorted(poster.story_ids()) == sorted([ferry, bridge])  # each once
    assert outcome == "empty"
    assert store.digest_record("console", claimed.period).sent_at is not None
