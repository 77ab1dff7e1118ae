"""Ingest: every due source fetched, each new article summarized, grouped and stored.

The loop only waits: fetching is async, parsing and summarizing go to the
process pool, the store is called from a worker thread. One source failing (an
unreachable host, a broken feed) is recorded against that source, with its retry
time, and never stops the others.

What one run may cost is capped: a feed gives at most ``max_entries`` entries (its
newest), and at most ``max_in_flight`` pieces of work that hold a fetched body or an
article (a feed being fetched and parsed; a page, a feed entry or a file being fetched
or read, extracted and summarized) are under way at once, so memory stays near
``max_in_flight`` times the fetcher's ``max_bytes`` however many sources and entries.

Feeds are read by :mod:`summaries.ingest.feed_reading`; the stored articles new ones are
grouped with are kept by :mod:`summaries.ingest.window`.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from summaries.clock import utc_now
from summaries.errors import BriefingError
from summaries.ingest.batches import Batches
from summaries.ingest.briefer import Backfill, StoryBriefer
from summaries.ingest.feed_reading import FeedReading
from summaries.ingest.pool import SummaryPool, SummaryTimeoutError, WorkerCrashedError
from summaries.ingest.prepare import (
    NotPreparedError,
    Prepared,
    UnreadableError,
    file_for_store,
    for_store,
    page_for_store,
)
from summaries.ingest.window import StoryWindow, WindowStories
from summaries.models import Article
from summaries.sources import Fetcher, is_due, list_folder, next_attempt
from summaries.sources.retry import GONE_SOURCE, is_gone
from summaries.store import Incoming, Placed, SourceRecord, Store, StoreError
from summaries.store.batches import GONE

log = logging.getLogger("briefing.ingest")

STORE_BATCH = 200  # prepared articles stored per transaction at most...
STORE_WAIT = 0.05  # ...and seconds the first of them waits for others being prepared

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest run did; ``problems`` are sentences for a person."""

    sources: int = 0
    fetched: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    problems: tuple[str, ...] = field(default=())
    batches: int = 0  # store transactions that stored articles
    stages: tuple[tuple[str, float], ...] = field(default=())  # seconds spent, by stage
    textless: int = 0  # feed entries found to hold no article text (neither new nor failed)

    def line(self) -> str:
        textless = self.textless
        return (
            f"{self.sources} source{'' if self.sources == 1 else 's'}: "
            f"{self.fetched} fetched, {self.new} new, "
            f"{self.updated} updated, {self.failed} failed"
        ) + (
            f", {textless} {'entry' if textless == 1 else 'entries'} without article text"
            if textless
            else ""
        )


