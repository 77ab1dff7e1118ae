"""Two ``python -m bot`` processes and two ``briefing worker`` processes on one PostgreSQL
store and queue cross a channel's digest time: exactly one digest arrives."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from summaries.store import open_store
from tests.fakes.discord.harness import digests_in, store_story
from tests.fakes.discord.process import BotProcess
from tests.fakes.discord.server import FakeDiscord
from tests.jobs.support import Worker, database, jobs, until, write_config


def next_minute() -> tuple[str, datetime]:
    """A digest time (UTC, HH:MM) at least 20 s away, and when it is."""
    at = (datetime.now(UTC) + timedelta(seconds=80)).replace(second=0, microsecond=0)
    return at.strftime("%H:%M"), at


def test_two_bots_and_two_workers_post_a_due_digest_once(tmp_path):
    async def run() -> None:
        async with FakeDiscord() as fake:
            with database() as url:
                channel = f"discord:{fake.news.id}"
                time_of_day, due = next_minute()
                write_config(
                    tmp_path,
                    url,
                    f'[discord]\napi_base = "{fake.api_base}"\n'
                    f'gateway_url = "{fake.gateway_url}"\n\n'
                    f'[[channels]]\nid = "{channel}"\ntime = "{time_of_day}"\n'
                    'timezone = "UTC"\n',
                )
                with open_store(url) as store:
                    for n in range(1, 3):
                        store_story(store, n, f"Ferry story {n}", f"The ferry sailed on day {n}.")
                env = {"DISCORD_TOKEN": fake.token}
                bots = [await BotProcess.start(tmp_path, fake) for _ in range(2)]
                workers = [
                    await Worker.start(tmp_path, "--queues", "deliver", env=env) for _ in range(2)
                ]
                try:
                    for bot in bots:
                        await bot.logged("connected to Discord as", timeout=40)
                    wait = (due - datetime.now(UTC)).total_seconds()
                    await until(
                        lambda: digests_in(fake, fake.news), timeout=wait + 40, what="the digest"
                    )
                    # one clock claimed the due digest and queued it: one job
                    await until(
                        lambda: {j["status"] for j in jobs(url)} == {"succeeded"},
                        timeout=30,
                        what="the deliver jobs to end",
                    )
                    assert len(jobs(url)) == 1
                    await asyncio.sleep(2)
                finally:
                    for process in [*bots, *workers]:
                        await process.stop(timeout=20)
                assert len(digests_in(fake, fake.news)) == 1
                assert sum("queued" in bot.log() for bot in bots) == 1  # no leader: either one

    asyncio.run(asyncio.wait_for(run(), 200))
