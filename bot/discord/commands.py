"""Every command of the command table as a slash command and as a prefix command.

Slash commands are built from ``COMMANDS``: a command with subcommands becomes a group
(``/sources add url:``), its free-text argument one string option named after it
(``keywords``, ``url``, ``topic``, ``command``), required when the usage writes it as
``<...>``. ``/schedule set`` gets the options ``time``, ``timezone`` and ``channel`` (to
set another channel's schedule). Options are turned back into the command line the
command layer reads ("schedule set 08:00 Europe/Berlin"), so both kinds of command
meet in one dispatcher.

The configuration commands (``/sources``, ``/topics``, ``/schedule``) and any command
whose every use needs admin rights are shown only to members with Manage Server
(``default_member_permissions``); a server's admins may grant them to other roles or
members in Server Settings > Integrations. Those see the read-only subcommands (``list``,
``show``); changing anything still needs Manage Server, which the command layer checks
(``Caller.is_admin``), as it does for ``/digest now``. ``/brief``, ``/summarize``,
``/digest`` and ``/help`` are open to everyone.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands as ext

from bot.commands import COMMANDS, CommandSpec
from bot.commands.dispatcher import ALIASES
from bot.discord.dispatch import Dispatcher, choices, guild_tenant
from summaries.timeofday import timezone_names

SLOW = {"summarize", "digest", "sources add"}  # may fetch or compose: defer at once
CONFIGURATION = frozenset({"sources", "topics", "schedule"})  # Manage Server by default
MANAGE_SERVER = discord.Permissions(manage_guild=True)
_NAME = re.compile(r"[^a-z0-9_-]+")

# How Discord lists a subcommand or option; anything not here falls back to the usage line.
DESCRIPTIONS = {
    "digest preview": "Preview this channel's next digest",
    "digest now": "Post this channel's digest now",
    "sources list": "The feeds and pages the bot reads",
    "sources add": "Add a feed or page",
    "sources remove": "Stop reading a feed or page",
    "topics list": "The topics this channel's digest follows",
    "topics add": "Follow more topics in this channel's digest",
    "topics remove": "Stop following a topic",
    "schedule show": "When the channel's digest is posted",
    "schedule set": "Set when the channel's digest is posted",
    "schedule pause": "Pause the channel's digest",
    "schedule resume": "Resume the channel's digest",
    "brief.keywords": 'Words to look for, e.g. cyber attack or "central bank"',
    "summarize.url": "A web address (http or https), or the article's text",
    "sources add.url": "The address of a feed or web page",
    "sources remove.url": "The address of the source, or its #number",
    "topics add.topic": 'Keywords or "phrases in quotes", separated by spaces',
    "topics remove.topic": "The topic to stop following",
    "help.command": "One command to explain",
}
ADMIN_NOTE = " (Manage Server)"


@dataclass(frozen=True, slots=True)
class Option:
    name: str
    description: str
    required: bool
    kind: type = str  # str, or discord.TextChannel for a channel option
    suggest: str = ""  # "topics", "sources", "timezones", "commands": autocomplete from these


@dataclass(frozen=True, slots=True)
class Shape:
    """One slash command (or subcommand) and how its options make a command line."""

    command: str
    sub: str
    description: str
    options: tuple[Option, ...]

    @property
    def words(self) -> str:
        return f"{self.command} {self.sub}".strip()

    def line(self, values: dict[str, Any]) -> str:
        parts = [self.words]
        parts += [str(values[o.name]) for o in self.options if o.kind is str and values.get(o.name)]
        return " ".join(parts)

    def channel(self, values: dict[str, Any]) -> discord.abc.GuildChannel | None:
        found = [values.get(o.name) for o in self.options if o.kind is not str]
        return next((c for c in found if c is not None), None)


# --- shapes from the command table ------------------------------------------------------------


def option_name(argument: str) -> str:
    """``"url or text"`` -> ``"url"``: the first word, as Discord allows option names."""
    return _NAME.sub("", argument.split()[0].casefold())[:32] or "text"


def usage_of(spec: CommandSpec, sub: str) -> str:
    """The part of the usage line about one subcommand: ``"sources add <url>"``."""
    words = f"{spec.name} {sub}".strip()
    for part in spec.usage.split("|"):
        part = part.strip()
        if part == words or part.startswith(words + " "):
            return part.split("   ")[0]
    return words


def suggestion_for(spec: CommandSpec, sub: str, name: str) -> str:
    if name == "topic" and sub == "remove":
        return "topics"
    if name == "url" and sub == "remove":
        return "sources"
    if name == "command":
        return "commands"
    return ""


def shapes(spec: CommandSpec) -> list[Shape]:
    """The slash command(s) of one table entry: one, or one per subcommand."""
    if spec.name == "schedule":
        return [_schedule_shape(spec, sub) for sub in spec.subcommands]
    result = []
    for sub in spec.subcommands or ("",):
        usage = usage_of(spec, sub)
        options: tuple[Option, ...] = ()
        words = f"{spec.name} {sub}".strip()
        tail = usage[len(words) :].strip()
        if spec.argument and tail[:1] in ("<", "["):
            name = option_name(spec.argument)
            described = DESCRIPTIONS.get(f"{words}.{name}", tail.strip("<>[] ."))
            options = (
                Option(
                    name,
                    _describe(described),
                    tail.startswith("<"),
                    suggest=suggestion_for(spec, sub, name),
                ),
            )
        description = spec.summary if not sub else DESCRIPTIONS.get(words, usage)
        if sub in spec.admin_subcommands:
            description += ADMIN_NOTE
        result.append(Shape(spec.name, sub, _describe(description), options))
    return result


def _schedule_shape(spec: CommandSpec, sub: str) -> Shape:
    words = f"{spec.name} {sub}"
    description = DESCRIPTIONS.get(words, usage_of(spec, sub))
    if sub in spec.admin_subcommands:
        description += ADMIN_NOTE
    channel = Option("channel", "The channel (default: this one)", False, discord.TextChannel)
    if sub != "set":
        return Shape(spec.name, sub, _describe(description), (channel,))
    return Shape(
        spec.name,
        sub,
        _describe(description),
        (
            Option("time", "24-hour time of day, e.g. 08:00", True),
            Option("timezone", "IANA time zone, e.g. Europe/Berlin", False, suggest="timezones"),
            channel,
        ),
    )


def _describe(text: str) -> str:
    text = " ".join(text.split()) or "-"
    return text if len(text) <= 100 else text[:99] + "…"


# --- registration -----------------------------------------------------------------------------


def add_slash_commands(
    tree: app_commands.CommandTree,
    dispatcher: Dispatcher,
    specs: tuple[CommandSpec, ...] = COMMANDS,
) -> None:
    """Put every command of the table on ``tree`` (replacing what is there)."""
    tree.clear_commands(guild=None)
    tree.error(dispatcher.failed)
    for spec in specs:
        spec_shapes = shapes(spec)
        if not spec.subcommands:
            tree.add_command(_command(spec_shapes[0], dispatcher, spec))
            continue
        group = app_commands.Group(
            name=spec.name,
            description=_describe(spec.summary),
            default_permissions=MANAGE_SERVER if for_admins(spec) else None,
        )
        for shape in spec_shapes:
            group.add_command(_command(shape, dispatcher, None))
        tree.add_command(group)


def for_admins(spec: CommandSpec) -> bool:
    """Shown by default only to members with Manage Server."""
    return spec.admin or spec.name in CONFIGURATION


def _command(
    shape: Shape, dispatcher: Dispatcher, spec: CommandSpec | None
) -> app_commands.Command:
    callback = _callback(shape, dispatcher)
    command: app_commands.Command = app_commands.Command(
        name=shape.sub or shape.command, description=shape.description, callback=callback
    )
    if spec is not None and for_admins(spec):  # a top-level command only admins see
        command.default_permissions = MANAGE_SERVER
    for option in shape.options:
        if option.suggest:
            command.autocomplete(option.name)(_autocomplete(option.suggest, dispatcher))
    return command


def _callback(shape: Shape, dispatcher: Dispatcher) -> Callable[..., Awaitable[None]]:
    """A callback whose signature declares the shape's options, as app_commands reads it."""

    async def callback(interaction: discord.Interaction, **values: Any) -> None:
        await dispatcher.interaction(
            interaction,
            shape.line(values),
            channel=shape.channel(values),
            slow=shape.words in SLOW or shape.command in SLOW,
        )

    parameters = [
        inspect.Parameter(
            "interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=discord.Interaction
        )
    ]
    for option in sorted(shape.options, key=lambda o: not o.required):
        parameters.append(
            inspect.Parameter(
                option.name,
                inspect.Parameter.KEYWORD_ONLY,
                annotation=option.kind if option.required else option.kind | None,
                default=inspect.Parameter.empty if option.required else None,
            )
        )
    callback.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    descriptions = {o.name: o.description for o in shape.options}
    return app_commands.describe(**descriptions)(callback) if descriptions else callback


