"""Discord and Slack out of reach, with the real ``python -m bot`` against closed loopback
ports and the fakes: at start-up both stop with exit 1 and the same plain message naming the
address; once running, a lost connection is retried and logged in the same words, never as
an incident with a traceback."""

from __future__ import annotations

import asyncio
import gc
import logging
import secrets
from datetime import timedelta
from pathlib import Path

from bot.discord.client import Timing
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import bot_over_runtime, settings_for, store_story
from tests.fakes.discord.process import BotProcess, free_port, write_config

DISCORD_TOKEN = "fake-" + secrets.token_urlsafe(24)
SLACK_TOKENS = {
    "SLACK_BOT_TOKEN": "xoxb-" + secrets.token_hex(12),
    "SLACK_APP_TOKEN": "xapp-" + secrets.token_hex(12),
}
WAIT = 30.0


def start_up_failure(directory: Path, platform: str, port: int) -> tuple[int, str]:
    """Run ``python -m bot`` with only ``platform``'s token set and its API at a closed
    loopback ``port``: its exit code and log."""
    directory.mkdir()
    closed = f"http://127.0.0.1:{port}"
    if platform == "discord":
        config = f'[discord]\napi_base = "{closed}/api"\ngateway_url = "ws://127.0.0.1:{port}/"\n'
        env = {"DISCORD_TOKEN": DISCORD_TOKEN}
    else:
        config = f'[slack]\nmode = "socket"\napi_base = "{closed}/api/"\n'
        env = SLACK_TOKENS
    (directory / "config.toml").write_text(
        f'[store]\npath = "{directory / "bot.db"}"\n\n[ingest]\nworkers = 1\n\n{config}',
        encoding="utf-8",
    )

    async def run() -> tuple[int, str]:
        bot = await BotProcess.start(directory, None, env)
        try:
            code = await bot.ended(WAIT)
        finally:
            await bot.kill()
        return code, bot.log()

    return asyncio.run(asyncio.wait_for(run(), 60))


def test_an_unreachable_api_at_start_up_exits_1_naming_its_address_on_both_platforms(tmp_path):
    port = free_port()  # nobody listens there: every connection is refused
    results = {
        platform: start_up_failure(tmp_path / platform, platform, port)
        for platform in ("discord", "slack")
    }
    lines = {}
    for platform, (code, log) in results.items():
        assert code == 1, log
        assert "Traceback" not in log and "incident" not in log, log
        for secret in (DISCORD_TOKEN, *SLACK_TOKENS.values()):
            assert secret not in log
        [line] = [line for line in log.splitlines() if line.startswith("bot: ")]
        lines[platform] = line
    assert lines["discord"] == (
        f"bot: Discord at http://127.0.0.1:{port} ([discord] api_base) is not available: the "
        "connection was refused. Check the network and [discord] api_base, then start the bot "
        "again."
    )
    # the same behaviour, word for word, but for the platform's name
    assert lines["slack"] == lines["discord"].replace("Discord", "Slack").replace(
        "[discord]", "[slack]"
    )


def test_an_unreachable_gateway_at_start_up_exits_1_naming_its_address(tmp_path):
    """REST answers, the gateway does not: discord.py would fail on its first retry (or,
    sharded, retry forever)."""
    port = free_port()

    async def run() -> None:
        async with FakeDiscord() as fake:
            write_config(tmp_path, fake)
            config = tmp_path / "config.toml"
            text = config.read_text(encoding="utf-8")
            config.write_text(
                text.replace(fake.gateway_url, f"ws://127.0.0.1:{port}/gateway"), encoding="utf-8"
            )
            bot = await BotProcess.start(tmp_path, fake)
            try:
                code = await bot.ended(WAIT)
            finally:
                await bot.kill()
            log = bot.log()
            assert code == 1, log
            assert (
                f"bot: Discord's gateway at ws://127.0.0.1:{port} ([discord] gateway_url) is not "
                "available: the connection was refused." in log
            )
            assert "Traceback" not in log and "incident" not in log
            assert fake.gateway.count("identify") == 0

    asyncio.run(asyncio.wait_for(run(), 60))


