"""RFC 822 dates written in another language ("Di, 03 Mär 2026 09:00:00 +0100", "mar.,
03 mars 2026 09:00:00 CET"): a CMS set to the site's language writes its month and its
weekday so, and feedparser reads no date in them. The month is put in English (the
weekday, which says nothing the day does not, is dropped), so the date reads as any
other.

The names are those of the languages whose sites write them most (German, French,
Spanish, Italian, Portuguese, Dutch), whole or cut short, from the table of month names
the cleaning reads datelines with (:mod:`summaries.clean._months`): none of them means
another month in another of these languages (a beginning two months share, French "jui",
names neither), so no language need be known.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from datetime import datetime

from summaries.clean._months import bare_month, month_numbers
from summaries.sources._zones import stated_date

_LANGUAGES = ("english", "german", "french", "spanish", "italian", "portuguese", "dutch")
_NUMBERS = month_numbers(_LANGUAGES)  # "mär": 3
# [weekday,] day month year and the rest (time, zone): "Di, 03 Mär 2026 09:00 +0100"
_DATE = re.compile(
    r"\s*(?:[^\W\d_]+\.?,?\s+)?(?P<day>\d{1,2})\.?\s+(?P<month>[^\W\d_]+)\.?\s+"
    r"(?P<rest>\d{2,4}\b.*)",
    re.DOTALL,
)


def english_months(value: str) -> str | None:
    """``value`` with its month in English and no weekday, when it is an RFC 822 date
    whose month is written in one of the languages above; else None. (Made NFC first: an
    accent that came as a separate mark, "Ma" + U+0308, is no letter of a word.)"""
    found = _DATE.fullmatch(unicodedata.normalize("NFC", value))
    if found is None:
        return None
    month = _NUMBERS.get(bare_month(found["month"]))
    if month is None:
        return None
    return f"{found['day']} {calendar.month_abbr[month]} {found['rest'].strip()}"


def foreign_date(value: str, read: Callable[[str], datetime | None]) -> datetime | None:
    """The moment an RFC 822 date with its month in another language names, as aware UTC:
    its English form read as feedparser reads one (``read``), so that it reads as the
    same date in English does (an offset with a colon, no time at all); None when it is
    no such date, or its zone places no moment."""
    english = english_months(value)
    if english is None:
        return None
    return stated_date(english, lambda: read(english))
