"""Feeding the metrics and the health state from the parts the runtime already has::

    commands = CountedCommands(Commands(...), metrics)        # what adapters are given
    pool = TimedSummaryPool(options, workers, seconds, metrics=metrics)
    delivery = CountedDigestDelivery(store, posters, settings.digest, clock, metrics=metrics)
    report = await ingest.run(sources)
    record_ingest(report, metrics, health, now=clock())

Each wrapper changes nothing but the counting; the wrapped object behaves as before.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.chat import CommandRunner
from bot.commands import COMMANDS
from bot.delivery import SENT, DigestDelivery
from bot.observability.health import Health
from bot.observability.metrics import Metrics
from bot.replies import Caller, Reply
from summaries.ingest import IngestReport, SummaryPool
from summaries.ingest.prepare import Prepared
from summaries.models import DigestRecord


class CountedCommands:
    """The command layer, counting every command served (by its name, aliases resolved)
    and every error reply by kind."""

    def __init__(self, commands: CommandRunner, metrics: Metrics) -> None:
        self._commands = commands
        self._metrics = metrics

    async def run(self, caller: Caller, text: str) -> Reply:
        reply = await self._commands.run(caller, text)
        words = text.split(maxsplit=1)
        name = words[0].lower() if words else ""
        command = COMMANDS.find(name)
        self._metrics.command_served(command.name if command else name, reply.error)
        return reply

    def topics_of(self, channel: str) -> list[str]:
        return self._commands.topics_of(channel)

    def source_names(self, tenant: str | None) -> list[str]:
        return self._commands.source_names(tenant)


class TimedSummaryPool(SummaryPool):
    """A SummaryPool that observes each article's summarizing time (time-outs included).

    The time starts when the article asks for a worker, so it includes at most one other
    article's work (the pool lets two per worker in at once).
    """

    def __init__(self, *args: Any, metrics: Metrics, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._metrics = metrics

    async def prepare_with(self, function: Callable[..., Prepared], *args: Any) -> Prepared:
        started = time.perf_counter()
        try:
            return await super().prepare_with(function, *args)
        finally:
            self._metrics.summarized(time.perf_counter() - started)


class CountedDigestDelivery(DigestDelivery):
    """DigestDelivery counting each delivery's outcome (``digest now`` included) and the
    digests that ``resend_unsent`` posted (as "sent")."""

    def __init__(self, *args: Any, metrics: Metrics, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._metrics = metrics

    async def deliver(self, channel_id: str, period: str) -> str:
        outcome = await super().deliver(channel_id, period)
        self._metrics.digest_delivered(outcome)
        return outcome

    async def deliver_claimed(self, record: DigestRecord) -> str:
        outcome = await super().deliver_claimed(record)
        self._metrics.digest_delivered(outcome)
        return outcome

    async def resend_unsent(self) -> int:
        sent = await super().resend_unsent()
        if sent:
            self._metrics.digests.inc(sent, outcome=SENT)
        return sent


def record_ingest(report: IngestReport, metrics: Metrics, health: Health, *, now: datetime) -> None:
    """Count what an ingest run stored and failed; a run counts as successful for
    health when it had nothing due or read at least one due source."""
    metrics.ingest_finished(report)
    if report.sources == 0 or report.failed < report.sources:
        health.ingest_succeeded(now)
