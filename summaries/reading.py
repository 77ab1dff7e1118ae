"""Reading one article from bytes: size cap, binary detection, decoding, HTML extraction."""

from __future__ import annotations

import codecs
import errno
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from summaries.clean import looks_like_text
from summaries.errors import BinaryInputError, EmptyArticleError, InputError, InputTooLargeError
from summaries.legacy_charsets import (
    UNSHOWN,
    closest_reading,
    most_plausible,
    page_charsets,
    reads_as_another_language,
)
from summaries.markdown import MARKDOWN_SUFFIXES
from summaries.models import Article
from summaries.plaintext import input_text
from summaries.text_files import TEXT_SUFFIXES, text_file_article
from summaries.unmarked_utf16 import binary_refusal

MAX_INPUT_BYTES = 8_000_000  # an HTML page with its markup; the text limit is applied later
# Read as UTF-8 though some bytes are not (see _is_mostly_utf8)
_MOSTLY_UTF8 = "utf-8 but a few bytes"
# How many characters that are UTF-8 sequences a stray byte may come with, at the least:
# text in a legacy charset almost never forms such sequences ("Ã©"), and a page that has
# one among its own letters has far more of them that form none.
_UTF8_SHARE = 10
_META_CHARSET = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]{1,40})""", re.I)
_SNIFF = 2048
# How the files that sites serve as pages open: images, archives, a Word or Excel file of
# old, web fonts (a PDF: see _PDF_HEADER).
_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "an image",
    b"GIF87a": "an image",
    b"GIF89a": "an image",
    b"\xff\xd8\xff": "an image",
    b"PK\x03\x04": "an archive (or an office document)",
    b"\x1f\x8b": "an archive",
    b"7z\xbc\xaf\x27\x1c": "an archive",
    b"Rar!\x1a\x07": "an archive",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "a Word or Excel file",
    b"wOFF": "a web font",
    b"wOF2": "a web font",
}
_SIGNATURE_STARTS = tuple(_SIGNATURES)  # (for bytes.startswith, built once)
# Labels that browsers read as Windows-1252 (the WHATWG Encoding standard): pages labelled
# so are in it, their curly quotes and dashes at bytes that ISO-8859-1 makes controls.
# ISO-8859-1 itself after, for a byte Windows-1252 leaves undefined.
_WEB_READINGS = {name: ("cp1252", "iso8859-1") for name in ("iso8859-1", "ascii")}
# A PDF's header line, its version and the end of the line (or the comment of binary bytes
# that may follow on it): one whose streams are not compressed holds no NUL byte. A text
# that opens with the name of the format goes on with words ("%PDF-1.4 is the version ...").
_PDF_HEADER = re.compile(rb"%PDF-\d\.\d[ \t]*[\r\n%]")
# How far in a binary answer a PDF's header may start: readers take it anywhere in the
# first kilobyte, after a byte order mark or the blank lines a script printed first.
_PDF_SEEN = 1024
_SHOWN_CHARS = 120  # a path in a message: its start and end, not four thousand characters


def read_path(path: Path, limit: int = MAX_INPUT_BYTES) -> Article:
    """The article in a .txt, .md or .html file."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputTooLargeError(size, limit)
        with path.open("rb") as stream:
            return article_from_bytes(read_capped(stream, limit), path.name, text_file=True)
    except IsADirectoryError:
        raise InputError(f"{shown(path)} is a folder; give one article file.") from None
    except OSError as error:
        raise InputError(path_problem(path, error)) from None
    except ValueError:  # a NUL character in the name
        raise InputError(f"{shown(path)} is not a valid file name.") from None


# Path("") is the folder the process runs in, which an empty name never means
EMPTY_FOLDER = 'The folder\'s name is empty: name a folder ("." is the one the bot runs in).'


def path_problem(path: Path | str, error: OSError, noun: str = "file") -> str:
    """Why the system refused ``path``, as a sentence for a person.

    A name too long, a path through a file or round a loop of links is the user's mistake,
    not the bot's: it gets a plain sentence, never an incident.
    """
    reasons = {
        errno.ENOENT: f"There is no {noun} {shown(path)}.",
        errno.ENAMETOOLONG: f"That {noun} name is too long: {shown(path)}.",
        errno.ENOTDIR: f"{shown(path)} goes through a file as if it were a folder.",
        errno.ELOOP: f"{shown(path)} leads round a loop of symbolic links.",
        errno.EACCES: f"{shown(path)} cannot be read (permission denied).",
        errno.EPERM: f"{shown(path)} cannot be read (permission denied).",
    }
    found = reasons.get(error.errno or 0)
    if found:
        return found
    return f"{shown(path)} cannot be read ({error.strerror or 'a system error'})."


