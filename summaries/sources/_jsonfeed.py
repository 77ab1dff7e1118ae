"""JSON Feed (https://www.jsonfeed.org/version/1.1/, and version 1) read into feed entries.

feedparser reads no JSON, so this does, with the standard library's ``json``. A body is
taken for JSON when it starts with ``{`` or ``[`` (whatever its label: servers label feeds
wrongly, and no XML starts so); it is a JSON Feed when it is an object whose ``version``
names jsonfeed.org, or one labelled ``application/feed+json``. Fields are read as the spec
defines them and as :mod:`summaries.sources.feeds` reads RSS and Atom: ``content_html``
through the same HTML-to-text path (else ``content_text``), dates (RFC 3339, else RFC 822
as RSS has them) as aware UTC, an item's authors falling back to the feed's (as the spec
says), ``image`` (else ``banner_image``) as its picture, and its link its ``url``, else its
``external_url``, else its ``id`` when that is a web address (never one of its
``attachments``: a podcast's audio is no page to read).

A malformed JSON Feed is read as far as it can be, as a malformed RSS feed is: an item
that is no object is skipped, a field of the wrong type is read as missing, and both are
said in ``problem``. Broken JSON, JSON that is no feed, or ``items`` that is no list is a
:class:`JsonFeedError` whose message says which.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from summaries.clock import utc_datetime
from summaries.reading import decode_text
from summaries.sources._entries import FeedEntry, entry_id, line_of, recency, text_of
from summaries.sources._media import FEED_JSON, media_type
from summaries.sources._urls import absolute_http
from summaries.sources._zones import email_date, stated_date
from summaries.sources.errors import SourceError

_VERSION = "jsonfeed.org/version/"  # after https:// (or http://, www., as some write it)
_SNIFF = 64  # bytes enough to see where a document starts
_PROBLEMS_SHOWN = 3


class JsonFeedError(SourceError):
    """A body that is JSON, but no JSON Feed that can be read: the message says why."""


def json_text(body: bytes, content_type: str | None) -> str | None:
    """``body`` as text when it is a JSON document (it starts with ``{`` or ``[``), else
    None. JSON is UTF-8 (or UTF-16/32, by its first bytes); bytes that are not are read
    as a page's text is (:func:`summaries.reading.decode_text`): in the charset the server
    names when they decode in it, else the one they show, else as Windows-1252."""
    encoding = json.detect_encoding(body)
    start = body[:_SNIFF].decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n")
    if not start.startswith(("{", "[")):
        return None
    try:
        return body.decode(encoding)
    except UnicodeDecodeError:
        return decode_text(body, _charset(content_type))


def json_feed(text: str, url: str, content_type: str | None) -> dict[str, Any]:
    """The JSON Feed object in ``text`` (fetched from ``url``); JsonFeedError, saying why,
    when the JSON is broken or is no JSON Feed."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}: {error.msg}"
        raise JsonFeedError(
            f"The feed at {url} is broken JSON ({where}), so it cannot be read."
        ) from None
    except (ValueError, RecursionError):  # an integer of thousands of digits; deep nesting
        raise JsonFeedError(
            f"The feed at {url} is JSON that cannot be read (too large a number, or nested "
            "too deeply)."
        ) from None
    if not isinstance(document, dict) or not _is_json_feed(document, content_type):
        raise JsonFeedError(
            f"The address {url} does not serve an RSS, Atom or JSON feed (it is JSON data "
            "of another kind)."
        )
    if not isinstance(document.get("items"), list):
        said = "it has no" if document.get("items") is None else 'its "items" is not a'
        raise JsonFeedError(
            f"The JSON Feed at {url} is malformed: {said} list of items, so no entry can be read."
        )
    return document


def json_version(document: dict[str, Any]) -> str:
    """The format's short name, as feedparser names its own: "json1", "json11"."""
    stated = document.get("version")
    number = stated.strip().rstrip("/").rpartition("/")[2] if isinstance(stated, str) else ""
    return "json" + ("".join(ch for ch in number if ch.isdigit()) or "1")


class JsonFeedReader:
    """One JSON Feed's entries; ``problems`` collects what was wrong with what was read."""

    def __init__(self, document: dict[str, Any], url: str) -> None:
        self.document = document
        self.url = url
        self.problems: list[str] = []
        self.passed_over = 0  # items read that hold nothing to read: no text, no page
        self._place = "the feed"  # where a field is read, for the problems
        self.title = line_of(self._field(document, "title"))
        self.home = absolute_http(self._field(document, "home_page_url"), url)
        self._authors_of_feed = self._authors(document)  # those of an item that names none

    @property
    def problem(self) -> str | None:
        if not self.problems:
            return None
        shown = "; ".join(self.problems[:_PROBLEMS_SHOWN])
        more = len(self.problems) - _PROBLEMS_SHOWN
        return (shown + (f"; and {more} more" if more > 0 else ""))[:300]

    def entries(self, max_entries: int | None = None) -> tuple[tuple[FeedEntry, ...], int]:
        """The entries (newest first, only ``max_entries`` of them, when given; in document
        order otherwise) and how many items there are in all."""
        items = self.document["items"]
        dated: list[tuple[int, dict[str, Any], datetime | None]] = []
        for number, item in enumerate(items, start=1):
            self._place = f"item {number}"
            if isinstance(item, dict):
                dated.append((number, item, self._date(item)))
            else:
                self.problems.append(f"item {number} is not a JSON object and was skipped")
        if max_entries is not None:  # only the newest are read: none other is converted
            dated.sort(key=lambda one: recency(one[2], one[0]))
        found: list[FeedEntry] = []
        for number, item, published in dated:
            if max_entries is not None and len(found) >= max_entries:
                break
            self._place = f"item {number}"
            entry = self._entry(item, published)
            if entry is not None:
                found.append(entry)
            else:
                self.passed_over += 1
        return tuple(found), len(items)

    def _entry(self, item: dict[str, Any], published: datetime | None) -> FeedEntry | None:
        title = line_of(self._field(item, "title"))
        stated_id = self._id(item)
        link = (
            absolute_http(self._field(item, "url"), self.url)
            or absolute_http(self._field(item, "external_url"), self.url)
            or absolute_http(stated_id, None)  # an id that is itself a web address
        )
        if link is not None and link in self._attachments(item):
            link = None  # the item's file (a podcast's audio), not a page to read
        summary = text_of(self._field(item, "summary"))
        content = text_of(self._field(item, "content_html"), "html") or text_of(
            self._field(item, "content_text"), "text"
        )
        if not (link or summary or content):
            return None  # nothing to read: no text, and no page to find it on
        return FeedEntry(
            id=entry_id(stated_id, link, title, summary, content),
            title=title,
            link=link,
            published=published,
            author=self._authors(item) or self._authors_of_feed,
            summary=summary,
            content=content,
            image=absolute_http(self._field(item, "image"), self.url)
            or absolute_http(self._field(item, "banner_image"), self.url),
            updated=_moment(item["date_modified"])
            if isinstance(item.get("date_modified"), str)
            else None,
        )

    def _field(self, holder: dict[str, Any], name: str, kind: type = str) -> Any:
        """``holder[name]`` when it is of the ``kind`` the spec gives it; a value of another
        type is said among the problems and read as missing."""
        value = holder.get(name)
        if value is None or (isinstance(value, kind) and not isinstance(value, bool)):
            return value
        shown = {str: "text", dict: "an object", list: "a list"}[kind]
        self.problems.append(f'{self._place}: "{name}" is not {shown}')
        return None

    def _id(self, item: dict[str, Any]) -> str:
        """The item's id as text: the spec has readers make text of a number."""
        value = item.get("id")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        return self._field(item, "id") or ""

    def _date(self, item: dict[str, Any]) -> datetime | None:
        for name in ("date_published", "date_modified"):
            value = self._field(item, name)
            moment = _moment(value) if value else None
            if moment is not None:
                return moment
        return None

    def _attachments(self, item: dict[str, Any]) -> set[str]:
        """The absolute addresses of the files an item attaches (audio, video...)."""
        found = self._field(item, "attachments", list) or []
        return {
            address
            for attachment in found
            if isinstance(attachment, dict)
            and (address := absolute_http(attachment.get("url"), self.url))
        }

    def _authors(self, holder: dict[str, Any]) -> str | None:
        """The names of ``authors`` (version 1.1), else of ``author`` (version 1)."""
        people = self._field(holder, "authors", list) or []
        if not people:
            one = self._field(holder, "author", dict)
            people = [one] if one else []
        names = [line_of(person.get("name")) for person in people if isinstance(person, dict)]
        return ", ".join(dict.fromkeys(name for name in names if name)) or None


def _moment(value: str) -> datetime | None:
    """A date as aware UTC: RFC 3339 as the spec has it (which allows "t" and "z"), else an
    RSS date (RFC 822: "Tue, 03 Mar 2026 08:15:00 +0200"), as feeds made from an RSS
    template write it, read as an RSS feed's are (see _zones); None for neither."""
    return stated_date(value, lambda: _rfc3339_or_822(value))


def _rfc3339_or_822(value: str) -> datetime | None:
    moment = utc_datetime(value.upper())
    if moment is not None:
        return moment
    parsed = email_date(value)  # without a zone ("-0000"): UTC
    return None if parsed is None else utc_datetime(parsed.isoformat())


def _is_json_feed(document: dict[str, Any], content_type: str | None) -> bool:
    """Whether ``document`` is a JSON Feed: its version names the spec's address (by http
    or https, with "www." or without, in any case), or its label says so."""
    version = document.get("version")
    if isinstance(version, str):
        address = version.strip().lower().partition("://")[2].removeprefix("www.")
        if address.startswith(_VERSION):
            return True
    return media_type(content_type) == FEED_JSON


def _charset(content_type: str | None) -> str | None:
    for parameter in (content_type or "").split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'")  # (one Python does not know is passed over)
    return None
