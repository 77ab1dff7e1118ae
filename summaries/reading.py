"""Reading one article from bytes: size cap, binary detection, decoding, HTML extraction."""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO

from summaries.clean import looks_like_text
from summaries.errors import BinaryInputError, EmptyArticleError, InputError, InputTooLargeError
from summaries.models import Article

MAX_INPUT_BYTES = 8_000_000  # an HTML page with its markup; the text limit is applied later
_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.I)
_SNIFF = 2048


def read_path(path: Path, limit: int = MAX_INPUT_BYTES) -> Article:
    """The article in a .txt, .md or .html file."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputTooLargeError(size, limit)
        with path.open("rb") as stream:
            return article_from_bytes(read_capped(stream, limit), name=path.name)
    except FileNotFoundError:
        raise InputError(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder; give one article file.") from None
    except PermissionError:
        raise InputError(f"{path} cannot be read (permission denied).") from None


def read_capped(stream: BinaryIO, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a stream, refusing it once it passes ``limit`` bytes (without reading on)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputTooLargeError(len(data), limit)
    return data


def article_from_bytes(data: bytes, name: str = "", title: str = "") -> Article:
    """Decode ``data`` (UTF-8, or HTML in its own encoding) into an article."""
    if not data.strip():
        raise EmptyArticleError("the input is empty")
    if b"\x00" in data[: _SNIFF * 4]:
        raise BinaryInputError()
    if _is_html(data, name):
        from summaries.sources.pages import article_from_page  # pages builds on this module

        return article_from_page(data, title=title)
    text = data.decode("utf-8", errors="replace")
    if not looks_like_text(text):
        raise BinaryInputError()
    return Article(title=title, text=text, source=name or None)


def _is_html(data: bytes, name: str) -> bool:
    suffix = Path(name).suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"}:
        return True
    if suffix in {".txt", ".md", ".markdown"}:
        return False
    return bool(_HTML_START.match(data[:_SNIFF]))
