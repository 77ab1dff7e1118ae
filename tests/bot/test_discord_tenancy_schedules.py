"""Two Discord servers with their own sources and their own digest times: each channel
gets its digest at its own time, with only its server's outlets, and nothing at the
other's. The servers are those of ``test_discord_tenancy`` (Newsroom follows the Gulf
Herald, Harbour Town the Brennport Courier; both tell the Brennport story)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import time_machine

from tests.bot.helpers_tenancy import EPHEMERAL, text_of
from tests.bot.test_discord_tenancy import scenario, two_servers
from tests.fakes.discord.harness import digests_in


def test_two_servers_get_their_own_digest_at_their_own_time(tmp_path):
    """Newsroom at 11:00 London (11:00Z on 3 March 2026), Harbour Town at 07:00 New York
    (12:00Z, before the US change on 8 March)."""

    async def run(traveller):
        async with two_servers(tmp_path) as w:
            fake, runtime, there = w.fake, w.runtime, w.there
            wanted = (
                (fake.alice, fake.news, "11:00", "Europe/London"),
                (w.carol, there, "07:00", "america/new_york"),
            )
            for user, channel, time, zone in wanted:
                options = {"time": time, "timezone": zone}
                done = await fake.answer(
                    await fake.slash(
                        "schedule", options, subcommand="set", user=user, channel=channel
                    )
                )
                assert not done["flags"] & EPHEMERAL, text_of(done)
            await runtime.ingest_and_retry()

            traveller.move_to(datetime(2026, 3, 3, 11, 0, tzinfo=UTC))
            runtime.schedule.scheduler.wakeup()
            [newsroom] = await fake.wait_for(lambda: digests_in(fake, fake.news))
            await asyncio.sleep(0.5)  # Harbour Town's would have been posted by now
            assert digests_in(fake, there) == []

            traveller.move_to(datetime(2026, 3, 3, 12, 0, tzinfo=UTC))
            runtime.schedule.scheduler.wakeup()
            [harbour] = await fake.wait_for(lambda: digests_in(fake, there))
            await asyncio.sleep(0.5)
            assert len(digests_in(fake, fake.news)) == 1  # one a day, at its own time

            assert "Gulf Herald" in text_of(newsroom) and "Voltara" in text_of(newsroom)
            assert "Brennport Courier" not in text_of(newsroom)
            assert "Brennport Courier" in text_of(harbour)
            assert "Gulf Herald" not in text_of(harbour) and "Voltara" not in text_of(harbour)

    with time_machine.travel(datetime(2026, 3, 3, 10, 0, tzinfo=UTC), tick=False) as traveller:
        scenario(run(traveller))
