"""fetch_article against a real HTTP server on loopback; no other network is touched."""

from __future__ import annotations

import gzip
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from summaries import cli
from summaries.errors import InputError, InputTooLargeError
from summaries.fetch import USER_AGENT, fetch_article, is_public_address, resolve_checked
from summaries.sources import PRIVATE_SOURCE

PRIVATE = "That address points inside a private network, so it will not be fetched."
REDIRECTS = "That address redirects inside a private network, so it will not be fetched."
LOCAL = {"127.0.0.1"}

SENTENCES = [
    "The harbour authority approved a plan on Tuesday to dredge the northern channel.",
    "Engineers said the work will let larger container ships dock without waiting for the tide.",
    "The project is expected to cost 40 million euros over three years.",
    "Fishing groups warned that the dredging could disturb spawning grounds near the estuary.",
    "The authority promised to pause the work each spring to protect the fish.",
    "Shipping companies welcomed the decision and said freight rates could fall.",
]
ARTICLE_HTML = f"""<!doctype html>
<html><head><title>Harbour to dredge northern channel | Coastal Times</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sub">Subscribe now</a></nav>
<div class="ad">Advertisement: buy cheap ferry tickets today</div>
<article>
<h1>Harbour to dredge northern channel</h1>
{"".join(f"<p>{sentence}</p>" for sentence in SENTENCES)}
</article>
<footer><p>Copyright 2024 Coastal Times. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/contact">Contact us</a></footer>
</body></html>"""
PLAIN_TEXT = " ".join(SENTENCES)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64)


@dataclass
class Site:
    base: str
    port: int
    seen: list[str] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


class Handler(BaseHTTPRequestHandler):
    site: Site  # set on a per-server subclass

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.site.seen.append(self.path)
        self.site.headers.append({k.lower(): v for k, v in self.headers.items()})
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should

    def send(self, status: int, body: bytes, kind: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send(302, b"", "text/html", Location=location)

    def route(self) -> None:
        path, base = self.path, self.site.base
        if path == "/article":
            self.send(200, ARTICLE_HTML.encode(), "text/html; charset=utf-8")
        elif path == "/text":
            self.send(200, PLAIN_TEXT.encode(), "text/plain; charset=utf-8")
        elif path == "/latin1":
            self.send(
                200, "Café prices rose again.".encode("latin-1"), "text/plain; charset=latin-1"
            )
        elif path == "/r1":
            self.redirect("r2")  # relative to /r1
        elif path == "/r2":
            self.redirect(f"{base}/r3")  # absolute
        elif path == "/r3":
            self.redirect("/article")  # absolute path
        elif path.startswith("/hops/"):
            left = int(path.rsplit("/", 1)[1])
            self.redirect(f"/hops/{left - 1}" if left else "/article")
        elif path == "/to-private":
            self.redirect("http://10.0.0.1/")
        elif path == "/to-ftp":
            self.redirect("ftp://127.0.0.1/article.txt")
        elif path == "/to-localhost":
            self.redirect(f"http://localhost:{self.site.port}/article")
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, PLAIN_TEXT.encode(), "text/plain")
        elif path == "/trickle":  # each byte arrives in time, the whole never does
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(30):
                self.wfile.write(b"news ")
                self.wfile.flush()
                time.sleep(0.1)
        elif path == "/huge":  # no Content-Length: only streaming can catch it
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b"All work and no play. " * 1000)
        elif path == "/declared-huge":  # the header alone must be enough to refuse
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "10000000")
            self.end_headers()
            self.wfile.flush()
            time.sleep(1.5)
        elif path == "/gzip":
            self.send(
                200, gzip.compress(ARTICLE_HTML.encode()), "text/html", Content_Encoding="gzip"
            )
        elif path == "/gzip-bomb":
            body = gzip.compress(b"Rain again. " * 200_000)  # 2.4 MB inflated, ~7 kB sent
            self.send(200, body, "text/plain", Content_Encoding="gzip")
        elif path == "/missing":
            self.send(404, b"no such page", "text/html")
        elif path == "/broken":
            self.send(500, b"oops", "text/html")
        elif path == "/image":
            self.send(200, PNG, "image/png")
        elif path == "/feed":
            self.send(200, b"<rss version='2.0'><channel/></rss>", "application/rss+xml")
        else:
            self.send(404, b"", "text/plain")


@pytest.fixture
def site() -> Iterator[Site]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.handle_error = lambda request, address: None  # type: ignore[method-assign]
    port = server.server_address[1]
    site = Site(base=f"http://127.0.0.1:{port}", port=port)
    server.RequestHandlerClass = type("SiteHandler", (Handler,), {"site": site})
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


# --- fetching ---------------------------------------------------------------------------


def test_html_page_gives_the_article_without_boilerplate(site):
    article = fetch_article(site.url("/article"), allow_hosts=LOCAL)
    assert article.title.startswith("Harbour to dredge northern channel")
    for sentence in SENTENCES:
        assert sentence in article.text
    for boilerplate in ("Subscribe now", "Copyright 2024", "Privacy policy", "Advertisement"):
        assert boilerplate not in article.text
    assert article.url == site.url("/article")


