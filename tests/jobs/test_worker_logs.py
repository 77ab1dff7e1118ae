"""A real ``briefing worker``'s log: one logfmt line per job event, and no secret in it."""

from __future__ import annotations

import asyncio
import re

from tests.fakes.discord.harness import digests_in
from tests.fakes.feed_server import FeedServer
from tests.jobs.support import Worker, database, jobs, until, write_config
from tests.jobs.test_deliver_jobs import PERIOD, delivering, queue
from tests.jobs.test_worker_processes import SOURCES, add_feed, defer_all

KEY = "k3y-0f-the-feed-7781"  # a feed whose address carries a key in its query
_PAIR = re.compile(r'([A-Za-z0-9_.-]+)=("(?:[^"\\]|\\.)*"|\S*)')


def logfmt(line: str) -> dict[str, str]:
    """One logfmt line as its fields (quoted values unquoted)."""
    pairs = _PAIR.findall(line)
    return {key: value[1:-1] if value.startswith('"') else value for key, value in pairs}


def job_lines(log: str) -> list[dict[str, str]]:
    """The job event lines, but the hourly purge's (queued at once by a worker started
    within ten minutes after its time)."""
    lines = [logfmt(line) for line in log.splitlines() if line.strip()]
    return [
        fields
        for fields in lines
        if fields.get("event", "").startswith("job_") and fields.get("job") != "purge"
    ]


def test_a_fetch_job_logs_its_start_and_its_end_with_the_source_and_the_time(tmp_path):
    with database() as url, FeedServer() as feeds:
        feeds.feed("/feed.xml", "rss2.xml")
        write_config(tmp_path, url, SOURCES)
        add_feed(url, feeds.url(f"/feed.xml?key={KEY}"))

        async def run() -> None:
            assert await defer_all(url, 1) == [1]
            worker = await Worker.start(tmp_path, "--queues", "fetch")
            try:
                await until(lambda: jobs(url)[0]["status"] == "succeeded", what="the fetch")
                await asyncio.sleep(0.5)  # the line after the job's end
            finally:
                assert (await worker.stop())[0] == 0, worker.log()
            log = worker.log()
            lines = job_lines(log)
            assert [line["event"] for line in lines] == ["job_start", "job_done"], log
            start, done = lines
            job_id = str(jobs(url)[0]["id"])
            for line in lines:
                assert line["job"] == "fetch" and line["job_id"] == job_id
                assert line["source"] == feeds.url("/feed.xml")  # without its query
                assert line["level"] == "info" and line["logger"] == "briefing.jobs"
                assert line["time"].endswith("Z")
            assert 0 < float(done["seconds"]) < 60
            assert "fetched" in done["result"]
            assert KEY not in log
            # every line of the worker is one structured line, Procrastinate's included
            assert all(line.startswith("time=") for line in log.splitlines() if line.strip())

        asyncio.run(asyncio.wait_for(run(), 90))


def test_a_deliver_job_logs_its_retry_and_its_post_without_the_token(tmp_path):
    async def run() -> None:
        async with delivering(tmp_path) as (fake, url, channel):
            # the first attempt's three tries (a 503 is tried twice more), not the retry
            fake.fail("POST", r"/channels/\d+/messages", 503, times=3)
            await queue(url, (channel, PERIOD))
            worker = await Worker.start(
                tmp_path, "--queues", "deliver", env={"DISCORD_TOKEN": fake.token}
            )
            try:
                await until(lambda: digests_in(fake, fake.news), timeout=40, what="a retry")
                await until(lambda: jobs(url)[0]["status"] == "succeeded", what="the job")
                await asyncio.sleep(0.5)
            finally:
                assert (await worker.stop())[0] == 0, worker.log()
            log = worker.log()
            lines = job_lines(log)
            events = [line["event"] for line in lines]
            assert events == ["job_start", "job_retry", "job_start", "job_done"], log
            for line in lines:
                assert line["job"] == "deliver" and line["channel"] == channel
                assert line["period"] == PERIOD
            assert lines[1]["level"] == "warning" and float(lines[1]["seconds"]) >= 0
            assert lines[3]["result"] == "sent"
            assert fake.token not in log

    asyncio.run(asyncio.wait_for(run(), 90))
