"""The terms a word of a headline or a lead adds to a story fingerprint."""

from __future__ import annotations

from collections.abc import Callable

from summaries.words import letter_count


def word_terms(word: str, stop_words: frozenset[str], stem: Callable[[str], str]) -> list[str]:
    """The stems a word token contributes: hyphenated parts each, stop words and words of
    one letter dropped. A letter's vowel signs do not count: in a language read as written,
    without stop words (Hindi, Bengali...), words of one letter and its signs are mostly
    function words (के, ने, से, है, की, में), which unrelated stories all share. (A word of a
    script written without spaces, Thai..., adds its pairs of letters instead:
    summaries.grouping.scripts.unspaced_pairs.)"""
    out = []
    for part in word.lower().split("-"):
        if part.endswith("'s"):
            part = part[:-2]
        part = part.strip("'")
        if letter_count(part) > 1 and part not in stop_words:
            out.append(stem(part))
    return out
