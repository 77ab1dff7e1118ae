"""What one fetch may cost: the size cap on decompressed bytes, the encodings asked for and
taken, and the cap on fetches in flight. Real httpx against the loopback feed server."""

from __future__ import annotations

import asyncio
import gzip
import subprocess
import sys
import tracemalloc
import zlib
from collections.abc import Iterator

import brotli
import pytest

from summaries.sources import (
    ARTICLE,
    ASKED_ARTICLE,
    FEED,
    CutOffError,
    DamagedResponseError,
    Fetcher,
    InvalidAddressError,
    ResponseTooLargeError,
    UnsupportedContentError,
    is_temporary,
)
from summaries.sources._markup import (
    MAX_MARKUP_BYTES,
    MAX_SCRIPT_BYTES,
    MAX_SCRIPTS_BYTES,
    first_tags,
    kept_markup,
)
from tests.fakes.feed_server import FeedServer, compression_bomb, feed_body

LOCAL = {"127.0.0.1"}


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


def get(url: str, **options):
    accept = options.pop("accept", FEED)

    async def main():
        async with Fetcher(allow_hosts=LOCAL, politeness=0.0, **options) as fetcher:
            return await fetcher.get(url, accept=accept)

    return asyncio.run(main())


def bomb(encoding: str) -> bytes:
    """1 GiB of zeros, compressed as ``encoding`` says (about 1 MB, or 5 KB twice over)."""
    if encoding == "br":
        return brotli.compress(bytes(1 << 30), quality=0)  # 0.6 MB, in about a second
    if encoding == "gzip, gzip":
        return gzip.compress(compression_bomb(1024, "gzip"))
    return compression_bomb(1024, encoding)


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "gzip, gzip", "br"])
def test_a_compression_bomb_is_refused_having_inflated_little_past_the_cap(server, encoding):
    server.route(
        "/bomb.xml", bomb(encoding), "application/rss+xml", headers={"Content-Encoding": encoding}
    )
    cap = 2_000_000
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError) as raised:
            get(server.url("/bomb.xml"), max_bytes=cap)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # the growing body may briefly exist twice while it is reallocated; httpx alone inflated
    # a whole 64 KiB network chunk at once, about 64 MB of zeros (2 GB twice over)
    assert peak < 3 * cap, f"{peak / 1e6:.1f} MB allocated while fetching"
    assert str(raised.value) == (
        "The site sent more than the limit of 2.0 MB. "
        "The bot's operator can raise [fetch] max_bytes in config.toml."  # a feed: no archive
    )


@pytest.mark.parametrize("wrapped", [True, False], ids=["zlib", "raw"])
def test_deflate_is_read_with_or_without_its_zlib_wrapper(server, wrapped):
    feed = feed_body("atom.xml", server.base)
    packer = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
    body = packer.compress(feed) + packer.flush()
    server.route("/atom", body, "application/atom+xml", headers={"Content-Encoding": "deflate"})
    assert get(server.url("/atom")).body == feed


def test_only_gzip_deflate_and_br_are_asked_for_and_another_encoding_is_refused(server):
    zstd = b"(\xb5/\xfd\x00X)\x00\x00Harbour news."
    server.route("/page", zstd, "text/html", headers={"Content-Encoding": "zstd"})
    with pytest.raises(UnsupportedContentError) as raised:
        get(server.url("/page"))
    assert str(raised.value) == "The site sent its answer compressed as zstd, which cannot be read."
    assert server.requests[0].headers["accept-encoding"] == "gzip, deflate, br"


@pytest.mark.parametrize("encoding", ["br", "br, gzip", "gzip, br"])
def test_a_brotli_compressed_answer_is_read(server, encoding):
    feed = feed_body("atom.xml", server.base)
    body = feed
    for name in [name.strip() for name in encoding.split(",")]:
        body = brotli.compress(body) if name == "br" else gzip.compress(body)
    server.route("/atom", body, "application/atom+xml", headers={"Content-Encoding": encoding})
    assert get(server.url("/atom")).body == feed


_REPORT = "\n".join(f"Line {n} of the harbour report." for n in range(20_000)).encode()


@pytest.mark.parametrize("encoding", ["br", "br, gzip"])
def test_a_brotli_answer_of_many_pieces_is_read_whole(server, encoding):
    """The decoder holds output back past each piece: all of it is read, not cut off."""
    body = brotli.compress(_REPORT)
    body = gzip.compress(body) if encoding == "br, gzip" else body
    server.route("/report", body, "text/plain", headers={"Content-Encoding": encoding})
    assert get(server.url("/report"), accept=ARTICLE).body == _REPORT


def test_a_damaged_brotli_answer_is_refused_as_damaged(server):
    body = b"\xff\xff" + brotli.compress(b"Harbour news.")
    server.route("/page", body, "text/html", headers={"Content-Encoding": "br"})
    with pytest.raises(DamagedResponseError):
        get(server.url("/page"))


