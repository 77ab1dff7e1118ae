"""Numeric character references that name no character, made into ones that do.

Some sites write an emoji as the two UTF-16 halves of it, ``&#55357;&#56832;`` (as a
JavaScript string holds it), or cut such a pair in two; others write a number past
U+10FFFF. No character has such a number, so XML refuses the document and feedparser's
fallback parser raises on it (``chr(0xD83D).encode()``): one such reference would make a
whole feed unreadable. :func:`scalar_charrefs` rewrites them before feedparser reads the
feed: a high half followed by a low half is the character they make (as a browser shows
it); any other is U+FFFD, as HTML reads it. Everything else is left byte for byte.
"""

from __future__ import annotations

import re

_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
_REPLACEMENT = b"&#xFFFD;"


def scalar_charrefs(body: bytes) -> bytes:
    """``body`` with every numeric character reference naming a character."""
    if b"&#" not in body:
        return body
    refs = list(_CHARREF.finditer(body))
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
    """The number a reference names; any number too long to be a character is past them all."""
    digits, base = (ref.group(1), 16) if ref.group(1) is not None else (ref.group(2), 10)
    return int(digits, base) if len(digits) <= 8 else 0x110000


def _is_scalar(number: int) -> bool:
    return number <= 0x10FFFF and not 0xD800 <= number <= 0xDFFF