def test_the_request_names_the_bot(site):
    fetch_article(site.url("/text"), allow_hosts=LOCAL)
    assert site.headers[0]["user-agent"] == USER_AGENT
    assert USER_AGENT == "briefing-bot/0.1 (+https://example.invalid/briefing-bot)"


def test_plain_text_article(site):
    article = fetch_article(site.url("/text"), allow_hosts=LOCAL)
    assert article.text == PLAIN_TEXT
    assert article.title == ""
    assert article.url == site.url("/text")


def test_plain_text_in_its_declared_charset(site):
    assert fetch_article(site.url("/latin1"), allow_hosts=LOCAL).text == "Café prices rose again."


def test_redirect_chain_relative_and_absolute(site):
    article = fetch_article(site.url("/r1"), allow_hosts=LOCAL)
    assert site.seen == ["/r1", "/r2", "/r3", "/article"]
    assert SENTENCES[0] in article.text
    assert article.url == site.url("/article")


def test_five_redirects_are_followed(site):
    article = fetch_article(site.url("/hops/4"), allow_hosts=LOCAL)
    assert SENTENCES[0] in article.text
    assert site.seen == ["/hops/4", "/hops/3", "/hops/2", "/hops/1", "/hops/0", "/article"]


def test_a_redirect_loop_stops_after_five(site):
    with pytest.raises(InputError, match="redirected more than 5 times"):
        fetch_article(site.url("/hops/10"), allow_hosts=LOCAL)
    assert site.seen == [f"/hops/{n}" for n in range(10, 4, -1)]  # the first + 5 followed


def test_slow_site_times_out_quickly(site):
    started = time.monotonic()
    with pytest.raises(InputError, match="^The site took too long to answer.$"):
        fetch_article(site.url("/slow"), allow_hosts=LOCAL, timeout=0.5)
    assert time.monotonic() - started < 1.2


def test_trickling_site_hits_the_overall_deadline(site):
    started = time.monotonic()
    with pytest.raises(InputError, match="^The site took too long to answer.$"):
        fetch_article(site.url("/trickle"), allow_hosts=LOCAL, timeout=0.5)
    assert time.monotonic() - started < 1.2  # the server would go on for 3 s


def test_huge_body_is_cut_off_while_streaming(site):
    with pytest.raises(InputTooLargeError):
        fetch_article(site.url("/huge"), allow_hosts=LOCAL, max_bytes=50_000)


def test_huge_content_length_is_refused_before_reading(site):
    started = time.monotonic()
    with pytest.raises(InputTooLargeError, match="the limit is 0.1 MB"):
        fetch_article(site.url("/declared-huge"), allow_hosts=LOCAL, max_bytes=100_000)
    assert time.monotonic() - started < 1.0  # the body (never sent) was not waited for


def test_gzip_page_is_decompressed(site):
    article = fetch_article(site.url("/gzip"), allow_hosts=LOCAL)
    assert "gzip" in site.headers[0]["accept-encoding"]
    assert SENTENCES[2] in article.text


def test_size_cap_counts_decompressed_bytes(site):
    with pytest.raises(InputTooLargeError):
        fetch_article(site.url("/gzip-bomb"), allow_hosts=LOCAL, max_bytes=100_000)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "The site answered 404 Not Found."),
        ("/broken", "The site answered 500 Internal Server Error."),
        ("/image", "That address serves image/png, not an article."),
        (
            "/feed",
            "That address serves a feed (application/rss+xml), not an article: to read its "
            "articles, add it as a source (sources add).",
        ),
    ],
)
def test_errors_and_non_articles(site, path, message):
    with pytest.raises(InputError) as raised:
        fetch_article(site.url(path), allow_hosts=LOCAL)
    assert str(raised.value) == message


def test_unreachable_host_names_it():
    with socket.socket() as spare:  # a loopback port nobody listens on
        spare.bind(("127.0.0.1", 0))
        port = spare.getsockname()[1]
    with pytest.raises(InputError, match=r"^Could not reach 127\.0\.0\.1\.$"):
        fetch_article(f"http://127.0.0.1:{port}/", allow_hosts=LOCAL)


# --- what is refused --------------------------------------------------------------------


def test_loopback_is_refused_without_allow_hosts(site):
    with pytest.raises(InputError) as raised:
        fetch_article(site.url("/article"))
    assert str(raised.value) == PRIVATE
    assert site.seen == []


def test_allow_hosts_is_case_insensitive_and_exact(site):
    url = f"http://LocalHost:{site.port}/text"
    assert fetch_article(url, allow_hosts={"LOCALHOST"}).text == PLAIN_TEXT
    with pytest.raises(InputError, match=PRIVATE):
        fetch_article(url, allow_hosts={"host"})


