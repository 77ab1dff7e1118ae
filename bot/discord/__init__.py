"""The Discord adapter (discord.py 2): slash and prefix commands, embeds, digests.

``create_adapter(runtime, settings, environ)`` is what ``python -m bot`` calls when the
token variable (``[discord] token_env``, default ``DISCORD_TOKEN``) is set.
Every process posts digests: the schedule's claims in the store decide which one posts
each (see ``bot.schedule``), however the shards are spread.
"""

from bot.discord.adapter import DiscordAdapter, DiscordUnavailableError, create_adapter, read_token
from bot.discord.client import (
    BriefingBot,
    ShardedBriefingBot,
    Timing,
    intents_for,
    make_bot,
)
from bot.discord.poster import DiscordPoster
from bot.discord.render import Outgoing, render, render_pages

__all__ = [
    "BriefingBot",
    "DiscordAdapter",
    "DiscordPoster",
    "DiscordUnavailableError",
    "Outgoing",
    "ShardedBriefingBot",
    "Timing",
    "create_adapter",
    "intents_for",
    "make_bot",
    "read_token",
    "render",
    "render_pages",
]
