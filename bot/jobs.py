"""Digest posting as queued jobs: the ``deliver`` task of ``briefing worker``, and the clock's
side that queues it (PostgreSQL stores only; see ``summaries.jobs``).

A worker posts over REST alone: it logs in to Discord (no gateway connection) and builds
a Slack Web API client, from the same settings and environment variables as the bot, and
runs the same :class:`bot.delivery.DigestDelivery` as ``python -m bot`` does in-process:
compose, record under (channel, period), post, mark sent. The record makes a job that
runs twice (a retry, a stalled job run again) post the digest once.

A digest that could not be posted for a reason that may pass (the platform unreachable,
rate limiting for too long) stays recorded and unsent, and the job raises
``RetryableError`` so the queue posts it again after a growing wait.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Mapping, Sequence
from contextlib import AsyncExitStack
from datetime import timedelta
from typing import Any

import procrastinate

from bot.budget import digest_budget
from bot.delivery import FAILED, DigestDelivery
from bot.posting import Posters
from summaries.config import Settings
from summaries.jobs import DELIVER, RetryableError, defer_once
from summaries.jobs.events import job_events
from summaries.jobs.queue import retry_strategy
from summaries.library import open_store
from summaries.models import DigestRecord
from summaries.store import Store

log = logging.getLogger("briefing.jobs.deliver")

TASK = "deliver_digest"
CONTEXT = "delivery"  # the worker's additional_context key of its DigestDelivery


def deliver_lock(channel_id: str, period: str) -> str:
    return f"deliver:{channel_id}:{period}"


async def defer_delivery(app: procrastinate.App, channel_id: str, period: str) -> bool:
    """Queue the digest of ``channel_id`` for ``period`` (once while it waits); True when
    this call queued it."""
    lock = deliver_lock(channel_id, period)
    return await defer_once(app, TASK, DELIVER, lock, channel_id=channel_id, period=period)


# A queued digest waits for a worker; its claim is not taken back (and queued again) for
# this long. Taking it back early is harmless (the (channel, period) record and the nonce
# keep it to one post), only wasteful.
QUEUED_LEASE = timedelta(minutes=10)


class QueuedDelivery:
    """What the schedule uses in a process with a queue: each digest it claims, or finds
    left unsent, becomes a deliver job for ``briefing worker`` instead of a post here."""

    def __init__(self, app: procrastinate.App, delivery: DigestDelivery) -> None:
        self.app = app
        self.delivery = delivery
        self.posters = delivery.posters  # the platforms this bot serves
        self.lease = QUEUED_LEASE

    async def deliver(self, channel_id: str, period: str) -> str:
        queued = await defer_delivery(self.app, channel_id, period)
        log.info(
            "digest %s for %s %s", period, channel_id, "queued" if queued else "already queued"
        )
        return "queued"

    async def deliver_claimed(self, record: DigestRecord) -> str:
        return await self.deliver(record.channel_id, record.period)

    async def resend_unsent(self) -> int:
        """Queue again the recorded, unsent digests nobody holds (a worker died, or a retry
        came due); returns how many."""
        records = await asyncio.to_thread(
            self.delivery.store.claim_unsent_digests,
            self.delivery.clock(),
            lease=self.lease,
            platforms=self.posters.ready_platforms(),
        )
        for record in records:
            await self.deliver(record.channel_id, record.period)
        return len(records)


async def deliver(delivery: DigestDelivery, channel_id: str, period: str) -> str:
    """Run one deliver job: "sent", "already-sent", "empty", "malformed" (refused by
    the platform for what the message is), or "failed" when given up."""
    result = await delivery.deliver(channel_id, period)
    if result != FAILED:
        return result
    record = await _record(delivery, channel_id, period)
    if record is None:  # not even recorded: this worker has no connection to that platform
        raise RetryableError(f"no connection here can post the digest {period} for {channel_id}")
    if record.sent_at is None and record.gave_up_at is None:
        raise RetryableError(f"the digest {period} for {channel_id} was not posted yet")
    return result


async def _record(delivery: DigestDelivery, channel_id: str, period: str) -> Any:
    return await asyncio.to_thread(delivery.store.digest_record, channel_id, period)


def register_deliver(app: procrastinate.App, settings: Settings) -> None:
    @app.task(name=TASK, queue=DELIVER, pass_context=True, retry=retry_strategy(settings.queue))
    async def deliver_digest(
        context: procrastinate.JobContext, channel_id: str, period: str
    ) -> str:
        delivery = context.additional_context[CONTEXT]
        fields = {"job_id": context.job.id, "channel": channel_id, "period": period}
        async with job_events(DELIVER, **fields) as events:
            return events.done(await deliver(delivery, channel_id, period))


async def setup(
    app: procrastinate.App,
    settings: Settings,
    queues: Sequence[str],
    context: dict[str, Any],
    stack: AsyncExitStack,
    environ: Mapping[str, str] | None = None,
) -> None:
    """The ``briefing.jobs`` entry point: the ``deliver`` task, when the worker serves it."""
    if DELIVER not in queues:
        return
    environ = os.environ if environ is None else environ
    store = stack.enter_context(open_store(settings))
    posters = Posters()
    await _discord(settings, environ, posters, stack, store)
    _slack(settings, environ, posters)
    if not posters.platforms():
        log.warning(
            "no chat token is set (%s, %s): deliver jobs cannot post and are retried",
            settings.discord.token_env,
            settings.slack.bot_token_env,
        )
    context[CONTEXT] = DigestDelivery(
        store, posters, settings.digest, shared=settings.sources.shared
    )
    register_deliver(app, settings)


async def _discord(
    settings: Settings,
    environ: Mapping[str, str],
    posters: Posters,
    stack: AsyncExitStack,
    store: Store,
) -> None:
    """Log in to Discord's REST API (no gateway) and register its poster, which posts
    within the budget every process shares."""
    if not environ.get(settings.discord.token_env, "").strip():
        return
    import discord

    from bot.discord.adapter import read_token
    from bot.discord.endpoints import use_endpoints
    from bot.discord.poster import DiscordPoster

    use_endpoints(settings.discord.api_base, settings.discord.gateway_url)
    client = discord.Client(intents=discord.Intents.none())
    stack.push_async_callback(client.close)
    await client.login(read_token(settings, environ))
    poster = DiscordPoster(client, digest_budget(store, settings.discord.digest_rate))
    poster.logged_in()
    posters.register("discord", poster)


def _slack(settings: Settings, environ: Mapping[str, str], posters: Posters) -> None:
    if not environ.get(settings.slack.bot_token_env, "").strip():
        return
    from bot.slack.client import web_client
    from bot.slack.poster import SlackPoster
    from bot.slack.settings import api_base_url

    token = environ[settings.slack.bot_token_env].strip()  # a worker needs no app token
    client = web_client(token, api_base_url(settings.slack))
    posters.register("slack", SlackPoster(client))