@pytest.mark.parametrize(
    "url", ["ftp://127.0.0.1/article.txt", "file:///etc/passwd", "javascript:alert(1)"]
)
def test_other_schemes_are_refused(url):
    with pytest.raises(InputError, match=r"^Only http:// and https:// addresses"):
        fetch_article(url, allow_hosts=LOCAL)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/to-private", REDIRECTS),
        ("/to-localhost", REDIRECTS),  # allowed by address literal, not by the name localhost
        (
            "/to-ftp",
            "That address redirects to one that is not http:// or https://, so it will not be "
            "fetched.",
        ),
    ],
)
def test_each_redirect_target_is_checked(site, path, message):
    with pytest.raises(InputError) as raised:
        fetch_article(site.url(path), allow_hosts=LOCAL)
    assert str(raised.value) == message
    assert site.seen == [path]


@pytest.mark.parametrize(
    "address",
    [
        "10.0.0.1",
        "192.168.1.1",
        "172.16.0.1",
        "169.254.169.254",
        "127.0.0.1",
        "100.64.0.1",  # carrier-grade NAT
        "::1",
        "fe80::1",
        "fe80::1%eth0",
        "fd00:ec2::254",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",  # 6to4 wrapping 127.0.0.1
        "224.0.0.1",
        "ff02::1",
        "0.0.0.0",
        "::",
        "240.0.0.1",
        "not an address",
    ],
)
def test_private_and_special_addresses_are_not_public(address):
    assert not is_public_address(address)


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946"]
)
def test_public_addresses_pass(address):
    assert is_public_address(address)


def fake_dns(monkeypatch, answers: dict[str, list[list[str]]]) -> list[str]:
    """Answer getaddrinfo for the names in ``answers`` (one list per call, the last repeats)."""
    real, asked = socket.getaddrinfo, []

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in answers:
            return real(host, port, *args, **kwargs)
        asked.append(host)
        replies = answers[host]
        addresses = replies.pop(0) if len(replies) > 1 else replies[0]
        return [
            (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in addresses
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


def test_one_private_address_among_public_ones_is_enough_to_refuse(monkeypatch):
    fake_dns(monkeypatch, {"mixed.example": [["93.184.216.34", "10.0.0.1"]]})
    with pytest.raises(InputError, match=PRIVATE):
        fetch_article("http://mixed.example/news")
    assert resolve_checked(httpx.URL("http://mixed.example/"), {"mixed.example"}) == [
        "93.184.216.34",
        "10.0.0.1",
    ]


def test_a_name_is_resolved_once_and_the_checked_address_is_used(site, monkeypatch):
    # A rebinding name: 127.0.0.1 when checked, then 127.0.0.2 (where nothing listens).
    asked = fake_dns(monkeypatch, {"news.test": [["127.0.0.1"], ["127.0.0.2"]]})
    article = fetch_article(f"http://news.test:{site.port}/text", allow_hosts={"News.Test"})
    assert article.text == PLAIN_TEXT
    assert asked == ["news.test"]
    assert site.headers[0]["host"] == f"news.test:{site.port}"
    assert article.url == f"http://news.test:{site.port}/text"


def test_https_to_the_checked_address_keeps_the_name_for_sni_and_certificate(monkeypatch, tmp_path):
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-keyout", str(key), "-out", str(cert), "-subj", "/CN=news.test"]
        + ["-addext", "subjectAltName=DNS:news.test"],
        check=True,
        capture_output=True,
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port = server.server_address[1]
    tls_site = Site(base=f"https://news.test:{port}", port=port)
    server.RequestHandlerClass = type("TLSHandler", (Handler,), {"site": tls_site})
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    names: list[str | None] = []
    context.sni_callback = lambda sock, name, ctx: names.append(name)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        import certifi

        monkeypatch.setattr(certifi, "where", lambda: str(cert))  # trust the test certificate
        fake_dns(monkeypatch, {"news.test": [["127.0.0.1"], ["127.0.0.2"]]})
        article = fetch_article(tls_site.url("/text"), allow_hosts={"news.test"})
        assert article.text == PLAIN_TEXT
        assert names == ["news.test"]
        assert tls_site.headers[0]["host"] == f"news.test:{port}"
        with pytest.raises(InputError, match="Could not reach"):  # certificate is for news.test
            fetch_article(f"https://127.0.0.1:{port}/text", allow_hosts=LOCAL)
    finally:
        server.shutdown()
        server.server_close()


# --- through the command line -----------------------------------------------------------


def test_cli_refuses_a_private_address(site, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # built-in settings, whatever config.toml is around
    monkeypatch.delenv("BRIEFING_CONFIG", raising=False)
    assert cli.main(["summarize", site.url("/article")]) == cli.EXIT_INPUT
    said = capsys.readouterr().err  # to the operator: how an internal site is read anyway
    assert said == f"briefing: {PRIVATE_SOURCE.format(url=site.url('/article'))}\n"
    assert site.seen == []
