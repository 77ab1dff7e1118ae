"""Digest delivery: exactly once, with real stored articles, a real SQLite store and a
recording Poster registered in the real Posters router (the far side of a chat API)."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

import pytest

from bot.delivery import RETRY, DigestDelivery
from bot.posting import PostError, Posters
from bot.replies import Reply
from summaries.config import DigestSettings
from summaries.store import Store, open_store
from tests.bot.helpers_digest import Clock, RecordingPoster, StuckPoster, add_article
from tests.old_databases import record_naming_taken_stories

NOW = datetime(2026, 3, 29, 6, 0, tzinfo=UTC)


FLOOD = (
    "Harwick approves flood plan",
    "The Harwick council approved a flood defence plan on Monday. The river walls rise by "
    "two metres along the harbour. Engineers expect six years of work.",
)
FLOOD_AGAIN = (
    "Harwick council backs river walls",
    "Councillors in Harwick backed higher river walls against floods. The plan costs 48 "
    "million euros. Shop owners asked for faster work.",
)
FERRY = (
    "Ferry fares rise in summer",
    "The island ferry company will raise fares by eight percent in June. Commuters "
    "criticised the increase. The company cites fuel costs.",
)
CYBER = (
    "Hospital hit by cyber attack",
    "A ransomware attack disrupted the city hospital's records system overnight. Doctors "
    "returned to paper charts. Police are investigating the cyber attack.",
)


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "bot.db")
    yield opened
    opened.close()


def delivery_for(store: Store, poster, clock: Clock, **digest) -> DigestDelivery:
    posters = Posters()
    posters.register("console", poster)
    posters.register("discord", poster)
    return DigestDelivery(store, posters, DigestSettings(**digest), clock)


def titles(reply: Reply) -> list[str]:
    return [item.title for item in reply.items]


def test_a_story_from_two_outlets_appears_once_with_both_sources(store):
    """Two outlets' articles of one story are one item listing both outlets."""
    earlier = NOW - timedelta(hours=3)
    flood = add_article(store, *FLOOD, source="Coastal Times", now=earlier)
    add_article(store, *FLOOD_AGAIN, source="Harbour Herald", now=earlier, story_of=flood)
    add_article(store, *FERRY, source="Island Post", now=earlier)
    poster = RecordingPoster()
    delivery = delivery_for(store, poster, Clock(NOW))

    assert asyncio.run(delivery.deliver("console", "2026-03-29")) == "sent"

    [(channel, reply)] = poster.posts
    assert channel == "console"
    assert len(reply.items) == 2
    [flood_item] = [item for item in reply.items if item.story_id == flood]
    assert set(flood_item.sources) == {"Coastal Times", "Harbour Herald"}
    assert flood_item.title in {FLOOD[0], FLOOD_AGAIN[0]}
    assert flood_item.url and flood_item.url.startswith("https://")
    assert flood_item.briefing
    record = store.digest_record("console", "2026-03-29")
    assert record is not None and record.sent_at is not None
    assert sorted(record.story_ids) == sorted(item.story_id for item in reply.items)


def test_topics_filter_the_digest(store):
    earlier = NOW - timedelta(hours=2)
    add_article(store, *FLOOD, source="Coastal Times", now=earlier)
    add_article(store, *CYBER, source="City Wire", now=earlier)
    add_article(store, *FERRY, source="Island Post", now=earlier)
    store.ensure_channel("discord:1")
    store.add_topic("discord:1", "cyber")
    poster = RecordingPoster()
    delivery = delivery_for(store, poster, Clock(NOW))

    assert asyncio.run(delivery.deliver("discord:1", "2026-03-29")) == "sent"
    assert asyncio.run(delivery.deliver("console", "2026-03-29")) == "sent"

    (_, filtered), (_, everything) = poster.posts
    assert titles(filtered) == [CYBER[0]]
    assert sorted(titles(everything)) == sorted([FLOOD[0], CYBER[0], FERRY[0]])


