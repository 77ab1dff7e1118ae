"""The private answer after a public "thinking..." under Discord's other answers: a 429
waited out and the answer made once, a 5xx to the note that replaces "thinking...", an
interaction token gone (401/404), and discord.py's one-try adapter used for that
follow-up alone. Through the real discord.py bot and runtime against the fake Discord."""

from __future__ import annotations

import asyncio
import logging

import pytest
from discord.webhook.async_ import async_context

from bot.discord import followup
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import bot_over_runtime, settings_for
from tests.fakes.discord.server import CUT

FAILED = {"message": "500: Internal Server Error", "code": 0}
FOLLOW_UP = r"/webhooks/\d+/[^/]+$"
ORIGINAL = r"/webhooks/\d+/[^/]+/messages/@original"


def scenario(coro_fn, timeout: float = 60.0):
    return asyncio.run(asyncio.wait_for(coro_fn(), timeout))


def timing():
    from bot.discord import Timing

    return Timing(guild_ready_timeout=0.02, identify_delay=0, defer_after=0.0)


def test_a_rate_limited_private_answer_is_waited_out_and_shown_once(tmp_path):
    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake, timing()):
                fake.rate_limit("POST", FOLLOW_UP, 0.3)
                private = await fake.slash("brief", {"keywords": "nothing-matches-this"})
                await fake.wait_for(lambda: private.followups and private.deleted, timeout=10)
                await asyncio.sleep(1)
                path = rf"/webhooks/{fake.app_id}/{private.token}$"
                return private, fake.requests_to("POST", path)

    private, tries = scenario(run)
    assert [t.status for t in tries] == [429, 200]
    assert len(private.followups) == 1 and not private.edits


def test_a_5xx_to_the_note_after_a_5xx_follow_up_leaves_it_logged(tmp_path, caplog):
    """The note is an edit, which discord.py tries again after a 5xx: made once."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake, timing()):
                fake.fail("POST", FOLLOW_UP, 500, FAILED, made=False)
                fake.fail("PATCH", ORIGINAL, 502, FAILED, made=False)
                private = await fake.slash("brief", {"keywords": "nothing-matches-this"})
                await fake.wait_for(lambda: private.edits, what="the note", timeout=10)
                await asyncio.sleep(1.5)
                path = rf"/webhooks/{fake.app_id}/{private.token}$"
                return private, fake.requests_to("POST", path)

    with caplog.at_level(logging.WARNING, logger="briefing.discord.commands"):
        private, tries = scenario(run)
    assert [t.status for t in tries] == [500]
    assert private.followups == [] and len(private.edits) == 1
    assert "may not have shown" in private.edits[0]["content"]


@pytest.mark.parametrize("status", [401, 404])
def test_a_private_answer_to_an_expired_interaction_is_not_tried_again(tmp_path, caplog, status):
    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake, timing()):
                body = {"message": "Invalid Webhook Token", "code": 50027}
                fake.fail("POST", FOLLOW_UP, status, body, times=5)
                private = await fake.slash("brief", {"keywords": "nothing-matches-this"})
                path = rf"/webhooks/{fake.app_id}/{private.token}$"
                await fake.wait_for(lambda: fake.requests_to("POST", path))
                await asyncio.sleep(1.5)
                return private, fake.requests_to("POST", path)

    with caplog.at_level(logging.WARNING):
        private, tries = scenario(run)
    assert [t.status for t in tries] == [status]
    assert not private.deleted and not private.edits and not private.followups
    assert any(str(status) in r.getMessage() or "expired" in r.getMessage() for r in caplog.records)


def test_the_one_try_adapter_is_used_by_that_call_alone():
    """``once`` sets discord.py's webhook adapter for the call it wraps and puts the one
    before back, even when the call fails; the adapter is made once."""
    before = async_context.get()
    seen: list[object] = []

    async def call() -> None:
        seen.append(async_context.get())
        raise RuntimeError("refused")

    async def run() -> None:
        for _ in range(2):
            with pytest.raises(RuntimeError):
                await followup.once(call)
            seen.append(async_context.get())

    asyncio.run(run())
    assert seen[0] is seen[2] is not before
    assert seen[1] is seen[3] is before


def test_thinking_that_cannot_be_deleted_after_the_answer_is_not_logged_as_a_lost_answer(
    tmp_path, caplog
):
    """The private answer shown, Discord keeps answering 5xx to deleting "thinking...":
    the answer is not reported as possibly not shown, the leftover is logged as such, and
    the answer's pages keep their message (their buttons are taken off when they end)."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake, timing()):
                fake.fail("DELETE", ORIGINAL, 503, FAILED, times=5)
                private = await fake.slash("brief", {"keywords": "nothing-matches-this"})
                path = rf"/webhooks/{fake.app_id}/{private.token}/messages/@original"
                await fake.wait_for(lambda: len(fake.requests_to("DELETE", path)) == 5, timeout=40)
                await asyncio.sleep(9.5)  # discord.py waits 9 s after the 5th
                return private

    with caplog.at_level(logging.INFO, logger="briefing.discord.commands"):
        private = scenario(run)
    assert len(private.followups) == 1 and not private.deleted
    logged = [r.getMessage() for r in caplog.records]
    assert not any("may not have been shown" in line for line in logged), logged
    assert any("thinking" in line for line in logged), logged


@pytest.mark.parametrize("made", [True, False])
def test_a_private_answer_whose_connection_is_cut_is_sent_once_and_noted(tmp_path, made):
    """The connection cut before Discord's answer to the follow-up came back: as after a
    5xx, nothing tells whether it was made, so it is not sent again, and "thinking..."
    says it may not have shown instead of staying "thinking..." for good."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake, timing()):
                fake.fail("POST", FOLLOW_UP, CUT, made=made)
                private = await fake.slash("brief", {"keywords": "nothing-matches-this"})
                path = rf"/webhooks/{fake.app_id}/{private.token}$"
                await fake.wait_for(lambda: fake.requests_to("POST", path))
                await fake.wait_for(lambda: private.edits, what="the note", timeout=10)
                await asyncio.sleep(1.5)
                return private, fake.requests_to("POST", path)

    private, tries = scenario(run)
    assert len(tries) == 1 and len(private.followups) == (1 if made else 0)
    assert "may not have shown" in private.edits[-1]["content"] and not private.deleted
