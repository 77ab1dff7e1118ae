"""Fitting text into a chat platform's limits, whatever the platform counts.

Discord counts UTF-16 code units (``utf16_units``); Slack counts code points of the text
as sent, entities included (``bot.slack.text.escaped_length``). Every function here takes
that measure as ``length``. A measure must be additive (``length(a + b) == length(a) +
length(b)``) and count every character as at least 1; both platforms' measures are.

No cut falls inside a character as people see it (an accented letter, a flag, a family
emoji of joined people): ``reach`` stops at the edge before. ``clip`` shortens, ``split``
cuts into pieces, ``listing`` names as many as fit and then "+N more", ``web_url`` makes an
article's address safe to link. Escaping is the caller's: Discord escapes before measuring
(markdown escapes count), Slack measures the escaped length of the plain text and escapes
the result (so an entity is never cut).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Callable, Iterable
from urllib.parse import quote, urlsplit, urlunsplit

import idna

Length = Callable[[str], int]
ELLIPSIS = "…"
BREAKS = ("\n", ". ", " ")  # where a piece may end, best first
_JOINER = "\u200d"
_MARKS = ("Mn", "Mc", "Me")  # combining marks: part of the letter before them
# Variation selectors, emoji skin tones and tag characters (a subdivision's flag)
_MODIFIER = re.compile(
    "[\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f\U000e0100-\U000e01ef]"
)
_HOST = re.compile(r"[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?")
# Characters left as they are in a path, query or fragment: the reserved and unreserved ones
# of RFC 3986, and "%" so an address already encoded is not encoded twice.
_URL_SAFE = "/:?#[]@!$&'()*+,;=%~-._"


def code_points(text: str) -> int:
    return len(text)


def utf16_units(text: str) -> int:
    """Length as JavaScript (and so Discord) counts it: a character past U+FFFF is two."""
    return len(text.encode("utf-16-le")) // 2


def reach(text: str, limit: int, length: Length = code_points, start: int = 0) -> int:
    """The end of the longest run ``text[start:end]`` within ``limit``.

    Reads at most ``limit`` characters from ``start`` (each counts at least 1), so cutting
    a long text piece by piece stays linear in its length.
    """
    end = min(len(text), start + max(limit, 0))
    if length(text[start:end]) <= limit:
        return _character_edge(text, end, start)
    fits, too_long = start, end  # some characters count double: search the window
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        if length(text[start:middle]) <= limit:
            fits = middle
        else:
            too_long = middle
    return _character_edge(text, fits, start)


def _character_edge(text: str, end: int, start: int) -> int:
    """``end``, or the nearest place before it where one character as people see it ends:
    not before a mark that belongs to the letter before it (an accent, a vowel sign), a
    joiner, a variation selector or a skin tone; not after a joiner; not inside a flag's
    pair of letters. A run of marks longer than the whole piece is cut inside after all."""
    edge = end
    while start < edge < len(text) and _inside_character(text, edge, start):
        edge -= 1
    return edge if edge > start else end


def _inside_character(text: str, index: int, start: int) -> bool:
    """Whether ``text[index]`` continues the character that ``text[index - 1]`` is part of
    (a run of flag letters is read in pairs from ``start`` at the earliest)."""
    after, before = text[index], text[index - 1]
    if before == _JOINER or after == _JOINER or unicodedata.category(after) in _MARKS:
        return True
    if _MODIFIER.match(after):
        return True
    if _is_flag_letter(after) and _is_flag_letter(before):
        first = index - 1
        while first > start and _is_flag_letter(text[first - 1]):
            first -= 1
        return (index - first) % 2 == 1  # the letter before is the first of a pair
    return False


def _is_flag_letter(char: str) -> bool:
    """A regional indicator: two of them make a country's flag."""
    return "\U0001f1e6" <= char <= "\U0001f1ff"


def clip(
    text: str,
    limit: int,
    *,
    length: Length = code_points,
    tidy: Callable[[str], str] | None = None,
) -> str:
    """``text`` within ``limit``: as it is when it fits, else cut at a word boundary near the
    end (or inside the word) with "…". ``tidy`` may fix the cut end (e.g. drop a dangling
    escape) before the ellipsis goes on."""
    if length(text) <= limit:
        return text
    if limit < length(ELLIPSIS):
        return ""
    head = text[: reach(text, limit - length(ELLIPSIS), length)]
    space = head.rfind(" ")
    if space > max(len(head) * 0.6, len(head) - 40):  # a word boundary near the end
        head = head[:space]
    head = head.rstrip()
    return (tidy(head) if tidy else head) + ELLIPSIS


