"""The site an address belongs to, as a reader names it: its host without ``www.``."""

from __future__ import annotations

from urllib.parse import urlsplit


def site_of(address: str | None) -> str:
    """The host of ``address`` without a leading ``www.`` ("" when there is none)."""
    try:
        host = urlsplit(address or "").hostname
    except ValueError:  # an address no parser can read ("http://[::1")
        return ""
    return (host or "").removeprefix("www.")
