"""Whether a Slack command may act on a channel someone named (``<#C…>``) rather than the
one they asked in; and whether the conversation a mention came from is a direct message.

A reference is only an id, and an id can be typed raw (through the API) whatever Slack's
picker offers: another workspace's channel, whose settings are not this workspace's to see
or change, or a private channel the asker is not in. So the channel is looked up with the
bot's token before the command runs (``conversations.info``, needing ``channels:read`` and
``groups:read``): it must be one Slack shows this install in the asker's workspace, not
archived, and when private, one the asker is a member of (``conversations.members``).
Any doubt (Slack unreachable, a scope missing) refuses: asking in the channel itself
always works.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.commands.context import foreign_channel
from bot.commands.errors import CommandError
from bot.replies import ErrorKind, PlatformTerms
from bot.slack.channels import direct_conversation
from bot.slack.errors import SlackCallError, slack_call

log = logging.getLogger("briefing.slack")

MEMBER_PAGES = 10  # conversations.members pages (of PAGE_SIZE) read before giving up
PAGE_SIZE = 200
_UNSEEN = ("channel_not_found", "not_in_channel", "method_not_supported_for_channel_type")


class ChannelCheck:
    """``await channel_name("C123", user="U1", team="T1")``: the named channel's name as
    Slack has it (not the label a reference was sent with, which anyone can write), or a
    CommandError saying why a command may not act on it for that user of that workspace."""

    def __init__(self, client: AsyncWebClient, terms: PlatformTerms) -> None:
        self.client = client
        self.terms = terms
        self._direct: dict[str, bool] = {}  # a conversation's kind never changes

    async def mentioned_in_direct(self, event: dict[str, Any]) -> bool:
        """Whether a mention came from a direct or group message: by the event's
        ``channel_type`` when it has one, else by its channel's id (a DM's starts with D),
        else as conversations.info tells (``direct``)."""
        channel = str(event.get("channel", ""))
        kind = event.get("channel_type")
        if kind:
            return kind in {"im", "mpim"}
        return direct_conversation(channel) or await self.direct(channel)

    async def direct(self, channel: str) -> bool:
        """Whether the conversation ``channel``, one the bot is in, is a direct or group
        message: a mention names it by id only, and a group DM's id starts with C or G as
        a channel's does. When Slack does not tell (a scope missing, Slack unreachable), it
        is taken for a channel, as its id suggests."""
        if channel in self._direct:
            return self._direct[channel]
        try:
            answer = await slack_call(self.client.conversations_info(channel=channel))
        except SlackCallError as error:
            log.info("conversations.info for %s: %s; taken for a channel", channel, error)
            return False
        data = answer.data if isinstance(answer.data, dict) else {}
        found: dict[str, Any] = data.get("channel") or {}
        self._direct[channel] = bool(found.get("is_im") or found.get("is_mpim"))
        return self._direct[channel]

    async def channel_name(self, channel: str, *, user: str, team: str) -> str:
        try:
            answer = await slack_call(self.client.conversations_info(channel=channel))
        except SlackCallError as error:
            raise _refused(self._failed("conversations.info", channel, error)) from None
        data = answer.data if isinstance(answer.data, dict) else {}
        found: dict[str, Any] = data.get("channel") or {}
        teams = {found.get("context_team_id"), *(found.get("shared_team_ids") or ())} - {None, ""}
        if team and teams and team not in teams:
            raise _refused(foreign_channel(self.terms))
        if found.get("is_im") or found.get("is_mpim"):
            raise _refused("That is a direct conversation, not a channel: name a channel.")
        if found.get("is_archived"):
            raise _refused("That channel is archived, so it can have no digest.")
        if found.get("is_private"):
            try:
                member = await self._member(channel, user)
            except SlackCallError as error:
                raise _refused(self._failed("conversations.members", channel, error)) from None
            if not member:
                raise _refused(
                    "You are not in that private channel, so I do not act on it for you. "
                    "Ask someone who is, or ask in the channel itself."
                )
        return str(found.get("name") or "")

    async def _member(self, channel: str, user: str) -> bool:
        cursor = ""
        for _ in range(MEMBER_PAGES):
            answer = await slack_call(
                self.client.conversations_members(channel=channel, limit=PAGE_SIZE, cursor=cursor)
            )
            data = answer.data if isinstance(answer.data, dict) else {}
            if user in (data.get("members") or ()):
                return True
            cursor = (data.get("response_metadata") or {}).get("next_cursor") or ""
            if not cursor:
                return False
        log.warning("%s has too many members to look %s up in: not acted on", channel, user)
        return False

    def _failed(self, method: str, channel: str, error: SlackCallError) -> str:
        if error.code in _UNSEEN:
            return foreign_channel(self.terms)
        if error.code == "missing_scope":
            log.warning(
                "%s for %s: the app lacks the channels:read and groups:read scopes a named "
                "channel is checked with (the manifest has them: reinstall the app)",
                method,
                channel,
            )
            return (
                "I cannot check a channel named here: the bot's Slack app needs the "
                "channels:read and groups:read permissions (its operator can add them). "
                "Ask in the channel itself meanwhile."
            )
        log.warning("%s for %s failed: %s", method, channel, error)
        return (
            "I could not check that channel with Slack just now. Try again in a minute, "
            "or ask in the channel itself."
        )


def _refused(why: str) -> CommandError:
    return CommandError(ErrorKind.NOT_FOUND, why, title="Not that channel")
