"""A channel named in a command's text (``schedule set 08:00 UTC #news``), read as the
channel the command acts on where the command takes one.

Slack sends a channel the person picked while typing as a reference: ``<#C123|news>``,
or without its name, ``<#C123>`` (or ``<#C123|>``), from some clients. Where the command
takes a channel (a declared ``Kind.CHANNEL`` argument, as Discord's channel option), the
one reference is that channel and leaves the text. Elsewhere a reference with a name is
the word the person saw (``#news``, see ``command_text``), and one without a name is
refused with a clear answer: it holds only an id, which is no word to look for, and
dropping it would answer another question than the one asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.commands import CommandSet
from bot.commands.asked import asked_action, asked_usage, takes_channel
from bot.commands.errors import CommandError
from bot.replies import ErrorKind

# A channel's reference, with or without a name: any id, as one can be sent raw (a
# command that takes a channel refuses one Slack does not show it: ``bot.slack.named``,
# rather than act on the channel asked in).
_REFERENCE = re.compile(r"<#([^\s<>|]+)(?:\|([^<>]*))?>")


@dataclass(frozen=True, slots=True)
class NamedChannel:
    """A channel a command's text names: its Slack id, and its name when Slack sent one."""

    id: str
    name: str = ""


def channel_named(
    text: str, line_of: Callable[[str], str], commands: CommandSet
) -> tuple[str, NamedChannel | None]:
    """The command line in Slack's ``text`` (read by ``line_of``, such as
    ``command_text``) and the channel it names, when the command takes one; the line
    with no channel when it names none. A CommandError when it names a channel that
    cannot be used: several for one command, or one Slack sent without its name to a
    command that takes no channel. (An unknown command or action is left to the command
    layer, which answers it with the closest ones.)"""
    found = list(_REFERENCE.finditer(text))
    if not found:
        return line_of(text), None
    reference = found[0]
    rest = f"{text[: reference.start()]} {text[reference.end() :]}"
    action = asked_action(line_of(rest), commands)
    if takes_channel(action):
        if len(found) > 1:
            raise CommandError(ErrorKind.USAGE, "Name one channel at most.")
        return line_of(rest), NamedChannel(reference.group(1), (reference.group(2) or "").strip())
    if action is not None and any(not (match.group(2) or "").strip() for match in found):
        command = asked_usage(line_of(rest), commands)
        raise CommandError(
            ErrorKind.USAGE,
            f"{command} takes no channel, and Slack sent the channel you named without its "
            "name, so it is no word to use either. Write the words you mean instead.",
        )
    return line_of(text), None


def direct_conversation(channel_id: str, channel_name: str = "") -> bool:
    """Whether Slack's channel is a direct message (its id starts with D; a slash command
    names it ``directmessage``) or a group one (``mpdm-…``), not a channel."""
    return (
        channel_id.startswith("D")
        or channel_name == "directmessage"
        or channel_name.startswith("mpdm-")
    )
