"""RFC 822 dates written in another language ("Di, 03 Mär 2026 09:00:00 +0100", "mar.,
03 mars 2026 09:00:00 CET"): a CMS set to the site's language writes its month and its
weekday so, and feedparser reads no date in them. The month is put in English (the
weekday, which says nothing the day does not, is dropped), so the date reads as any
other.

The names are those of the languages whose sites write them most (German, French,
Spanish, Italian, Portuguese, Dutch), whole or cut short: none of them means another
month in another of these languages, so no language need be known.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import datetime

from summaries.sources._zones import stated_date

_MONTHS = (
    ("jan", "jan january januar janvier enero gennaio janeiro januari jänner jaenner janv ene gen"),
    ("feb", "feb february februar fevrier febrero febbraio fevereiro februari feber fev fevr"),
    ("mar", "mar march marz maerz mars marzo marco maart mrz mrt"),
    ("apr", "apr april avril abril aprile avr abr"),
    ("may", "may mai mayo maggio maio mei mag"),
    ("jun", "jun june juni juin junio giugno junho giu"),
    ("jul", "jul july juli juillet julio luglio julho juil lug"),
    ("aug", "aug august aout agosto augustus ago"),
    ("sep", "sep september septembre septiembre settembre setembro sept set"),
    ("oct", "oct october oktober octobre octubre ottobre outubro okt ott out"),
    ("nov", "nov november novembre noviembre novembro"),
    ("dec", "dec dezember decembre diciembre dicembre dezembro december dez dic"),
)
_ENGLISH = {name: month for month, names in _MONTHS for name in names.split()}
# [weekday,] day month year and the rest (time, zone): "Di, 03 Mär 2026 09:00 +0100"
_DATE = re.compile(
    r"\s*(?:[^\W\d_]+\.?,?\s+)?(?P<day>\d{1,2})\.?\s+(?P<month>[^\W\d_]+)\.?\s+"
    r"(?P<rest>\d{2,4}\b.*)",
    re.DOTALL,
)


def english_months(value: str) -> str | None:
    """``value`` with its month in English and no weekday, when it is an RFC 822 date
    whose month is written in one of the languages above; else None."""
    found = _DATE.fullmatch(value)
    if found is None:
        return None
    month = _ENGLISH.get(_plain(found["month"]))
    if month is None:
        return None
    return f"{found['day']} {month.title()} {found['rest'].strip()}"


def _plain(word: str) -> str:
    """``word`` in lower case without its accents ("Mär" is "mar", "août" is "aout")."""
    split = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in split if not unicodedata.combining(c))


def foreign_date(value: str, read: Callable[[str], datetime | None]) -> datetime | None:
    """The moment an RFC 822 date with its month in another language names, as aware UTC:
    its English form read as feedparser reads one (``read``), so that it reads as the
    same date in English does (an offset with a colon, no time at all); None when it is
    no such date, or its zone places no moment."""
    english = english_months(value)
    if english is None:
        return None
    return stated_date(english, lambda: read(english))
