"""The one HTTP fetcher: safe enough for addresses chat users type, polite to the sites.

``Fetcher`` is an async context manager over an ``httpx.AsyncClient``; ``await
fetcher.get(url)`` returns a :class:`FetchResult` or raises a
:class:`~summaries.sources.errors.FetchError` whose message is written for a person.
Ingest (feeds, pages) and ``/summarize <url>`` use it alike. What it refuses, and where:

- Schemes: only ``http`` and ``https``, for the first address and every redirect target.
- Credentials: an address with a user name or password in it (``user:pass@host``) is
  refused, first address or redirect target, so they are never sent on (nor echoed).
- Addresses: the host is resolved (``loop.getaddrinfo``, off the event loop) and refused if
  *any* of its addresses is loopback, private, link-local, multicast, reserved,
  unspecified, not globally routable, or a cloud metadata address, also when wrapped in
  IPv4-mapped, 6to4 or NAT64 IPv6 form. A literal IP in the address is checked the same way.
- ``allow_hosts`` names hosts (or IPs) an admin trusts: an address whose host is one of
  them, exactly (case-insensitive), skips the address check. Another name that resolves
  to the same IP does not, and neither does a redirect to another host.
- Redirects: followed by hand, at most ``MAX_REDIRECTS``, each target checked as above
  (a refused target is said to be one: ``BlockedAddressError.redirected``), and, but for
  a feed, none to an address longer than ``MAX_ADDRESS_CHARS`` (no page is stored under
  one); where 301 /
  308 redirects moved the address for good is ``FetchResult.moved_to``.
- Size: ``Content-Length`` is checked first, then the body is streamed and refused once
  it passes ``max_bytes`` *decompressed*: gzip, deflate and br are undone a bounded piece
  at a time as the body arrives (so is a feed gzipped as a file, ``Accept.gzip_files``),
  so a compression bomb costs little more than ``max_bytes``.
  The body is held once while it arrives (a buffer whose value is taken without a copy),
  so a page in flight costs about ``max_bytes`` at most, plus what is kept of its markup.
  No other encoding is asked for, and one sent anyway is refused. A body that stops before
  it is whole (a chunk or declared length short, a compressed stream unfinished where the
  connection closed) is refused as cut off (``CutOffError``), never read as the page.
  Of a page's HTML only what extraction reads is returned (``Accept.markup_bytes`` of
  markup besides its scripts' insides, see :func:`~summaries.sources._markup.kept_markup`).
- Fetches at once: at most ``max_in_flight`` requests are in flight over all hosts (each
  may hold up to ``max_bytes``); a request waits for its host's turn first, so one busy
  host cannot take every place.
- Time: ``timeout`` bounds the network time of one ``get``: name resolution, connecting,
  every redirect and the whole body. Waiting for a turn at a busy host (below) is not
  counted, so a queue of pages on one site does not time out.
- Content: the media type must be one the caller accepts (``ARTICLE``, ``FEED``); anything
  else is refused before its body is read. A missing ``Content-Type`` is let through. A
  page labelled as a feed (``application/rss+xml``...) is read when an article is asked
  for, and its body decides: an HTML document is the page it is, anything else (a feed)
  is refused like any other type (see ``Accept.pages_labelled``).

DNS rebinding: the connection goes to the address that was checked (the request is sent
to that IP, with the original ``Host`` header and TLS server name, so certificates are
still verified against the host name); the host is not resolved a second time.

Politeness: at most ``per_host`` requests to one host are in flight at once, and two
requests to one host *start* at least ``politeness`` seconds apart (redirect hops
included). The clock and the sleep are parameters, so tests need not wait.

Conditional GET: pass the ``etag`` / ``last_modified`` a previous result returned; a
``304 Not Modified`` answer gives a result with ``not_modified`` set and no body.

Limitations:

- Environment proxies (``HTTP_PROXY``...) are ignored: a proxy would resolve and connect
  on its own, past the address check.
- Any port may be asked for on a public address.
- A resolver call that outlives the deadline keeps its worker thread until the system
  resolver gives up; the fetch itself has already failed.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from types import TracebackType
from typing import NamedTuple

import httpx

from summaries.reading import MAX_INPUT_BYTES
from summaries.sources._body import read_body
from summaries.sources._inflate import ACCEPT_ENCODING
from summaries.sources._markup import MAX_MARKUP_BYTES, is_html_document
from summaries.sources._media import FEED_JSON, FEED_XML, JSON, XML, media_type
from summaries.sources._refresh import refresh_target
from summaries.sources.addresses import MAX_ADDRESS_CHARS
from summaries.sources.errors import (
    BlockedAddressError,
    FetchTimeoutError,
    HTTPStatusError,
    InvalidAddressError,
    TooManyRedirectsError,
    UnreachableError,
    UnsupportedContentError,
    status_text,
)
from summaries.sources.public import (
    normalize_host,
    parse_url,
    resolve_checked,
)

USER_AGENT = "briefing-bot/0.1 (+https://example.invalid/briefing-bot)"
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 5.0
MARKUP = frozenset({"text/html", "application/xhtml+xml"})  # the media types of HTML
FEED_LABELS = FEED_XML | XML  # the media types of RSS, Atom and XML at large
JSON_FEED_LABELS = frozenset({FEED_JSON, JSON})  # JSON Feed, or any JSON
GZIP_FILES = frozenset({"application/gzip", "application/x-gzip"})

_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT = {301, 308}  # the address has moved for good: its reader keeps the new one
_MIME = re.compile(r"[a-z0-9][a-z0-9.+-]{0,60}/[a-z0-9][a-z0-9.+-]{0,60}")
_MAX_IDLE_HOSTS = 256  # per-host records kept for idle hosts before they are swept

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Accept:
    """The media types a caller takes, the ``Accept`` header that asks for them, and the
    noun for the refusal ("That address serves image/png, not *an article*."); how much
    of an HTML body the caller reads, if not all (``markup_bytes``: no more is kept); and
    the advice that ends the refusal of an answer over ``[fetch] max_bytes``: a feed the
    operator chose is no "whole archive" to be cut down by whoever gave it. Under the
    labels in ``pages_labelled`` (servers that label their pages as feeds) the body
    decides: an HTML document is taken as ``text/html``, anything else is refused."""

    types: frozenset[str]
    header: str
    noun: str
    markup_bytes: int | None = None
    too_large: str = "The bot's operator can raise [fetch] max_bytes in config.toml."
    pages_labelled: frozenset[str] = frozenset()
    # labels of a gzip file: its body is undone and read as of no stated type
    gzip_files: frozenset[str] = frozenset()

    def read_as(self, kind: str, body: bytes) -> str | None:
        """The media type an answer labelled ``kind`` is read as: the label when accepted
        (or missing), ``text/html`` for an HTML document under a label the body decides,
        None when it is refused."""
        if kind in self.gzip_files:
            return ""
        if not kind or kind in self.types:
            return kind
        if kind in self.pages_labelled and is_html_document(body):
            return "text/html"
        return None

    def refusal(self, kind: str) -> str:
        """Why an answer labelled ``kind`` is refused, for a person: under a label whose
        body showed no page, a feed (or other XML) is told how to be followed; so is a
        JSON Feed, or JSON that may be one."""
        if (kind in self.pages_labelled and kind in FEED_XML) or kind == FEED_JSON:
            return (
                f"That address serves a feed ({kind}), not {self.noun}: to read its "
                "articles, add it as a source (sources add)."
            )
        if (kind in self.pages_labelled and kind in XML) or kind == JSON:
            return (
                f"That address serves {kind}, not {self.noun}; if it is a feed, add it as "
                "a source (sources add)."
            )
        shown = kind if _MIME.fullmatch(kind) else "an unexpected kind of content"
        return f"That address serves {shown}, not {self.noun}."


ARTICLE = Accept(
    MARKUP | {"text/plain"},
    "text/html, application/xhtml+xml, text/plain;q=0.8",
    "an article",
    markup_bytes=MAX_MARKUP_BYTES,  # extraction reads no further
    pages_labelled=FEED_LABELS,
)
# One page a person asked to have summarized now: over the cap, they are the one to act
# (ingest's pages, the operator's sources and their teasers, keep the operator's advice).
ASKED_ARTICLE = replace(ARTICLE, too_large="Give a single article, not a whole archive.")
FEED = Accept(
    # many servers label their feeds wrongly (as HTML or text, or with a catch-all for
    # downloads such as nginx's default_type): the parser decides
    FEED_LABELS
    | JSON_FEED_LABELS
    | {"text/html", "text/plain", "application/octet-stream", "binary/octet-stream"},
    # application/json is taken but not asked for: APIs that negotiate would answer JSON
    # that is no feed in place of a site's RSS or page
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.1",
    "a feed",
    # a feed file gzipped as a download, with no Content-Encoding: undone when it is gzip
    gzip_files=GZIP_FILES,
)


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one GET gave: the body of a 2xx answer, or a 304 (``not_modified``, no body)."""

    url: str  # the final address, after redirects
    status: int  # 2xx, or 304 for a conditional request the site says is unchanged
    body: bytes
    content_type: str  # the bare media type, lower case ("" when the site sent none),
    # as it is read: text/html for a page labelled as a feed (``Accept.pages_labelled``)
    charset: str | None
    etag: str | None  # validators to send next time (a 304 keeps the ones given)
    last_modified: str | None
    # where the address asked for has moved for good: the target of the 301 / 308
    # redirects it began with (None when the first hop was not one)
    moved_to: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type_header(self) -> str:
        """The media type with its charset, as a parser that reads headers wants it."""
        kind = self.content_type or "application/octet-stream"
        return f"{kind}; charset={self.charset}" if self.charset else kind