class Ingest(FeedReading):
    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        pool: SummaryPool,
        *,
        window_hours: int = 72,
        max_entries: int = 100,
        max_in_flight: int | None = None,
        clock: Callable[[], datetime] = utc_now,
        progress: Progress | None = None,
        backfill: Backfill | None = None,
    ) -> None:
        """``max_in_flight`` defaults to the fetcher's own cap on fetches in flight;
        ``backfill`` is shared by the ingests of one process (its own when None)."""
        self.store = store
        self.fetcher = fetcher
        self.pool = pool
        self.max_entries = max_entries
        self._in_flight_cap = max_in_flight or fetcher.max_in_flight
        self._in_flight = asyncio.Semaphore(self._in_flight_cap)
        self.window = timedelta(hours=window_hours)
        self.clock = clock
        self.progress = progress or (lambda _event: None)
        self._stories = StoryBriefer(store, pool, clock, self.window, backfill or Backfill())
        self._words: Counter[str] = Counter()  # the stored batches' words, to count
        self._word_writer: asyncio.Task[None] | None = None
        self._counts: Counter[str] = Counter()
        self._stages: Counter[str] = Counter()  # seconds per stage of the current run
        self._problems: list[str] = []
        self.errors: dict[int, BriefingError] = {}  # why a source could not be read, last run
        self._window = StoryWindow(store, pool, self.window)
        self._preparing = 0  # articles being read or prepared, to be stored soon
        self._batches: Batches[_ToStore, Placed] = Batches(
            self._store_batch,
            max_items=STORE_BATCH,
            max_wait=STORE_WAIT,
            more_coming=lambda: self._preparing > 0,
        )

    async def run(self, sources: Sequence[SourceRecord], *, force: bool = False) -> IngestReport:
        """Read every source that is due (all of them with ``force``)."""
        now = self.clock()
        due = [s for s in sources if s.enabled and (force or is_due(s.next_attempt_at, now))]
        self._counts.clear()
        self._problems.clear()
        self._stages.clear()
        self.errors.clear()
        await self._window.start(now)
        filling = await self._stories.backfill(now)
        try:
            await asyncio.gather(*(self._source(source) for source in due))
            await self._stories.finish()  # the story briefings of the last batches
            if self._word_writer is not None:  # and their word counts
                await self._word_writer
        finally:
            if filling:
                self._stories.backfilled()
        c = self._counts
        return IngestReport(
            len(due),
            c["fetched"],
            c["new"],
            c["updated"],
            c["unchanged"],
            c["failed"],
            tuple(self._problems),
            c["batches"],
            tuple(sorted(self._stages.items())),
            c["textless"],
        )

    async def _source(self, source: SourceRecord) -> None:
        try:
            validators = await self._read(source)
        except BriefingError as error:
            self.errors[source.id] = error
            await self._failed_source(source, str(error), error)
        except Exception:  # a bug must not stop the other sources
            incident = uuid.uuid4().hex[:8]
            log.exception("incident %s while reading source %s", incident, source.url)
            await self._failed_source(source, f"unexpected error (incident {incident})")
        else:
            etag, last_modified = validators
            await self._record_fetch(
                source, ok=True, etag=etag, last_modified=last_modified, now=self.clock()
            )

    async def _record_fetch(self, source: SourceRecord, **fetch: Any) -> None:
        """Note how reading ``source`` went (``Store.record_fetch``); a source removed
        during the run stays removed (its id is never another's)."""
        try:
            await asyncio.to_thread(self.store.record_fetch, source.id, **fetch)
        except StoreError:
            if await asyncio.to_thread(self.store.get_source, source.id) is not None:
                raise
            log.info("source %d (%s) was removed during the run", source.id, source.url)

    async def _read(self, source: SourceRecord) -> tuple[str | None, str | None]:
        if source.kind == "feed":
            return await self._read_feed(source)
        if source.kind == "page":
            async with self._in_flight:
                result = await self.fetcher.get(
                    source.url, etag=source.etag, last_modified=source.last_modified
                )
                prepared = None
                if not result.not_modified:  # a page that cannot be read fails the source
                    prepared = await self._prepared(
                        source.url,
                        source,
                        page_for_store,
                        result,
                        self.pool.options,
                        source.language,
                    )
            if prepared is not None:
                await self._stored(source, prepared)
            return result.etag, result.last_modified
        if source.kind == "folder":
            root, paths, skipped = await asyncio.to_thread(list_folder, Path(source.url))
            for entry in skipped:
                self._problem(source, f"{entry.path.name}: {entry.reason}")
            # started as others end: a bounded number in flight, however many files
            await _bounded(
                (partial(self._file, source, root, path) for path in paths),
                self._in_flight_cap + STORE_BATCH,
            )
            return None, None
        raise BriefingError(f"Unknown kind of source {source.kind!r}.")

    async def _file(self, source: SourceRecord, root: Path, path: Path) -> None:
        """One file of a folder source, read and prepared in a worker (only its path goes
        there and only what the store keeps comes back), then stored."""
        async with self._in_flight, self._being_prepared():
            try:
                prepared = await self.pool.prepare_with(
                    file_for_store, path, root, self.pool.options, source.language
                )
            except UnreadableError as error:
                self._problem(source, str(error))
                return
            except BriefingError as error:
                self._counts["fetched"] += 1
                self._counts["failed"] += 1
                name = error.name if isinstance(error, NotPreparedError) else path.name
                self._problem(source, f"{name}: {error}")
                return
        self._counts["fetched"] += 1
        await self._stored(source, prepared)

    async def _article(
        self,
        source: SourceRecord,
        article: Article,
        *,
        link: str | None = None,
        feed_text: Article | None = None,
        upgrade: bool = False,
        no_text: Callable[[], None] | None = None,
        entry: str | None = None,
    ) -> None:
        """Summarize and store one article; ``link`` is the address it was fetched from,
        ``entry`` the id of the feed entry it came from (see ``store/entries.py``).
        When the article (a teaser's page) holds no article text, ``feed_text``, the
        entry as its feed tells it, is stored instead, if given; an ``upgrade`` of an entry
        stored from its feed's text leaves that text as it is; else ``no_text`` is told,
        if given (a feed's entry without article text: neither stored nor failed)."""
        if source.language:  # declared for the source: read in it, not detected
            article = replace(article, language=source.language)
        name = article.title or article.url or "an article"
        quiet = upgrade or feed_text is not None or no_text is not None
        try:
            prepared = await self._prepared(
                name, source, for_store, article, self.pool.options, quiet=quiet
            )
        except NotPreparedError as error:  # raised only when quiet: the page held no text
            if feed_text is not None:
                self._problem(source, f"{error.name}: {error} It is stored from the feed's text.")
                await self._article(source, feed_text, link=link, no_text=no_text, entry=entry)
            elif upgrade or no_text is None:
                log.info("page %s still unread: %s", link, error)
            else:
                no_text()
            return
        if prepared is not None:
            await self._stored(source, prepared, link=link, entry=entry)

    async def _prepared(
        self,
        name: str,
        source: SourceRecord,
        function: Callable[..., Prepared],
        *args: object,
        quiet: bool = False,
    ) -> Prepared | None:
        """``function(*args)`` in a worker: an article read and prepared, counted as fetched;
        None when it could not be summarized (counted, and said among the problems, under
        the article's title, else ``name``). Reading errors are the caller's; so, when
        ``quiet``, is a NotPreparedError for an article with no text (raised, not counted)."""
        async with self._being_prepared():
            try:
                prepared = await self.pool.prepare_with(function, *args)
            except (NotPreparedError, SummaryTimeoutError, WorkerCrashedError) as error:
                if quiet and isinstance(error, NotPreparedError) and error.empty:
                    raise
                self._counts["fetched"] += 1
                self._counts["failed"] += 1
                shown = error.name if isinstance(error, NotPreparedError) else name
                self._problem(source, f"{shown}: {error}")
                return None
        self._counts["fetched"] += 1
        return prepared

    @asynccontextmanager
    async def _being_prepared(self) -> AsyncIterator[None]:
        """Count an article as on its way to the store (a batch waits a moment for it)."""
        self._preparing += 1
        try:
            yield
        finally:
            self._preparing -= 1

    async def _stored(
        self,
        source: SourceRecord,
        prepared: Prepared,
        *,
        link: str | None = None,
        entry: str | None = None,
    ) -> None:
        """Store a prepared article with the others of its batch; count how it went."""
        status = (await self._batches.put(_ToStore(source.id, prepared, link, entry))).status
        if status == GONE:  # its source was removed during the run: not stored
            return
        self._counts[status] += 1
        self.progress(status)

    async def _store_batch(self, batch: list[_ToStore]) -> list[Placed]:
        """Group and store a batch in one transaction (its stories chosen inside it, after
        taking in what other ingests stored meanwhile: two ingests on one database at once
        then group as one would, and no story is split because each saw only its own)."""
        now = self.clock()
        dated = [not_after(item.prepared.article, now) for item in batch]
        times = [article.published or now for article in dated]
        for moment in times:  # as the store will have them
            await self._window.load_slices(moment)
        await self._window.catch_up()
        incoming = [
            Incoming(
                article,
                item.prepared.briefing,
                item.prepared.text,
                item.prepared.content_hash,
                item.source_id,
                item.link,
                item.prepared.language,
                item.prepared.words,
                item.entry,
            )
            for item, article in zip(batch, dated, strict=True)
        ]
        stories = WindowStories(self._window, [item.prepared for item in batch], times)
        started = time.perf_counter()
        words: Counter[str] = Counter()
        placed = await asyncio.to_thread(
            self.store.add_articles, incoming, stories, now=now, words=words
        )
        self._count_words(words)
        self._counts["batches"] += 1
        self._stages["grouping (CPU, in the write transaction)"] += stories.seconds
        self._stages["storing (wall, grouping aside)"] += (
            time.perf_counter() - started - stories.seconds
        )
        # the stories told by several articles that changed: briefed again, each once
        # however many batches changed it before its turn (it is read when briefed)
        self._stories.add(
            p.story_id or p.id
            for p in placed
            if p.status == "updated" or (p.status == "new" and p.story_id != p.id)
        )
        self._stories.add(p.left for p in placed if p.left is not None)  # told by fewer
        return placed

    def _count_words(self, words: Counter[str]) -> None:
        """Write the batches' word counts beside them, not in their transaction: one write
        at a time, each taking what the batches stored meanwhile added."""
        self._words.update(words)
        if self._words and (self._word_writer is None or self._word_writer.done()):
            self._word_writer = asyncio.create_task(self._write_words())

    async def _write_words(self) -> None:
        while self._words:
            words, self._words = self._words, Counter()
            try:
                await asyncio.to_thread(self.store.count_words, words)
            except BriefingError as error:  # the counts only order prefix completions
                log.warning("word counts of %d words not written: %s", len(words), error)

    async def _failed_source(
        self, source: SourceRecord, message: str, error: BriefingError | None = None
    ) -> None:
        """Note that ``source`` failed (with ``error``, when one of ours says why): tried
        again after the backoff, or the longer wait the failure asks for (see
        :func:`~summaries.sources.retry.wait_asked`)."""
        now = self.clock()
        if is_gone(error):
            message += GONE_SOURCE
        self._counts["failed"] += 1
        self._problem(source, message)
        await self._record_fetch(
            source,
            ok=False,
            error=message,
            next_attempt_at=next_attempt(source.failures + 1, now, error),
            now=now,
        )

    def _problem(self, source: SourceRecord, message: str) -> None:
        self._problems.append(f"{source.name or source.url}: {message}")


def not_after(article: Article, now: datetime) -> Article:
    """``article``, undated if it says it was published after ``now``, its fetch (a feed's
    wrong year or clock, "2100-01-01"): such a date would head every listing sorted by
    time and never age out of a digest; the fetch time stands in, as for an undated one."""
    if article.published is not None and article.published > now:
        return replace(article, published=None)
    return article


@dataclass(frozen=True, slots=True)
class _ToStore:
    source_id: int
    prepared: Prepared
    link: str | None
    entry: str | None = None  # the id of the feed entry it came from


async def _bounded(work: Iterable[Callable[[], Awaitable[None]]], limit: int) -> None:
    """Run each piece of ``work``, at most ``limit`` at once: each is started as another
    ends, so that thousands of files are not all under way (and in memory) together."""
    slots = asyncio.Semaphore(limit)

    async def one(step: Callable[[], Awaitable[None]]) -> None:
        try:
            await step()
        finally:
            slots.release()

    async with asyncio.TaskGroup() as group:
        for step in work:
            await slots.acquire()
            group.create_task(one(step))
