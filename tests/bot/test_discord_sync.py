"""The slash commands are registered with Discord only when the command set changed."""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands

from bot.commands import COMMANDS, Access, Argument, Command, Commands, CommandSet
from bot.discord import make_bot
from bot.discord.commands import add_slash_commands
from bot.discord.dispatch import Dispatcher
from bot.discord.sync import command_payload, payload_hash
from summaries.config import Settings
from summaries.store import open_store
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import FAST, running, settings_for

PUT = r"/applications/\d+/commands"


async def nothing(ctx, caller, request):
    raise AssertionError("never run")


def tree_of(commands=COMMANDS) -> app_commands.CommandTree:
    """The tree of a bot that is never started, with ``commands`` as its commands."""
    bot = make_bot(Settings(), runner=None, store=None)
    add_slash_commands(bot.tree, Dispatcher(None), CommandSet(commands))
    return bot.tree


async def start_once(fake, settings, store, commands=COMMANDS) -> None:
    bot = make_bot(settings, Commands(store, settings), store, timing=FAST)
    if commands is not COMMANDS:
        add_slash_commands(bot.tree, bot.dispatcher, CommandSet(commands))
    async with running(bot, fake):
        pass


def test_commands_are_synced_on_the_first_start_and_only_when_changed(tmp_path):
    async def run():
        async with FakeDiscord() as fake:
            settings = settings_for(fake, tmp_path)
            with open_store(settings.store.path) as store:
                await start_once(fake, settings, store)
                assert fake.command_puts == 1
                await start_once(fake, settings, store)
                assert fake.command_puts == 1  # unchanged: no PUT at all
                assert fake.requests_to("PUT", PUT)[0].status == 200

                renamed = (
                    *COMMANDS.commands[:-1],
                    Command(name="help", summary="Other words.", handler=nothing),
                )
                await start_once(fake, settings, store, renamed)
                assert fake.command_puts == 2
                assert fake.commands["help"]["description"] == "Other words."
                await start_once(fake, settings, store)  # and back: changed again
                assert fake.command_puts == 3
                rows = store.execute("SELECT application_id FROM discord_command_sync")
                assert rows == [(str(fake.app_id),)]

    asyncio.run(asyncio.wait_for(run(), 30))


def test_a_refused_sync_is_tried_again_at_the_next_start(tmp_path):
    async def run():
        async with FakeDiscord() as fake:
            settings = settings_for(fake, tmp_path)
            with open_store(settings.store.path) as store:
                fake.fail("PUT", PUT, 400, {"message": "Invalid Form Body", "code": 50035})
                await start_once(fake, settings, store)  # the bot still starts
                assert fake.command_puts == 0
                await start_once(fake, settings, store)
                assert fake.command_puts == 1

    asyncio.run(asyncio.wait_for(run(), 30))


def test_another_application_over_the_same_database_is_synced_too(tmp_path):
    async def run():
        with open_store(tmp_path / "bot.db") as store:
            for _ in range(2):
                async with FakeDiscord() as fake:  # a new application id each time
                    await start_once(fake, settings_for(fake, tmp_path), store)
                    assert fake.command_puts == 1
            assert len(store.execute("SELECT * FROM discord_command_sync")) == 2

    asyncio.run(asyncio.wait_for(run(), 30))


def test_the_payload_hash_is_stable_and_sensitive():
    assert payload_hash(command_payload(tree_of())) == payload_hash(command_payload(tree_of()))
    changed = (
        Command(name="brief", summary="Changed.", handler=nothing, arguments=(Argument("k", "K"),)),
    )
    assert payload_hash(command_payload(tree_of(changed))) != payload_hash(
        command_payload(tree_of())
    )


def test_configuration_commands_are_shown_to_manage_server_by_default_and_the_rest_to_all():
    """/sources, /topics, /schedule (and a command entirely for admins) carry Manage Server
    as default_member_permissions; /brief, /summarize, /digest and /help none (/digest now
    is checked by the command layer)."""
    admin_only = Command(
        name="purge",
        summary="Forget every story.",
        handler=nothing,
        access=Access.ADMINS,
        task="forget every story",
    )
    payload = {c["name"]: c for c in command_payload(tree_of((*COMMANDS, admin_only)))}
    manage_server = discord.Permissions(manage_guild=True).value
    permissions = {name: command["default_member_permissions"] for name, command in payload.items()}
    settings = {"sources", "topics", "schedule", "purge"}
    assert permissions == {name: manage_server if name in settings else None for name in payload}
    assert {"brief", "summarize", "digest", "help"} <= set(payload) - settings
    for command in COMMANDS:
        assert payload[command.name]["contexts"] == [0]  # servers only
