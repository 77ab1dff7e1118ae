"""The names of the months in the languages of Europe's news sites, as a dateline writes
them after the day ("14 marca", "3 mars", "14 мар"): in full, declined, or cut short.

The one table of them: the cleaning reads a dateline's month with :func:`is_month`, and
the feeds read a date's month in another language with :func:`month_numbers`."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from summaries.folding import without_latin_accents

# Each language's months in lowercase and in order, as a date writes them after the
# day's number (Polish and Russian decline them: "14 marca", "14 марта"); a month with
# two spellings has them joined by "/" (Austria's "jänner", Peru's "setiembre").
_MONTHS: dict[str, str] = {
    "english": "january february march april may june july august september october "
    "november december",
    "german": "januar/jänner februar märz april mai juni juli august september oktober "
    "november dezember",
    "french": "janvier février mars avril mai juin juillet août septembre octobre novembre "
    "décembre",
    "spanish": "enero febrero marzo abril mayo junio julio agosto septiembre/setiembre "
    "octubre noviembre diciembre",
    "italian": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
    "novembre dicembre",
    "portuguese": "janeiro fevereiro março abril maio junho julho agosto setembro outubro "
    "novembro dezembro",
    "dutch": "januari februari maart april mei juni juli augustus september oktober "
    "november december",
    "polish": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września "
    "października listopada grudnia",
    "turkish": "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "russian": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
# The spellings of a month, by language and month number, that are none of its names nor
# a name cut short: umlauts written out ("Maerz"), Austria's "Feber", short forms of a
# letter's choosing ("Mrz", Dutch "mrt"). Only a feed's date is read with them (whole).
_OTHER_SPELLINGS: dict[str, dict[int, str]] = {
    "german": {1: "jaenner", 2: "feber", 3: "maerz mrz"},
    "dutch": {3: "mrt"},
}
_NAMES = frozenset(name for names in _MONTHS.values() for name in names.replace("/", " ").split())
# The months of the other languages than English, in full (lowercase).
OTHER_MONTHS = _NAMES - frozenset(_MONTHS["english"].split())
_SHORTEST = 3  # letters of a month cut short: "mar", "мар", "sept"


def _beginnings(name: str) -> list[str]:
    """``name`` and each of its beginnings of _SHORTEST letters or more: a month cut short."""
    return [name[:end] for end in range(_SHORTEST, len(name) + 1)]


_BEGINNINGS = frozenset(short for name in _NAMES for short in _beginnings(name))


def is_month(word: str) -> bool:
    """Whether `word` names a month, in full or cut short ("März", "marca", "мар", "Sept.")."""
    return word.removesuffix(".").lower() in _BEGINNINGS


def month_numbers(languages: Iterable[str]) -> dict[str, int]:
    """The month (1 to 12) that each name of a month in ``languages`` stands for, in full
    or cut short, and each of its other spellings: in lower case and without the accents
    of Latin letters (as :func:`bare_month` writes a word). A word that two months would
    claim stands for neither."""
    found: dict[str, set[int]] = {}
    for language in languages:
        for number, names in enumerate(_MONTHS[language].split(), start=1):
            for name in names.split("/"):
                for short in _beginnings(bare_month(name)):
                    found.setdefault(short, set()).add(number)
        for number, spellings in _OTHER_SPELLINGS.get(language, {}).items():
            for spelling in spellings.split():
                found.setdefault(spelling, set()).add(number)
    return {word: numbers.pop() for word, numbers in found.items() if len(numbers) == 1}


def bare_month(word: str) -> str:
    """``word`` as :func:`month_numbers` writes a month: lower case, without the accents of
    Latin letters ("Mär" is "mar", "août" is "aout"), also when it came with its accents
    as separate marks or in a compatibility form (full-width letters)."""
    return without_latin_accents(unicodedata.normalize("NFKC", word)).casefold()
