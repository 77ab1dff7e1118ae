"""``about``: the bot's version, the sources its server reads, and the channel's next digest,
through the console process and as one Discord slash command."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import time_machine

from bot.commands import Commands
from bot.commands.about import version
from bot.replies import Caller, ErrorKind
from summaries.config import Settings, StoreSettings
from summaries.store import open_store
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import bot_over_runtime, settings_for
from tests.processes import run_module

MONDAY_6AM = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


def test_about_in_the_console(tmp_path):
    """``python -m bot --console`` over the samples: the samples are one shared source, and
    the console's digest is due at the default 08:00 UTC; help lists about."""
    done = run_module("bot", "--console", cwd=tmp_path, stdin="about\nhelp\n")
    assert done.returncode == 0, done.stderr
    about = done.stdout.split("About this bot\n", 1)[1].split("What I can do", 1)[0]
    lines = [line.strip().removeprefix("- ") for line in about.strip().splitlines()]
    assert lines[0] == f"Version {version()}." and version() != "unknown"
    assert lines[1] == "This console reads 1 source, shared by the bot operator."
    assert lines[2].startswith("The digest is posted every day at 08:00 (UTC); the next one is due")
    assert "  - about: The bot's version, the sources read here" in done.stdout


def test_about_is_one_slash_command_for_everyone(tmp_path):
    """bob (no Manage Server) runs /about in Newsroom, which follows one feed beside the
    operator's shared one, after alice set its digest to 08:00 Europe/Berlin."""

    async def run():
        async with FakeDiscord() as fake:
            settings = settings_for(fake, tmp_path)
            async with bot_over_runtime(settings, fake) as (runtime, _):
                store, tenant = runtime.store, f"discord:{fake.guild.id}"
                await asyncio.to_thread(store.add_source, "https://wire.example/rss", "feed")
                await asyncio.to_thread(
                    store.subscribe,
                    tenant,
                    "https://herald.example/rss",
                    "feed",
                    added_by=None,
                    now=MONDAY_6AM,
                    max_sources=50,
                )
                assert not fake.commands["about"].get("options")
                assert fake.commands["about"]["default_member_permissions"] is None
                before = await fake.answer(await fake.slash("about", user=fake.bob))
                options = {"time": "08:00", "timezone": "Europe/Berlin"}
                await fake.answer(await fake.slash("schedule", options, subcommand="set"))
                after = await fake.answer(await fake.slash("about", user=fake.bob))
        return before, after

    with time_machine.travel(MONDAY_6AM, tick=True):
        before, after = asyncio.run(asyncio.wait_for(run(), 30))
    [embed] = before["embeds"]
    assert embed["title"] == "About this bot"
    assert f"Version {version()}." in embed["description"]
    reads = "This server reads 2 sources: 1 of its own and 1 shared by the bot operator."
    assert reads in embed["description"]
    assert "This channel gets no daily digest yet" in embed["description"]
    [embed] = after["embeds"]
    assert (
        "The digest is posted every day at 08:00 (Europe/Berlin); the next one is due "
        "Monday 2 March at 08:00 CET." in embed["description"]
    )


def test_about_outside_a_server_says_where_it_works(tmp_path):
    settings = Settings(store=StoreSettings(path=str(tmp_path / "bot.db")))
    with open_store(tmp_path / "bot.db") as store:
        direct = Caller("discord", "discord:30", "discord:21", tenant=None)
        reply = asyncio.run(Commands(store, settings).run(direct, "about"))
    assert reply.error is ErrorKind.USAGE and reply.title == "Not here"
