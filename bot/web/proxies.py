"""Who a request comes from, behind the reverse proxies the operator trusts.

Behind an HTTPS proxy every connection comes from the proxy, so limits per address
would count everyone as one. ``[web] trusted_proxies`` lists the proxies (addresses or
networks); only a connection from one of them has its forwarded header read, and in
that header only what those proxies wrote: walking the addresses from the right (the
last hop first), the first one that is not itself a trusted proxy is the client. What
the client wrote to the left of it, or a forwarded header on a connection from anywhere
else, is never believed. ``[web] proxy_header`` says which header the proxies set
(``X-Forwarded-For``, or RFC 7239's ``Forwarded``, parsed by aiohttp); the other one
passes through them untouched from the client, so it is never read.

Why not aiohttp-remotes: its strict X-Forwarded-For middleware wants exactly one
address per trusted hop and answers anything else with an error (a direct connection,
or a client's own X-Forwarded-For kept by the proxy), and it rewrites the host and the
scheme too. The dashboard needs only the address, and a connection that does not come
through a proxy served as it is.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from aiohttp import hdrs, web

from summaries.networks import Address, parse_networks, plain_address

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


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
            return [element.get("for", "") for element in request.forwarded]
        lines = request.headers.getall(hdrs.X_FORWARDED_FOR, [])
        return [hop for line in lines for hop in line.split(",") if hop.strip()]

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self.networks:
            return await handler(request)
        return await handler(request.clone(remote=self.of(request)))
