"""Words of every script: letters (or letters and digits) with the combining marks inside.

Python's ``\\w``, and so ``[^\\W\\d_]``, holds no combining mark (Unicode categories Mn,
Mc, Me), yet many scripts write parts of a word as marks: Devanagari, Bengali and Tamil
their vowel signs and viramas ("साइबर" is स ा इ ब र with ा a mark), Thai and Lao the
vowels above and below a consonant and the tone marks, Myanmar and Khmer most vowels. A
pattern of ``\\w`` alone cuts such a word at each mark ("स", "इबर"). Every word pattern of
the bot is made here, so that one definition of a word holds for splitting, ranking,
grouping, cleaning and search: its first character is of the pattern's class, the others
of that class or combining marks. The zero-width non-joiner and joiner (U+200C, U+200D)
count as marks: they shape the letters around them inside a word (Sinhala's "ශ්‍රී",
Bengali's "র‍্যাব"), and Unicode's word boundaries (UAX #29) keep them inside one too.

``re`` has no class for a Unicode category, and one listing every mark would be made by
looking at each of the ~1.1 million code points (~170 ms) in each process. Instead
:func:`marks_in` tells which marks a text holds: a text of only the characters of
:data:`NO_MARKS` (ASCII, Latin, Greek, Cyrillic, Chinese, Japanese and Korean letters,
with their punctuation) holds none, told by one regex search; in any other text it looks
up the category of each distinct character the first time it is seen (a set difference,
in C, for all characters seen before). A text holding no mark is read with the plain
pattern, as before; a text holding some, with a pattern allowing every mark seen so far
in the process, so the patterns are compiled again only when a new mark turns up, a few
dozen times for any one script.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "ALNUM",
    "JOINERS",
    "LETTER",
    "NO_MARKS",
    "WORD_CHAR",
    "letter_count",
    "marks_in",
    "text_weight",
    "word_pattern",
    "word_run",
]

LETTER = r"[^\W\d_]"  # a letter of any script
ALNUM = r"[^\W_]"  # a letter or digit
WORD_CHAR = r"\w"  # a letter, digit or underscore

# Ranges of code points without any combining mark that hold the letters and punctuation
# of the commonest scripts: Latin (up to U+02FF), Greek and Cyrillic, general punctuation
# and currency signs, CJK punctuation, kana, Han, Hangul and full-width forms (the
# combining diacritics U+0300-U+036F, Cyrillic's U+0483-U+0489, kana's voicing marks
# U+3099-U+309A and U+302A-U+302F are left out). tests/summaries/test_scripts.py checks
# that none of them holds a mark. (They hold the joiners, which matter only inside the
# words of scripts beyond them.)
NO_MARKS = (
    "\x00-\u02ff\u0370-\u0482\u048a-\u052f\u2000-\u20cf\u3000-\u3029\u3030-\u3098"
    "\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef"
)
_MAYBE_MARK = re.compile(f"[^{NO_MARKS}]")
JOINERS = "\u200c\u200d"  # the zero-width non-joiner and joiner: read as marks
_JOINERS = frozenset(JOINERS)
_seen: set[str] = set()  # characters whose category has been looked up
_marks: set[str] = set()  # those of them that are combining marks (or _JOINERS)
_all_marks = ""  # _marks, sorted and joined: what a text holding a mark is read with


def marks_in(text: str) -> str:
    """The ``marks`` to give :func:`word_run` and :func:`word_pattern` for ``text``: none
    ("") when it holds no combining mark, else every mark seen so far in this process
    (those of ``text`` among them), as one sorted string."""
    global _all_marks
    if text.isascii() or _MAYBE_MARK.search(text) is None:
        return ""
    chars = set(text)
    new = chars - _seen
    if new:
        found = {c for c in new if unicodedata.category(c)[0] == "M" or c in _JOINERS}
        if found:
            _marks.update(found)
            _all_marks = "".join(sorted(_marks))
        _seen.update(new)  # (after _marks: a thread reading in between finds them there)
    return _all_marks if not _marks.isdisjoint(chars) else ""


def word_run(first: str, marks: str = "") -> str:
    """A regex of one character of the class ``first`` (such as :data:`LETTER`) followed by
    any number of characters of that class or of ``marks``. (Written "[a][a]*" rather than
    "[a]+": a pattern that opens with one character of a set lets re skip to the
    characters of that set instead of trying a match at each one.)"""
    if not marks:
        return f"{first}{first}*"
    return f"{first}(?:{first}|[{re.escape(marks)}])*"


def letter_count(word: str) -> int:
    """How many characters of ``word`` are not combining marks: its letters as a reader
    counts them ("के" is one letter with its vowel sign, "साइबर" four)."""
    if not marks_in(word):
        return len(word)
    return len(word) - sum(map(_marks.__contains__, word))


@lru_cache(maxsize=64)
def word_pattern(first: str, marks: str = "", joiners: str = "") -> re.Pattern[str]:
    """The compiled pattern of a word: a :func:`word_run` of ``first`` and ``marks``, or several
    joined by one of the characters ``joiners`` each ("don't", "state-of-the-art")."""
    word = word_run(first, marks)
    if joiners:
        word = f"{word}(?:[{re.escape(joiners)}]{word})*"
    return re.compile(word)


def text_weight(text: str) -> int:
    """How much text ``text`` holds: its letters and digits, in any script, spaced or not."""
    return sum(map(str.isalnum, text))


def opens_in_lowercase(text: str) -> bool:
    """Whether ``text`` opens with a lowercase letter of a script that capitalises a
    sentence's first letter, so that a line opening so goes on a sentence before it.

    Georgian's letters are lowercase to Python (``"ბ".islower()``: their capitals, Mtavruli,
    are kept for titles) but each is its own title case, as no sentence opens with a
    capital: such a letter tells nothing, like a letter of Arabic, Hebrew, Devanagari or
    Thai, which have no case at all.
    """
    first = text[:1]
    return first.islower() and first.title() != first
