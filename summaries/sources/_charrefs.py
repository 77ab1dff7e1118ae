"""Numeric character references that name no character, made into ones that do.

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
    wide = next((codec for opening, codec in _WIDE_OPENINGS if body.startswith(opening)), None)
    if wide is None:
        return _rewritten(body)
    try:
        text = body.decode(wide)  # its byte order mark, if any, kept as U+FEFF
    except UnicodeDecodeError:  # cut short, or not that encoding: left to feedparser
        return body
    if "&#" not in text:
        return body
    return _rewritten(text.encode("utf-8")).decode("utf-8").encode(wide)


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