def test_the_same_period_is_posted_once_and_posted_stories_never_return(store):
    add_article(store, *FLOOD, source="Coastal Times", now=NOW - timedelta(hours=1))
    poster = RecordingPoster()
    clock = Clock(NOW)
    delivery = delivery_for(store, poster, clock)

    assert asyncio.run(delivery.deliver("console", "2026-03-29")) == "sent"
    assert asyncio.run(delivery.deliver("console", "2026-03-29")) == "already-sent"
    assert len(poster.posts) == 1

    clock.now = NOW + timedelta(hours=2)
    add_article(store, *FERRY, source="Island Post", now=clock.now)
    clock.now = NOW + timedelta(days=1)
    assert asyncio.run(delivery.deliver("console", "2026-03-30")) == "sent"
    assert titles(poster.posts[-1][1]) == [FERRY[0]]  # the flood story was posted already


def test_a_digest_recorded_but_not_marked_sent_is_resent_once_with_the_same_stories(tmp_path):
    """A crash between recording and marking sent: the next start posts it, once."""
    path = tmp_path / "bot.db"
    clock = Clock(NOW)
    store = open_store(path)
    flood = add_article(store, *FLOOD, source="Coastal Times", now=NOW - timedelta(hours=1))
    stuck = StuckPoster()

    async def crash() -> None:
        delivery = delivery_for(store, stuck, clock)
        task = asyncio.create_task(delivery.deliver("console", "2026-03-29"))
        await stuck.entered.wait()  # recorded, and the post is in flight...
        task.cancel()  # ...when the process goes down
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(crash())
    store.close()

    store = open_store(path)
    try:
        [unsent] = store.unsent_digests()
        assert unsent.story_ids == (flood,)
        clock.now = NOW + timedelta(minutes=20)
        add_article(store, *FERRY, source="Island Post", now=clock.now)  # news after the crash
        poster = RecordingPoster()
        delivery = delivery_for(store, poster, clock)

        assert asyncio.run(delivery.resend_unsent()) == 1
        assert asyncio.run(delivery.resend_unsent()) == 0
        assert asyncio.run(delivery.deliver("console", "2026-03-29")) == "already-sent"

        [(_, reply)] = poster.posts
        assert [item.story_id for item in reply.items] == [flood]  # the same stories, no more
        assert store.unsent_digests() == []
    finally:
        store.close()


def test_a_transient_failure_stays_unsent_and_is_resent(store, caplog):
    add_article(store, *FLOOD, source="Coastal Times", now=NOW - timedelta(hours=1))
    poster = RecordingPoster()
    poster.fail = PostError("console", "The platform did not answer.", permanent=False)
    clock = Clock(NOW)
    delivery = delivery_for(store, poster, clock)

    with caplog.at_level(logging.WARNING, logger="briefing.delivery"):
        assert asyncio.run(delivery.deliver("console", "2026-03-29")) == "failed"
    [unsent] = store.unsent_digests()
    assert unsent.error == "The platform did not answer."
    assert "console" in caplog.text

    poster.fail = None
    clock.now = NOW + RETRY - timedelta(seconds=1)
    assert asyncio.run(delivery.resend_unsent()) == 0  # not before the retry is due
    clock.now = NOW + RETRY
    assert asyncio.run(delivery.resend_unsent()) == 1
    assert len(poster.posts) == 1
    assert store.digest_record("console", "2026-03-29").sent_at is not None


def test_a_permanent_failure_is_logged_with_the_channel_and_given_up(store, caplog):
    add_article(store, *FLOOD, source="Coastal Times", now=NOW - timedelta(hours=1))
    poster = RecordingPoster()
    poster.fail = PostError("discord:9", "The bot may not post in #news.", permanent=True)
    delivery = delivery_for(store, poster, Clock(NOW))

    with caplog.at_level(logging.ERROR, logger="briefing.delivery"):
        assert asyncio.run(delivery.deliver("discord:9", "2026-03-29")) == "failed"
    assert "discord:9" in caplog.text and "may not post" in caplog.text
    assert store.unsent_digests() == []  # not retried at the next start
    record = store.digest_record("discord:9", "2026-03-29")
    assert record.sent_at is None and record.error == "The bot may not post in #news."

    poster.fail = None
    assert asyncio.run(delivery.resend_unsent()) == 0
    assert asyncio.run(delivery.deliver("discord:9", "2026-03-29")) == "failed"
    assert poster.attempts == 1 and poster.posts == []
    assert store.posted_story_ids("discord:9") == set()  # its stories may appear later


