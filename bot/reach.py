"""Saying that a chat platform cannot be reached: where, and why, in a person's words.

Both adapters stop start-up with ``unavailable(...)``'s words when their platform does
not answer (``python -m bot`` prints them and exits 1), and log the same kind of words
while they retry a connection lost later. The address is shown as scheme, host and port
only: a path, query or ``user:password@`` in an ``api_base`` may carry a proxy's secret.
"""

from __future__ import annotations

import errno
import socket
from urllib.parse import urlsplit

import aiohttp


def endpoint(url: str) -> str:
    """``https://user:pw@proxy.example:8443/api/secret?x=1`` -> ``https://proxy.example:8443``."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return "an address that is not valid"
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    if not parts.scheme or not host:
        return "an address that is not valid"
    return f"{parts.scheme}://{host}" + (f":{port}" if port is not None else "")


def reason(error: BaseException) -> str:
    """Why a connection failed, as words (never the exception's own text)."""
    if isinstance(error, aiohttp.ClientConnectorError):
        error = error.os_error
    if isinstance(error, socket.gaierror) or isinstance(error, aiohttp.ClientConnectorDNSError):
        return "its name does not resolve"
    if isinstance(error, ConnectionRefusedError) or getattr(error, "errno", None) == (
        errno.ECONNREFUSED
    ):
        return "the connection was refused"
    if isinstance(error, TimeoutError):
        return "it did not answer in time"
    if isinstance(error, aiohttp.ServerDisconnectedError | ConnectionResetError):
        return "the connection was closed before an answer"
    if isinstance(error, aiohttp.WSServerHandshakeError):
        return f"it answered HTTP {error.status} instead of opening the connection"
    if isinstance(error, aiohttp.ClientSSLError):
        return "the TLS connection failed"
    return f"the connection failed ({type(error).__name__})"


def may_have_arrived(error: BaseException) -> bool:
    """Whether a request that failed with ``error`` may still have been carried out: True
    unless the connection was never opened (a name that does not resolve, a refused or
    failed connect, a proxy that could not be reached), when nothing was sent. A request
    that makes something without an idempotency key (a message) is tried again only then:
    after a cut connection or a timeout the platform may have made it already."""
    never_opened = aiohttp.ClientConnectorError | ConnectionRefusedError | socket.gaierror
    return not isinstance(error, never_opened)


def answered(status: int) -> str:
    """The reason for an answer that was not the platform's own (a proxy's 503, say)."""
    return f"it answered HTTP {status}"


def unavailable(service: str, url: str, setting: str, why: str) -> str:
    """The start-up message: "<service> at <address> (<setting>) is not available: <why>."."""
    return (
        f"{service} at {endpoint(url)} ({setting}) is not available: {why}. Check the network "
        f"and {setting}, then start the bot again."
    )
