"""The first tags of a page: as much of its markup as extraction reads.

trafilatura's memory grows with what a page holds (it copies the tree more than once):
about 80 MB per MB of dense markup, over 600 MB for a page of links near ``[fetch]
max_bytes``, and as many seconds; a page of plain paragraphs costs some 25 MB per MB of
text. An article page has a few thousand elements in a few hundred kilobytes (the 250
real pages of ../shared/eval/pages_dev.jsonl: at most 9,753 tags and 1.4 MB).
:func:`first_tags` cuts the markup after its first ``MAX_TAGS`` tags (comments and the
insides of scripts and styles are skipped, not counted) or its first ``MAX_MARKUP_BYTES``,
whichever comes first, so reading one page costs tens of megabytes at most, whatever it
holds. The HTML parser closes what the cut leaves open.

The fetcher keeps no more of a page than that either (see :func:`cut_markup`): what lies
beyond is counted against the size cap, not held, sent to a worker or parsed.

:func:`is_html_document` tells a web page by how it opens, whatever its label says;
:func:`start_tags` reads the attributes of one kind of tag (``<meta>``, ``<link>``) in a
page's head without parsing the page.
"""

from __future__ import annotations

import html
import re
from typing import TypeVar

MAX_TAGS = 10_000
MAX_MARKUP_BYTES = 2_000_000
_PATTERN = r"(<!--.*?(?:-->|\Z))|<(script|style)\b.*?(?:</\2\s*>|\Z)|<[A-Za-z]"
_IN_TEXT = re.compile(_PATTERN, re.DOTALL | re.IGNORECASE)
_IN_BYTES = re.compile(_PATTERN.encode("ascii"), re.DOTALL | re.IGNORECASE)
_LOOK_BACK = 4096  # how far back from the cap a cut looks for a tag or a space
_HTML_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml\b[^>]*>\s*|<!--(?:[^-]|-(?!->))*-->\s*)*"
    # the document's first tag: <head> or <body> opens one that leaves <html> out, as HTML
    # allows; unbounded, they also take a page's part saved on its own that opens <header>
    rb"<(?:!doctype\s+html\b|html\b|head|body)",
    re.IGNORECASE,
)
_HTML_SNIFF = 8192  # bytes of the start an opening (declaration, comments) may take
_ATTRIBUTE = re.compile(rb"""([a-z][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)

Markup = TypeVar("Markup", str, bytes, bytearray)


def first_tags(markup: Markup, limit: int = MAX_TAGS, size: int = MAX_MARKUP_BYTES) -> Markup:
    """``markup`` up to its ``limit``-th tag and at most ``size`` long (bytes in an
    ASCII-compatible encoding, or text)."""
    markup = cut_markup(markup, size)
    pattern = _IN_BYTES if isinstance(markup, bytes | bytearray) else _IN_TEXT
    count = 0
    for match in pattern.finditer(markup):
        if match.group(1) is None:
            count += 1
            if count > limit:
                return markup[: match.start()]
    return markup


def cut_markup(markup: Markup, size: int = MAX_MARKUP_BYTES) -> Markup:
    """``markup`` cut to at most ``size``: before a tag near the cap, else at a space, so
    that no tag, word or (in UTF-8) character is cut in two; at the cap if there is none."""
    if len(markup) <= size:
        return markup
    start = max(0, size - _LOOK_BACK)
    text = isinstance(markup, str)
    cut = markup.rfind("<" if text else b"<", start, size + 1)
    if cut <= 0:
        cut = max(markup.rfind(space, start, size + 1) for space in (" \n" if text else b" \n"))
    if cut <= 0:
        cut = size
        while not text and cut > start and 0x80 <= markup[cut] < 0xC0:  # in a UTF-8 character
            cut -= 1
    return markup[:cut]


def is_html_document(body: bytes) -> bool:
    """Whether ``body`` opens as an HTML document: ``<!DOCTYPE html>``, ``<html>``, ``<head>``
    or ``<body>`` before any other tag (after a byte order mark, white space, an XML
    declaration, comments). Both a fetched answer and a file without a telling name are
    told so."""
    return _HTML_START.match(body[:_HTML_SNIFF]) is not None


def start_tags(markup: bytes, name: bytes) -> list[dict[str, str]]:
    """The attributes of each ``<name ...>`` start tag in ``markup``, in order: names in
    lower case, values with their entities decoded and their white space trimmed (an
    attribute given twice has its first value, as browsers read it)."""
    found = []
    for tag in re.findall(rb"<" + re.escape(name) + rb"\s[^>]*>", markup, re.IGNORECASE):
        attributes: dict[str, str] = {}
        for key, *values in _ATTRIBUTE.findall(tag):
            value = next(v for v in values if v is not None).decode("utf-8", "replace")
            attributes.setdefault(key.decode("ascii").lower(), html.unescape(value).strip())
        found.append(attributes)
    return found