def test_a_permanent_failure_pauses_a_scheduled_channel_and_says_how_to_resume(store, caplog):
    """A channel the bot may not post in: its daily job stops instead of failing daily."""
    add_article(store, *FLOOD, source="Coastal Times", now=NOW - timedelta(hours=1))
    store.set_schedule("discord:9", "08:00", "Europe/Berlin")
    poster = RecordingPoster()
    poster.fail = PostError("discord:9", "The bot may not post in #news.", permanent=True)

    delivery = delivery_for(store, poster, Clock(NOW))
    with caplog.at_level(logging.ERROR, logger="briefing.delivery"):
        assert asyncio.run(delivery.deliver("discord:9", "2026-03-29")) == "failed"

    paused = store.get_channel("discord:9")
    assert paused.paused and paused.next_run_at is None  # no longer due
    [logged] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert "discord:9" in logged.getMessage() and "schedule resume" in logged.getMessage()
    assert store.digest_record("discord:9", "2026-03-29").gave_up_at is not None


@pytest.mark.parametrize(
    "reason", ["This Discord channel no longer exists.", "channel_not_found", "Gone!"]
)
def test_the_log_of_a_paused_channel_ends_the_reason_with_one_full_stop(store, caplog, reason):
    add_article(store, *FLOOD, source="Coastal Times", now=NOW - timedelta(hours=1))
    store.set_schedule("discord:9", "08:00", "Europe/Berlin")
    poster = RecordingPoster()
    poster.fail = PostError("discord:9", reason, permanent=True)

    delivery = delivery_for(store, poster, Clock(NOW))
    with caplog.at_level(logging.ERROR, logger="briefing.delivery"):
        assert asyncio.run(delivery.deliver("discord:9", "2026-03-29")) == "failed"

    [logged] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    ended = reason if reason.endswith((".", "!")) else reason + "."
    assert f"given up: {ended} The channel's digests are paused" in logged
    assert ".." not in logged and "!." not in logged


def test_an_unsent_digest_and_a_later_digest_now_post_each_story_once(store):
    """08:00 fails for a moment, ``digest now`` at 08:10 posts, the next ingest resends the
    08:00 digest: no story reaches the channel twice."""
    flood = add_article(store, *FLOOD, source="Coastal Times", now=NOW - timedelta(hours=1))
    poster = RecordingPoster()
    clock = Clock(NOW)
    delivery = delivery_for(store, poster, clock)

    poster.fail = PostError("console", "The platform did not answer.", permanent=False)
    assert asyncio.run(delivery.deliver("console", "2026-03-29")) == "failed"
    poster.fail = None
    clock.now = NOW + timedelta(minutes=5)
    ferry = add_article(store, *FERRY, source="Island Post", now=clock.now)
    clock.now = NOW + timedelta(minutes=10)
    assert asyncio.run(delivery.post_now("console")) == "sent"
    clock.now = NOW + timedelta(minutes=30)
    asyncio.run(delivery.resend_unsent())  # after the next ingest

    assert sorted(poster.story_ids()) == sorted([flood, ferry])  # each once
    assert store.unsent_digests() == []
    assert asyncio.run(delivery.resend_unsent()) == 0


def test_a_resend_whose_stories_were_all_posted_since_is_marked_sent_without_a_post(store, caplog):
    flood = add_article(store, *FLOOD, source="Coastal Times", now=NOW - timedelta(hours=1))
    store.record_digest("console", "2026-03-29", [flood], NOW)  # unsent
    later = record_naming_taken_stories(  # as the bot could record it before
        store, "console", "now:2026-03-29T06:10:00+00:00", [flood], NOW
    )
    store.mark_digest_sent(later.id, NOW + timedelta(minutes=10))  # posted by `digest now`
    poster = RecordingPoster()
    delivery = delivery_for(store, poster, Clock(NOW + timedelta(minutes=30)))

    with caplog.at_level(logging.INFO, logger="briefing.delivery"):
        assert asyncio.run(delivery.resend_unsent()) == 0

    assert poster.attempts == 0  # no empty digest posted
    assert store.digest_record("console", "2026-03-29").sent_at is not None
    assert store.unsent_digests() == []
    assert "2026-03-29" in caplog.text and "console" in caplog.text


