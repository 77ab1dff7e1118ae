"""The descriptions a feed gives of its media, so that none is taken for an entry's text.

A Media RSS ``<media:description>`` describes a picture or a video (Mastodon sends a
post's picture's alt text so). feedparser files it as the entry's summary when it comes
first, else as one of its contents (every description after the first is a content), and
keeps no mark of where either came from. :func:`media_descriptions` reads them from the
document itself, for :func:`own_texts` to leave them out of an entry's texts.

A document in an encoding that is not ASCII-compatible (UTF-16) gives none.
"""

from __future__ import annotations

import html
import re

from summaries.sources._entries import text_of

_MRSS_PREFIX = re.compile(
    rb"""xmlns:(?P<prefix>[A-Za-z_][\w.-]*)\s*=\s*["']https?://search\.yahoo\.com/mrss/?["']"""
)
_TYPE = re.compile(rb"""\stype\s*=\s*["'](?P<type>[^"']*)["']""")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)


def media_descriptions(body: bytes, encoding: str | None) -> frozenset[str]:
    """The plain text (white space made single) of every media description in ``body``."""
    found: set[str] = set()
    for prefix in {match["prefix"] for match in _MRSS_PREFIX.finditer(body)}:
        name = re.escape(prefix) + rb":description"
        element = re.compile(
            rb"<" + name + rb"(?P<attrs>\s[^<>]*)?>(?P<text>.*?)</" + name + rb"\s*>", re.DOTALL
        )
        for match in element.finditer(body):
            declared = _TYPE.search(match["attrs"] or b"")
            kind = "html" if declared is not None and declared["type"].lower() == b"html" else ""
            raw = match["text"].decode(encoding or "utf-8", errors="replace")
            if text := _key(text_of(_unwrapped(raw), kind)):
                found.add(text)
    return frozenset(found)


def own_texts(summary: str, contents: list[str], media: frozenset[str]) -> tuple[str, str]:
    """An entry's summary and content (the longest of ``contents``), without those that
    are a description of its media, unless those are all the text it has (a video's
    entry)."""
    if media:
        kept = [text for text in contents if _key(text) not in media]
        own_summary = _key(summary) not in media
        if kept or (own_summary and summary):
            summary, contents = (summary if own_summary else ""), kept
    return summary, max(contents, key=len, default="")


def _unwrapped(raw: str) -> str:
    """An element's text as XML gives it: CDATA sections as they are, entities decoded
    elsewhere."""
    parts = _CDATA.split(raw)  # odd parts are the CDATA sections' contents
    return "".join(part if n % 2 else html.unescape(part) for n, part in enumerate(parts))


def _key(text: str) -> str:
    return " ".join(text.split())
