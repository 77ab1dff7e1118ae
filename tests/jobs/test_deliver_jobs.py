"""Digests as jobs: the clock of a bot on a PostgreSQL queue queues them, ``briefing worker``
processes post them through the (fake) Discord REST API, once per channel and period."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from bot.jobs import defer_delivery
from bot.runtime import BotRuntime
from summaries.config import load_settings
from summaries.jobs import ensure_schema, queue_app
from summaries.store import open_store
from tests.fakes.discord.harness import digests_in, store_story
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.feed_server import FeedServer
from tests.jobs.support import Worker, database, jobs, until, write_config

PERIOD = "2026-12-06"


def discord_section(fake: FakeDiscord) -> str:
    return f'[discord]\napi_base = "{fake.api_base}"\ngateway_url = "{fake.gateway_url}"\n'


def channel_with_news(url: str, channel: str, stories: int = 2) -> None:
    with open_store(url) as store:
        store.ensure_channel(channel)
        for n in range(1, stories + 1):
            store_story(store, n, f"Harbour story {n}", f"The harbour reopened on day {n}. More.")


async def queue(url: str, *deliveries: tuple[str, str]) -> list[bool]:
    app = queue_app(url)
    async with app.open_async():
        await ensure_schema(app)
        return [await defer_delivery(app, channel, period) for channel, period in deliveries]


@contextlib.asynccontextmanager
async def delivering(tmp_path) -> AsyncIterator[tuple[FakeDiscord, str, str]]:
    """The fake Discord, a database of its own whose store has a channel with news, and
    the workers' config: (fake, database URL, the channel's id)."""
    async with FakeDiscord() as fake:
        with database() as url:
            write_config(tmp_path, url, discord_section(fake))
            channel = f"discord:{fake.news.id}"
            channel_with_news(url, channel)
            yield fake, url, channel


def test_two_workers_post_each_queued_digest_once(tmp_path):
    async def run() -> None:
        async with delivering(tmp_path) as (fake, url, channel):
            # the same digest queued again and again (clocks of several bots) waits once
            assert await queue(url, *[(channel, PERIOD)] * 4) == [True, False, False, False]
            env = {"DISCORD_TOKEN": fake.token}
            workers = [
                await Worker.start(tmp_path, "--queues", "deliver", env=env) for _ in range(2)
            ]
            try:
                for worker in workers:  # (stopped while still starting, one would die of it)
                    await worker.logged("serving deliver", timeout=60)
                await until(lambda: digests_in(fake, fake.news), what="the digest")
                # once posted, queueing it again runs a job that finds it sent
                assert await queue(url, (channel, PERIOD)) == [True]
                await until(
                    lambda: [job["status"] for job in jobs(url)] == ["succeeded"] * 2,
                    what="both jobs to end",
                )
            finally:
                codes = [(await worker.stop())[0] for worker in workers]
            assert codes == [0, 0], [worker.log() for worker in workers]
            (digest,) = digests_in(fake, fake.news)
            assert "Harbour story 1" in str(digest)
            assert fake.token not in "".join(worker.log() for worker in workers)

    asyncio.run(asyncio.wait_for(run(), 90))


def test_a_digest_discord_refuses_for_now_is_posted_by_a_retry(tmp_path):
    async def run() -> None:
        async with delivering(tmp_path) as (fake, url, channel):
            # the three tries of the first attempt (the poster tries a 503 twice more)
            fake.fail("POST", r"/channels/\d+/messages", 503, times=3)
            await queue(url, (channel, PERIOD))
            env = {"DISCORD_TOKEN": fake.token}
            worker = await Worker.start(tmp_path, "--queues", "deliver", env=env)
            try:
                await until(lambda: digests_in(fake, fake.news), timeout=40, what="a retry")
                await until(lambda: jobs(url)[0]["status"] == "succeeded", what="the job")
            finally:
                assert (await worker.stop())[0] == 0, worker.log()
            assert len(digests_in(fake, fake.news)) == 1
            assert jobs(url)[0]["attempts"] == 2

    asyncio.run(asyncio.wait_for(run(), 90))


def test_the_bot_clock_queues_fetches_and_digests_instead_of_doing_them(tmp_path):
    async def run() -> None:
        with database() as url, FeedServer() as feeds:
            feeds.feed("/feed.xml", "rss2.xml")
            config = write_config(
                tmp_path,
                url,
                f'[sources]\nfeeds = ["{feeds.url("/feed.xml")}"]\nallow_hosts = ["127.0.0.1"]\n',
            )
            settings = load_settings(config)
            async with await BotRuntime.open(settings) as runtime:
                assert runtime.queue is not None
                await runtime.ingest_and_retry()
                await runtime.ingest_and_retry()  # a second tick before any worker ran
                assert await runtime.schedule.delivery.deliver("discord:1", PERIOD) == "queued"
                assert await runtime.schedule.delivery.deliver("discord:1", PERIOD) == "queued"
            assert feeds.paths() == []  # nothing was read in the bot's process
            queued = sorted((job["task_name"], job["status"]) for job in jobs(url))
            assert queued == [("deliver_digest", "todo"), ("fetch_source", "todo")]

    asyncio.run(asyncio.wait_for(run(), 60))


def test_a_worker_without_the_platform_token_leaves_the_digest_to_a_retry(tmp_path):
    async def run() -> None:
        async with delivering(tmp_path) as (fake, url, channel):
            await queue(url, (channel, PERIOD))
            tokenless = await Worker.start(tmp_path, "--queues", "deliver")
            try:
                await until(lambda: jobs(url)[0]["attempts"] >= 1, what="a first run")
                assert jobs(url)[0]["status"] in ("todo", "doing")  # to be run again
            finally:
                assert (await tokenless.stop())[0] == 0, tokenless.log()
            assert "no chat token is set" in tokenless.log()
            env = {"DISCORD_TOKEN": fake.token}
            able = await Worker.start(tmp_path, "--queues", "deliver", env=env)
            try:
                await until(lambda: digests_in(fake, fake.news), timeout=40, what="the post")
            finally:
                assert (await able.stop())[0] == 0, able.log()
            assert len(digests_in(fake, fake.news)) == 1

    asyncio.run(asyncio.wait_for(run(), 90))
