"""Two `briefing ingest` processes on one database at once group stories as one would:
each takes in what the other stored before it chooses a story."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from summaries.samples import sample_articles
from summaries.store import open_store
from tests.fakes.feed_server import FeedServer, rss
from tests.test_ingest import write_config

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def cli(config: Path, *argv: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "summaries.cli", *argv, "--config", str(config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def finished(process: subprocess.Popen) -> str:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, (out, err)
    return out


def wait_for(condition, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def test_an_ingest_groups_with_what_another_stored_while_it_ran(server, tmp_path):
    samples = {Path(a.url).name[:2]: a for a in sample_articles()}
    herald, courier = samples["01"], samples["02"]  # one story, told by two outlets
    gate = threading.Event()
    server.route(
        "/herald",
        rss("Gulf Herald", [(herald.title, "/h/1", herald.text)]),
        "application/rss+xml",
        hold=gate,
    )
    server.route(
        "/courier",
        rss("Brennport Courier", [(courier.title, "/c/1", courier.text)]),
        "application/rss+xml",
    )
    # The held feed waits for the whole second ingest, which may take long on a busy machine.
    config = write_config(tmp_path, timeout=120)
    finished(cli(config, "sources", "add", server.url("/herald"), "--kind", "feed"))

    first = cli(config, "ingest")  # reads its story window, then waits for the Herald
    try:
        wait_for(
            lambda: "/herald" in server.paths() or first.poll() is not None,
            "the first ingest to ask for its feed",
        )
        assert first.poll() is None, first.communicate()
        with open_store(tmp_path / "briefing.db") as store:  # the Herald is not due for the
            store.execute(  # second ingest: it reads only the Courier
                "UPDATE sources SET next_attempt_at = '2999-01-01T00:00:00.000000Z'"
            )
        finished(cli(config, "sources", "add", server.url("/courier"), "--kind", "feed"))
        second = finished(cli(config, "ingest"))
        assert "1 source: 1 fetched, 1 new" in second
    finally:
        gate.set()
    assert "1 new" in finished(first)

    with open_store(tmp_path / "briefing.db") as store:
        rows = store.execute("SELECT title, story_id FROM articles ORDER BY id")
    assert [title for title, _ in rows] == [courier.title, herald.title]
    assert len({story for _, story in rows}) == 1, rows  # one story, not one per process
