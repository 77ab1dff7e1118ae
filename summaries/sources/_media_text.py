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


def media_descriptions(body: bytes, encoding: str | None) -> frozenset[str]:
    """The plain text (white space made single) of every media description in ``body``.
    Its tags are found in one pass, each start paired with the end that follows it."""
    found: set[str] = set()
    for prefix in {match["prefix"] for match in _MRSS_PREFIX.finditer(body)}:
        name = re.escape(prefix) + rb":description"
        tags = re.compile(rb"<" + name + rb"(?P<attrs>\s[^<>]*)?(?<!/)>|</" + name + rb"\s*>")
        start: re.Match[bytes] | None = None
        for tag in tags.finditer(body):
            if not tag[0].startswith(b"</"):
                start = tag
            elif start is not None:
                raw = body[start.end() : tag.start()].decode(encoding or "utf-8", "replace")
                if text := _key(text_of(_unwrapped(raw), _kind(start["attrs"]))):
                    found.add(text)
                start = None
    return frozenset(found)


def _kind(attrs: bytes | None) -> str:
    """The type a media description declares: "html", or "" (plain text)."""
    declared = _TYPE.search(attrs or b"")
    return "html" if declared is not None and declared["type"].lower() == b"html" else ""


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
    parts: list[str] = []
    while (at := raw.find("<![CDATA[")) >= 0:
        parts.append(html.unescape(raw[:at]))
        section, _, raw = raw[at + 9 :].partition("]]>")
        parts.append(section)
    parts.append(html.unescape(raw))
    return "".join(parts)


def _key(text: str) -> str:
    return " ".join(text.split())
