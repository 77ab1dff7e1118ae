"""Storing a batch of prepared articles in one transaction, as upserting each in turn would.

Every function takes an open connection inside the caller's write transaction (``SqlStore``),
and writes the same SQL on both engines; inserting many rows is the dialects' (see
``articles.article_stream``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from summaries.models import Article, Briefing, StoredArticle
from summaries.store import aliases, articles, entries, vocabulary
from summaries.store.connection import Connection
from summaries.store.times import to_db
from summaries.tracking import without_tracking


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
    entry: str | None = None  # the id its feed gives the entry it came from (see entries.py)


# the status of an article whose source was removed before its batch was stored: not stored
GONE = "gone"


@dataclass(frozen=True, slots=True)
class Placed:
    """Where an article of a batch went: its id, story and status (see ``STATUSES``;
    ``GONE``: not stored, id 0)."""

    id: int
    story_id: int | None
    status: str
    left: int | None = None  # the story an updated article left for ``story_id``, if any


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

    New articles are inserted together (one statement, so the full-text index and the
    word table are written once per batch, see ``articles.article_stream``), with the ids
    they would have had one by one, each sent as soon as its story is chosen: PostgreSQL
    computes its search vector while the next one is grouped. An item whose URL or hash
    meets one of them first has them stored and goes through ``articles.upsert`` (an
    update, a duplicate), as does an item whose URL (or, none being stored at its URL, the
    link it was fetched from) is stored with another text. An item at an address not
    stored whose feed entry was stored before (``entries.stored_as``) is that article at
    a new address: it moves there, updated as above if its text changed.
    """
    items = [_untracked(item) for item in items]
    stories.catch_up(lambda after: articles.added_after(conn, after))
    stamp = to_db(now)
    # by URL, and by the links they were fetched from (an article stored there moves)
    addresses = [a for i in items for a in (i.article.url, i.link) if a is not None]
    by_url = _known(conn, "url", addresses)
    by_hash = _known(conn, "content_hash", [i.content_hash for i in items])
    by_entry = entries.stored_as(
        conn, [(i.source_id, i.entry) for i in items if i.source_id and i.entry is not None]
    )
    next_id = articles.last_id(conn) + 1
    placed: list[Placed] = []
    urls: list[str | None] = []  # the URL each is stored under
    gone = _removed_sources(conn, items)
    with _FreshRows(conn, words) as fresh:
        for index, item in enumerate(items):
            if item.source_id in gone:  # removed while its feed was read: not stored
                placed.append(Placed(0, None, GONE))
                urls.append(None)
                continue
            article, url, content_hash = item.article, item.article.url, item.content_hash
            if url in fresh.keys or content_hash in fresh.keys or item.link in fresh.keys:
                fresh.flush()  # met a fresh row: store them
            known = by_url.get(url) if url is not None else None
            moved = False  # stored before at another address: moved to this one
            if known is None and item.link is not None and item.link != url:
                known = by_url.get(item.link)  # stored from where it was fetched
                # (with the tracking parameters it is stored without now)
                moved = known is not None and without_tracking(known[3]) == url
            if known is None and url is not None and item.source_id and item.entry is not None:
                known = _same_story(by_entry.get((item.source_id, item.entry)), item)
                moved = known is not None
            same = by_hash.get(content_hash)
            if known is not None and known[1] == content_hash:
                found, stored_url = Placed(known[0], known[2], "unchanged"), known[3]
                if moved and url is not None:
                    fresh.flush()
                    entries.move(conn, known[0], url)
                    by_url.pop(known[3], None)
                    by_url[url] = by_hash[content_hash] = (*known[:3], url)
                    stored_url = url
            elif known is None and same is not None:
                found, stored_url = Placed(same[0], same[2], "unchanged"), same[3]
            elif known is not None:  # the URL is stored with another text: upsert's rules
                story = stories.choose(index)
                fresh.flush()  # (a statement of its own: the fresh rows' stream ends first)
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
                    link=known[3] if moved else item.link,
                )
                left = known[2] if status == "updated" and known[2] != result.story_id else None
                found = Placed(result.id, result.story_id, status, left)
                stored_url = result.url
                if result.id == known[0] and result.url != known[3]:  # moved from the link
                    by_url.pop(known[3], None)
                now_known = (result.id, result.content_hash, result.story_id, result.url)
                by_url[url if url is not None else result.url] = now_known
                by_hash[result.content_hash] = now_known
            else:
                story = stories.choose(index)
                story = next_id if story is None else story
                row = articles.insert_values(
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
                if item.words is not None:
                    counted = item.words.split()
                else:
                    counted = vocabulary.words_of(
                        article.title, item.text, *item.briefing.sentences
                    )
                fresh.add(row, counted, (content_hash,) if url is None else (url, content_hash))
                found, stored_url = Placed(next_id, story, "new"), url
                stories.placed(index, next_id, story)
                known_row = (next_id, content_hash, story, url)
                if url is not None:
                    by_url[url] = known_row
                by_hash[content_hash] = known_row
                next_id += 1
            placed.append(found)
            urls.append(stored_url)
    conn.executemany(
        "INSERT INTO article_sources (article_id, source_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [
            (p.id, i.source_id)
            for i, p in zip(items, placed, strict=True)
            if i.source_id and p.status != GONE
        ],
    )
    for item, found, url in zip(items, placed, urls, strict=True):
        if item.link is not None and item.link != url and found.status != GONE:
            aliases.add(conn, item.link, found.id)
    entries.record(
        conn,
        [
            (item.source_id, item.entry, found.id)
            for item, found, url in zip(items, placed, urls, strict=True)
            if item.source_id
            and item.entry is not None
            and found.status != GONE
            and url is not None
            and url in (item.article.url, item.link)  # at its address
        ],
    )
    return placed


