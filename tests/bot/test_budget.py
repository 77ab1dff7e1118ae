"""One posting budget for digest posts, and nonces that make a repeated post one message."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from bot.budget import TokenBucket
from bot.posting import message_nonce
from bot.replies import Reply, ReplyItem
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import bot_over_runtime, discord_settings, settings_for


class FakeTime:
    """A clock that moves only when the bucket sleeps."""

    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


def most_in_any_second(times: list[float]) -> int:
    return max(sum(1 for t in times if start <= t < start + 1.0) for start in times)


def test_the_bucket_keeps_any_second_to_the_rate_and_a_small_burst():
    time = FakeTime()
    bucket = TokenBucket(40, clock=time.clock, sleep=time.sleep)
    granted: list[float] = []

    async def run() -> None:
        for _ in range(400):
            await bucket.acquire()
            granted.append(time.now)

    asyncio.run(run())
    assert bucket.burst == 4
    assert most_in_any_second(granted) <= 40 + 4
    assert granted[-1] >= (400 - 4) / 40 - 1e-9  # no faster than the rate on the whole
    assert granted[-1] <= 400 / 40 + 1e-6  # and no slower


def test_concurrent_posters_share_one_bucket():
    time = FakeTime()
    bucket = TokenBucket(10, clock=time.clock, sleep=time.sleep)
    granted: list[float] = []

    async def poster() -> None:
        for _ in range(20):
            await bucket.acquire()
            granted.append(time.now)

    async def run() -> None:
        await asyncio.gather(*(poster() for _ in range(5)))

    asyncio.run(run())
    assert len(granted) == 100
    assert most_in_any_second(granted) <= 10 + 1


def test_a_nonce_names_the_digest_its_part_and_its_stories():
    first = message_nonce("discord:1|2026-03-02", 0, (1, 2))
    assert first == message_nonce("discord:1|2026-03-02", 0, (1, 2))  # a retry: the same
    assert len(first) <= 25  # Discord's limit
    others = {
        message_nonce("discord:1|2026-03-03", 0, (1, 2)),
        message_nonce("discord:2|2026-03-02", 0, (1, 2)),
        message_nonce("discord:1|2026-03-02", 1, (1, 2)),
        message_nonce("discord:1|2026-03-02", 0, (3,)),  # the rest, after a part went out
    }
    assert first not in others and len(others) == 4


def digest(count: int, first: int = 0) -> Reply:
    items = tuple(
        ReplyItem(title=f"Story {n}", url=f"https://news.example/{n}", story_id=n)
        for n in range(first, first + count)
    )
    return Reply(title="Your briefing for Monday 2 March", items=items)


def test_a_repeated_digest_post_is_one_discord_message_and_posts_share_the_budget(tmp_path):
    """The fake answers a repeated nonce as Discord does; twelve digests at 5 a second
    never start more than 5 + 1 message posts in any second."""

    async def run() -> None:
        async with FakeDiscord() as fake:
            settings = settings_for(
                fake, tmp_path, discord=replace(discord_settings(fake), digest_rate=5.0)
            )
            async with bot_over_runtime(settings, fake) as (_, adapter):
                channel = f"discord:{fake.news.id}"
                await adapter.poster.post(channel, digest(3), key=f"{channel}|2026-03-02")
                await adapter.poster.post(channel, digest(3), key=f"{channel}|2026-03-02")
                assert len(fake.by_bot_in(fake.news)) == 1 and fake.nonce_hits == 1
                [made] = fake.by_bot_in(fake.news)
                assert made["nonce"] == message_nonce(f"{channel}|2026-03-02", 0, (0, 1, 2))

                await asyncio.gather(
                    *(
                        adapter.poster.post(channel, digest(1, 10 + n), key=f"{channel}|d{n}")
                        for n in range(12)
                    )
                )
                posts = fake.requests_to("POST", rf"/channels/{fake.news.id}/messages")
                times = [request.at for request in posts[2:]]
                assert len(times) == 12
                assert most_in_any_second(times) <= 6
                assert times[-1] - times[0] >= (12 - 1 - 1) / 5 - 0.2  # paced, not all at once

    asyncio.run(asyncio.wait_for(run(), 60))
