"""The SQLite store: schema and migrations, sources, articles, bulk loading, crash safety."""

from __future__ import annotations

import hashlib
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from summaries.errors import BriefingError
from summaries.models import Article, Briefing
from summaries.store import MIGRATIONS, SCHEMA_VERSION, SourceRecord, Store, StoreError, open_store
from summaries.store.migrate import migrate, schema_version, statements
from tests.postgres import sqlite_only

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)


def article(n: int, text: str | None = None, **fields) -> tuple[Article, Briefing, str, str]:
    """Article ``n`` with a briefing, its text and the text's hash, ready to store."""
    body = text or f"Harbour report {n} says the flood walls rose. Crews worked all night."
    first = body.split(". ")[0].rstrip(".") + "."
    values = {
        "title": f"Flood walls report {n}",
        "url": f"https://news.example/{n}",
        "source": "Harwick Herald",
    } | fields
    return (
        Article(text=body, **values),
        Briefing((first,), method="lead", source_sentences=2),
        body,
        hashlib.sha256(body.encode()).hexdigest(),
    )


def put(store: Store, row: tuple[Article, Briefing, str, str], now: datetime = NOW, **kw):
    story, briefing, text, content_hash = row
    return store.upsert_article(
        story, briefing, text=text, content_hash=content_hash, now=now, **kw
    )


@pytest.fixture
def store(location):
    with open_store(location) as opened:
        yield opened


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}


# --- schema and migrations ---------------------------------------------------------------------


def test_a_new_database_gets_every_table_at_the_current_version(tmp_path):
    path = tmp_path / "new.db"
    open_store(path).close()
    expected = {"sources", "articles", "articles_fts", "words", "channels", "digests", "posted"}
    assert expected <= tables(path)
    with sqlite3.connect(path) as conn:
        assert schema_version(conn) == SCHEMA_VERSION == len(MIGRATIONS)


def test_the_database_is_in_wal_mode_with_foreign_keys_on(store):
    sqlite_only(store, "journal mode and PRAGMAs")
    assert store.execute("PRAGMA journal_mode") == [("wal",)]
    assert store.execute("PRAGMA foreign_keys") == [(1,)]
    assert store.execute("PRAGMA busy_timeout")[0][0] >= 1000


def test_an_older_database_is_upgraded_on_open_and_keeps_its_data(tmp_path):
    path = tmp_path / "v1.db"
    with sqlite3.connect(path, isolation_level=None) as conn:  # schema 1, built by hand
        for statement in statements(MIGRATIONS[0]):
            conn.execute(statement)
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_version VALUES (1)")
        conn.execute(
            "INSERT INTO articles (url, content_hash, title, fetched_at, updated_at, text, "
            "briefing, method) VALUES ('https://old.example/1', 'h1', 'Old harbour story', "
            "'2024-01-01T00:00:00.000000+00:00', '2024-01-01T00:00:00.000000+00:00', "
            "'The old harbour flooded.', '[\"The old harbour flooded.\"]', 'lead')"
        )
    assert "channels" not in tables(path)

    with open_store(path) as store:
        kept = store.find(url="https://old.example/1")
        assert kept is not None and kept.title == "Old harbour story"
        assert kept.fetched == datetime(2024, 1, 1, tzinfo=UTC)
        assert [h.story.lead.id for h in store.search("flooded", now=NOW)] == [kept.id]
        store.execute("INSERT INTO channels (id, platform) VALUES ('discord:1', 'discord')")
    with sqlite3.connect(path) as conn:
        assert schema_version(conn) == SCHEMA_VERSION


def test_a_database_holding_only_the_old_job_store_is_upgraded_and_the_job_store_goes(tmp_path):
    path = tmp_path / "v0.db"
    with sqlite3.connect(path) as conn:  # the scheduler's job store came first, before schema 11
        conn.execute("CREATE TABLE apscheduler_jobs (id TEXT PRIMARY KEY)")
        conn.execute("INSERT INTO apscheduler_jobs VALUES ('digest:discord:1')")
    open_store(path).close()
    assert {"articles", "schema_version"} <= tables(path)
    assert "apscheduler_jobs" not in tables(path)  # the schedule is in the channels now


