"""Lists of IP addresses and networks from the settings ("10.0.0.5", "172.16.0.0/12").

Used for ``[web] trusted_proxies``: the reverse proxies whose forwarded headers the
dashboard believes. A network that covers every address ("0.0.0.0/0", "::/0") is
refused: trusting everyone would let any client name its own address. An IPv4 address
mapped into IPv6 (``::ffff:10.0.0.5``, as a dual-stack socket shows an IPv4 peer) means
that IPv4 address, in the settings as in ``plain_address``.
"""

from __future__ import annotations

from collections.abc import Iterable
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network

Address = IPv4Address | IPv6Address
Network = IPv4Network | IPv6Network


def parse_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """Each value as a network (an address is a network of one); ValueError says, for a
    person, which value is wrong and why."""
    found: list[Network] = []
    for value in values:
        text = value.strip()
        try:
            network = ip_network(text)
        except ValueError:
            try:
                loose = ip_network(text, strict=False)
            except ValueError:
                raise ValueError(
                    f"{value!r} is not an IP address or a network such as 10.0.0.0/8 or fd00::/8"
                ) from None
            raise ValueError(
                f"{value!r} has bits set past its prefix: write {loose} for the network, or "
                "the address alone"
            ) from None
        network = _as_ipv4(network)
        if network.prefixlen == 0:
            raise ValueError(
                f"{value!r} covers every address, so anyone could claim any address: list "
                "only your proxies' addresses"
            )
        found.append(network)
    return tuple(found)


def _as_ipv4(network: Network) -> Network:
    """``::ffff:10.0.0.0/104`` as ``10.0.0.0/8``; any other network as it is."""
    if not isinstance(network, IPv6Network) or network.prefixlen < 96:
        return network
    mapped = network.network_address.ipv4_mapped
    return network if mapped is None else IPv4Network((mapped, network.prefixlen - 96))


def plain_address(text: str) -> Address | None:
    """An address as a proxy or a socket writes it: bare, ``[v6]``, with or without a
    port (``1.2.3.4:56``, ``[::1]:56``); an IPv4 address mapped into IPv6 (a dual-stack
    socket's ``::ffff:1.2.3.4``) as IPv4. None for anything else ("unknown", an
    obfuscated name, garbage)."""
    text = text.strip().strip('"')
    if text.startswith("["):
        text = text[1 : text.find("]")] if "]" in text else ""
    elif text.count(":") == 1:  # IPv4 with a port; an IPv6 address has two or more
        text = text.partition(":")[0]
    try:
        address = ip_address(text)
    except ValueError:
        return None
    if isinstance(address, IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


IPV6_SITE = 64  # the prefix one IPv6 subscriber is given at the least (RFC 6177)


def one_client(text: str) -> str:
    """What a limit per client counts for an address: an IPv4 address itself, an IPv6
    one's /64 (one subscriber's network, in which it may take any address, and privacy
    extensions change it by themselves); anything not an address as it is."""
    address = plain_address(text)
    if address is None:
        return text
    if isinstance(address, IPv6Address):
        return str(ip_network((address, IPV6_SITE), strict=False))
    return str(address)
