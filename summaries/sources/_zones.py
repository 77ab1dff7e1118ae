"""Dates that name their time zone by its abbreviation ("Tue, 03 Mar 2026 09:00:00 CEST").

RFC 822 names only the zones of the United States (and UT, GMT, Z); feedparser reads any
other name as UTC, so a German feed's "09:00 CEST" would be stored two hours late. The
zones below are the ones feeds use whose abbreviation means one offset only ("IST" is
India's, Ireland's or Israel's: it is left to feedparser, as it was), in English and in the
languages that write their own (Unicode CLDR's short names, which no other zone of the tz
database or CLDR goes by): German's "MEZ" and "MESZ" (CET, CEST), "OEZ", "OESZ", "WEZ",
"WESZ", and Canadian French's "HNE" and "HAE" (EST, EDT: heure normale, avancée de l'Est)
and their kin (Newfoundland's "HAT" is Hawaii's in English: left out, with its "HNT").

A zone written in lower case ("09:00 cest", "10:00 gmt") is the zone of its upper-case
name: feedparser takes it for UTC or refuses the date, so RFC 822's own names are read
here too when they are written so. So is UTC shifted by hours ("GMT+2", "UTC-03:30").

Two more forms feedparser misreads: RFC 850's ("Tuesday, 03-Mar-26 09:00:00 GMT", which old
servers still write: feedparser finds no date in it) and a zone of the tz database by its
name ("2026-03-03 09:00:00 Europe/Berlin": feedparser reads UTC), read with zoneinfo.

An offset no clock uses (UTC's run from -12:00 to +14:00: "GMT+14:30", "+1500") or a zone
name the tz database does not know places no moment: :class:`ZoneRefused`, and the date
is undated, whichever form it came in (feedparser would read some of them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime, parsedate_tz
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# hours east of UTC
_OFFSETS = {
    "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "MET": 1, "MEST": 2, "EET": 2,
    "EEST": 3, "MSK": 3, "SAST": 2, "WIB": 7, "HKT": 8, "SGT": 8, "AWST": 8, "JST": 9,
    "KST": 9, "ACST": 9.5, "ACDT": 10.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
    "AKST": -9, "AKDT": -8, "HST": -10,
    # German
    "WEZ": 0, "WESZ": 1, "MEZ": 1, "MESZ": 2, "OEZ": 2, "OESZ": 3,
    # Canadian French: Atlantic, Eastern, Central, Mountain (Rocheuses), Pacific
    "HNA": -4, "HAA": -3, "HNE": -5, "HAE": -4, "HNC": -6, "HAC": -5, "HNR": -7, "HAR": -6,
    "HNP": -8, "HAP": -7,
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
# an offset in figures at the end: "+0100", "-05:00"
_OFFSET = re.compile(r"\d\s*(?P<sign>[+-])(?P<hours>\d\d):?(?P<minutes>\d\d)\s*$")
# a tz database name: an area, then a place ("Europe/Berlin", "America/Argentina/Salta")
_TZ_NAME = re.compile(r"(?P<time>.*\d)\s+(?P<zone>[A-Za-z_]+(?:/[A-Za-z0-9_+-]+)+)\s*")
# RFC 850's date: "Tuesday, 03-Mar-26" (RFC 822 spaces where it has hyphens)
_RFC850 = re.compile(r"\b(\d{1,2})-([A-Za-z]{3})-(\d{2}(?:\d\d)?)\b")
# the tz database's names have three parts at most, of 14 characters at most each
# ("America/Argentina/ComodRivadavia"): zoneinfo would look a longer one up as a file
# or a package path ("File name too long", or a recursion as deep as its parts)
_TZ_PARTS, _TZ_PART_LETTERS = 3, 14
EARLIEST, LATEST = -12, 14  # the offsets of UTC clocks run from -12:00 to +14:00


class ZoneRefused(ValueError):
    """A date that names its zone in a way that places no moment (see the module)."""


def stated_date(value: str, otherwise: Callable[[], datetime | None]) -> datetime | None:
    """The moment ``value`` names when it names its zone as this module reads it (see
    :func:`named_zone_date`), None when that zone places no moment, else ``otherwise()``
    (the reading of a date in any other form)."""
    try:
        zoned = named_zone_date(value)
    except ZoneRefused:
        return None
    return zoned if zoned is not None else otherwise()


def named_zone_date(value: str) -> datetime | None:
    """The moment ``value`` names, as aware UTC, when it ends with one of the zones above
    or UTC shifted by hours (an RFC 822 date or an ISO 8601 one); None otherwise, or when
    it is no date. Raises ZoneRefused for an offset beyond UTC's or an unknown tz name."""
    value, rfc850 = _RFC850.subn(r"\1 \2 \3", value.strip(), count=1)
    offset = _OFFSET.search(value)
    if offset is not None:
        _in_range(_hours(offset))
    named = _TZ_NAME.fullmatch(value)
    if named is not None:
        return _in_tz(named["time"], named["zone"])
    shifted = _SHIFTED.fullmatch(value)
    if shifted is not None:  # "GMT+2": the offset after it, in hours (and minutes)
        return _in_zone(shifted["time"], _in_range(_hours(shifted)))
    found = _NAMED.fullmatch(value)
    if found is None or _NUMERIC.search(found["time"]):
        return _rfc850(value) if rfc850 else None
    zone = found["zone"]
    hours = _OFFSETS.get(zone.upper())
    if hours is None and not zone.isupper():
        hours = _RFC822.get(zone.upper())
    if hours is None:
        return _rfc850(value) if rfc850 else None
    return _in_zone(found["time"], hours)


def email_date(text: str) -> datetime | None:
    """An RFC 822 date as the email module reads it (naive for the zone "-0000"); None when
    it is none, or names no moment (figures beyond any clock's: "+99999999999999999999")."""
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _hours(found: re.Match[str]) -> float:
    """The offset a match of _SHIFTED or _OFFSET names, in hours east of UTC."""
    sign = -1 if found["sign"] == "-" else 1
    return sign * (int(found["hours"]) + int(found["minutes"] or 0) / 60)


def _in_range(hours: float) -> float:
    if not EARLIEST <= hours <= LATEST:
        raise ZoneRefused(f"no clock is {hours:+g} hours from UTC")
    return hours


def _rfc850(value: str) -> datetime | None:
    """An RFC 850 date, already spaced as RFC 822's, with a zone RFC 822 names (feedparser
    reads RFC 850 as no date)."""
    parts = parsedate_tz(value)
    if parts is None or parts[9] is None:
        return None
    return _in_zone(_time(parts), parts[9] / 3600)


def _time(parts: tuple[int, ...]) -> str:
    return "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}".format(*parts[:6])


def _in_tz(time: str, name: str) -> datetime | None:
    """The moment ``time`` names on the clocks of the tz database's zone ``name``."""
    parts = name.split("/")
    if len(parts) > _TZ_PARTS or max(len(part) for part in parts) > _TZ_PART_LETTERS:
        raise ZoneRefused(f"no time zone is named {name[:80]}")  # no file zoneinfo can open
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as error:
        raise ZoneRefused(f"no time zone is named {name[:80]}") from error
    moment = _rfc822(time) or _iso(time)
    return None if moment is None else moment.replace(tzinfo=zone).astimezone(UTC)


def _in_zone(time: str, hours: float) -> datetime | None:
    """The moment ``time`` (RFC 822 or ISO 8601, no zone) names ``hours`` east of UTC."""
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