class _Redirect(NamedTuple):
    """Where a site sends its reader on, and whether it says the move is for good."""

    target: httpx.URL
    permanent: bool


class _Host:
    """One host's turn-taking: a concurrency limit and the earliest next start."""

    __slots__ = ("next_start", "semaphore", "users")

    def __init__(self, limit: int) -> None:
        self.semaphore = asyncio.Semaphore(limit)
        self.next_start = float("-inf")
        self.users = 0


class Fetcher:
    """Safe, polite GETs over one connection pool. Use as ``async with Fetcher() as f``."""

    def __init__(
        self,
        *,
        allow_hosts: Iterable[str] = (),
        max_bytes: int = MAX_INPUT_BYTES,
        timeout: float = 10.0,
        per_host: int = 2,
        politeness: float = 1.0,
        max_in_flight: int = 8,
        user_agent: str = USER_AGENT,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        if per_host < 1 or max_in_flight < 1:
            raise ValueError("per_host and max_in_flight must be at least 1")
        if politeness < 0 or timeout <= 0 or max_bytes < 0:
            raise ValueError("politeness, timeout and max_bytes must not be negative")
        self.allow_hosts = frozenset(normalize_host(host) for host in allow_hosts)
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.per_host = per_host
        self.politeness = politeness
        self.max_in_flight = max_in_flight
        self._in_flight = asyncio.Semaphore(max_in_flight)
        self._user_agent = user_agent
        self._clock = clock
        self._sleep = sleep
        self._hosts: dict[str, _Host] = {}
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Fetcher:
        self._client = httpx.AsyncClient(
            headers={"User-Agent": self._user_agent, "Accept-Encoding": ACCEPT_ENCODING},
            follow_redirects=False,
            trust_env=False,
        )
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()

    async def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: Accept = ARTICLE,
    ) -> FetchResult:
        """GET ``url`` by the rules above; FetchError (or subclass) if that is not possible."""
        if self._client is None:
            raise RuntimeError("use the Fetcher as 'async with Fetcher(...) as fetcher'")
        current = parse_url(url)
        headers = {"Accept": accept.header}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        loop = asyncio.get_running_loop()
        budget = self.timeout
        moved_to: httpx.URL | None = None
        permanent = True  # every hop so far a permanent redirect
        for hop in range(MAX_REDIRECTS + 1):
            if budget <= 0:
                raise FetchTimeoutError()
            async with self._turn(normalize_host(current.host)):
                started = loop.time()
                try:
                    async with asyncio.timeout(budget):
                        outcome = await self._hop(
                            self._client, current, headers, accept, started + budget
                        )
                except TimeoutError:
                    raise FetchTimeoutError() from None
                except BlockedAddressError as error:
                    raise BlockedAddressError(redirected=hop > 0, by_name=error.by_name) from None
                budget -= loop.time() - started
            if isinstance(outcome, FetchResult):
                moved = _moved_by_refresh(outcome, accept, current)
                if moved is None:
                    return replace(outcome, moved_to=None if moved_to is None else str(moved_to))
                outcome = _Redirect(moved, permanent=False)
            permanent = permanent and outcome.permanent
            if permanent:
                moved_to = outcome.target
            current = outcome.target
        raise TooManyRedirectsError(MAX_REDIRECTS)

    @asynccontextmanager
    async def _turn(self, host: str) -> AsyncIterator[None]:
        """Wait for a free slot at ``host``, then for a place among all fetches in flight,
        then for the host's politeness interval."""
        state = self._hosts.get(host)
        if state is None:
            self._sweep()
            state = self._hosts[host] = _Host(self.per_host)
        state.users += 1
        try:
            async with state.semaphore, self._in_flight:
                now = self._clock()
                start = max(now, state.next_start)
                state.next_start = start + self.politeness  # reserved before sleeping
                if start > now:
                    await self._sleep(start - now)
                yield
        finally:
            state.users -= 1

    def _sweep(self) -> None:
        """Forget idle hosts whose interval has passed, once there are many of them."""
        if len(self._hosts) < _MAX_IDLE_HOSTS:
            return
        now = self._clock()
        for host, state in list(self._hosts.items()):
            if state.users == 0 and state.next_start <= now:
                del self._hosts[host]

    async def _hop(
        self,
        client: httpx.AsyncClient,
        url: httpx.URL,
        headers: dict[str, str],
        accept: Accept,
        deadline: float,
    ) -> FetchResult | _Redirect:
        """One request: the result, or the next address when the site redirects."""
        addresses = await resolve_checked(url, self.allow_hosts)
        response = await _send(client, url, addresses, headers, deadline)
        try:
            if response.status_code in _REDIRECTS:
                permanent = response.status_code in _PERMANENT
                return _Redirect(_redirect_target(url, response, accept), permanent)
            if response.status_code == 304 and (
                "If-None-Match" in headers or "If-Modified-Since" in headers
            ):
                return FetchResult(
                    url=str(url),
                    status=304,
                    body=b"",
                    content_type="",
                    charset=None,
                    etag=response.headers.get("etag") or headers.get("If-None-Match"),
                    last_modified=response.headers.get("last-modified")
                    or headers.get("If-Modified-Since"),
                )
            if not 200 <= response.status_code < 300:
                raise HTTPStatusError.answered(
                    response.status_code, response.headers.get("retry-after")
                )
            label = _content_type(response, accept)
            html = label in MARKUP or label in accept.pages_labelled
            keep = accept.markup_bytes if html else None
            packed = accept.refusal(label) if label in accept.gzip_files else None
            body = await read_body(
                response, url, self.max_bytes, accept.too_large, keep, gzip_file=packed
            )
            kind = accept.read_as(label, body)
            if kind is None:  # a feed where a page was asked for
                raise UnsupportedContentError(accept.refusal(label))
            return FetchResult(
                url=str(url),
                status=response.status_code,
                body=body,
                content_type=kind,
                charset=response.charset_encoding,
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            )
        finally:
            await response.aclose()


