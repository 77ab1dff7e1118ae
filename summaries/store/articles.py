"""Articles: insert, update in place, find, and read back as stories.

Every function takes an open connection; the caller (``Store``) holds the lock and
owns the transaction, so each upsert is one transaction with its FTS rows.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from summaries.cjk import search_terms
from summaries.models import Article, Briefing, StoredArticle, Story
from summaries.plaintext import plain_line, strip_unsafe
from summaries.store import digests, story_briefings, vocabulary
from summaries.store.connection import Connection, dialect
from summaries.store.errors import StoreError
from summaries.store.times import from_db, require, to_db, to_db_or_none
from summaries.tracking import without_tracking

STATUSES = ("new", "updated", "unchanged")

COLUMNS = (
    "id, title, url, source_name, published_at, fetched_at, text, briefing, method, "
    "content_hash, story_id, author, image, language"
)
# The same with each text left empty: for readers of briefings, which need no texts (a
# story's articles are read again whenever one joins it: their texts would be most of it).
COLUMNS_WITHOUT_TEXT = COLUMNS.replace(" text,", " '' AS text,")
# SQLite allows 32,766 host parameters since 3.32; stay far below for IN (...) lists.
CHUNK = 500


def stored(row: Sequence) -> StoredArticle:
    return StoredArticle(
        id=row[0],
        title=row[1],
        url=row[2],
        source=row[3],
        published=from_db(row[4]),
        fetched=require(row[5]),
        text=row[6],
        briefing=tuple(json.loads(row[7])),
        method=row[8],
        content_hash=row[9],
        story_id=row[10],
        author=row[11],
        image=row[12],
        language=row[13],
    )


def briefing_json(briefing: Briefing) -> str:
    # ensure_ascii=False: the FTS index tokenizes this text, and \u00e9 escapes would not match.
    return json.dumps([strip_unsafe(s) for s in briefing.sentences], ensure_ascii=False)


def get_article(conn: Connection, article_id: int) -> StoredArticle | None:
    row = conn.execute(f"SELECT {COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else stored(row)


def untracked(article: Article, link: str | None) -> tuple[Article, str | None]:
    """The article at its address without tracking parameters (see summaries.tracking),
    and the address it came from: ``link``, else the address as given when that had
    some, under which an article stored before them is found (and moved)."""
    url = article.url
    clean = without_tracking(url) if url is not None else None
    if clean == url:
        return article, link
    return replace(article, url=clean), link if link is not None else url


def find(
    conn: Connection, url: str | None = None, content_hash: str | None = None
) -> StoredArticle | None:
    """The article at ``url`` (without its tracking parameters, else as given: stored
    before they were taken off), else the one with ``content_hash``, else None."""
    if url is not None:
        for address in dict.fromkeys((without_tracking(url), url)):
            row = conn.execute(
                f"SELECT {COLUMNS} FROM articles WHERE url = ?", (address,)
            ).fetchone()
            if row is not None:
                return stored(row)
    if content_hash is not None:
        row = conn.execute(
            f"SELECT {COLUMNS} FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        if row is not None:
            return stored(row)
    return None


def insert_values(
    article: Article,
    briefing: Briefing,
    text: str,
    content_hash: str,
    source_id: int | None,
    story_id: int | None,
    stamp: str,
    language: str | None,
    *,
    article_id: int | None = None,
) -> tuple:
    """The row's values in ``_INSERT_COLUMNS`` order; with ``article_id``, that id first."""
    title, source, author = plain_fields(article)
    text = strip_unsafe(text)
    ids = () if article_id is None else (article_id,)
    return (
        *ids,
        article.url,
        content_hash,
        title,
        source_id,
        source,
        author,
        article.image,
        to_db_or_none(article.published),
        stamp,
        stamp,
        text,
        briefing_json(briefing),
        briefing.method,
        story_id,
        language,
        search_terms(f"{title}\n{text}"),
    )


def plain_fields(article: Article) -> tuple[str, str | None, str | None]:
    """The title, outlet and author as stored: plain text (see summaries.plaintext)."""
    return (
        plain_line(article.title),
        plain_line(article.source) or None,
        plain_line(article.author) or None,
    )


