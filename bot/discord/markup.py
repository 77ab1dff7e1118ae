"""Discord's markup in a typed command line, read as the person sees it.

Discord sends ``<@123>`` for a mention of someone, ``<@&4>`` of a role, ``<#5>`` of a
channel and ``<:party:678>`` for a server's own emoji; the chat shows "@ann", "#news" and a
picture. Read raw, ``brief cyber <:lock:678>`` would search for "lock" and "678", and
``topics add <@123>`` follow a number. A mention becomes the name Discord sent with the
message (none known: it is dropped), and a custom emoji is dropped, as an emoji character
is by search. "@everyone" and "@here" (plain text, which Discord shows as a mention of the
whole channel) are dropped too: they name no one and nothing to look for. An address put in
``<…>`` to keep Discord from showing its preview is the address.
"""

from __future__ import annotations

import re

import discord

from bot.commands import COMMANDS, CommandSet
from bot.commands.asked import asked_action, asked_usage, takes_channel
from bot.commands.errors import CommandError
from bot.replies import ErrorKind

_CHANNEL = re.compile(r"<#(\d+)>")
# An address in <…>, which Discord shows without a preview: the address, all of it (a "|"
# inside is the address's, not a label as in Slack's links).
_NO_PREVIEW = re.compile(r"<(https?://[^\s<>]+)>", re.IGNORECASE)
_MARKUP = re.compile(r"<(@!?|@&|#)(\d+)>|<a?:\w+:\d+>|(?<![^\s(\[\"'])@(?:everyone|here)(?!\w)")


def readable_line(line: str, message: discord.Message | None = None) -> str:
    """``line`` (from ``message``, when it came in one) with its mentions as names and
    custom emoji gone. A slash command's text options come without names: their mentions
    are dropped."""
    names: dict[tuple[str, int], str] = {}
    if message is not None:
        for user in message.mentions:
            names["@", user.id] = f"@{user.display_name}"
        for role in message.role_mentions:
            names["@&", role.id] = f"@{role.name}"
        for channel in message.channel_mentions:
            names["#", channel.id] = f"#{channel.name}"

    def readable(match: re.Match[str]) -> str:
        kind, number = match.group(1), match.group(2)
        if kind is None:  # a custom emoji, @everyone or @here
            return ""
        return names.get((kind.rstrip("!"), int(number)), "")

    return _MARKUP.sub(readable, _NO_PREVIEW.sub(r"\1", line)).strip()


def channel_named(
    line: str, message: discord.Message, commands: CommandSet = COMMANDS
) -> tuple[str, discord.TextChannel | None]:
    """``line`` (from ``message``) read as ``readable_line`` does, and the channel it
    names when its command takes one (``schedule pause #news``, which Discord sends as
    ``<#123>``): a text channel of the message's own server, taken out of the line, as
    the slash command's channel option would give it. Any other line is only made
    readable (a channel typed as a word is then refused by the command layer with how to
    name one). A CommandError when the command takes a channel and the line names several,
    or one that is no text channel of this server (a thread, a voice channel, another
    server's): acting on the channel asked in instead would answer another question."""
    found = _CHANNEL.findall(line)
    guild = message.guild
    if not found or guild is None:
        return readable_line(line, message), None
    rest = readable_line(_CHANNEL.sub(" ", line), message)
    if not takes_channel(asked_action(rest, commands)):
        return readable_line(line, message), None
    if len(found) > 1:
        raise CommandError(ErrorKind.USAGE, "Name one channel at most.")
    channel = guild.get_channel(int(found[0]))
    if not isinstance(channel, discord.TextChannel):
        raise CommandError(
            ErrorKind.USAGE,
            f"{asked_usage(rest, commands)} acts on a text channel of this server, and the "
            "channel you named is not one (a thread, a voice channel or a category, or "
            "another server's). Name a text channel of this server.",
        )
    return rest, channel
