"""Discord and Slack from one ``python -m bot``: the real process against the fake Discord
(gateway and REST) and the fake Slack (Web API and Socket Mode websocket), both on loopback.

Both tokens set: both adapters serve. A refused token at start stops the process (exit 2);
an adapter that dies later is logged with an incident id and reported down while the other
goes on serving, and the process ends (exit 70) only when no adapter is left.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from pathlib import Path

import aiohttp

from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.process import BotProcess, free_port, write_config
from tests.fakes.slack import FakeSlack

SLACK_BOT_TOKEN = "xoxb-" + secrets.token_hex(12)
SLACK_APP_TOKEN = "xapp-" + secrets.token_hex(12)
SLACK_TOKENS = {"SLACK_BOT_TOKEN": SLACK_BOT_TOKEN, "SLACK_APP_TOKEN": SLACK_APP_TOKEN}
WAIT = 30.0  # seconds for a process to start and connect (slow CI machines)


def both_config(directory: Path, fake: FakeDiscord, slack: FakeSlack, health_port: int) -> None:
    write_config(
        directory,
        fake,
        f'[slack]\nmode = "socket"\napi_base = "{slack.api_url}"\n\n'
        f"[health]\nenabled = true\nport = {health_port}\n",
    )


async def healthz(port: int, until_status: int, what: str) -> dict:
    """GET /healthz of the bot process until it answers ``until_status``; its JSON."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT
    status, body = 0, ""
    async with aiohttp.ClientSession() as http:
        while True:
            try:
                async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                    status, body = response.status, await response.text()
            except aiohttp.ClientError:
                status = 0
            if status == until_status:
                return json.loads(body)
            if loop.time() > deadline:
                raise AssertionError(f"timed out waiting for {what}: last {status} {body}")
            await asyncio.sleep(0.1)


async def discord_help_is_answered(fake: FakeDiscord) -> None:
    before = len(fake.by_bot_in(fake.news))
    await fake.say(fake.news, fake.bob, "!help")
    await fake.wait_for(
        lambda: any("What I can do" in str(m) for m in fake.by_bot_in(fake.news)[before:]),
        WAIT,
        "the answer to !help on Discord",
    )


async def slack_help_is_answered(slack: FakeSlack) -> dict:
    return await slack.command("/help", "", timeout=WAIT)


async def exit_code(bot: BotProcess) -> int:
    """The code the process exits with on its own (no signal sent)."""
    return await bot.ended(WAIT)


def test_one_process_answers_on_discord_and_slack_and_stops_on_sigterm(tmp_path):
    port = free_port()

    async def run() -> None:
        async with FakeDiscord() as fake, FakeSlack() as slack:
            fake.token = "fake-" + secrets.token_urlsafe(24)
            both_config(tmp_path, fake, slack, port)
            bot = await BotProcess.start(tmp_path, fake, SLACK_TOKENS)
            try:
                health = await healthz(port, 200, "both adapters connected")
                assert health["adapters"] == {
                    "discord": {"connected": True},
                    "slack": {"connected": True},
                }
                await slack.wait_for_socket(timeout=WAIT)
                await discord_help_is_answered(fake)
                answer = await slack_help_is_answered(slack)
                assert answer["text"].startswith("What I can do")
                code, seconds = await bot.stop()
            finally:
                await bot.kill()
            log = bot.log()
            assert code == 0, log
            assert seconds < 10
            assert [call.token for call in slack.calls_to("apps.connections.open")][:1] == [
                SLACK_APP_TOKEN
            ]
            for secret in (fake.token, SLACK_BOT_TOKEN, SLACK_APP_TOKEN):
                assert secret not in log

    asyncio.run(asyncio.wait_for(run(), 60))


def test_a_refused_slack_token_at_start_stops_the_process_with_exit_2(tmp_path):
    async def run() -> None:
        async with FakeDiscord() as fake, FakeSlack() as slack:
            slack.refused_tokens.add(SLACK_BOT_TOKEN)
            both_config(tmp_path, fake, slack, free_port())
            bot = await BotProcess.start(tmp_path, fake, SLACK_TOKENS)
            try:
                code = await exit_code(bot)
            finally:
                await bot.kill()
            log = bot.log()
            assert code == 2, log
            assert "configuration problem: Slack refused the token in SLACK_BOT_TOKEN" in log
            assert "Traceback" not in log and SLACK_BOT_TOKEN not in log

    asyncio.run(asyncio.wait_for(run(), 60))


def test_discord_dying_at_run_time_leaves_slack_serving_and_reported_down(tmp_path):
    """The gateway closes with 4004 (the token was reset while the bot ran): discord.py ends
    with ConnectionClosed. That is one incident in the log and "discord is not connected" on
    /healthz; Slack still answers, and SIGTERM still stops the process with 0."""
    port = free_port()

    async def run() -> None:
        async with FakeDiscord() as fake, FakeSlack() as slack:
            both_config(tmp_path, fake, slack, port)
            bot = await BotProcess.start(tmp_path, fake, SLACK_TOKENS)
            try:
                await healthz(port, 200, "both adapters connected")
                await fake.gateway.drop(code=4004)
                health = await healthz(port, 503, "discord reported down")
                assert health["problems"] == ["discord is not connected"]
                assert health["adapters"]["slack"] == {"connected": True}
                await slack.wait_for_socket(timeout=WAIT)
                answer = await slack_help_is_answered(slack)
                assert answer["text"].startswith("What I can do")
                assert bot.process.returncode is None
                code, _ = await bot.stop()
            finally:
                await bot.kill()
            log = bot.log()
            assert code == 0, log
            assert "the discord adapter stopped" in log and "incident " in log
            assert "still serving on slack" in log

    asyncio.run(asyncio.wait_for(run(), 60))


def test_the_last_adapter_dying_ends_the_process_with_exit_70(tmp_path):
    async def run() -> None:
        async with FakeDiscord() as fake:
            write_config(tmp_path, fake)
            bot = await BotProcess.start(tmp_path, fake)
            try:
                await fake.wait_for(lambda: fake.gateway.count("identify"), WAIT, "identify")
                await fake.gateway.drop(code=4004)
                code = await exit_code(bot)
            finally:
                await bot.kill()
            log = bot.log()
            assert code == 70, log
            assert "the discord adapter stopped" in log and "incident " in log
            assert "no chat adapter is left running (discord failed)" in log

    asyncio.run(asyncio.wait_for(run(), 60))
