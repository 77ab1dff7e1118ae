"""Small address helpers shared by the feed and page readers."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit


def absolute_http(address: object, base: str | None) -> str | None:
    """``address`` made absolute against ``base``; None unless it is http(s) with a host."""
    if not isinstance(address, str) or not address.strip():
        return None
    joined = urljoin(base or "", address.strip())
    parts = urlsplit(joined)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    return joined


def site_of(address: str | None) -> str:
    """The host of ``address`` without a leading ``www.`` ("" when there is none)."""
    return (urlsplit(address or "").hostname or "").removeprefix("www.")
