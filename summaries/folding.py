"""Search folding: the spellings a reader takes for the same word made one, for matching only.

The index of each engine already folds case and the accents of Latin letters. What it
leaves apart, and a reader does not:

- Greek: the accent and diaeresis of modern (monotonic) Greek (Πειραιάς, ΠΕΙΡΑΙΑΣ:
  capitals are written without them) and the final sigma (ς is σ at a word's end);
- Turkish: dotless ı and dotted İ are i (ışık, Işık, IŞIK; İstanbul). Without knowing the
  language, a capital I cannot be lowered the Turkish way (to ı), so the dot is not told
  apart at all;
- Russian: ё is е (ёлка, елка), as most Russian print writes it;
- Arabic script: the tatweel (ـ, a stretch of the line) and the vowel marks (harakat) go;
  letters that writers use in each other's place are one: the hamza seats on alef (أ إ آ
  ٱ) are ا, alef maqsura ى is ي, ta marbuta ة is ه, and the Persian and Urdu shapes of
  Arabic letters are the Arabic ones (ک is ك, ی is ي). This is the rule of Lucene's
  Arabic and Persian normalizers: no letter is merged that the writers themselves keep
  apart at the same place in a word;
- the Arabic definite article ال, written onto its word, comes off when three letters or
  more stay (most Arabic words are of three letters or more, and a shorter rest is more
  often a word of its own: الله is not ال + له), so that كتاب finds الكتاب, as a word and
  as a prefix. A prefix typed with its article (الكت) must keep three letters after it.

:func:`fold_text` is applied to the text as it is indexed (on SQLite through the SQL
function :data:`SQL_FUNCTION`, on PostgreSQL through an SQL function made from the same
:data:`GROUPS` and :data:`ARTICLE`: see ``summaries.store.postgres_folding``) and to each
word of a query, so both meet. It replaces or drops single characters, then takes off the
article. Stored text is never changed: what a reader sees is what was written. Changing
these rules means a schema migration that indexes the articles again.

The characters come in groups, one per script, so that PostgreSQL's function folds a
group only in a text holding one of its characters.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

__all__ = ["ARTICLE", "GROUPS", "SQL_FUNCTION", "Group", "fold_text"]

SQL_FUNCTION = "briefing_fold"  # the name of fold_text inside the database


class Group(NamedTuple):
    """The characters of one script that fold: each of ``source`` becomes the character at
    its place in ``target``; each of ``dropped`` goes."""

    source: str
    target: str
    dropped: str = ""


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
_ARABIC = {
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0622": "\u0627",  # آ -> ا
    "\u0671": "\u0627",  # ٱ -> ا
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
)

_ARABIC_LETTER = (
    "[\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff]"
)
# The article at a word's start (after the start of the text or any character but an
# Arabic letter: group 1, kept) with three letters after it, for PostgreSQL (where a
# look-behind costs four times as much)...
ARTICLE = f"(^|[^{_ARABIC_LETTER[1:-1]}])\u0627\u0644(?={_ARABIC_LETTER}{{3}})"
# ...and the same for Python's re, opening with the article itself so that re looks for
# that first (the form above costs it seven times as much).
_ARTICLE = re.compile(f"\u0627\u0644(?<!{_ARABIC_LETTER}\u0627\u0644)(?={_ARABIC_LETTER}{{3}})")

# Python's own str.translate looks each character up in a dict (~100 ns a character):
# replacing only the characters to fold, found by a regex, is two to three times faster.
_REPLACED = {
    char: replacement
    for group in GROUPS
    for char, replacement in [*zip(group.source, group.target, strict=True)]
    + [(char, "") for char in group.dropped]
}
_CHANGED = re.compile(f"[{re.escape(''.join(_REPLACED))}]")


def _replaced(found: re.Match[str]) -> str:
    return _REPLACED[found.group()]


def fold_text(text: str) -> str:
    """``text`` with the spellings above made one (for indexing and querying only)."""
    if text.isascii() or (_CHANGED.search(text) is None and "\u0627\u0644" not in text):
        return text  # (most text: one scan, ~5 ns a character)
    folded = _CHANGED.sub(_replaced, text)
    return _ARTICLE.sub("", folded) if "\u0627\u0644" in folded else folded
