"""Graceful shutdown: SIGTERM (what ``docker stop`` sends) while a digest is being posted.

The real ``python -m bot`` runs as a process against the fake Discord, whose message
posts are slowed down so that the signal arrives with the digest in flight. The bot must
let that post finish (or leave the digest recorded and unsent), exit 0 within 10 s, and
a second start must not post it again.
"""

from __future__ import annotations

import asyncio
import secrets
import signal
import sys
from datetime import UTC, datetime, timedelta

import time_machine

from bot.runtime import BotRuntime
from summaries.config import load_settings
from summaries.store import open_store
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import (
    FAST,
    bot_over_runtime,
    digests_in,
    settings_for,
    store_story,
)
from tests.fakes.discord.process import BotProcess, write_config

STORIES = [
    ("Brennport port reopens after ransomware attack", "The port reopened on Monday. Trucks."),
    ("Harwick council approves flood walls", "The council approved the walls. Work starts."),
]
POST_SECONDS = 3.0  # how long the fake takes to accept a message


def channel_config(fake: FakeDiscord, time_of_day: str) -> str:
    return (
        '[digest]\nwhen_empty = "skip"\n\n'
        f'[[channels]]\nid = "discord:{fake.news.id}"\ntime = "{time_of_day}"\n'
        'timezone = "UTC"\n'
    )


def a_digest_missed_while_the_bot_was_down(tmp_path, channels: str, now: datetime) -> None:
    """What a bot that ran until ten minutes ago leaves in its database: the channel's
    digest job, due three minutes ago, and stories fetched since. The next start posts that
    digest at once (it is within ``[digest] grace_hours``)."""
    earlier = tmp_path / "earlier.toml"
    earlier.write_text(f'[store]\npath = "{tmp_path / "bot.db"}"\n\n{channels}', encoding="utf-8")
    settings = load_settings(earlier)

    async def earlier_run() -> None:
        runtime = await BotRuntime.open(settings)
        try:
            await runtime.start()  # adds the digest job: next run at the channel's time
        finally:
            await runtime.close()

    with time_machine.travel(now - timedelta(minutes=10), tick=False):
        asyncio.run(earlier_run())
    with open_store(settings.store.path) as store:
        for n, (title, body) in enumerate(STORIES, 1):
            store_story(store, n, title, body, now=now)


def test_sigterm_while_a_digest_is_posted_exits_0_and_the_digest_is_posted_exactly_once(
    tmp_path,
):
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    fake = FakeDiscord()  # not listening yet: its channels exist, its port does not
    fake.token = "fake-" + secrets.token_urlsafe(24)  # no token shape: redacted by value
    channels = channel_config(fake, (now - timedelta(minutes=3)).strftime("%H:%M"))
    a_digest_missed_while_the_bot_was_down(tmp_path, channels, now)

    async def run() -> None:
        async with fake:
            write_config(tmp_path, fake, channels)
            fake.post_delay = POST_SECONDS
            first = await BotProcess.start(tmp_path, fake)
            try:
                await fake.wait_for(lambda: fake.posts_started, 30, "the digest post")
                assert digests_in(fake, fake.news) == []  # in flight: not created yet
                code, seconds = await first.stop()
            finally:
                await first.kill()
            assert code == 0, first.log()
            assert seconds < 10
            assert len(digests_in(fake, fake.news)) == 1  # the post was let finish, not cut off
            assert "stopping" in first.log()

            fake.post_delay = 0.0
            second = await BotProcess.start(tmp_path, fake)
            try:
                await fake.wait_for(lambda: fake.gateway.count("identify") == 2, 30, "restart")
                await fake.say(fake.news, fake.bob, "!help")  # the second run is up and serving
                await fake.wait_for(
                    lambda: any("What I can do" in str(m) for m in fake.by_bot_in(fake.news)),
                    30,
                    "the answer to !help",
                )
                code, _ = await second.stop(signal.SIGINT)  # Ctrl-C stops it the same way
            finally:
                await second.kill()
            assert code == 0, second.log()

            [digest] = digests_in(fake, fake.news)  # no loss, no duplicate
            assert len(digest["embeds"]) == len(STORIES)
            with open_store(str(tmp_path / "bot.db")) as store:
                assert store.unsent_digests() == []
            for bot in (first, second):
                assert fake.token not in bot.log()

    asyncio.run(asyncio.wait_for(run(), 90))


