"""The one spelling a feed's or page's address is stored under.

People type one address many ways: ``HTTPS://Example.org/rss`` (a phone's capital),
``https://example.org:443/rss``, ``https://example.org/rss#latest`` (a fragment is never
sent to the server), ``https://example.org/rss?``. Each names the same resource (RFC 3986,
6.2.3), so each is stored as one source, fetched once, and found again by
``sources remove`` however it is typed. The path and the query are left as written:
a server may tell ``/Rss`` from ``/rss``.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": ":80", "https": ":443"}


def stored_address(url: str) -> str:
    """``url`` as a source is stored under it; anything but an http(s) address with a
    host (a folder's path) is returned as it is."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # "http://[::1" and the like: not ours to judge here
        return url
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.netloc or "@" in parts.netloc:
        return url
    netloc = parts.netloc.lower().removesuffix(_DEFAULT_PORTS[scheme])
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def same_address(one: str, other: str) -> bool:
    """Whether ``one`` and ``other`` are spellings of one source's address."""
    return one == other or stored_address(one) == stored_address(other)