def test_a_newer_database_is_refused_with_a_clear_message_and_left_alone(tmp_path):
    path = tmp_path / "future.db"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError) as refused:
        open_store(path)
    assert str(refused.value) == (
        "This database was made by a newer version of the briefing bot "
        f"(schema {SCHEMA_VERSION + 1}; this version knows up to {SCHEMA_VERSION}). "
        "Upgrade the bot or use another database file."
    )
    assert isinstance(refused.value, BriefingError)
    with sqlite3.connect(path) as conn:
        assert schema_version(conn) == SCHEMA_VERSION + 1


def test_a_failing_migration_changes_nothing(tmp_path):
    path = tmp_path / "half.db"
    open_store(path).close()
    broken = [*MIGRATIONS, "CREATE TABLE extra (a);\nINSERT INTO no_such_table VALUES (1);"]
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, broken)
    assert schema_version(conn) == SCHEMA_VERSION
    assert "extra" not in {n for (n,) in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()


def test_statements_keeps_trigger_bodies_whole():
    split = statements(MIGRATIONS[0])
    triggers = [s for s in split if s.startswith("CREATE TRIGGER")]
    assert len(triggers) == 3
    assert all(t.rstrip(";").endswith("END") for t in triggers)


def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match="is not a briefing bot database"):
        open_store(path)


def test_a_missing_folder_gets_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "folder.db")


def test_a_closed_store_says_so(tmp_path):
    store = open_store(tmp_path / "closed.db")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.count_articles()


# --- sources -----------------------------------------------------------------------------------


def test_adding_a_source_twice_returns_the_first_unchanged(store):
    first = store.add_source(
        "https://feeds.example/rss", "feed", "Example", added_by="ana", now=NOW
    )
    again = store.add_source("https://feeds.example/rss", "page", "Other name", now=NOW)
    assert isinstance(first, SourceRecord)
    assert again == first and again.kind == "feed" and again.name == "Example"
    assert first.added_at == NOW and first.enabled and first.failures == 0
    assert store.list_sources() == [first]


def test_sources_are_found_by_url_or_id_and_removed(store):
    feed = store.add_source("https://feeds.example/rss", "feed")
    folder = store.add_source("/srv/articles", "folder")
    assert store.get_source(feed.id) == store.get_source(str(feed.id)) == feed
    assert store.get_source("/srv/articles") == folder
    assert [s.url for s in store.list_sources()] == ["https://feeds.example/rss", "/srv/articles"]
    assert store.remove_source("https://feeds.example/rss").deleted
    assert store.remove_source(feed.id) is None
    assert store.get_source(feed.id) is None
    assert store.list_sources() == [folder]


def test_an_unknown_source_kind_is_refused(store):
    with pytest.raises(StoreError, match="Unknown source kind 'podcast'"):
        store.add_source("https://x.example/", "podcast")


def test_record_fetch_counts_failures_and_a_success_resets_them(store):
    source = store.add_source("https://feeds.example/rss", "feed")
    ok = store.record_fetch(source.id, ok=True, etag='"v1"', last_modified="Wed, 01 May", now=NOW)
    assert ok.etag == '"v1"' and ok.last_ok_at == NOW and ok.failures == 0
    later = NOW + timedelta(hours=1)
    retry = later + timedelta(minutes=10)
    failed = store.record_fetch(
        source.id, ok=False, error="timed out", next_attempt_at=retry, now=later
    )
    failed = store.record_fetch(source.id, ok=False, error="HTTP 503", now=later)
    assert failed.failures == 2 and failed.last_error == "HTTP 503"
    assert failed.last_ok_at == NOW and failed.last_fetched_at == later
    assert failed.etag == '"v1"'  # kept for the next conditional GET
    back = store.record_fetch(source.id, ok=True, now=later + timedelta(hours=1))
    assert back.failures == 0 and back.last_error is None and back.etag == '"v1"'
    with pytest.raises(StoreError, match="no source number 999"):
        store.record_fetch(999, ok=True, now=NOW)


