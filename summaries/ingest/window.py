"""The stored articles story grouping compares an ingest's new articles with.

One ingest run keeps a :class:`~summaries.grouping.StoryGrouper` of the stored articles
published around the times its new articles have: each time slice is read from the store
once per run, when an article of that time first needs it, and what other ingests store
meanwhile is taken in before each write (and, for what was stored in the last moment,
inside it: :class:`WindowStories`). Fingerprints are made in summarizing workers (this
process does not load the stemmers).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from summaries.grouping import Fingerprint, StoryGrouper
from summaries.ingest.pool import SummaryPool
from summaries.ingest.prepare import Prepared, fingerprints
from summaries.models import StoredArticle
from summaries.store import Store

WINDOW_BATCH = 500  # stored articles fingerprinted per worker call (a tenth of a second)


class StoryWindow:
    """The grouper of one ingest run and the stored articles in it."""

    def __init__(self, store: Store, pool: SummaryPool, window: timedelta) -> None:
        self.store = store
        self.pool = pool
        self.window = window
        self.grouper = StoryGrouper(window=window)
        self.loaded: set[int] = set()  # the grouper's time slices read from the store
        self.seen_up_to = 0  # every article up to this id in a loaded slice is in the grouper

    async def start(self, now: datetime) -> None:
        """Start with the articles published around ``now``, the time of most new articles;
        those of other times come in as the articles that need them do."""
        self.grouper = StoryGrouper(window=self.window)
        self.loaded = set()
        # before any slice is read: what is stored later is taken in by catch_up
        self.seen_up_to = await asyncio.to_thread(self.store.last_article_id)
        await self.load_slices(now)

    async def load_slices(self, moment: datetime) -> None:
        """Put every stored article published around ``moment`` (fetched, when undated) in
        the grouper: those a new article of that time is compared and weighed with, however
        long ago they were fetched. Each time slice is read from the store once per run;
        the fingerprints are made in workers (this process does not load the stemmers)."""
        for number in self.grouper.slices_around(moment):
            if number in self.loaded:
                continue
            self.loaded.add(number)
            bounds = self.grouper.slice_bounds(number)
            stored = await asyncio.to_thread(self.store.articles_between, *bounds)
            stored = self._wanted(stored, every=True)
            for start in range(0, len(stored), WINDOW_BATCH):
                batch = stored[start : start + WINDOW_BATCH]
                self._take_in(batch, await self.pool.run(fingerprints, *self._texts(batch)))

    async def catch_up(self) -> None:
        """Take in what other ingests stored since this one last looked (fingerprinted in a
        worker), so that the write transaction seldom has anything left to take in."""
        newer = await asyncio.to_thread(self.store.articles_added_after, self.seen_up_to)
        self.seen_up_to = max([self.seen_up_to, *(article.id for article in newer)])
        wanted = self._wanted(newer)
        if wanted:
            self._take_in(wanted, await self.pool.run(fingerprints, *self._texts(wanted)))

    def catch_up_now(self, newer: Sequence[StoredArticle]) -> None:
        """``catch_up`` inside the write transaction, in a thread that waits for a worker:
        only what was stored in the last moment is left by then."""
        self.seen_up_to = max([self.seen_up_to, *(article.id for article in newer)])
        wanted = self._wanted(newer)
        if wanted:
            self._take_in(wanted, self.pool.call(fingerprints, *self._texts(wanted)))

    def _wanted(
        self, stored: Sequence[StoredArticle], *, every: bool = False
    ) -> list[StoredArticle]:
        """Those of ``stored`` the grouper lacks, of loaded slices (or ``every`` one): those
        of other times come in with their slice, if it is ever needed."""
        grouper = self.grouper
        return [
            article
            for article in stored
            if article.id not in grouper
            and (every or grouper.slice_of(article.published or article.fetched) in self.loaded)
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
            self.grouper.add(article.id, article.story_id or article.id, key, at)


class WindowStories:
    """The stories of one batch, chosen by the window's grouper inside the write
    transaction (see :class:`summaries.store.BatchStories`)."""

    def __init__(
        self, window: StoryWindow, prepared: list[Prepared], times: list[datetime]
    ) -> None:
        self._window = window
        self._prepared = prepared
        self._times = times
        self.seconds = 0.0  # CPU time spent choosing (this thread's)

    def catch_up(self, newer: Callable[[int], list[StoredArticle]]) -> None:
        self._window.catch_up_now(newer(self._window.seen_up_to))  # stored in the last moment

    def choose(self, index: int) -> int | None:
        started = time.thread_time()
        story = self._window.grouper.match(self._prepared[index].fingerprint, self._times[index])
        self.seconds += time.thread_time() - started
        return story

    def placed(self, index: int, article_id: int, story_id: int) -> None:
        started = time.thread_time()
        window = self._window
        window.grouper.add(
            article_id, story_id, self._prepared[index].fingerprint, self._times[index]
        )
        window.seen_up_to = max(window.seen_up_to, article_id)
        self.seconds += time.thread_time() - started
