"""A private answer after a public "thinking...", sent as an interaction follow-up once.

Discord makes a follow-up (Execute Webhook) without a nonce, and a private one cannot be
listed afterwards, so after a 5xx nothing tells whether Discord made it; discord.py's
webhook client would try again after any 5xx, and a follow-up Discord made despite the
5xx would then show twice. So a follow-up is tried once as far as 5xx go (a 429 is still
waited out and tried again by discord.py: Discord made nothing then). After a 5xx, or a
connection that failed before Discord's answer came, the "thinking..." message is left
in place and edited into a note that the answer may not have shown, holding nothing of
the answer; otherwise it is deleted once the follow-up is there.

The one try is discord.py's own webhook adapter (``async_context``, which its
``Webhook`` methods read) over a session that raises a 5xx instead of handing it back.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from contextlib import contextmanager
from typing import Any, TypeVar

import aiohttp
import discord
from discord.webhook.async_ import AsyncWebhookAdapter, async_context

from bot.discord.reach import CONNECTION_ERRORS, rest_unavailable
from bot.discord.render import NO_MENTIONS
from bot.posting import may_not_have_shown

log = logging.getLogger("briefing.discord.commands")

T = TypeVar("T")
MAY_NOT_HAVE_SHOWN = may_not_have_shown("Discord", private=True)


class UnreadableAnswer(discord.HTTPException):
    """Discord carried the request out (a 2xx) but its JSON answer does not parse: the
    message is made, and nothing of it can be read."""


class _RequestOnce:
    """``session.request(...)`` whose 5xx answer is raised as DiscordServerError, and a
    2xx whose JSON does not parse as UnreadableAnswer (discord.py would hand the text on
    as the message, and fail on it after the message was made)."""

    def __init__(self, request: Any) -> None:
        self._request = request

    async def __aenter__(self) -> aiohttp.ClientResponse:
        response = await self._request.__aenter__()
        if response.status < 300 and response.content_type == "application/json":
            text = await response.text()  # kept by aiohttp for discord.py's own read
            try:
                json.loads(text)
            except ValueError:
                await self._request.__aexit__(None, None, None)
                raise UnreadableAnswer(response, "the answer is not JSON") from None
        if response.status < 500:
            return response
        text = await response.text()
        await self._request.__aexit__(None, None, None)
        try:
            data: Any = json.loads(text)
        except ValueError:
            data = text
        raise discord.DiscordServerError(response, data)

    async def __aexit__(self, *exc_info: object) -> None:
        await self._request.__aexit__(*exc_info)


class _SessionOnce:
    def __init__(self, session: aiohttp.ClientSession) -> None:
        self._session = session

    def request(self, *args: Any, **kwargs: Any) -> _RequestOnce:
        return _RequestOnce(self._session.request(*args, **kwargs))


class _OneTryAdapter(AsyncWebhookAdapter):
    """discord.py's webhook adapter, with no new try after a 5xx."""

    async def request(self, route: Any, session: Any, **kwargs: Any) -> Any:
        return await super().request(route, _SessionOnce(session), **kwargs)


_ONE_TRY = _OneTryAdapter()


@contextmanager
def _tried_once() -> Any:
    token = async_context.set(_ONE_TRY)
    try:
        yield
    finally:
        async_context.reset(token)


async def once(send: Callable[[], Awaitable[T]]) -> T:
    """``send()`` (a follow-up), not tried again after a 5xx: DiscordServerError then."""
    with _tried_once():
        return await send()


async def follow_up_privately(
    interaction: discord.Interaction, kwargs: dict[str, Any]
) -> discord.WebhookMessage | None:
    """The private answer ``kwargs`` to a deferred ``interaction``, shown once at most;
    None when Discord answered 5xx or the connection failed before its answer came (the
    "thinking..." then says it may not have shown), or when Discord made it but its
    answer could not be read (the "thinking..." is deleted, as the answer shows)."""
    try:
        message = await once(lambda: interaction.followup.send(**kwargs, ephemeral=True, wait=True))
    except UnreadableAnswer:
        log.warning("the private answer was made, but Discord's answer to it was not JSON")
        await delete_thinking(interaction)
        return None
    except (discord.DiscordServerError, *CONNECTION_ERRORS) as error:
        log.warning(
            "the private answer to /%s may not have shown (%s), and is not sent again (it "
            "could show twice)",
            interaction.command.qualified_name if interaction.command else "?",
            _why(error),
        )
        await interaction.edit_original_response(
            content=MAY_NOT_HAVE_SHOWN, embeds=[], view=None, allowed_mentions=NO_MENTIONS
        )
        return None
    await delete_thinking(interaction)
    return message


def _why(error: BaseException) -> str:
    """ "Discord answered 503", or why Discord could not be reached."""
    if isinstance(error, discord.HTTPException):
        return f"Discord answered {error.status}"
    return rest_unavailable(error)


async def delete_thinking(interaction: discord.Interaction) -> None:
    """Delete the "thinking..." message; gone already (a try after one Discord carried out
    despite a 5xx) is done. The answer is shown by then: a "thinking..." that cannot be
    deleted is logged as left over, not as an answer that may not have shown."""
    try:
        await interaction.delete_original_response()
    except discord.NotFound:
        log.info("the interaction's original response was already gone")
    except (discord.HTTPException, *CONNECTION_ERRORS) as error:
        log.warning(
            'the private answer was shown, but its public "thinking..." was left: %s',
            _why(error),
        )