def _autocomplete(
    kind: str, dispatcher: Dispatcher
) -> Callable[[discord.Interaction, str], Awaitable[list[app_commands.Choice[str]]]]:
    async def suggest(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        if kind == "sources":
            return await dispatcher.sources(current, guild_tenant(interaction.guild_id))
        if kind == "topics":
            names: list[str] | tuple[str, ...] = await dispatcher.topics(interaction)
        elif kind == "timezones":
            names = timezone_names()
        else:
            names = [spec.name for spec in COMMANDS]
        return choices(names, current)

    return suggest


def add_prefix_commands(bot: ext.Bot, dispatcher: Dispatcher) -> None:
    """``!brief cyber`` and friends: the text after the prefix goes to the dispatcher as is."""
    aliases: dict[str, list[str]] = {}
    for alias, name in ALIASES.items():
        if alias.isalpha():
            aliases.setdefault(name, []).append(alias)
    for spec in COMMANDS:
        bot.add_command(
            ext.Command(
                _prefix_callback(dispatcher),
                name=spec.name,
                aliases=aliases.get(spec.name, []),
                help=spec.summary,
            )
        )


def _prefix_callback(dispatcher: Dispatcher) -> Callable[..., Awaitable[None]]:
    async def callback(ctx: ext.Context) -> None:
        line = ctx.message.content[len(ctx.prefix or "") :].strip()
        await dispatcher.message(ctx.message, line)

    return callback
