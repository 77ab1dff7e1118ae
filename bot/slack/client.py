"""The Slack Web API client: Slack's own or ``[slack] api_base``, retrying 429s as told, for
up to a minute each."""

from __future__ import annotations

from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient

RATE_LIMIT_RETRIES = 3
MAX_RETRY_AFTER = 60.0  # seconds; like Discord's client: a longer wait fails the call
TIMEOUT_SECONDS = 30


class CappedRateLimitRetryHandler(AsyncRateLimitErrorRetryHandler):
    """Waits out a 429's ``Retry-After`` only when it is at most ``max_wait`` seconds.

    A longer one (Slack has sent hours) fails the call at once with ``ratelimited``: a
    digest is then tried again later by the delivery, and a command's answer would be too
    late anyway; holding the call would hold the digest job and the shutdown.
    """

    def __init__(self, max_retry_count: int = 1, *, max_wait: float = MAX_RETRY_AFTER) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        return retry_after(response) <= self.max_wait


def retry_after(response: HttpResponse) -> float:
    """The response's Retry-After in seconds (1 when missing, as slack_sdk assumes; a
    value that is not a number counts as too long)."""
    for name, value in response.headers.items():
        if name.lower() == "retry-after":
            raw = value[0] if isinstance(value, list) else value
            try:
                return float(raw)
            except (TypeError, ValueError):
                return float("inf")
    return 1.0


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
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(),
            CappedRateLimitRetryHandler(rate_limit_retries, max_wait=max_retry_after),
        ],
    )
