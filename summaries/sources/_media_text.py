"""The descriptions a feed gives of its media, so that none is taken for an entry's text.

A Media RSS ``<media:description>`` describes a picture or a video (Mastodon sends a
post's picture's alt text so), or, outside any item, the feed itself. feedparser files
an item's as the entry's summary when it comes first, else as one of its contents (every
description after the first is a content), and keeps no mark of where either came from.
:func:`media_descriptions` reads them from the document itself, for :func:`own_texts` to
leave them out of an entry's texts: a video's description is still the text of an entry
that has no other (a video channel's), a picture's never is (what a picture shows is no
news told), nor is the feed's own.

A document in an encoding that is not ASCII-compatible (UTF-16) gives none.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from summaries.sources._entries import text_of

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")
_MRSS_PREFIX = re.compile(
    rb"""xmlns:(?P<prefix>[A-Za-z_][\w.-]*)\s*=\s*["']https?://search\.yahoo\.com/mrss/?["']"""
)
_ATTRIBUTE = re.compile(rb"""\s(?P<name>[\w:.-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
_ENTRY = rb"(?:[A-Za-z_][\w.-]*:)?(?:item|entry)"
_TYPE = re.compile(rb"""\stype\s*=\s*["'](?P<type>[^"']*)["']""")


@dataclass(frozen=True, slots=True)
class MediaTexts:
    """The media descriptions of a feed document (white space made single): ``all`` of
    them, and how many times each text is one that is never an entry's own text (a
    picture's, the feed's)."""

    all: frozenset[str] = frozenset()
    not_text: Counter[str] = field(default_factory=Counter)


def is_image_name(address: object) -> bool:
    """Whether an address names a picture file by its ending (".jpg", ".png"...)."""
    return isinstance(address, str) and urlsplit(address).path.lower().endswith(IMAGE_SUFFIXES)


def media_descriptions(body: bytes, encoding: str | None) -> MediaTexts:
    """Every media description in ``body``, each known for what it describes. Its tags,
    and those of the entries and media around them, are found in one pass, each start
    paired with the end that follows it."""
    found: set[str] = set()
    not_text: Counter[str] = Counter()
    for prefix in {match["prefix"] for match in _MRSS_PREFIX.finditer(body)}:
        scan = _Scan(body, re.escape(prefix), encoding or "utf-8")
        found.update(scan.texts)
        not_text.update(scan.not_text)
    return MediaTexts(frozenset(found), not_text)


class _Scan:
    """One pass over the tags that tell what a description describes: entries, media
    groups, media contents and the descriptions themselves."""

    def __init__(self, body: bytes, prefix: bytes, encoding: str) -> None:
        self.texts: list[str] = []
        self.not_text: list[str] = []
        self._body, self._encoding = body, encoding
        self._entries = 0  # entries open
        self._content: bool | None = None  # the open media content's: a picture's?
        self._group: list[bool] | None = None  # the open group's contents: pictures?
        self._in_group: list[str] = []  # the open group's own descriptions
        media = prefix + rb":(?P<media>description|group|content)"
        tags = re.compile(
            rb"<(?P<end>/)?(?:(?P<entry>" + _ENTRY + rb")|" + media + rb")"
            rb"(?P<attrs>\s[^<>]*?)?(?P<empty>/)?>"
        )
        self._start: re.Match[bytes] | None = None  # the open description's start tag
        for tag in tags.finditer(body):
            self._tag(tag)

    def _tag(self, tag: re.Match[bytes]) -> None:
        end, empty = tag["end"] is not None, tag["empty"] is not None
        if tag["entry"]:
            if not empty:
                self._entries = max(0, self._entries + (-1 if end else 1))
            return
        kind = tag["media"]
        if kind == b"description":
            if not end and not empty:
                self._start = tag
            elif end and self._start is not None:
                self._description(self._body[self._start.end() : tag.start()])
                self._start = None
        elif kind == b"content":
            picture = _is_picture(tag["attrs"] or b"")
            if not end and self._group is not None:
                self._group.append(picture)
            self._content = None if end or empty else picture
        elif not end and not empty:  # a group
            self._group, self._in_group = [], []
        elif end and self._group is not None:
            self.texts.extend(self._in_group)
            if self._group and all(self._group):  # a group of pictures alone
                self.not_text.extend(self._in_group)
            self._group, self._in_group = None, []

    def _description(self, raw_bytes: bytes) -> None:
        attrs = self._start["attrs"] if self._start is not None else None
        raw = raw_bytes.decode(self._encoding, "replace")
        text = _key(text_of(_unwrapped(raw), _kind(attrs)))
        if not text:
            return
        if self._entries == 0:  # the feed's own
            self.texts.append(text)
            self.not_text.append(text)
        elif self._content is not None:  # inside a media content: a picture's, or not
            self.texts.append(text)
            if self._content:
                self.not_text.append(text)
        elif self._group is not None:  # known once the group's contents all are
            self._in_group.append(text)
        else:
            self.texts.append(text)


def _is_picture(attrs: bytes) -> bool:
    """Whether a media content's attributes say it is a picture: its medium, else its
    type, else its address's ending."""
    found = {m["name"].lower(): (m["dq"] or m["sq"] or b"") for m in _ATTRIBUTE.finditer(attrs)}
    medium = found.get(b"medium", b"").strip().lower()
    if medium:
        return medium == b"image"
    kind = found.get(b"type", b"").strip().lower()
    if kind:
        return kind.startswith(b"image/")
    return is_image_name(html.unescape(found.get(b"url", b"").decode("ascii", "replace")))


def _kind(attrs: bytes | None) -> str:
    """The type a media description declares: "html", or "" (plain text)."""
    found = _TYPE.search(attrs or b"")
    return "html" if found is not None and found["type"].lower() == b"html" else ""


def own_texts(summary: str, contents: list[str], media: MediaTexts) -> tuple[str, str]:
    """An entry's summary and content (the longest of ``contents``), without those that
    are a description of its media; when those are all the text it has, without those
    that are never an entry's text (a picture's, the feed's: as many times as the feed
    gives them, so an item's own text that says what its picture's does stays)."""
    if media.all:
        kept = [text for text in contents if _key(text) not in media.all]
        own_summary = _key(summary) not in media.all
        if kept or (own_summary and summary):
            summary, contents = (summary if own_summary else ""), kept
        else:
            left = Counter(media.not_text)
            texts = []
            for text in (summary, *contents):
                if left[_key(text)] > 0:
                    left[_key(text)] -= 1
                    text = ""
                texts.append(text)
            summary, contents = texts[0], [text for text in texts[1:] if text]
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
