"""What each dashboard page shows about one server or workspace, read from the store.

Reads only, each scoped to the tenant as its chat commands are (``Scope.of_tenant``);
every change goes through the command layer (``bot.web.forms``).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.chat import CommandRunner
from bot.commands.given_up import left_unsent
from bot.posting import is_channel_gone, is_maybe_posted_reason, resume_advice
from bot.replies import ReplyItem
from bot.views import story_item
from bot.web.chart import DAYS, Chart, per_day
from summaries.clock import Clock
from summaries.config import Settings
from summaries.models import CONSOLE, Channel, DigestRecord, Scope
from summaries.sources import is_due
from summaries.store import SourceRecord, Store

SEARCH_LIMIT = 10


class Schedule(Protocol):
    def next_run(self, channel_id: str) -> datetime | None: ...


class Runtime(Protocol):
    """What the dashboard needs of ``bot.runtime.BotRuntime``."""

    settings: Settings
    store: Store
    clock: Clock

    @property
    def commands(self) -> CommandRunner: ...

    @property
    def schedule(self) -> Schedule: ...


@dataclass(frozen=True, slots=True)
class SourceRow:
    record: SourceRecord
    own: bool  # the tenant follows it (else the operator shares it)
    state: str  # "ok" | "failing" | "backing off" | "disabled" | "not read yet"
    retry: bool  # a read can be asked for now
    chart: Chart


@dataclass(frozen=True, slots=True)
class ChannelRow:
    channel: Channel
    next_run: datetime | None


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    record: DigestRecord
    channel: str  # its name
    status: str  # "posted" | "maybe posted" | "refused" | "not posted yet" | "waiting"
    reason: str
    stories: int  # posted, once sent or maybe posted; else the record's, to be posted


@dataclass(frozen=True, slots=True)
class PausedRow:
    channel: str  # its name
    reason: str  # why its newest digest was refused, as the log says; "" for none
    advice: str  # what to do, fitting the reason


def belongs(channel: Channel, tenant: str) -> bool:
    """Whether ``channel`` is one of ``tenant``'s (the console's own channel is the
    console's even before a command there recorded it)."""
    return channel.tenant == tenant or (tenant == CONSOLE and channel.platform == "console")


async def channels_of(runtime: Runtime, tenant: str) -> list[Channel]:
    channels = await asyncio.to_thread(runtime.store.list_channels)
    return [channel for channel in channels if belongs(channel, tenant)]


def scope(runtime: Runtime, tenant: str) -> Scope:
    return Scope.of_tenant(tenant, shared=runtime.settings.sources.shared)


async def sources(runtime: Runtime, tenant: str) -> list[SourceRow]:
    store, now = runtime.store, runtime.clock()
    seen = await asyncio.to_thread(
        store.tenant_sources, tenant, operator=scope(runtime, tenant).operator
    )
    today = now.date()
    since = datetime.combine(today - timedelta(days=DAYS - 1), datetime.min.time(), now.tzinfo)
    counts = await asyncio.to_thread(store.articles_per_day, [one.source.id for one in seen], since)
    rows = []
    for one in seen:
        record = one.source
        state = _state(record, now)
        rows.append(
            SourceRow(
                record=record,
                own=one.subscribed,
                state=state,
                retry=state in ("failing", "backing off", "disabled"),
                chart=per_day(counts.get(record.id, {}), today),
            )
        )
    return rows


def _state(record: SourceRecord, now: datetime) -> str:
    if not record.enabled:
        return "disabled"
    if record.failures and not is_due(record.next_attempt_at, now):
        return "backing off"
    if record.failures:
        return "failing"
    return "ok" if record.last_ok_at else "not read yet"


async def channels(runtime: Runtime, tenant: str) -> list[ChannelRow]:
    return [
        ChannelRow(channel, channel.next_run_at if channel.time else None)
        for channel in await channels_of(runtime, tenant)
    ]


async def deliveries(
    runtime: Runtime, tenant: str
) -> tuple[list[DeliveryRow], list[PausedRow]]:
    """The digests recorded for the tenant's channels, newest first, and its paused ones,
    each with the reason its newest digest was refused (the delivery pauses a channel
    it may not post in), as its row in the log gives it."""
    known = {channel.id: channel for channel in await channels_of(runtime, tenant)}
    log = await asyncio.to_thread(runtime.store.digest_log, list(known))
    # a digest given up as maybe posted counts the stories up to its uncertain message;
    # the rest are left to the next digest, which counts them
    counted = [record.id for record in log if record.sent_at is not None or _maybe(record)]
    posted = await asyncio.to_thread(runtime.store.posted_per_digest, counted)
    rows = []
    for record in log:
        channel = known[record.channel_id]
        stories = posted.get(record.id, len(record.story_ids))
        rows.append(
            DeliveryRow(record, channel.name or channel.id, *_outcome(record, stories), stories)
        )
    newest: dict[str, DeliveryRow] = {}
    for row in rows:
        newest.setdefault(row.record.channel_id, row)
    paused = []
    for channel in known.values():
        if channel.time and channel.paused:
            last = newest.get(channel.id)
            reason = last.reason if last is not None and last.status == "refused" else ""
            advice = (
                resume_advice(reason)
                if is_channel_gone(reason)
                else "No digest is posted until it is resumed (Channels page)."
            )
            paused.append(PausedRow(channel.name or channel.id, reason, advice))
    return rows, paused


def _outcome(record: DigestRecord, stories: int) -> tuple[str, str]:
    if record.sent_at is not None:
        if not record.story_ids:
            return "posted", "nothing new"
        if not stories:  # (see Delivery._post)
            return (
                "posted",
                "nothing left to post: its stories went out before or are no longer read here",
            )
        return "posted", ""
    if record.gave_up_at is not None:
        if _maybe(record):
            return "maybe posted", str(record.error) + left_unsent(record, stories)
        return "refused", record.error or "no reason recorded"
    if record.error:
        return "not posted yet", f"{record.error} (it is tried again)"
    return "waiting", ""


def _maybe(record: DigestRecord) -> bool:
    """Whether the digest was given up as maybe posted (``bot.posting.maybe_posted_reason``)."""
    return record.gave_up_at is not None and is_maybe_posted_reason(record.error)


async def search(runtime: Runtime, tenant: str, query: str) -> list[ReplyItem]:
    hits = await asyncio.to_thread(
        runtime.store.search,
        query,
        limit=SEARCH_LIMIT,
        now=runtime.clock(),
        scope=scope(runtime, tenant),
    )
    return [story_item(hit.story) for hit in hits]
