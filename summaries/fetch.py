"""Fetching one article from a web address, safely enough for chat users to ask for it.

``fetch_article(url)`` downloads a page and returns its :class:`~summaries.models.Article`.
What it refuses, and where:

- Schemes: only ``http`` and ``https``, for the first address and every redirect target.
- Addresses: the host is resolved (``socket.getaddrinfo``) and refused if *any* of its
  addresses is loopback, private, link-local, multicast, reserved, unspecified, not
  globally routable, or a cloud metadata address, also when wrapped in IPv4-mapped or
  6to4 IPv6 form. A literal IP in the address is checked the same way.
- ``allow_hosts`` names hosts (or IPs) an admin trusts: an address whose host is one of
  them, exactly (case-insensitive), skips the address check. Another name that resolves
  to the same IP does not, and neither does a redirect to another host.
- Redirects: followed by hand, at most ``MAX_REDIRECTS``, each target checked as above.
- Size: ``Content-Length`` is checked first, then the (decompressed) body is streamed and
  refused once it passes ``max_bytes``.
- Time: ``timeout`` bounds every single wait *and* the whole fetch, redirects included.
- Content: HTML and plain text only; anything else is refused before its body is read.

DNS rebinding: the connection goes to the address that was checked (the request is sent
to that IP, with the original ``Host`` header and TLS server name, so certificates are
still verified against the host name); the host is not resolved a second time.

Limitations:

- Name resolution itself is not bounded by ``timeout`` (``getaddrinfo`` blocks).
- Environment proxies (``HTTP_PROXY``...) are ignored: a proxy would resolve and connect
  on its own, past the address check.
- Any port may be asked for on a public address.
- Decompression happens a network chunk at a time, so a compressed body may briefly
  take up to about a thousand times one chunk in memory before the size cap refuses it.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import replace
from http import HTTPStatus

import httpx

from summaries.errors import InputError, InputTooLargeError
from summaries.models import Article
from summaries.reading import MAX_INPUT_BYTES, article_from_bytes, article_from_html

USER_AGENT = "briefing-bot/0.1 (+https://example.invalid/briefing-bot)"
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 5.0

_SCHEMES = {"http": 80, "https": 443}
_REDIRECTS = {301, 302, 303, 307, 308}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain"}
_MIME = re.compile(r"[a-z0-9][a-z0-9.+-]{0,60}/[a-z0-9][a-z0-9.+-]{0,60}")
_METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

_PRIVATE = "That address points inside a private network, so it will not be fetched."
_TOO_SLOW = "The site took too long to answer."

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def fetch_article(
    url: str,
    *,
    allow_hosts: Iterable[str] = (),
    timeout: float = 10.0,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Article:
    """The article at ``url`` (HTML or plain text), or an InputError that says why not."""
    allowed = {_normalize_host(host) for host in allow_hosts}
    deadline = time.monotonic() + timeout
    current = _parse(url)
    with httpx.Client(
        headers={"User-Agent": USER_AGENT}, follow_redirects=False, trust_env=False
    ) as client:
        for _ in range(MAX_REDIRECTS + 1):
            addresses = resolve_checked(current, allowed)
            response = _send(client, current, addresses, deadline)
            try:
                if response.status_code in _REDIRECTS:
                    current = _redirect_target(current, response)
                    continue
                _check_status(response)
                kind = _content_type(response)
                body = _read_body(response, current, max_bytes, deadline)
            finally:
                response.close()
            return _article(body, kind, response.charset_encoding, current)
    raise InputError(f"The site redirected more than {MAX_REDIRECTS} times; giving up.")


def is_public_address(address: str) -> bool:
    """Whether ``address`` (an IP literal) may be fetched from: globally routable only."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("%eth0")
    except ValueError:
        return False
    return all(_is_public(one) for one in (ip, *_embedded_ipv4(ip)))


