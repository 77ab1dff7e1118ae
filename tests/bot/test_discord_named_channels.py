"""A channel named in a Discord command (``!schedule show #x``, sent as ``<#id>``; the slash
command's channel option): only a text channel of the server asked in that the asker can
see and the bot can post in is acted on; any other is refused, never swapped for the
channel asked in. Real discord.py client against the fake Discord."""

from __future__ import annotations

import asyncio

import pytest

from tests.bot.test_discord_commands import embeds_of, scenario
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import bot_over_runtime, settings_for
from tests.fakes.discord.payloads import SEND_MESSAGES, VIEW_CHANNEL, Channel, snowflake
from tests.fakes.discord.wire import EPHEMERAL


def _overwrite(target: int, *, allow: int = 0, deny: int = 0, member: bool = False) -> dict:
    return {"id": str(target), "type": int(member), "allow": str(allow), "deny": str(deny)}


def _channel(fake: FakeDiscord, name: str, *overwrites: dict) -> Channel:
    """A text channel of the fake's server with these overwrites; add before the bot
    connects (GUILD_CREATE lists it)."""
    channel = Channel(snowflake(), name, fake.guild.id, overwrites=list(overwrites))
    fake.guild.channels.append(channel)
    return channel


def _hidden(fake: FakeDiscord, name: str, *seen_by: int) -> Channel:
    """A channel hidden from everyone but the bot and the roles ``seen_by``."""
    return _channel(
        fake,
        name,
        _overwrite(fake.guild.id, deny=VIEW_CHANNEL),
        *(_overwrite(role, allow=VIEW_CHANNEL) for role in seen_by),
        _overwrite(fake.bot.id, allow=VIEW_CHANNEL, member=True),
    )


def _with_schedule(runtime, channel: Channel, tenant: str) -> None:
    store = runtime.store
    store.ensure_channel(f"discord:{channel.id}", name=channel.name, tenant=tenant)
    store.set_schedule(f"discord:{channel.id}", "09:15", "UTC")


def text_of(message) -> str:
    descriptions = [embed.get("description", "") for embed in embeds_of(message)]
    return " ".join([message.get("content") or "", *descriptions])


def test_a_member_cannot_see_the_schedule_of_a_channel_hidden_from_them(tmp_path):
    """bob types the id of the editors' channel: its schedule is not shown to him; alice,
    who sees the channel, is shown it."""

    async def run():
        async with FakeDiscord() as fake:
            hidden = _hidden(fake, "editors", fake.guild.admin_role_id)
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                tenant = f"discord:{fake.guild.id}"
                await asyncio.to_thread(_with_schedule, runtime, hidden, tenant)
                bob = await fake.reply_to(fake.news, fake.bob, f"!schedule show <#{hidden.id}>")
                alice = await fake.reply_to(fake.news, fake.alice, f"!schedule <#{hidden.id}>")
                return bob, alice

    bob, alice = scenario(run)
    assert "09:15" not in text_of(bob) and "editors" not in text_of(bob)
    assert "You cannot see that channel" in text_of(bob), text_of(bob)
    assert "09:15" in text_of(alice), text_of(alice)


def test_an_admin_cannot_name_a_channel_they_cannot_see_in_the_slash_option(tmp_path):
    """Manage Server is not a view of every channel: a channel hidden from alice's role too
    is neither shown nor changed when she picks it (the option is sent raw)."""

    async def run():
        async with FakeDiscord() as fake:
            guild = fake.guild
            owners = _hidden(fake, "owners")
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                await asyncio.to_thread(_with_schedule, runtime, owners, f"discord:{guild.id}")
                asked = await fake.slash("schedule", {"channel": owners}, subcommand="pause")
                answer = await fake.answer(asked)
                stored = await asyncio.to_thread(runtime.store.get_channel, f"discord:{owners.id}")
                return answer, stored

    answer, stored = scenario(run)
    assert answer["flags"] & EPHEMERAL and "You cannot see that channel" in text_of(answer)
    assert not stored.paused


def test_a_channel_the_bot_cannot_post_in_is_refused_with_what_it_needs(tmp_path):
    async def run():
        async with FakeDiscord() as fake:
            mute = _overwrite(fake.bot.id, deny=SEND_MESSAGES, member=True)
            quiet = _channel(fake, "quiet", mute)
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                line = f"!schedule set 07:00 UTC <#{quiet.id}>"
                answer = await fake.reply_to(fake.news, fake.alice, line)
                stored = await asyncio.to_thread(runtime.store.get_channel, f"discord:{quiet.id}")
                return answer, stored

    answer, stored = scenario(run)
    assert "I cannot post in #quiet" in text_of(answer), text_of(answer)
    assert stored is None or stored.time is None


@pytest.mark.parametrize("kind", ["thread", "another server's channel"])
def test_a_thread_or_another_servers_channel_is_refused_not_swapped_for_this_one(tmp_path, kind):
    """``!schedule set 07:00 UTC <#id>``: the command takes a channel and names one it
    cannot use, so nothing is set, there or in the channel asked in."""

    async def run():
        async with FakeDiscord() as fake:
            if kind == "thread":
                named = fake.thread_in(fake.news, "launch-thread")
            else:
                named = fake.add_guild("Harbour Town", admins=[fake.alice]).channels[0]
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                line = f"!schedule set 07:00 UTC <#{named.id}>"
                answer = await fake.reply_to(fake.news, fake.alice, line)
                store = runtime.store
                kept = [
                    await asyncio.to_thread(store.get_channel, f"discord:{channel.id}")
                    for channel in (fake.news, named)
                ]
                return answer, kept

    answer, kept = scenario(run)
    assert "acts on a text channel of this server" in text_of(answer), text_of(answer)
    assert all(channel is None or channel.time is None for channel in kept)
