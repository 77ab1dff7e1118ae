"""What the digest tests share: a clock helper and a clock to move, recording posters (the
far side of a chat API), a way to store a real article with its briefing, and letting the
loop settle."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from bot.posting import PostError
from bot.replies import Reply
from summaries.ingest import content_hash
from summaries.models import Article, Briefing
from summaries.store import Store


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


class Clock:
    """A clock the test moves by setting ``now``."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class RecordingPoster:
    """Posts go into a list; ``fail`` makes the next posts raise that PostError."""

    def __init__(self) -> None:
        self.posts: list[tuple[str, Reply]] = []
        self.fail: PostError | None = None
        self.attempts = 0

    async def post(self, channel: str, reply: Reply, *, key: str | None = None) -> None:
        self.attempts += 1
        if self.fail is not None:
            raise self.fail
        self.posts.append((channel, reply))

    def story_ids(self) -> list[int]:
        """Every story posted, in order, with repeats (a duplicate shows up twice)."""
        return [item.story_id for _, reply in self.posts for item in reply.items]


class StuckPoster:
    """A post that never returns: the process dies (is cancelled) while it is in flight."""

    def __init__(self) -> None:
        self.entered = asyncio.Event()

    async def post(self, channel: str, reply: Reply, *, key: str | None = None) -> None:
        self.entered.set()
        await asyncio.Event().wait()


def add_article(
    store: Store,
    title: str,
    text: str,
    *,
    now: datetime,
    source: str = "Wire",
    story_of: int | None = None,
) -> int:
    """Store a real article with its briefing (its first sentence); returns its story id."""
    slug = "-".join(title.lower().split())
    url = f"https://{'-'.join(source.lower().split())}.example/{slug}"
    article = Article(title=title, text=text, url=url, source=source, published=now)
    briefing = Briefing(sentences=(text.split(". ")[0].rstrip(".") + ".",), method="lead")
    stored, _ = store.upsert_article(
        article,
        briefing,
        text=text,
        content_hash=content_hash(text),
        story_id=story_of,
        now=now,
    )
    if story_of is None:
        store.set_story(stored.id, stored.id)
        return stored.id
    return story_of


async def settle(timeout: float = 20) -> None:
    """Let a scheduler's wakeup run, then every task it started finish (no real sleep)."""
    for _ in range(5):
        await asyncio.sleep(0)
    others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    if others:
        await asyncio.wait_for(asyncio.gather(*others), timeout)


def digest_outcomes(runtime: Any, channel: str | None = "console") -> asyncio.Queue:
    """A queue of what each digest tick did for ``channel`` ("sent", "missed", ...), or for
    any channel (None); a tick with nothing due for it puts nothing."""
    from apscheduler.events import EVENT_JOB_EXECUTED

    from bot.schedule import DIGEST_TICK

    outcomes: asyncio.Queue = asyncio.Queue()

    def executed(event: Any) -> None:
        if event.job_id != DIGEST_TICK or not event.retval:
            return
        for name, outcome in event.retval.items():
            if channel is None or name == channel:
                outcomes.put_nowait(outcome)

    runtime.schedule.scheduler.add_listener(executed, EVENT_JOB_EXECUTED)
    return outcomes