def _same_story(entry: tuple | None, item: Incoming) -> tuple | None:
    """The article an item's feed entry was stored as (``entries.stored_as``), when it
    has the item's title or text (a feed may give all its entries one id), as
    ``(id, content_hash, story_id, url)``."""
    if entry is None:
        return None
    title = articles.plain_fields(item.article)[0]
    return entry[:4] if entry[1] == item.content_hash or entry[4] == title else None


def _untracked(item: Incoming) -> Incoming:
    """The item at its address without tracking parameters (see ``articles.untracked``)."""
    article, link = articles.untracked(item.article, item.link)
    return item if article is item.article else replace(item, article=article, link=link)


def _removed_sources(conn: Connection, items: Sequence[Incoming]) -> set[int]:
    """The sources of ``items`` that are no longer stored (removed during an ingest run
    that read them): their articles are not stored, under no source or another's."""
    wanted = list({item.source_id for item in items if item.source_id is not None})
    marks = ", ".join("?" * len(wanted))
    found = (
        {row[0] for row in conn.execute(f"SELECT id FROM sources WHERE id IN ({marks})", wanted)}
        if wanted
        else set()
    )
    return set(wanted) - found


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


class _FreshRows:
    """A batch's new rows (each with its id), written as they are made through the
    engine's ``ArticleStream`` (PostgreSQL stores each while the next is grouped), and
    their words: counted in ``words`` when given, else in the words table, as each run of
    rows is finished. ``keys`` holds the URLs and hashes of the rows not finished yet."""

    def __init__(self, conn: Connection, words: Counter[str] | None) -> None:
        self._conn = conn
        self._words = words
        self._stream: articles.ArticleStream | None = None
        self._counted: Counter[str] = Counter()
        self.keys: set[str] = set()

    def add(self, row: tuple, words: Iterable[str], keys: Iterable[str]) -> None:
        if self._stream is None:
            self._stream = articles.article_stream(self._conn)
        self._stream.write(row)
        self._counted.update(words)
        self.keys.update(keys)

    def flush(self) -> None:
        """Finish the rows written so far: stored, and seen by the statements after."""
        if self._stream is None:
            return
        stream, self._stream = self._stream, None
        stream.close()
        if self._words is None:
            vocabulary.add(self._conn, self._counted)
        else:
            self._words.update(self._counted)
        self._counted.clear()
        self.keys.clear()

    def __enter__(self) -> _FreshRows:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: object
    ) -> None:
        if error is None:
            self.flush()
        elif self._stream is not None:  # the batch fails: its rows are dropped
            stream, self._stream = self._stream, None
            stream.abort(error)