async def _send(
    client: httpx.AsyncClient,
    url: httpx.URL,
    addresses: list[str],
    headers: dict[str, str],
    deadline: float,
) -> httpx.Response:
    """Send the GET to the first checked address that accepts a connection."""
    headers = {**headers, "Host": url.netloc.decode("ascii")}
    extensions = {"sni_hostname": url.raw_host.decode("ascii")} if url.scheme == "https" else {}
    loop = asyncio.get_running_loop()
    for number, address in enumerate(addresses, start=1):
        left = deadline - loop.time()
        if left <= 0:
            raise FetchTimeoutError()
        request = client.build_request(
            "GET",
            url.copy_with(host=address),
            headers=headers,
            timeout=httpx.Timeout(left, connect=min(CONNECT_TIMEOUT, left)),
            extensions=extensions,
        )
        try:
            return await client.send(request, stream=True)
        except httpx.TimeoutException:
            raise FetchTimeoutError() from None
        except httpx.ConnectError:
            if number == len(addresses):
                raise UnreachableError(url.host) from None
        except httpx.HTTPError:
            raise UnreachableError(url.host) from None
    raise UnreachableError(url.host)  # unreachable: addresses is never empty


def _moved_by_refresh(result: FetchResult, accept: Accept, current: httpx.URL) -> httpx.URL | None:
    """Where a fetched page at ``current`` sends its reader on at once (a meta refresh),
    if it does, when a page may be what is asked for (not a feed alone): followed like a
    redirect, under the same rules and count. A refresh to the page itself (a reload), or
    to what is no web address ("about:blank", "javascript:..."), moves nobody: the page is
    read as it is."""
    if accept is FEED or result.content_type not in MARKUP or result.not_modified:
        return None
    written = refresh_target(result.body)
    if written is None:
        return None
    try:
        target = parse_url(written, base=current)
    except InvalidAddressError:
        return None
    if _too_long(target):  # read as it is, as a refresh to no web address is
        return None
    return None if target.copy_with(fragment=None) == current.copy_with(fragment=None) else target


def _redirect_target(current: httpx.URL, response: httpx.Response, accept: Accept) -> httpx.URL:
    location = response.headers.get("location")
    if not location:
        raise HTTPStatusError(
            response.status_code,
            f"The site answered {status_text(response.status_code)} without saying where to go.",
        )
    target = parse_url(location, base=current)
    if accept is not FEED and _too_long(target):  # (a feed's address is no article's)
        raise InvalidAddressError(
            "That address redirects to one too long to be a page's, so it will not be fetched."
        )
    return target


def _too_long(target: httpx.URL) -> bool:
    """Whether a redirect's target is longer than an address given to the bot may be: no
    page is stored under it (see :func:`summaries.sources._urls.absolute_http`)."""
    return len(str(target)) > MAX_ADDRESS_CHARS  # percent-encoded: a byte a character


def _content_type(response: httpx.Response, accept: Accept) -> str:
    """The media type ("" when not given); UnsupportedContentError if not accepted (nor
    one whose body decides)."""
    kind = media_type(response.headers.get("content-type"))
    taken = accept.types | accept.pages_labelled | accept.gzip_files
    if kind and kind not in taken:
        raise UnsupportedContentError(accept.refusal(kind))
    return kind
