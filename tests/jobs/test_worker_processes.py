"""``briefing worker`` as real processes on a PostgreSQL queue: a URL is queued and read once,
a job of a killed worker is run again, a failing fetch is retried after growing waits."""

from __future__ import annotations

import asyncio
import signal
from datetime import UTC, datetime

from summaries.jobs import defer_due_fetches, ensure_schema, queue_app
from summaries.store import open_store
from tests.fakes.feed_server import FeedServer
from tests.jobs.support import Worker, database, events, jobs, until, write_config

SOURCES = '[sources]\nallow_hosts = ["127.0.0.1"]\n\n[fetch]\npoliteness = 0\ntimeout = 5\n'


def add_feed(url: str, feed: str) -> None:
    with open_store(url) as store:
        store.add_source(feed, "feed", added_by="test")


async def defer_all(url: str, times: int) -> list[int]:
    """What ``times`` clock ticks queue (each defers every due source)."""
    with open_store(url) as store:
        sources = store.sources_to_read()
    app = queue_app(url)
    async with app.open_async():
        await ensure_schema(app)
        return [await defer_due_fetches(app, sources, datetime.now(UTC)) for _ in range(times)]


def stored_articles(url: str) -> int:
    with open_store(url) as store:
        return store.count_articles()


def test_a_url_deferred_many_times_is_queued_once_and_read_once_by_two_workers(tmp_path):
    with database() as url, FeedServer() as feeds:
        feeds.feed("/feed.xml", "rss2.xml")
        write_config(tmp_path, url, SOURCES)
        add_feed(url, feeds.url("/feed.xml"))

        async def run() -> None:
            assert await defer_all(url, 5) == [1, 0, 0, 0, 0]
            assert len(jobs(url)) == 1
            workers = [await Worker.start(tmp_path, "--queues", "fetch") for _ in range(2)]
            try:
                for worker in workers:
                    await worker.logged("serving fetch")
                await until(
                    lambda: jobs(url)[0]["status"] == "succeeded",
                    what="the fetch job to succeed",
                )
                # both workers keep polling: a second run of the job would show by now
                await asyncio.sleep(2)
                assert feeds.paths().count("/feed.xml") == 1
                assert stored_articles(url) >= 1
                assert [job["status"] for job in jobs(url)] == ["succeeded"]
            finally:
                codes = [(await worker.stop())[0] for worker in workers]
            assert codes == [0, 0], [worker.log() for worker in workers]
            # once it ran, the next ticks queue the URL again, once
            assert await defer_all(url, 3) == [1, 0, 0]

        asyncio.run(asyncio.wait_for(run(), 90))


def test_the_job_of_a_killed_worker_is_run_again_by_another(tmp_path):
    with database() as url, FeedServer() as feeds:
        route = feeds.feed("/feed.xml", "rss2.xml")
        route.delay = 4.0  # the first worker is killed while it waits for the answer
        write_config(tmp_path, url, SOURCES)
        add_feed(url, feeds.url("/feed.xml"))

        async def run() -> None:
            await defer_all(url, 1)
            first = await Worker.start(tmp_path, "--queues", "fetch")
            second = None
            try:
                await until(lambda: feeds.paths(), what="the first worker to fetch")
                assert jobs(url)[0]["status"] == "doing"
                first.process.send_signal(signal.SIGKILL)
                await first.process.wait()
                route.delay = 0.0
                second = await Worker.start(tmp_path, "--queues", "fetch")
                await until(
                    lambda: jobs(url)[0]["status"] == "succeeded",
                    timeout=40,
                    what="the stalled job to be run again and succeed",
                )
                assert "event=job_stalled job=fetch" in second.log()
                assert feeds.paths().count("/feed.xml") == 2  # the killed read, then the retry
                assert stored_articles(url) >= 1
                assert len(jobs(url)) == 1  # the same job, not a new one
            finally:
                await first.kill()
                if second is not None:
                    assert (await second.stop())[0] == 0, second.log()

        asyncio.run(asyncio.wait_for(run(), 90))


async def run_until_done(url: str, tmp_path, status: str, settle: float = 0.0) -> dict:
    """Queue the source once, run one worker until its job is ``status`` (and ``settle``
    seconds more), stop it; the job's row."""
    await defer_all(url, 1)
    worker = await Worker.start(tmp_path, "--queues", "fetch")
    try:
        await until(lambda: jobs(url)[0]["status"] == status, timeout=40, what=f"job {status}")
        await asyncio.sleep(settle)
    finally:
        assert (await worker.stop())[0] == 0, worker.log()
    return jobs(url)[0]


def failing_site(tmp_path, feeds: FeedServer, url: str, status: int) -> None:
    feeds.route("/feed.xml", "not here just now", status=status)
    write_config(tmp_path, url, SOURCES)
    add_feed(url, feeds.url("/feed.xml"))


def test_a_failing_fetch_is_retried_after_growing_waits_then_given_up(tmp_path):
    with database() as url, FeedServer() as feeds:
        failing_site(tmp_path, feeds, url, 503)
        job = asyncio.run(asyncio.wait_for(run_until_done(url, tmp_path, "failed"), 90))
        assert job["attempts"] == 3  # [queue] retry_attempts
        started = [at for kind, at in events(url, job["id"]) if kind == "started"]
        assert len(started) == 3
        waits = [later - earlier for earlier, later in zip(started, started[1:], strict=False)]
        # retry_seconds = 2: about 2 s, then about 4 s (the worker polls every half second)
        assert 1.8 <= waits[0] <= 3.5, waits
        assert 3.8 <= waits[1] <= 5.5, waits
        with open_store(url) as store:
            (source,) = store.list_sources()
        assert source.failures == 3 and "503" in (source.last_error or "")


def test_a_site_that_refuses_for_good_is_not_retried(tmp_path):
    with database() as url, FeedServer() as feeds:
        failing_site(tmp_path, feeds, url, 404)
        # a retry would have come within the 3 s of settling
        job = asyncio.run(asyncio.wait_for(run_until_done(url, tmp_path, "succeeded", 3), 60))
        assert job["attempts"] == 1
        assert feeds.paths().count("/feed.xml") == 1