def test_draining_lets_a_command_in_flight_finish_and_refuses_new_ones(tmp_path):
    """In process, with the adapter connected: ``!digest now`` is being posted when the
    runtime drains; the digest goes out and is marked sent, while a command sent during the
    drain is answered that the bot is restarting."""

    async def run() -> None:
        async with FakeDiscord() as fake:
            settings = settings_for(fake, tmp_path)
            async with bot_over_runtime(settings, fake, FAST) as (runtime, _):
                await asyncio.to_thread(
                    lambda: [
                        store_story(runtime.store, n, t, b) for n, (t, b) in enumerate(STORIES, 1)
                    ]
                )
                fake.post_delay = 1.0
                await fake.say(fake.news, fake.alice, "!digest now")
                await fake.wait_for(lambda: fake.posts_started, what="the digest post")
                drain = asyncio.ensure_future(runtime.drain(6.0))
                await asyncio.sleep(0)
                assert runtime.work.closing and runtime.work.count >= 1
                fake.post_delay = 0.0
                await fake.say(fake.news, fake.bob, "!help")
                assert await drain is True
                assert len(digests_in(fake, fake.news)) == 1
                assert await asyncio.to_thread(runtime.store.unsent_digests) == []
                [refusal] = await fake.wait_for(
                    lambda: [m for m in fake.by_bot_in(fake.news) if "restarting" in str(m)],
                    what="the answer to !help",
                )
                assert "What I can do" not in str(refusal)
                assert runtime.metrics.commands.value(command="digest") == 1
                assert runtime.metrics.commands.value(command="help") == 0  # refused, not served

    asyncio.run(asyncio.wait_for(run(), 60))


class CancelLosingAdapter:
    """A chat adapter whose ``run()`` loses the first cancel and serves on until closed: what
    discord.py's ``connect`` does when the cancel arrives the moment its gateway handshake
    completes (``asyncio.wait_for`` before Python 3.12 returns the handshake's result then)."""

    def __init__(self) -> None:
        self.serving = asyncio.Event()
        self.closed = asyncio.Event()
        self.cancels_lost = 0

    async def run(self) -> None:
        self.serving.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            self.cancels_lost += 1  # the handshake completed as the cancel came: carry on
        await self.closed.wait()

    async def close(self) -> None:
        self.closed.set()


def test_a_stop_ends_an_adapter_that_lost_its_cancel(tmp_path):
    """SIGTERM during the gateway handshake: the adapter's ``run()`` misses the cancel and
    keeps serving; the stop closes the adapter, so the process still ends, with EXIT_OK."""
    from bot.__main__ import EXIT_OK, _run_until_stopped

    config = tmp_path / "bot.toml"
    config.write_text(f'[store]\npath = "{tmp_path / "bot.db"}"\n', encoding="utf-8")

    async def run() -> None:
        adapter = CancelLosingAdapter()
        stop = asyncio.Event()
        async with await BotRuntime.open(load_settings(config)) as runtime:
            await runtime.start()
            running = asyncio.ensure_future(_run_until_stopped({"discord": adapter}, runtime, stop))
            await adapter.serving.wait()
            stop.set()
            assert await asyncio.wait_for(running, 10) == EXIT_OK
        assert adapter.cancels_lost == 1
        assert adapter.closed.is_set()

    asyncio.run(run())


def test_a_stop_as_the_gateway_handshake_completes_still_ends_the_discord_adapter(tmp_path):
    """The real discord.py against the fake Discord: the shutdown starts the moment the
    gateway handshake (HELLO, then IDENTIFY sent) completes, which is when SIGTERM hit the
    bot in a failed CI run. On Python 3.11 ``connect`` loses the shutdown's cancel and gets
    READY; the shutdown must still end the adapter, and close the bot."""
    from bot.__main__ import _end_adapters
    from bot.discord import create_adapter

    async def run() -> None:
        async with FakeDiscord() as fake:
            settings = settings_for(fake, tmp_path)
            async with await BotRuntime.open(settings) as runtime:
                environ = {settings.discord.token_env: fake.token}
                adapter = create_adapter(runtime, settings, environ, timing=FAST)
                runner = asyncio.ensure_future(adapter.run())
                ending: list[asyncio.Future[None]] = []
                started = asyncio.Event()

                def shut_down() -> None:
                    ending.append(asyncio.ensure_future(_end_adapters([runner], [adapter])))
                    started.set()

                async def shut_down_as_the_handshake_completes(*_: object, **__: object) -> None:
                    # called just before IDENTIFY is sent, the handshake's last step: the
                    # shutdown's first step then runs after the handshake is done and before
                    # ``connect``, which waits for it, is woken
                    asyncio.get_running_loop().call_soon(shut_down)

                adapter.bot.before_identify_hook = shut_down_as_the_handshake_completes  # type: ignore[method-assign]
                await asyncio.wait_for(started.wait(), 10)
                await asyncio.wait_for(ending[0], 10)
                assert runner.done()
                assert adapter.bot.is_closed()
                if sys.version_info < (3, 12):  # the cancel was lost: the close ended the run
                    assert not runner.cancelled()
                    assert runner.exception() is None

    asyncio.run(run())
