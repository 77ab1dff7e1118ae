"""What a feed is once read, whatever its format (RSS, Atom, JSON Feed): :class:`Feed` and
:class:`FeedEntry`, and the field readers every format shares, so an entry's text, title
and id are made the same way from XML and from JSON."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

from summaries.plaintext import has_tags, html_to_text, is_markup, plain_line, strip_unsafe

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed, as plain text and absolute links."""

    id: str  # the guid / Atom id; else the link; else a hash of title and text
    title: str
    link: str | None  # absolute http(s) address of the story, when given
    published: datetime | None  # aware UTC (published, else updated), None when undated
    author: str | None
    summary: str  # plain text of the description / Atom summary
    content: str  # plain text of the full content, "" when the feed carries none
    image: str | None  # absolute address of a media:content / enclosure / thumbnail image
    outlet: str | None = None  # the outlet the item names as its own (RSS <source>), if any
    updated: datetime | None = None  # aware UTC, when the feed says it was last changed

    @property
    def text(self) -> str:
        """The longest text the feed gives for this entry: its content, unless its summary
        is longer (a content that holds less than the description beside it). A picture's
        description is never either (see ``feeds._own_contents``)."""
        return self.content if len(self.content) >= len(self.summary) else self.summary

    @property
    def version(self) -> str:
        """What the entry says as it says it now: the same at every read until the feed
        changes it (its dates, title, link or text), another after."""
        dates = (moment.isoformat() if moment else "" for moment in (self.published, self.updated))
        told = "\n".join((*dates, self.title, self.link or "", self.summary, self.content))
        return hashlib.sha256(told.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: its own title and home page, and its entries in document order (the
    newest first when they were capped, ``left_out`` saying how many were not read)."""

    url: str  # the address it was read from
    title: str
    link: str | None
    version: str  # the format: feedparser's "rss20", "atom10", "rss10"...; "json11"...
    entries: tuple[FeedEntry, ...]
    problem: str | None = None  # what was wrong with a malformed (but readable) feed
    left_out: int = 0  # entries past ``max_entries``, not read
    passed_over: int = 0  # entries read that hold nothing to read (no text, no page)


def text_of(value: object, kind: str = "") -> str:
    """Plain text of a feed field, whatever type (text, html, xhtml) it declares."""
    if not isinstance(value, str) or not value.strip():
        return ""
    # declared plain text may still be markup; where it names a tag ("the <p> tag",
    # "if a < b"), its words are kept
    if kind in HTML_TYPES or is_markup(value):
        text = html_to_text(value)
        if _escaped_twice(value, text):
            text = html_to_text(text)
        return strip_unsafe(text)
    lines = (" ".join(strip_unsafe(line).split()) for line in value.splitlines())
    return "\n".join(line for line in lines if line)


def _escaped_twice(value: str, text: str) -> bool:
    """Whether the HTML ``value`` (``text`` once decoded) was escaped once more than it
    should be ("&amp;lt;p&amp;gt;", or escaped HTML inside CDATA). Such a field escapes
    all its markup, so it has no tag of its own and its decoded text is markup through
    (see ``is_markup``); tags escaped in a field that has tags, or mentioned in a
    sentence ("use the &lt;p&gt; tag"), are the words of a text about HTML: read as
    markup, a mentioned ``<script>`` would hide all that follows it."""
    return not has_tags(value) and is_markup(text)


def line_of(value: object) -> str:
    """A one-line field (a title): plain text whatever type the feed declares, since
    feeds that say "text" still send markup, often escaped once more."""
    return plain_line(value) if isinstance(value, str) else ""


def entry_id(stated: str, link: str | None, title: str, summary: str, content: str) -> str:
    """An entry's identity: the id the feed states, else its link, else a hash of its text
    (the same entry gets the same id at every read). A stated id that is an address with
    credentials (``user:password@``) is kept without them: an id is logged and stored."""
    identity = _without_credentials(stated.strip()) or link
    if identity:
        return identity
    digest = hashlib.sha256(f"{title}\n{summary}\n{content}".encode()).hexdigest()
    return f"sha256:{digest[:32]}"


def _without_credentials(stated: str) -> str:
    """``stated`` without the ``user:password@`` of the address it is, if it is one."""
    try:
        parts = urlsplit(stated)
    except ValueError:
        return stated
    if "@" not in parts.netloc:
        return stated
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def recency(published: datetime | None, number: int) -> tuple[bool, float, int]:
    """The sort key that puts entries newest first: dated ones by date, then the undated,
    ties and undated ones in document order (``number``)."""
    return (published is None, -published.timestamp() if published else 0.0, number)
