"""The dateline that opens a story: where and who reported, not what happened.

"(CNN)Buzz has ...", "LONDON (Reuters) - The ...", "PARIS, 3 mars (AFP) - Un ...",
"KHAN YOUNIS, GAZA — The ...", "(서울=연합뉴스) 김민수 기자 = 정부는 ...": a briefing read alone
should not open with them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summaries.clean._clutter import agency_dateline_end
from summaries.clean._date_tokens import DAYS, STAMP_WORDS, is_date_token
from summaries.clean._ends import PUNCT
from summaries.clean._lines import STOP, word_count
from summaries.clean._months import is_month
from summaries.clean._rules import NAME_JOINERS, caption_end

_MIN_REST = 4  # words a paragraph keeps at least after its dateline
_CREDIT_REACH = 80  # characters in which a dateline's outlet credit closes
_PLACE_WORDS = 7  # "Kathmandu, Nepal", "AUSTIN, Texas, April 21, 2026": words before the credit
_OUTLET_WORDS = 4  # "(CNN)", "(The Hollywood Reporter)"
_PLACE_DASH = ("--", "\u2013", "\u2014")  # "KOBE \u2013 A total of ..."
_PLACE_LETTERS = 3  # letters of a place in capitals before a hyphen: "ROMA", not "UE -"
# The most letters of a party's initials that a dash pairs with another party: "US",
# "EU", "USA", "UAE", "ONU" ("US \u2013 China trade talks", "USA - Cina, la tregua ...").
_INITIALS = 3
# The languages whose papers set a dateline's place off with a hyphen: "GENOVA - Il
# sindaco ...". In English a hyphen after capitals opens a clause ("NASA - The agency
# said ..."), and English datelines take a dash ("KOBE \u2013 A total of ...").
_HYPHENATING = frozenset({"italian"})
_STOP_DASHES = (".-", ".\u2013", ".\u2014")  # "(EFE).- El ...": a full stop, then the dash
# A Chinese paper's own dateline ("本报讯": "this paper reports") or an agency's ("新华社北京3月
# 14日电": "Xinhua, Beijing, March 14, wire"), maybe its reporters in brackets, then the lede.
# (After the agency, its place: not its reporter or its report, "新华社记者3月14日电话采访",
# "Xinhua's reporter phoned on March 14", where 电 opens the word "phone".)
_PAPER_DATELINE = re.compile(
    r"(?:本报讯|本報訊|(?:新华社|新華社|中新社|中新网|中新網)(?!记者|記者|报道|報道)"
    r"[^\s\d]{0,8}\d{1,2}月\d{1,2}日[电電])"
    r"(?: ?[（(][^（）()]{1,30}[）)])? ?"
)
_PAPER_FIRST = "本新中"
_LOWER_AGENCY = 3  # letters of an agency's short name written in lowercase: "dpa", "kna"
# The function words that are parts of places' names, in capitals as a dateline writes
# them: articles and prepositions ("THE HAGUE", "LOS ANGELES", "RIO DE JANEIRO", "ISLE OF
# MAN", "TRINIDAD AND TOBAGO", "SOUTHEND ON SEA", "DEN HAAG", "AIX EN PROVENCE"); a pronoun,
# a verb or a conjunction in capitals is a sentence's ("IT IS OVER — The ...").
_PLACE_PARTICLES = frozenset(
    "THE OF AND ON EL LA LAS LOS LE LES DE DEL DES DU AU AL SUR EN DER DEN DEM".split()
)
_CREDIT_DASH = ("-", *_PLACE_DASH)  # "LONDON (Reuters) - The ..." (a colon: a speaker's label)


def without_dateline(kept: list[str], language: str = "english") -> list[str]:
    """`kept` with the dateline that opens the story taken off ("LONDON (Reuters) - ").

    A dateline opens the story, and only the story: the first paragraph, maybe after a
    photo's caption and its credit in brackets glued before it, which goes too (see
    summaries.clean._rules.caption_end). A caption on a line of its own is furniture
    already (see is_marked_furniture); one without a credit reads as a short lede, and a
    later paragraph that opens like a dateline ("MR SMITH \u2014 We will ...") is a
    speaker's: neither is told apart here. In a language whose papers set the place off
    with a hyphen (see _HYPHENATING), "GENOVA - Il sindaco ..." is one too."""
    if not kept:
        return kept
    first = kept[0]
    hyphen = _hyphenating_stop_words(language)
    if hyphen is not None and " - " in first[:_CREDIT_REACH]:
        hyphen = hyphen | _lowercase_words(kept)  # (words of the language, no names)
    named = kept if not capitalises_nouns(language) else None
    if (start := caption_end(first)) and (
        _without_credit(first[start:], hyphen, kept, named) != first[start:]
    ):
        first = first[start:]  # "Firefighters on the roof (Photo: Jane Doe). LONDON (Reuters) -"
    return [_without_credit(first, hyphen, kept, named), *kept[1:]]


@lru_cache(maxsize=32)
def _hyphenating_stop_words(language: str) -> frozenset[str] | None:
    """The stop words of `language` (a name or a code) if its papers set a dateline's place
    off with a hyphen (see _HYPHENATING), else None."""
    from summaries.language import language_name, language_tools

    name = language_name(language)
    return language_tools(name).stop_words if name in _HYPHENATING else None


@lru_cache(maxsize=32)
def capitalises_nouns(language: str) -> bool:
    """Whether `language` writes its nouns with a capital (German's "Polizei"): a word
    written again with its capital is no name there."""
    from summaries.language import NOUN_CAPITALISING, language_name

    return language_name(language) in NOUN_CAPITALISING


def _lowercase_words(kept: list[str]) -> frozenset[str]:
    """The words that `kept` writes in lowercase: the language's words, as a name is not
    ("domani" in a later sentence: "Domani, il sindaco ..." opens with no name)."""
    return frozenset(word for word in re.findall(r"[^\W\d_]+", " ".join(kept)) if word.islower())


def _without_credit(
    text: str,
    hyphen: frozenset[str] | None = None,
    kept: list[str] | None = None,
    named: list[str] | None = None,
) -> str:
    """`text` without a news dateline: "(CNN)Buzz has ...", "LONDON (Reuters) - The ...",
    "KHAN YOUNIS, GAZA — The ...", "(서울=연합뉴스) 김민수 기자 = 정부는 ...".

    A dateline is a place (capitalised words or date tokens, up to _PLACE_WORDS, none a
    function word), then the outlet in parentheses (capitalised words), then the sentence:
    glued to the outlet, or after a dash; or, with no outlet, a place whose first word is
    in capitals and a dash (not a hyphen), or a day and a month and a full stop (see
    _place_date_end); with `hyphen` (the language's stop words, when its papers write it
    so), a place in capitals and a hyphen (see _place_end).
    It says where and who reported, not what happened, and a briefing read alone should
    not open with "(CNN)They". `kept` are the story's paragraphs, which say whether a
    word after a dash is a name (see _pairs_initials), `named` the same where a word
    written again with its capital is a name, else None.
    """
    start = (
        _credit_end(text)
        or _place_end(text, hyphen, kept or [text], named)
        or _place_date_end(text)
        or agency_dateline_end(text)
        or _paper_dateline_end(text)
    )
    rest = text[start:]
    return rest if start and word_count(rest) > _MIN_REST else text


def _credit_end(text: str) -> int:
    """Where the sentence starts after a dateline with its outlet ("(CNN)"), or 0."""
    span = _credit_span(text)
    if span is None:
        return 0
    opening, close = span
    rest = text[close + 1 :]
    if rest[:1].isupper() or (rest[:1] and rest[0] in '"\u201c'):
        start = close + 1  # "(CNN)They"
    elif start := _after_dash(text, close + 1, _CREDIT_DASH):
        pass  # "(Reuters) - The"
    elif rest[:2] in _STOP_DASHES and rest[2:3] == " " and rest[3:4].isupper():
        start = close + 4  # "(EFE).- El", as Spanish agencies write it
    elif rest[:1] == " " and rest[1:2].isupper() and text[:opening].upper() == text[:opening]:
        start = close + 2  # "(CNN) They", "LONDON (Reuters) The"; not "Tesla (TSLA) Chief"
    else:
        return 0
    outlet = text[opening + 1 : close].split()
    if not 0 < len(outlet) <= _OUTLET_WORDS or not _names_agency(outlet):
        return 0
    place = text[:opening].split()
    if len(place) > _PLACE_WORDS or not _names_place_and_date(place):
        return 0
    return 0 if len(place) == 1 and _spells_out(place[0], outlet) else start


def _credit_span(text: str) -> tuple[int, int] | None:
    """Where an outlet's credit opens and closes near the start of ``text``: in parentheses
    ("LONDON (Reuters)"), or between slashes as wires write it ("2026 /PRNewswire/")."""
    close = text.find(")", 0, _CREDIT_REACH)
    opening = text.find("(", 0, close) if close > 0 else -1
    slash = text.find(" /", 0, opening if opening >= 0 else _CREDIT_REACH)
    if slash >= 0 and (span := _slashed_credit(text, slash)):
        opening, close = span  # before any bracket: "2026 /PRNewswire/ -- Acme Inc. (NYSE: ACME)"
    elif opening < 0:
        return None
    if opening and text[opening - 1] != " ":
        return None  # "Brazil(CNN)As"
    return opening, close


def _slashed_credit(text: str, slash: int) -> tuple[int, int] | None:
    """The slashes around a press wire's credit from ``slash`` (a space, then the opening
    slash): glued to its name, as wires write it ("/PRNewswire/"); a slash between
    spaces parts two places ("BERLIN / PARIS (AFP)"), and the brackets' credit is read."""
    close = text.find("/", slash + 2, _CREDIT_REACH)
    if close < 0 or text[slash + 2 : slash + 3].isspace() or text[close - 1].isspace():
        return None
    return slash + 1, close


