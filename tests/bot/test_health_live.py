"""/healthz and /metrics of the real ``python -m bot``, run as a process against the fake
Discord; and its log, which must never show the bot token."""

from __future__ import annotations

import asyncio
import json
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

import aiohttp

from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.process import BotProcess, free_port, write_config

SAMPLES = Path(__file__).resolve().parents[2] / "summaries" / "samples"
ARTICLES = ("01-brennport-port-ransomware.txt", "05-aldmere-central-bank-rate-cut.txt")


def live_config(folder: Path, port: int) -> str:
    return (
        f'[sources]\nfolders = ["{folder}"]\n\n'
        "[digest]\nmax_age_hours = 0\n\n"  # the samples are older than a digest's usual 72 h
        f"[health]\nenabled = true\nport = {port}\n\n"
        '[logging]\nlevel = "DEBUG"\n'  # discord.py then logs every gateway event in full
    )


def sample(text: str, name: str) -> float | None:
    """The value of one sample line (``name`` with its labels) in Prometheus text."""
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.rsplit(" ", 1)[1])
    return None


async def poll(
    http: aiohttp.ClientSession,
    url: str,
    until: Callable[[int, str], bool],
    what: str,
    timeout: float = 30.0,
) -> tuple[int, str]:
    """GET ``url`` until ``until(status, body)`` holds (the bot runs in another process)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    status, body = 0, ""
    while True:
        try:
            async with http.get(url) as response:
                status, body = response.status, await response.text()
        except aiohttp.ClientError:
            status, body = 0, ""
        if until(status, body):
            return status, body
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}: last answer {status} {body}")
        await asyncio.sleep(0.1)


def test_health_and_metrics_follow_the_running_bot_and_its_log_never_shows_the_token(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ARTICLES:
        shutil.copy(SAMPLES / name, folder / name)
    port = free_port()
    base = f"http://127.0.0.1:{port}"

    async def run() -> None:
        async with FakeDiscord() as fake, aiohttp.ClientSession() as http:
            fake.token = "fake-" + secrets.token_urlsafe(24)  # no token shape: redacted by value
            write_config(tmp_path, fake, live_config(folder, port))
            bot = await BotProcess.start(tmp_path, fake)
            try:
                # Connected, the scheduler running, the first ingest done: healthy.
                _, body = await poll(http, f"{base}/healthz", lambda s, _: s == 200, "healthy")
                health = json.loads(body)
                assert health["status"] == "ok"
                assert health["adapters"] == {"discord": {"connected": True}}
                assert health["scheduler"] == {"running": True}
                ingested = 'briefing_articles_ingested_total{outcome="new"}'
                await poll(
                    http,
                    f"{base}/metrics",
                    lambda _, text: sample(text, ingested) == len(ARTICLES),
                    "the articles ingested",
                )

                # Someone pastes the token in a channel: the DEBUG log shows that event.
                await fake.say(fake.news, fake.bob, f"oops, here is our bot token: {fake.token}")
                await fake.say(fake.news, fake.bob, "!help")
                await fake.say(fake.news, fake.alice, "!digest now")
                await fake.wait_for(
                    lambda: any(
                        m["content"].startswith("**Your briefing")
                        for m in fake.by_bot_in(fake.news)
                    ),
                    30,
                    "the digest",
                )
                _, text = await poll(
                    http,
                    f"{base}/metrics",
                    lambda _, t: sample(t, 'briefing_digests_total{outcome="sent"}') == 1,
                    "the digest counted",
                )
                assert sample(text, 'briefing_commands_total{command="help"}') == 1
                assert sample(text, 'briefing_commands_total{command="digest"}') == 1
                assert sample(text, "briefing_summarization_seconds_count") == len(ARTICLES)
                assert sample(text, "briefing_feed_failures_total") == 0
                assert sample(text, 'briefing_adapter_connected{adapter="discord"}') == 1
                assert sample(text, "briefing_healthy") == 1

                # The gateway drops and will not take the bot back for now: unhealthy.
                fake.gateway.refusing = True
                await fake.gateway.drop()
                _, body = await poll(http, f"{base}/healthz", lambda s, _: s == 503, "unhealthy")
                assert json.loads(body)["problems"] == ["discord is not connected"]
                _, text = await poll(http, f"{base}/metrics", lambda s, _: s == 200, "metrics")
                assert sample(text, 'briefing_adapter_connected{adapter="discord"}') == 0
                assert sample(text, "briefing_healthy") == 0

                # The gateway is back: the session resumes and the bot is healthy again.
                fake.gateway.refusing = False
                await poll(http, f"{base}/healthz", lambda s, _: s == 200, "healthy again")
                assert fake.gateway.count("resume") >= 1

                code, seconds = await bot.stop()
            finally:
                await bot.kill()
            log = bot.log()
            assert code == 0, log
            assert seconds < 10
            assert "here is our bot token: [redacted]" in log  # the event was logged, redacted
            assert fake.token not in log

    asyncio.run(asyncio.wait_for(run(), 120))
