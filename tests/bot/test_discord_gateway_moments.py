"""The gateway's awkward moments against the real discord.py client and the fake Discord:
events delivered again after a RESUME, op 7 RECONNECT and op 9 INVALID_SESSION, and an
interaction token that runs out before a slow answer."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.discord import Timing
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import (
    bot_over_runtime,
    digests_in,
    factory_pages,
    fetching_settings,
    settings_for,
    store_story,
)
from tests.fakes.feed_server import FeedServer


def scenario(coro_fn, timeout: float = 30.0):
    return asyncio.run(asyncio.wait_for(coro_fn(), timeout))


def session_of(fake: FakeDiscord):
    [session] = fake.gateway.sessions.values()
    return session


def test_a_message_and_an_interaction_replayed_after_a_resume_are_answered_once(tmp_path):
    """Discord replays from the sequence it holds, which may be before events the bot
    already handled: a command seen again (same message or interaction id) is not run
    again; a new one after the resume is answered."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake):
                asked = await fake.say(fake.news, fake.bob, "!help")
                await fake.wait_for(lambda: fake.by_bot_in(fake.news), what="answer")
                interaction = await fake.slash("help", {"command": "brief"})
                await fake.wait_for(lambda: interaction.callbacks, what="slash answer")
                session = session_of(fake)
                session.replay_from = session.seq_of("MESSAGE_CREATE", asked["id"])
                assert await fake.gateway.drop() == 1
                await fake.wait_for(lambda: fake.gateway.count("resume") == 1, what="resume")
                [resumed] = [e for e in fake.gateway.log if e.kind == "resume"]
                assert resumed.detail["replayed"] >= 2  # the message and the interaction
                later = await fake.slash("help")
                await fake.wait_for(lambda: later.callbacks, what="a new command")
                await asyncio.sleep(0.3)  # a second answer would have come by now
                posts = fake.requests_to("POST", rf"/channels/{fake.news.id}/messages")
                assert len(posts) == 1
                callbacks = fake.requests_to("POST", rf"/interactions/{interaction.id}/.*")
                assert len(callbacks) == 1

    scenario(run)


@pytest.mark.parametrize("how", ["reconnect", "resumable", "not resumable"])
def test_op_7_and_op_9_bring_the_bot_back_serving_commands(tmp_path, how):
    """Op 7 RECONNECT and a resumable op 9 end in a RESUME of the same session; op 9 with
    ``d: false`` in a fresh IDENTIFY. Either way the next command is answered once."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (_, adapter):
                if how == "reconnect":
                    assert await fake.gateway.ask_to_reconnect() == 1
                    await fake.wait_for(lambda: fake.gateway.count("resume") == 1, what="resume")
                else:
                    assert await fake.gateway.invalidate_now(how == "resumable") == 1
                    kind = "resume" if how == "resumable" else "identify"
                    wanted = 1 if kind == "resume" else 2
                    await fake.wait_for(lambda: fake.gateway.count(kind) == wanted, what=kind)
                await fake.wait_for(lambda: adapter.bot.is_ready(), what="ready")
                await fake.say(fake.news, fake.bob, "!help")
                await fake.wait_for(lambda: fake.by_bot_in(fake.news), what="answer")
                await asyncio.sleep(0.3)
                assert len(fake.requests_to("POST", rf"/channels/{fake.news.id}/messages")) == 1

    scenario(run)


def test_an_answer_slower_than_the_interactions_token_ends_in_a_note_while_it_lasts(tmp_path):
    """An interaction's token takes edits for 15 minutes only (then 401 Invalid Webhook
    Token). An answer not ready shortly before that is given up: "thinking..." becomes a
    note to ask again, sent while the token still works, and the bot serves on."""

    async def run():
        with FeedServer() as site:
            factory_pages(site, "/factory")
            site.routes["/factory"].delay = 4.0  # the page takes its time
            async with FakeDiscord() as fake:
                fake.token_lifetime = 2.0
                timing = Timing(guild_ready_timeout=0.02, identify_delay=0, answer_within=1.0)
                settings = fetching_settings(fake, tmp_path)
                async with bot_over_runtime(settings, fake, timing):
                    url = site.url("/factory")
                    interaction = await fake.slash("summarize", {"url": url})
                    await fake.wait_for(lambda: interaction.edits, timeout=10, what="the note")
                    assert interaction.callback_types == [5]
                    [note] = interaction.edits
                    assert "longer than" in note["content"] and "ask again" in note["content"]
                    await asyncio.sleep(4.0)  # the page came: nothing more is tried
                    assert fake.expired_tokens == 0
                    assert len(interaction.edits) == 1 and not interaction.followups
                    later = await fake.slash("help")
                    await fake.wait_for(lambda: later.callbacks, what="the next command")

    scenario(run)


def test_a_connection_that_stops_acking_heartbeats_is_left_for_a_resumed_one(tmp_path):
    """Discord: no HEARTBEAT_ACK means a dead connection, to close and RESUME. A command
    sent meanwhile is replayed on the new connection and answered once."""

    async def run():
        async with FakeDiscord(heartbeat_ms=200) as fake:
            timing = Timing(guild_ready_timeout=0.02, identify_delay=0, heartbeat_timeout=1.0)
            async with bot_over_runtime(settings_for(fake, tmp_path), fake, timing):
                assert fake.gateway.stop_answering() == 1
                await fake.say(fake.news, fake.bob, "!help")  # held back by the dead link
                await fake.wait_for(lambda: fake.gateway.count("resume") == 1, what="resume")
                await fake.wait_for(lambda: fake.by_bot_in(fake.news), what="answer")
                unanswered = [e for e in fake.gateway.log if e.detail.get("acked") is False]
                assert unanswered  # the bot heartbeated into the silence first
                await asyncio.sleep(0.3)
                assert len(fake.by_bot_in(fake.news)) == 1

    scenario(run)


def test_a_global_429_without_discords_edge_header_leaves_the_digest_for_a_resend(tmp_path):
    """discord.py waits out a 429 only when Discord's edge sent it (``Via``); one from
    elsewhere it raises at once. The digest then fails as transient, not as refused: the
    channel's schedule is not paused, and the next resend posts it once."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                store_story(runtime.store, 1, "Harbour walls rise", "The walls rise. Work starts.")
                channel = f"discord:{fake.news.id}"
                limited = {"message": "You are being rate limited.", "retry_after": 0.2}
                path = rf"/channels/{fake.news.id}/messages"
                fake.fail("POST", path, 429, {**limited, "global": True})
                runtime.delivery.retry = timedelta(0)  # a retry is due at once
                outcome = await runtime.delivery.deliver(channel, "2026-03-02")
                paused = runtime.store.get_channel(channel).paused
                resent = await runtime.delivery.resend_unsent()
                again = await runtime.delivery.resend_unsent()
                return outcome, paused, (resent, again), digests_in(fake, fake.news)

    outcome, paused, resends, posted = scenario(run)
    assert (outcome, paused, resends) == ("failed", False, (1, 0))
    assert len(posted) == 1
