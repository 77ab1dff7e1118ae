"""Posting digests into Discord channels: the ``Poster`` of platform "discord".

Posts go over REST only, so they do not wait for the gateway: a digest due while the
gateway reconnects is posted once, on time. discord.py already waits out 429s
(``retry_after``, up to a minute) and retries 500, 502, 504 and 524 answers (five tries in
all), but raises a 503 (Service Unavailable) at once: a digest's message is tried again
after a 503 here, twice within seconds (``SERVER_RETRIES``) with the same nonce, so a
message Discord made despite the 503 is not made twice. What is left is sorted here
into permanent failures (no permission, channel gone, a channel that takes no messages
from the bot such as a locked thread or a forum, a message Discord refuses as malformed
or too large or the server's AutoMod blocks, which says nothing against the channel:
logged with the channel, never retried) and transient ones
(Discord unreachable, failing with 5xx or rate limiting for longer: the delivery tries
again later, with the same nonces).
A message Discord made without its embeds (no error: the bot lacks Embed Links there)
is deleted and fails as a missing permission, so a digest never counts as posted with
its stories unseen; one of embeds alone, refused as empty for the same reason, fails so
too.

A reply split over several messages that fails part-way names the stories of the
messages that did go out (``PostError.posted_story_ids``), so a retry posts only the rest.

A digest comes with a key (channel|period): each message is sent with a nonce derived
from it, the part and its stories (``bot.posting.message_nonce``), and discord.py sends
every nonce with ``enforce_nonce``: Discord answers a second post with the same nonce by
the same bot within a few minutes with the message it already made. A post retried after
the process died between Discord taking it and the record being marked sent shows once.

Digest posts share the posting budget (``bot.budget``); command answers do not wait for
it (they go out through the interaction, in the gateway process).
"""

from __future__ import annotations

import dataclasses
import logging

import discord

from bot.budget import Budget, LocalSlots
from bot.discord.plain import plain_message
from bot.discord.reach import CONNECTION_ERRORS, rest_unavailable
from bot.discord.render import NO_MENTIONS, Outgoing, render
from bot.discord.unavailable import SERVER_RETRIES, after_503, is_unavailable
from bot.posting import CHANNEL_GONE, PostError, message_nonce, post_in_order
from bot.replies import Reply

log = logging.getLogger("briefing.discord.poster")

PLATFORM = "discord"
MALFORMED = {400, 413}  # Invalid Form Body, Payload Too Large: retrying cannot help

# Without Embed Links Discord drops a new message's embeds; one of embeds alone is then
# empty and refused as such (ours never are: render shows "(nothing to show)" instead).
EMPTY_MESSAGE = 50006

NO_PERMISSION = (
    "The bot may not post in this channel: it needs the View Channel, Send Messages and "
    "Embed Links permissions there."
)
# 400s about where the message goes, not what it is (Discord's JSON error codes): every
# post there is refused alike, as with a 403.
_NO_MESSAGES = (
    "This Discord channel takes no messages from the bot (a voice, category or forum "
    "channel): choose a text channel for the digest."
)
CHANNEL_REFUSALS = {
    50008: _NO_MESSAGES,  # Cannot send messages in a non-text channel
    50024: _NO_MESSAGES,  # Cannot execute action on this channel type
    40058: "This is a Discord forum channel, where messages go in posts: choose a text "
    "channel for the digest.",
    50083: "This Discord thread is archived and the bot cannot reopen it: reopen the "
    "thread, or choose another channel for the digest.",
    160005: "This Discord thread is locked: unlock it, or choose another channel for the digest.",
}
# 400s about what the message holds under the server's or Discord's own rules: that
# message is given up, as a malformed one is, but it is no bug.
_AUTOMOD = (
    "A rule of the server's AutoMod blocked the message for something in it (a headline "
    "or a summary). A server admin can exempt the bot's role, or this channel, from that "
    "rule (Server Settings > AutoMod) to let the digests through."
)
CONTENT_BLOCKED = {
    200000: _AUTOMOD,
    200001: _AUTOMOD,
    240000: "Discord's filter of harmful links blocked the message for a link in it.",
}


