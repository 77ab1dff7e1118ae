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
from summaries.errors import BriefingError, EmptyArticleError
from summaries.grouping import Fingerprint, StoryGrouper
from summaries.ingest.batches import Batches
from summaries.ingest.briefer import Backfill, StoryBriefer
from summaries.ingest.pool import SummaryPool, SummaryTimeoutError, WorkerCrashedError
from summaries.ingest.prepare import (
    NotPreparedError,
    Prepared,
    UnreadableError,
    file_for_store,
    fingerprints,
    for_store,
    page_for_store,
)
from summaries.ingest.upgrade import from_feed_text, is_fuller, moved_up, try_due
from summaries.models import Article, StoredArticle
from summaries.sources import (
    Feed,
    FeedEntry,
    Fetcher,
    FetchError,
    article_for_entry,
    entry_article,
    fetch_feed,
    is_due,
    is_teaser,
    is_temporary,
    list_folder,
    next_attempt,
    refused_move,
    stands_alone,
)
from summaries.store import CONFIGURED, Incoming, Placed, SourceRecord, Store, StoreError
from summaries.store.batches import GONE

log = logging.getLogger("briefing.ingest")

WINDOW_BATCH = 500  # stored articles fingerprinted per worker call (a tenth of a second)
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

    def line(self) -> str:
        return (
            f"{self.sources} source{'' if self.sources == 1 else 's'}: "
            f"{self.fetched} fetched, {self.new} new, "
            f"{self.updated} updated, {self.failed} failed"
        )


