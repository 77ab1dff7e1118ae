"""An updated article's story: it follows its fuller text into another story only while
its own has not gone out in a digest; once it has, it stays, and nothing is posted twice
(real SQLite and PostgreSQL, the real digest composer)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from summaries.digest import as_recorded, compose_digest
from summaries.models import Article, Briefing, StoredArticle
from summaries.store import Incoming, Placed, Store, open_store

NOW = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
HERALD = "https://herald.example/news/ferry"
GAZETTE = "https://gazette.example/ferry-closes"


def incoming(url: str, text: str, outlet: str) -> Incoming:
    article = Article(title=text.split(".")[0], text=text, url=url, source=outlet)
    return Incoming(
        article,
        Briefing((text.split(". ")[0] + ".",), method="lead", source_sentences=2),
        text,
        hashlib.sha256(text.encode()).hexdigest(),
    )


class Into:
    """Puts every article of a batch in story ``story`` (None: its own)."""

    def __init__(self, story: int | None) -> None:
        self.story = story

    def catch_up(self, newer) -> None:
        newer(0)

    def choose(self, index: int) -> int | None:
        return self.story

    def placed(self, index: int, article_id: int, story_id: int) -> None:
        pass


@pytest.fixture
def store(location: str) -> Iterator[Store]:
    with open_store(location) as opened:
        yield opened


def two_stories(
    store: Store, between=lambda: None, *, teaser_first: bool = True
) -> tuple[StoredArticle, StoredArticle]:
    """The Herald's teaser and the Gazette's article, each a story of its own, stored one
    after the other (the teaser first, unless told), ``between`` run between them; returned
    as (the Herald's, the Gazette's)."""
    teaser = incoming(HERALD, "Ferry news. More soon.", "Herald")
    full = incoming(GAZETTE, "The river ferry will close in January. Costs rose.", "Gazette")
    first, second = (teaser, full) if teaser_first else (full, teaser)
    store.add_articles([first], Into(None), now=NOW)
    between()
    store.add_articles([second], Into(None), now=NOW + timedelta(minutes=3))
    herald, gazette = store.find(url=HERALD), store.find(url=GAZETTE)
    assert herald is not None and gazette is not None and herald.story_id != gazette.story_id
    return herald, gazette


def update_into(store: Store, story: int | None) -> Placed:
    """The Herald's article, fuller now, that grouping puts in ``story``."""
    fuller = incoming(HERALD, "The river ferry will close in January. Costs rose fast.", "Herald")
    (placed,) = store.add_articles([fuller], Into(story), now=NOW + timedelta(minutes=5))
    assert placed.status == "updated"
    return placed


def post(store: Store, channel_id: str, period: str, now: datetime, *, sent: bool = True):
    """Compose the channel's digest at ``now`` and record it (sent, unless told)."""
    channel = store.get_channel(channel_id)
    digest = compose_digest(store, channel, now=now, period=period)
    story_ids = [s.story.id for s in digest.stories]
    record = store.record_digest(channel_id, period, story_ids, now)
    if sent:
        store.mark_digest_sent(record.id, now)
    return digest


def posted_articles(digest) -> list[int]:
    return [article.id for s in digest.stories for article in s.story.articles]


def test_an_article_not_yet_posted_follows_its_fuller_text_into_another_story(store):
    herald, gazette = two_stories(store)
    placed = update_into(store, gazette.story_id)
    assert (placed.story_id, placed.left) == (gazette.story_id, herald.story_id)
    assert store.get_article(herald.id).story_id == gazette.story_id


def test_an_article_already_posted_stays_in_its_story_and_is_not_posted_twice(store):
    store.ensure_channel("discord:1")
    posted = []
    herald, gazette = two_stories(
        store, lambda: posted.append(post(store, "discord:1", "d1", NOW + timedelta(minutes=2)))
    )
    assert posted_articles(posted[0]) == [herald.id]
    # the Herald's article is fuller now, and grouping says it is the Gazette's story
    placed = update_into(store, gazette.story_id)
    assert (placed.story_id, placed.left) == (herald.story_id, None)
    updated = store.get_article(herald.id)
    assert updated.story_id == herald.story_id and "Costs rose fast" in updated.text
    # the next digest posts the Gazette's story, without the article posted already
    second = post(store, "discord:1", "d2", NOW + timedelta(minutes=10))
    assert posted_articles(second) == [gazette.id]


def test_an_article_in_a_digest_not_yet_sent_stays_in_its_story(store):
    herald, gazette = two_stories(store)
    store.ensure_channel("discord:1")
    store.record_digest("discord:1", "d1", [herald.story_id], NOW + timedelta(minutes=2))
    placed = update_into(store, gazette.story_id)
    assert placed.story_id == herald.story_id
    assert store.get_article(herald.id).story_id == herald.story_id


def test_an_update_that_chooses_no_story_keeps_its_own(store):
    herald, _ = two_stories(store)
    assert update_into(store, None).story_id == herald.story_id


def test_one_article_upserted_alone_follows_the_same_rule(store):
    herald, gazette = two_stories(store)
    store.ensure_channel("discord:1")
    post(store, "discord:1", "d1", NOW + timedelta(minutes=2))
    item = incoming(HERALD, "The river ferry will close in January. Costs rose fast.", "Herald")
    stored, status = store.upsert_article(
        item.article,
        item.briefing,
        text=item.text,
        content_hash=item.content_hash,
        now=NOW + timedelta(minutes=5),
        choose_story=lambda _newer: gazette.story_id,
    )
    assert (status, stored.story_id) == ("updated", herald.story_id)


def test_an_article_does_not_join_a_story_already_posted_and_is_posted_in_its_own(store):
    store.ensure_channel("discord:1")
    posted = []
    herald, gazette = two_stories(
        store,
        lambda: posted.append(post(store, "discord:1", "d1", NOW + timedelta(minutes=2))),
        teaser_first=False,
    )
    assert posted_articles(posted[0]) == [gazette.id]
    # the Herald's teaser is fuller now, and grouping says it is the Gazette's story
    placed = update_into(store, gazette.story_id)
    # joined to the story posted already, it would never reach the channel: it goes out alone
    second = post(store, "discord:1", "d2", NOW + timedelta(minutes=10))
    assert posted_articles(second) == [herald.id]
    assert "Costs rose fast" in store.get_article(herald.id).text
    assert (placed.story_id, placed.left) == (herald.story_id, None)


def test_an_article_does_not_join_a_story_recorded_but_not_sent(store):
    store.ensure_channel("discord:1")
    recorded = []

    def record_first_digest() -> None:
        channel = store.get_channel("discord:1")
        at = NOW + timedelta(minutes=2)
        digest = compose_digest(store, channel, now=at, period="d1")
        record = store.record_digest("discord:1", "d1", [s.story.id for s in digest.stories], at)
        recorded.append((record, as_recorded(store, digest, channel)))

    herald, gazette = two_stories(store, record_first_digest, teaser_first=False)
    ((record, first),) = recorded
    assert posted_articles(first) == [gazette.id]  # read as recorded, before the update
    placed = update_into(store, gazette.story_id)
    store.mark_digest_sent(record.id, NOW + timedelta(minutes=6))  # posted as it was read
    second = post(store, "discord:1", "d2", NOW + timedelta(minutes=10))
    assert posted_articles(second) == [herald.id]
    assert placed.story_id == herald.story_id