def test_removing_a_source_keeps_its_articles_unlinked(store):
    source = store.add_source("https://feeds.example/rss", "feed")
    stored, _ = put(store, article(1), source_id=source.id)
    assert store.execute("SELECT source_id FROM articles") == [(source.id,)]
    store.remove_source(source.id)
    assert store.execute("SELECT source_id FROM articles") == [(None,)]
    assert store.get_article(stored.id) is not None


# --- articles ----------------------------------------------------------------------------------


def test_a_new_article_is_stored_with_its_briefing_and_aware_times(store):
    published = datetime(2024, 4, 30, 22, 15, tzinfo=UTC)
    stored, status = put(store, article(1, published=published, author="Lina Ostrow"))
    assert status == "new"
    assert stored == store.get_article(stored.id)
    assert stored.briefing == ("Harbour report 1 says the flood walls rose.",)
    assert stored.method == "lead" and stored.source == "Harwick Herald"
    assert stored.published == published and stored.fetched == NOW
    assert stored.fetched.tzinfo is not None and stored.fetched.utcoffset() == timedelta(0)
    assert store.count_articles() == 1


def test_the_same_article_again_is_unchanged(store):
    first, _ = put(store, article(1))
    again, status = put(store, article(1), now=NOW + timedelta(hours=2))
    assert status == "unchanged" and again == first
    assert store.count_articles() == 1


def test_a_changed_article_is_updated_in_place_and_the_index_follows(store):
    first, _ = put(store, article(1, text="The harbour gates jammed in the storm. Crews came."))
    assert store.search("jammed", now=NOW)
    later = NOW + timedelta(hours=3)
    changed = article(1, text="The harbour gates reopened after repairs. Ships sailed in.")
    updated, status = put(store, changed, now=later, story_id=1)
    assert status == "updated"
    assert updated.id == first.id and updated.fetched == NOW  # first seen time is kept
    assert updated.text.startswith("The harbour gates reopened")
    assert updated.briefing == ("The harbour gates reopened after repairs.",)
    assert store.count_articles() == 1
    assert store.search("jammed", now=later) == []
    assert [h.story.lead.id for h in store.search("reopened", now=later)] == [first.id]


def test_the_same_text_under_another_url_is_not_stored_twice(store):
    first, _ = put(store, article(1))
    copy, status = put(store, article(1, url="https://mirror.example/copy"))
    assert status == "unchanged" and copy == first
    assert store.count_articles() == 1
    assert store.find(url="https://mirror.example/copy") is None


def test_an_article_without_url_is_deduplicated_by_its_text(store):
    first, status = put(store, article(1, url=None))
    again, second = put(store, article(1, url=None))
    assert (status, second) == ("new", "unchanged") and again.id == first.id


def test_find_looks_up_by_url_then_by_hash(store):
    row = article(1)
    stored, _ = put(store, row)
    assert store.find(url=row[0].url) == stored
    assert store.find(content_hash=row[3]) == stored
    assert store.find(url="https://nowhere.example/", content_hash=row[3]) == stored
    assert store.find(url="https://nowhere.example/") is None
    assert store.get_article(9999) is None


def test_recent_articles_are_those_fetched_since_newest_first(store):
    put(store, article(1, published=NOW - timedelta(days=3)), now=NOW - timedelta(days=2))
    put(store, article(2, published=NOW - timedelta(hours=5)), now=NOW)
    put(store, article(3), now=NOW + timedelta(hours=1))  # no published time: fetched counts
    put(store, article(4, published=NOW - timedelta(hours=1)), now=NOW)
    recent = store.recent_articles(NOW - timedelta(hours=1))
    assert [a.title for a in recent] == [
        "Flood walls report 3",
        "Flood walls report 4",
        "Flood walls report 2",
    ]
    assert [a.title for a in store.recent_articles(NOW, limit=1)] == ["Flood walls report 3"]


