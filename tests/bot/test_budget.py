"""One posting budget for digest posts, and nonces that make a repeated post one message."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from bot.budget import MARGIN, LocalSlots, size, window
from bot.posting import message_nonce
from bot.replies import Reply, ReplyItem
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import bot_over_runtime, discord_settings, settings_for


class FakeTime:
    """A clock that moves only when the budget or a post sleeps."""

    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


def most_in_any_second(times: list[float]) -> int:
    """The most of ``times`` within any closed window of one second."""
    return max(sum(1 for t in times if start <= t <= start + 1.0) for start in times)


@pytest.mark.parametrize("rate", [0.5, 1.0, 1.5, 40.0, 50.0])
def test_slots_are_the_whole_posts_a_second_and_come_back_after_a_second(rate):
    assert size(rate) == max(1, int(rate))
    assert size(rate) / (window(rate) - MARGIN) <= rate + 1e-9


def test_no_second_at_the_far_end_holds_more_than_the_rate_however_late_posts_arrive():
    """A slot is held until its post's answer, so a post sent late (a busy machine) still
    leaves every second at Discord's end within the rate; the whole run keeps the rate."""
    time = FakeTime()
    budget = LocalSlots(40, clock=time.clock, sleep=time.sleep)

    async def run() -> list[float]:
        arrived: list[float] = []

        async def post(n: int) -> None:
            async with budget.slot():
                lag = 0.3 if n % 40 == 0 else 0.0  # some posts sent 0.3 s after the slot
                await time.sleep(lag)
                arrived.append(time.now)

        await asyncio.gather(*(post(n) for n in range(400)))
        return arrived

    arrived = asyncio.run(run())
    assert len(arrived) == 400
    assert most_in_any_second(arrived) <= 40
    assert budget.waited > 0 and max(arrived) - min(arrived) >= 400 / 40 - 1  # paced


def test_one_process_keeps_the_rate_over_a_long_run():
    time = FakeTime()
    budget = LocalSlots(10, clock=time.clock, sleep=time.sleep)
    granted: list[float] = []

    async def poster() -> None:
        for _ in range(20):
            async with budget.slot():
                granted.append(time.now)

    async def run() -> None:
        await asyncio.gather(*(poster() for _ in range(5)))

    asyncio.run(run())
    assert len(granted) == 100
    assert most_in_any_second(granted) <= 10
    assert granted[-1] == pytest.approx((100 / 10 - 1) * window(10), abs=0.01)  # not slower


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
    never put more than 5 message posts in any second at the fake's end."""

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
                assert most_in_any_second(times) <= 5
                assert times[-1] - times[0] >= (12 - 1 - 1) / 5 - 0.2  # paced, not all at once

    asyncio.run(asyncio.wait_for(run(), 60))
