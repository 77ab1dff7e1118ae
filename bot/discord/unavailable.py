"""Trying a request to Discord again after a 503 (Service Unavailable), where that is safe.

discord.py's REST client waits out 429s and retries 500, 502, 504 and 524 itself, but
raises a 503 at once. A 503 says nothing of whether Discord acted, so a new message is
sent again only with a nonce (``enforce_nonce``): Discord answers the same nonce from the
same bot, within a few minutes, with the message it already made. Digests and answers to
prefix commands are sent so.

Requests to an interaction (its response, edits, follow-ups) go through discord.py's
webhook client instead, which tries again after any 5xx, 503 included, up to five times,
and takes no nonce. For the response that is safe: an interaction is answered once, and
a second try after a first Discord took is refused as already answered
(``ALREADY_ANSWERED``), which means done; an edit made twice is made once. A follow-up
(the private answer that replaces a public "thinking...") is not: Discord's Create
Followup Message (Execute Webhook) takes no nonce, a follow-up's id is known only from
the try that returned, and an ephemeral message cannot be listed, so no try can tell that
an earlier one went through. It is therefore tried once as far as 5xx go, and the
"thinking..." message says it may not have shown (``bot.discord.followup``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

import discord

log = logging.getLogger("briefing.discord.unavailable")

T = TypeVar("T")
UNAVAILABLE = 503
# Seconds before each new try, within Discord's nonce window (and, for the first, within
# an interaction's 3 seconds when it comes early enough).
SERVER_RETRIES = (1.0, 3.0)
ALREADY_ANSWERED = 40060  # "Interaction has already been acknowledged"


def is_unavailable(error: BaseException) -> bool:
    """Whether ``error`` is Discord's 503."""
    return isinstance(error, discord.DiscordServerError) and error.status == UNAVAILABLE


async def after_503(
    attempt: Callable[[], Awaitable[T]],
    what: str,
    *,
    waits: tuple[float, ...] = SERVER_RETRIES,
    unavailable: Callable[[BaseException], bool] = is_unavailable,
) -> T:
    """``attempt()``, made again after each wait in ``waits`` while it fails with what
    ``unavailable`` says is a 503; the last failure is raised. Only for an attempt that is
    safe to repeat (see the module docstring); ``what`` names it in the log."""
    for wait in waits:
        try:
            return await attempt()
        except Exception as error:
            if not unavailable(error):
                raise
        log.warning("Discord answered 503 for %s: trying again in %s s", what, wait)
        await asyncio.sleep(wait)
    return await attempt()


def answer_nonce(message_id: int, kind: str) -> str:
    """The nonce of the bot's answer to the message ``message_id``: the same for every
    try of that answer, another for another kind of answer to it ("embeds", "text")."""
    return f"{kind[:4]}{message_id}"[:25]  # Discord's limit for a nonce
