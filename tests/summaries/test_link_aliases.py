"""Link aliases: a teaser whose page names another canonical URL is fetched once, not on
every ingest; and the schema migration that adds them."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from summaries.ingest import Ingest, IngestReport, SummaryPool
from summaries.models import Article, Briefing, SummaryOptions
from summaries.sources import Fetcher
from summaries.store import MIGRATIONS, SCHEMA_VERSION, Store, open_store
from summaries.store.migrate import migrate, schema_version
from tests.builders import news_article
from tests.fakes.feed_server import FeedServer

NOW = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
LINK = "/p/4711.html?utm_source=feed"  # what the feed links to
CANONICAL = "/news/2024/harwick-approves-flood-plan"  # what the page says it is


def teaser_feed(link: str) -> str:
    """An RSS feed with one entry that carries only a teaser of the story at ``link``."""
    item = (
        "<item><title>Harwick approves flood plan</title>"
        f"<link>{{base}}{escape(link)}</link><guid>{{base}}{escape(link)}</guid>"
        "<pubDate>Tue, 30 Apr 2024 09:00:00 GMT</pubDate>"
        "<description>The Harwick city council approved a new flood plan&#8230;</description>"
        "</item>"
    )
    channel = f"<channel><title>Harwick Herald</title><link>{{base}}/</link>{item}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def page_with_canonical(article: Article, canonical: str) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in article.text.split("\n\n"))
    return (
        f"<html><head><title>{escape(article.title)}</title>"
        f'<link rel="canonical" href="{{base}}{canonical}"></head><body>'
        f"<article><h1>{escape(article.title)}</h1>{paragraphs}</article></body></html>"
    )


async def ingest_once(store: Store) -> IngestReport:
    """One run of the real ingest: fetcher, process pool and store, every source read."""
    pool = SummaryPool(SummaryOptions(), workers=1, seconds=30)
    fetcher = Fetcher(allow_hosts=["127.0.0.1"], politeness=0, timeout=5)
    async with fetcher, pool:
        runner = Ingest(store, fetcher, pool, clock=lambda: NOW)
        return await runner.run(store.list_sources(), force=True)


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


@pytest.fixture
def store(location):
    with open_store(location) as opened:
        yield opened


def test_a_teaser_whose_page_names_another_canonical_url_is_fetched_only_once(server, store):
    server.route("/feed.xml", teaser_feed(LINK), "application/rss+xml")
    server.route(LINK.split("?")[0], page_with_canonical(news_article(), CANONICAL), "text/html")
    store.add_source(server.url("/feed.xml"), "feed", now=NOW)

    first = asyncio.run(ingest_once(store))
    assert (first.fetched, first.new, first.failed) == (1, 1, 0), first.problems
    assert server.paths().count(LINK) == 1
    (article,) = store.recent_articles(since=datetime(2000, 1, 1, tzinfo=UTC))
    assert article.url == server.url(CANONICAL)  # stored under the page's canonical URL
    assert "two metres" in article.text  # the page's full text, not the teaser
    assert store.find(url=server.url(LINK)) is None  # the link is not an article's URL...
    assert store.knows_link(server.url(LINK))  # ...but it is known

    server.reset_log()
    second = asyncio.run(ingest_once(store))
    assert server.paths() == ["/feed.xml"]  # the page is not requested again
    assert (second.fetched, second.new, second.updated, second.failed) == (0, 0, 0, 0)
    assert store.count_articles() == 1


# --- the store's side ------------------------------------------------------------------------


def row(n: int, url: str) -> tuple[Article, Briefing, str, str]:
    text = f"Harbour report {n} says the flood walls rose. Crews worked all night."
    return (
        Article(title=f"Flood walls report {n}", text=text, url=url),
        Briefing((text.split(". ")[0] + ".",), method="lead", source_sentences=2),
        text,
        hashlib.sha256(text.encode()).hexdigest(),
    )


def put(store: Store, n: int, url: str, link: str | None) -> int:
    article, briefing, text, content_hash = row(n, url)
    stored, _ = store.upsert_article(
        article, briefing, text=text, content_hash=content_hash, link=link, now=NOW
    )
    return stored.id


def aliases(store: Store) -> list[tuple]:
    return store.execute("SELECT link, article_id FROM link_aliases ORDER BY link")


def test_a_link_that_differs_from_the_stored_url_is_kept_as_an_alias(store):
    first = put(store, 1, "https://news.example/a", link="https://news.example/a?ref=rss")
    put(store, 2, "https://news.example/b", link="https://news.example/b")  # same: no alias
    put(store, 3, "https://news.example/c", link=None)
    assert aliases(store) == [("https://news.example/a?ref=rss", first)]
    assert store.knows_link("https://news.example/a?ref=rss")
    assert store.knows_link("https://news.example/a")  # an article's own URL
    assert store.knows_link("https://news.example/c")
    assert not store.knows_link("https://news.example/d")


def test_an_alias_follows_the_article_that_holds_the_text_and_goes_with_it(store):
    first = put(store, 1, "https://news.example/a", link=None)
    # the same text again from another page: stored once, the link points at that article
    article, briefing, text, content_hash = row(1, "https://news.example/a-copy")
    store.upsert_article(
        article, briefing, text=text, content_hash=content_hash, link="https://x.example/1", now=NOW
    )
    assert aliases(store) == [("https://x.example/1", first)]
    store.execute("DELETE FROM articles WHERE id = ?", (first,))
    assert aliases(store) == []  # ON DELETE CASCADE
    assert not store.knows_link("https://x.example/1")


# --- the migration ---------------------------------------------------------------------------


def test_a_schema_3_database_is_upgraded_and_keeps_its_data(tmp_path: Path):
    path = tmp_path / "v3.db"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert migrate(conn, MIGRATIONS[:3]) == (0, 3)
        conn.execute(
            "INSERT INTO articles (url, content_hash, title, fetched_at, updated_at, text, "
            "briefing, method) VALUES ('https://old.example/1', 'h1', 'Old harbour story', "
            "'2024-01-01T00:00:00.000000+00:00', '2024-01-01T00:00:00.000000+00:00', "
            "'The old harbour flooded.', '[\"The old harbour flooded.\"]', 'lead')"
        )
        conn.execute("INSERT INTO channels (id, platform) VALUES ('discord:1', 'discord')")
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
        assert "link_aliases" not in tables
    finally:
        conn.close()

    with open_store(path) as store:
        kept = store.find(url="https://old.example/1")
        assert kept is not None and kept.title == "Old harbour story"
        assert [c.id for c in store.list_channels()] == ["discord:1"]
        assert [h.story.lead.id for h in store.search("flooded", now=NOW)] == [kept.id]
        assert store.knows_link("https://old.example/1")
        assert not store.knows_link("https://old.example/1?ref=rss")
        put(store, 2, "https://new.example/2", link="https://new.example/2?ref=rss")
        assert store.knows_link("https://new.example/2?ref=rss")
    with sqlite3.connect(path) as conn:
        assert schema_version(conn) == SCHEMA_VERSION == len(MIGRATIONS)