class Ingest:
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
        self._grouper = StoryGrouper(window=self.window)
        self._loaded: set[int] = set()  # the grouper's time slices read from the store
        self._seen_up_to = 0  # every article up to this id in a loaded slice is in the grouper
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
        await self._start_window(now)
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
        )

    async def _start_window(self, now: datetime) -> None:
        """Start with the articles published around ``now``, the time of most new articles;
        those of other times come in as the articles that need them do."""
        self._grouper = StoryGrouper(window=self.window)
        self._loaded = set()
        # before any slice is read: what is stored later is taken in by _catch_up
        self._seen_up_to = await asyncio.to_thread(self.store.last_article_id)
        await self._load_slices(now)

    async def _load_slices(self, moment: datetime) -> None:
        """Put every stored article published around ``moment`` (fetched, when undated) in
        the grouper: those a new article of that time is compared and weighed with, however
        long ago they were fetched. Each time slice is read from the store once per run;
        the fingerprints are made in workers (this process does not load the stemmers)."""
        for number in self._grouper.slices_around(moment):
            if number in self._loaded:
                continue
            self._loaded.add(number)
            bounds = self._grouper.slice_bounds(number)
            stored = await asyncio.to_thread(self.store.articles_between, *bounds)
            stored = self._wanted(stored, every=True)
            for start in range(0, len(stored), WINDOW_BATCH):
                batch = stored[start : start + WINDOW_BATCH]
                self._take_in(batch, await self.pool.run(fingerprints, *self._texts(batch)))

    async def _catch_up(self) -> None:
        """Take in what other ingests stored since this one last looked (fingerprinted in a
        worker), so that the write transaction seldom has anything left to take in."""
        newer = await asyncio.to_thread(self.store.articles_added_after, self._seen_up_to)
        self._seen_up_to = max([self._seen_up_to, *(article.id for article in newer)])
        wanted = self._wanted(newer)
        if wanted:
            self._take_in(wanted, await self.pool.run(fingerprints, *self._texts(wanted)))

    def _catch_up_now(self, newer: Sequence[StoredArticle]) -> None:
        """``_catch_up`` inside the write transaction, in a thread that waits for a worker:
        only what was stored in the last moment is left by then."""
        self._seen_up_to = max([self._seen_up_to, *(article.id for article in newer)])
        wanted = self._wanted(newer)
        if wanted:
            self._take_in(wanted, self.pool.call(fingerprints, *self._texts(wanted)))

    def _wanted(
        self, stored: Sequence[StoredArticle], *, every: bool = False
    ) -> list[StoredArticle]:
        """Those of ``stored`` the grouper lacks, of loaded slices (or ``every`` one): those
        of other times come in with their slice, if it is ever needed."""
        grouper = self._grouper
        return [
            article
            for article in stored
            if article.id not in grouper
            and (every or grouper.slice_of(article.published or article.fetched) in self._loaded)
        ]

    def _texts(
        self, stored: Sequence[StoredArticle]
    ) -> tuple[list[tuple[str, str, str | None]], str]:
        """The arguments of ``fingerprints`` for ``stored``."""
        texts = [(article.title, article.text, article.language) for article in stored]
        return texts, self.pool.options.language

    def _take_in(self, stored: Sequence[StoredArticle], keys: Sequence[Fingerprint]) -> None:
        for article, key in zip(stored, keys, strict=True):
            at = article.published or article.fetched
            self._grouper.add(article.id, article.story_id or article.id, key, at)

    async def _source(self, source: SourceRecord) -> None:
        try:
            validators = await self._read(source)
        except BriefingError as error:
            self.errors[source.id] = error
            await self._failed_source(source, str(error))
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

    async def _read_feed(self, source: SourceRecord) -> tuple[str | None, str | None]:
        async with self._in_flight:  # let go before the entries take their own turns
            update = await fetch_feed(
                self.fetcher,
                source.url,
                etag=source.etag,
                last_modified=source.last_modified,
                max_entries=self.max_entries,
                run=self.pool.run,
            )
        if update.moved_to is not None and update.moved_to != source.url:
            await self._moved(source, update.moved_to)
        if update.feed is None:
            return update.etag, update.last_modified
        feed = update.feed
        if feed.problem:  # read all the same: said, so that the entries it lost are known
            self._problem(
                source, f"what could be read of the feed was read; it is malformed: {feed.problem}"
            )
        if feed.left_out:
            log.info(
                "feed %s: reading its newest %d entries of %d",
                source.url,
                len(feed.entries),
                len(feed.entries) + feed.left_out,
            )

        retry: list[FeedEntry] = []  # teasers whose page may answer at a later read

        async def entry(item: FeedEntry) -> None:
            followed = item.link if is_teaser(item) else None  # the page gives the text
            async with self._in_flight:
                upgrading: StoredArticle | None = None
                try:
                    # a teaser already followed once: its page is stored, under the link or
                    # (when the page names another canonical URL) with the link as its alias;
                    # stored from the feed's text, its page is asked for again (see upgrade)
                    if followed and await asyncio.to_thread(self.store.knows_link, followed):
                        upgrading = await self._from_feed_text(item, followed, source)
                        if upgrading is None:
                            return
                    article = await article_for_entry(self.fetcher, item, feed, run=self.pool.run)
                except BriefingError as error:
                    if upgrading is not None:  # the feed's text stays
                        log.info("page %s still unread: %s", followed, error)
                        return
                    article = self._page_failed(source, item, feed, error, retry)
                    if article is None:
                        return
                if upgrading is not None:
                    if not is_fuller(article, upgrading) or moved_up(article.url, followed):
                        return
                    article = replace(article, url=upgrading.url)  # replaced in place
                await self._article(source, article, link=followed)

        await asyncio.gather(*(entry(item) for item in feed.entries))  # newest first
        if retry:  # the feed is read whole again next time, not answered "not modified"
            return None, None
        return update.etag, update.last_modified

    async def _moved(self, source: SourceRecord, url: str) -> None:
        """The source's feed answered 301 / 308: read at ``url`` from now on. A source
        named in config.toml keeps its address (config.toml would add the old one again):
        the run says where it went. One whose new address another source has is kept too."""
        refused = refused_move(source.url, url)
        if refused is not None:
            self._problem(source, f"it says it has moved for good; it keeps its address: {refused}")
            return
        if source.added_by == CONFIGURED:
            self._problem(source, f"it has moved for good to {url}; change it in config.toml")
            return
        if await asyncio.to_thread(self.store.move_source, source.id, url):
            log.info("source %d moved for good from %s to %s", source.id, source.url, url)
        elif await asyncio.to_thread(self.store.get_source, source.id) is not None:
            # (one removed during the run has nothing to move; its fetch says it is gone)
            log.warning(
                "source %d (%s) moved for good to %s, which another source reads: both kept",
                source.id,
                source.url,
                url,
            )

    def _page_failed(
        self,
        source: SourceRecord,
        item: FeedEntry,
        feed: Feed,
        error: BriefingError,
        retry: list[FeedEntry],
    ) -> Article | None:
        """What is left of an entry whose article could not be read: when its page failed
        for a while (``is_temporary``), nothing now (it joins ``retry``); when the page is
        gone for good, the feed's own text if it tells the news on its own; else nothing."""
        name = item.title or item.link
        if is_temporary(error) and self._may_retry(item):
            retry.append(item)
            self._counts["failed"] += 1
            self._problem(source, f"{name}: {error} It is tried again at the next read.")
            return None
        if isinstance(error, (FetchError, EmptyArticleError)) and stands_alone(item):
            self._problem(source, f"{name}: {error} It is stored from the feed's text.")
            return entry_article(item, feed)
        self._counts["failed"] += 1
        self._problem(source, f"{name}: {error}")
        return None

    async def _from_feed_text(
        self, item: FeedEntry, link: str, source: SourceRecord
    ) -> StoredArticle | None:
        """The article stored at ``link`` from the entry's feed text, if its page may be
        asked for again now (dated within the window, and a try due since the source's
        previous read: see :mod:`summaries.ingest.upgrade`)."""
        if not self._may_retry(item):
            return None
        stored = await asyncio.to_thread(self.store.find, url=link)
        if stored is None or not from_feed_text(stored, item):
            return None
        return stored if try_due(stored.fetched, source.last_fetched_at, self.clock()) else None

    def _may_retry(self, item: FeedEntry) -> bool:
        """Whether a teaser whose page failed for a while is asked for again at the next
        read: only while its entry is dated within the window. Every such read takes the
        whole feed again, so a page that never answers must not hold it open for ever;
        past the window the entry would not be briefed anyway, and an undated one gives no
        bound at all, so either is taken as gone for good."""
        published = item.published
        return published is not None and published > self.clock() - self.window

    async def _article(
        self, source: SourceRecord, article: Article, *, link: str | None = None
    ) -> None:
        """Summarize and store one article; ``link`` is the address it was fetched from."""
        if source.language:  # declared for the source: read in it, not detected
            article = replace(article, language=source.language)
        name = article.title or article.url or "an article"
        prepared = await self._prepared(name, source, for_store, article, self.pool.options)
        if prepared is not None:
            await self._stored(source, prepared, link=link)

    async def _prepared(
        self, name: str, source: SourceRecord, function: Callable[..., Prepared], *args: object
    ) -> Prepared | None:
        """``function(*args)`` in a worker: an article read and prepared, counted as fetched;
        None when it could not be summarized (counted, and said among the problems, under
        the article's title, else ``name``). Reading errors are the caller's."""
        async with self._being_prepared():
            try:
                prepared = await self.pool.prepare_with(function, *args)
            except (NotPreparedError, SummaryTimeoutError, WorkerCrashedError) as error:
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
        self, source: SourceRecord, prepared: Prepared, *, link: str | None = None
    ) -> None:
        """Store a prepared article with the others of its batch; count how it went."""
        status = (await self._batches.put(_ToStore(source.id, prepared, link))).status
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
            await self._load_slices(moment)
        await self._catch_up()
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
            )
            for item, article in zip(batch, dated, strict=True)
        ]
        stories = _BatchStories(self, [item.prepared for item in batch], times)
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

    async def _failed_source(self, source: SourceRecord, message: str) -> None:
        now = self.clock()
        self._counts["failed"] += 1
        self._problem(source, message)
        await self._record_fetch(
            source,
            ok=False,
            error=message,
            next_attempt_at=next_attempt(source.failures + 1, now),
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


class _BatchStories:
    """The stories of one batch, chosen by the ingest's grouper inside the write
    transaction (see :class:`summaries.store.BatchStories`)."""

    def __init__(self, ingest: Ingest, prepared: list[Prepared], times: list[datetime]) -> None:
        self._ingest = ingest
        self._prepared = prepared
        self._times = times
        self.seconds = 0.0  # CPU time spent choosing (this thread's)

    def catch_up(self, newer: Callable[[int], list[StoredArticle]]) -> None:
        self._ingest._catch_up_now(newer(self._ingest._seen_up_to))  # stored in the last moment

    def choose(self, index: int) -> int | None:
        started = time.thread_time()
        story = self._ingest._grouper.match(self._prepared[index].fingerprint, self._times[index])
        self.seconds += time.thread_time() - started
        return story

    def placed(self, index: int, article_id: int, story_id: int) -> None:
        started = time.thread_time()
        ingest = self._ingest
        ingest._grouper.add(
            article_id, story_id, self._prepared[index].fingerprint, self._times[index]
        )
        ingest._seen_up_to = max(ingest._seen_up_to, article_id)
        self.seconds += time.thread_time() - started


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
