"""Storing a batch of articles in one transaction: the outcome of storing them one by one."""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from contextlib import ExitStack
from datetime import UTC, datetime

import pytest

from summaries.models import Article, Briefing, StoredArticle
from summaries.store import Incoming, Placed, Store, open_store
from tests import postgres

NOW = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)


def incoming(n: int, *, url: str | None = "default", text: str | None = None, **fields) -> Incoming:
    body = text or f"Harbour report {n} says the flood walls rose. Crews worked all night."
    link = f"https://news.example/{n}" if url == "default" else url
    article = Article(title=f"Flood walls report {n}", text=body, url=link, source="Herald")
    return Incoming(
        article,
        Briefing((body.split(". ")[0] + ".",), method="lead", source_sentences=2),
        body,
        hashlib.sha256(body.encode()).hexdigest(),
        **fields,
    )


class Stories:
    """Puts article ``index`` in the story ``joins[index]`` names (an index of the batch or
    of an earlier batch, by article id), else a story of its own; records what it saw."""

    def __init__(self, joins: dict[int, int] | None = None) -> None:
        self.joins = joins or {}
        self.ids: dict[int, int] = {}
        self.newer: list[StoredArticle] = []
        self.seen_up_to = 0

    def catch_up(self, newer):
        self.newer = newer(self.seen_up_to)

    def choose(self, index: int) -> int | None:
        return self.joins.get(index)

    def placed(self, index: int, article_id: int, story_id: int) -> None:
        self.ids[index] = article_id


def one_by_one(store: Store, items: list[Incoming], joins: dict[int, int]) -> list[Placed]:
    """What upserting each item in turn with a story chooser gives."""
    placed = []
    for index, item in enumerate(items):
        stored, status = store.upsert_article(
            item.article,
            item.briefing,
            text=item.text,
            content_hash=item.content_hash,
            source_id=item.source_id,
            link=item.link,
            now=NOW,
            choose_story=lambda _newer, index=index: joins.get(index),
            language=item.language,
        )
        placed.append(Placed(stored.id, stored.story_id, status))
    return placed


def rows(store: Store) -> list[tuple]:
    articles = store.execute(
        "SELECT id, url, content_hash, title, story_id, fetched_at, updated_at FROM articles "
        "ORDER BY id"
    )
    links = store.execute("SELECT * FROM article_sources ORDER BY 1, 2")
    aliases = store.execute("SELECT * FROM link_aliases ORDER BY 1")
    words = store.execute("SELECT * FROM words ORDER BY 1")
    return [articles, links, aliases, words]


@pytest.fixture
def stores(location, tmp_path):
    """Two stores of the engine under test: one stores batches, the other one by one."""
    with ExitStack() as opened:
        if location.startswith("postgresql"):
            other = opened.enter_context(postgres.schema())
        else:
            other = str(tmp_path / "one_by_one.db")
        a = opened.enter_context(open_store(location))
        b = opened.enter_context(open_store(other))
        for store in (a, b):
            store.add_source("https://feeds.example/one.xml", "feed")
            store.add_source("https://feeds.example/two.xml", "feed")
            put = store.add_articles([incoming(1), incoming(2)], Stories(), now=NOW)
            assert [p.status for p in put] == ["new", "new"]
        yield a, b


def test_a_batch_has_the_outcome_of_storing_each_article_in_turn(stores):
    batched, single = stores
    items = [
        incoming(3, source_id=1),
        incoming(1, source_id=2),  # same URL, same text: unchanged, a second source
        incoming(2, text="The flood walls were raised again overnight. Crews stayed."),  # updated
        incoming(4, url="https://news.example/3", text=incoming(3).text),  # 3 again
        incoming(5, text=incoming(1).text),  # the text of 1 under another URL: unchanged
        incoming(6, link="https://feeds.example/item/6", source_id=1),  # an alias
        incoming(7, url=None),
        incoming(3, text="Report 3 was corrected: the walls held. Crews left."),  # 3 updated
        incoming(8, link="https://news.example/8"),  # its own URL: no alias
    ]
    joins = {6: 1}  # article 7 joins article 1's story
    placed = batched.add_articles(items, Stories(joins), now=NOW)
    expected = one_by_one(single, items, joins)
    assert placed == expected
    assert [p.status for p in placed] == [
        "new",
        "unchanged",
        "updated",
        "unchanged",
        "unchanged",
        "new",
        "new",
        "updated",
        "new",
    ]
    assert rows(batched) == rows(single)
    assert batched.knows_link("https://feeds.example/item/6")
    assert batched.search("corrected", now=NOW)  # found: in the full-text index


def test_new_articles_get_their_ids_and_stories_as_one_by_one(stores):
    batched, _ = stores
    stories = Stories({1: 3, 2: 3})  # 2nd and 3rd of the batch join the story of article 3
    placed = batched.add_articles([incoming(n) for n in (10, 11, 12)], stories, now=NOW)
    assert [p.id for p in placed] == [3, 4, 5]
    assert [p.story_id for p in placed] == [3, 3, 3]  # the first starts its own
    assert stories.ids == {0: 3, 1: 4, 2: 5}
    assert [a.story_id for a in (batched.get_article(i) for i in (3, 4, 5))] == [3, 3, 3]


def test_the_chooser_first_catches_up_with_what_others_stored(stores):
    batched, _ = stores
    stories = Stories()
    batched.add_articles([incoming(20)], stories, now=NOW)
    assert [a.id for a in stories.newer] == [1, 2]  # stored after article 0, by anyone