def resolve_checked(url: httpx.URL, allowed: AbstractSet[str] = frozenset()) -> list[str]:
    """The IP addresses of ``url``'s host, all checked; InputError if any is not public."""
    host = url.raw_host.decode("ascii")
    try:
        found = socket.getaddrinfo(host, _port(url), type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise InputError(f"Could not reach {url.host}.") from None
    addresses = list(dict.fromkeys(info[4][0] for info in found))
    if not addresses:
        raise InputError(f"Could not reach {url.host}.")
    if {_normalize_host(url.host), _normalize_host(host)} & allowed:
        return addresses
    if not all(is_public_address(address) for address in addresses):
        raise InputError(_PRIVATE)
    return addresses


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


def _normalize_host(host: str) -> str:
    host = host.strip().lower().strip("[]").rstrip(".")
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return host


def _parse(url: str | httpx.URL, base: httpx.URL | None = None) -> httpx.URL:
    try:
        parsed = base.join(url) if base is not None else httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise InputError("That is not a valid web address.") from None
    if parsed.scheme not in _SCHEMES:
        raise InputError("Only http:// and https:// addresses can be summarized.")
    if not parsed.raw_host:
        raise InputError("That web address has no host name.")
    return parsed


def _port(url: httpx.URL) -> int:
    return url.port or _SCHEMES[url.scheme]


def _send(
    client: httpx.Client, url: httpx.URL, addresses: list[str], deadline: float
) -> httpx.Response:
    """Send the GET to the first checked address that accepts a connection."""
    headers = {"Host": url.netloc.decode("ascii")}
    extensions = {"sni_hostname": url.raw_host.decode("ascii")} if url.scheme == "https" else {}
    for number, address in enumerate(addresses, start=1):
        left = _time_left(deadline)
        timeout = httpx.Timeout(left, connect=min(CONNECT_TIMEOUT, left))
        request = client.build_request(
            "GET",
            url.copy_with(host=address),
            headers=headers,
            timeout=timeout,
            extensions=extensions,
        )
        try:
            return client.send(request, stream=True)
        except httpx.TimeoutException:
            raise InputError(_TOO_SLOW) from None
        except httpx.ConnectError:
            if number == len(addresses):
                raise InputError(f"Could not reach {url.host}.") from None
        except httpx.HTTPError:
            raise InputError(f"Could not reach {url.host}.") from None
    raise InputError(f"Could not reach {url.host}.")  # unreachable: addresses is never empty


def _redirect_target(current: httpx.URL, response: httpx.Response) -> httpx.URL:
    location = response.headers.get("location")
    if not location:
        raise InputError(f"The site answered {_status(response)} without saying where to go.")
    return _parse(location, base=current)


def _check_status(response: httpx.Response) -> None:
    if not 200 <= response.status_code < 300:
        raise InputError(f"The site answered {_status(response)}.")


def _status(response: httpx.Response) -> str:
    """The status as ``404 Not Found``, with the standard phrase, never the site's own."""
    try:
        return f"{response.status_code} {HTTPStatus(response.status_code).phrase}"
    except ValueError:
        return str(response.status_code)


def _content_type(response: httpx.Response) -> str:
    """The media type ("" when not given); InputError if it is not an article's."""
    kind = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind and kind not in _HTML_TYPES | _TEXT_TYPES:
        shown = kind if _MIME.fullmatch(kind) else "an unexpected kind of content"
        raise InputError(f"That address serves {shown}, not an article.")
    return kind


def _read_body(response: httpx.Response, url: httpx.URL, max_bytes: int, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLargeError(int(declared), max_bytes)
    body = bytearray()
    try:
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > max_bytes:
                raise InputTooLargeError(len(body), max_bytes)
            _time_left(deadline)
    except httpx.TimeoutException:
        raise InputError(_TOO_SLOW) from None
    except httpx.DecodingError:
        raise InputError("The site sent a damaged (badly compressed) page.") from None
    except httpx.HTTPError:
        raise InputError(f"Could not reach {url.host}.") from None
    return bytes(body)


def _time_left(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise InputError(_TOO_SLOW)
    return left


def _article(body: bytes, kind: str, charset: str | None, url: httpx.URL) -> Article:
    final_url = str(url)
    if kind in _HTML_TYPES:
        return article_from_html(_decoded(body, charset), url=final_url)
    if charset:
        text = _decoded(body, charset)
        body = text.encode("utf-8") if isinstance(text, str) else body
    article = article_from_bytes(body, name=url.host)
    return article if article.url else replace(article, url=final_url)


def _decoded(body: bytes, charset: str | None) -> str | bytes:
    """``body`` as text in its declared charset, or the bytes when none (or an unknown one)."""
    if not charset:
        return body
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body