def _spells_out(word: str, outlet: list[str]) -> bool:
    """Whether the words in parentheses explain ``word`` rather than credit an outlet:
    "NATO (North Atlantic Treaty Organization)", "NVIDIA (NVDA)" (a ticker's letters, in
    order), "Labour (LAB)"."""
    name = word.rstrip(",").upper()
    initials = "".join(w[0] for w in outlet if w not in NAME_JOINERS).upper()
    if initials == name:
        return True
    letters = iter(name)
    return len(outlet) == 1 and all(letter in letters for letter in outlet[0].upper())


def _place_end(
    text: str, hyphen: frozenset[str] | None, kept: list[str], named: list[str] | None
) -> int:
    """Where the sentence starts after a place in capitals and a dash ("KOBE – A"), or,
    with `hyphen` (the language's stop words), a hyphen ("GENOVA - Il", see
    _is_place_in_capitals), or 0. `kept`, `named`: the story's paragraphs (see
    _pairs_initials)."""
    if not text[:2].isupper():  # (most paragraphs: a cheap test before the words)
        return 0
    first = text[: text.find(" ", 0, _CREDIT_REACH)].rstrip(",.")
    if len(first) < 2 or not first.isupper():
        return 0
    place = text[:_CREDIT_REACH].split(" ", _PLACE_WORDS + 1)[: _PLACE_WORDS + 1]
    for i, word in enumerate(place[1:], 1):
        if word in _PLACE_DASH:
            end = len(" ".join(place[:i]))
            start = _after_dash(text, end, _PLACE_DASH) if all(map(_names_place, place[:i])) else 0
            paired = start and _pairs_initials(place[:i], text[start:], STOP, kept, named)
            return 0 if paired else start
        if word == "-" and hyphen is not None:  # "GENOVA - Il sindaco", as Italian papers
            end = len(" ".join(place[:i]))
            start = _after_dash(text, end, ("-",)) if _is_place_in_capitals(place[:i]) else 0
            rest = text[start : start + _CREDIT_REACH]
            if start and _pairs_initials(place[:i], rest, hyphen, kept, named):
                return 0
            return 0 if start and _opens_with_second_name(rest, hyphen) else start
    return 0