_INSERT_COLUMNS = (
    "url, content_hash, title, source_id, source_name, author, image, "
    "published_at, fetched_at, updated_at, text, briefing, method, story_id, language, "
    "search_terms"
)
_INSERT = f"INSERT INTO articles ({_INSERT_COLUMNS}) VALUES ({', '.join('?' * 16)}) RETURNING id"


def upsert(
    conn: Connection,
    article: Article,
    briefing: Briefing,
    *,
    text: str,
    content_hash: str,
    source_id: int | None,
    story_id: int | None,
    now: datetime,
    language: str | None = None,
    link: str | None = None,
) -> tuple[StoredArticle, str]:
    """Store one article, read in ``language``; the caller wraps this in a write transaction.

    - same URL, same hash: "unchanged";
    - same URL, new hash: "updated" in place (same id; the FTS row follows by trigger);
      the first fetch time is kept, the rest replaced, and the story as below;
    - no article at the URL, but one stored at ``link``, the address this one was fetched
      from (a teaser stored from its feed's text whose page now answers, at its own
      address): that article, "updated" in place as above, its URL now this one's;
    - no URL match but the same hash (same text under another URL, or no URL):
      "unchanged", and the article already stored is returned;
    - otherwise "new".

    An updated article moves to ``story_id`` (its fuller text may tell which story it is
    part of) only while neither story has gone out in a digest in any channel (posted, or
    recorded to be posted: :func:`digests.is_out`). Once its own has, the article stays in
    it: readers were shown it there, and moved into a story not yet posted it would be
    posted again, as part of another outlet's story. Once the other has, it stays too: that
    story is not posted again in a channel that had it, so joined to it the article would
    never reach that channel; in its own story it goes out in the next digest. Without
    ``story_id`` it stays too.
    """
    if not content_hash:
        raise StoreError("An article needs a content hash to be stored; this one had none.")
    article, link = untracked(article, link)
    stamp = to_db(now)
    by_url = find(conn, url=article.url) if article.url is not None else None
    if by_url is None and link is not None and link != article.url:
        by_url = find(conn, url=link)  # stored from where it was fetched: moved
    if by_url is not None:
        if by_url.content_hash == content_hash:
            return by_url, "unchanged"
        elsewhere = find(conn, content_hash=content_hash)
        if elsewhere is not None:
            # The new text is already stored under another URL: keep one copy of it.
            return elsewhere, "unchanged"
        title, source, author = plain_fields(article)
        text = strip_unsafe(text)
        conn.execute(
            "UPDATE articles SET url = coalesce(?, url), content_hash = ?, title = ?, "
            "source_id = coalesce(?, source_id), "
            "source_name = ?, author = ?, image = ?, published_at = coalesce(?, published_at), "
            "updated_at = ?, text = ?, briefing = ?, method = ?, "
            "story_id = ?, language = coalesce(?, language), "
            "search_terms = ? WHERE id = ?",
            (
                article.url,
                content_hash,
                title,
                source_id,
                source,
                author,
                article.image,
                to_db_or_none(article.published),
                stamp,
                text,
                briefing_json(briefing),
                briefing.method,
                updated_story(conn, by_url, story_id),
                language,
                search_terms(f"{title}\n{text}"),
                by_url.id,
            ),
        )
        updated = get_article(conn, by_url.id)
        assert updated is not None
        vocabulary.add(conn, _words(updated) - _words(by_url))
        return updated, "updated"
    by_hash = find(conn, content_hash=content_hash)
    if by_hash is not None:
        return by_hash, "unchanged"
    values = insert_values(
        article, briefing, text, content_hash, source_id, story_id, stamp, language
    )
    new = get_article(conn, int(conn.execute(_INSERT, values).fetchone()[0]))
    assert new is not None
    vocabulary.add(conn, _words(new))
    return new, "new"


def updated_story(conn: Connection, stored: StoredArticle, chosen: int | None) -> int | None:
    """The story of ``stored`` once updated: ``chosen`` unless none was chosen or either
    story has gone out in a digest (see :func:`upsert`)."""
    own = stored.story_id if stored.story_id is not None else stored.id
    if chosen is None or chosen == own:
        return stored.story_id
    return stored.story_id if digests.is_out(conn, own, chosen) else chosen


