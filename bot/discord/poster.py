"""Posting digests into Discord channels: the ``Poster`` of platform "discord".

Posts go over REST only, so they do not wait for the gateway: a digest due while the
gateway reconnects is posted once, on time. discord.py already waits out 429s
(``retry_after``) and retries 5xx answers; what is left is sorted here into
permanent failures (no permission, channel gone: logged with the channel, never
retried) and transient ones (Discord unreachable: the delivery tries again later).
"""

from __future__ import annotations

import logging

import aiohttp
import discord

from bot.discord.render import Outgoing, render
from bot.posting import PostError
from bot.replies import Reply

log = logging.getLogger("briefing.discord.poster")

PLATFORM = "discord"


def channel_number(channel: str) -> int:
    """``"discord:123"`` -> 123; PostError(permanent) for anything else."""
    platform, _, number = channel.partition(":")
    if platform != PLATFORM or not number.isdigit():
        raise PostError(channel, f"{channel!r} is not a Discord channel id.", permanent=True)
    return int(number)


class DiscordPoster:
    """Posts replies with discord.py's REST client once the bot has logged in."""

    def __init__(self, client: discord.Client) -> None:
        self.client = client
        self._logged_in = False

    def logged_in(self) -> None:
        """Called by the bot from ``setup_hook``: REST calls can be made from now on."""
        self._logged_in = True

    async def post(self, channel: str, reply: Reply) -> None:
        number = channel_number(channel)
        self._check_connected(channel)
        target = self.client.get_partial_messageable(number)
        messages = render(reply)
        for done, message in enumerate(messages):
            try:
                await self._send(target, message)
            except discord.Forbidden as error:
                log.error(
                    "cannot post to Discord channel %s: missing permission (%s, code %s); "
                    "the bot needs View Channel, Send Messages and Embed Links there",
                    channel,
                    error.text,
                    error.code,
                )
                raise PostError(
                    channel,
                    "The bot may not post in this channel: it needs the View Channel, "
                    "Send Messages and Embed Links permissions there.",
                    permanent=True,
                ) from error
            except discord.NotFound as error:
                log.error("cannot post to Discord channel %s: it does not exist any more", channel)
                raise PostError(
                    channel, "This Discord channel no longer exists.", permanent=True
                ) from error
            except (
                discord.HTTPException,
                discord.RateLimited,
                aiohttp.ClientError,
                OSError,
                TimeoutError,
            ) as error:
                log.warning(
                    "posting to Discord channel %s failed after %d of %d messages: %s",
                    channel,
                    done,
                    len(messages),
                    _describe(error),
                )
                raise PostError(
                    channel, "Discord did not accept the post just now.", permanent=False
                ) from error

    def _check_connected(self, channel: str) -> None:
        """Before login there is no REST session: the digest waits for the next resend
        (the adapter runs one as soon as the bot has logged in)."""
        if self.client.is_closed() or not self._logged_in:
            raise PostError(channel, "The Discord connection is not up yet.", permanent=False)

    async def _send(self, target: discord.PartialMessageable, message: Outgoing) -> None:
        await target.send(**message.send_kwargs())


def _describe(error: BaseException) -> str:
    if isinstance(error, discord.HTTPException):
        return f"HTTP {error.status} {error.text or ''}".strip()
    return type(error).__name__
