"""Whether a command may act on a channel someone named (``!schedule show #editors``, the
slash command's channel option) rather than the one they asked in.

Discord offers in its pickers only the channels a person can see, but a typed ``<#id>``
(or an option sent raw) can name any channel of the server: one hidden from the asker,
whose schedule is then not theirs to read or change (Manage Server is not a view of every
channel), or one the bot cannot post in, where a digest would never arrive.
"""

from __future__ import annotations

import discord


def channel_refusal(channel: discord.abc.GuildChannel, asker: discord.abc.User) -> str | None:
    """Why ``asker`` may not have a command act on ``channel``; None when they may."""
    if not isinstance(asker, discord.Member) or not channel.permissions_for(asker).view_channel:
        return (
            "You cannot see that channel, so I do not act on it for you. Name a channel you "
            "can see, or ask someone who sees that one."
        )
    mine = channel.permissions_for(channel.guild.me)
    if not (mine.view_channel and mine.send_messages):
        return (
            f"I cannot post in #{channel.name}, so it can have no digest: give me View Channel "
            "and Send Messages there, then ask again."
        )
    return None
