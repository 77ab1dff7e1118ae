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

The insides of scripts and styles are no markup to extraction, and a page may send
megabytes of them before its article (JSON-LD of every story a site lists, a store's
state): they are counted apart (see :func:`kept_markup`), so they never push the article
past the cap. Each is kept whole when it is at most ``MAX_SCRIPT_BYTES`` long and all of
them together at most ``MAX_SCRIPTS_BYTES``, else left out (a script cut short can be
read by nothing); its tags stay. Parsing them is cheap next to extraction, and reading
the JSON-LD among them is bounded by their size. A script ends where parsers end it
(``</script`` and a space, ``/`` or ``>``), and a ``<script>`` in another tag's attribute
value or in a comment opens none: markup is never taken for a script's insides, which
would let it pass the cap. The page is read once from start to end, whatever it holds.

The fetcher returns no more of a page than that either (:func:`kept_markup`, once the
page, at most ``[fetch] max_bytes``, has arrived): what lies beyond is not sent to a
worker or parsed.

:func:`is_html_document` tells a web page by how it opens, whatever its label says;
:func:`start_tags` reads the attributes of one kind of tag (``<meta>``, ``<link>``) in a
page's head without parsing the page.
"""

from __future__ import annotations

import html
import re
from typing import Any, TypeVar

MAX_TAGS = 10_000
MAX_MARKUP_BYTES = 2_000_000
MAX_SCRIPT_BYTES = 4_000_000  # one script's or style's insides (a live blog's JSON-LD)
MAX_SCRIPTS_BYTES = 8_000_000  # all of them together
# A script's (or style's) opening tag, what it holds, and its end: as parsers end it, at
# "</script" and a space, "/" or ">" (its end tag may hold attributes); an opening never
# closed by ">" runs to the page's end (read to it once, not once for each such opening)
_SCRIPT = r"<(script|style)(?=[\s/>])[^>]*(?:>|\Z)(.*?)(?:</\2(?=[\s/>])[^>]*>?|\Z)"
# another tag whole, its quoted attribute values with it: "<script>" in one opens nothing
_OTHER_TAG = r"<[A-Za-z][^\s/>]*(?:\"[^\"]*\"|'[^']*'|[^'\">])*>?"
# a comment; a script or style block (its opening tag, its insides, its end tag); a tag
_INSIDES = rf"(<!--.*?(?:-->|\Z))|{_SCRIPT}|{_OTHER_TAG}"
_INSIDES_IN_TEXT = re.compile(_INSIDES, re.DOTALL | re.IGNORECASE)
_INSIDES_IN_BYTES = re.compile(_INSIDES.encode("ascii"), re.DOTALL | re.IGNORECASE)
# each tag counted, wherever it is but in a comment or a script: a quote left open in one
# tag hides no other from the count
_TAG_START_IN_TEXT = re.compile(r"<[A-Za-z]")
_TAG_START_IN_BYTES = re.compile(rb"<[A-Za-z]")
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
# A comment as browsers end it: "<!-->" and "<!--->" are empty ones, "--!>" closes one too,
# and an unclosed one runs to the end.
_COMMENT = re.compile(rb"<!--(?:-?>|.*?(?:--!?>|\Z))", re.DOTALL)

Markup = TypeVar("Markup", str, bytes, bytearray)


def first_tags(markup: Markup, limit: int = MAX_TAGS, size: int = MAX_MARKUP_BYTES) -> Markup:
    """``markup`` up to its ``limit``-th tag and with at most ``size`` of markup besides
    the insides of its scripts and styles (see :func:`kept_markup`; bytes in an
    ASCII-compatible encoding, or text)."""
    markup = kept_markup(markup, size)
    is_bytes = isinstance(markup, bytes | bytearray)
    pattern = _INSIDES_IN_BYTES if is_bytes else _INSIDES_IN_TEXT
    tag = _TAG_START_IN_BYTES if is_bytes else _TAG_START_IN_TEXT
    count = 0
    position = 0  # where the markup not yet counted begins
    for match in pattern.finditer(markup):
        if match.group(1) is None and match.group(2) is None:
            continue  # another tag: counted with the markup around it
        for start in tag.finditer(markup, position, match.start()):
            count += 1
            if count > limit:
                return markup[: start.start()]
        count += match.group(2) is not None  # a script is one tag; a comment none
        if count > limit:
            return markup[: match.start()]
        position = match.end()
    for start in tag.finditer(markup, position):
        count += 1
        if count > limit:
            return markup[: start.start()]
    return markup


def kept_markup(
    markup: Markup,
    size: int = MAX_MARKUP_BYTES,
    script: int = MAX_SCRIPT_BYTES,
    scripts: int = MAX_SCRIPTS_BYTES,
) -> Markup:
    """``markup`` with at most ``size`` of it outside the insides of scripts and styles
    (cut as :func:`cut_markup` cuts), and of those insides each one whole when at most
    ``script`` long and all ``scripts`` long together at most, the others left out."""
    binary = isinstance(markup, bytes | bytearray)
    pattern = _INSIDES_IN_BYTES if binary else _INSIDES_IN_TEXT
    # bytes are taken through a view: each piece is copied once, by the join
    source: Any = memoryview(markup) if binary else markup
    pieces: list[Any] = []
    position = 0
    for match in pattern.finditer(markup):
        if match.group(2) is None:  # a comment or another tag: markup, like the rest
            if match.start() - position > size:
                break  # the markup's cap is passed before another script
            continue
        before = source[position : match.start(3)]  # up to the script's opening tag's end
        if len(before) > size:
            break
        pieces.append(before)
        size -= len(before)
        inside = source[match.start(3) : match.end(3)]
        if len(inside) <= min(script, scripts):
            pieces.append(inside)
            scripts -= len(inside)
        pieces.append(source[match.end(3) : match.end()])  # its end tag, whole
        size -= match.end() - match.end(3)
        position = match.end()
    pieces.append(source[position : _cut_end(markup, position, max(size, 0))])
    return markup[:0].join(pieces)


def cut_markup(markup: Markup, size: int = MAX_MARKUP_BYTES) -> Markup:
    """``markup`` cut to at most ``size``: before a tag near the cap, else at a space, so
    that no tag, word or (in UTF-8) character is cut in two; at the cap if there is none."""
    return markup[: _cut_end(markup, 0, size)]


def _cut_end(markup: Markup, begin: int, size: int) -> int:
    """Where ``markup[begin:]`` cut as :func:`cut_markup` cuts it ends, in ``markup``."""
    if len(markup) - begin <= size:
        return len(markup)
    start = begin + max(0, size - _LOOK_BACK)
    stop = begin + size + 1
    text = isinstance(markup, str)
    cut = markup.rfind("<" if text else b"<", start, stop)
    if cut <= begin:
        cut = max(markup.rfind(space, start, stop) for space in (" \n" if text else b" \n"))
    if cut <= begin:
        cut = begin + size
        while not text and cut > start and 0x80 <= markup[cut] < 0xC0:  # in a UTF-8 character
            cut -= 1
    return cut


def is_html_document(body: bytes) -> bool:
    """Whether ``body`` opens as an HTML document: ``<!DOCTYPE html>``, ``<html>``, ``<head>``
    or ``<body>`` before any other tag (after a byte order mark, white space, an XML
    declaration, comments). Both a fetched answer and a file without a telling name are
    told so."""
    return _HTML_START.match(body[:_HTML_SNIFF]) is not None


def without_comments(markup: bytes) -> bytes:
    """``markup`` without its comments (see _COMMENT)."""
    return _COMMENT.sub(b"", markup)


def start_tags(markup: bytes, name: bytes) -> list[dict[str, str]]:
    """The attributes of each ``<name ...>`` start tag in ``markup``, in order: names in
    lower case, values with their entities decoded and their white space trimmed (an
    attribute given twice has its first value, as browsers read it). A tag inside a
    comment is none: one commented out, or in an old Internet Explorer's conditional
    comment (``<!--[if IE]>...<![endif]-->``); what such a comment shows every other
    browser (``<!--[if !IE]><!-->...<!--<![endif]-->``) lies between two comments."""
    found = []
    markup = without_comments(markup)
    for tag in re.findall(rb"<" + re.escape(name) + rb"\s[^>]*>", markup, re.IGNORECASE):
        attributes: dict[str, str] = {}
        for key, *values in _ATTRIBUTE.findall(tag):  # (b"" for the forms not written)
            value = next((v for v in values if v), b"").decode("utf-8", "replace")
            attributes.setdefault(key.decode("ascii").lower(), html.unescape(value).strip())
        found.append(attributes)
    return found
