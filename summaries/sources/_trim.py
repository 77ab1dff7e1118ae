"""Cutting a feed document down to its newest entries before feedparser reads it.

feedparser keeps every entry of a document in memory, a few kilobytes each: a 6 MB feed of
50,000 teasers took a worker over 200 MB and 14 s, and 8 MB of tiny items would take a
gigabyte. When only ``count`` entries will be read, :func:`newest_entries` keeps the bytes
of the newest ``count`` (by date, then document order) and what comes before the first
entry and after the last, exactly as they were, so feedparser sees the same feed, shorter.
One streaming pass of expat finds them, holding no more than ``count`` entries' places.
A document expat cannot read (not well-formed, an encoding it does not know) is cut after
its first ``count`` entries instead; feedparser's lenient parser reads what is left.
"""

from __future__ import annotations

import heapq
import re
from datetime import UTC, datetime
from xml.parsers import expat

from summaries.sources._month_names import feed_date
from summaries.sources._zones import email_date

ENTRY_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s/>]")
_ENTRIES = frozenset({"item", "entry"})
# an entry's date as feedparser takes it: published, else updated, else created
_DATES = {
    "pubdate": 0,
    "published": 0,
    "issued": 0,
    "date": 0,
    "updated": 1,
    "modified": 1,
    "created": 2,
}
_DATE_CHARS = 100


def entry_tags(body: bytes) -> int:
    """How many entry (``<item>``, ``<entry>``) start tags ``body`` seems to hold."""
    return sum(1 for _ in ENTRY_TAG.finditer(body))


def newest_entries(body: bytes, count: int) -> tuple[bytes, int]:
    """``body`` with only its ``count`` newest entries, and how many it had in all."""
    scan = _Scan(body, count)
    try:
        scan.run()
    except (expat.ExpatError, ValueError, LookupError):
        return _first_entries(body, count)
    if scan.seen <= count:
        return body, scan.seen
    kept = sorted((start, end) for *_, start, end in scan.heap)
    middle = b"".join(body[start:end] for start, end in kept)
    return body[: scan.first] + middle + body[scan.last :], scan.seen


def _first_entries(body: bytes, count: int) -> tuple[bytes, int]:
    starts = [match.start() for match in ENTRY_TAG.finditer(body)]
    if len(starts) <= count:
        return body, len(starts)
    return body[: starts[count]], len(starts)


class _Scan:
    """One expat pass over a feed: the places of its ``count`` newest entries."""

    def __init__(self, body: bytes, count: int) -> None:
        self.body = body
        self.count = count
        # a heap whose top is the worst entry kept: (-undated, timestamp, -number, start, end)
        self.heap: list[tuple[int, float, int, int, int]] = []
        self.seen = 0
        self.first = -1  # where the first entry starts, and the last one ends
        self.last = 0
        self._depth = 0
        self._entry_depth = -1  # depth of the entry being read; -1 outside entries
        self._start = 0
        self._inner = False  # the entry has content (an empty one is dropped)
        self._stamp: float | None = None
        self._rank = len(_DATES)  # how good the date found so far is (0 is best)
        self._date_rank = -1  # the date element being read, if any
        self._text: list[str] = []
        self._parser = expat.ParserCreate()
        self._parser.UseForeignDTD(True)  # entities such as &nbsp; need no declaration
        self._parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self._parser.ExternalEntityRefHandler = lambda *_: 1  # never read from elsewhere
        self._parser.buffer_text = True
        self._parser.StartElementHandler = self._open
        self._parser.EndElementHandler = self._close
        self._parser.CharacterDataHandler = self._data

    def run(self) -> None:
        self._parser.Parse(self.body, True)

    def _open(self, name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(":")[2].lower()
        if self._entry_depth < 0:
            if local in _ENTRIES:
                self._entry_depth = self._depth
                self._start = self._parser.CurrentByteIndex
                self._inner, self._stamp, self._rank = False, None, len(_DATES)
        else:
            self._inner = True
            rank = _DATES.get(local, len(_DATES))
            if self._depth == self._entry_depth + 1 and rank < self._rank:
                self._date_rank, self._text = rank, []
        self._depth += 1

    def _data(self, text: str) -> None:
        if self._entry_depth >= 0:
            self._inner = self._inner or bool(text.strip())
            if self._date_rank >= 0 and sum(map(len, self._text)) < _DATE_CHARS:
                self._text.append(text)

    def _close(self, name: str) -> None:
        self._depth -= 1
        if self._date_rank >= 0 and self._depth == self._entry_depth + 1:
            stamp = _timestamp("".join(self._text)[:_DATE_CHARS])
            if stamp is not None:
                self._stamp, self._rank = stamp, self._date_rank
            self._date_rank = -1
        if self._depth != self._entry_depth:
            return
        self._entry_depth = -1
        if not self._inner:
            return
        where = self._parser.CurrentByteIndex  # the "</" of the entry's end tag
        end = self.body.index(b">", where) + 1
        if self.first < 0:
            self.first = self._start
        self.last = end
        undated = self._stamp is None
        key = (-int(undated), self._stamp or 0.0, -self.seen, self._start, end)
        self.seen += 1
        if len(self.heap) < self.count:
            heapq.heappush(self.heap, key)
        else:
            heapq.heappushpop(self.heap, key)


def _timestamp(text: str) -> float | None:
    """An RFC 822 or ISO 8601 date as a UTC timestamp; None when it is neither. A date
    that names its zone is read as feeds.py reads it (see _zones), and so is one written
    with its month's name ("Di, 03 Mär 2026", "March 3rd, 2026": see _month_names): an
    entry undated there is undated here too."""
    text = text.strip()
    moment = feed_date(text, lambda: _moment(text))
    if moment is None:
        return None
    try:
        return moment.timestamp()
    except (OverflowError, ValueError, OSError):
        return None


def _moment(text: str) -> datetime | None:
    moment = email_date(text)
    if moment is None:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
