"""The legacy charsets a page in a language was written in, when it declares none.

A page that states no charset and whose bytes are not UTF-8 is decoded by detection, and
on a short text detection cannot tell Windows-1252 from the charsets of Central Europe,
Turkey or the Baltics: their letters sit at the same bytes ("ł" and "³", "ş" and "þ").
Browsers settle it by locale (the HTML standard's table of default encodings); a page
states its own language in ``<html lang>``, which settles it better. Detection is then
made among the charsets written for that language only (its Windows code page and its
ISO 8859 part: Polish pages come in both).

Windows-1250 and ISO-8859-2 read most of each other's bytes as letters too (ISO's "š"
and "ž" are Windows' "ą" and "ľ"), and detection scores them alike: the one that reads
the bytes beyond ASCII as more of the letters the stated language writes is the page's
(see closest_reading).

A page that states no language either is read in the common single-byte charset whose
reading is the most plausible text (see most_plausible): letters of one language's
alphabet or of one script, no signs or capitals inside words.
"""

from __future__ import annotations

import re
from itertools import islice
from unicodedata import normalize

_CENTRAL = ("cp1250", "iso8859_2")
_CYRILLIC = ("cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic")
_BALTIC = ("cp1257", "iso8859_13", "iso8859_4")
# primary language subtags to the charsets written for them
_FAMILIES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys("cs sk pl hu ro hr sl bs sq".split(), _CENTRAL),
    **dict.fromkeys("ru uk be bg mk kk ky tg mn".split(), _CYRILLIC),
    **dict.fromkeys("lt lv et".split(), _BALTIC),
    "el": ("cp1253", "iso8859_7"),
    **dict.fromkeys("tr az".split(), ("cp1254", "iso8859_9")),
    **dict.fromkeys("he iw yi".split(), ("cp1255", "iso8859_8")),
    **dict.fromkeys("ar fa ur".split(), ("cp1256", "iso8859_6")),
    "vi": ("cp1258",),
    "th": ("cp874", "tis_620"),
    "ja": ("shift_jis", "cp932", "euc_jp", "iso2022_jp"),
    "ko": ("euc_kr", "cp949"),
}
# The letters beyond ASCII of the languages of Central Europe (lowercase; Romanian's
# with a cedilla as these charsets write them).
_ALPHABETS: dict[str, str] = {
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "pl": "ąćęłńóśźż",
    "hu": "áéíóöőúüű",
    "ro": "ăâîşţ",
    "hr": "čćđšž",
    "bs": "čćđšž",
    "sl": "čšž",
    "sq": "çë",
}
_ASCII = bytes(range(128))
# What a charset that does not fit a page's bytes reads: a control character (ISO-8859-2
# reads 0x80-0x9F so, where Windows-1250 has "ś" and "ź") or a byte it leaves undefined.
_UNFIT = re.compile("[\x80-\x9f\ufffd]")
_TRADITIONAL = ("big5", "big5hkscs", "gb18030")
_SIMPLIFIED = ("gb18030", "gbk", "gb2312", "big5")
_HTML_LANG = re.compile(
    rb"""<html\b[^>]*?\slang\s*=\s*["']?\s*([a-z]{2,3})(?:[-_]([a-z0-9]+))?""", re.I
)
_SNIFF = 4096
UNSHOWN = re.compile(r"<(script|style|title)\b.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")


def page_language(data: bytes) -> str | None:
    """The primary language subtag the page ``data`` states in ``<html lang>`` ("pl")."""
    found = _HTML_LANG.search(data[:_SNIFF])
    return found.group(1).decode("ascii").lower() if found else None


def reads_as_another_language(data: bytes, codec: str) -> bool:
    """Whether the text of the page ``data``, decoded in ``codec``, is detected to be in
    another language than its ``<html lang>`` states: a template's lang, not the page's.
    False when either is unknown."""
    from summaries.detection import detect_language
    from summaries.language import language_name, one_language

    stated = page_language(data)
    named = language_name(stated) if stated else None
    if named is None:
        return False
    shown = _TAG.sub(" ", UNSHOWN.sub(" ", data.decode(codec, errors="replace")))
    found = detect_language(shown)
    return found is not None and not one_language(found, named)


def page_charsets(data: bytes) -> tuple[str, ...]:
    """The charsets written for the language the page ``data`` states in ``<html lang>``,
    or () when it states none, or one written in Windows-1252's or in UTF-8 only."""
    found = _HTML_LANG.search(data[:_SNIFF])
    if found is None:
        return ()
    language = found.group(1).decode("ascii").lower()
    if language == "zh":
        region = (found.group(2) or b"").decode("ascii").lower()
        return _TRADITIONAL if region in ("tw", "hk", "mo", "hant") else _SIMPLIFIED
    return _FAMILIES.get(language, ())


def closest_reading(data: bytes, charsets: list[str]) -> str | None:
    """Of the single-byte ``charsets``, the one that reads the bytes beyond ASCII of the
    page ``data`` as the most letters of the language its ``<html lang>`` states (see
    _ALPHABETS), or None when that language is not listed or no one reads more. A
    charset that reads a byte as a control character or leaves it undefined does not
    fit the page (see _UNFIT): a Polish page in Windows-1250 marked "cs" would show
    more of Czech's letters as ISO-8859-2 ("š" for "ą"), and controls for "ś"."""
    letters = _ALPHABETS.get(page_language(data) or "")
    if letters is None or len(charsets) < 2:
        return None
    beyond = data.translate(None, _ASCII)
    readings = {charset: beyond.decode(charset, "replace") for charset in charsets}
    scores = {
        charset: sum(map(letters.__contains__, read.lower()))
        for charset, read in readings.items()
        if _UNFIT.search(read) is None
    }
    if not scores:
        return None
    best = max(scores.values())
    winners = [charset for charset, score in scores.items() if score == best]
    return winners[0] if len(winners) == 1 else None