def split(
    text: str,
    limit: int,
    *,
    length: Length = code_points,
    tidy: Callable[[str], str] | None = None,
) -> list[str]:
    """``text`` in pieces of at most ``limit``, in order, none lost.

    A piece ends after a line, else a sentence, else a word, if one ends in its second
    half; else at its last space; a word longer than a piece is cut inside. Space at the
    cuts is dropped. ``tidy`` may shorten a piece's end (what it drops starts the next).
    """
    pieces: list[str] = []
    start, total = 0, len(text)
    while True:
        while start < total and text[start].isspace():
            start += 1
        if start >= total:
            return pieces
        end = max(reach(text, limit, length, start), start + 1)
        cut = total if end >= total else _break(text, start, end)
        piece = text[start:cut].rstrip()
        if tidy is not None:
            piece = tidy(piece) or piece
        pieces.append(piece)
        start += len(piece)


def _break(text: str, start: int, end: int) -> int:
    half = start + (end - start) // 2
    for mark in BREAKS:
        found = text.rfind(mark, start, end)
        if found > half:
            return found + len(mark)
    space = text.rfind(" ", start, end)
    return space + 1 if space > start else end


def listing(
    names: Iterable[str],
    limit: int,
    *,
    length: Length = code_points,
    separator: str = ", ",
    more: str = ", +{n} more",
    name_limit: int = 100,
) -> str:
    """As many of ``names`` as fit in ``limit``, then ``more`` with how many were left out
    (at least one name is shown when there is one; none gives ""). Blank names are
    skipped, long ones clipped."""
    cleaned = [
        clip(" ".join(name.split()), name_limit, length=length)
        for name in names
        if name and name.strip()
    ]
    shown = min(1, len(cleaned))
    used = 0
    for count, name in enumerate(cleaned, start=1):
        used += length(name) + (length(separator) if count > 1 else 0)
        left = len(cleaned) - count
        if used + (length(more.format(n=left)) if left else 0) <= limit:
            shown = count
        if used > limit:
            break
    text = separator.join(cleaned[:shown])
    left = len(cleaned) - shown
    return text + more.format(n=left) if left else text


def sentence(text: str) -> str:
    """``text`` ending as a sentence does: "channel_not_found" -> "channel_not_found."."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def web_url(url: str | None) -> str | None:
    """An http(s) address as plain ASCII, safe to put in a link: the host in IDNA
    (``bücher.example`` -> ``xn--bcher-kva.example``), the path, query and fragment
    percent-encoded where needed (spaces, ``|``, ``<``, ``>``, non-ASCII); None for any
    other scheme or a malformed address."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = _ascii_host(parts.hostname)
    if host is None:
        return None
    userinfo, at, _ = parts.netloc.rpartition("@")
    netloc = f"{quote(userinfo, safe=_URL_SAFE)}{at}{host}"
    if port is not None:
        netloc += f":{port}"
    return urlunsplit(
        (
            parts.scheme.lower(),
            netloc,
            quote(parts.path, safe=_URL_SAFE),
            quote(parts.query, safe=_URL_SAFE),
            quote(parts.fragment, safe=_URL_SAFE),
        )
    )


def _ascii_host(host: str) -> str | None:
    """``host`` as browsers send it: a non-ASCII one as UTS #46 maps it, nontransitionally
    (``straße.de`` is ``xn--strae-oqa.de``, not ``strasse.de``, another host, as Python's
    IDNA 2003 codec would have it); None when no browser would open it."""
    if ":" in host:  # an IPv6 address, from inside its brackets
        try:
            return f"[{ipaddress.IPv6Address(host)}]"
        except ValueError:
            return None
    try:
        if not host.isascii():
            mapped = idna.uts46_remap(host, std3_rules=False, transitional=False)
            host = ".".join(_ascii_label(label) for label in mapped.split("."))
        encoded = host.lower()
        for label in encoded.split("."):
            if label.startswith("xn--"):
                label[4:].encode("ascii").decode("punycode")  # a broken one opens nothing
    except UnicodeError:  # idna's errors among them
        return None
    return encoded if _HOST.fullmatch(encoded) else None


def _ascii_label(label: str) -> str:
    """A mapped label in ASCII: IDNA 2008's A-label, or for a symbol that UTS #46 takes
    and IDNA 2008 leaves out (``i❤.ws``, which browsers open) its Punycode all the same."""
    if label.isascii():
        return label
    try:  # a joiner out of place or mixed directions raise: browsers refuse them too
        return idna.alabel(label).decode("ascii")
    except idna.InvalidCodepoint:
        return "xn--" + label.encode("punycode").decode("ascii")
