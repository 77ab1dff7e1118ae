"""Whether an address may be fetched: its form (http or https, a host, no credentials) and
where its host resolves to (only globally routable addresses, unless an admin allows the
host). The checks :class:`~summaries.sources.http.Fetcher` makes before every request and
every redirect, and :mod:`summaries.sources.addresses` before an address is stored.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Set as AbstractSet

import httpx

from summaries.sources.errors import BlockedAddressError, InvalidAddressError, UnreachableError

CREDENTIALS = (
    "That address has a user name or password in it (user:password@host). The bot does not "
    "send credentials to sites: give the address without them."
)
_SCHEMES = {"http": 80, "https": 443}
_METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_url(url: str | httpx.URL, base: httpx.URL | None = None) -> httpx.URL:
    """``url`` (joined to ``base``) as an http(s) URL with a host; InvalidAddressError if not."""
    try:
        parsed = base.join(url) if base is not None else httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise InvalidAddressError("That is not a valid web address.") from None
    if parsed.scheme not in _SCHEMES:
        if base is not None:  # a redirect's target: the address given was a web one
            raise InvalidAddressError(
                "That address redirects to one that is not http:// or https://, so it will not "
                "be fetched."
            )
        raise InvalidAddressError("Only http:// and https:// addresses can be read.")
    if not parsed.raw_host:
        raise InvalidAddressError("That web address has no host name.")
    if parsed.userinfo:  # never sent, never echoed: the refusal does not repeat the address
        raise InvalidAddressError(CREDENTIALS)
    return parsed


def is_public_address(address: str) -> bool:
    """Whether ``address`` (an IP literal) may be fetched from: globally routable only."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("%eth0")
    except ValueError:
        return False
    return all(_is_public(one) for one in (ip, *_embedded_ipv4(ip)))


async def resolve_checked(url: httpx.URL, allowed: AbstractSet[str] = frozenset()) -> list[str]:
    """The IP addresses of ``url``'s host, all checked; BlockedAddressError if any is not
    public (unless the host is in ``allowed``; ``by_name`` when the host is a name, not an
    IP address), UnreachableError if it does not resolve."""
    host = url.raw_host.decode("ascii")
    loop = asyncio.get_running_loop()
    try:
        found = await loop.getaddrinfo(host, _port(url), type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise UnreachableError(url.host) from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in found))
    if not addresses:
        raise UnreachableError(url.host)
    if {normalize_host(url.host), normalize_host(host)} & allowed:
        return addresses
    if not all(is_public_address(address) for address in addresses):
        raise BlockedAddressError(by_name=not _is_ip_literal(host))
    return addresses


def _is_ip_literal(host: str) -> bool:
    """Whether ``host`` (as in a URL, IPv6 in brackets) is an IP address, not a name: one
    the system reads without asking DNS, in any form it takes ("10.20.30.40", and as
    "169090600", "0xa.20.30.40" or "10.20.7720" too). No lookup is made."""
    try:
        socket.getaddrinfo(host.strip("[]").split("%", 1)[0], None, flags=socket.AI_NUMERICHOST)
    except (OSError, UnicodeError, ValueError):
        return False
    return True


def normalize_host(host: str) -> str:
    """A host as compared with ``allow_hosts``: lower case, no brackets or final dot."""
    host = host.strip().lower().strip("[]").rstrip(".")
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return host


def _is_public(ip: Address) -> bool:
    return ip.is_global and not (
        ip in _METADATA
        or ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def _embedded_ipv4(ip: Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries (IPv4-mapped, 6to4, NAT64)."""
    if isinstance(ip, ipaddress.IPv4Address):
        return []
    found = [ip.ipv4_mapped, ip.sixtofour]
    if ip in _NAT64:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [one for one in found if one is not None]


def _port(url: httpx.URL) -> int:
    return url.port or _SCHEMES[url.scheme]
