"""Who a request comes from, behind the reverse proxies the operator trusts.

Behind an HTTPS proxy every connection comes from the proxy, so limits per address
would count everyone as one. ``[web] trusted_proxies`` lists the proxies (addresses or
networks); only a connection from one of them has its forwarded header read, and in
that header only what those proxies wrote: walking the addresses from the right (the
last hop first), the first one that is not itself a trusted proxy is the client. What
the client wrote to the left of it, or a forwarded header on a connection from anywhere
else, is never believed. ``[web] proxy_header`` says which header the proxies set
(``X-Forwarded-For``, or RFC 7239's ``Forwarded``); the other one passes through them
untouched from the client, so it is never read.

A proxy appends its ``Forwarded`` element to what the client sent, so the client wrote
the start of the header: a quoted string it leaves open would take in the proxy's
element (an IPv6 address is quoted) and a lenient parser (aiohttp's) would then read
the client's own ``for=`` as the last one. So ``Forwarded`` is read only if every line
of it is RFC 7239's syntax; if not, the connection counts as the proxy's own.

Why not aiohttp-remotes: its strict X-Forwarded-For middleware wants exactly one
address per trusted hop and answers anything else with an error (a direct connection,
or a client's own X-Forwarded-For kept by the proxy), and it rewrites the host and the
scheme too. The dashboard needs only the address, and a connection that does not come
through a proxy served as it is.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence

from aiohttp import hdrs, web

from summaries.networks import Address, parse_networks, plain_address

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# RFC 7239 section 4 (token and quoted-string from RFC 9110 section 5.6)
_TOKEN = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
_QUOTED = r'"(?:[\t \x21\x23-\x5b\x5d-\x7e\x80-\xff]|\\[\t \x21-\x7e\x80-\xff])*"'
# and, as aiohttp allows, a port after an address that is not quoted (192.0.2.1:4711)
_PAIR = re.compile(rf"({_TOKEN})=({_TOKEN}(?::[0-9]{{1,5}})?|{_QUOTED})")
_SEPARATOR = re.compile(r"[ \t]*([,;])[ \t]*")  # between elements, between pairs
_ESCAPED = re.compile(r"\\(.)")


class ClientAddress:
    """``of(request)``: the client's address; ``middleware`` makes it ``request.remote``."""

    def __init__(self, trusted: Sequence[str], header: str = "x-forwarded-for") -> None:
        self.networks = parse_networks(trusted)  # checked with the settings already
        self.header = header.lower()

    def trusts(self, address: Address) -> bool:
        return any(address in network for network in self.networks)

    def of(self, request: web.Request) -> str:
        """The client's address: the connecting one, unless that is a trusted proxy."""
        peer = request.remote or ""
        address = plain_address(peer)
        if address is None or not self.trusts(address):
            return peer or "unknown"
        for hop in reversed(self._chain(request)):
            found = plain_address(hop)
            if found is None:  # "unknown" or a name, written by a proxy we trust
                break
            address = found
            if not self.trusts(found):
                break
        return str(address)

    def _chain(self, request: web.Request) -> list[str]:
        """The addresses in the forwarded header, the client's first (several header lines
        are one list, in order)."""
        if self.header == "forwarded":
            chain: list[str] = []
            for line in request.headers.getall(hdrs.FORWARDED, []):
                read = forwarded_for(line)
                if read is None:
                    return []
                chain.extend(read)
            return chain
        lines = request.headers.getall(hdrs.X_FORWARDED_FOR, [])
        return [hop for line in lines for hop in line.split(",") if hop.strip()]

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self.networks:
            return await handler(request)
        return await handler(request.clone(remote=self.of(request)))


def forwarded_for(line: str) -> list[str] | None:
    """The ``for`` of each element of one ``Forwarded`` line ("" where it has none), or
    None if the line is not RFC 7239's syntax. One pass, no backtracking across pairs,
    however long the line."""
    text = line.strip(" \t")
    found: list[str] = []
    current, at = "", 0
    while True:
        pair = _PAIR.match(text, at)
        if pair is not None:
            if pair[1].lower() == "for":
                value = pair[2]
                current = _ESCAPED.sub(r"\1", value[1:-1]) if value[0] == '"' else value
            at = pair.end()
        if at == len(text):
            break
        separator = _SEPARATOR.match(text, at)
        if separator is None:
            return None
        if separator[1] == ",":
            found.append(current)
            current = ""
        at = separator.end()
    found.append(current)
    return found
