"""/healthz over real HTTP on loopback, and the container's probe against it."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp

from bot.observability import probe
from bot.observability.health import Health, HealthServer, stale_after_for
from bot.observability.instrument import record_ingest
from bot.observability.metrics import Metrics
from summaries.config import CONFIG_ENV, HealthSettings, ScheduleSettings, Settings
from summaries.ingest import IngestReport

REPO = Path(__file__).resolve().parents[2]
START = datetime(2025, 3, 5, 8, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now=START):
        self.now = now

    def __call__(self):
        return self.now


async def get_json(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return response.status, await response.json()


def healthy(clock):
    health = Health(stale_after=timedelta(hours=1), clock=clock)
    health.adapter_connected("discord", True)
    health.scheduler_running(True)
    health.ingest_succeeded(clock())
    return health


def test_healthy_answers_200_with_what_each_part_reported():
    clock = Clock()
    health = healthy(clock)
    clock.now += timedelta(minutes=10)

    async def scenario():
        async with HealthServer(health, port=0) as server:
            return await get_json(f"{server.url}/healthz")

    status, body = asyncio.run(scenario())

    assert status == 200
    assert body == {
        "status": "ok",
        "problems": [],
        "adapters": {"discord": {"connected": True}},
        "scheduler": {"running": True},
        "ingest": {
            "last_success": "2025-03-05T08:00:00+00:00",
            "age_seconds": 600.0,
            "stale_after_seconds": 3600.0,
        },
    }


def test_each_unhealthy_part_answers_503_and_says_why():
    clock = Clock()
    health = healthy(clock)

    async def scenario():
        answers = []
        async with HealthServer(health, port=0) as server:
            url = f"{server.url}/healthz"
            health.adapter_connected("discord", False)
            answers.append(await get_json(url))
            health.adapter_connected("discord", True)
            health.scheduler_running(False)
            answers.append(await get_json(url))
            health.scheduler_running(True)
            clock.now += timedelta(hours=1, seconds=1)
            answers.append(await get_json(url))
            health.ingest_succeeded(clock.now)
            answers.append(await get_json(url))
        return answers

    disconnected, stopped, stale, recovered = asyncio.run(scenario())

    assert disconnected[0] == 503
    assert disconnected[1]["status"] == "unhealthy"
    assert disconnected[1]["problems"] == ["discord is not connected"]
    assert disconnected[1]["adapters"] == {"discord": {"connected": False}}
    assert stopped[0] == 503 and stopped[1]["problems"] == ["the scheduler is not running"]
    assert stale[0] == 503
    assert stale[1]["problems"] == ["no successful ingest since 2025-03-05T08:00:00+00:00"]
    assert stale[1]["ingest"]["age_seconds"] == 3601.0
    assert recovered[0] == 200


def test_before_the_first_ingest_the_start_counts_until_it_is_stale():
    clock = Clock()
    health = Health(stale_after=timedelta(hours=1), clock=clock)
    health.scheduler_running(True)
    assert health.status().healthy  # no adapter reported (the console): none expected
    assert health.status().as_json()["ingest"]["age_seconds"] is None
    clock.now += timedelta(hours=2)
    assert health.status().problems == ("no successful ingest since the start",)


def test_an_ingest_run_counts_as_success_unless_every_due_source_failed():
    clock = Clock()
    health = Health(stale_after=timedelta(hours=1), clock=clock)
    metrics = Metrics()
    record_ingest(IngestReport(sources=2, failed=2), metrics, health, now=START)
    assert health.status().last_ingest is None
    assert metrics.feed_failures.value() == 2
    record_ingest(IngestReport(sources=2, new=3, failed=1), metrics, health, now=START)
    assert health.status().last_ingest == START
    assert metrics.articles_ingested.value(outcome="new") == 3


def test_staleness_follows_the_ingest_interval():
    def for_minutes(minutes):
        return stale_after_for(Settings(schedule=ScheduleSettings(ingest_minutes=minutes)))

    assert for_minutes(30) == timedelta(minutes=90)
    assert for_minutes(5) == timedelta(hours=1)


def test_the_probe_reads_the_port_from_the_config_and_exits_by_health(tmp_path):
    clock = Clock()
    health = healthy(clock)

    async def run_probe(config):
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.observability.probe",
            "--config",
            str(config),
            cwd=REPO,
            stdout=asyncio.subprocess.PIPE,
        )
        out, _ = await process.communicate()
        return process.returncode, out.decode().strip()

    async def scenario():
        async with HealthServer(health, port=0) as server:  # on loopback only
            config = tmp_path / "config.toml"  # as in the image: the probe maps 0.0.0.0
            config.write_text(f'[health]\nhost = "0.0.0.0"\nport = {server.port}\n')
            good = await run_probe(config)
            health.scheduler_running(False)
            bad = await run_probe(config)
            port = server.port
        gone = await run_probe(config)
        return port, good, bad, gone

    port, good, bad, gone = asyncio.run(scenario())

    url = f"http://127.0.0.1:{port}/healthz"
    assert good == (0, f"healthy: {url} answered 200")
    assert bad == (1, f"unhealthy: {url} answered 503: the scheduler is not running")
    assert gone[0] == 1 and gone[1].startswith(f"unhealthy: {url} did not answer (")


def test_the_probe_agrees_with_the_config_defaults(tmp_path, monkeypatch):
    assert probe.CONFIG_ENV == CONFIG_ENV
    assert probe.DEFAULT_PORT == HealthSettings().port
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "absent.toml"))
    assert probe.health_url(None) == f"http://127.0.0.1:{HealthSettings().port}/healthz"
    ipv6 = tmp_path / "v6.toml"
    ipv6.write_text('[health]\nhost = "::1"\nport = 9000\n')
    assert probe.health_url(str(ipv6)) == "http://[::1]:9000/healthz"