def _pairs_initials(
    place: list[str],
    rest: str,
    stop: frozenset[str],
    kept: list[str],
    named: list[str] | None,
) -> bool:
    """Whether `place`, before a dash, is a party's initials that the dash pairs with the
    name opening `rest` ("US \u2013 China trade talks ...", "EU \u2013 UK deal ...", "USA -
    Cina, la tregua ..."): a word of _INITIALS capitals or fewer (a place a dateline
    names is a city's, in full: "ROMA", "KOBE"; or its initials: "NYC", "LA"), then
    another party's initials ("UK"), or a name: a capitalised word that is none of the
    language's small `stop` words ("UK \u2013 The government said ...": a sentence) and
    that the story (`kept`, its paragraphs) never writes in lowercase, which a comma or a
    colon closes (a kicker's pair: "USA \u2013 China: ...", "ONU - Ginevra, ...") or the
    story names again (`named`: its paragraphs, None in a language that capitalises its
    nouns, where a noun is written again so: "NRW \u2013 Polizei warnt ...", "Die
    Polizei ..."). The word that opens a sentence after a city's initials is a word of
    the language ("NYC \u2014 Officials said ...", "LA \u2014 Firefighters ...", "DC \u2013
    Mayor ...": "officials", "the mayor" elsewhere, or nowhere else); the other party of a
    pair is what the story is about ("China" again, "China's envoy")."""
    if len(place) != 1 or not (place[0].isalpha() and len(place[0]) <= _INITIALS):
        return False
    word, _, after = rest.partition(" ")
    bare = word.rstrip(PUNCT)
    if _in_capitals(bare):
        return True  # "EU \u2013 UK deal", "UK \u2013 EU relations"
    if not (bare[:1].isupper() and bare.replace("-", "").isalpha()) or bare.lower() in stop:
        return False
    story = "\n".join(kept)
    if re.search(rf"(?<![\w-]){re.escape(bare.lower())}(?![\w-])", story):
        return False  # a word of the language, written in lowercase elsewhere
    if word[len(bare) :] in (",", ":") or after[:2] == ": ":
        return True  # "USA - Cina, la tregua ...", "UE \u2013 Royaume-Uni : l'accord ..."
    if named is None:
        return False
    return len(re.findall(rf"(?<![\w-]){re.escape(bare)}(?![\w-])", "\n".join(named))) > 1


