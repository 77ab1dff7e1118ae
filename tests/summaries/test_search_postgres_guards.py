"""PostgreSQL search's guards: a rare query's search of the whole index (way 1) keeps to
the GIN index and to the search's time budget, as the windows of way 3 do."""

from __future__ import annotations

import hashlib
import time
from datetime import timedelta

import pytest

from summaries.models import Article, Briefing
from summaries.store import Store, open_store, parse_query
from tests.summaries.test_search import FILLER, NOW, put


def _filler_articles(store: Store, count: int) -> list[int]:
    """``count`` articles that all hold FILLER, loaded at once, the table analyzed; their
    ids, oldest first."""
    rows = []
    for n in range(count):
        text = f"Item {n} was read out. {FILLER}"
        article = Article(
            title=f"Agenda {n}",
            text=text,
            url=f"https://harwickherald.example/agenda/{n}",
            source="Harwick Herald",
            published=NOW - timedelta(hours=count - n),
        )
        briefing = Briefing((f"Item {n} was read out.",), method="lead")
        rows.append((article, briefing, text, hashlib.sha256(text.encode()).hexdigest()))
    store.bulk_insert(rows, now=NOW)
    store.execute("ANALYZE articles")
    return [row[0] for row in store.execute("SELECT id FROM articles ORDER BY id")]


def test_postgresql_searches_the_whole_index_through_it_whatever_the_planner_thinks(
    location, monkeypatch
):
    """Way 1 (a query the words' counts call rare) reads the GIN index, not the newest
    rows one by one, though the planner, rightly here, expects most rows to match."""
    if not location.startswith("postgresql"):
        pytest.skip("PostgreSQL's own: the GIN index and the planner")
    import psycopg

    from summaries.store import postgres_dialect

    monkeypatch.setattr(postgres_dialect, "RARE", 1_000)  # a word in 2,000 articles: way 1
    with open_store(location) as store:
        ids = _filler_articles(store, 2_000)

        def searched_with_plans(c):
            notices: list[str] = []

            def heard(notice: psycopg.errors.Diagnostic) -> None:
                notices.append(notice.message_primary or "")

            c.raw.add_notice_handler(heard)
            c.execute("LOAD 'auto_explain'")  # the plan of each statement, as a notice
            c.execute(
                "SET LOCAL auto_explain.log_min_duration = 0; "
                "SET LOCAL auto_explain.log_level = 'notice'"
            )
            try:
                found = postgres_dialect.candidates(c, parse_query('"council met"'), 4, None)
            finally:
                c.raw.remove_notice_handler(heard)
            return [row[0] for row in found], notices

        found, notices = store._read(searched_with_plans)
        assert found == ids[::-1][:4]
        (plan,) = [one for one in notices if "ORDER BY a.id DESC LIMIT" in one]
        assert "Bitmap Index Scan on articles_search_blocks" in plan, plan
        assert "articles_pkey" not in plan and "Seq Scan" not in plan, plan


def test_postgresql_whole_index_search_past_its_budget_finds_nothing_without_error(
    location, caplog
):
    """Way 1 runs under the search's time budget: cancelled (here while it waits for a
    lock), it finds nothing, says so in the log, and the transaction goes on."""
    if not location.startswith("postgresql"):
        pytest.skip("PostgreSQL's own: the statement timeout of a search")
    import psycopg

    from summaries.store import postgres_dialect

    with open_store(location) as store:
        keeper = put(store, "Keeper retires", "The lighthouse keeper retired. " + FILLER)

        def search(c):
            c.execute("SET LOCAL lock_timeout = '2s'")  # a wait past the budget, never a hang
            tsq = postgres_dialect.tsquery(c, parse_query('"lighthouse keeper"'))[:2]
            found = postgres_dialect._everywhere(c, tsq, 4, None, time.perf_counter())
            return found, c.execute("SELECT 'still usable'").fetchone()[0]

        with psycopg.connect(location) as other:
            other.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE")
            with caplog.at_level("INFO", logger="summaries.store.search"):
                assert store._read(search) == ([], "still usable")
            other.rollback()
        assert "search over its" in caplog.text
        assert store._read(search) == ([keeper], "still usable")
