"""The story briefings an ingest makes: of each story told by several articles that a
stored batch changed (each once, however many batches changed it before its turn), and of
the window's stories stored before story briefings were made (a backfill, ``BACKFILL`` a
run). One task at a time briefs them, in a summarizing worker, beside the run's other work.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice

from summaries.errors import BriefingError
from summaries.ingest.pool import SummaryPool
from summaries.ingest.stories import brief_stories
from summaries.listing import some_of
from summaries.store import MadeBriefing, Store

log = logging.getLogger("briefing.ingest")

BRIEF_BATCH = 32  # stories briefed in one worker call and saved in one transaction at most
BACKFILL = 256  # stories without a story briefing briefed per run at most


@dataclass(slots=True)
class Backfill:
    """Whether the stories stored before story briefings may still need theirs: the store
    is asked until a run finds fewer than it takes, and by one run at a time (the fetch
    jobs of a worker each make an ``Ingest``, and share one of these)."""

    done: bool = False
    busy: bool = False


class StoryBriefer:
    def __init__(
        self,
        store: Store,
        pool: SummaryPool,
        clock: Callable[[], datetime],
        window: timedelta,
        backfill: Backfill,
    ) -> None:
        self.store = store
        self.pool = pool
        self.clock = clock
        self.window = window
        self._backfill = backfill
        # stories to brief again (in the order they changed), and the task that does it
        self._to_brief: dict[int, None] = {}
        self._task: asyncio.Task[None] | None = None

    def add(self, story_ids: Iterable[int]) -> None:
        """Brief these stories again (each once, if already waiting)."""
        self._to_brief.update(dict.fromkeys(story_ids))
        self._start()

    async def finish(self) -> None:
        """Wait for the stories waiting to be briefed."""
        if self._task is not None:
            await self._task

    def backfilled(self) -> None:
        """This run's backfill is over: another run may take the next."""
        self._backfill.busy = False

    async def backfill(self, now: datetime) -> bool:
        """Brief the stories of the window that have none (stored before story briefings
        were made), at most ``BACKFILL`` a run, alongside the run's own; whether this run
        took that on (one run at a time does, until one finds fewer: see ``Backfill``)."""
        backfill = self._backfill
        if backfill.done or backfill.busy:
            return False
        since = now - self.window
        try:
            waiting = await asyncio.to_thread(self.store.unbriefed_stories, since, limit=BACKFILL)
        except BriefingError as error:  # the run's own work goes on
            log.warning("stories without a story briefing not looked for: %s", error)
            return False
        backfill.done = len(waiting) < BACKFILL
        backfill.busy = bool(waiting)
        self._to_brief.update(dict.fromkeys(waiting))
        self._start()
        return backfill.busy

    def _start(self) -> None:
        if self._to_brief and (self._task is None or self._task.done()):
            self._task = asyncio.create_task(self._brief_waiting())

    async def _brief_waiting(self) -> None:
        while self._to_brief:
            story_ids = list(islice(self._to_brief, BRIEF_BATCH))
            for story_id in story_ids:
                del self._to_brief[story_id]
            await self._brief_stories(story_ids)

    async def _brief_stories(self, story_ids: list[int]) -> None:
        """Make the briefings of stories told by several articles again, now that one of
        their articles is new or changed: in a summarizing worker (it stems words), outside
        the store lock, and saved in one transaction. Each is kept only if its story still
        has the articles it was made of (another article may have joined meanwhile: that
        one's briefing is the one kept). If making them fails, the stories keep the ones they
        had."""
        try:
            stories = await asyncio.to_thread(self.store.get_stories, story_ids, texts=False)
            told = [story for story in stories.values() if len(story.articles) >= 2]
            if not told:
                return
            options = self.pool.options
            briefed = [list(story.articles) for story in told]  # briefings, no texts
            results = await self.pool.run(
                brief_stories, briefed, options.sentences, options.max_chars
            )
            made = [
                MadeBriefing(story.id, sentences, [a.id for a in story.articles])
                for story, sentences in zip(told, results, strict=True)
            ]
            await asyncio.to_thread(self.store.save_story_briefings, made, now=self.clock())
        except BriefingError as error:
            log.warning("stories %s: no story briefings made: %s", some_of(story_ids), error)