def _opens_with_second_name(text: str, stop: frozenset[str]) -> bool:
    """Whether `text`, after a place in capitals and a hyphen, opens with a second name
    set against the first, not a sentence ("GENOVA - Il sindaco", "MILANO - È ...",
    "ROMA - Ieri, il sindaco", "ROMA - Mattarella, nel suo discorso ..."): a word of two
    or more letters, all capitals ("ROMA - LAZIO 2-1", a match's teams), or a
    capitalised word that is none of the language's `stop` words, then a hyphen
    ("MILANO - Torino - Genova: ...", a chain of cities that a headline's kicker sets
    side by side). A name and a comma after a city's name in full open the sentence (its
    subject, then a clause); after initials they are the other party of a pair (see
    _pairs_initials). A day or a month ("Lunedì - ..."), or a word that the text writes
    in lowercase elsewhere (in `stop` then), is none."""
    word, _, after = text.partition(" ")
    bare = word.rstrip(PUNCT)
    if _in_capitals(bare):
        return True
    low = bare.lower()
    if not (bare[:1].isupper() and bare.isalpha()) or low in stop or low in STAMP_WORDS:
        return False
    return after[:2] == "- "


def _is_place_in_capitals(words: list[str]) -> bool:
    """Whether `words`, before a hyphen, are a place written all in capitals ("GENOVA",
    "REGGIO EMILIA", "SAN DONÀ DI PIAVE"): a hyphen also sets off a clause after a name
    ("Mario Rossi - il sindaco - ha detto"), so it ends a dateline only after capitals
    alone, letters of at least _PLACE_LETTERS."""
    bare = [word.rstrip(",") for word in words]
    return all(w.replace("'", "").isalpha() and w.isupper() for w in bare) and (
        len("".join(bare)) >= _PLACE_LETTERS
    )


