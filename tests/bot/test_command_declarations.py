"""Each command is declared once; the Discord app commands, the admin check, help and the
README's command table are derived from the declarations."""

from __future__ import annotations

import asyncio
from pathlib import Path

import discord
import pytest
from discord import app_commands

from bot.commands import (
    COMMANDS,
    Access,
    Action,
    Argument,
    Command,
    Commands,
    CommandSet,
    Kind,
)
from bot.commands.reference import command_table
from bot.discord import make_bot
from bot.discord.commands import ADMIN_NOTE, add_slash_commands
from bot.discord.dispatch import Dispatcher
from bot.replies import Caller, ErrorKind, Reply
from summaries.config import Settings, StoreSettings
from summaries.store import open_store
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import FAST, running, settings_for
from tests.processes import run_module

ROOT = Path(__file__).resolve().parents[2]
EPHEMERAL = 64
OPTION_TYPES = {
    Kind.TEXT: discord.AppCommandOptionType.string,
    Kind.TIME: discord.AppCommandOptionType.string,
    Kind.TIMEZONE: discord.AppCommandOptionType.string,
    Kind.CHANNEL: discord.AppCommandOptionType.channel,
}
USER = Caller("chat", "chat:C1", "chat:U1", tenant="chat:T1")
ADMIN = Caller("chat", "chat:C1", "chat:U2", is_admin=True, tenant="chat:T1")


async def echo(ctx, caller, request) -> Reply:
    """A handler that says what it was given."""
    return Reply(title=f"echo {request.action.name}", text=f"[{request.text}] in {caller.channel}")


ECHO = Command(
    name="echo",
    summary="Says back what it was given.",
    handler=echo,
    actions=(
        Action(
            "say",
            "Say it back",
            (
                Argument("tone", "How to say it", required=False, choices=("loud", "soft")),
                Argument("words", "What to say"),
                Argument("channel", "Where (default: here)", Kind.CHANNEL, required=False),
            ),
            default=True,
        ),
        Action("forget", "Forget it all", access=Access.ADMINS, task="make the bot forget"),
    ),
)


def tree_of(commands: CommandSet) -> app_commands.CommandTree:
    bot = make_bot(Settings(), runner=None, store=None)
    add_slash_commands(bot.tree, Dispatcher(None), commands)
    return bot.tree


def test_the_discord_tree_is_built_from_the_declarations():
    """Every declared command, action and argument is a real app_commands object with the
    declared name, help, requiredness, type, choices, autocomplete and default visibility."""
    tree = tree_of(COMMANDS)
    assert [c.name for c in tree.get_commands()] == COMMANDS.names
    manage_server = discord.Permissions(manage_guild=True)
    for command in COMMANDS:
        built = tree.get_command(command.name)
        expected = manage_server if command.for_admins else None
        assert built.default_permissions == expected, command.name
        if command.actions:
            assert isinstance(built, app_commands.Group)
            assert built.description == command.summary
            slashes = {sub.name: sub for sub in built.commands}
            assert list(slashes) == [action.name for action in command.actions]
        else:
            assert isinstance(built, app_commands.Command)
            slashes = {"": built}
        for action in command.uses:
            slash = slashes[action.name]
            note = ADMIN_NOTE if action.name and action.access is Access.ADMINS else ""
            assert slash.description == (action.help + note if action.name else command.summary)
            options = {p.name: p for p in slash.parameters}
            assert set(options) == {argument.name for argument in action.arguments}
            for argument in action.arguments:
                option = options[argument.name]
                assert option.description == argument.help
                assert option.required is argument.required
                assert option.type is OPTION_TYPES[argument.kind]
                assert [choice.value for choice in option.choices] == list(argument.choices)
                assert option.autocomplete is (argument.suggest is not None), argument.name


def test_a_new_declaration_is_a_slash_command_with_its_options_and_checks(tmp_path):
    """Declared once, ``echo`` answers as a slash command through the real discord.py
    client and the fake Discord: its options (a fixed choice, words, a channel) make the
    line its handler reads, and its admin-only action is refused in Discord's words."""
    commands = CommandSet((*COMMANDS, ECHO))

    async def run():
        async with FakeDiscord() as fake:
            settings = settings_for(fake, tmp_path)
            with open_store(settings.store.path) as store:
                runner = Commands(store, settings, commands=commands)
                bot = make_bot(settings, runner, store, timing=FAST)
                add_slash_commands(bot.tree, bot.dispatcher, commands)
                async with running(bot, fake):
                    [option] = [
                        o
                        for sub in fake.commands["echo"]["options"]
                        for o in sub.get("options", [])
                        if o["name"] == "tone"
                    ]
                    assert [c["value"] for c in option["choices"]] == ["loud", "soft"]
                    said = await fake.slash(
                        "echo", {"words": "hello there", "tone": "loud"}, subcommand="say"
                    )
                    there = await fake.slash(
                        "echo", {"words": "hi", "channel": fake.locked}, subcommand="say"
                    )
                    refused = await fake.slash("echo", subcommand="forget", user=fake.bob)
                    await fake.wait_for(
                        lambda: said.callbacks and there.callbacks and refused.callbacks
                    )
            [embed] = said.original["embeds"]
            assert embed["title"] == "echo say"
            assert embed["description"] == f"[loud hello there] in discord:{fake.news.id}"
            assert there.original["embeds"][0]["description"] == f"[hi] in discord:{fake.locked.id}"
            [embed] = refused.original["embeds"]
            assert refused.original["flags"] & EPHEMERAL and embed["title"] == "Admins only"
            assert "Manage Server" in embed["description"]
            assert "make the bot forget" in embed["description"]

    asyncio.run(asyncio.wait_for(run(), 30))


