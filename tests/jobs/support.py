"""What the queue tests share: a PostgreSQL database of their own, worker processes, and a
look into the queue's table.

Each test gets a new database (created from ``BRIEFING_TEST_POSTGRES_URL``, dropped after
it, with whatever connections are left); without that variable the test is skipped and
says why, so a fresh clone without a database server still passes.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakes.discord.process import BotProcess
from tests.postgres import SKIP_REASON, URL, new_database


@contextlib.contextmanager
def database() -> Iterator[str]:
    """A new, empty database for one test (dropped after it): its URL."""
    if not URL:
        pytest.skip(SKIP_REASON)
    with new_database(URL, "briefing_jobs") as url:
        yield url


def jobs(url: str, *, purges: bool = False) -> list[dict]:
    """Every row of the queue's table, oldest first; without the hourly purge's jobs unless
    ``purges`` (a worker started within ten minutes after its time queues one at once)."""
    import psycopg
    from psycopg.rows import dict_row

    with psycopg.connect(url, row_factory=dict_row) as conn:
        rows = conn.execute(
            "SELECT id, task_name, status, attempts, args, queueing_lock "
            "FROM procrastinate_jobs ORDER BY id"
        ).fetchall()
    return [row for row in rows if purges or row["task_name"] != "purge_finished_jobs"]


def events(url: str, job_id: int) -> list[tuple[str, float]]:
    """(event type, seconds since the epoch) of one job, in order."""
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT type::text, extract(epoch FROM at)::float FROM procrastinate_events "
            "WHERE job_id = %s ORDER BY id",
            (job_id,),
        ).fetchall()


def write_config(directory: Path, url: str, extra: str = "") -> Path:
    """config.toml for workers on the queue at ``url``, retrying and noticing stalled
    workers quickly (2 s, then 4 s; 3 s of silence)."""
    path = directory / "config.toml"
    path.write_text(
        f'[store]\npath = "{directory / "briefing.db"}"\nurl = "{url}"\n\n'
        "[ingest]\nworkers = 1\n\n"
        "[queue]\nretry_attempts = 3\nretry_seconds = 2\nstalled_seconds = 3\n\n" + extra,
        encoding="utf-8",
    )
    return path


class Worker(BotProcess):
    """One ``briefing worker`` process (``stop``, ``logged``, ``kill`` as a bot's); its output
    goes to a file in the directory (``worker-1.log``, ...)."""

    @classmethod
    async def start(  # type: ignore[override]
        cls, directory: Path, *options: str, env: dict[str, str] | None = None
    ) -> Worker:
        config = str(directory / "config.toml")
        argv = ["-m", "summaries.cli", "worker", "--config", config, *options]
        return await cls.launch(directory, argv, env or {}, "worker")  # type: ignore[return-value]


async def until(predicate, timeout: float = 30.0, what: str = "", every: float = 0.1):
    """Poll ``predicate`` (a plain function) until it returns something true."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        await asyncio.sleep(every)