def refused_for_embeds(error: discord.HTTPException, had_embeds: bool) -> bool:
    """Whether Discord refused a message that ``had_embeds`` as the bot may lack Embed Links
    in its channel would make it: a 403 (which does not say which permission is missing), or
    the message refused as empty once its embeds were dropped."""
    return had_embeds and (isinstance(error, discord.Forbidden) or error.code == EMPTY_MESSAGE)


def channel_number(channel: str) -> int:
    """``"discord:123"`` -> 123; PostError(permanent) for anything else."""
    platform, _, number = channel.partition(":")
    if platform != PLATFORM or not number.isdigit():
        raise PostError(channel, f"{channel!r} is not a Discord channel id.", permanent=True)
    return int(number)


class DiscordPoster:
    """Posts replies with discord.py's REST client once the bot has logged in."""

    def __init__(
        self,
        client: discord.Client,
        budget: Budget | None = None,
        *,
        server_retries: tuple[float, ...] = SERVER_RETRIES,
    ) -> None:
        self.client = client
        self.budget = budget or LocalSlots()  # digest posts only
        self.server_retries = server_retries
        self._logged_in = False

    def logged_in(self) -> None:
        """Called by the bot from ``setup_hook``: REST calls can be made from now on."""
        self._logged_in = True

    def ready(self) -> bool:
        """Whether a post can be made now (the schedule claims Discord digests only then)."""
        return self._logged_in and not self.client.is_closed()

    async def post(self, channel: str, reply: Reply, *, key: str | None = None) -> None:
        number = channel_number(channel)
        self._check_connected(channel)
        target = self.client.get_partial_messageable(number)
        messages = render(reply)
        parts = {id(message): index for index, message in enumerate(messages)}

        async def send(message: Outgoing) -> None:
            nonce = None
            if key is not None:
                nonce = message_nonce(key, parts[id(message)], message.story_ids)
            await self._send(channel, target, message, nonce, reply)

        await post_in_order(channel, messages, send)

    async def _send(
        self,
        channel: str,
        target: discord.PartialMessageable,
        message: Outgoing,
        nonce: str | None,
        reply: Reply,
    ) -> None:
        if nonce is None:  # a command's answer: not within the budget
            await self._send_now(channel, target, message, {}, reply)
            return

        async def attempt() -> None:
            async with self.budget.slot():  # a digest: one slot of the budget
                await self._send_now(channel, target, message, {"nonce": nonce}, reply)

        await after_503(
            attempt, f"channel {channel}", waits=self.server_retries, unavailable=_unavailable
        )

    async def _send_now(
        self,
        channel: str,
        target: discord.PartialMessageable,
        message: Outgoing,
        extra: dict[str, str],
        reply: Reply,
    ) -> None:
        try:
            sent = await target.send(**message.send_kwargs(), **extra)
        except discord.HTTPException as error:
            if error.code == EMPTY_MESSAGE and message.embeds:  # (a 403 is told below)
                raise self._embeds_dropped(channel, "it was refused as empty") from error
            raise self._refused(channel, error) from error
        except (discord.RateLimited, *CONNECTION_ERRORS) as error:
            log.warning("posting to Discord channel %s failed: %s", channel, _describe(error))
            raise PostError(
                channel, "Discord did not accept the post just now.", permanent=False
            ) from error
        if len(sent.embeds) < len(message.embeds):
            await self._withdraw(channel, sent, _part_of(reply, message))

    async def _withdraw(self, channel: str, sent: discord.Message, part: Reply) -> None:
        """Discord made the message without its embeds, as it does (with no error) for a bot
        without Embed Links in the channel: the stories did not show, so the message (a
        title alone) is deleted and the post fails as a missing permission does.

        Should the delete fail, the title would stay, and the same digest, posted again once
        the channel is resumed, would show it twice: the message left is made the text of its
        stories (``part``) instead, and those count as posted, so none is shown twice. If
        that fails too, the title alone stays and its stories, unseen, are offered again."""
        try:
            await sent.delete()
        except (discord.HTTPException, discord.RateLimited, *CONNECTION_ERRORS) as error:
            # Refused, gone already, or rate limited for longer than the bot waits: the
            # post fails all the same, for the missing permission.
            left = f"could not delete the message {sent.id} left without its stories: {error}"
        else:
            raise self._embeds_dropped(channel, "the message was deleted")
        text, shown = plain_message(part)
        try:
            await sent.edit(content=text, embeds=[], allowed_mentions=NO_MENTIONS)
        except (discord.HTTPException, discord.RateLimited, *CONNECTION_ERRORS) as error:
            failure = self._embeds_dropped(channel, f"{left}; nor show them as text: {error}")
        else:
            failure = self._embeds_dropped(channel, f"{left}; they are shown there as text")
            failure.posted_story_ids = shown
        raise failure

    def _embeds_dropped(self, channel: str, outcome: str) -> PostError:
        """Discord dropped a message's embeds: the bot lacks Embed Links in the channel."""
        log.error(
            "cannot post to Discord channel %s: Discord dropped the message's embeds, so the "
            "bot lacks Embed Links there; %s",
            channel,
            outcome,
        )
        return PostError(channel, NO_PERMISSION, permanent=True)

    def _refused(self, channel: str, error: discord.HTTPException) -> PostError:
        """The PostError for an error answer from Discord."""
        if isinstance(error, discord.Forbidden):
            log.error(
                "cannot post to Discord channel %s: missing permission (%s, code %s); "
                "the bot needs View Channel, Send Messages and Embed Links there",
                channel,
                error.text,
                error.code,
            )
            return PostError(channel, NO_PERMISSION, permanent=True)
        if isinstance(error, discord.NotFound):
            log.error("cannot post to Discord channel %s: it does not exist any more", channel)
            return PostError(channel, CHANNEL_GONE[PLATFORM], permanent=True)
        if error.code in CHANNEL_REFUSALS:
            log.error("cannot post to Discord channel %s: %s", channel, _describe(error))
            return PostError(channel, CHANNEL_REFUSALS[error.code], permanent=True)
        if error.code in CONTENT_BLOCKED:
            log.error("Discord channel %s: the message was blocked: %s", channel, _describe(error))
            return PostError(channel, CONTENT_BLOCKED[error.code], permanent=True, malformed=True)
        if error.status in MALFORMED:  # the same body would be refused again
            log.error(
                "Discord refused a message for channel %s as malformed: %s",
                channel,
                _describe(error),
            )
            return PostError(
                channel,
                "Discord refused the message as malformed or too large (a bug: please report it).",
                permanent=True,
                malformed=True,
            )
        log.warning("posting to Discord channel %s failed: %s", channel, _describe(error))
        return PostError(channel, "Discord did not accept the post just now.", permanent=False)

    def _check_connected(self, channel: str) -> None:
        """Before login there is no REST session: the digest waits for the next resend
        (the adapter runs one as soon as the bot has logged in)."""
        if self.client.is_closed() or not self._logged_in:
            raise PostError(channel, "The Discord connection is not up yet.", permanent=False)


def _part_of(reply: Reply, message: Outgoing) -> Reply:
    """``reply`` with only the stories ``message`` carries (all of it, if it carries none)."""
    if not message.story_ids:
        return reply
    items = tuple(item for item in reply.items if item.story_id in message.story_ids)
    return dataclasses.replace(reply, items=items)


def _unavailable(error: BaseException) -> bool:
    """Whether the post failed on a 503 from Discord (made or not: the nonce tells)."""
    return isinstance(error, PostError) and is_unavailable(error.__cause__)


def _describe(error: BaseException) -> str:
    if isinstance(error, discord.HTTPException):
        return f"HTTP {error.status} {error.text or ''}".strip()
    if isinstance(error, CONNECTION_ERRORS):
        return rest_unavailable(error)
    return type(error).__name__
