"""Search folding: the spellings a reader takes for the same word made one, for matching only.

The index of each engine already folds case and the accents of Latin letters. What it
leaves apart, and a reader does not:

- Greek: the accent and diaeresis of modern (monotonic) Greek (Πειραιάς, ΠΕΙΡΑΙΑΣ:
  capitals are written without them) and the final sigma (ς is σ at a word's end);
- Turkish: dotless ı and dotted İ are i (ışık, Işık, IŞIK; İstanbul). Without knowing the
  language, a capital I cannot be lowered the Turkish way (to ı), so the dot is not told
  apart at all;
- Russian: ё is е (ёлка, елка), as most Russian print writes it;
- German: the sharp s (ß, and its capital ẞ) is ss (Straße, STRASSE, and Swiss German's
  Strasse), as German writes it in capitals and Switzerland writes it always;
- Arabic script: the tatweel (ـ, a stretch of the line) and the vowel marks (harakat) go;
  letters that writers use in each other's place are one: the hamza seats on alef (أ إ آ
  ٱ) are ا, alef maqsura ى is ي, ta marbuta ة is ه, and the Persian and Urdu shapes of
  Arabic letters are the Arabic ones (ک is ك, ی is ي). This is the rule of Lucene's
  Arabic and Persian normalizers: no letter is merged that the writers themselves keep
  apart at the same place in a word;
- the Arabic definite article ال written onto its word, alone or after a conjunction or
  preposition written onto it too (وال، بال، كال، فال، and لل for ل + ال), as Lucene's
  ArabicStemmer takes them off, when three letters or more stay (most Arabic words are of
  three letters or more, and a shorter rest is more often a word of its own: الله is not
  ال + له, والد not و + ال + د), so that كتاب finds الكتاب and والكتاب, as a word and as a
  prefix. A prefix typed with its article (الكت) must keep three letters after it. Only the
  article as it is written is taken: a plain alef (or the alef wasla ٱ of vocalised text)
  then lam; a word that opens with a hamza on its alef (ألمانيا, إلكتروني) is no article,
  so the hamza seats are made ا after the article came off, and ألمانيا does not become
  مانيا;
- Unicode's spellings of one text: the text is made NFC (a title that came with its
  accents as separate marks, "Cafe" + U+0301, is "Café"; ا + U+0654 is أ), and the forms
  that are a letter in another width or shape are that letter: full-width and half-width
  forms (ｃａｆｅ is cafe), the Arabic presentation forms (ﻻ is لا) and the ligatures of
  letters (ﬁ is fi): their compatibility (NFKC) form. Other compatibility forms stay as
  written (™ is not TM, ½ not 1⁄2, ² not 2): folding them would join or split words.

:func:`fold_text` is applied to the text as it is indexed (on SQLite through the SQL
function :data:`SQL_FUNCTION`, on PostgreSQL through an SQL function made from the same
:data:`GROUPS` and :data:`ARTICLE`: see ``summaries.store.postgres_folding``) and to each
word of a query, so both meet. It makes the text NFC with the compatibility forms above
undone, replaces or drops single characters, takes off the article, then folds the hamza
seats. Stored text is never changed: what a reader sees is what was written. Changing
these rules means a schema migration that indexes the articles again.

The characters come in groups, one per script, so that PostgreSQL's function folds a
group only in a text holding one of its characters.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

__all__ = [
    "ARTICLE",
    "COMPATIBLE",
    "COMPATIBLE_CLASS",
    "GROUPS",
    "SQL_FUNCTION",
    "Group",
    "fold_text",
    "without_latin_accents",
]

SQL_FUNCTION = "briefing_fold"  # the name of fold_text inside the database


class Group(NamedTuple):
    """The characters of one script that fold: each of ``source`` becomes the character (or
    the letters) at its place in ``target``; each of ``dropped`` goes. ``after_article``:
    folded once the article came off (the hamza seats, which tell the article from a
    word's own alef)."""

    source: str
    target: str | tuple[str, ...]
    dropped: str = ""
    after_article: bool = False


def _greek() -> dict[str, str]:
    """Each letter of monotonic Greek with its accent or diaeresis -> the bare letter."""
    found = {}
    for code in range(0x0386, 0x03D0):
        parts = unicodedata.normalize("NFD", chr(code))
        if len(parts) > 1 and parts[0].isalpha():
            found[chr(code)] = parts[0]
    return found


_GREEK = {**_greek(), "\u03c2": "\u03c3"}  # and ς -> σ
_TURKISH_CYRILLIC = {
    "\u0131": "i",  # ı dotless i
    "\u0130": "i",  # İ dotted capital I
    "\u0451": "\u0435",  # ё -> е
    "\u0401": "\u0415",  # Ё -> Е
}
_HAMZA_SEATS = {
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0622": "\u0627",  # آ -> ا
}
_ARABIC = {
    "\u0671": "\u0627",  # ٱ -> ا (the alef wasla: the article's own alef in vocalised text)
    "\u0649": "\u064a",  # ى -> ي
    "\u06cc": "\u064a",  # ی (Persian yeh) -> ي
    "\u06a9": "\u0643",  # ک (keheh) -> ك
    "\u0629": "\u0647",  # ة -> ه
    "\u06c0": "\u0647",  # ۀ -> ه
}
# Tatweel, harakat and Quranic annotation marks: dropped.
_ARABIC_DROPPED = "".join(
    chr(code)
    for code in [
        0x0640,
        *range(0x0610, 0x061B),
        *range(0x064B, 0x0660),
        0x0670,
        *range(0x06D6, 0x06DD),
        *range(0x06DF, 0x06E5),
        0x06E7,
        0x06E8,
        *range(0x06EA, 0x06EE),
    ]
)
GROUPS = (
    Group("".join(_GREEK), "".join(_GREEK.values())),
    Group("".join(_TURKISH_CYRILLIC), "".join(_TURKISH_CYRILLIC.values())),
    Group("".join(_ARABIC), "".join(_ARABIC.values()), _ARABIC_DROPPED),
    Group("".join(_HAMZA_SEATS), "".join(_HAMZA_SEATS.values()), after_article=True),
    Group("\u00df\u1e9e", ("ss", "ss")),  # ß ẞ -> ss (schema 26)
)

# Compatibility forms that are letters in another width or shape (see the docstring).
_SHAPES = frozenset(["<wide>", "<narrow>", "<initial>", "<medial>", "<final>", "<isolated>"])


def _compatible() -> dict[str, str]:
    """Each such form (all of them lie in U+FB00-U+FFEF) -> its NFKC form; not those that
    become several words (ﷺ) or hold a space (a lone mark's form, ﱞ)."""
    found = {}
    for code in range(0xFB00, 0xFFF0):
        char = chr(code)
        tag = unicodedata.decomposition(char).split(" ")[0]
        folded = unicodedata.normalize("NFKC", char)
        if (
            folded != char
            and " " not in folded
            and (tag in _SHAPES or (tag == "<compat>" and folded.isalpha()))
        ):
            found[char] = folded
    return found


COMPATIBLE = _compatible()


def _ranges(chars: str) -> str:
    """``chars`` as the inside of a bracket expression, runs written as ranges."""
    codes = sorted(map(ord, chars))
    parts, start = [], codes[0]
    for previous, code in zip(codes, [*codes[1:], None], strict=True):
        if code != previous + 1:
            parts.append(chr(start) if start == previous else f"{chr(start)}-{chr(previous)}")
            start = code if code is not None else start
    return "".join(parts)


COMPATIBLE_CLASS = f"[{_ranges(''.join(COMPATIBLE))}]"  # one such form (Python and PostgreSQL)
_COMPATIBLE = re.compile(COMPATIBLE_CLASS)

_ARABIC_LETTER = (
    "[\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff]"
)
# The article at a word's start (after the start of the text or any character but an
# Arabic letter: group 1, kept), alone or after و ب ك ف (or لل: ل + ال), with three
# letters after it, for PostgreSQL (where a look-behind costs four times as much)...
_PREFIXES = "(?:[\u0648\u0628\u0643\u0641]?\u0627\u0644|\u0644\u0644)"
ARTICLE = f"(^|[^{_ARABIC_LETTER[1:-1]}]){_PREFIXES}(?={_ARABIC_LETTER}{{3}})"
# ...and the same for Python's re. Every prefix holds a lam: a text without one has none.
_ARTICLE = re.compile(f"(?<!{_ARABIC_LETTER}){_PREFIXES}(?={_ARABIC_LETTER}{{3}})")

# Python's own str.translate looks each character up in a dict (~100 ns a character):
# replacing only the characters to fold, found by a regex, is two to three times faster.


def _replacements(late: bool) -> dict[str, str]:
    return {
        char: replacement
        for group in GROUPS
        if group.after_article == late
        for char, replacement in [*zip(group.source, group.target, strict=True)]
        + [(char, "") for char in group.dropped]
    }


_REPLACED = _replacements(late=False)
_CHANGED = re.compile(f"[{re.escape(''.join(_REPLACED))}]")
_REPLACED_LATE = _replacements(late=True)
_CHANGED_LATE = re.compile(f"[{re.escape(''.join(_REPLACED_LATE))}]")
# Any character that one of the steps below looks at (lam: every prefix holds one).
_ANY = re.compile(
    f"[{COMPATIBLE_CLASS[1:-1]}{re.escape(''.join(_REPLACED) + ''.join(_REPLACED_LATE))}\u0644]"
)


def fold_text(text: str) -> str:
    """``text`` with the spellings above made one (for indexing and querying only)."""
    if text.isascii():
        return text  # (most text: one scan, ~5 ns a character)
    if _ANY.search(text) is None:  # (Latin with accents, Cyrillic...: two more scans)
        if unicodedata.is_normalized("NFC", text):
            return text
        return fold_text(unicodedata.normalize("NFC", text))  # (which may make one: έ)
    if _COMPATIBLE.search(text) is not None:
        text = _COMPATIBLE.sub(lambda found: COMPATIBLE[found.group()], text)
        text = unicodedata.normalize("NFC", text)
    elif not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    folded = _CHANGED.sub(lambda found: _REPLACED[found.group()], text)
    if "\u0644" in folded:
        folded = _ARTICLE.sub("", folded)
    return _CHANGED_LATE.sub(lambda found: _REPLACED_LATE[found.group()], folded)


# Each Latin letter written with accents (one character once NFC) -> the bare letter: what
# its canonical decomposition is without the combining diacritics (U+0300-U+036F) after
# the letter, as SQLite's ``remove_diacritics 2`` reads it (é, ệ -> e; ø, ł have none).
_LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _latin_bare() -> dict[int, str]:
    found = {}
    for code in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        parts = unicodedata.normalize("NFD", chr(code))
        if len(parts) > 1 and _LATIN_LETTERS.fullmatch(parts[0]) is not None:
            if all("\u0300" <= mark <= "\u036f" for mark in parts[1:]):
                found[code] = parts[0]
    return found


_LATIN_BARE = _latin_bare()
# (one of them found by a regex, as above: most text that is not ASCII holds none, only
# quotation marks or dashes, and a regex's scan is many times faster than str.translate)
_LATIN_ACCENTED = re.compile(f"[{_ranges(''.join(map(chr, _LATIN_BARE)))}]")


def without_latin_accents(text: str) -> str:
    """``text`` (in NFC) with each Latin letter written with accents as its bare letter,
    character for character (a place in the result is the same place in ``text``): for
    comparing words that writers spell with or without accents ("Imprimé", "Imprime";
    "Já é", "Ja e"). Other scripts' marks are spelling, and stay."""
    if text.isascii() or _LATIN_ACCENTED.search(text) is None:
        return text
    return _LATIN_ACCENTED.sub(lambda found: _LATIN_BARE[ord(found.group())], text)
