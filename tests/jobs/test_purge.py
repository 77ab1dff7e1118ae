"""Finished jobs are purged: the hourly periodic task runs Procrastinate's ``remove_old_jobs``
in a real worker, deleting what ended over ``[queue] keep_hours`` ago and nothing else."""

from __future__ import annotations

import asyncio

import psycopg

from summaries.jobs import FETCH, defer_once, ensure_schema, queue_app
from summaries.jobs.fetching import TASK as FETCH_TASK
from summaries.jobs.purge import CRON, TASK, register_purge
from summaries.store import open_store
from tests.jobs.support import Worker, database, jobs, until, write_config


def test_the_purge_is_a_periodic_task_of_the_worker_first_queue():
    app = queue_app("postgresql://nobody@127.0.0.1:1/none")  # not opened
    register_purge(app, "deliver", 24)
    [periodic] = app.periodic_registry.periodic_tasks.values()
    assert periodic.task.name == TASK and periodic.cron == CRON
    assert periodic.task.queue == "deliver"
    assert periodic.task.queueing_lock == TASK  # one waiting at a time, whoever deferred it


async def _queue_fetches(url: str, sources: list[int]) -> None:
    app = queue_app(url)
    async with app.open_async():
        await ensure_schema(app)
        for source in sources:
            await defer_once(app, FETCH_TASK, FETCH, f"fetch:gone-{source}", source_id=source)


async def _queue_purge(url: str) -> None:
    """What the periodic deferrer queues at a tick (the test does not wait for 7 past)."""
    app = queue_app(url)
    async with app.open_async():
        await app.configure_task(TASK, queue=FETCH).defer_async(timestamp=0)


def _age(url: str, job_ids: list[int], hours: int) -> None:
    """Move the events of ``job_ids`` back by ``hours``: as if they had ended that long ago."""
    with psycopg.connect(url) as conn:
        conn.execute(
            "UPDATE procrastinate_events SET at = at - make_interval(hours => %s) "
            "WHERE job_id = ANY(%s)",
            (hours, job_ids),
        )


async def _queue_waiting(url: str) -> None:
    """A job of a queue the worker does not serve: it waits, however old."""
    app = queue_app(url)
    async with app.open_async():
        await defer_once(app, "deliver_digest", "deliver", "d", channel_id="c", period="p")


def test_a_worker_purges_jobs_that_ended_long_ago_and_keeps_the_rest(tmp_path):
    keep_hours = 24
    with database() as url:
        with open_store(url):  # the bot's tables first, as a bot or worker makes them
            pass
        write_config(tmp_path, url, "")
        config = tmp_path / "config.toml"
        config.write_text(
            config.read_text().replace("[queue]\n", f"[queue]\nkeep_hours = {keep_hours}\n")
        )

        async def run() -> None:
            await _queue_fetches(url, [901, 902, 903])  # sources that are gone: quick jobs
            worker = await Worker.start(tmp_path, "--queues", "fetch")
            try:
                await until(
                    lambda: [job["status"] for job in jobs(url)] == ["succeeded"] * 3,
                    what="the three jobs to end",
                )
                old, recent = [job["id"] for job in jobs(url)][:2], jobs(url)[2]["id"]
                await _queue_waiting(url)
                waiting = jobs(url)[3]["id"]
                _age(url, [*old, waiting], keep_hours + 1)
                _age(url, [recent], keep_hours - 1)
                await _queue_purge(url)
                await until(
                    lambda: not {job["id"] for job in jobs(url)} & set(old),
                    what="the old jobs to be purged",
                )
                await until(
                    lambda: all(
                        job["status"] == "succeeded"
                        for job in jobs(url, purges=True)
                        if job["task_name"] == TASK
                    ),
                    what="the purge to end",
                )
            finally:
                assert (await worker.stop())[0] == 0, worker.log()
            left = {job["id"]: (job["task_name"], job["status"]) for job in jobs(url)}
            assert left == {
                recent: (FETCH_TASK, "succeeded"),  # ended 23 h ago: kept
                waiting: ("deliver_digest", "todo"),  # not ended: kept
            }
            assert [job["status"] for job in jobs(url, purges=True) if job["task_name"] == TASK]
            assert "event=job_done job=purge" in worker.log()

        asyncio.run(asyncio.wait_for(run(), 90))
