"""A document, an image or an archive served as a web page or as text: told by how its
bytes open, refused with the error for binary data, never stored as an article of its
syntax ("BT /F1 12 Tf 72 712 Td (...) Tj ET")."""

from __future__ import annotations

import pytest

from summaries.errors import BinaryInputError
from summaries.fetch import fetch_article
from summaries.reading import is_binary
from tests.fakes.feed_server import FeedServer

# a PDF whose streams are not compressed: text throughout, no zero byte
PDF = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj
4 0 obj << /Length 240 >>
stream
BT /F1 12 Tf 72 712 Td (The city council voted on Tuesday to approve a new budget.) Tj ET
BT /F1 12 Tf 72 690 Td (Officials said the plan would add forty new routes by next spring.) Tj ET
endstream
endobj
trailer << /Size 5 /Root 1 0 R >>
%%EOF
"""
GIF = b"GIF89a\x10\x01\x10\x01\x80\x01\x01" + bytes(range(1, 256)) * 8
JPEG = b"\xff\xd8\xff\xe0\x01\x10JFIF\x01\x01" + bytes(range(1, 256)) * 8
ZIP = b"PK\x03\x04\x14\x01\x08\x08" + b"word/document.xml" + bytes(range(1, 256)) * 8


@pytest.mark.parametrize("body", [PDF, GIF, JPEG, ZIP], ids=["pdf", "gif", "jpeg", "zip"])
@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", "text/plain", None])
def test_a_file_served_as_a_page_or_text_is_refused_as_binary(body, content_type):
    with FeedServer() as server:
        server.route("/story", body, content_type)
        with pytest.raises(BinaryInputError):
            fetch_article(server.url("/story"), allow_hosts={"127.0.0.1"})


@pytest.mark.parametrize(
    "text",
    [
        b"PDF-1.4 is the version most readers open, the archivists said.",
        b"GIF images were banned from the council's website in 2019.",
        b"%PDF is how every such file opens.",
        b"%PDF-1.4 is the version most readers open, the archivists said.",
        b"%PDF-2.0, published in 2017, is the newest version of the format.",
    ],
)
def test_a_text_that_names_a_format_is_no_file_of_it(text):
    assert not is_binary(text)


def _allocated(call) -> int:
    """The most memory ``call()`` holds at once, beyond what was held before it."""
    import tracemalloc

    call()  # (caches filled)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        call()
        return tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


def test_telling_a_binary_file_builds_nothing_per_call() -> None:
    """is_binary runs on every file and page read: its signatures are one tuple built
    once, and NUL bytes are looked for in place, not in a copy of the file's start: it
    holds no more memory than its one regex match does."""
    from summaries.reading import _PDF_HEADER, is_binary

    text = b"A plain page of text. " * 1000
    assert not is_binary(text)
    assert _allocated(lambda: is_binary(text)) <= _allocated(lambda: _PDF_HEADER.match(text))
