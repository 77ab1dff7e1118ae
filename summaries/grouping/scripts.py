"""Writing systems, made comparable for story fingerprints.

Serbian is written in Cyrillic and in Latin letters alike, and Croatian and Bosnian in Latin
ones: one story told in both scripts shares no word as written. Serbian Cyrillic has a fixed
one-to-one table to the Latin alphabet (Vuk Karadžić's Cyrillic and Gaj's Latin alphabet,
both official in Serbia: "Љ" is "Lj", "Ђ" is "Đ"), so a fingerprint of a variety of
Serbo-Croatian reads its Cyrillic letters as their Latin ones (:func:`one_script`).

Thai, Lao, Khmer and Burmese put no spaces between words, and no segmenter for them is a
dependency (Chinese and Japanese have theirs, see summaries.cjk), so a run of their letters
is one "word" from one space to the next: two tellings of one story share hardly any such
run. A run of these scripts adds its overlapping pairs of letters instead (a letter with its
vowel signs and tone marks is one), the way search indexes Chinese (summaries.cjk.pairs):
two tellings share the pairs of the words they share, whatever surrounds them
(:func:`unspaced_pairs`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from summaries.language import macrolanguage_of
from summaries.words import marks_in

__all__ = ["one_script", "unspaced_pairs"]

_SERBIAN_CYRILLIC = dict(
    zip(
        "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ",
        "A B V G D Đ E Ž Z I J K L Lj M N Nj O P R S T Ć U F H C Č Dž Š".split(),
        strict=True,
    )
)
_LATIN_OF = {
    "serbo-croatian": str.maketrans(
        {**_SERBIAN_CYRILLIC, **{c.lower(): v.lower() for c, v in _SERBIAN_CYRILLIC.items()}}
    ),
}

# Thai, Lao, Myanmar and Khmer letters: scripts written without spaces between words.
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")


def one_script(text: str, language: str) -> str:
    """``text`` in the one script its language is compared in (Serbo-Croatian: Latin)."""
    table = _LATIN_OF.get(macrolanguage_of(language))
    return text.translate(table) if table is not None and not text.isascii() else text


def unspaced_pairs(word: str) -> list[str] | None:
    """The overlapping pairs of letters (each with its marks) of a word of a script written
    without spaces (a word of one letter: none), or None for a word of any other script."""
    if word.isascii() or _UNSPACED.search(word) is None:
        return None
    letters = _letters(marks_in(word)).findall(word)
    return [a + b for a, b in zip(letters, letters[1:], strict=False)]


@lru_cache(maxsize=16)
def _letters(marks: str) -> re.Pattern[str]:
    """One letter and the marks written on it."""
    return re.compile(f".[{re.escape(marks)}]*" if marks else ".", re.DOTALL)
