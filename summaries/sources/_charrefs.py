"""Character references XML cannot read, made into ones it can.

HTML's named entities (``&nbsp;``, ``&mdash;``, ``&hellip;``) are no XML's: a feed whose
template writes them is "malformed" to feedparser's XML parser, which hands the whole
feed to its fallback parser (and the feed is reported malformed at every read).
:func:`xml_entities` writes each as the numeric reference of its character, outside
CDATA sections (whose text is read as HTML later, entities and all) and comments; it
reads the entities a DOCTYPE declares too (see :mod:`summaries.sources._entities`).

Numeric character references that name no character are made into ones that do, and
:func:`without_controls` drops the control characters XML allows nowhere.

Some sites write an emoji as the two UTF-16 halves of it, ``&#55357;&#56832;`` (as a
JavaScript string holds it), or cut such a pair in two; others write a number past
U+10FFFF. No character has such a number, so XML refuses the document and feedparser's
fallback parser raises on it (``chr(0xD83D).encode()``): one such reference would make a
whole feed unreadable. :func:`scalar_charrefs` rewrites them before feedparser reads the
feed: a high half followed by a low half is the character they make (as a browser shows
it); any other is U+FFFD, as HTML reads it. Everything else is left byte for byte, in
the feed's own encoding: a feed in UTF-16 or UTF-32 holds its references in that encoding.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from summaries.plaintext import TERMINAL_SEQUENCE
from summaries.sources._entities import numbered

# The references that may name no character: a UTF-16 half (D800-DFFF, 55296-57343) or a
# number past U+10FFFF (6 hex digits or 7 decimal ones, at least), leading zeros aside.
# Every other reference names a character and is passed over, so a feed of ordinary
# references (&#8217;, &#128512;) costs one scan.
_CHARREF = re.compile(
    rb"&#(?:[xX]0*([dD][89a-fA-F][0-9a-fA-F]{2}|[1-9a-fA-F][0-9a-fA-F]{5,})"
    rb"|0*(5[5-7][0-9]{3}|[1-9][0-9]{6,}));"
)
_REPLACEMENT = b"&#xFFFD;"


# XML 1.0, appendix F: how a document in UTF-32 or UTF-16 opens (byte order mark, or
# the "<?" of its declaration); any other feed writes "&#" as ASCII does.
_WIDE_OPENINGS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x00<\x00?", "utf-16-be"),
)


def scalar_charrefs(body: bytes) -> bytes:
    """``body`` with every numeric character reference naming a character."""
    return _as_ascii(body, _rewritten, "&#")


def xml_entities(body: bytes) -> bytes:
    """``body`` with its named entities as XML reads them (see :mod:`._entities`): those
    its DOCTYPE declares as their values, HTML's as numeric references, others as text;
    and a ``]]>`` in its text as text."""
    return _as_ascii(body, numbered, "")


def _as_ascii(body: bytes, rewrite: Callable[[bytes], bytes], sign: str) -> bytes:
    """``rewrite(body)``, made on the body as UTF-8 when it is in UTF-16 or UTF-32 and
    holds ``sign``, then written back in its own encoding."""
    wide = next((codec for opening, codec in _WIDE_OPENINGS if body.startswith(opening)), None)
    if wide is None:
        return rewrite(body)
    try:
        text = body.decode(wide)  # its byte order mark, if any, kept as U+FEFF
    except UnicodeDecodeError:  # cut short, or not that encoding: left to feedparser
        return body
    if sign not in text:
        return body
    return rewrite(text.encode("utf-8")).decode("utf-8").encode(wide)


# C0 controls but tab, line feed and carriage return. ESC, shift out and shift in are
# kept in a body that designates a character set as ISO 2022 does (ISO-2022-JP's
# "ESC $ B"): its bytes hold them, and the document is read once decoded, then without
_CONTROLS = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]+")
_CONTROLS_BUT_SHIFTS = re.compile(rb"[\x00-\x08\x0b\x0c\x10-\x1a\x1c-\x1f]+")
_DESIGNATION = re.compile(rb"\x1b[$()]")
_TERMINAL = re.compile(TERMINAL_SEQUENCE.encode())  # taken out whole, as from any text
# a reference to one of those controls, which XML refuses as it refuses the character
_CONTROL_REF = re.compile(
    rb"&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F])|0*(?:[0-8]|1[1-24-9]|2[0-9]|3[01]));"
)


def without_controls(body: bytes) -> bytes:
    """``body`` without the control characters XML allows nowhere (pasted into a title, a
    form feed between paragraphs, a terminal's colour code), nor references to them
    (``&#11;``): a browser shows none, and one makes the feed "malformed". A body in
    UTF-16 or UTF-32 is mended as text; one that opens as neither XML says it may (its
    bytes hold zeros) is left as it is."""
    if b"\x00" in body[:4] and not any(body.startswith(opening) for opening, _ in _WIDE_OPENINGS):
        return body
    return _as_ascii(body, _without_controls, "")


def _without_controls(body: bytes) -> bytes:
    if b"\x1b[" in body:
        body = _TERMINAL.sub(b"", body)
    controls = _CONTROLS_BUT_SHIFTS if _DESIGNATION.search(body) else _CONTROLS
    body = controls.sub(b"", body) if controls.search(body) else body
    return _CONTROL_REF.sub(b"", body) if b"&#" in body else body


def _rewritten(body: bytes) -> bytes:
    """``scalar_charrefs`` of a body that writes ``&#`` as ASCII does."""
    if b"&#" not in body:
        return body
    refs = list(_CHARREF.finditer(body))
    if not refs:  # every reference names a character (or "It&#8217s": no reference)
        return body
    pieces: list[bytes] = []
    done = 0  # where the body is copied up to
    skip = False  # this reference was the low half of the pair before it
    for ref, after in zip(refs, [*refs[1:], None], strict=True):
        number = _number(ref)
        if skip or _is_scalar(number):
            skip = False
            continue
        pieces.append(body[done : ref.start()])
        low = _number(after) if after is not None and after.start() == ref.end() else None
        if 0xD800 <= number <= 0xDBFF and low is not None and 0xDC00 <= low <= 0xDFFF:
            pieces.append(b"&#x%X;" % (0x10000 + ((number - 0xD800) << 10) + (low - 0xDC00)))
            done, skip = after.end(), True
        else:
            pieces.append(_REPLACEMENT)
            done = ref.end()
    pieces.append(body[done:])
    return b"".join(pieces)


def _number(ref: re.Match[bytes]) -> int:
    """The number a reference names (its digits without leading zeros); any number too long
    to be a character is past them all."""
    digits, base = (ref.group(1), 16) if ref.group(1) is not None else (ref.group(2), 10)
    return int(digits, base) if len(digits) <= 8 else 0x110000


def _is_scalar(number: int) -> bool:
    return number <= 0x10FFFF and not 0xD800 <= number <= 0xDFFF