def test_an_unsent_digest_older_than_the_grace_period_is_given_up(tmp_path):
    path = tmp_path / "bot.db"
    with open_store(path) as store:
        story = add_article(store, *FLOOD, source="Coastal Times", now=NOW - timedelta(hours=1))
        store.record_digest("console", "2026-03-29", [story], NOW)
    with open_store(path) as store:
        poster = RecordingPoster()
        delivery = delivery_for(store, poster, Clock(NOW + timedelta(hours=13)), grace_hours=12)
        assert asyncio.run(delivery.resend_unsent()) == 0
        assert poster.posts == []
        assert store.unsent_digests() == []
        assert store.posted_story_ids("console") == set()  # offered again in the next digest


def test_an_empty_digest_is_skipped_without_a_record(store):
    poster = RecordingPoster()
    delivery = delivery_for(store, poster, Clock(NOW))
    assert asyncio.run(delivery.deliver("console", "2026-03-29")) == "empty"
    assert poster.posts == []
    assert store.digest_record("console", "2026-03-29") is None


def test_an_empty_digest_is_announced_once_when_configured(store):
    poster = RecordingPoster()
    delivery = delivery_for(store, poster, Clock(NOW), when_empty="announce")
    assert asyncio.run(delivery.deliver("console", "2026-03-29")) == "sent"
    assert asyncio.run(delivery.deliver("console", "2026-03-29")) == "already-sent"
    [(_, reply)] = poster.posts
    assert reply.items == () and "No new stories" in reply.text


def test_digest_now_posts_and_the_next_digest_leaves_those_stories_out(store):
    add_article(store, *FLOOD, source="Coastal Times", now=NOW - timedelta(hours=1))
    poster = RecordingPoster()
    clock = Clock(NOW)
    delivery = delivery_for(store, poster, clock)

    assert asyncio.run(delivery.post_now("console")) == "sent"
    [record] = [r for r in [store.digest_record("console", "now:2026-03-29T06:00:00+00:00")] if r]
    assert record.sent_at is not None
    clock.now = NOW + timedelta(hours=2)
    assert asyncio.run(delivery.deliver("console", "2026-03-30")) == "empty"
    assert titles(poster.posts[0][1]) == [FLOOD[0]]
    assert len(poster.posts) == 1


def test_a_channel_of_a_platform_not_running_here_is_not_recorded(store):
    add_article(store, *FLOOD, source="Coastal Times", now=NOW - timedelta(hours=1))
    delivery = delivery_for(store, RecordingPoster(), Clock(NOW))
    assert asyncio.run(delivery.deliver("slack:C1", "2026-03-29")) == "failed"
    assert store.digest_record("slack:C1", "2026-03-29") is None


class PartlyPoster(RecordingPoster):
    """Posts the first ``first`` stories of a reply, then fails as a platform would mid-way."""

    def __init__(self, first: int) -> None:
        super().__init__()
        self.first = first

    async def post(self, channel: str, reply: Reply, *, key: str | None = None) -> None:
        self.attempts += 1
        if self.first is None:
            self.posts.append((channel, reply))
            return
        part = reply.items[: self.first]
        self.posts.append((channel, Reply(title=reply.title, items=part)))
        raise PostError(
            channel,
            "Discord did not answer.",
            permanent=False,
            posted_story_ids=tuple(item.story_id for item in part),
        )


