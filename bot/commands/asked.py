"""Which declared action a command line asks for, read before it runs: adapters use it to
tell whether a channel the platform sent with the line (Slack's ``<#C…>``, Discord's
``<#123>``) is the channel the command acts on (a ``Kind.CHANNEL`` argument)."""

from __future__ import annotations

from bot.commands.declare import Action, CommandSet, Kind
from bot.commands.parse import split_word


def asked_action(line: str, commands: CommandSet) -> Action | None:
    """The action ``line`` asks for; None for an unknown command or action."""
    name, args = split_word(line)
    command = commands.find(name)
    if command is None:
        return None
    if not command.actions:
        return command.uses[0]
    return command.action(split_word(args)[0])


def asked_usage(line: str, commands: CommandSet) -> str:
    """``schedule show``, ``brief``: what ``line`` asks for, in words."""
    command = commands.find(split_word(line)[0])
    action = asked_action(line, commands)
    if command is None or action is None:
        return "That command"
    return f"{command.name} {action.name}".strip()


def takes_channel(action: Action | None) -> bool:
    """Whether ``action`` can act on another channel than the one it is asked in."""
    return action is not None and any(
        argument.kind is Kind.CHANNEL for argument in action.arguments
    )
