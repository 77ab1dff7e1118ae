"""Stopping the bot while its schedule's jobs are just starting (a console whose input ends
at once, a reader that went away): the jobs are stopped as asked, and nothing is logged as
an error (real APScheduler on the running loop, real SQLite store)."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.runtime import BotRuntime
from tests.bot.test_commands_digest import settings_for


@pytest.mark.parametrize("turns", [0, 1, 2, 3])
def test_a_bot_stopped_as_its_jobs_start_logs_no_error(tmp_path, caplog, turns):
    """Stopped ``turns`` turns of the loop after its start: the first tick and the first
    ingest were submitted and had not yet begun, or had just begun."""

    async def main() -> None:
        runtime = await BotRuntime.open(settings_for(tmp_path))
        try:
            await runtime.start()
            for _ in range(turns):
                await asyncio.sleep(0)
        finally:
            await runtime.close()

    with caplog.at_level(logging.INFO):
        asyncio.run(main())
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []
