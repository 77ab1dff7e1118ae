"""An article that moves to another story while its old story's digest is being composed
is posted once: real digest delivery on SQLite and PostgreSQL, a recording poster (the
far side of a chat API), and the update stored between composing and recording, where
ingest running beside the schedule may store it."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from bot.delivery import DigestDelivery
from bot.posting import Posters
from summaries.config import DigestSettings
from summaries.ingest import content_hash
from summaries.models import Article, Briefing
from summaries.store import Store, open_store
from tests.bot.helpers_digest import Clock, RecordingPoster, add_article

NOW = datetime(2026, 3, 29, 6, 0, tzinfo=UTC)
TEASER = ("Ferry news", "Ferry news from the island. More soon.")
FULLER = "The river ferry will close in January. Costs rose fast. The island council objects."
GAZETTE = (
    "River ferry to close",
    "The river ferry will close in January. Costs rose. Commuters must drive round.",
)


@pytest.fixture
def store(location: str):
    with open_store(location) as opened:
        yield opened


def update_teaser_into_new_story(store: Store, now: datetime, gazette: int | None = None) -> None:
    """What one ingest run stores: the Gazette's article (a story of its own; the story
    ``gazette`` when given, stored before), and the Herald's teaser, fuller now, which
    grouping puts in the Gazette's story."""
    if gazette is None:
        gazette = add_article(store, *GAZETTE, source="Gazette", now=now)
    url = "https://herald.example/ferry-news"  # the teaser's (see ``add_article``)
    article = Article(title=TEASER[0], text=FULLER, url=url, source="Herald", published=now)
    _, status = store.upsert_article(
        article,
        Briefing(sentences=(FULLER.split(". ")[0] + ".",), method="lead"),
        text=FULLER,
        content_hash=content_hash(FULLER),
        now=now,
        choose_story=lambda _newer: gazette,
    )
    assert status == "updated"


async def first_digest(store: Store, delivery: DigestDelivery, *, scheduled: bool) -> str:
    """The channel's first digest: asked for (``digest now``), or claimed when due by the
    schedule (its record then names no stories until it is composed)."""
    if not scheduled:
        return await delivery.deliver("console", "d1")
    store.set_schedule("console", "06:00", "UTC", now=NOW - timedelta(days=1))
    claims = store.claim_due_digests(
        NOW, grace=timedelta(hours=12), lease=timedelta(minutes=5), platforms=["console"]
    )
    (claimed,) = claims.records
    assert claimed.story_ids == () and not claimed.composed
    return await delivery.deliver_claimed(claimed)


def console_delivery(store: Store) -> tuple[DigestDelivery, RecordingPoster, Clock]:
    """Delivery to the console channel through a recording poster, on a clock at NOW."""
    store.ensure_channel("console")
    poster = RecordingPoster()
    posters = Posters()
    posters.register("console", poster)
    clock = Clock(NOW)
    return DigestDelivery(store, posters, DigestSettings(), clock), poster, clock


def posted_outlets(poster: RecordingPoster) -> Counter[str]:
    """How many times each outlet was shown in the posts."""
    return Counter(
        source for _, reply in poster.posts for item in reply.items for source in item.sources
    )


@pytest.mark.parametrize("scheduled", [False, True], ids=["asked", "scheduled"])
def test_an_article_moved_while_its_digest_is_composed_is_posted_once(
    store, monkeypatch, scheduled
):
    earlier = NOW - timedelta(hours=3)
    teaser_story = add_article(store, *TEASER, source="Herald", now=earlier)
    delivery, poster, clock = console_delivery(store)

    # The update is stored after the composer read the teaser's story, before its
    # digest's record names that story.
    record = store.record_digest
    moved = []

    def update_then_record(*args, **kwargs):
        if not moved:
            update_teaser_into_new_story(store, NOW - timedelta(minutes=1))
            moved.append(True)
        return record(*args, **kwargs)

    monkeypatch.setattr(store, "record_digest", update_then_record)
    asyncio.run(first_digest(store, delivery, scheduled=scheduled))
    assert moved
    assert store.get_article(teaser_story).story_id != teaser_story  # it did move
    first = store.digest_record("console", "d1" if not scheduled else "2026-03-29")
    assert first is not None and first.sent_at is not None

    clock.now = NOW + timedelta(hours=2)
    assert asyncio.run(delivery.deliver("console", "d2")) == "sent"

    # Each outlet's article is posted once: the Herald's in the Gazette's story only.
    assert posted_outlets(poster) == {"Herald": 1, "Gazette": 1}


def test_an_article_that_would_join_a_story_already_posted_is_posted_in_its_own(store):
    gazette = add_article(store, *GAZETTE, source="Gazette", now=NOW - timedelta(hours=3))
    delivery, poster, clock = console_delivery(store)
    assert asyncio.run(delivery.deliver("console", "d1")) == "sent"  # the Gazette's story

    clock.now = NOW + timedelta(hours=1)
    teaser = add_article(store, *TEASER, source="Herald", now=clock.now)
    update_teaser_into_new_story(store, clock.now + timedelta(minutes=5), gazette)
    clock.now = NOW + timedelta(hours=2)
    assert asyncio.run(delivery.deliver("console", "d2")) == "sent"

    # the Herald's article reaches the channel once, in a story of its own
    assert poster.story_ids() == [gazette, teaser]
    assert posted_outlets(poster) == {"Herald": 1, "Gazette": 1}