def _words(article: StoredArticle) -> set[str]:
    return vocabulary.words_of(article.title, article.text, *article.briefing)


def insert_many(
    conn: Connection,
    rows: Sequence[tuple[Article, Briefing, str, str]],
    now: datetime,
) -> dict[str, int]:
    """Store a batch inside the caller's transaction, with the same outcome as upserting
    each row in turn; returns how many rows were new, updated and unchanged.

    Rows that touch no stored or earlier URL or hash (all of them, in a fresh bulk
    load) go in together (see :func:`insert_fresh`); the rest then go through
    :func:`upsert` in their original order. Those can never be "new", so ids
    come out as in a row-by-row upsert.
    """
    stamp = to_db(now)
    stored_urls = _existing(conn, "url", [a.url for a, _, _, _ in rows if a.url is not None])
    stored_hashes = _existing(conn, "content_hash", [h for _, _, _, h in rows])
    seen_urls, seen_hashes = set(stored_urls), set(stored_hashes)
    fresh, later = [], []
    words: Counter[str] = Counter()
    for row in rows:
        article, briefing, text, content_hash = row
        if (article.url is not None and article.url in seen_urls) or content_hash in seen_hashes:
            later.append(row)
        else:
            fresh.append(
                insert_values(
                    article, briefing, text, content_hash, None, None, stamp, article.language
                )
            )
            words.update(vocabulary.words_of(article.title, text, *briefing.sentences))
        if article.url is not None:
            seen_urls.add(article.url)
        seen_hashes.add(content_hash)
    insert_fresh(conn, fresh)
    vocabulary.add(conn, words)
    counts = {"new": len(fresh), "updated": 0, "unchanged": 0}
    for article, briefing, text, content_hash in later:
        _, status = upsert(
            conn,
            article,
            briefing,
            text=text,
            content_hash=content_hash,
            source_id=None,
            story_id=None,
            now=now,
            language=article.language,
        )
        counts[status] += 1
    return counts


def insert_fresh(conn: Connection, values: Sequence[tuple]) -> None:
    """Insert rows of :func:`insert_values` together, the engine's fastest way (see the
    dialects' ``insert_articles``)."""
    dialect(conn).insert_articles(conn, _INSERT_COLUMNS, values)


class ArticleStream(Protocol):
    """Rows of :func:`insert_values`, each with its id, written into the engine's fastest
    insert as they are made, stored when closed (see the dialects' ``ArticleStream``), or
    dropped by ``abort`` when what was storing them failed."""

    def write(self, row: tuple) -> None: ...

    def close(self) -> None: ...

    def abort(self, error: BaseException) -> None: ...


def article_stream(conn: Connection) -> ArticleStream:
    """A stream of new rows with their ids (see :class:`ArticleStream`)."""
    stream: ArticleStream = dialect(conn).ArticleStream(conn, _INSERT_COLUMNS)
    return stream


