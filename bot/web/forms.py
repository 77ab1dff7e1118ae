"""The dashboard's forms, made from the command declarations, and what a form runs.

A form is an action of a declared command (``bot.commands.table``): its arguments become
the fields (a choice a menu, a time a time input, a channel a hidden field), and what is
sent back becomes the command line a person would type (``Action.line``), run through
``Commands.run`` like any chat command, with its admin check. Only the actions below
are offered; values fixed by the page (the topic a "remove" button removes) are hidden
fields, sent like the others and checked like typed text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.commands import COMMANDS
from bot.commands.declare import Action, Argument, Command, Kind

# (command, action) the dashboard offers, and the button each gets.
WEB_ACTIONS: dict[tuple[str, str], str] = {
    ("sources", "add"): "Add source",
    ("sources", "remove"): "Remove",
    ("sources", "retry"): "Retry now",
    ("topics", "add"): "Add topics",
    ("topics", "remove"): "Remove",
    ("schedule", "set"): "Save schedule",
    ("schedule", "pause"): "Pause",
    ("schedule", "resume"): "Resume",
    ("digest", "now"): "Post now",
}


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    label: str
    input: str  # "text" | "time" | "select" | "hidden"
    required: bool
    value: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, shown) for a menu
    suggest: str = ""  # the id of a datalist of suggestions ("zones")


@dataclass(frozen=True, slots=True)
class Form:
    command: str
    action: str
    button: str
    fields: tuple[Field, ...]
    hidden: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    @property
    def shown(self) -> tuple[Field, ...]:
        return tuple(one for one in self.fields if one.input != "hidden")


def declared(command: str, action: str) -> tuple[Command, Action] | None:
    """The declaration of an action the dashboard offers; None for any other."""
    if (command, action) not in WEB_ACTIONS:
        return None
    found = COMMANDS.find(command)
    use = found.action(action) if found is not None else None
    return (found, use) if found is not None and use is not None else None


def form_for(
    command: str, action: str, *, fixed: Mapping[str, str] = (), channel: str = ""
) -> Form:
    """The form of a declared action; ``fixed`` values are sent as hidden fields."""
    found = declared(command, action)
    assert found is not None, f"{command} {action} is not offered on the dashboard"
    fixed = dict(fixed)
    arguments = found[1].arguments
    fields = tuple(_field(argument, fixed, channel) for argument in arguments)
    named = any(argument.kind is Kind.CHANNEL for argument in arguments)
    hidden = (("channel", channel),) if channel and not named else ()
    return Form(command, action, WEB_ACTIONS[(command, action)], fields, hidden)


def _field(argument: Argument, fixed: Mapping[str, str], channel: str) -> Field:
    if argument.kind is Kind.CHANNEL:
        return Field(argument.name, argument.help, "hidden", False, channel)
    if argument.name in fixed:
        return Field(argument.name, argument.help, "hidden", True, fixed[argument.name])
    if argument.choices:
        default = () if argument.required else (("", argument.help),)
        choices = default + tuple((choice, choice) for choice in argument.choices)
        return Field(argument.name, argument.help, "select", argument.required, choices=choices)
    if argument.kind is Kind.TIME:
        return Field(argument.name, argument.help, "time", argument.required)
    suggest = "zones" if argument.kind is Kind.TIMEZONE else ""
    return Field(argument.name, argument.help, "text", argument.required, suggest=suggest)


def missing(action: Action, form: Mapping[str, str]) -> list[str]:
    """What a required field asks for, for each one sent empty. The command line leaves
    empty values out, so without this check the next value would be read in its place
    (no time, a zone: "'Europe/Berlin' is not a time of day")."""
    return [
        argument.help
        for argument in action.arguments
        if argument.typed and argument.required and not form.get(argument.name, "").strip()
    ]


def command_line(command: Command, action: Action, form: Mapping[str, str]) -> str:
    """What the sent form says, as a command line (``schedule set 08:00 Europe/Berlin``)."""
    values = {argument.name: form.get(argument.name, "") for argument in action.arguments}
    return action.line(command.name, values)
