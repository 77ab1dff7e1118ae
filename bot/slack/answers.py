"""Sending a command's answer, message by message, once.

A slash command is answered through its response_url, a mention with chat.postMessage
(chat.postEphemeral when private). Either way at most five messages go out (a response_url
takes no more): past that, four and a note saying how many were cut and how to ask for less.

No message is sent twice: when Slack answers 5xx, or the connection is cut after the
message went out, Slack may have shown it (``SlackCallError.maybe_taken``), so the answer
stops there and a short note, tried once too, says it may not have shown, as Discord's
"thinking..." does (``bot.discord.followup``). Any other failure (Slack refused it, a
rate limit past a minute) ends the answer with a log line.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from bot.posting import may_not_have_shown
from bot.slack.errors import SlackCallError
from bot.slack.render import SlackMessage, section
from bot.slack.text import escape

log = logging.getLogger("briefing.slack")

RESPONSE_URL_USES = 5  # Slack accepts up to five answers per response_url
CUT_NOTE = (
    "The rest of this answer ({n} more messages) was cut: Slack takes at most five "
    "messages in answer to one command. Ask for less to see it, for example with narrower "
    "keywords (brief cyber attack rather than brief cyber)."
)

# Sends one message of the answer (``private``: to the asker only); raises SlackCallError.
Send = Callable[[SlackMessage, bool], Awaitable[None]]


def capped(messages: list[SlackMessage], limit: int = RESPONSE_URL_USES) -> list[SlackMessage]:
    """At most ``limit`` messages: past that, the first ``limit - 1`` and a note saying how
    many were cut and how to ask for less."""
    if len(messages) <= limit:
        return messages
    left_out = len(messages) - (limit - 1)
    log.info("answer cut to %d of %d messages", limit - 1, len(messages))
    return [*messages[: limit - 1], note(CUT_NOTE.format(n=left_out))]


def note(text: str) -> SlackMessage:
    """A message of ``text`` alone, as plain words."""
    return SlackMessage(text, (section(escape(text)),))


async def send_answer(
    messages: list[SlackMessage], send: Send, *, private: bool, what: str
) -> None:
    """Send ``messages`` (capped) one after another, until one fails. ``what`` names the
    answer in log lines ("the answer through the response_url")."""
    for shown, message in enumerate(capped(messages)):
        try:
            await send(message, private)
        except SlackCallError as error:
            if not error.maybe_taken:
                log.warning("%s failed: %s", what, error)
                return
            log.warning(
                "%s may not have shown (%s), and is not sent again (it could show twice)",
                what,
                error,
            )
            await _tell_may_not_have_shown(send, private=private, partly=shown > 0, what=what)
            return


async def _tell_may_not_have_shown(send: Send, *, private: bool, partly: bool, what: str) -> None:
    text = may_not_have_shown("Slack", private=private, partly=partly)
    try:
        await send(note(text), True)
    except SlackCallError as error:
        log.warning("%s: the note that it may not have shown failed too: %s", what, error)
