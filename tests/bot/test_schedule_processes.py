"""Several real ``python -m bot`` processes on one SQLite file and the fake Discord.

Each process's wall clock runs a fixed number of seconds ahead of the real one
(``tests.shifted_clock``), the same for all, so they cross the channels' digest time a
few seconds after they start, at the same moment: every process's tick claims at once.
"""

from __future__ import annotations

import asyncio
import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path

from summaries.store import open_store
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import digests_in, store_story
from tests.fakes.discord.process import BotProcess, write_config

STORIES = [
    ("Brennport port reopens after ransomware attack", "The port reopened on Monday. Trucks."),
    ("Harwick council approves flood walls", "The council approved the walls. Work starts."),
]
START_SECONDS = 25  # the digest time comes this long after the processes start


def due_soon(tmp_path: Path, fake: FakeDiscord, channels: list) -> tuple[float, str]:
    """config.toml with ``channels`` due at the next whole minute of a clock that runs
    ahead; returns how far ahead (seconds) and the period (date) of that digest."""
    real = datetime.now(UTC)
    due = (real + timedelta(minutes=2)).replace(second=0, microsecond=0)
    ahead = (due - real).total_seconds() - START_SECONDS
    entries = "".join(
        f'[[channels]]\nid = "discord:{channel.id}"\ntime = "{due:%H:%M}"\ntimezone = "UTC"\n\n'
        for channel in channels
    )
    write_config(tmp_path, fake, '[digest]\nwhen_empty = "skip"\n\n' + entries)
    with open_store(tmp_path / "bot.db") as store:
        for n, (title, body) in enumerate(STORIES, 1):
            store_story(store, n, title, body, now=due - timedelta(hours=1))
    return ahead, due.date().isoformat()


def test_two_processes_crossing_the_digest_time_post_each_digest_once(tmp_path):
    fake = FakeDiscord()
    other = fake.add_guild("Harbour Watch").channels[0]
    channels = [fake.news, other]

    async def run() -> None:
        async with fake:
            ahead, period = due_soon(tmp_path, fake, channels)
            bots = [await BotProcess.start(tmp_path, fake, clock_ahead=ahead) for _ in range(2)]
            try:
                await fake.wait_for(lambda: fake.gateway.count("identify") == 2, 30, "both up")
                await fake.wait_for(
                    lambda: all(digests_in(fake, c) for c in channels), 60, "both digests"
                )
                await asyncio.sleep(3)  # a duplicate would arrive meanwhile
                for bot in bots:
                    code, _ = await bot.stop(signal.SIGTERM)
                    assert code == 0, bot.log()
            finally:
                for bot in bots:
                    await bot.kill()
            for channel in channels:
                [digest] = digests_in(fake, channel)
                assert len(digest["embeds"]) == len(STORIES)
            assert fake.nonce_hits == 0  # once each without help from the nonce
            posted = [b.log().count(f"digest {period} for discord:") for b in bots]
            assert sum(posted) == len(channels), [b.log() for b in bots]
            with open_store(tmp_path / "bot.db") as store:
                for channel in channels:
                    record = store.digest_record(f"discord:{channel.id}", period)
                    assert record is not None and record.sent_at is not None

    asyncio.run(asyncio.wait_for(run(), 150))


def test_a_process_killed_between_recording_and_posting_leaves_one_digest(tmp_path):
    """Discord takes the post but the answer never reaches the bot: SIGKILL. The next
    process (its clock past the dead one's lease) posts the recorded digest again with
    the same nonce, and Discord answers with the message it already made."""
    fake = FakeDiscord()

    async def run() -> None:
        async with fake:
            ahead, period = due_soon(tmp_path, fake, [fake.news])
            fake.answer_delay = 120.0  # made, and the answer held back
            first = await BotProcess.start(tmp_path, fake, clock_ahead=ahead)
            try:
                await fake.wait_for(lambda: digests_in(fake, fake.news), 60, "the post")
                first.process.send_signal(signal.SIGKILL)
                await first.process.wait()
            finally:
                await first.kill()
            with open_store(tmp_path / "bot.db") as store:
                record = store.digest_record(f"discord:{fake.news.id}", period)
                assert record is not None and record.sent_at is None  # recorded, not sent
            fake.answer_delay = 0.0
            later = ahead + 180  # restarted after the dead process's lease ran out
            second = await BotProcess.start(tmp_path, fake, clock_ahead=later)
            try:
                await fake.wait_for(lambda: fake.nonce_hits, 60, "the repeated post")
                code, _ = await second.stop(signal.SIGTERM)
                assert code == 0, second.log()
            finally:
                await second.kill()
            [digest] = digests_in(fake, fake.news)
            assert len(digest["embeds"]) == len(STORIES)
            with open_store(tmp_path / "bot.db") as store:
                record = store.digest_record(f"discord:{fake.news.id}", period)
                assert record is not None and record.sent_at is not None
                assert store.unsent_digests() == []

    asyncio.run(asyncio.wait_for(run(), 150))
