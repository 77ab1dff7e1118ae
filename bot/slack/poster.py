"""Posting replies into Slack channels with chat.postMessage: the adapter's ``Poster``.

A reply longer than one message goes out as several, in order. If a later one fails, the
earlier ones stay posted and the PostError names their stories (``posted_story_ids``), so a
retry posts only the rest.

Slack's error codes are sorted into those that posting again cannot cure (``PERMANENT``:
the channel, the app's rights, or a message Slack refuses as malformed) and the rest. A
code not listed is transient: Slack adds codes over time, most unknown ones are on its
side, and a transient failure is retried only within the digest's grace period, while a
wrongly permanent one would lose the digest at once.
"""

from __future__ import annotations

import logging

from slack_sdk.web.async_client import AsyncWebClient

from bot.posting import CHANNEL_GONE, PostError, maybe_posted_reason, post_in_order
from bot.replies import Reply
from bot.slack.errors import SlackCallError, slack_call
from bot.slack.render import SlackMessage, render
from summaries.models import platform_of

log = logging.getLogger("briefing.slack")

# Errors that posting again later cannot cure without someone changing something in Slack.
# The last of them are about the message itself (MALFORMED), not the channel.
PERMANENT = {
    "not_in_channel": "The bot is not in this Slack channel: invite it with /invite @briefing.",
    "channel_not_found": CHANNEL_GONE["slack"],
    "is_archived": "This Slack channel is archived.",
    "restricted_action": "This workspace does not allow the bot to post in this channel.",
    "restricted_action_read_only_channel": "This Slack channel is read-only.",
    "restricted_action_thread_only_channel": "This Slack channel takes messages in threads "
    "only: choose another channel for the digest.",
    "no_permission": "The bot may not post in this Slack channel: invite it with "
    "/invite @briefing, or check the app's permissions there.",
    "team_access_not_granted": "The Slack app has not been granted access to this workspace: "
    "an admin of the organisation can add it to the workspace.",
    "missing_scope": "The Slack app lacks a permission it needs; reinstall it from the manifest.",
    "invalid_blocks": "Slack refused the message layout (a bug: please report it).",
    "invalid_blocks_format": "Slack refused the message layout (a bug: please report it).",
    "invalid_arguments": "Slack refused the message (a bug: please report it).",
    "no_text": "Slack refused an empty message (a bug: please report it).",
    "msg_too_long": "Slack refused the message as too long (a bug: please report it).",
    "msg_blocks_too_long": "Slack refused the message as too long (a bug: please report it).",
}
MALFORMED = {
    "invalid_blocks",
    "invalid_blocks_format",
    "invalid_arguments",
    "no_text",
    "msg_too_long",
    "msg_blocks_too_long",
}
_SLOW_DOWN = "Slack asked the bot to slow down; it will try again later."
TRANSIENT = {
    "ratelimited": _SLOW_DOWN,  # an HTTP 429 waited out too long or too often
    "rate_limited": _SLOW_DOWN,  # chat.postMessage's own: the app posted too many messages
    "message_limit_exceeded": "The workspace reached Slack's message limit for now; "
    "the bot will try again later.",
    "invalid_auth": "Slack refused the bot's token; check the bot token and restart.",
    "token_revoked": "The Slack bot token was revoked; install the app again.",
    "account_inactive": "The Slack app's account is inactive; install the app again.",
}


class SlackPoster:
    """A ``Poster`` for channels ``"slack:<channel id>"``."""

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client

    async def post(self, channel: str, reply: Reply, *, key: str | None = None) -> None:
        """Slack has no idempotency key for chat.postMessage: ``key`` is not used (a post
        repeated after a crash between Slack taking it and the record may show twice). A
        message that failed after Slack may have posted it is not sent again
        (``post_error``)."""
        if platform_of(channel) != "slack" or ":" not in channel:
            raise PostError(channel, "That is not a Slack channel.", permanent=True)
        channel_id = channel.split(":", 1)[1]

        async def send(message: SlackMessage) -> None:
            await self._send(channel_id, message)

        await post_in_order(channel, render(reply), send)

    async def _send(self, channel_id: str, message: SlackMessage) -> None:
        call = self.client.chat_postMessage(
            channel=channel_id, unfurl_links=False, unfurl_media=False, **message.as_arguments()
        )
        try:
            await slack_call(call)
        except SlackCallError as error:
            raise post_error(f"slack:{channel_id}", error, message.story_ids) from None


def post_error(
    channel: str, error: SlackCallError, story_ids: tuple[int, ...] = ()
) -> PostError:
    """The PostError for a failed chat.postMessage of the stories ``story_ids``: by Slack's
    error code when it gave one; after a 5xx or a connection cut once the message went out
    Slack may have posted it, and it is not posted again (``maybe_posted``)."""
    if error.maybe_taken:
        log.warning("posting to %s failed after Slack may have taken it: %s", channel, error)
        if error.code:
            why = f"Slack answered {error.code}"
        elif error.answered:
            why = f"Slack answered HTTP {error.status}"
        else:
            why = f"The connection to Slack failed ({error.cause or 'no answer came'})"
        return PostError(
            channel,
            maybe_posted_reason(why),
            permanent=False,
            posted_story_ids=story_ids,
            maybe_posted=True,
        )
    if not error.answered:
        message = "Slack could not be reached; it will be tried again later."
        return PostError(channel, message, permanent=False)
    if not error.code:
        log.warning("posting to %s failed: %s", channel, error)
        message = f"Slack did not take the message (HTTP {error.status}); trying again later."
        return PostError(channel, message, permanent=False)
    code = error.code
    if code in PERMANENT:
        return PostError(channel, PERMANENT[code], permanent=True, malformed=code in MALFORMED)
    message = TRANSIENT.get(code, f"Slack did not take the message ({code}); trying again later.")
    return PostError(channel, message, permanent=False)
