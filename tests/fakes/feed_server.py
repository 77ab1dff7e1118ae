"""A real HTTP server on loopback whose routes each test registers: the far side of fetching.

    with FeedServer() as server:
        server.feed("/feed.xml", "rss2.xml")            # a file from tests/fakes/feeds/
        server.route("/page", "<html>...", "text/html", etag='"v1"')
        server.redirect("/old", "/page")
        ...fetch server.url("/feed.xml")...
        assert server.paths() == ["/feed.xml"]

Routes can be static bodies with a content type, answer ``304 Not Modified`` to matching
``If-None-Match`` / ``If-Modified-Since``, redirect, wait before answering, trickle,
stream huge bodies (declared or not), send gzip (``compression_bomb`` builds a body that
inflates a thousandfold: serve it with a ``Content-Encoding`` header). Every request is
logged (method, path, headers, start time) and the server counts requests in flight
(``max_in_flight``).

Feed bodies may contain ``{base}``, replaced by the server's own ``http://127.0.0.1:port``
when served, so absolute links point back at it. ``feed_server`` is a pytest fixture:
import it into a test module to use it.
"""

from __future__ import annotations

import gzip as gzip_module
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

FEEDS = Path(__file__).resolve().parent / "feeds"
CONTENT_TYPES = {
    ".xml": "application/rss+xml; charset=utf-8",
    ".rdf": "application/rdf+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/feed+json",
}


def feed_body(name: str, base: str) -> bytes:
    """The bytes of ``tests/fakes/feeds/<name>`` with ``{base}`` replaced."""
    return (FEEDS / name).read_bytes().replace(b"{base}", base.encode("ascii"))


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    started: float  # time.monotonic() when the request arrived


@dataclass
class Route:
    body: bytes = b""
    content_type: str | None = "text/plain; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before the status line
    gzip: bool = False
    repeat: int = 1  # the body is written this many times (huge responses)
    declare_length: bool = True  # send Content-Length (False: only streaming reveals size)
    trickle: float = 0.0  # seconds between the repeated pieces of the body
    hold: threading.Event | None = None  # answer only once the test sets it (120 s at most)


class FeedServer:
    """A ThreadingHTTPServer on 127.0.0.1, a free port, in a background thread."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._server.handle_error = lambda request, address: None  # type: ignore[method-assign]
        self.port: int = self._server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread: threading.Thread | None = None

    # --- lifetime -------------------------------------------------------------------

    def start(self) -> FeedServer:
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,))
        self._thread.daemon = True
        self._thread.start()
        return self

    def close(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- routes ---------------------------------------------------------------------

    def url(self, path: str) -> str:
        return self.base + path

    def route(
        self, path: str, body: bytes | str = b"", content_type: str | None = None, **options: object
    ) -> Route:
        """Serve ``body`` at ``path`` (``{base}`` in a str body is replaced); see Route."""
        if isinstance(body, str):
            body = body.replace("{base}", self.base).encode("utf-8")
        kind = content_type if content_type is not None else "text/plain; charset=utf-8"
        route = Route(body=body, content_type=kind, **options)  # type: ignore[arg-type]
        self.routes[path] = route
        return route

    def feed(
        self, path: str, name: str, content_type: str | None = None, **options: object
    ) -> Route:
        """Serve the file ``tests/fakes/feeds/<name>`` at ``path``."""
        kind = content_type or CONTENT_TYPES.get(Path(name).suffix, "application/xml")
        return self.route(path, feed_body(name, self.base), kind, **options)

    def redirect(self, path: str, location: str, status: int = 302) -> Route:
        return self.route(path, b"", "text/html", status=status, headers={"Location": location})

    def reset_log(self) -> None:
        with self._lock:
            self.requests.clear()
            self.max_in_flight = self.in_flight

    def paths(self) -> list[str]:
        return [request.path for request in self.requests]

    # --- called from the handler threads --------------------------------------------

    def _arrived(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def _left(self) -> None:
        with self._lock:
            self.in_flight -= 1


def _handler_for(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one request per connection: simple to reason about

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_HEAD(self) -> None:
            self.do_GET()

        def do_GET(self) -> None:
            server._arrived(
                Request(
                    method=self.command,
                    path=self.path,
                    headers={name.lower(): value for name, value in self.headers.items()},
                    started=time.monotonic(),
                )
            )
            try:
                self._answer(server.routes.get(self.path.split("?", 1)[0]))
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it may
            finally:
                server._left()

        def _answer(self, route: Route | None) -> None:
            if route is None:
                self._send_simple(404, b"not found", "text/plain")
                return
            if route.delay:
                time.sleep(route.delay)
            if route.hold is not None:
                route.hold.wait(120)
            if route.status == 200 and self._unchanged(route):
                self.send_response(304)
                self._validators(route)
                self.end_headers()
                return
            body = gzip_module.compress(route.body) if route.gzip else route.body
            self.send_response(route.status)
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            if route.gzip:
                self.send_header("Content-Encoding", "gzip")
            if route.declare_length:
                self.send_header("Content-Length", str(len(body) * route.repeat))
            for name, value in route.headers.items():
                self.send_header(name, value)
            self._validators(route)
            self.end_headers()
            if self.command == "HEAD":
                return
            for _ in range(route.repeat):
                self.wfile.write(body)
                if route.trickle:
                    self.wfile.flush()
                    time.sleep(route.trickle)

        def _unchanged(self, route: Route) -> bool:
            tags = self.headers.get("If-None-Match")
            if tags is not None and route.etag is not None:
                return route.etag in [tag.strip() for tag in tags.split(",")] or tags == "*"
            since = self.headers.get("If-Modified-Since")
            return since is not None and since == route.last_modified

        def _validators(self, route: Route) -> None:
            if route.etag:
                self.send_header("ETag", route.etag)
            if route.last_modified:
                self.send_header("Last-Modified", route.last_modified)

        def _send_simple(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def compression_bomb(mebibytes: int, encoding: str = "gzip") -> bytes:
    """A valid gzip (or zlib "deflate") body of ``mebibytes`` MiB of zeros, about a
    thousand times smaller, built in a blink: one fully flushed deflate block of 1 MiB of
    zeros stands alone, so the same block is repeated."""
    mebibyte = bytes(1 << 20)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = deflate.compress(mebibyte) + deflate.flush(zlib.Z_FULL_FLUSH)
    body = block * mebibytes + deflate.flush()
    check = zlib.crc32 if encoding == "gzip" else zlib.adler32
    value = check(b"")
    for _ in range(mebibytes):
        value = check(mebibyte, value)
    if encoding == "gzip":
        size = (mebibytes << 20) & 0xFFFFFFFF
        header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
        return header + body + value.to_bytes(4, "little") + size.to_bytes(4, "little")
    return b"\x78\xda" + body + value.to_bytes(4, "big")


def rss(title: str, items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed named ``title`` whose items carry their full text: (title, link
    path, text) each; serve it with ``route`` (links point back at the server)."""
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{{base}}{link}</link><guid>{{base}}{link}</guid>"
        f"<pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate>"
        f"<description><![CDATA[{text}]]></description></item>"
        for t, link, text in items
    )
    channel = f"<channel><title>{title}</title>{entries}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def http_date(timestamp: float) -> str:
    """A Last-Modified style date (``Tue, 05 Mar 2024 08:15:00 GMT``)."""
    return formatdate(timestamp, usegmt=True)


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server