def _place_date_end(text: str) -> int:
    """Where the sentence starts after a place in capitals, a comma, a day and its month,
    maybe a dash and the outlet, then a full stop, as Russian agencies write it
    ("МОСКВА, 14 марта. Мэрия ...", "МОСКВА, 14 мар — РИА Новости. Мэрия ..."), maybe
    with the year, and a dash after the stop ("МОСКВА, 14 марта 1999 г. — Мэрия ..."), or 0.
    A month is one of the months' names in full or cut short (see is_month): a place in
    capitals, a number and another word is a sentence's ("EU, 27 Staaten. So viele ...").
    French writes the first of the month "1er"."""
    if not text[:2].isupper():  # (most paragraphs: a cheap test before the words)
        return 0
    head, stop, rest = text[:_CREDIT_REACH].partition(". ")
    if rest[:2] == f"{_PLACE_DASH[-1]} ":  # "МОСКВА, 14 марта 1999 г. — Правительство ..."
        stop, rest = f"{stop}{rest[:2]}", rest[2:]
    place, comma, date = head.partition(", ")
    if not (stop and comma and rest[:1].isupper() and place.isupper()):
        return 0
    if not place.replace(" ", "").replace("-", "").isalpha():
        return 0
    date, dash, outlet = date.partition(f" {_PLACE_DASH[-1]} ")
    if dash and not 0 < len(outlet.split()) <= _OUTLET_WORDS:
        return 0
    day, _, month = date.partition(" ")
    month, _, year = month.partition(" ")
    if year and not _is_year(year):
        return 0
    day = day.removesuffix("er")  # "1er mars"
    if not (day.isdecimal() and 0 < int(day) <= DAYS and is_month(month)):
        return 0
    if dash and not all(map(_names_outlet, outlet.split())):
        return 0
    return len(head) + len(stop)


def _is_year(words: str) -> bool:
    """Whether `words`, after a dateline's month, are its year: "1999", or "1999 г" as
    Russian writes it (the year's abbreviated word, "г.", before the full stop)."""
    year, _, word = words.partition(" ")
    return len(year) == 4 and year.isdecimal() and word in ("", "г")


def _paper_dateline_end(text: str) -> int:
    """Where the lede starts after a Chinese paper's or agency's dateline, maybe with its
    reporters in brackets: "本报讯 市政府 ...", "新华社北京3月14日电（记者王明）...", or 0."""
    if text[:1] not in _PAPER_FIRST:  # (most paragraphs: a cheap test before the pattern)
        return 0
    found = _PAPER_DATELINE.match(text)
    return found.end() if found else 0


def _after_dash(text: str, at: int, dashes: tuple[str, ...]) -> int:
    """Where the next word starts if `text` has " <dash> " at `at` and a capital after it."""
    if text[at : at + 1] != " ":
        return 0
    dash = text[at + 1 :].partition(" ")[0]
    start = at + len(dash) + 2
    return start if dash in dashes and text[start : start + 1].isupper() else 0


def _names_outlet(word: str) -> bool:
    """A word of an outlet's name: "CNN", "Agence", "France-Presse", "of"."""
    return (word[0].isupper() and word.replace("-", "").isalpha()) or word in NAME_JOINERS


def _names_agency(outlet: list[str]) -> bool:
    """Whether `outlet` (the words in brackets) name an outlet (see _names_outlet), or an
    agency by its short name alone, which German papers write in lowercase ("(dpa)",
    "(epd)"): not a small word of English ("(for now)")."""
    if len(outlet) == 1 and outlet[0].isalpha() and outlet[0].islower():
        return len(outlet[0]) <= _LOWER_AGENCY and outlet[0] not in STOP
    return all(map(_names_outlet, outlet))


def _names_place_and_date(words: list[str]) -> bool:
    """Whether `words` name a dateline's place and date (see _names_place): after the
    day's number, a month in lowercase too, as French or Spanish write it ("PARIS, 3
    mars", "MADRID, 3 de marzo"); a slash parts two places ("KYIV / LONDON")."""
    dated = False
    for word in words:
        if word == "/":
            continue  # between two places: "KYIV / LONDON (Reuters)"
        if not (_names_place(word) or (dated and word.rstrip(",").isalpha())):
            return False
        dated = dated or word.rstrip(",").isdecimal()
    return True


def _names_place(word: str) -> bool:
    """A word of a dateline's place or date: "LONDON,", "Kathmandu,", "Dec", "5". A
    function word is not ("In London (Reuters)"), unless in capitals as an article or a
    preposition of a place's name (see _PLACE_PARTICLES): "LOS ANGELES", "THE HAGUE",
    "LA PAZ", "ISLE OF MAN"; never a pronoun or a verb ("WE WILL NOT BACK DOWN — ...")."""
    bare = word.rstrip(",")
    if word[0].isupper() and (bare.lower() not in STOP or bare in _PLACE_PARTICLES):
        return True
    return is_date_token(word)


def _in_capitals(word: str) -> bool:
    """Whether `word` is a word of two or more letters, all capitals ("UK", "LAZIO")."""
    return len(word) >= 2 and word.isalpha() and word.isupper()