# When a page states neither its charset nor its language, the single-byte charsets it may
# be in, the web's usual one first (a reading as plausible as another's goes to the first).
# Hebrew's Windows-1255 comes before Cyrillic's Windows-1251: it reads Hebrew's letters
# as plain lowercase Cyrillic, while it leaves undefined the bytes of Cyrillic's capitals
# and of "ы" to "я", which no Russian or Bulgarian text goes without.
_SINGLE_BYTE = (
    "cp1252",
    "cp1250",
    "iso8859_2",
    "cp1255",
    "cp1251",
    "koi8_u",  # (KOI8-R with the letters of Ukrainian where it has box drawing)
    "cp1253",
    "iso8859_7",
    "cp1254",
    "cp1257",
    "cp1256",
    "cp1258",  # (Vietnamese: its tones are marks after a letter; see _implausible)
)
# The letters beyond ASCII of the languages written in Latin letters (lowercase): a text
# uses those of one language (and a few of names), while a wrong charset shows letters of
# several ("Pøedseda vlády": Danish "ø" beside Czech "á"), or signs inside words.
_LATIN_ALPHABETS = (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß",  # German
    "áéíñóúü",  # Spanish
    "àáâãçéêíóôõú",  # Portuguese
    "àèéìíîòóùú",  # Italian
    "àçèéíïòóúü",  # Catalan
    "áéèëïóöü",  # Dutch
    "æøåé",  # Danish, Norwegian
    "åäöé",  # Swedish, Finnish
    "áéíóúýþæöð",  # Icelandic
    "çğıöşüâîû",  # Turkish
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
    "äöõüšž",  # Estonian
    *dict.fromkeys(_ALPHABETS.values()),  # Central Europe's (see above)
    "ăâîșț",  # Romanian with commas
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",  # Vietnamese
)
# The scripts other than Latin that these charsets write, by the start of their letters'
# Unicode names
_SCRIPTS = ("CYRILLIC", "GREEK", "HEBREW", "ARABIC")
# Signs that stand at a word's edge in any text ("«Да»", "20°C", "¿Qué"), or inside it
# (an apostrophe, Catalan's middle dot, a soft hyphen): any other sign or number beyond
# ASCII touching a letter is a letter read in the wrong charset ("Mot³awie", "¶roda").
_EDGE_SIGNS = frozenset("«»„“”‚‘’‹›…–—•·°€£¥©®™§¿¡\u00ad")
_INNER_SIGNS = frozenset("’‘·\u00ad")
_SAMPLE_WORDS = 3000
# (from a word's start only: tried inside a long run of ASCII, a base64 image's, it would
# scan on to the run's end from each of its bytes)
_BETWEEN_WORDS = rb"\s<>\"'=&;"
_WORD_BEYOND_ASCII = re.compile(rb"(?<![^%s])[^%s]*[\x80-\xff][^%s]*" % ((_BETWEEN_WORDS,) * 3))


def most_plausible(data: bytes) -> str | None:
    """Of the common single-byte charsets, the one in which the words of ``data`` that have
    bytes beyond ASCII read most plausibly (see _implausible); None when ``data`` has none
    or no charset reads them without a control character or an undefined byte."""
    found = islice(_WORD_BEYOND_ASCII.finditer(data), _SAMPLE_WORDS)  # (a page's first)
    words = b" ".join(word[0] for word in found)
    if not words:
        return None
    scores: dict[str, int] = {}
    for charset in _SINGLE_BYTE:
        read = words.decode(charset, "replace")
        if _UNFIT.search(read) is None:  # (a letter and its marks as one: see _implausible)
            scores[charset] = _implausible(normalize("NFC", read).split())
    return min(scores, key=scores.__getitem__) if scores else None  # (the first on a tie)


def _implausible(words: list[str]) -> int:
    """How many characters of ``words`` no text in one language would show: letters beyond
    ASCII that the alphabet or script fitting them best lacks, signs touching letters, and
    capitals beyond ASCII inside a word (KOI8-R read as Windows-1251 swaps the cases).
    A mark that joins the letter before it is a letter too: Hebrew's vowel points are of
    its script, and Vietnamese's tones, once joined to their letters (Unicode's NFC), are
    of its alphabet; a mark left over is of none."""
    from collections import Counter
    from unicodedata import combining, name

    letters: Counter[str] = Counter()
    signs = capitals = ascii_beside = 0
    for word in words:
        shown = [char for char in word if char.isalpha()]
        if not word.isascii() and any(char.isascii() for char in shown):
            ascii_beside += sum(char.isascii() for char in shown)
        for at, char in enumerate(word):
            if char.isascii():
                continue
            if char.isalpha() or combining(char):
                lower = char.lower()  # ("İ" lowers to two characters)
                letters[lower if len(lower) == 1 else char] += 1
                capitals += char.isupper() and at > 0 and word[at - 1].isalpha()
                continue
            beside = [word[i].isalpha() for i in (at - 1, at + 1) if 0 <= i < len(word)]
            if all(beside) and len(beside) == 2:
                signs += char not in _INNER_SIGNS
            elif any(beside):
                signs += char not in _EDGE_SIGNS
    if not letters:
        return signs + capitals
    total = sum(letters.values())
    lacking = [total - sum(letters[c] for c in alphabet) for alphabet in _LATIN_ALPHABETS]
    for script in _SCRIPTS:
        own = sum(n for c, n in letters.items() if name(c, "").startswith(script))
        lacking.append(total - own + ascii_beside)
    return min(lacking) + signs + capitals