def test_a_digest_that_failed_part_way_is_finished_without_repeating_what_went_out(store):
    clock = Clock(NOW)
    ids = [
        add_article(store, *story, now=NOW - timedelta(hours=2)) for story in (FLOOD, FERRY, CYBER)
    ]
    poster = PartlyPoster(first=2)
    delivery = delivery_for(store, poster, clock)
    assert asyncio.run(delivery.deliver("discord:1", "2026-03-29")) == "failed"
    assert sorted(store.posted_story_ids("discord:1")) == sorted(poster.story_ids())
    poster.first = None  # the platform answers again
    clock.now = NOW + timedelta(minutes=30)
    assert asyncio.run(delivery.resend_unsent()) == 1
    assert sorted(poster.story_ids()) == sorted(ids)  # each story exactly once
    assert len(poster.story_ids()) == 3
    assert store.unsent_digests() == []


def test_no_digest_goes_to_a_server_that_removed_the_bot_and_nothing_is_paused(store):
    add_article(store, *FLOOD, source="Coastal Times", now=NOW - timedelta(hours=2))
    store.ensure_channel("discord:1", tenant="discord:9")
    store.set_schedule("discord:1", "06:00", "UTC")
    store.mark_tenant_left("discord:9", now=NOW - timedelta(days=1))
    poster = RecordingPoster()
    delivery = delivery_for(store, poster, Clock(NOW))

    assert asyncio.run(delivery.deliver("discord:1", "2026-03-29")) == "empty"
    assert poster.posts == []
    assert store.digest_record("discord:1", "2026-03-29") is None
    assert not store.get_channel("discord:1").paused

    store.ensure_tenant("discord:9", now=NOW)  # added back: digests go again
    assert asyncio.run(delivery.deliver("discord:1", "2026-03-29")) == "sent"
    assert titles(poster.posts[0][1]) == [FLOOD[0]]


class SlowPoster(RecordingPoster):
    """Each post takes ``step`` of the clock's time; ``meanwhile`` runs before the first one
    returns (another process at work)."""

    def __init__(self, clock: Clock, step: timedelta, meanwhile=None) -> None:
        super().__init__()
        self.clock, self.step, self.meanwhile = clock, step, meanwhile

    async def post(self, channel: str, reply: Reply, *, key: str | None = None) -> None:
        await super().post(channel, reply, key=key)
        self.clock.now += self.step
        if self.meanwhile is not None:
            meanwhile, self.meanwhile = self.meanwhile, None
            meanwhile()


def unsent_pair(store: Store) -> None:
    flood = add_article(store, *FLOOD, source="Coastal Times", now=NOW - timedelta(hours=1))
    ferry = add_article(store, *FERRY, source="Island Post", now=NOW - timedelta(hours=1))
    store.record_digest("console", "2026-03-29", [flood], NOW)
    store.record_digest("discord:7", "2026-03-29", [ferry], NOW)


def test_a_claimed_digest_is_posted_only_while_its_lease_has_time_left(store):
    """Posting the first of a claimed batch took most of the lease: the next is left for a
    later claim rather than posted when another process may already hold it."""
    unsent_pair(store)
    clock = Clock(NOW)
    slow = SlowPoster(clock, step=timedelta(seconds=80))  # the lease is 2 minutes
    delivery = delivery_for(store, slow, clock)
    assert asyncio.run(delivery.resend_unsent()) == 1
    assert [channel for channel, _ in slow.posts] == ["console"]
    clock.now += timedelta(minutes=1)  # the lease ran out: anyone may claim it now
    assert asyncio.run(delivery.resend_unsent()) == 1
    assert sorted(channel for channel, _ in slow.posts) == ["console", "discord:7"]
    assert store.unsent_digests() == []


def test_a_digest_another_process_claimed_meanwhile_is_left_to_it(store):
    unsent_pair(store)
    clock = Clock(NOW)
    other = delivery_for(store, RecordingPoster(), clock)
    taken: list = []

    def other_process_claims() -> None:  # the batch's lease ran out while the post hung
        clock.now += timedelta(minutes=3)
        claimed = store.claim_unsent_digests(clock.now, lease=other.lease, platforms=["discord"])
        taken.extend(claimed)

    slow = SlowPoster(clock, step=timedelta(seconds=1), meanwhile=other_process_claims)
    assert asyncio.run(delivery_for(store, slow, clock).resend_unsent()) == 1
    assert [record.channel_id for record in taken] == ["discord:7"]
    assert [channel for channel, _ in slow.posts] == ["console"]  # discord:7 is the other's
