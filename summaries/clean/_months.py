"""The names of the months in the languages of Europe's news sites, as a dateline writes
them after the day ("14 marca", "3 mars", "14 мар"): in full, declined, or cut short."""

from __future__ import annotations

# Each language's months in lowercase, as a date writes them after the day's number
# (Polish and Russian decline them: "14 marca", "14 марта").
_MONTHS: dict[str, str] = {
    "english": "january february march april may june july august september october "
    "november december",
    "german": "januar jänner februar märz april mai juni juli august september oktober "
    "november dezember",
    "french": "janvier février mars avril mai juin juillet août septembre octobre novembre "
    "décembre",
    "spanish": "enero febrero marzo abril mayo junio julio agosto septiembre setiembre "
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
_NAMES = frozenset(name for names in _MONTHS.values() for name in names.split())
# The months of the other languages than English, in full (lowercase).
OTHER_MONTHS = _NAMES - frozenset(_MONTHS["english"].split())
_SHORTEST = 3  # letters of a month cut short: "mar", "мар", "sept"
# Every beginning of a name of _SHORTEST letters or more: a month cut short is one.
_BEGINNINGS = frozenset(name[:end] for name in _NAMES for end in range(_SHORTEST, len(name) + 1))


def is_month(word: str) -> bool:
    """Whether `word` names a month, in full or cut short ("März", "marca", "мар", "Sept.")."""
    return word.removesuffix(".").lower() in _BEGINNINGS
