"""Dates and times in a line's words: a month, a time word, a number written as a date
("12", "1st", "2014-11-20", "08h15", "2024年3月14日"), which tell date stamps and
datelines from text."""

from __future__ import annotations

import re

from summaries.clean._ends import PUNCT
from summaries.clean._lines import STOP
from summaries.clean._months import OTHER_MONTHS
from summaries.folding import without_latin_accents

MONTHS = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec january february march april may
    june july august september october november december""".split()
)
# Chinese and Japanese write a date or a time as figures, each before its unit: "2024年3月
# 14日", "8時15分"
_CJK_UNITS = "年月日時时点點分"
CJK_DATE = re.compile(rf"\d{{1,4}}[{_CJK_UNITS}]")  # one figure and its unit: "2026年", "1日"
_DATE_NUM = re.compile(
    rf"\d{{1,4}}(?:st|nd|rd|th)?(?:[-/.:]\d{{1,4}})*|\d{{1,2}}h\d{{2}}|(?:{CJK_DATE.pattern})+"
)
# A date or a time written in figures: "08:15", "2024-03-14", "14/03/2024", "23.10.", a
# time as French and Portuguese write it, "08h15", and as Chinese and Japanese write them,
# "2024年3月", "3月14日", "8時15分", each a word of its own (not the first of a headline's
# characters) (its alternatives' first digit written once, so that re skips to digits)
_DATE_FIGURES = re.compile(
    r"\d(?:\d?[:h]\d{2}|\d{0,3}[./-]\d{1,2}[./-]\d{2,4}|\d?\.\d{1,2}\."
    r"|(?:\d{0,3}年\d{1,2}月(?:\d{1,2}日)?|\d?月\d{1,2}日|\d?[時时点點]\d{1,2}分)(?!\S))"
)
DAYS = 31  # the most days a month has
_TIME_WORDS = frozenset("am pm gmt utc bst cet cest est edt pst pdt".split())
DATE_WORDS = MONTHS | _TIME_WORDS
_ALL_MONTHS = MONTHS | OTHER_MONTHS
# The words a page's date stamp writes around its date, by language (lowercase): that it
# was published or updated ("Publié le mardi 3 mars 2026 à 10h15, mis à jour le ...",
# "Veröffentlicht am Dienstag, 3. März 2026"). The days of the week (WEEKDAYS) and the
# months of all these languages are such words too. (Not the small words before a day or
# a time, "à", "um", "Uhr": a heading or an event's line holds them as well, "Une grève à
# partir du 5 mars", "Mo bis Fr: 9:00 – 16:00 Uhr".)
_STAMP_WORD_TABLE: dict[str, str] = {
    "english": "published posted updated modified",
    "german": "veröffentlicht aktualisiert geändert erstellt",
    "french": "publié publiée mis jour modifié modifiée actualisé",
    "spanish": "publicado publicada actualizado actualizada",
    "italian": "pubblicato pubblicata aggiornato aggiornata",
    "portuguese": "publicado publicada atualizado atualizada",
    "dutch": "gepubliceerd bijgewerkt gewijzigd",
}
# The days of the week, by language (lowercase): a stamp's words, and an event's, which
# names the day it happens on ("Hafenfest: Samstag, 6. Juni 2026": see titles_before_date).
_WEEKDAY_TABLE: dict[str, str] = {
    "english": "monday tuesday wednesday thursday friday saturday sunday",
    "german": "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "french": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "spanish": "lunes martes miércoles jueves viernes sábado domingo",
    "italian": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "portuguese": "segunda terça quarta quinta sexta sábado domingo feira",
    "dutch": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
}
WEEKDAYS = frozenset(word for words in _WEEKDAY_TABLE.values() for word in words.split())
STAMP_WORDS = (
    OTHER_MONTHS
    | WEEKDAYS
    | frozenset(word for words in _STAMP_WORD_TABLE.values() for word in words.split())
)
# A year in a date: four figures alone or in a date in figures ("6 June 2026", "06.06.2026",
# "2026-06-06"), or two after a day and a month ("06.06.26"). (Not a time: "14:00", "1400")
_YEAR = re.compile(r"(?<![\d:])(?:1[89]|20)\d\d(?![\d:])|\d\d?[./]\d\d?[./]\d\d(?!\d)")


def date_token_count(words: list[str]) -> int:
    """How many of `words` are date tokens (see is_date_token).

    A word of letters alone is one only if it is a month or a time word: the others are
    told by str.isalpha, without the call."""
    maybe = [w for w in words if not w.isalpha() or w.lower() in DATE_WORDS]
    return sum(map(is_date_token, maybe))


def holds_date(words: list[str]) -> bool:
    """Whether `words` hold a date or time in figures, or a month next to a number: of
    English, or of another language next to a day (see _is_dated).

    _DATE_FIGURES matches no space, so one search of the words joined by spaces finds
    what a search of each word would."""
    if _DATE_FIGURES.search(" ".join(words)) is not None:
        return True
    bare = [word.strip(PUNCT).lower() for word in words]
    if _ALL_MONTHS.isdisjoint(bare):  # (most lines name no month)
        return False
    return any(_is_dated(bare, i, words[i]) for i, word in enumerate(bare) if word in _ALL_MONTHS)


def _is_dated(bare: list[str], i: int, word: str) -> bool:
    """Whether ``bare[i]`` (`word` without its punctuation, in lowercase) is a month next to
    a number: English's, or another language's next to a day ("3. März 2026", "3 mars");
    a month and a year alone ("Oktober 2015") head a period as often, a CV's entry or an
    archive's. Not "Mars" capitalised, English's planet ("2 Mars rovers": French writes
    its month in lowercase)."""
    near = bare[max(i - 1, 0) : i + 2]
    if bare[i] in MONTHS:
        return any(n.isdecimal() for n in near)
    if bare[i] not in OTHER_MONTHS or word.startswith("Mars"):
        return False
    return any(n.isdecimal() and 0 < int(n) <= DAYS for n in near)


def is_date_token(word: str) -> bool:
    """A month, a time word or a number like "12", "1st" or "2014-11-20" (punctuation aside)."""
    token = word.strip(PUNCT).lower()
    if token in DATE_WORDS:
        return True
    if token.isdecimal():  # the common number, without the regex (\d is what isdecimal is)
        return len(token) <= 4
    return token[:1].isdecimal() and _DATE_NUM.fullmatch(token) is not None


_STAMPS_AND_SMALL = STAMP_WORDS | STOP  # the words of a stamp after its date's colon
# The other words of a stamp's label before its colon, by language (lowercase, without
# accents): when it was last or first published, edited or printed, its date or time ("Last
# updated:", "Printed:", "Dernière mise à jour :", "Zuletzt aktualisiert:", "Stand:"),
# and the words of publishing in Latin-script languages without a row of
# _STAMP_WORD_TABLE ("Aktualizacja:", "Güncelleme:", "Publikováno:").
_STAMP_LABEL_TABLE: dict[str, str] = {
    "english": "last first latest edited printed publication date time on at",
    "german": "zuletzt zuerst letzte erste bearbeitet gedruckt ausgedruckt stand datum zeit "
    "aktualisierung veroffentlichung erschienen am um",
    "french": "derniere premiere mise edite imprime publication date heure le",
    "spanish": "ultima primera editado impreso actualizacion publicacion fecha hora el en",
    "italian": "ultimo ultima prima modificato stampato aggiornamento pubblicazione data ora "
    "il",
    "portuguese": "ultima primeira editado impresso atualizacao publicacao data hora em",
    "dutch": "laatst laatste eerst bewerkt afgedrukt geplaatst datum tijd op",
    "polish": "opublikowano aktualizacja zaktualizowano data",
    "turkish": "yayınlanma yayınlandı guncelleme guncellendi tarihi tarih",  # (ı stays ı)
    "czech": "publikovano aktualizovano datum",
    "swedish": "publicerad uppdaterad",
    "danish": "publiceret opdateret",
    "norwegian": "publisert oppdatert",
    "romanian": "publicat actualizat data",
}
_LATIN_END = "\u0250"  # the letters before it are Latin: ASCII's, "ß", "ø", "ł", "ş"
_LABEL_WORDS = frozenset(map(without_latin_accents, _STAMPS_AND_SMALL)) | frozenset(
    word for words in _STAMP_LABEL_TABLE.values() for word in words.split()
)


def titles_after_date(words: list[str]) -> bool:
    """Whether `words` (a line's) are a date, a colon and a title ("Samedi 6 juin 2026 :
    fête du port", "June 6: Harbour festival"): an event's line in a programme, a dated
    heading, not a stamp. A stamp's colon follows its label ("Updated: 14 March 2024"),
    and after a date it opens another stamp ("..., 2024 | Updated: March 4, 2024"), whose
    words are dates, times, stamp words (see STAMP_WORDS) and small words (STOP). A title
    opens with another word and holds no date or time after it: what opens with a time, a
    figure or a clock's word ("2026: 10:15 Uhr", "2026: 10.15am", "2026: 3 min read") is a
    stamp's, as are words before a time or a date ("2026: ore 10:15", "2026: Last updated
    June 7")."""
    dated = False
    for i, word in enumerate(words):
        if word[-1:] == ":" and dated:
            title = words[i + 1 :]
            return bool(title) and _titles(title[0]) and not any(map(is_date_token, title[1:]))
        dated = dated or is_date_token(word)
    return False


def titles_before_date(words: list[str]) -> bool:
    """Whether `words` (a line's) are a title, a colon and a date ("Harbour open day:
    Saturday 6 June, 2pm", "Fête du port : samedi 6 juin, 14 h", "Hafenfest: Samstag, 6.
    Juni, 14 Uhr"): an event's line, not a stamp. A stamp's label before its colon says
    that the story was published or updated, and when (see STAMP_WORDS, _LABEL_WORDS:
    "Updated:", "Mis à jour :", "Last updated:", "Stand:"); a title holds a word of
    letters that is none of these (see _titles). The labels are known for the languages
    written in Latin letters: before a colon a word in another script ("Обновлено:") may
    be a stamp's, and the line is no title here.

    A stamp dates the story for those who read it later: with its year, and its label is
    a word of any language ("Geüpdatet:", "Päivitetty:", "Cập nhật:", or an author's name,
    "Jane Doe:"). An event's line is read before the day: it names the day of the week
    (see WEEKDAYS: "Straßenfest: Samstag, 6. Juni 2026"), or leaves the year out."""
    for i, word in enumerate(words):
        if word[-1:] == ":":
            label = words[: i + 1] if word != ":" else words[:i]
            date = words[i + 1 :]
            if not (any(map(_titles_label, label)) and holds_date(date)):
                return False
            return _YEAR.search(" ".join(date)) is None or not WEEKDAYS.isdisjoint(
                word.strip(PUNCT).lower() for word in date
            )
        if is_date_token(word):
            return False  # (a date before the colon: see titles_after_date)
    return False


def _titles_label(word: str) -> bool:
    """Whether `word`, before a colon, is a title's (see titles_before_date): of Latin
    letters, and none of a stamp's label's words (_LABEL_WORDS) or a date's."""
    bare = without_latin_accents(word)
    return _titles(bare, _LABEL_WORDS) and max(bare.lower()) < _LATIN_END


def _titles(word: str, stamps: frozenset[str] = _STAMPS_AND_SMALL) -> bool:
    """Whether `word` is a word of letters and none of a stamp's words: not a date token
    (see is_date_token), a stamp word or a small word (of `stamps`: STOP's, STAMP_WORDS,
    or of one letter: "à")."""
    bare = word.strip(PUNCT).lower()
    return len(bare) > 1 and bare.isalpha() and bare not in stamps and not is_date_token(bare)
