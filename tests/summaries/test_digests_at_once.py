"""Two digests of one channel composed at once (the schedule's, claimed when due, and a
``digest now`` asked in another process) choose the same stories; the one recorded second
names only those the first does not, so no story is posted twice in the channel (real
SQLite and PostgreSQL, the real composer and claims)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from summaries.digest import compose_digest, digest_from_record
from summaries.store import Store, open_store
from tests.summaries.test_updated_story import Into, incoming

NOW = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
CHANNEL = "discord:1"


@pytest.fixture
def store(location: str) -> Iterator[Store]:
    with open_store(location) as opened:
        opened.set_schedule(CHANNEL, "08:00", "UTC", now=NOW - timedelta(hours=1))
        ferry = incoming("https://herald.example/ferry", "The ferry will close. Costs rose.", "H")
        bridge = incoming("https://gazette.example/bridge", "The bridge opens. It is long.", "G")
        opened.add_articles([ferry, bridge], Into(None), now=NOW - timedelta(minutes=30))
        yield opened


def composed(store: Store) -> list[int]:
    channel = store.get_channel(CHANNEL)
    digest = compose_digest(store, channel, now=NOW, period="any")
    return [chosen.story.id for chosen in digest.stories]


def test_a_digest_recorded_second_leaves_out_the_stories_the_first_holds(store):
    claims = store.claim_due_digests(
        NOW, grace=timedelta(hours=1), lease=timedelta(minutes=2), platforms=["discord"]
    )
    (claim,) = claims.records
    scheduled, asked = composed(store), composed(store)  # both before either is recorded
    assert scheduled == asked and len(scheduled) == 2
    first = store.record_digest(CHANNEL, "now:2024-05-01T08:00:00+00:00", asked, NOW)
    second = store.record_digest(CHANNEL, claim.period, scheduled, NOW)
    assert sorted(first.story_ids) == sorted(asked)
    assert second.id == claim.id and second.story_ids == ()
    # what each posts: the second nothing, even once the first is sent
    store.mark_digest_sent(first.id, NOW)
    assert digest_from_record(store, second).stories == ()


def test_a_story_posted_meanwhile_is_not_recorded_again(store):
    before = composed(store)
    first = store.record_digest(CHANNEL, "d1", before[:1], NOW)
    store.mark_digest_sent(first.id, NOW)
    second = store.record_digest(CHANNEL, "d2", before, NOW + timedelta(minutes=1))
    assert second.story_ids == tuple(before[1:])
