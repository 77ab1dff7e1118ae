"""Dates that name their time zone by its abbreviation ("Tue, 03 Mar 2026 09:00:00 CEST").

RFC 822 names only the zones of the United States (and UT, GMT, Z); feedparser reads any
other name as UTC, so a German feed's "09:00 CEST" would be stored two hours late. The
zones below are the ones feeds use whose abbreviation means one offset only ("IST" is
India's, Ireland's or Israel's: it is left to feedparser, as it was).

A zone written in lower case ("09:00 cest", "10:00 gmt") is the zone of its upper-case
name: feedparser takes it for UTC or refuses the date, so RFC 822's own names are read
here too when they are written so. So is UTC shifted by hours ("GMT+2", "UTC-03:30").
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_tz

# hours east of UTC
_OFFSETS = {
    "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "MET": 1, "MEST": 2, "EET": 2,
    "EEST": 3, "MSK": 3, "SAST": 2, "WIB": 7, "HKT": 8, "SGT": 8, "AWST": 8, "JST": 9,
    "KST": 9, "ACST": 9.5, "ACDT": 10.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
    "AKST": -9, "AKDT": -8, "HST": -10,
}  # fmt: skip
# RFC 822's own, which feedparser reads when they are in upper case
_RFC822 = {
    "UT": 0, "UTC": 0, "GMT": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
    "MDT": -6, "PST": -8, "PDT": -7,
}  # fmt: skip
_NAMED = re.compile(r"(?P<time>.*\d)\s*(?P<zone>[A-Za-z]{2,4})\s*")
# UTC named, then shifted by hours: "GMT+2", "utc-03:30" (feedparser reads the first
# as no date, the second as UTC); four figures after it ("GMT+0200") are read alike
_SHIFTED = re.compile(
    r"(?P<time>.*\d)\s*(?:GMT|UTC?)\s*"
    r"(?P<sign>[+-])(?P<hours>\d{1,2})(?::?(?P<minutes>\d\d))?\s*",
    re.IGNORECASE,
)
# a zone given in figures too
_NUMERIC = re.compile(r"(?:[+-]\d\d:?\d\d|\d\s*(?:GMT|UTC?|Z))\s*$", re.IGNORECASE)


def named_zone_date(value: str) -> datetime | None:
    """The moment ``value`` names, as aware UTC, when it ends with one of the zones above
    or UTC shifted by hours (an RFC 822 date or an ISO 8601 one); None otherwise, or when
    it is no date."""
    shifted = _SHIFTED.fullmatch(value.strip())
    if shifted is not None:  # "GMT+2": the offset after it, in hours (and minutes)
        sign = -1 if shifted["sign"] == "-" else 1
        hours = sign * (int(shifted["hours"]) + int(shifted["minutes"] or 0) / 60)
        return _in_zone(shifted["time"], hours)
    found = _NAMED.fullmatch(value.strip())
    if found is None or _NUMERIC.search(found["time"]):
        return None
    zone = found["zone"]
    hours = _OFFSETS.get(zone.upper())
    if hours is None and not zone.isupper():
        hours = _RFC822.get(zone.upper())
    if hours is None:
        return None
    return _in_zone(found["time"], hours)


def _in_zone(time: str, hours: float) -> datetime | None:
    """The moment ``time`` (RFC 822 or ISO 8601, no zone) names ``hours`` east of UTC."""
    if abs(hours) > 14:
        return None
    offset = timedelta(hours=hours)
    moment = _rfc822(time) or _iso(time)
    if moment is None:
        return None
    try:
        return (moment.replace(tzinfo=timezone(offset))).astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def _rfc822(text: str) -> datetime | None:
    parts = parsedate_tz(text)
    if parts is None:
        return None
    try:
        return datetime(*parts[:6])
    except ValueError:
        return None


def _iso(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is None else None