def _existing(conn: Connection, column: str, values: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(values), CHUNK):
        chunk = values[start : start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT {column} FROM articles WHERE {column} IN ({marks})"
        found.update(value for (value,) in conn.execute(sql, chunk))
    return found


def recent(
    conn: Connection,
    since: datetime,
    limit: int | None,
    visible: Visible | None = None,
    *,
    texts: bool = True,
) -> list[StoredArticle]:
    """Articles first fetched at or after ``since``, newest (published, else fetched) first;
    only those ``visible`` sources carried, when given; without ``texts``, each with its
    text empty."""
    clause, params = visible_clause(visible)
    columns = COLUMNS if texts else COLUMNS_WITHOUT_TEXT
    sql = (
        f"SELECT {columns} FROM articles WHERE fetched_at >= ? AND {clause} "
        "ORDER BY coalesce(published_at, fetched_at) DESC, id DESC"
    )
    params = [to_db(since), *params]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(max(0, limit))
    return [stored(row) for row in conn.execute(sql, params)]


def link_source(conn: Connection, article_id: int, source_id: int) -> None:
    """Record that ``source_id`` carried the article (the same article may come by several)."""
    conn.execute(
        "INSERT INTO article_sources (article_id, source_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        (article_id, source_id),
    )


@dataclass(frozen=True, slots=True)
class Visible:
    """Which articles a reader sees: those its ``sources`` carried, and with ``unsourced``
    those no source is recorded for (bulk loads, articles of a source since removed),
    which count as the operator's."""

    sources: tuple[int, ...]
    unsourced: bool


def visible_clause(visible: Visible | None, column: str = "articles.id") -> tuple[str, list]:
    """An SQL condition (and its parameters) keeping the articles ``visible`` allows;
    ``("TRUE", [])`` when ``visible`` is None (every article). Checked row by row through the
    ``article_sources`` primary key, so its cost follows the rows read, not the archive."""
    if visible is None:
        return "TRUE", []
    parts, params = [], list(visible.sources)
    if visible.sources:
        marks = ", ".join("?" * len(visible.sources))
        parts.append(
            f"EXISTS (SELECT 1 FROM article_sources x WHERE x.article_id = {column} "
            f"AND x.source_id IN ({marks}))"
        )
    if visible.unsourced:
        parts.append(f"NOT EXISTS (SELECT 1 FROM article_sources x WHERE x.article_id = {column})")
    return ("(" + " OR ".join(parts) + ")" if parts else "FALSE"), params


def added_after(conn: Connection, after_id: int) -> list[StoredArticle]:
    """Articles stored after article ``after_id`` (by anyone)."""
    sql = f"SELECT {COLUMNS} FROM articles WHERE id > ? ORDER BY id"
    return [stored(row) for row in conn.execute(sql, (after_id,))]


def between(conn: Connection, start: datetime, end: datetime) -> list[StoredArticle]:
    """Articles whose time (published, else first fetched) is in [start, end), by id."""
    sql = (
        f"SELECT {COLUMNS} FROM articles WHERE coalesce(published_at, fetched_at) >= ? "
        "AND coalesce(published_at, fetched_at) < ? ORDER BY id"
    )
    return [stored(row) for row in conn.execute(sql, (to_db(start), to_db(end)))]


def last_id(conn: Connection) -> int:
    """The id of the latest article stored (0 when there is none)."""
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])


def set_story(conn: Connection, article_id: int, story_id: int | None) -> None:
    changed = conn.execute(
        "UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id)
    ).rowcount
    if not changed:
        raise StoreError(f"There is no article number {article_id}; it may have been removed.")


def _order(articles: Iterable[StoredArticle]) -> tuple[StoredArticle, ...]:
    """Story order: earliest (published, else fetched) first, then the longer briefing."""
    return tuple(
        sorted(
            articles,
            key=lambda a: (a.published or a.fetched, -len(" ".join(a.briefing)), a.id),
        )
    )


def stories(
    conn: Connection,
    story_ids: Sequence[int],
    visible: Visible | None = None,
    *,
    texts: bool = True,
) -> dict[int, Story]:
    """The stories with these ids, each with all its articles (only those ``visible``
    sources carried, when given: a story none of them carried is left out); without
    ``texts``, each article's text is empty.

    An article without a story is a story of its own whose id is the article's id
    (grouping should therefore use a story's first article id as its ``story_id``).
    """
    members: dict[int, list[StoredArticle]] = {}
    shown, shown_params = visible_clause(visible)
    columns = COLUMNS if texts else COLUMNS_WITHOUT_TEXT
    for start in range(0, len(story_ids), CHUNK):
        chunk = list(story_ids[start : start + CHUNK])
        marks = ", ".join("?" * len(chunk))
        sql = (
            f"SELECT {columns} FROM articles WHERE story_id IN ({marks}) AND {shown} "
            f"UNION ALL SELECT {columns} FROM articles WHERE id IN ({marks}) "
            f"AND story_id IS NULL AND {shown}"
        )
        for row in conn.execute(sql, chunk + shown_params + chunk + shown_params):
            article = stored(row)
            key = article.story_id if article.story_id is not None else article.id
            members.setdefault(key, []).append(article)
    found_stories = {key: Story(id=key, articles=_order(found)) for key, found in members.items()}
    return story_briefings.attach(conn, found_stories)


def get_story(conn: Connection, story_id: int, visible: Visible | None = None) -> Story:
    found = stories(conn, [story_id], visible).get(story_id)
    if found is None:
        raise StoreError(f"There is no story number {story_id}; it may have been removed.")
    return found


def count(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