def test_a_gateway_lost_while_running_is_retried_and_logged_in_plain_words(tmp_path):
    async def run() -> None:
        async with FakeDiscord() as fake:
            write_config(tmp_path, fake)
            bot = await BotProcess.start(tmp_path, fake)
            try:
                await fake.wait_for(lambda: fake.gateway.count("identify"), WAIT, "identify")
                fake.gateway.refusing = True  # the gateway answers 503 to a new connection
                await fake.gateway.drop()
                await bot.logged(
                    f"Discord's gateway at ws://127.0.0.1:{fake.port} ([discord] gateway_url) "
                    "is not available: it answered HTTP 503 instead of opening the connection. "
                    "Attempting a reconnect in "
                )
                fake.gateway.refusing = False
                await fake.wait_for(lambda: fake.gateway.count("resume"), WAIT, "the resume")
                assert bot.process.returncode is None
                code, _ = await bot.stop()
            finally:
                await bot.kill()
            log = bot.log()
            assert code == 0, log
            assert "Traceback" not in log and "incident" not in log
            assert "level=warning logger=discord.client" in log

    asyncio.run(asyncio.wait_for(run(), 90))


def test_a_bot_closed_just_after_connecting_has_no_late_ready_to_fail(tmp_path, caplog):
    """discord.py announces "ready" a moment (guild_ready_timeout) after the gateway's
    READY; a bot closed in that moment (a restart soon after connecting) lets it pass
    quietly, instead of a late "ready" failing on the closed client with a traceback."""

    async def run() -> None:
        async with FakeDiscord() as fake:
            settings = settings_for(fake, tmp_path)
            timing = Timing(guild_ready_timeout=0.3, identify_delay=0.0)
            async with bot_over_runtime(settings, fake, timing) as (_runtime, adapter):
                fake.gateway.invalidate()  # the next connection identifies: a new READY
                await fake.gateway.drop()
                await fake.wait_for(lambda: fake.gateway.count("identify") > 1, WAIT, "identify")
                await adapter.close()
                await asyncio.sleep(0.6)  # past discord.py's wait for the guilds
                gc.collect()

    with caplog.at_level(logging.ERROR, logger="asyncio"):
        asyncio.run(asyncio.wait_for(run(), 60))
    assert [r.getMessage() for r in caplog.records if r.name == "asyncio"] == []


def test_rest_lost_while_running_leaves_commands_unanswered_quietly_and_the_digest_for_later(
    tmp_path, caplog
):
    """Discord's REST API stops answering mid-run (the gateway still delivers commands): a
    command's answer is lost with a warning naming the address, not an incident; the digest
    fails as transient and is posted by the next resend once REST is back."""

    async def run() -> tuple[str, int, list[dict]]:
        async with FakeDiscord() as fake:
            settings = settings_for(fake, tmp_path)
            async with bot_over_runtime(settings, fake) as (runtime, _adapter):
                store_story(runtime.store, 1, "Harbour walls rise", "The walls rise. Work starts.")
                channel = f"discord:{fake.news.id}"
                fake.rest_down = True
                await fake.say(fake.news, fake.bob, "!help")
                await fake.slash("help")
                runtime.delivery.retry = timedelta(0)  # a retry is due at once
                outcome = await runtime.delivery.deliver(channel, "2026-03-02")
                await fake.wait_for(lambda: len(fake.requests_to("POST", r".*")) >= 3, WAIT)
                fake.rest_down = False
                resent = await runtime.delivery.resend_unsent()
                return outcome, resent, fake.by_bot_in(fake.news)

    with caplog.at_level(logging.WARNING):
        outcome, resent, posted = asyncio.run(asyncio.wait_for(run(), 60))
    assert (outcome, resent) == ("failed", 1)
    [digest] = posted  # posted once, by the resend
    assert [embed["title"] for embed in digest["embeds"]] == ["Harbour walls rise"]
    address = "Discord at http://127.0.0.1:"
    answers = [r.getMessage() for r in caplog.records if r.name == "briefing.discord.commands"]
    assert len(answers) == 2 and all(address in answer for answer in answers), answers
    assert "is not available: the connection was closed before an answer" in answers[0]
    assert "incident" not in caplog.text and "Traceback" not in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
