"""IDF weights of the window an article is compared with.

The weights come from the window itself, so no external corpus is needed and they follow
the news of the day: idf = ln((1 + n) / (1 + df)) + 1 over the window's ``n`` fingerprints
plus the one being matched. Below ``MIN_IDF_DOCS`` fingerprints every term weighs the same.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from summaries.grouping.fingerprints import Fingerprint

MIN_IDF_DOCS = 10  # fewer fingerprints than this: every term weighs the same


@dataclass(frozen=True, slots=True)
class TermWeights:
    """IDF weights of a collection of fingerprints (a window of recent articles)."""

    docs: int  # fingerprints in the collection
    df: Mapping[str, int]  # term -> how many of them hold it

    def weight(self, term: str) -> float:
        """The term's IDF; a term the collection never saw weighs as the rarest."""
        if self.docs < MIN_IDF_DOCS:
            return 1.0
        return idf(self.df.get(term, 0), self.docs)


def term_weights(fingerprints: Iterable[Fingerprint]) -> TermWeights:
    """Document frequencies of a collection, for `similarity`.

    Include the fingerprints being compared: this is what `StoryGrouper` does with its
    window plus the article it matches.
    """
    df: Counter[str] = Counter()
    docs = 0
    for fp in fingerprints:
        df.update(term for term, _ in fp.terms)
        docs += 1
    return TermWeights(docs, dict(df))


def idf(df: int, docs: int) -> float:
    return math.log((1 + docs) / (1 + df)) + 1.0
