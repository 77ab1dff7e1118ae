"""Storing a batch of prepared articles in one transaction, as upserting each in turn would.

Every function takes an open connection inside the caller's write transaction (``SqlStore``),
and writes the same SQL on both engines; inserting many rows is the dialects' (see
``articles.insert_fresh``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Protocol

from summaries.models import Article, Briefing, StoredArticle
from summaries.store import aliases, articles, vocabulary
from summaries.store.connection import Connection
from summaries.store.times import to_db


@dataclass(frozen=True, slots=True)
class Incoming:
    """One article of a batch to store (see :func:`store_batch`)."""

    article: Article
    briefing: Briefing
    text: str
    content_hash: str
    source_id: int | None = None
    link: str | None = None  # the address it was fetched from, kept as an alias if not its URL
    language: str | None = None
    words: str | None = None  # its folded words, space-separated, if already found


@dataclass(frozen=True, slots=True)
class Placed:
    """Where an article of a batch went: its id, story and status (see ``STATUSES``)."""

    id: int
    story_id: int | None
    status: str


class BatchStories(Protocol):
    """Chooses the stories of a batch's new articles inside its write transaction."""

    def catch_up(self, newer: Callable[[int], list[StoredArticle]]) -> None:
        """Take in what other writers stored; ``newer(after)`` reads those after an id."""

    def choose(self, index: int) -> int | None:
        """The story of the batch's article ``index`` (None: one of its own)."""

    def placed(self, index: int, article_id: int, story_id: int) -> None:
        """Article ``index`` was stored new as ``article_id`` in story ``story_id``."""


def store_batch(
    conn: Connection,
    items: Sequence[Incoming],
    stories: BatchStories,
    now: datetime,
    words: Counter[str] | None = None,
) -> list[Placed]:
    """Store a batch inside the caller's transaction, with the outcome of upserting each
    item in turn with a story chooser (``articles.upsert``), and nothing read back. The
    words of its new articles are counted in ``words`` when given (for the caller to
    write with ``vocabulary.add``), else written in this transaction.

    New articles are inserted together at the end (one statement, so the full-text index
    and the word table are written once per batch, see ``articles.insert_fresh``), with
    the ids they would have had one by one; an item whose URL or hash meets one of them
    first has them inserted and goes through ``articles.upsert`` (an update, a duplicate).
    """
    stories.catch_up(lambda after: articles.added_after(conn, after))
    stamp = to_db(now)
    by_url = _known(conn, "url", [i.article.url for i in items if i.article.url is not None])
    by_hash = _known(conn, "content_hash", [i.content_hash for i in items])
    next_id = articles.last_id(conn) + 1
    fresh: list[tuple] = []
    fresh_keys: set[str] = set()  # URLs and hashes of the fresh rows not inserted yet
    counted: Counter[str] = Counter()  # the words of the fresh rows
    flush = partial(_flush_fresh, conn, fresh, counted, words)
    placed: list[Placed] = []
    urls: list[str | None] = []  # the URL each is stored under
    for index, item in enumerate(items):
        article, url, content_hash = item.article, item.article.url, item.content_hash
        if url in fresh_keys or content_hash in fresh_keys:  # met a fresh row: insert them
            flush()
            fresh_keys.clear()
        known = by_url.get(url) if url is not None else None
        same = by_hash.get(content_hash)
        if known is not None and known[1] == content_hash:
            found, stored_url = Placed(known[0], known[2], "unchanged"), known[3]
        elif known is None and same is not None:
            found, stored_url = Placed(same[0], same[2], "unchanged"), same[3]
        elif known is not None:  # the URL is stored with another text: upsert's rules
            story = stories.choose(index)
            result, status = articles.upsert(
                conn,
                article,
                item.briefing,
                text=item.text,
                content_hash=content_hash,
                source_id=item.source_id,
                story_id=story,
                now=now,
                language=item.language,
            )
            found, stored_url = Placed(result.id, result.story_id, status), result.url
            by_url[url] = (result.id, result.content_hash, result.story_id, result.url)
            by_hash[result.content_hash] = by_url[url]
        else:
            story = stories.choose(index)
            story = next_id if story is None else story
            fresh.append(
                articles.insert_values(
                    article,
                    item.briefing,
                    item.text,
                    content_hash,
                    item.source_id,
                    story,
                    stamp,
                    item.language,
                    article_id=next_id,
                )
            )
            if item.words is not None:
                counted.update(item.words.split())
            else:
                counted.update(
                    vocabulary.words_of(article.title, item.text, *item.briefing.sentences)
                )
            found, stored_url = Placed(next_id, story, "new"), url
            stories.placed(index, next_id, story)
            row = (next_id, content_hash, story, url)
            if url is not None:
                by_url[url] = row
                fresh_keys.add(url)
            by_hash[content_hash] = row
            fresh_keys.add(content_hash)
            next_id += 1
        placed.append(found)
        urls.append(stored_url)
    flush()
    conn.executemany(
        "INSERT INTO article_sources (article_id, source_id) VALUES (?, ?) "
        "ON CONFLICT DO NOTHING",
        [(p.id, i.source_id) for i, p in zip(items, placed, strict=True) if i.source_id],
    )
    for item, found, url in zip(items, placed, urls, strict=True):
        if item.link is not None and item.link != url:
            aliases.add(conn, item.link, found.id)
    return placed


def _known(conn: Connection, column: str, values: list[str]) -> dict[str, tuple]:
    """Stored articles by ``column`` (url or content_hash): (id, content_hash, story_id, url)."""
    found: dict[str, tuple] = {}
    unique = list(dict.fromkeys(values))
    for start in range(0, len(unique), articles.CHUNK):
        chunk = unique[start : start + articles.CHUNK]
        marks = ", ".join("?" * len(chunk))
        sql = (
            f"SELECT {column}, id, content_hash, story_id, url FROM articles "
            f"WHERE {column} IN ({marks})"
        )
        found.update((row[0], row[1:]) for row in conn.execute(sql, chunk))
    return found


def _flush_fresh(
    conn: Connection, fresh: list[tuple], counted: Counter[str], words: Counter[str] | None
) -> None:
    """Insert the fresh rows gathered so far (with their ids) and count their words: in
    ``words`` when given, else in the words table."""
    if fresh:
        articles.insert_fresh(conn, fresh, with_ids=True)
        if words is None:
            vocabulary.add(conn, counted)
        else:
            words.update(counted)
    fresh.clear()
    counted.clear()
