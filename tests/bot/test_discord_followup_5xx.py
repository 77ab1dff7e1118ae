"""A private answer after a public "thinking..." is an interaction follow-up, which Discord
makes without a nonce: after a 5xx, made or not, it is not sent again (a second private
answer could not be told from the first), and the "thinking..." left in the channel says,
without any of the answer, that it may not have shown. Through the real discord.py bot
and runtime against the fake Discord, which makes the follow-up and then answers 5xx."""

from __future__ import annotations

import asyncio
import logging

import pytest

from tests.bot.test_discord_commands import embeds_of
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import bot_over_runtime, settings_for
from tests.fakes.discord.server import GARBLED
from tests.fakes.discord.wire import EPHEMERAL

FAILED = {"message": "500: Internal Server Error", "code": 0}


def scenario(coro_fn, timeout: float = 40.0):
    return asyncio.run(asyncio.wait_for(coro_fn(), timeout))


@pytest.mark.parametrize("status", [500, 503])
@pytest.mark.parametrize("made", [True, False])
def test_a_private_follow_up_answered_5xx_is_sent_once(tmp_path, caplog, made, status):
    from bot.discord import Timing

    async def run():
        async with FakeDiscord() as fake:
            timing = Timing(guild_ready_timeout=0.02, identify_delay=0, defer_after=0.0)
            async with bot_over_runtime(settings_for(fake, tmp_path), fake, timing):
                fake.fail("POST", r"/webhooks/\d+/[^/]+", status, FAILED, made=made)
                private = await fake.slash("brief", {"keywords": "nothing-matches-this"})
                path = rf"/webhooks/{fake.app_id}/{private.token}"
                await fake.wait_for(lambda: fake.requests_to("POST", path), what="a follow-up")
                await fake.wait_for(lambda: private.edits, what="the note", timeout=10)
                await asyncio.sleep(4)  # discord.py would try again after 1 s and 3 s more
                return private, fake.requests_to("POST", path), fake.by_bot_in(fake.news)

    with caplog.at_level(logging.WARNING, logger="briefing.discord.commands"):
        private, tries, public = scenario(run)
    assert [t.status for t in tries] == [status]
    assert len(private.followups) == (1 if made else 0)
    if made:
        assert private.followups[0]["flags"] & EPHEMERAL
        assert embeds_of(private.followups[0])[0]["title"] == "Nothing found"
    [note] = public  # the "thinking..." message, edited: nothing of the answer in it
    assert note["id"] == private.original["id"] and not note["embeds"]
    assert "may not have shown" in note["content"] and "nothing-matches" not in note["content"]
    assert any("may not have shown" in r.getMessage() for r in caplog.records)


def test_a_private_follow_up_replaces_thinking_once_it_is_made(tmp_path):
    """Made at the first try, the private answer is followed by the public "thinking..."
    going away, even when Discord answers its deletion 5xx after carrying it out."""
    from bot.discord import Timing

    async def run():
        async with FakeDiscord() as fake:
            timing = Timing(guild_ready_timeout=0.02, identify_delay=0, defer_after=0.0)
            async with bot_over_runtime(settings_for(fake, tmp_path), fake, timing):
                fake.fail("DELETE", r"/webhooks/\d+/[^/]+/messages/.+", 500, FAILED, made=True)
                private = await fake.slash("brief", {"keywords": "nothing-matches-this"})
                await fake.wait_for(lambda: private.followups and private.deleted)
                await asyncio.sleep(2)
                return private, fake.by_bot_in(fake.news)

    private, public = scenario(run)
    assert len(private.followups) == 1 and private.deleted == [private.original["id"]]
    assert public == [] and not private.edits


def test_a_private_follow_up_made_but_answered_with_garbled_json_replaces_thinking(tmp_path):
    """Discord made the follow-up and answered 200, with JSON cut short: the answer is
    shown, so the public "thinking..." goes away as after a readable 200, and the
    follow-up is not sent again."""
    from bot.discord import Timing

    async def run():
        async with FakeDiscord() as fake:
            timing = Timing(guild_ready_timeout=0.02, identify_delay=0, defer_after=0.0)
            async with bot_over_runtime(settings_for(fake, tmp_path), fake, timing):
                fake.fail("POST", r"/webhooks/\d+/[^/]+", 200, GARBLED, made=True)
                private = await fake.slash("brief", {"keywords": "nothing-matches-this"})
                await fake.wait_for(lambda: private.followups, what="the follow-up")
                await fake.wait_for(lambda: private.deleted or private.edits, timeout=10)
                await asyncio.sleep(2)
                return private, fake.by_bot_in(fake.news)

    private, public = scenario(run)
    assert len(private.followups) == 1 and private.deleted == [private.original["id"]]
    assert public == [] and not private.edits