def test_an_admin_only_action_is_refused_before_its_handler_runs(tmp_path):
    """The command layer checks the declared access; its words name no platform."""
    ran = []

    async def record(ctx, caller, request) -> Reply:
        ran.append(request.action.name)
        return Reply(title="done")

    purge = Command(
        name="purge",
        summary="Forget stories.",
        handler=record,
        actions=(
            Action("preview", "What would go", default=True),
            Action("now", "Forget them now", access=Access.ADMINS, task="forget stories"),
        ),
    )
    settings = Settings(store=StoreSettings(path=str(tmp_path / "bot.db")))
    with open_store(tmp_path / "bot.db") as store:
        commands = Commands(store, settings, commands=CommandSet((purge,)))
        refused = asyncio.run(commands.run(USER, "purge now"))
        assert refused.error is ErrorKind.FORBIDDEN
        assert refused.text == (
            "Only admins, or users listed under [bot] admins in the bot's config.toml, "
            "can forget stories."
        )
        assert ran == []
        assert asyncio.run(commands.run(USER, "purge")).ok
        assert asyncio.run(commands.run(ADMIN, "PURGE NOW")).ok
        unknown = asyncio.run(commands.run(ADMIN, "purge later"))
        assert unknown.error is ErrorKind.USAGE
        assert unknown.text == "purge has no 'later' action. Use purge preview or purge now."
        assert ran == ["preview", "now"]


def test_a_form_of_values_makes_the_line_a_person_would_type():
    add = COMMANDS["sources"].action("add")
    values = {"url": "https://news.example/rss", "kind": "feed"}
    assert add.line("sources", values) == "sources add feed https://news.example/rss"
    assert add.line("sources", {"url": "https://x.example", "kind": None}) == (
        "sources add https://x.example"
    )
    put = COMMANDS["schedule"].action("set")
    chosen = {"time": "08:00", "timezone": "", "channel": object()}  # a channel is never typed
    assert put.line("schedule", chosen) == "schedule set 08:00"
    assert COMMANDS["topics"].action("rm") is COMMANDS["topics"].action("remove")
    assert COMMANDS.find("summarise") is COMMANDS["summarize"]


@pytest.mark.parametrize(
    "declaration",
    [
        dict(name="Brief"),  # a platform's command names are lower case
        dict(actions=(Action("go", "x" * 101),)),  # longer than a picker shows
        dict(actions=(Action("go", "Go", access=Access.ADMINS),)),  # who may, to do what?
        dict(actions=(Action("go", "Go", aliases=("run",)), Action("run", "Run"))),
        dict(actions=(Action("a", "A", default=True), Action("b", "B", default=True))),
        dict(actions=(Action("go", "Go"),), arguments=(Argument("x", "X"),)),
        dict(arguments=(Argument("x", "X"), Argument("x", "Again"))),
    ],
)
def test_a_declaration_a_platform_could_not_show_is_refused(declaration):
    with pytest.raises(ValueError):
        Command(**{"name": "cmd", "summary": "A command.", "handler": echo, **declaration})


def test_two_commands_cannot_share_a_name():
    with pytest.raises(ValueError):
        CommandSet((ECHO, Command(name="say", summary="Say.", handler=echo, aliases=("echo",))))


def test_the_readme_lists_every_declared_command_as_made():
    made = run_module("bot.commands.reference", cwd=ROOT)
    assert made.returncode == 0, made.stderr
    assert made.stdout == command_table()
    for command in COMMANDS:
        assert f"| `{command.name}" in made.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- commands:start -->\n", "<!-- commands:end -->"
    shown = readme[readme.index(start) + len(start) : readme.index(end)]
    assert shown == made.stdout, "run `python -m bot.commands.reference --write`"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
def test_each_help_detail_is_a_whole_sentence(command):
    """Help shows each detail as a bullet of its own: a sentence split over two showed as
    "- Times are 24-hour, ... America/New_York;" then "- daylight saving time is followed."."""
    for detail in command.details:
        assert detail[:1].isupper() and detail.endswith("."), detail
