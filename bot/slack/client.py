"""The Slack Web API client: Slack's own or ``[slack] api_base``, retrying 429s as told, for
up to a minute each; and the client of a slash command's response_url, which retries the
same way.

Neither tries a message again after a 5xx, or after a connection cut once the request
went out: Slack takes no idempotency key for a message, and one it made despite the
failure would show twice (as Discord's follow-ups, ``bot.discord.followup``). Who sent it
decides what to tell instead (``bot.slack.answers``, ``bot.delivery``)."""

from __future__ import annotations

import asyncio
import random
from ssl import SSLContext
from urllib.parse import urlsplit

from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.reach import may_have_arrived

RATE_LIMIT_RETRIES = 3
POSTING_METHODS = frozenset({"chat.postMessage", "chat.postEphemeral"})
MAX_RETRY_AFTER = 60.0  # seconds; like Discord's client: a longer wait fails the call
TIMEOUT_SECONDS = 30


class _CappedWait(AsyncRetryHandler):
    """A retry handler for the answers of some statuses, each waited out only when its
    ``Retry-After`` asks for at most ``max_wait`` seconds: a longer one (Slack has sent
    hours) fails the call at once. A digest is then tried again later by the delivery,
    and a command's answer would be too late anyway; holding the call would hold the
    digest job and the shutdown."""

    assumed_wait = 1.0  # the Retry-After of an answer without one

    def __init__(self, max_retry_count: int = 1, *, max_wait: float = MAX_RETRY_AFTER) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    def retries(self, status: int) -> bool:
        raise NotImplementedError

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or not self.retries(response.status_code):
            return False
        return retry_after(response, missing=self.assumed_wait) <= self.max_wait


class CappedRateLimitRetryHandler(_CappedWait, AsyncRateLimitErrorRetryHandler):
    """Waits out a 429's ``Retry-After`` (1 s when missing, as slack_sdk assumes), and up to
    a second more, as slack_sdk does; read as ``retry_after`` reads it, so a proxy's "1.5"
    is waited out too (slack_sdk reads whole seconds only, and fails the call on it)."""

    def retries(self, status: int) -> bool:
        return status == 429

    async def prepare_for_next_attempt_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        if response is None:  # (never: only an answer is retried, see _can_retry_async)
            raise error or RuntimeError("no answer to wait out")
        state.next_attempt_requested = True
        wait = max(0.0, retry_after(response, missing=self.assumed_wait))
        await asyncio.sleep(wait + random.random())
        state.increment_current_attempt()


class ConnectionRetryHandler(AsyncConnectionErrorRetryHandler):
    """slack_sdk's one more try after a dropped connection, except for a request that
    posts a message: Slack may have posted it before the connection dropped, and the same
    message would show twice, so that is tried again only when the connection never
    opened (``bot.reach.may_have_arrived``)."""

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if error is None:
            return False
        if posts_a_message(request.url) and may_have_arrived(error):
            return False
        return await super()._can_retry_async(
            state=state, request=request, response=response, error=error
        )


def posts_a_message(url: str) -> bool:
    """Whether a call to ``url`` makes a message: chat.postMessage, chat.postEphemeral, or
    an answer through a response_url (any other address: the Web API's are ``/api/<method>``)."""
    path = urlsplit(url).path
    if "/api/" not in path:
        return True
    return path.rsplit("/", 1)[-1] in POSTING_METHODS


def retry_after(response: HttpResponse, *, missing: float = 1.0) -> float:
    """The response's Retry-After in seconds (``missing`` when there is none; a value that
    is not a number counts as too long)."""
    for name, value in response.headers.items():
        if name.lower() == "retry-after":
            raw = value[0] if isinstance(value, list) else value
            try:
                return float(raw)
            except (TypeError, ValueError):
                return float("inf")
    return missing


def retry_handlers(
    *, rate_limit_retries: int = RATE_LIMIT_RETRIES, max_retry_after: float = MAX_RETRY_AFTER
) -> list[AsyncRetryHandler]:
    """A dropped connection tried once more (see ConnectionRetryHandler), and 429s waited
    out as told (each at most ``max_retry_after`` seconds). A 5xx is never tried again:
    Slack does not take a call's idempotency key, and the call may have been carried out."""
    return [
        ConnectionRetryHandler(),
        CappedRateLimitRetryHandler(rate_limit_retries, max_wait=max_retry_after),
    ]


def web_client(
    token: str,
    base_url: str,
    *,
    rate_limit_retries: int = RATE_LIMIT_RETRIES,
    max_retry_after: float = MAX_RETRY_AFTER,
) -> AsyncWebClient:
    """An AsyncWebClient that waits out ``Retry-After`` on 429 (up to 3 times, each at most
    ``max_retry_after`` seconds) and retries a dropped connection once; past that the call
    raises and the caller decides."""
    return AsyncWebClient(
        token=token,
        base_url=base_url,
        timeout=TIMEOUT_SECONDS,
        retry_handlers=retry_handlers(
            rate_limit_retries=rate_limit_retries, max_retry_after=max_retry_after
        ),
    )


def response_url_client(
    url: str, *, proxy: str | None = None, ssl: SSLContext | None = None
) -> AsyncWebhookClient:
    """The client of a slash command's response_url (what Bolt's ``respond`` would make,
    with the retries of ``retry_handlers``): a 429 is waited out, but a 5xx or a cut
    connection is not tried again, as Slack may have shown the answer already."""
    return AsyncWebhookClient(
        url=url, proxy=proxy, ssl=ssl, timeout=TIMEOUT_SECONDS, retry_handlers=retry_handlers()
    )
