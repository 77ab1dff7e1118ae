"""The figures of a headline or a lead that tell one event from another.

Two tellings of one event repeat its figures ("cut rates by 0.25 points to 4.5%", "£250,000
of watches") even when they share few words, and the tokenizer keeps no digits, so a figure
is read from the sentence itself and becomes a term like a word. Only a figure unlikely to
be shared by chance counts:

- a decimal or a number written with group separators ("0.25", "4,5", "250,000", French's
  and Russian's "250 000" with a space or a thin one, Arabic's "٣٫٥" and "٢٥٠٬٠٠٠"), or
- one with a currency sign before it or a percent or per-mille sign after it ("£80", "7%"),
  or
- a whole number from 100 up that is not a year (a four-digit number from 1900 to 2099, or
  of the years of the calendar its language dates news in besides: Thai's, Lao's and
  Khmer's Buddhist Era, where 2026 is 2569 or 2570, Persian's and Pashto's Solar Hijri,
  where it is 1405).

A bare number under 100 is a count, an age, a score or a day of the month ("two workers",
"on 12 March", "1-1"), and a year is shared by every story of the year: those stories would
share them as much as two tellings of one do. A number written onto Latin, Greek or
Cyrillic letters is part of a name or a code ("X7", "A61", "Lumen-2" aside, whose "2" is a
small number anyway); after a letter of a script written without spaces (Chinese, Thai) it
is a figure like any other. A figure's term is its digits (any script's, as ASCII) with
its separators as "." ("4,5" is "4.5", the form a language writes it in being the same on
both sides), without its sign: "4.5%" and "4.5 per cent" are one figure.

Numbers written one after another with only spaces between them are one figure when grouped
by threes ("30 000"; "1 250 000" is 1.250.000, never 250), else each is read on its own,
unless one is a code (a phone's "0800 555 111"). A code is no figure: a whole number
written with a leading zero ("0800", "007"), or three or more numbers joined by hyphens (a
phone's "1-800-555-0199", a date's "2026-12-07"); two are a score or a range ("102-98",
"100-150 people") and count.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["figures"]

# Separators inside a number: "." and "," and Arabic's decimal and thousands separators.
_MARKS = ".,\u066b\u066c"
# Spaces that group a number's digits by threes: a space (cleaning makes a no-break one
# one), a thin, a narrow no-break or a figure space.
_SPACES = " \u00a0\u2009\u202f\u2007"
# A run of digits and inner separators or spaces, not inside a run of Latin, Greek or
# Cyrillic letters or another number.
_NUMBER = re.compile(
    rf"(?<![\d{_MARKS}A-Za-z\u00c0-\u024f\u0370-\u052f])\d+(?:[{_MARKS}{_SPACES}]\d+)*"
)
# A number as written: grouped by threes, with a decimal part or not (dates like 07.12.2026
# and versions like 1.2.3 are not figures).
_FIGURE = re.compile(
    rf"\d{{1,3}}(?:[{_MARKS}]\d{{3}})+(?:[{_MARKS}]\d+)?"
    rf"|\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:[{_MARKS}]\d+)?|\d+(?:[{_MARKS}]\d+)?"
)
_AFTER = "%‰‱\u066a"  # signs written after a figure (Arabic's percent sign the last)
# Three or more numbers joined by hyphens: a phone number, a date, a serial number.
_CODE = re.compile(r"\d+(?:-\d+){2,}")
# One number of numbers written side by side.
_PIECE = re.compile(rf"[^{_SPACES}]+")
_YEARS = range(1900, 2100)
_BUDDHIST_ERA = range(1900 + 543, 2100 + 544)  # Thailand's 543 years ahead, Cambodia's 544
_SOLAR_HIJRI = range(1900 - 622, 2100 - 621)  # Iran's and Afghanistan's calendar
_CALENDAR_YEARS = {
    "thai": _BUDDHIST_ERA,
    "lao": _BUDDHIST_ERA,
    "khmer": _BUDDHIST_ERA,
    "persian": _SOLAR_HIJRI,
    "pashto": _SOLAR_HIJRI,
}
_SMALLEST = 100  # bare whole numbers under this are counts, ages, scores, days


def figures(sentence: str, language: str = "english") -> list[str]:
    """The terms of the figures of ``sentence``, written in ``language`` (a name of
    summaries.language), that count as evidence (module docstring)."""
    years = _CALENDAR_YEARS.get(language, ())
    found = []
    codes = [m.span() for m in _CODE.finditer(sentence)] if "-" in sentence else []
    for match in _NUMBER.finditer(sentence):
        if any(start <= match.start() < end for start, end in codes):
            continue
        written = match.group()
        if _FIGURE.fullmatch(written) is not None:
            pieces = [(written, match.start())]
        else:  # numbers side by side, not grouped by threes: each on its own, unless a code
            pieces = [(m.group(), match.start() + m.start()) for m in _PIECE.finditer(written)]
            if any(_coded(piece) for piece, _ in pieces):  # a phone's "0800 555 111"
                continue
        for piece, start in pieces:
            term = _figure(sentence, piece, start, years)
            if term is not None:
                found.append(term)
    return found


def _figure(sentence: str, written: str, start: int, years: range | tuple[()]) -> str | None:
    """The term of the number ``written`` at ``start`` in ``sentence``, or None when it is
    no figure (module docstring); ``years`` are those of the language's other calendar."""
    if _FIGURE.fullmatch(written) is None or _coded(written):
        return None
    digits = "".join(str(unicodedata.decimal(c)) if c.isdigit() else "." for c in written)
    if written.isdigit() and not _signed(sentence, start, start + len(written)):
        value = int(digits)
        if value < _SMALLEST or (len(digits) == 4 and (value in _YEARS or value in years)):
            return None
    return digits


def _coded(written: str) -> bool:
    """Whether ``written`` is a whole number with a leading zero: a code, not a quantity."""
    return written.isdigit() and len(written) > 1 and unicodedata.decimal(written[0]) == 0


def _signed(sentence: str, start: int, end: int) -> bool:
    """Whether a currency sign stands before the number or a percent sign after it (a
    space between them allowed)."""
    before = sentence[max(0, start - 2) : start].rstrip()
    after = sentence[end : end + 2].lstrip()
    if before and unicodedata.category(before[-1]) == "Sc":
        return True
    return bool(after) and after[0] in _AFTER
