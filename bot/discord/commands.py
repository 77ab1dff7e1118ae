"""Every declared command as a slash command, and reading a prefix command's line.

Slash commands are derived from the declarations (``bot.commands.COMMANDS``): a command
with actions becomes a group (``/sources add url:``), each argument an option of its
action, with its declared help, whether it is required, its fixed choices and its
autocomplete. A channel argument is a channel option (``/schedule set channel:``: the
schedule of another channel); the others are turned back into the command line the
command layer reads ("schedule set 08:00 Europe/Berlin"), so both kinds of command meet
in one dispatcher.

Commands declared as settings commands (``/sources``, ``/topics``, ``/schedule``) and any
command whose every use needs admin rights are shown only to members with Manage Server
(``default_member_permissions``); a server's admins may grant them to other roles or
members in Server Settings > Integrations. Those see the read-only actions (``list``,
``show``); an admin-only action still needs Manage Server, which the command layer checks
(``Caller.is_admin``), as it does for ``/digest now``. Anything else is open to everyone.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any

import discord
from discord import app_commands

from bot.commands import COMMANDS, Access, Action, Command, CommandSet, Kind, Suggest
from bot.discord.dispatch import Dispatcher, choices, guild_tenant
from bot.discord.markup import readable_line
from summaries.timeofday import timezone_names

MANAGE_SERVER = discord.Permissions(manage_guild=True)
ADMIN_NOTE = " (Manage Server)"  # after the description of an admin-only action
OPTION_TYPES: dict[Kind, type] = {
    Kind.TEXT: str,
    Kind.TIME: str,
    Kind.TIMEZONE: str,
    Kind.CHANNEL: discord.TextChannel,
}


def add_slash_commands(
    tree: app_commands.CommandTree,
    dispatcher: Dispatcher,
    commands: CommandSet = COMMANDS,
) -> None:
    """Put every declared command on ``tree`` (replacing what is there)."""
    tree.clear_commands(guild=None)
    tree.error(dispatcher.failed)
    shown_to = {True: MANAGE_SERVER, False: None}
    for command in commands:
        if not command.actions:
            slash = _slash(command, command.uses[0], dispatcher, commands)
            slash.default_permissions = shown_to[command.for_admins]
            tree.add_command(slash)
            continue
        group = app_commands.Group(
            name=command.name,
            description=_describe(command.summary),
            default_permissions=shown_to[command.for_admins],
        )
        for action in command.actions:
            group.add_command(_slash(command, action, dispatcher, commands))
        tree.add_command(group)


def _slash(
    command: Command, action: Action, dispatcher: Dispatcher, commands: CommandSet
) -> app_commands.Command:
    description = action.help
    if action.name and action.access is Access.ADMINS:
        description += ADMIN_NOTE
    slash: app_commands.Command = app_commands.Command(
        name=action.name or command.name,
        description=_describe(description),
        callback=_callback(command, action, dispatcher),
    )
    for argument in action.arguments:
        if argument.suggest is not None:
            suggest = _autocomplete(argument.suggest, dispatcher, commands)
            slash.autocomplete(argument.name)(suggest)
    return slash


def _callback(
    command: Command, action: Action, dispatcher: Dispatcher
) -> Callable[..., Awaitable[None]]:
    """A callback whose signature declares the action's options, as app_commands reads it."""
    channels = [argument.name for argument in action.arguments if argument.kind is Kind.CHANNEL]

    async def callback(interaction: discord.Interaction, **values: Any) -> None:
        chosen = next((values[name] for name in channels if values.get(name)), None)
        line = readable_line(action.line(command.name, values))
        await dispatcher.interaction(interaction, line, channel=chosen, slow=action.slow)

    parameters = [
        inspect.Parameter(
            "interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=discord.Interaction
        )
    ]
    for argument in sorted(action.arguments, key=lambda argument: not argument.required):
        kind = OPTION_TYPES[argument.kind]
        parameters.append(
            inspect.Parameter(
                argument.name,
                inspect.Parameter.KEYWORD_ONLY,
                annotation=kind if argument.required else kind | None,
                default=inspect.Parameter.empty if argument.required else None,
            )
        )
    callback.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    described: Callable[..., Awaitable[None]] = callback
    descriptions = {argument.name: _describe(argument.help) for argument in action.arguments}
    if descriptions:
        described = app_commands.describe(**descriptions)(described)
    fixed = {
        argument.name: [app_commands.Choice(name=value, value=value) for value in argument.choices]
        for argument in action.arguments
        if argument.choices
    }
    if fixed:
        described = app_commands.choices(**fixed)(described)
    return described


def _describe(text: str) -> str:
    text = " ".join(text.split()) or "-"
    return text if len(text) <= 100 else text[:99] + "…"


def _autocomplete(
    kind: Suggest, dispatcher: Dispatcher, commands: CommandSet
) -> Callable[[discord.Interaction, str], Awaitable[list[app_commands.Choice[str]]]]:
    async def suggest(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        if kind is Suggest.SOURCES:
            return await dispatcher.sources(current, guild_tenant(interaction.guild_id))
        if kind is Suggest.TOPICS:
            names: list[str] | tuple[str, ...] = await dispatcher.topics(interaction)
        elif kind is Suggest.TIMEZONES:
            names = timezone_names()
        else:
            names = commands.names
        return choices(names, current)

    return suggest


def addressed_line(content: str, prefix: str, bot_id: int) -> str | None:
    """The command line of a message addressed to the bot; None for any other message.

    A message that starts with a mention of the bot is addressed to it whatever follows,
    on the same line or the next (nothing at all asks for help, as on Slack). One that
    starts with the prefix is when a word follows the prefix at once (``!brief``, not
    ``! wow`` or ``!!``). Every addressed line is answered, an unknown command too.
    """
    text = content.lstrip()
    for mention in (f"<@{bot_id}>", f"<@!{bot_id}>"):
        if text.startswith(mention):
            return text[len(mention) :].strip() or "help"
    if prefix and text.startswith(prefix) and text[len(prefix) : len(prefix) + 1].isalpha():
        return text[len(prefix) :].strip()
    return None