def test_a_brotli_answer_cut_off_is_not_read_as_whole(server):
    whole = brotli.compress(_REPORT)  # (_PAGE's repeated words are 50 bytes of brotli)
    cut = whole[: len(whole) // 2]
    headers = {"Content-Encoding": "br"}
    server.route("/page", cut, "text/html", headers=headers, declare_length=False)
    with pytest.raises(CutOffError):
        get(server.url("/page"), accept=ARTICLE)


@pytest.mark.parametrize("label", ["application/gzip", "application/x-gzip"])
def test_a_feed_served_as_a_gzip_file_is_read_unpacked(server, label):
    feed = feed_body("atom.xml", server.base)
    server.route("/atom.xml.gz", gzip.compress(feed), label)
    result = get(server.url("/atom.xml.gz"))
    assert result.body == feed
    assert result.content_type == ""  # the parser decides what it is


@pytest.mark.parametrize("encoding", ["gzip", "x-gzip"])
def test_a_gzip_file_also_labelled_gzip_encoded_is_read_once_unpacked(server, encoding):
    """A server (Apache's ``AddEncoding``, a bucket's object metadata) may label the .gz
    file both ways: the encoding undone, the body is the feed itself."""
    feed = feed_body("atom.xml", server.base)
    headers = {"Content-Encoding": encoding}
    server.route("/atom.xml.gz", gzip.compress(feed), "application/x-gzip", headers=headers)
    assert get(server.url("/atom.xml.gz")).body == feed
    packed = {"Content-Encoding": encoding}  # a .gz file gzipped again on the way
    twice = gzip.compress(gzip.compress(feed))
    server.route("/twice.xml.gz", twice, "application/gzip", headers=packed)
    assert get(server.url("/twice.xml.gz")).body == feed


def test_a_gzip_file_bomb_is_refused_with_the_size_message(server):
    server.route("/bomb.xml.gz", bomb("gzip"), "application/x-gzip")
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError) as raised:
            get(server.url("/bomb.xml.gz"), max_bytes=2_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 6_000_000
    assert str(raised.value).startswith("The site sent more than the limit of 2.0 MB.")


def test_a_file_labelled_gzip_that_is_not_gzip_is_refused(server):
    server.route("/feed.gz", b"PK\x03\x04 a zip archive", "application/gzip")
    with pytest.raises(UnsupportedContentError) as raised:
        get(server.url("/feed.gz"))
    assert str(raised.value) == "That address serves application/gzip, not a feed."


def test_a_body_that_is_not_what_its_encoding_says_is_damaged(server):
    headers = {"Content-Encoding": "gzip"}
    server.route("/page", b"Harbour news, not gzip.", "text/html", headers=headers)
    with pytest.raises(DamagedResponseError) as raised:
        get(server.url("/page"))
    assert str(raised.value) == "The site sent a damaged (badly compressed) page."


_PAGE = b"<html><body><p>" + b"Harbour news. " * 20_000 + b"</p></body></html>"


def test_a_compressed_body_cut_off_when_the_connection_closes_is_not_read_as_whole(server):
    # no Content-Length: the answer ends where the connection does, half way through
    cut = gzip.compress(_PAGE)[: len(gzip.compress(_PAGE)) // 2]
    server.route(
        "/page", cut, "text/html", headers={"Content-Encoding": "gzip"}, declare_length=False
    )
    with pytest.raises(CutOffError) as raised:
        get(server.url("/page"), accept=ARTICLE)
    assert str(raised.value) == "The answer from 127.0.0.1 broke off before it was whole."
    assert is_temporary(raised.value)  # tried again at the next read


def test_a_chunked_body_cut_off_says_it_broke_off_not_that_the_site_was_not_reached(server):
    half = gzip.compress(_PAGE)[:4000]
    chunk = b"%x\r\n" % len(half) + half + b"\r\n"  # no last chunk: the connection closes
    headers = {"Content-Encoding": "gzip", "Transfer-Encoding": "chunked"}
    server.route("/page", chunk, "text/html", headers=headers, declare_length=False)
    with pytest.raises(CutOffError) as raised:
        get(server.url("/page"), accept=ARTICLE)
    assert str(raised.value) == "The answer from 127.0.0.1 broke off before it was whole."


def test_a_redirect_to_an_address_too_long_to_store_is_not_followed(server):
    far = "/news/" + "a" * 2100
    server.route(far, b"Harbour news.", "text/plain")
    server.redirect("/story", server.url(far))
    with pytest.raises(InvalidAddressError) as raised:
        get(server.url("/story"), accept=ARTICLE)
    assert str(raised.value) == (
        "That address redirects to one too long to be a page's, so it will not be fetched."
    )
    assert server.paths() == ["/story"]


def test_a_refresh_to_an_address_too_long_to_store_leaves_the_page_as_it_is(server):
    far = "/news/" + "a" * 2100
    server.route(far, b"<html><body><p>Elsewhere.</p></body></html>", "text/html")
    refresh = f'<html><head><meta http-equiv="refresh" content="0; url={far}"></head>'
    server.route(
        "/story", refresh.encode() + b"<body><p>Harbour news.</p></body></html>", "text/html"
    )
    result = get(server.url("/story"), accept=ARTICLE)
    assert result.url == server.url("/story") and b"Harbour news." in result.body
    assert server.paths() == ["/story"]


def test_a_compressed_body_exactly_at_the_cap_is_read_and_one_byte_less_refuses_it(server):
    server.route("/page", gzip.compress(_PAGE), "text/html", headers={"Content-Encoding": "gzip"})
    assert len(get(server.url("/page"), accept=ARTICLE, max_bytes=len(_PAGE)).body) > 0
    with pytest.raises(ResponseTooLargeError):
        get(server.url("/page"), accept=ARTICLE, max_bytes=len(_PAGE) - 1)


def test_at_most_max_in_flight_fetches_run_at_once_over_all_hosts(server):
    server.route("/slow", "Harbour news.", delay=0.1)

    async def main():
        async with Fetcher(allow_hosts=LOCAL, politeness=0.0, per_host=32, max_in_flight=3) as f:
            return await asyncio.gather(*(f.get(server.url("/slow")) for _ in range(10)))

    assert [result.body for result in asyncio.run(main())] == [b"Harbour news."] * 10
    assert server.max_in_flight == 3


def test_of_a_page_only_the_markup_extraction_reads_is_kept(server):
    """A 7 MB page is fetched (under the cap) but only its first 2 MB are held, cut before
    a tag; a feed, plain text, and a page over the cap are treated as before."""
    paragraph = "<p>" + "Harbour cranes stood idle as the strike went on. " * 20 + "</p>\n"
    page = "<html><body><article>" + paragraph * (7_000_000 // len(paragraph)) + "</article>"
    server.route("/long.html", page, "text/html")
    server.route("/long.xml", page, "application/rss+xml")
    server.route("/long.txt", page, "text/plain")
    server.route("/endless.html", paragraph.encode(), "text/html", repeat=10_000)

    kept = get(server.url("/long.html"), accept=ARTICLE).body
    assert MAX_MARKUP_BYTES - 4096 < len(kept) <= MAX_MARKUP_BYTES  # not 7 MB
    assert page.encode().startswith(kept) and page[len(kept)] == "<"  # cut before a tag
    assert kept == first_tags(page.encode())  # what extraction would read of the whole
    assert get(server.url("/long.xml"), accept=FEED).body == page.encode()
    assert get(server.url("/long.txt"), accept=ARTICLE).body == page.encode()
    with pytest.raises(ResponseTooLargeError):  # 10 MB: over [fetch] max_bytes, still refused
        get(server.url("/endless.html"), accept=ARTICLE)


def test_a_pages_scripts_are_kept_apart_from_its_markup_each_whole_or_left_out(server):
    """Scripts' insides do not count against the markup cap: each is kept whole, or left
    out (tags kept) once it, or all of them together, would pass their caps; the markup
    after them is read."""
    script = "<script>" + "x" * (MAX_SCRIPT_BYTES // 2) + "</script>"
    over = "<script>" + "y" * (MAX_SCRIPT_BYTES + 1) + "</script>"
    body = "<p>" + "Harbour cranes stood idle. " * 100 + "</p>"
    page = f"<html><head>{script}{over}{script * 4}</head><body>{body}</body></html>"
    server.route("/scripts.html", page, "text/html")

    kept = get(server.url("/scripts.html"), accept=ARTICLE, max_bytes=30_000_000).body.decode()
    assert kept.endswith(f"{body}</body></html>")
    assert "yyyy" not in kept and "<script></script>" in kept  # over its own cap: left out
    whole = MAX_SCRIPTS_BYTES // (MAX_SCRIPT_BYTES // 2)  # as many as all of them may take
    assert kept.count(script) == whole and kept.count("<script></script>") == 1 + 5 - whole
    assert kept == first_tags(page.encode()).decode()


PARAGRAPHS = "<p>" + "Harbour cranes stood idle. " * 400 + "</p>"  # 10,807 bytes of markup


@pytest.mark.parametrize(
    "page",
    [
        # an end tag with attributes, or slashed, ends a script for parsers: what follows
        # is markup, and counts as markup
        f"<script>var a = 1;</script foo='x'>{PARAGRAPHS}<script>b()</script>",
        f"<script>var a = 1;</script/>{PARAGRAPHS}<script>b()</script>",
        # a script's opening tag in an attribute's value opens no script
        f"<div title='<script>'>{PARAGRAPHS}</div><script>b()</script>",
        f'<img alt="<style>">{PARAGRAPHS}<style>p {{}}</style>',
        # nor does one in a comment
        f"<!-- <script> -->{PARAGRAPHS}<script>b()</script>",
    ],
    ids=["end-attributes", "end-slash", "in-attribute", "in-attribute-style", "in-comment"],
)
def test_markup_a_script_does_not_hold_counts_against_the_markup_cap(page):
    kept = kept_markup(f"<html><body>{page}</body></html>", size=2_000)
    assert len(kept) < 2_200, kept[-300:]  # the paragraphs were cut, not kept as a script's


def test_uppercase_scripts_are_counted_apart_too():
    script = "<SCRIPT type='application/ld+json'>" + "x" * 5_000 + "</Script >"
    kept = kept_markup(f"<html><body>{script}<p>Cranes stood idle.</p></body></html>", 200)
    assert script in kept and kept.endswith("<p>Cranes stood idle.</p></body></html>")


@pytest.mark.parametrize("opening", ["<script ", "<style ", "<script\n", "<!-"])
def test_a_page_of_openings_that_never_close_is_read_in_linear_time(opening):
    """Two million bytes of script openings with no ">" after them: each one must not be
    read to the end of the page again (hours of a worker's, or the fetcher's, time)."""
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_CPU, (30, 30))\n"
        "from summaries.sources._markup import first_tags, kept_markup\n"
        f"page = b'<html><body>' + {opening.encode()!r} * (2_000_000 // {len(opening)})\n"
        "kept_markup(page, 2_000_000); first_tags(page)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr[-500:]


def test_tags_inside_an_unclosed_quote_still_count_against_the_tag_cap():
    """A quote opened in one tag and closed thousands of tags later hides none of them
    from the count: extraction would parse each."""
    page = "<html><body><a title='" + "<b>x</b>" * 20_000 + "'>end</a></body></html>"
    kept = first_tags(page, limit=100)
    assert len(kept) < 2_000, len(kept)


def fetch_peak(url: str, **options) -> tuple[object, int]:
    """The fetch's outcome (its result or its error) and the most memory it held, traced
    inside the event loop (closing a loop from ``asyncio.run`` allocates on its own)."""
    accept = options.pop("accept", FEED)

    async def main() -> tuple[object, int]:
        async with Fetcher(allow_hosts=LOCAL, politeness=0.0, **options) as fetcher:
            tracemalloc.start()
            try:
                try:
                    outcome: object = await fetcher.get(url, accept=accept)
                except ResponseTooLargeError as error:
                    outcome = error
                return outcome, tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()

    return asyncio.run(main())


@pytest.mark.parametrize(
    ("path", "kind"), [("/page.txt", "text/plain"), ("/page.html", "text/html")]
)
def test_a_body_under_the_cap_is_held_once_while_it_is_read(server, path, kind):
    """A 3.9 MB answer under a 4 MB cap, of unknown length: the fetch holds it once (with
    what the buffer grows by, and of a page the markup kept), not the read body and a
    copy of it."""
    piece = b"<p>" + b"Harbour cranes stood idle as the strike went on. " * 20 + b"</p>\n"
    count = 3_900_000 // len(piece)
    server.route(path, piece, kind, repeat=count, declare_length=False)
    get(server.url(path), accept=ARTICLE)  # the modules a first fetch loads, loaded
    result, peak = fetch_peak(server.url(path), accept=ARTICLE, max_bytes=4_000_000)
    body = result.body  # type: ignore[attr-defined]
    kept = len(body) if kind == "text/html" else 0  # the markup kept, besides the whole
    assert body == (piece * count)[: len(body)] and len(body) > MAX_MARKUP_BYTES - 4096
    assert peak < 1.25 * len(piece) * count + kept, f"{peak / 1e6:.1f} MB held"


def test_a_50_mb_page_is_refused_having_held_little_past_the_cap(server):
    """At the default cap (8 MB), a page of 50 MB that does not say its length: a clear
    refusal, once the cap is passed, having held about the cap."""
    piece = b"<p>" + b"Harbour cranes stood idle as the strike went on. " * 20 + b"</p>\n"
    server.route(
        "/huge.html", piece, "text/html", repeat=50_000_000 // len(piece), declare_length=False
    )
    error, peak = fetch_peak(server.url("/huge.html"), accept=ASKED_ARTICLE)
    assert isinstance(error, ResponseTooLargeError)
    assert str(error) == (
        "The site sent more than the limit of 8.0 MB. Give a single article, not a whole archive."
    )
    assert peak < 1.25 * 8_000_000, f"{peak / 1e6:.1f} MB held"
