"""The one check of a web address someone gives the bot, before it is stored or fetched.

Every fetch goes through :class:`~summaries.sources.http.Fetcher`, which checks each
address it requests (http(s) with a host, no user name or password, no private address
unless its host is in ``allow_hosts``). A source added with its kind named is stored
without a fetch, so :func:`check_address` runs those same checks alone: the same
functions, so the paths cannot drift apart. :func:`web_address` is the part that needs
no network (the form), for settings read at start-up.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable

import httpx

from summaries.sources.errors import BlockedAddressError, FetchTimeoutError, InvalidAddressError
from summaries.sources.public import normalize_host, parse_url, resolve_checked

MAX_ADDRESS_CHARS = 2000
PRIVATE_SOURCE = (
    "{url} points inside a private network (a loopback, private, link-local or cloud "
    "metadata address), and the bot does not fetch such addresses. To read an internal "
    "site you trust, the bot's operator can name its host under [sources] allow_hosts "
    "in config.toml."
)
PRIVATE_REDIRECT_SOURCE = (
    "{url} redirects to an address inside a private network (a loopback, private, "
    "link-local or cloud metadata address), and the bot does not follow it there. To read "
    "an internal site you trust, the bot's operator can name the host it redirects to "
    "under [sources] allow_hosts in config.toml."
)


def private_refusal(error: BlockedAddressError, url: str) -> str:
    """What to tell the operator of ``url`` refused as ``error`` says: where the address,
    or the one it redirects to, points, and how to read an internal site anyway."""
    return (PRIVATE_REDIRECT_SOURCE if error.redirected else PRIVATE_SOURCE).format(url=url)


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def looks_like_address(text: str) -> bool:
    """Whether ``text`` is written as an address (``scheme://``), not as a path."""
    return bool(_SCHEME.match(text))


def web_address(text: str) -> httpx.URL:
    """``text`` as an address the fetcher takes; InvalidAddressError saying why not (a
    scheme other than http(s), no host, a user name or password, far too long)."""
    if len(text) > MAX_ADDRESS_CHARS:
        raise InvalidAddressError("That address is too long to be a feed or page.")
    if not text.lower().startswith(("http://", "https://")):
        raise InvalidAddressError(
            "That is not an http(s) address: a feed or page starts with http:// or https://."
        )
    return parse_url(text)


def refused_move(old: str, new: str) -> str | None:
    """Why a source at ``old`` is not given ``new``, where a 301 / 308 leads, as its
    address for good (None when it is): the rules of an address someone gives (see
    :func:`web_address`), and no move from https to plain http, which would have every
    later read, and any further move, go unencrypted."""
    try:
        web_address(new)
    except InvalidAddressError as error:
        return str(error)
    if old.lower().startswith("https://") and not new.lower().startswith("https://"):
        return "That address is plain http:// where the source's is https://."
    return None


async def check_address(
    text: str, allow_hosts: Iterable[str] = (), timeout: float = 10.0
) -> httpx.URL:
    """``text`` checked as the fetcher would check it, without fetching: its form, then its
    host's addresses. BlockedAddressError for a private one, UnreachableError when the host
    does not resolve, FetchTimeoutError when resolving takes longer than ``timeout``."""
    url = web_address(text)
    allowed = frozenset(normalize_host(host) for host in allow_hosts)
    try:
        async with asyncio.timeout(timeout):
            await resolve_checked(url, allowed)
    except TimeoutError:
        raise FetchTimeoutError() from None
    return url
