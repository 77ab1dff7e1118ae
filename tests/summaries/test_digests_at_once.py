"""Two digests of one channel composed at once (the schedule's, claimed when due, and a
``digest now`` asked in another process) choose the same stories; the one recorded second
names only those the first does not, so no story is posted twice in the channel. A
schedule changed between a claim and its post makes no second digest of that day, and a
digest of another day leaves out what the first holds (real SQLite and PostgreSQL, the
real composer and claims)."""

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
    (claimed,) = claim(store, NOW)
    scheduled, asked = composed(store), composed(store)  # both before either is recorded
    assert scheduled == asked and len(scheduled) == 2
    first = store.record_digest(CHANNEL, "now:2024-05-01T08:00:00+00:00", asked, NOW)
    second = store.record_digest(CHANNEL, claimed.period, scheduled, NOW)
    assert sorted(first.story_ids) == sorted(asked)
    assert second.id == claimed.id and second.story_ids == ()
    # what each posts: the second nothing, even once the first is sent
    store.mark_digest_sent(first.id, NOW)
    assert digest_from_record(store, second).stories == ()


def test_a_story_posted_meanwhile_is_not_recorded_again(store):
    before = composed(store)
    first = store.record_digest(CHANNEL, "d1", before[:1], NOW)
    store.mark_digest_sent(first.id, NOW)
    second = store.record_digest(CHANNEL, "d2", before, NOW + timedelta(minutes=1))
    assert second.story_ids == tuple(before[1:])


def claim(store: Store, at: datetime):
    """The digests due at ``at``, claimed as the schedule's tick does."""
    return store.claim_due_digests(
        at, grace=timedelta(hours=1), lease=timedelta(minutes=2), platforms=["discord"]
    ).records


def test_a_schedule_changed_between_claim_and_send_posts_no_story_twice(store):
    (first,) = claim(store, NOW)
    chosen = composed(store)
    store.record_digest(CHANNEL, first.period, chosen, NOW)  # held, not sent yet
    # moved later the same day: its period has its digest, nothing is claimed again
    store.set_schedule(CHANNEL, "08:30", "UTC", now=NOW + timedelta(minutes=1))
    assert claim(store, NOW + timedelta(minutes=30)) == []
    # moved to a zone where it is the next day already: a digest of that day, without
    # the stories the first one holds, which then goes out as recorded
    store.set_schedule(CHANNEL, "09:00", "Pacific/Auckland", now=NOW + timedelta(minutes=31))
    due = datetime(2024, 5, 1, 21, 0, tzinfo=UTC)  # 09:00 on 2 May in Auckland
    late = incoming("https://gazette.example/late", "The tram runs late. Again.", "G")
    (placed,) = store.add_articles([late], Into(None), now=due - timedelta(minutes=5))
    (second,) = claim(store, due)
    assert second.period == "2024-05-02"
    channel = store.get_channel(CHANNEL)
    again = compose_digest(store, channel, now=due, period=second.period)
    assert [item.story.id for item in again.stories] == [placed.story_id]
    store.mark_digest_sent(store.digest_record(CHANNEL, first.period).id, due)
    assert store.posted_story_ids(CHANNEL) == set(chosen)
