"""The Slack Web API client: Slack's own or ``[slack] api_base``, retrying 429s as told, for
up to a minute each; and the client of a slash command's response_url, which retries the
same way and, as an answer to a command has no other way out, 5xx answers a few times too."""

from __future__ import annotations

import asyncio
from ssl import SSLContext

from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

RATE_LIMIT_RETRIES = 3
SERVER_ERROR_RETRIES = 2  # a response_url's 5xx; Web API calls are not repeated on a 5xx
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
    """Waits out a 429's ``Retry-After`` (1 s when missing, as slack_sdk assumes)."""

    def retries(self, status: int) -> bool:
        return status == 429


class CappedServerErrorRetryHandler(_CappedWait, AsyncServerErrorRetryHandler):
    """Tries a 5xx answer again (any of them: a proxy's 502 and 504 too, not only
    slack_sdk's 500 and 503): after its ``Retry-After`` when it has one, else after
    slack_sdk's short backoff."""

    assumed_wait = 0.0

    def retries(self, status: int) -> bool:
        return 500 <= status < 600

    async def prepare_for_next_attempt_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        asked = retry_after(response, missing=0.0) if response is not None else 0.0
        if not asked:
            await super().prepare_for_next_attempt_async(
                state=state, request=request, response=response, error=error
            )
            return
        state.next_attempt_requested = True
        await asyncio.sleep(asked)
        state.increment_current_attempt()


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
    *,
    rate_limit_retries: int = RATE_LIMIT_RETRIES,
    max_retry_after: float = MAX_RETRY_AFTER,
    server_error_retries: int = 0,
) -> list[AsyncRetryHandler]:
    """A dropped connection tried once more, 429s waited out as told (each at most
    ``max_retry_after`` seconds), and with ``server_error_retries`` 5xx answers too."""
    handlers: list[AsyncRetryHandler] = [
        AsyncConnectionErrorRetryHandler(),
        CappedRateLimitRetryHandler(rate_limit_retries, max_wait=max_retry_after),
    ]
    if server_error_retries:
        handlers.append(
            CappedServerErrorRetryHandler(server_error_retries, max_wait=max_retry_after)
        )
    return handlers


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
    with the retries of ``retry_handlers``): an answer that fails there is lost, so a 5xx
    is tried again as well as a 429."""
    return AsyncWebhookClient(
        url=url,
        proxy=proxy,
        ssl=ssl,
        timeout=TIMEOUT_SECONDS,
        retry_handlers=retry_handlers(server_error_retries=SERVER_ERROR_RETRIES),
    )