def test_articles_between_two_times_by_publication_else_fetch_time(store):
    """What story grouping reads around a new article: by the time it was published (or
    first fetched, when undated), however long ago it was fetched; served by an index."""
    put(store, article(1, published=NOW - timedelta(days=90)), now=NOW)  # a back catalogue
    put(store, article(2, published=NOW - timedelta(hours=5)), now=NOW - timedelta(days=9))
    put(store, article(3), now=NOW - timedelta(hours=2))  # undated: its fetch time
    put(store, article(4, published=NOW + timedelta(days=2)), now=NOW)
    found = store.articles_between(NOW - timedelta(days=1), NOW)
    assert [a.title for a in found] == ["Flood walls report 2", "Flood walls report 3"]
    assert store.articles_between(NOW - timedelta(days=91), NOW - timedelta(days=89))[0].id == 1
    assert store.last_article_id() == 4
    if store.engine != "sqlite":
        return  # the plan below is SQLite's; PostgreSQL's schema has the same index
    plan = store.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE coalesce(published_at, fetched_at) "
        ">= ? AND coalesce(published_at, fetched_at) < ?",
        ("a", "b"),
    )
    assert any("articles_by_time" in str(step) for step in plan)


def test_a_story_holds_its_articles_earliest_first(store):
    a, _ = put(store, article(1, published=NOW - timedelta(hours=1), source="Herald"))
    b, _ = put(store, article(2, published=NOW - timedelta(hours=9)))
    c, _ = put(store, article(3))
    store.set_story(a.id, b.id)
    store.set_story(b.id, b.id)
    story = store.get_story(b.id)
    assert [x.id for x in story.articles] == [b.id, a.id]
    assert story.lead.id == b.id and all(x.story_id == b.id for x in story.articles)
    assert [x.id for x in store.get_story(c.id).articles] == [c.id]  # alone: its own story
    with pytest.raises(StoreError, match="no story number 999"):
        store.get_story(999)
    with pytest.raises(StoreError, match="no article number 999"):
        store.set_story(999, 1)


# --- bulk loading ------------------------------------------------------------------------------


def snapshot(store: Store) -> list[tuple]:
    return store.execute("SELECT id, url, content_hash, title, text, briefing FROM articles")


def test_bulk_insert_ends_like_upserting_row_by_row(tmp_path):
    rows = [article(n) for n in range(30)]
    rows += [
        article(3),  # the same again: unchanged
        article(5, text="Harbour report 5 was corrected. The walls rose less."),  # updated
        article(7, url="https://mirror.example/7"),  # the same text elsewhere: unchanged
        article(40, url=None),
        article(40, url=None),  # a duplicate inside one batch
    ]
    with open_store(tmp_path / "one.db") as one, open_store(tmp_path / "bulk.db") as bulk:
        for row in rows:
            put(one, row)
        counts = bulk.bulk_insert(rows, batch=7, now=NOW)
        assert counts == {"new": 31, "updated": 1, "unchanged": 3}
        assert snapshot(bulk) == snapshot(one)
        assert bulk.search("corrected", now=NOW)[0].story.lead.url == "https://news.example/5"
        assert bulk.execute("SELECT * FROM words ORDER BY word") == one.execute(
            "SELECT * FROM words ORDER BY word"
        )
        assert_index_matches_content(bulk)