def shown(path: Path | str) -> str:
    """``path`` for a message: whole when short, else its start and end around an ellipsis."""
    text = str(path)
    if len(text) <= _SHOWN_CHARS:
        return text
    return f"{text[: _SHOWN_CHARS - 40]}\u2026{text[-39:]}"


def read_capped(stream: BinaryIO, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a stream, refusing it once it passes ``limit`` bytes (without reading on)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputTooLargeError(None, limit)  # (how much more is not read)
    return data


def article_from_bytes(
    data: bytes, name: str = "", title: str = "", *, text_file: bool = False
) -> Article:
    """Decode ``data`` (UTF-8, or HTML in its own encoding) into an article. With
    ``text_file``, ``name`` is a file's name, and a .txt or .md file is read as one (its
    front matter, title and body: :func:`summaries.text_files.text_file_article`)."""
    data = utf8_if_wide(data)
    if not data.strip():
        raise EmptyArticleError("the input is empty")
    if is_binary(data):
        raise binary_refusal(data)
    if _is_html(data, name):
        from summaries.sources.pages import article_from_page  # pages builds on this module

        return article_from_page(data, title=title)
    text = decode_text(data)
    if not looks_like_text(text):
        raise BinaryInputError()
    if text_file and Path(name).suffix.lower() in TEXT_SUFFIXES:
        article = text_file_article(text, Path(name).suffix, source=name, made_title=False)
        return replace(article, title=title or article.title)
    return Article(title=title, text=input_text(text), source=name or None)


# UTF-32's marks first: UTF-32-LE's starts with UTF-16-LE's
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def utf8_if_wide(data: bytes) -> bytes:
    """UTF-16 or UTF-32 text that starts with its byte order mark (what Windows saves as
    "Unicode"), re-encoded as UTF-8; any other bytes as they are. Checked before the test
    for binary data, which every other zero byte in such a text would fail.
    """
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).encode("utf-8")
            except UnicodeDecodeError:  # a mark and then no such text: left to that test
                return data
    return data


def is_binary(data: bytes) -> bool:
    """A file's signature at the start (see _SIGNATURES), or NUL bytes near it: a document,
    an image or an archive, never a text or a web page, whatever it was labelled."""
    return (
        data.startswith(_SIGNATURE_STARTS)
        or _PDF_HEADER.match(data) is not None
        or data.find(b"\x00", 0, _SNIFF * 4) >= 0
    )


def binary_kind(data: bytes) -> str:
    """What binary ``data`` is, for a person: "a PDF file", "an image"... or "a binary
    file" when its start does not say."""
    for signature, kind in _SIGNATURES.items():
        if data.startswith(signature):
            return kind
    # (after the signatures: an archive may hold a PDF near its start)
    return "a PDF file" if _PDF_HEADER.search(data, 0, _PDF_SEEN) else "a binary file"


def decode_text(data: bytes, declared: str | None = None, *, html: bool = False) -> str:
    """``data`` as text, never failing: as UTF-8 when its bytes beyond ASCII are that; else
    in the charset ``declared`` (by an HTTP header), or for ``html`` by a ``<meta charset>``
    (first when the header names only a server's default: see :func:`_charsets`), when the
    bytes decode cleanly in it; else as UTF-8 still when all but a few stray bytes are
    that (U+FFFD for each: see _is_mostly_utf8); else the charset the bytes themselves
    show; else Windows-1252.

    Sites mislabel their pages: Latin-1 bytes sent as ``charset=utf-8`` are common, and
    decoding them as labelled would put U+FFFD where every accented letter was.
    """
    tried: set[str] = set()
    for label in _charsets(data, declared, html):
        if label == _MOSTLY_UTF8:
            return data.decode("utf-8", errors="replace")
        try:
            codec = codecs.lookup(label).name
        except LookupError:  # a label Python does not know ("x-user-defined", a typo)
            continue
        for name in _WEB_READINGS.get(codec, (codec,)):
            if name in tried:
                continue
            tried.add(name)
            try:
                return data.decode("utf-8-sig" if name == "utf-8" else name)
            except UnicodeDecodeError:
                continue
    return data.decode("cp1252", errors="replace")


