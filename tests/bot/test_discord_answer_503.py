"""A command's answer answered 503 (Service Unavailable), through the real discord.py bot
and runtime against the fake Discord: an answer to a prefix command (which discord.py does
not try again after a 503) is sent again with the same nonce; an interaction's response
(which discord.py's webhook client does try again) is answered once, and a try refused
as already answered counts as the answer given, not as a refusal."""

from __future__ import annotations

import asyncio
import logging

import pytest

from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import bot_over_runtime, settings_for

UNAVAILABLE = {"message": "upstream connect error or disconnect/reset before headers", "code": 0}


def scenario(coro_fn, timeout: float = 30.0):
    return asyncio.run(asyncio.wait_for(coro_fn(), timeout))


@pytest.mark.parametrize("made", [False, True])
def test_a_prefix_command_answer_refused_with_503_is_sent_again_and_shows_once(tmp_path, made):
    """Made or not by Discord despite the 503, the try after it carries the same nonce: one
    answer in the channel, as a reply to the command."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake):
                path = rf"/channels/{fake.news.id}/messages"
                fake.fail("POST", path, 503, UNAVAILABLE, times=1, made=made)
                asked = await fake.say(fake.news, fake.bob, "!help")
                await fake.wait_for(
                    lambda: len(fake.requests_to("POST", path)) >= 2, what="the second try"
                )
                await asyncio.sleep(0.2)
                answers = fake.by_bot_in(fake.news)
                tries = [r for r in fake.requests_to("POST", path) if r.body.get("embeds")]
                return asked, answers, tries, fake.nonce_hits

    asked, answers, tries, nonce_hits = scenario(run)
    assert [t.status for t in tries] == [503, 200]
    assert tries[0].body["nonce"] == tries[1].body["nonce"] and tries[0].body["enforce_nonce"]
    assert len(answers) == 1
    assert str(tries[1].body["message_reference"]["message_id"]) == asked["id"]
    assert answers[0]["embeds"][0]["title"] == "What I can do"
    assert nonce_hits == (1 if made else 0)


@pytest.mark.parametrize("made", [False, True])
def test_a_slash_command_response_refused_with_503_is_tried_again_and_answered_once(
    tmp_path, caplog, made
):
    """An interaction is answered once: the second try either answers it or, when Discord
    took the first, is refused as already answered, which means done."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake):
                callback = r"/interactions/\d+/[^/]+/callback"
                fake.fail("POST", callback, 503, UNAVAILABLE, made=made)
                interaction = await fake.slash("help", {"command": "brief"})
                path = rf"/interactions/{interaction.id}/{interaction.token}/callback"
                await fake.wait_for(lambda: len(fake.requests_to("POST", path)) >= 2)
                await asyncio.sleep(0.2)
                return interaction, [r.status for r in fake.requests_to("POST", path)]

    with caplog.at_level(logging.INFO, logger="briefing.discord.commands"):
        interaction, statuses = scenario(run)
    assert statuses == ([503, 400] if made else [503, 200])
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert interaction.callback_types == [4]
    assert interaction.original["embeds"][0]["title"] == "help brief"


def test_a_deferral_taken_despite_a_503_is_followed_by_the_answer(tmp_path, caplog):
    """ "thinking..." that Discord showed although it answered 503 is refused as already
    given on discord.py's next try: the answer still replaces it, not left thinking."""
    from bot.discord import Timing

    async def run():
        async with FakeDiscord() as fake:
            timing = Timing(guild_ready_timeout=0.02, identify_delay=0, defer_after=0.0)
            async with bot_over_runtime(settings_for(fake, tmp_path), fake, timing):
                callback = r"/interactions/\d+/[^/]+/callback"
                fake.fail("POST", callback, 503, UNAVAILABLE, times=1, made=True)
                interaction = await fake.slash("topics", subcommand="list")
                await fake.wait_for(lambda: interaction.edits, what="the answer")
                return interaction, fake.messages[int(interaction.original["id"])]

    with caplog.at_level(logging.INFO, logger="briefing.discord.commands"):
        interaction, shown = scenario(run)
    assert interaction.callback_types == [5]
    assert shown["embeds"][0]["title"] == "Topics"
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
