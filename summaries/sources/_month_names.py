"""Dates written with their month's name in a form feedparser does not read: RFC 822's
written in another language ("Di, 03 Mär 2026 09:00:00 +0100", "mar., 03 mars 2026
09:00:00 CET"), as a CMS set to its site's language writes it, and the free forms of a
date written by hand or by a template ("3 March 2026, 09:00", "March 3rd, 2026 at
9:15 pm EST", "3. März 2026, 09:00 Uhr MEZ"). Such a date is written again as RFC 822
writes it, in English and without its weekday (which says nothing the day does not), so
that it reads as any other; an RFC 822 date in English is written again too, and read so
before it is read as written (see :func:`feed_date`).

The day comes before its month or after it ("3 March", "March 3"; after the year too, as
ISO 8601 has it: "2026-Mar-03", "2026 March 3"), with its ordinal
ending ("3rd", "3.", French "1er") and a word between them ("3rd of March", "3 de
marzo de 2026"); a time may follow (after a comma or a word for "at", as a 12-hour
clock's "9:15 pm", or French "9h15"; an hour alone with its half, "9 pm", or a word for
"o'clock", "9h", "9 Uhr"), and a zone after it, as RFC 822 writes one or as
:mod:`summaries.sources._zones` reads one. A date written in figures only ("03/04/2026")
is not read: whether its day or its month comes first is the writer's custom.

The months are those of the languages whose sites write them most (English, German,
French, Spanish, Italian, Portuguese, Dutch), whole or cut short, from the table of month
names the cleaning reads datelines with (:mod:`summaries.clean._months`): none of them
means another month in another of these languages (a beginning two months share, French
"jui", names neither), so no language need be known.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from summaries.clean._months import bare_month, month_numbers
from summaries.sources._zones import stated_date

_LANGUAGES = ("english", "german", "french", "spanish", "italian", "portuguese", "dutch")
_NUMBERS = month_numbers(_LANGUAGES)  # "mär": 3
_WEEKDAY = r"(?:[^\W\d_]+\.?,?\s+)?"  # "Di, ", "Tuesday "
_DAY = r"(?P<day>\d{1,2})(?:\.|st|nd|rd|th|er)?"  # "3", "03.", "3rd", "1er"
_MONTH = r"(?P<month>[^\W\d_]+)\.?"  # "März", "Sept."
_YEAR = r"(?P<year>\d{4}|\d{2})\b"
# a time after the date, after a comma, a word for "at" or ISO 8601's "T": "09:00",
# "9:15:30 pm", "9h15 Uhr";
# an hour alone when a 12-hour clock's half or a word for "o'clock" says it is one: "9 pm",
# "9h", "9 Uhr"
_TIME = (
    r"(?:(?:\s*(?:,\s*)?(?:(?:at|um|à|às|alle|om|a\s+las|-)\s+)?|t)(?P<hour>\d{1,2})"
    r"(?:[:h.](?P<minute>\d\d)(?::(?P<second>\d\d)(?:[.,]\d+)?)?|h\b|(?=\s*(?:[ap]\.?\s?m|uhr)\b))"
    r"(?:\s*(?P<half>[ap])\.?\s?m\b\.?)?(?:\s*uhr\b)?)?"
)
# (no two runs of white space that could share the same spaces follow each other: a long
# run of them in a feed's date would take the matcher quadratic time)
_ZONE = r"\s*(?:,\s*)?(?P<zone>.*)"  # as written: "+0100", "CET", "GMT+2", "Europe/Berlin"
_DAY_FIRST = re.compile(
    rf"{_WEEKDAY}{_DAY}\s+(?:of\s+|de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}{_TIME}{_ZONE}",
    re.IGNORECASE | re.DOTALL,
)
_MONTH_FIRST = re.compile(
    rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME}{_ZONE}", re.IGNORECASE | re.DOTALL
)
# the year first, as ISO 8601 writes it but with the month's name: "2026-Mar-03",
# "2026 March 3" (feedparser reads both as the 1st of December)
_YEAR_FIRST = re.compile(
    rf"{_WEEKDAY}(?P<year>\d{{4}})(?:[-/]|,?\s+){_MONTH}(?:[-/]|\s+){_DAY}(?!\d){_TIME}{_ZONE}",
    re.IGNORECASE | re.DOTALL,
)
_FORMS = (_DAY_FIRST, _MONTH_FIRST, _YEAR_FIRST)
_NOON = 12


def rfc822_form(value: str) -> str | None:
    """``value`` as RFC 822 writes a date (in English, no weekday), when it is a date
    written with its month's name in one of the languages above; else None. (Made NFC
    first: an accent that came as a separate mark, "Ma" + U+0308, is no letter of a
    word.)"""
    value = unicodedata.normalize("NFC", value).strip()
    found = next((found for form in _FORMS if (found := form.fullmatch(value)) is not None), None)
    if found is None:
        return None
    month = _NUMBERS.get(bare_month(found["month"]))
    if month is None:
        return None
    date = f"{int(found['day'])} {calendar.month_abbr[month]} {found['year']}"
    if found["hour"] is None:  # midnight, as feedparser reads a date without its time
        return f"{date} 00:00:00 {found['zone']}".strip()
    hour = int(found["hour"])
    if found["half"] is not None:  # a 12-hour clock's: "12:30 am" is 00:30, "9 pm" 21:00
        if not 1 <= hour <= _NOON:
            return None
        hour = hour % _NOON + (_NOON if found["half"].lower() == "p" else 0)
    time = f"{hour:02d}:{found['minute'] or '00'}:{found['second'] or '00'}"
    return f"{date} {time} {found['zone']}".strip()


def feed_date(value: str, otherwise: Callable[[], datetime | None]) -> datetime | None:
    """The moment a feed's date ``value`` names, as aware UTC. One written with its
    month's name (RFC 822's own too) is read in its RFC 822 form, as feedparser reads one,
    before the date as written, which feedparser and the email module read leniently:
    "3 March 2026 9:15 pm" as 09:15 (the "pm" taken for a zone they do not know), "3. März
    2026, 9 Uhr MEZ" as 09:00 UTC. Any other date, or one whose RFC 822 form
    reads as no moment, is read as :func:`~summaries.sources._zones.stated_date` reads
    it, else by ``otherwise()``."""
    return worded_date(value) or stated_date(value, otherwise)


def worded_date(value: str) -> datetime | None:
    """The moment a date written with its month's name names, as aware UTC: its RFC 822
    form read as feedparser reads one, so that it reads as the same date in RFC 822 does
    (an offset with a colon; no time: midnight; no zone: UTC; the zones feedparser names
    that the email module does not, "ET", "PT"), by the feed reader and by the cut of a
    long feed alike; None when it is no such date, or its zone places no moment."""
    english = rfc822_form(value)
    if english is None:
        return None
    return stated_date(english, lambda: _feedparser_date(english))


def _feedparser_date(value: str) -> datetime | None:
    """``value`` read as feedparser reads an entry's date, as an aware UTC datetime."""
    from feedparser.datetimes import _parse_date

    return struct_moment(_parse_date(value))


def struct_moment(value: Any) -> datetime | None:
    """feedparser's parsed date, a UTC struct_time, as an aware UTC datetime."""
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, OSError, TypeError):
        return None
