"""Fetching one article from a web address, for callers without an event loop.

``fetch_article(url)`` (what ``briefing summarize URL`` uses) runs the one async fetcher,
:class:`summaries.sources.http.Fetcher`, on a private event loop and extracts the article
from the answer. Every safety rule (http(s) only; no loopback, private, link-local,
multicast, reserved or metadata addresses, checked on every redirect and pinned against
DNS rebinding; ``allow_hosts``; size, time and redirect caps; HTML or plain text only)
lives there, documented in that module; this file only adapts it.

Async code (the bot, ingest) must use ``Fetcher`` directly: ``fetch_article`` cannot run
inside a running event loop.
"""

from __future__ import annotations

from collections.abc import Coroutine, Iterable
from collections.abc import Set as AbstractSet
from typing import Any, TypeVar

import httpx

from summaries import interrupts
from summaries.models import Article
from summaries.reading import MAX_INPUT_BYTES
from summaries.sources import http
from summaries.sources.http import (
    ASKED_ARTICLE,
    CONNECT_TIMEOUT,
    MAX_REDIRECTS,
    USER_AGENT,
    Fetcher,
)
from summaries.sources.pages import article_from_result
from summaries.sources.public import is_public_address
from summaries.sources.public import resolve_checked as _resolve_checked

__all__ = [
    "CONNECT_TIMEOUT",
    "MAX_REDIRECTS",
    "USER_AGENT",
    "fetch_article",
    "is_public_address",
    "resolve_checked",
]

T = TypeVar("T")


def fetch_article(
    url: str,
    *,
    allow_hosts: Iterable[str] = (),
    timeout: float = 10.0,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Article:
    """The article at ``url`` (HTML or plain text), or an InputError that says why not.

    ``timeout`` bounds the whole fetch: name resolution, redirects and the body.
    """
    result = _run(_fetch(url, allow_hosts, timeout, max_bytes))
    return article_from_result(result)


def resolve_checked(url: httpx.URL, allowed: AbstractSet[str] = frozenset()) -> list[str]:
    """The IP addresses of ``url``'s host, all checked; InputError if any is not public."""
    return _run(_resolve_checked(url, allowed))


async def _fetch(
    url: str, allow_hosts: Iterable[str], timeout: float, max_bytes: int
) -> http.FetchResult:
    # One request for one person: no queue at the host, no politeness pause between hops.
    async with Fetcher(
        allow_hosts=allow_hosts, timeout=timeout, max_bytes=max_bytes, politeness=0.0
    ) as fetcher:
        return await fetcher.get(url, accept=ASKED_ARTICLE)


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` on a fresh loop that a Ctrl-C wakes at once, and whose closing
    does not wait for a name lookup still blocked in a worker thread after its deadline."""
    return interrupts.run_without_waiting(coroutine)
