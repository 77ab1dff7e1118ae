"""Named entity references, made into what XML reads as a browser reads them.

XML knows five named entities (``&amp;``, ``&lt;``...) and the ones a document declares
in its DOCTYPE; any other name makes the whole document "malformed" to feedparser's XML
parser, which hands it to its fallback parser (and the feed is reported malformed at
every read). :func:`xml_entities` rewrites, in the document's text (not in its comments,
CDATA sections, processing instructions or DOCTYPE, whichever begins first; the
DOCTYPE's declarations are taken out once read):

- a name the DOCTYPE declares with a value of its own (``<!ENTITY desk "Metro Desk">``)
  as that value, read as text. Only such internal values are read: an external entity
  (``SYSTEM "file:..."``) is never fetched or opened, and an entity whose value grows
  past ``MAX_VALUE`` bytes, or names itself (the "billion laughs": each entity ten of
  the one before), is one that cannot be read. Nor may the values read add more than
  ``MAX_ADDED`` bytes to the document all told;
- HTML's names (``&nbsp;``, ``&mdash;``) as the numeric references of their characters;
- any other name, or a declared one that cannot be read, as the text it is written
  with (``&foo;`` reads "&foo;"), as a browser shows it;
- an ``&`` that begins no reference at all ("AT&T", "?a=1&b=2") as the ``&`` it is
  (feedparser's fallback parser would read "AT&T;");
- a ``]]>`` (XML allows it only as a CDATA section's end; a template writes it in a
  description, "a ]]> b") as the text it is, ``]]&gt;``.

A name is as long as it is written: a long one is read or kept as written like any other
(its letters are looked at once, by the reference they follow).
"""

from __future__ import annotations

import re
from html.entities import html5

MAX_VALUE = 4096  # bytes one declared entity may read as
MAX_ADDED = 1 << 20  # bytes declared entities may add to a document all told
_MAX_DEPTH = 8  # entities within entities

# an ampersand XML cannot read as it stands: a name not XML's own (the name its group),
# or one beginning no reference at all
_UNREAD = re.compile(
    rb"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#[xX][0-9a-fA-F]+);)"
    rb"(?:([A-Za-z_:][A-Za-z0-9_.:-]*);)?"
)
# what is no text: whichever of these begins first holds the others' openings as its own;
# one never closed holds the rest of the document (its end is searched for once, not
# again from each opening after it)
NOT_TEXT = re.compile(
    rb"<(?:!--.*?(?:-->|\Z)|!\[CDATA\[.*?(?:\]\]>|\Z)|\?.*?(?:\?>|\Z)|!DOCTYPE(?:[^\[>]*\["
    # its internal subset, to the "]>" that is neither in a comment nor in quotes (a
    # comment there ends at its first "-->": one that could reach over the next ones
    # would try 2**n ways of reading n comments in a subset never closed)
    rb"(?:<!--(?:(?!-->).)*(?:-->|\Z)|\"[^\"]*(?:\"|\Z)|'[^']*(?:'|\Z)|[^\]\"'<]|<(?!!--)"
    rb"|\](?!\s*>))*(?:(?P<subset_end>\]\s*>)|\Z)|[^>]*(?:>|\Z)))",
    re.DOTALL | re.IGNORECASE,
)
# a value is read as text, in an element or in an attribute's quotes
_IN_TEXT = ((b"<", b"&lt;"), (b">", b"&gt;"), (b'"', b"&quot;"), (b"'", b"&apos;"))
_CDATA_END = b"]]>"
_DECLARED = re.compile(rb"<!ENTITY\s+([A-Za-z_:][A-Za-z0-9_.:-]*)\s+(?:\"([^\"]*)\"|'([^']*)')\s*>")


def numbered(body: bytes) -> bytes:
    """``xml_entities`` of a body that writes ``&`` as ASCII does."""
    if _CDATA_END not in body and (b"&" not in body or _UNREAD.search(body) is None):
        return body
    pieces: list[bytes] = []
    done = 0
    declared = _Declared(b"")
    for found in NOT_TEXT.finditer(body):
        pieces.append(declared.rewrite(body[done : found.start()]))
        piece = found[0]
        if found["subset_end"]:  # a DOCTYPE's internal subset, read whole
            declared = _Declared(piece)
            piece = piece[: piece.index(b"[")].rstrip() + b">"  # its entities are read
        pieces.append(piece)
        done = found.end()
    pieces.append(declared.rewrite(body[done:]))
    return b"".join(pieces)


class _Declared:
    """The entities a DOCTYPE declares, read with the bounds above."""

    def __init__(self, doctype: bytes) -> None:
        self._values: dict[bytes, bytes] = {}
        for found in _DECLARED.finditer(doctype):  # the first declaration of a name holds
            value = found[2] if found[2] is not None else found[3]
            self._values.setdefault(found[1], value)
        # each as text (None when unreadable), and the budget it was too deep with if so
        self._read: dict[bytes, tuple[bytes | None, int | None]] = {}
        self._added = 0

    def rewrite(self, text: bytes) -> bytes:
        """``text`` (no comment, CDATA...) with each named reference as XML reads it, and
        each ``]]>`` as the text it is."""
        text = text.replace(_CDATA_END, b"]]&gt;")
        if b"&" not in text:
            return text
        return _UNREAD.sub(self._reference, text)

    def _reference(self, found: re.Match[bytes]) -> bytes:
        name = found[1]
        if name is None:
            return b"&amp;"  # beginning no reference
        if name in self._values:
            value, _ = self._value(name, ())
            if value is not None and self._added + len(value) <= MAX_ADDED:
                self._added += len(value)
                return value
            return _as_written(found)
        return _known(found)

    def _value(self, name: bytes, within: tuple[bytes, ...]) -> tuple[bytes | None, bool]:
        """The declared entity ``name`` as text XML reads, None when it cannot be read
        (too long, too deep, or within itself); and whether it was too deep to read here
        (nearer the text, it may be read)."""
        budget = _MAX_DEPTH - len(within)  # entities it may hold within one another
        if name in self._read:
            value, too_deep_with = self._read[name]
            if too_deep_with is None or too_deep_with >= budget:
                return value, too_deep_with is not None
        if name in within:
            return None, False
        if budget <= 0:
            return None, True
        unreadable = deep = False
        grown = 0  # bytes the references read add: given up past MAX_VALUE, not after

        def inner(found: re.Match[bytes]) -> bytes:
            nonlocal unreadable, deep, grown
            if unreadable:
                return b""
            if found[1] not in self._values:
                return self._reference(found)
            value, too_deep = self._value(found[1], (*within, name))
            grown += len(value or b"")
            deep = deep or too_deep
            unreadable = value is None or grown > MAX_VALUE
            return value or b""

        text = self._values[name]
        for sign, reference in _IN_TEXT:
            text = text.replace(sign, reference)
        value: bytes | None = _UNREAD.sub(inner, text)
        if unreadable or len(value) > MAX_VALUE:
            value = None
        deep = deep and value is None
        self._read[name] = (value, budget if deep else None)
        return value, deep


def _known(found: re.Match[bytes]) -> bytes:
    """A reference to a name neither XML nor the document declares: HTML's as the numeric
    references of its characters, any other as the text it is written with."""
    name = found[1]
    characters = html5.get(name.decode("ascii") + ";")
    if characters is None:
        return _as_written(found)
    return b"".join(b"&#%d;" % ord(character) for character in characters)


def _as_written(found: re.Match[bytes]) -> bytes:
    """A reference kept as the text it is written with: its ampersand escaped."""
    return b"&amp;" + found[0][1:]
