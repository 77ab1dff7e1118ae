"""A digest's post answered 503 (Service Unavailable), which discord.py raises at once
where it retries 500, 502 and 504: through the real runtime and discord.py client against
the fake Discord, made or not made by Discord, the digest shows once."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import pytest
import time_machine

from bot.delivery import RETRY
from tests.bot.test_discord_delivery import add_stories, digest_settings, scenario
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import bot_over_runtime, digests_in

START = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
UNAVAILABLE = {"message": "upstream connect error or disconnect/reset before headers", "code": 0}


@asynccontextmanager
async def answering_503(fake: FakeDiscord, tmp_path, *, times: int, made: bool):
    """The runtime and bot over ``fake``, with stories for #news, whose next ``times``
    posts are answered 503; yields the runtime and the path of #news's messages."""
    async with bot_over_runtime(digest_settings(fake, tmp_path), fake) as (runtime, _):
        path = rf"/channels/{fake.news.id}/messages"
        fake.fail("POST", path, 503, UNAVAILABLE, times=times, made=made)
        await asyncio.to_thread(add_stories, runtime.store, START)
        yield runtime, path


@pytest.mark.parametrize("made", [False, True])
def test_a_503_on_a_digest_is_tried_again_at_once_and_the_digest_shows_once(tmp_path, made):
    """Two 503s, then Discord takes the post: the digest is sent in the same run. When
    Discord made the message despite the 503 (``made``), the tries after it carry the same
    nonce and get that message back: still one digest in the channel."""

    async def run():
        async with FakeDiscord() as fake:
            key = f"discord:{fake.news.id}"
            async with answering_503(fake, tmp_path, times=2, made=made) as (runtime, path):
                outcome = await runtime.delivery.post_now(key)
                posts = [r.status for r in fake.requests_to("POST", path)]
                return outcome, posts, digests_in(fake, fake.news), fake.nonce_hits

    with time_machine.travel(START, tick=False):
        outcome, posts, digests, nonce_hits = scenario(run())
    assert outcome == "sent"
    assert posts == [503, 503, 200]
    assert len(digests) == 1 and len(digests[0]["embeds"]) == 3
    assert nonce_hits == (2 if made else 0)


def test_a_digest_that_keeps_getting_503_is_resent_later_and_shows_once(tmp_path):
    """Every try answered 503, though Discord made the message at the first: the digest
    fails for now (not given up, the channel not paused) and is resent when the retry is
    due; the message already made is not made again."""

    async def run(traveller):
        async with FakeDiscord() as fake:
            key = f"discord:{fake.news.id}"
            async with answering_503(fake, tmp_path, times=3, made=True) as (runtime, path):
                first = await runtime.delivery.deliver(key, "2026-03-02")
                channel = await asyncio.to_thread(runtime.store.get_channel, key)
                unsent = await asyncio.to_thread(runtime.store.digest_record, key, "2026-03-02")
                traveller.move_to(START + RETRY)
                resent = await runtime.delivery.resend_unsent()
                record = await asyncio.to_thread(runtime.store.digest_record, key, "2026-03-02")
                posts = [r.status for r in fake.requests_to("POST", path)]
                return first, channel, unsent, resent, record, posts, digests_in(fake, fake.news)

    with time_machine.travel(START, tick=False) as traveller:
        first, channel, unsent, resent, record, posts, digests = scenario(run(traveller))
    assert first == "failed"
    assert not channel.paused
    assert unsent.sent_at is None and unsent.gave_up_at is None
    assert resent == 1 and record.sent_at is not None
    assert posts == [503, 503, 503, 200]
    assert len(digests) == 1 and len(digests[0]["embeds"]) == 3
