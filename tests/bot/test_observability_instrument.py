"""The wrappers that feed the metrics, around the real command layer, pool and delivery."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.commands import COMMANDS
from bot.delivery import RETRY
from bot.observability.instrument import (
    CountedCommands,
    CountedDigestDelivery,
    TimedSummaryPool,
)
from bot.observability.metrics import Metrics
from bot.posting import PostError, Posters
from bot.replies import Caller
from bot.runtime import BotRuntime
from summaries.config import DigestSettings, Settings, StoreSettings
from summaries.ingest import content_hash
from summaries.models import Article, Briefing
from summaries.store import open_store

USER = Caller(platform="console", channel="console", user="someone", tenant="console")
NOW = datetime(2026, 3, 29, 6, 0, tzinfo=UTC)


def test_commands_are_counted_by_name_and_errors_by_kind(tmp_path):
    metrics = Metrics(known_commands=[spec.name for spec in COMMANDS])
    settings = Settings(store=StoreSettings(path=str(tmp_path / "briefing.db")))

    async def scenario():
        runtime = await BotRuntime.open(settings)
        try:
            commands = CountedCommands(runtime.commands, metrics)
            replies = [
                await commands.run(USER, text)
                for text in ("help", "Help brief", "frobnicate now", "sources remove #9", "")
            ]
            return replies, commands.source_names("console")  # other attributes pass through
        finally:
            await runtime.close()

    replies, names = asyncio.run(scenario())

    assert replies[0].ok and replies[1].ok
    assert [reply.error for reply in replies[2:]] == ["usage", "forbidden", "usage"]
    assert names == []
    assert metrics.commands.value(command="help") == 2
    assert metrics.commands.value(command="other") == 2  # "frobnicate" and the empty line
    assert metrics.commands.value(command="sources") == 1
    assert metrics.errors.value(kind="usage") == 2
    assert metrics.errors.value(kind="forbidden") == 1


def test_the_pool_times_every_article():
    metrics = Metrics()
    article = Article(
        title="Port reopens",
        text="The port reopened on Monday after a cyberattack. Ships queued for days. "
        "Officials said the systems were restored from backups. Trade resumed slowly.",
    )

    async def scenario():
        async with TimedSummaryPool(
            Settings().summary.options(), workers=1, seconds=60, metrics=metrics
        ) as pool:
            return await pool.prepare(article)

    prepared = asyncio.run(scenario())

    assert prepared is not None
    assert metrics.summarization_seconds.count == 1


def test_digest_outcomes_are_counted():
    metrics = Metrics()

    class Recording:
        async def post(self, channel, reply, *, key=None):
            raise AssertionError("nothing to post: the store is empty")

    async def scenario():
        with open_store(":memory:") as store:
            posters = Posters()
            delivery = CountedDigestDelivery(
                store, posters, DigestSettings(when_empty="skip"), metrics=metrics
            )
            nobody = await delivery.deliver("console", "2025-03-05")  # no console poster here
            posters.register("console", Recording())
            empty = await delivery.deliver("console", "2025-03-06")
            resent = await delivery.resend_unsent()
            return nobody, empty, resent

    assert asyncio.run(scenario()) == ("failed", "empty", 0)
    assert metrics.digests.value(outcome="failed") == 1
    assert metrics.digests.value(outcome="empty") == 1
    assert metrics.digests.value(outcome="sent") == 0


class FlakyPoster:
    """The far side of a chat API: refuses while ``down``, then records the posts."""

    def __init__(self):
        self.down = True
        self.posts = []

    async def post(self, channel, reply, *, key=None):
        if self.down:
            raise PostError(channel, "the platform is down", permanent=False)
        self.posts.append((channel, reply))


def test_posted_and_resent_digests_count_as_sent(tmp_path):
    metrics = Metrics()
    text = "The Harwick council approved a flood plan on Monday. The walls rise by two metres."
    poster = FlakyPoster()
    clock = [NOW]

    async def scenario():
        with open_store(tmp_path / "bot.db") as store:
            stored, _ = store.upsert_article(
                Article(title="Harwick approves flood plan", text=text, url="https://a.example/1"),
                Briefing(sentences=(text.split(". ")[0] + ".",), method="lead"),
                text=text,
                content_hash=content_hash(text),
                now=NOW - timedelta(hours=1),
            )
            store.set_story(stored.id, stored.id)
            posters = Posters()
            posters.register("console", poster)
            delivery = CountedDigestDelivery(
                store, posters, DigestSettings(), lambda: clock[0], metrics=metrics
            )
            first = await delivery.deliver("console", "2026-03-29")
            poster.down = False
            clock[0] = NOW + RETRY  # when the retry is due
            resent = await delivery.resend_unsent()
            again = await delivery.deliver("console", "2026-03-29")
            return first, resent, again

    assert asyncio.run(scenario()) == ("failed", 1, "already-sent")
    assert len(poster.posts) == 1
    assert metrics.digests.value(outcome="failed") == 1
    assert metrics.digests.value(outcome="sent") == 1
    assert metrics.digests.value(outcome="already-sent") == 1
