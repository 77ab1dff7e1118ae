"""The composition root: every long-lived object of the bot, opened and closed in one place.

    runtime = await BotRuntime.open(settings)
    runtime.posters.register("discord", DiscordPoster(client))   # each adapter, before start
    await runtime.start()      # resend unsent digests, reconcile the schedule, start it
    reply = await runtime.commands.run(caller, "brief cyber")
    await runtime.close()      # or: async with await BotRuntime.open(settings) as runtime

The runtime owns the store, the summarizing process pool, the fetcher, the
periodic ingest, the digest delivery and schedule, and the command layer. Nothing
here is module-level: a test opens as many runtimes (one after another) as it likes.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from contextlib import AsyncExitStack
from types import TracebackType

from bot.commands import Commands
from bot.delivery import Clock, DigestDelivery, utc_now
from bot.posting import Posters
from bot.schedule import DigestSchedule
from summaries.config import Settings
from summaries.ingest import Ingest, IngestReport, SummaryPool
from summaries.library import configured_sources, fetcher_for
from summaries.sources import Fetcher
from summaries.store import Store

log = logging.getLogger("briefing.runtime")

INGEST_JOB = "ingest"


class BotRuntime:
    """Store, pool, fetcher, ingest, delivery, schedule, commands and posters of one bot."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        pool: SummaryPool,
        fetcher: Fetcher,
        *,
        clock: Clock = utc_now,
    ) -> None:
        """Use :meth:`open`, which opens what this is given."""
        self.settings = settings
        self.store = store
        self.pool = pool
        self.fetcher = fetcher
        self.clock = clock
        self.posters = Posters()
        self.delivery = DigestDelivery(store, self.posters, settings.digest, clock)
        self.schedule = DigestSchedule(
            store, self.delivery, grace_hours=settings.digest.grace_hours, clock=clock
        )
        self.delivery.on_pause = self.schedule.apply  # a channel the bot may not post in
        self.ingest = Ingest(
            store, fetcher, pool, window_hours=settings.ingest.story_window_hours, clock=clock
        )
        self.commands = Commands(
            store,
            settings,
            pool=pool,
            fetcher=fetcher,
            delivery=self.delivery,
            schedule=self.schedule,
            clock=clock,
        )
        self._started = False
        self._closed = False

    @classmethod
    async def open(cls, settings: Settings, *, clock: Clock = utc_now) -> BotRuntime:
        """Open the store (adding config.toml's sources and channels) and the rest.

        Whatever was opened is closed again when a later step fails.
        """
        async with AsyncExitStack() as opened:
            store = await asyncio.to_thread(Store.open, settings.store.path)
            opened.push_async_callback(asyncio.to_thread, store.close)
            await asyncio.to_thread(_seed, store, settings)
            fetcher = await opened.enter_async_context(fetcher_for(settings))
            ingest = settings.ingest
            pool = SummaryPool(settings.summary.options(), ingest.workers, ingest.article_seconds)
            opened.push_async_callback(asyncio.to_thread, pool.close)
            runtime = cls(settings, store, pool, fetcher, clock=clock)
            opened.pop_all()  # the runtime owns them now: its close() closes them
        return runtime

    async def start(self) -> None:
        """Resend digests left unsent, bring the schedule in line with the channels, run it.

        Adapters register their Posters before this: a digest for a platform with no
        poster here stays recorded and unsent.
        """
        if self._started:
            return
        self._started = True
        resent = await self.delivery.resend_unsent()
        if resent:
            log.info("resent %d digests left unsent by the last run", resent)
        channels = await asyncio.to_thread(self.store.list_channels)
        self.schedule.every(
            INGEST_JOB, self.ingest_and_retry, minutes=self.settings.schedule.ingest_minutes
        )
        self.schedule.start(channels)

    async def ingest_and_retry(self) -> IngestReport | None:
        """The periodic job: read every due source, then retry digests a platform refused.

        Each step has its own guard: a failing ingest does not hold back the retry.
        """
        report = None
        try:
            sources = await asyncio.to_thread(self.store.list_sources)
            if sources:
                report = await self.ingest.run(sources)
                log.info("ingest: %s", report.line())
                for problem in report.problems:
                    log.warning("ingest: %s", problem)
        except Exception:  # the next run tries again; the bot keeps running
            log.exception("incident %s in the periodic ingest", _incident())
        try:
            resent = await self.delivery.resend_unsent()
            if resent:
                log.info("resent %d digests a platform did not take earlier", resent)
        except Exception:
            log.exception("incident %s resending unsent digests", _incident())
        return report

    async def close(self) -> None:
        """Stop the schedule (running jobs are cancelled, not awaited), then close the rest."""
        if self._closed:
            return
        self._closed = True
        try:
            await self.schedule.shutdown()
        finally:
            try:
                await self.fetcher.aclose()
            finally:
                try:
                    await asyncio.to_thread(self.pool.close)
                finally:
                    await asyncio.to_thread(self.store.close)

    async def __aenter__(self) -> BotRuntime:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()


def _seed(store: Store, settings: Settings) -> None:
    """config.toml's sources and ``[[channels]]`` into the store (a changed entry wins).

    A channel config.toml scheduled before and no longer lists loses its schedule (its
    job is removed when the schedule starts).
    """
    configured_sources(store, settings)
    for entry in settings.channels:
        store.seed_channel(entry, settings.schedule)
    for channel in store.forget_config_channels([entry.id for entry in settings.channels]):
        log.info("channel %s is no longer in config.toml: its digests stop", channel.id)


def _incident() -> str:
    return uuid.uuid4().hex[:8]
