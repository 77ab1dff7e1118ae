"""``SqlStore``: the store's methods, written once for both engines.

Each method is one transaction: ``_write`` for those that change anything, ``_read`` for
those that only read (one snapshot). The engine classes (``SQLiteStore``,
``PostgresStore``) open the database, run those transactions and turn their driver's
errors into the store's own (``errors.py``); the modules they call write SQL both
engines read (see ``connection.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from itertools import islice
from types import TracebackType
from typing import TypeVar

from summaries.models import (
    EVERYTHING,
    Article,
    Briefing,
    Hit,
    Scope,
    StoredArticle,
    Story,
)
from summaries.store import (
    aliases,
    articles,
    batches,
    entries,
    search,
    sources,
    tenants,
    textless,
    vocabulary,
)
from summaries.store.connection import Connection, dialect
from summaries.store.dashboard import DashboardMethods
from summaries.store.delivery_methods import DeliveryMethods
from summaries.store.sources import Removal, SourceRecord
from summaries.store.tenant_methods import TenantMethods
from summaries.store.textless import MissingPage
from summaries.store.types import StoryChooser

T = TypeVar("T")


class SqlStore(TenantMethods, DashboardMethods, DeliveryMethods):
    """Sources, articles with their briefings, the full-text index, channel records."""

    engine: str
    path: str  # the database as shown to a person

    # --- lifetime and plumbing: the engine's -------------------------------------------------

    def close(self) -> None:
        raise NotImplementedError

    def _write(self, work: Callable[[Connection], T]) -> T:
        raise NotImplementedError

    def _read(self, work: Callable[[Connection], T]) -> T:
        raise NotImplementedError

    def _write_row(self, work: Callable[[Connection], T]) -> T:
        """A write of one row whose statement is whole by itself (its row lock suffices):
        an engine with a store-wide write lock may run it without."""
        return self._write(work)

    def execute(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Run one statement (``?`` placeholders) in its own transaction and return its
        rows: for tests and tools, never for the bot's own work."""
        return self._write(lambda c: _rows(c.execute(sql, params)))

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # --- sources -----------------------------------------------------------------------------

    def add_source(
        self,
        url: str,
        kind: str,
        name: str | None = None,
        added_by: str | None = None,
        *,
        now: datetime | None = None,
    ) -> SourceRecord:
        """Add one of the operator's feeds, pages or folders (config.toml, the command line);
        an URL already added is returned, now the operator's. Tenants use :meth:`subscribe`."""
        moment = now or datetime.now(UTC)
        return self._write(lambda c: sources.add_source(c, url, kind, name, added_by, moment))

    def set_source_language(self, source_id: int, language: str | None) -> SourceRecord:
        """Declare the language of a source's articles (None: detect each one's)."""
        return self._write(lambda c: sources.set_language(c, source_id, language))

    def move_source(self, source_id: int, url: str) -> bool:
        """A source has moved for good; see :func:`summaries.store.sources.move_source`."""
        return self._write(lambda c: sources.move_source(c, source_id, url))

    def sources_to_read(self) -> list[SourceRecord]:
        """The operator's sources and those some tenant subscribes to: what ingest fetches."""
        return self._read(sources.sources_to_read)

    def remove_source(self, url_or_id: str | int) -> Removal | None:
        """The operator removes a source (its articles stay); one of the operator's that
        tenants follow stays theirs. What it did, and to whom; None when there was none."""
        return self._write(lambda c: sources.remove_source(c, url_or_id))

    def list_sources(self) -> list[SourceRecord]:
        return self._read(sources.list_sources)

    def get_source(self, url_or_id: str | int) -> SourceRecord | None:
        """By URL, or by id (an int, or a string of digits)."""
        return self._read(lambda c: sources.get_source(c, url_or_id))

    def duplicate_sources(self) -> list[tuple[SourceRecord, SourceRecord]]:
        """Two sources of one feed; see :func:`summaries.store.sources.duplicate_sources`."""
        return self._read(sources.duplicate_sources)

    def record_fetch(
        self,
        source_id: int,
        *,
        ok: bool,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        next_attempt_at: datetime | None = None,
        now: datetime,
    ) -> SourceRecord:
        """Note how a fetch went; see :func:`summaries.store.sources.record_fetch`."""
        return self._write(
            lambda c: sources.record_fetch(
                c,
                source_id,
                ok=ok,
                error=error,
                etag=etag,
                last_modified=last_modified,
                next_attempt_at=next_attempt_at,
                now=now,
            )
        )

    # --- articles ----------------------------------------------------------------------------

    def upsert_article(
        self,
        article: Article,
        briefing: Briefing,
        *,
        text: str,
        content_hash: str,
        source_id: int | None = None,
        story_id: int | None = None,
        link: str | None = None,
        now: datetime,
        choose_story: StoryChooser | None = None,
        language: str | None = None,
    ) -> tuple[StoredArticle, str]:
        """Store an article, read in ``language``, in one transaction: ("new" | "updated" |
        "unchanged").

        See :func:`summaries.store.articles.upsert` for the rules. ``link`` is the address
        the article was fetched from; when the article is stored under another URL, the
        link is kept as its alias in the same transaction (see :meth:`knows_link`).

        ``choose_story``, when given, decides ``story_id`` inside the write transaction: it
        is handed a reader of the articles stored since a given one (by any process), so
        that what it compares with and the insert are one step that no other writer can
        come between; a new article it puts in no story starts its own.
        """

        def work(c: Connection) -> tuple[StoredArticle, str]:
            story = story_id
            if choose_story is not None:
                story = choose_story(lambda after: articles.added_after(c, after))
            result = articles.upsert(
                c,
                article,
                briefing,
                text=text,
                content_hash=content_hash,
                source_id=source_id,
                story_id=story,
                now=now,
                language=language,
                link=link,
            )
            if source_id is not None:
                articles.link_source(c, result[0].id, source_id)
            if choose_story is not None and result[1] == "new" and result[0].story_id is None:
                articles.set_story(c, result[0].id, result[0].id)
                result = (replace(result[0], story_id=result[0].id), "new")
            if link is not None and link != result[0].url:
                aliases.add(c, link, result[0].id)
            return result

        return self._write(work)

    def add_articles(
        self,
        items: Sequence[batches.Incoming],
        stories: batches.BatchStories,
        *,
        now: datetime,
        words: Counter[str] | None = None,
    ) -> list[batches.Placed]:
        """Store a batch of articles in one transaction, each as :meth:`upsert_article` with
        a story chooser would (``stories`` chooses, after catching up with other writers),
        without reading them back: their ids, stories and statuses, in order. With
        ``words``, the new articles' words are counted there, for :meth:`count_words`."""
        if not items:
            return []
        return self._write(lambda c: batches.store_batch(c, items, stories, now, words))

    def count_words(self, words: Counter[str]) -> None:
        """Add ``words`` (folded word -> articles) to the word counts of prefix search, in
        a transaction of their own: a statement whole by itself, and the counts only
        order completions."""
        if words:
            self._write_row(lambda c: vocabulary.add(c, words))

    def bulk_insert(
        self,
        rows: Iterable[tuple[Article, Briefing, str, str]],
        batch: int = 10_000,
        *,
        now: datetime | None = None,
    ) -> dict[str, int]:
        """Store many (article, briefing, text, content_hash) rows, one transaction per batch.

        The outcome is that of upserting each row in turn; returns the counts of
        "new", "updated" and "unchanged".
        """
        moment = now or datetime.now(UTC)
        totals = {status: 0 for status in articles.STATUSES}
        iterator = iter(rows)
        while chunk := list(islice(iterator, max(1, batch))):
            counts = self._write(lambda c, rows=chunk: articles.insert_many(c, rows, moment))
            for status, value in counts.items():
                totals[status] += value
        return totals

    def optimize(self) -> None:
        """Tidy the full-text index after a bulk load (takes a while)."""
        self._write(lambda c: dialect(c).optimize(c))

    def get_article(self, article_id: int) -> StoredArticle | None:
        return self._read(lambda c: articles.get_article(c, article_id))

    def find(self, url: str | None = None, content_hash: str | None = None) -> StoredArticle | None:
        """The article at this canonical URL, else the one with this content hash."""
        return self._read(lambda c: articles.find(c, url, content_hash))

    def knows_link(self, url: str) -> bool:
        """Whether an article is stored at ``url``, or was fetched from it (a link alias)."""
        return self._read(lambda c: aliases.knows(c, url))

    def swap_entry_links(self, source_id: int, links: dict[str, str]) -> int:
        """Move the articles that entries of ``links`` (entry: link) swap addresses for
        (see ``entries.swaps``); how many moved."""
        if not self._read(lambda c: entries.swaps(c, source_id, links)):
            return 0

        def work(conn: Connection) -> int:
            moves = entries.swaps(conn, source_id, links)
            entries.swap(conn, moves)
            return len(moves)

        return self._write(work)

    def record_entry_links(self, source_id: int, links: dict[str, str]) -> None:
        """Record each entry of ``links`` (entry: link) not recorded yet as the article at its
        link (see ``entries.unrecorded_links``)."""
        if links and self._read(lambda c: entries.unrecorded_links(c, source_id, links)):
            self._write(lambda c: entries.record(c, entries.unrecorded_links(c, source_id, links)))

    def textless_entries(self, source_id: int) -> dict[str, str]:
        """The source's feed entries read without article text (see store/textless.py)."""
        return self._read(lambda c: textless.textless_entries(c, source_id))

    def keep_textless(self, source_id: int, entries: dict[str, str], now: datetime) -> None:
        """The source's entries without article text are ``entries`` (id: version) now."""
        self._write(lambda c: textless.keep_textless(c, source_id, entries, now))

    def missing_pages(self, source_id: int) -> dict[str, MissingPage]:
        """The source's feed entries whose page answered that it is not there."""
        return self._read(lambda c: textless.missing_pages(c, source_id))

    def keep_missing(self, source_id: int, pages: dict[str, MissingPage]) -> None:
        """The source's entries whose page is missing are ``pages`` from now on."""
        self._write(lambda c: textless.keep_missing(c, source_id, pages))

    def articles_added_after(self, after_id: int) -> list[StoredArticle]:
        """Articles stored after article ``after_id`` (by any process), in that order."""
        return self._read(lambda c: articles.added_after(c, after_id))

    def recent_articles(
        self,
        since: datetime,
        limit: int | None = None,
        *,
        scope: Scope = EVERYTHING,
        texts: bool = True,
    ) -> list[StoredArticle]:
        """Articles first fetched at or after ``since`` that ``scope`` sees, newest
        (published, else fetched) first; without ``texts``, their texts are empty."""
        visible = tenants.visible_source_ids
        return self._read(
            lambda c: articles.recent(c, since, limit, visible(c, scope), texts=texts)
        )

    def articles_between(self, start: datetime, end: datetime) -> list[StoredArticle]:
        """Every article whose time (published, else first fetched) is in [start, end), by
        id: those story grouping compares a new article of that time with."""
        return self._read(lambda c: articles.between(c, start, end))

    def last_article_id(self) -> int:
        """The id of the latest article stored (0 when there is none)."""
        return self._read(articles.last_id)

    def set_story(self, article_id: int, story_id: int | None) -> None:
        """Put an article in a story (use the story's first article id as ``story_id``)."""
        self._write(lambda c: articles.set_story(c, article_id, story_id))

    def get_story(self, story_id: int, *, scope: Scope = EVERYTHING) -> Story:
        """A story with its articles that ``scope`` sees, earliest first (StoreError when
        there is none)."""
        return self._read(
            lambda c: articles.get_story(c, story_id, tenants.visible_source_ids(c, scope))
        )

    def count_articles(self) -> int:
        return self._read(articles.count)

    # --- search ------------------------------------------------------------------------------

    def search(
        self, query: str, *, limit: int = 5, now: datetime, scope: Scope = EVERYTHING
    ) -> list[Hit]:
        """The best ``limit`` stories for a user's keywords among what ``scope`` sees;
        never raises on odd input."""
        return self._read(
            lambda c: search.search(
                c, query, limit=limit, now=now, visible=tenants.visible_source_ids(c, scope)
            )
        )


def _rows(cursor: object) -> list[tuple]:
    """A statement's rows as tuples ([] for one that returns none)."""
    description = getattr(cursor, "description", None)
    if description is None:
        return []
    return [tuple(row) for row in cursor.fetchall()]  # type: ignore[attr-defined]