def assert_index_matches_content(store: Store) -> None:
    """The FTS index holds exactly the words of the article rows (rebuilt apart and compared).

    FTS5's own 'integrity-check' does not compare an external-content index with its
    table in SQLite 3.40, so build a second index from the rows and compare them.
    """
    store.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    store.execute("DROP TABLE IF EXISTS temp.check_fts")
    store.execute(
        "CREATE VIRTUAL TABLE temp.check_fts USING fts5 (title, text, briefing, "
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    store.execute(
        "INSERT INTO temp.check_fts (rowid, title, text, briefing) "
        "SELECT id, title, text, briefing FROM articles"
    )
    store.execute("CREATE VIRTUAL TABLE temp.v_live USING fts5vocab(main, articles_fts, instance)")
    store.execute("CREATE VIRTUAL TABLE temp.v_check USING fts5vocab(temp, check_fts, instance)")
    live = store.execute("SELECT term, doc, col, offset FROM temp.v_live ORDER BY 1, 2, 3, 4")
    check = store.execute("SELECT term, doc, col, offset FROM temp.v_check ORDER BY 1, 2, 3, 4")
    for name in ("v_live", "v_check", "check_fts"):
        store.execute(f"DROP TABLE temp.{name}")
    assert live == check and live


def test_the_index_check_notices_a_stale_index(store):
    sqlite_only(store, "the FTS5 index kept in step by triggers")
    put(store, article(1))
    store.execute("DROP TRIGGER articles_fts_update")
    store.execute("UPDATE articles SET title = 'Completely different words'")
    with pytest.raises(AssertionError):
        assert_index_matches_content(store)


# --- crash safety and threads --------------------------------------------------------------------

WRITER = """
import hashlib, sys
from datetime import UTC, datetime
from summaries.models import Article, Briefing
from summaries.store import open_store

store = open_store(sys.argv[1])
body = " ".join(f"Harbour crews logged gauge {k} overnight." for k in range(150))
for n in range(1_000_000):
    text = f"Marker zq{n} opened the report. " + body
    if n % 3 == 2:  # rewrite an earlier article: the update path
        text = f"Marker zq{n - 2} was revised again, round {n}. " + body
    url = f"https://news.example/{n - 2 if n % 3 == 2 else n}"
    briefing = Briefing((text.split(". ")[0] + ".",), "lead")
    store.upsert_article(
        Article(title=f"Report {n}", text=text, url=url), briefing, text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(), now=datetime.now(UTC),
    )
    print(n, flush=True)
"""


def test_killing_a_writer_mid_way_leaves_no_half_written_article(tmp_path):
    path = tmp_path / "crash.db"
    script = tmp_path / "writer.py"
    script.write_text(textwrap.dedent(WRITER))
    for round_ in range(2):
        writer = subprocess.Popen(
            [sys.executable, str(script), str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout is not None
        for _ in range(15 + 10 * round_):
            assert writer.stdout.readline(), "the writer died on its own"
        time.sleep(0.003 * round_)
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
        assert writer.returncode == -signal.SIGKILL

        with open_store(path) as store:
            assert store.execute("PRAGMA integrity_check") == [("ok",)]
            assert store.count_articles() >= 10
            assert store.execute(
                "SELECT count(*) FROM articles WHERE json_array_length(briefing) = 0 "
                "OR briefing NOT LIKE '%Marker zq%'"
            ) == [(0,)]
            assert_index_matches_content(store)


def test_threads_can_share_one_store(store):
    errors: list[BaseException] = []

    def work(start: int) -> None:
        try:
            for n in range(start, start + 25):
                put(store, article(n))
                store.search("harbour report", now=NOW)
                store.count_articles()
        except BaseException as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)

    threads = [threading.Thread(target=work, args=(k * 100,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.count_articles() == 100


@pytest.mark.parametrize("name", ["#999999999999999999999999", "²", "#", "12a", " 7 "])
def test_odd_source_names_are_simply_not_found(store, name):
    store.add_source("https://a.example/rss", "feed")
    assert store.get_source(name) is None
    assert store.remove_source(name) is None


def test_a_source_is_found_by_number_with_or_without_a_hash(store):
    record = store.add_source("https://a.example/rss", "feed")
    assert store.get_source(f"#{record.id}") == record == store.get_source(str(record.id))