def test_an_empty_batch_stores_nothing(stores):
    batched, _ = stores
    assert batched.add_articles([], Stories(), now=NOW) == []
    assert batched.count_articles() == 2


def test_after_a_batch_an_article_stored_alone_takes_the_next_id(stores):
    """The batch gives its new articles their ids itself: the engine's own numbering
    (PostgreSQL's identity sequence) must carry on after them, not collide with them."""
    batched, _ = stores
    placed = batched.add_articles([incoming(30), incoming(31)], Stories(), now=NOW)
    assert [p.id for p in placed] == [3, 4]
    item = incoming(32)
    stored, status = batched.upsert_article(
        item.article, item.briefing, text=item.text, content_hash=item.content_hash, now=NOW
    )
    assert (stored.id, status) == (5, "new")
    assert [p.id for p in batched.add_articles([incoming(33)], Stories(), now=NOW)] == [6]


def test_a_batch_is_found_by_search_on_either_engine(stores):
    batched, _ = stores
    text = "The lighthouse keeper counted seventeen herons at dawn. Birders came."
    [placed] = batched.add_articles([incoming(40, text=text)], Stories(), now=NOW)
    assert [hit.story.id for hit in batched.search("herons", now=NOW)] == [placed.story_id]
    assert [hit.story.id for hit in batched.search("hero*", now=NOW)] == [placed.story_id]


def test_the_word_table_counts_each_article_once_per_word(stores):
    batched, _ = stores
    first = "Herons nested by the lighthouse. Herons fished at dawn."
    second = "The heron colony grew. Herons returned to the lighthouse."
    batched.add_articles([incoming(50, text=first), incoming(51, text=second)], Stories(), now=NOW)
    counts = dict(batched.execute("SELECT word, docs FROM words"))
    assert counts["herons"] == 2  # in both, twice in the first
    assert counts["heron"] == 1
    assert counts["harbour"] == 2  # the two articles of the fixture's first batch
    assert counts["flood"] == 4  # in every title: counted on in a later batch


def test_a_batchs_words_may_be_counted_beside_it(stores):
    """Ingest counts the words of its batches in transactions of their own: a batch given
    a counter fills it and leaves the words table alone, and ``count_words`` writes it."""
    batched, _ = stores
    before = dict(batched.execute("SELECT word, docs FROM words"))
    words: Counter[str] = Counter()
    text = "Herons nested by the lighthouse. Herons fished at dawn."
    batched.add_articles([incoming(60, text=text)], Stories(), now=NOW, words=words)
    assert words["herons"] == 1 and words["flood"] == 1
    assert dict(batched.execute("SELECT word, docs FROM words")) == before
    assert batched.search("hero*", now=NOW) == []  # no completion known yet
    batched.count_words(words)
    after = dict(batched.execute("SELECT word, docs FROM words"))
    assert after["herons"] == 1 and after["flood"] == before["flood"] + 1
    assert batched.search("hero*", now=NOW)


class FailingStories(Stories):
    """Fails when asked about article ``at``: a fault while the batch is being stored."""

    def __init__(self, at: int) -> None:
        super().__init__()
        self.at = at

    def choose(self, index: int) -> int | None:
        if index == self.at:
            raise RuntimeError("grouping failed")
        return None


def test_a_batch_that_fails_half_way_stores_nothing_and_the_store_goes_on(stores):
    batched, _ = stores
    items = [incoming(n, text=f"Report {n} on the walls. " * 400) for n in (70, 71, 72, 73)]
    with pytest.raises(RuntimeError, match="grouping failed"):
        batched.add_articles(items, FailingStories(at=3), now=NOW)
    assert batched.count_articles() == 2  # the three rows already sent are not kept
    placed = batched.add_articles(items, Stories(), now=NOW)
    assert [(p.id, p.status) for p in placed] == [(3, "new"), (4, "new"), (5, "new"), (6, "new")]


class WatchingStories(Stories):
    """Records, each time it is asked, how many rows of the batch's COPY the server has
    taken in so far (PostgreSQL's ``pg_stat_progress_copy``, read from another session)."""

    def __init__(self, location: str) -> None:
        super().__init__()
        self.location = location
        self.copied: list[int] = []

    def choose(self, index: int) -> int | None:
        import psycopg

        taken = 0
        with psycopg.connect(self.location, autocommit=True) as other:  # (its schema)
            for _ in range(100):  # the server takes a row in as soon as it arrives
                row = other.execute(
                    "SELECT max(tuples_processed) FROM pg_stat_progress_copy "
                    "WHERE relid = 'articles'::regclass"
                )
                taken = row.fetchone()[0] or 0
                if taken >= index or index == 0:
                    break
                time.sleep(0.05)
        self.copied.append(taken)
        return None


@pytest.mark.parametrize("url", ["default", None])
def test_postgresql_stores_each_new_row_while_the_next_is_grouped(stores, location, url):
    """The rows of a batch are sent as their stories are chosen, so that the server
    computes their search vectors meanwhile, not all after the grouping: in one COPY,
    articles without a URL too."""
    if not location.startswith("postgresql"):
        pytest.skip("PostgreSQL's own: SQLite inserts a batch's rows in one statement")
    batched, _ = stores
    items = [incoming(n, url=url, text=f"Report {n} on the walls. " * 2000) for n in range(80, 84)]
    watching = WatchingStories(location)
    placed = batched.add_articles(items, watching, now=NOW)
    assert [p.status for p in placed] == ["new"] * 4
    assert watching.copied[0] == 0 and watching.copied[1:] == [1, 2, 3]
    assert [hit.story.id for hit in batched.search("report 82", now=NOW)] == [placed[2].story_id]
