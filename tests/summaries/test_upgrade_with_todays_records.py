"""A database of schema 13, 17 or 20 opened by this bot, on both engines: in one upgrade
through the fold of 21, the record of textless feed entries (22), what was posted found by
story (23) and the pairs of half-width katakana (24), its Arabic and katakana articles are
found as typed today, a story posted before the upgrade stays posted (a digest leaves it
out), and removing a source with textless entries and posted stories takes the former and
keeps the latter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from summaries.doctor.database import check_server
from summaries.store import SCHEMA_VERSION, open_store
from summaries.store.times import to_db
from tests.old_databases import database_at, followed_with_digests

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
STAMP = to_db(NOW)
ARTICLES = [  # (title, text, source, search_terms as the old bot stored them)
    ("الكتاب الجديد", "صدر الكتاب الجديد عن تاريخ مستشفى المدينة القديم.", 1, ""),
    ("ｶﾀｶﾅの新聞", "ｶﾀｶﾅで書かれた記事が届いた。", 2, "の新 新聞 書か かれ れた 記事 事が が届"),
    ("Harbour strike ends", "The harbour strike ended after three days of talks.", 2, ""),
]


def _fill(execute: Callable[..., object]) -> None:
    """Two sources, followed; their articles (one story each); a channel that was posted
    the first and third stories."""
    for url in ("https://one.example/rss", "https://two.example/rss"):
        execute(
            "INSERT INTO sources (url, kind, added_at, operator) VALUES (?, 'feed', ?, 0)",
            (url, STAMP),
        )
    for number, (title, text, source, terms) in enumerate(ARTICLES, start=1):
        execute(
            "INSERT INTO articles (url, content_hash, title, source_id, fetched_at, "
            "updated_at, text, briefing, method, story_id, search_terms) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'lead', ?, ?)",
            (
                f"https://n.example/{number}",
                f"hash{number}",
                title,
                source,
                STAMP,
                STAMP,
                text,
                f'["{text}"]',
                number,
                terms,
            ),
        )
        execute(
            "INSERT INTO article_sources (article_id, source_id) VALUES (?, ?)", (number, source)
        )
    followed_with_digests(execute, [("discord:1", 1), ("discord:1", 2)], 1, STAMP)
    execute(
        "INSERT INTO posted (channel_id, story_id, digest_id, posted_at) "
        "VALUES ('discord:5', 3, 1, ?)",
        (STAMP,),
    )


def _found(store, query: str) -> list[int]:
    return sorted(hit.story.lead.id for hit in store.search(query, limit=10, now=NOW))


@pytest.mark.parametrize("version", [13, 17, 20])
def test_an_old_database_upgraded_to_the_latest_reads_writes_and_removes_as_a_new_one(
    location, version
):
    database_at(location, version, _fill)
    with open_store(location) as store:
        assert store.execute("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
        # search: the Arabic article found without its article, the half-width katakana one
        # by its katakana and as typed, and neither by a word it does not hold
        assert _found(store, "كتاب") == [1]
        assert _found(store, "الكتاب") == [1]
        assert _found(store, "カタカナ") == [2]
        assert _found(store, "ｶﾀｶﾅ") == [2]
        assert _found(store, "harbour") == [3]
        assert _found(store, "タカ") == [2]
        # posting: the stories posted before the upgrade are out, by story, and not again
        assert store.posted_story_ids("discord:5", [1, 2, 3]) == {1, 3}
        record = store.record_digest("discord:5", "2026-03-05", [1, 2, 3], NOW)
        assert record.story_ids == (2,)
        # textless entries of both sources, then the first source removed
        store.keep_textless(1, {"video/1": "v1"}, NOW)
        store.keep_textless(2, {"video/2": "v1"}, NOW)
        removal = store.remove_source(1)
        assert removal is not None and removal.deleted
        assert store.textless_entries(1) == {}
        assert store.textless_entries(2) == {"video/2": "v1"}
        assert store.execute("SELECT story_id FROM posted ORDER BY story_id") == [(1,), (3,)]
        assert store.posted_story_ids("discord:5") == {1, 3}  # its story still went out
        assert _found(store, "كتاب") == [1]  # the article stays, found, without its source
        # the dashboard's figures: the digest log, the new record newest; articles per day
        log = store.digest_log(["discord:5"])
        assert [(one.period, one.story_ids) for one in log][0] == ("2026-03-05", (2,))
        assert len(log) == 3
        assert store.posted_per_digest([1, 2, record.id]) == {1: 2, 2: 0, record.id: 0}
        assert store.articles_per_day([2], NOW - timedelta(days=1)) == {2: {NOW.date(): 2}}
    with open_store(location) as store:  # opened again: nothing left to do, nothing lost
        assert store.execute("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
        assert store.textless_entries(2) == {"video/2": "v1"}
        assert _found(store, "カタカナ") == [2]
    if location.startswith("postgresql"):
        found = check_server(location)
        assert (found.status, found.message) == ("ok", f"{location} answers and holds 3 articles.")
