"""The Slack Web API client: Slack's own or ``[slack] api_base``, retrying 429s as told."""

from __future__ import annotations

from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

RATE_LIMIT_RETRIES = 3
TIMEOUT_SECONDS = 30


def web_client(
    token: str, base_url: str, *, rate_limit_retries: int = RATE_LIMIT_RETRIES
) -> AsyncWebClient:
    """An AsyncWebClient that waits out ``Retry-After`` on 429 (up to 3 times) and retries a
    dropped connection once; past that the call raises and the caller decides."""
    return AsyncWebClient(
        token=token,
        base_url=base_url,
        timeout=TIMEOUT_SECONDS,
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(),
            AsyncRateLimitErrorRetryHandler(max_retry_count=rate_limit_retries),
        ],
    )
