"""The commonest function words that sumy's stop-word lists leave out, for story grouping.

sumy's French list has "le" and "la" but not "de", "un", "une" or "à"; its Spanish one has
"el" and "la" but not "de", "y" or "que"; it has no Dutch list at all. Every article of
those languages holds those words several times over, so two unrelated stories shared
them as heavily as two tellings of one story share its names (a café reopening and a
market's repairs, both French, were one story). Story fingerprints leave these words out
too, and French and Italian words lose the article or preposition elided onto them
("l'incendie", "d'euros", "dell'anno" are "incendie", "euros", "anno").

The briefings keep sumy's lists as they are (their outputs are measured on the dev sets).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["grouping_stop_words", "without_elision"]

_MISSING: dict[str, str] = {
    "french": (
        "à a ai au aux avait c ça d de des du elle en et été être il ils j l la le les leur "
        "lui m n ne on ont qu que qui s se sera son t un une y"
    ),
    "spanish": (
        "a al como con de del e el en es está fue ha han la las le les lo los más o para "
        "pero por que se ser sin su sus u un una unas uno unos y ya"
    ),
    "dutch": (
        "aan al als bij dan dat de deze die dit door een en er haar heeft hebben het hij "
        "hun in is kan maar met na naar niet nog of om ook op over sinds te tot uit van "
        "voor was waren wel werd wordt worden ze zij zijn zal"
    ),
}

_ELIDED = {  # what is written onto the next word with an apostrophe
    "french": re.compile(r"(?i)^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]"),
    "italian": re.compile(
        r"(?i)^(?:[cdlmnst]|un|all|dall|dell|nell|sull|coll|quell|quest|bell|sant)['’]"
    ),
}


@lru_cache(maxsize=32)
def grouping_stop_words(language: str, listed: frozenset[str]) -> frozenset[str]:
    """``listed`` (the language's own stop words) with the function words it misses."""
    return listed | frozenset(_MISSING.get(language, "").split())


def without_elision(word: str, language: str) -> str:
    """``word`` without an elided article or preposition before it, in a language that
    writes them so; else ``word``."""
    elided = _ELIDED.get(language)
    return elided.sub("", word, count=1) if elided is not None else word
