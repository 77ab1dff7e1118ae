"""Story briefings in the store: saved at ingest, read back on the stories, per tenant."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from summaries.ingest import Backfill, Ingest, SummaryPool
from summaries.models import EVERYTHING, Article, Scope, SummaryOptions
from summaries.sources import Fetcher
from summaries.store import MadeBriefing, Store, open_store
from summaries.story_briefing import brief_story
from tests.builders import COASTAL_TIMES, HARWICK_POST, put_article

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
A, B = "discord:1", "slack:T2"


@pytest.fixture
def store(location: str):
    with open_store(location) as opened:
        yield opened


def put(store: Store, source_id: int, outlet: str, sentences: list[str], story: int | None):
    article = Article(f"Flood plan ({outlet})", "\n\n".join(sentences), None, outlet)
    return put_article(
        store, article, tuple(sentences[:3]), source_id=source_id, story=story, now=NOW
    )


def two_outlet_story(store: Store) -> int:
    post, _ = store.subscribe(
        A, "https://post.example/rss", "feed", added_by="u", now=NOW, max_sources=5
    )
    times, _ = store.subscribe(
        B, "https://times.example/rss", "feed", added_by="u", now=NOW, max_sources=5
    )
    first = put(store, post.id, "Harwick Post", HARWICK_POST, None)
    put(store, times.id, "Coastal Times", COASTAL_TIMES, first.id)
    story = store.get_story(first.id)
    store.save_story_briefing(first.id, brief_story(story.articles, 3, 1000), now=NOW)
    return first.id


def test_a_saved_story_briefing_comes_back_with_the_story_and_in_search(store):
    key = two_outlet_story(store)
    story = store.get_stories([key])[key]
    assert len(story.briefing) == 3
    assert {s.article_id for s in story.briefing} == {a.id for a in story.articles}
    (hit,) = store.search("flood defence plan", now=NOW)
    assert hit.story.briefing == story.briefing  # /brief shows what the digest shows


def test_stories_read_without_texts_have_everything_else(store):
    key = two_outlet_story(store)
    whole = store.get_stories([key])[key]
    light = store.get_stories([key], texts=False)[key]
    assert all(article.text for article in whole.articles)
    assert [article.text for article in light.articles] == ["", ""]
    assert [replace(a, text="") for a in whole.articles] == list(light.articles)
    assert light.briefing == whole.briefing and len(light.briefing) == 3


def test_a_tenant_sees_only_the_sentences_of_the_outlets_it_reads(store):
    key = two_outlet_story(store)
    full = store.get_story(key).briefing
    lede_article = full[0].article_id
    seen_a = store.get_stories([key], scope=Scope.of_tenant(A, shared=False)).get(key)
    seen_b = store.get_stories([key], scope=Scope.of_tenant(B, shared=False)).get(key)
    for seen in (seen_a, seen_b):
        assert seen is not None and len(seen.articles) == 1
        (only,) = seen.articles
        if only.id == lede_article:  # the lede is in view: its outlet's sentences stay
            assert seen.briefing and all(s.article_id == only.id for s in seen.briefing)
        else:  # the lede is another tenant's: the article's own briefing is shown instead
            assert seen.briefing == ()


def test_saving_no_sentences_forgets_the_story_briefing(store):
    key = two_outlet_story(store)
    store.save_story_briefing(key, (), now=NOW)
    assert store.get_stories([key], scope=EVERYTHING)[key].briefing == ()
    assert store.unbriefed_stories(NOW - timedelta(days=1), limit=5) == []  # it was briefed


def test_only_stories_of_several_articles_without_a_briefing_are_unbriefed(store):
    key = two_outlet_story(store)  # briefed
    alone = put(store, 1, "Night Wire", ["Ferries stopped in Harwick on Monday."], None)
    other = put(store, 1, "Bay Radio", ["A storm closed the Harwick road."], None)
    put(store, 1, "Night Wire", ["The Harwick road stayed closed."], other.id)
    since = NOW - timedelta(days=1)
    assert store.unbriefed_stories(since, limit=5) == [other.id]
    assert key != other.id and alone.id != other.id
    assert store.unbriefed_stories(NOW + timedelta(days=1), limit=5) == []  # none fetched since


def test_a_briefing_made_before_another_article_joined_is_not_kept(store):
    key = two_outlet_story(store)
    story = store.get_story(key)
    made_of = [a.id for a in story.articles]
    late = brief_story(story.articles[:1] * 2, 3, 1000)  # anything: it must not be kept
    third = put(store, 1, "Night Wire", ["Councillors met in Harwick on Monday."], key)
    assert not store.save_story_briefing(key, late, now=NOW, made_of=made_of)
    assert store.get_story(key).briefing == story.briefing
    current = [*made_of, third.id]
    assert store.save_story_briefing(key, (), now=NOW, made_of=current)
    assert store.get_story(key).briefing == ()


def test_briefings_saved_together_are_each_kept_or_refused_on_their_own(store):
    key = two_outlet_story(store)
    other = put(store, 1, "Night Wire", ["Ferries stopped in Harwick on Monday."], None)
    put(store, 1, "Bay Radio", ["Ferries stayed in port in Harwick."], other.id)
    second = store.get_story(other.id)
    stale = [a.id for a in store.get_story(key).articles][:1]  # not the story's articles
    fresh = brief_story(second.articles, 3, 1000)
    kept = store.save_story_briefings(
        [
            MadeBriefing(key, (), made_of=stale),
            MadeBriefing(other.id, fresh, made_of=[a.id for a in second.articles]),
        ],
        now=NOW,
    )
    assert kept == [False, True]
    assert store.get_story(key).briefing  # the refused one keeps what it had
    assert store.get_story(other.id).briefing == fresh


def test_the_ingests_of_a_process_look_for_unbriefed_stories_until_one_finds_fewer(store):
    wire = store.add_source("https://wire.example/rss", "feed", now=NOW).id
    first = put(store, wire, "Night Wire", ["Ferries stopped in Harwick on Monday."], None)
    put(store, wire, "Bay Radio", ["Ferries stayed in port in Harwick on Monday."], first.id)
    shared = Backfill()

    async def run(backfill: Backfill) -> None:
        pool = SummaryPool(SummaryOptions(), workers=1, seconds=30)
        async with Fetcher(politeness=0, timeout=5) as fetcher, pool:
            await Ingest(store, fetcher, pool, clock=lambda: NOW, backfill=backfill).run([])

    asyncio.run(run(shared))  # one story found: fewer than a run takes, so that was all
    assert store.get_story(first.id).briefing and shared.done and not shared.busy
    second = put(store, wire, "Night Wire", ["A storm closed the Harwick road."], None)
    put(store, wire, "Bay Radio", ["The Harwick road stayed closed all day."], second.id)
    asyncio.run(run(shared))
    assert store.get_story(second.id).briefing == ()  # not looked for again
    asyncio.run(run(Backfill()))  # another process's ingests
    assert store.get_story(second.id).briefing