def _charsets(data: bytes, declared: str | None, html: bool) -> Iterator[str]:
    """The charsets to try, most trusted first; detection (slow) only if it comes to that.

    Bytes beyond ASCII that decode as UTF-8 are UTF-8, whatever a label says: text in a
    legacy charset almost never forms valid UTF-8 sequences, while UTF-8 text decodes
    without error as Windows-1252 or GBK, as mojibake. A header naming ISO-8859-1 or
    Windows-1252 (HTTP/1.1's old default, what a server sends when not told) gives way to
    the page's own ``<meta charset>``: in those every byte decodes, so the header cannot
    be caught out, and a page in Polish or Chinese would be read as Latin letters.
    """
    if not data.isascii() and _is_utf8(data):
        yield "utf-8"
    meta = _META_CHARSET.search(data[: _SNIFF * 2]) if html else None
    own = [meta.group(1).decode("ascii")] if meta else []
    labels = [declared] if declared else []
    yield from own + labels if _is_default_label(declared) else labels + own
    yield "utf-8"
    if _is_mostly_utf8(data, html):
        yield _MOSTLY_UTF8
    yield from _detected(data, page_charsets(data) if html else ())
    yield "cp1252"


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _is_mostly_utf8(data: bytes, html: bool) -> bool:
    """Whether all but a few of the characters beyond ASCII in ``data`` are UTF-8 sequences
    (see _UTF8_SHARE): a UTF-8 page with a stray byte or a cut sequence, to be read as
    UTF-8 with U+FFFD there, not as a legacy charset reads every one of its letters. Of a
    page, in its shown text only: a page in a legacy charset may carry a script or style
    in UTF-8, a widget's, whose letters no one reads."""
    if html:  # (Latin-1 keeps every byte as it is)
        data = UNSHOWN.sub(" ", data.decode("latin-1")).encode("latin-1")
    read = data.decode("utf-8", errors="replace")
    stray = read.count("\ufffd")
    beyond = len(read) - len(read.encode("ascii", errors="ignore"))
    return beyond - stray >= _UTF8_SHARE * stray


def _is_default_label(label: str | None) -> bool:
    """Whether ``label`` names ISO-8859-1 or Windows-1252 (see :func:`_charsets`)."""
    try:
        return label is not None and codecs.lookup(label).name in {"iso8859-1", "cp1252"}
    except LookupError:
        return False


def _detected(data: bytes, family: Sequence[str] = ()) -> list[str]:
    """charset_normalizer's best guess, among the ``family`` of charsets written for the
    page's language when it has one (see :mod:`summaries.legacy_charsets`). Without one,
    unless it finds a multi-byte charset (GBK, Shift_JIS), the single-byte charset whose
    reading is the most plausible text (see most_plausible): on a short text its scores
    barely differ, and it read a Polish page in ISO-8859-2 as Windows-1252 ("Gdañsk").
    Else Windows-1252 (the usual legacy charset of the web) first when it rates that one
    at least as coherent: it would read "après" as "aprčs". UTF-16 or -32 only with a byte
    order mark.
    """
    from charset_normalizer import from_bytes
    from charset_normalizer.utils import is_multi_byte_encoding

    if family:
        return _in_family(data, family)
    wide = ("utf_16", "utf_32")
    matches = [m for m in from_bytes(data) if m.bom or not m.encoding.startswith(wide)]
    if not matches or not is_multi_byte_encoding(matches[0].encoding):
        plausible = most_plausible(data)
        if plausible is not None:
            return [plausible]
    if not matches:
        return []
    best = matches[0]
    western = any(
        "cp1252" in (m.encoding, *m.could_be_from_charset) and m.coherence >= best.coherence
        for m in matches
    )
    return ["cp1252", best.encoding] if western else [best.encoding]


def _in_family(data: bytes, family: Sequence[str]) -> list[str]:
    """charset_normalizer's best guess for ``data`` in ``family`` (of those it rates, the
    one that reads the stated language's letters best: see closest_reading); but
    Windows-1252 first when it reads the bytes at least as well and, so read, the page is
    in another language than its ``<html lang>`` states (a template's lang: a French page
    marked "pl" read as Windows-1250 would turn "très" into "trčs").

    charset_normalizer skips a charset like one it found too chaotic ("iso8859_2 is
    deemed too similar to code page cp1250"), and a Polish page in ISO-8859-2 read as
    Windows-1250 shows "±" and "¶" for "ą" and "ś": each charset of the family that one
    call leaves unrated is asked about alone."""
    from charset_normalizer import from_bytes

    found = list(from_bytes(data, cp_isolation=[*family, "cp1252"]))
    own = [m for m in found if m.encoding in family]
    rated = {m.encoding for m in own}
    for charset in (charset for charset in family if charset not in rated):
        own += from_bytes(data, cp_isolation=[charset])  # (a look-alike it skipped)
    own.sort()  # (charset_normalizer's order: the least chaos, then the most coherence)
    if not own:
        return []
    closest = closest_reading(data, [m.encoding for m in own])
    best = next((m for m in own if m.encoding == closest), own[0])
    western = [m for m in found if m.encoding == "cp1252"]
    if (
        western
        and (western[0].chaos, -western[0].coherence) <= (best.chaos, -best.coherence)
        and reads_as_another_language(data, "cp1252")
    ):
        return ["cp1252", best.encoding]
    return [best.encoding]


def _is_html(data: bytes, name: str) -> bool:
    suffix = Path(name).suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"}:
        return True
    if suffix == ".txt" or suffix in MARKDOWN_SUFFIXES:
        return False
    from summaries.sources._markup import is_html_document  # sources builds on this module

    return is_html_document(data)
