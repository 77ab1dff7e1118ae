"""Where Nordic news name a quotation's speaker after it: in the sentence, or the next paragraph.

Swedish, Danish, Norwegian and Finnish news print a speaker's words after a dialogue
dash and name the speaker after them, with a verb of saying: in the same sentence after
a comma ("– Vi ger inte upp, säger hon."), or in the next paragraph, which opens with
"that" and the verb ("Det säger Anna Nilsson, ordförande i föreningen.": "That is what
Anna Nilsson says"). Such a paragraph points back to the quotation and names who spoke
it: neither reads without the other (see :mod:`readable`).

Each language lists the words that open such a paragraph ("Det", "Detta", "Så") and its
common verbs of saying, present and past. "Det säger sig självt" (it goes without
saying) names nobody: a reflexive after the verb is no speaker.
"""

from __future__ import annotations

from functools import lru_cache

# language: (words that point back to the quotation, verbs of saying, reflexives)
_TABLE: dict[str, tuple[str, str, str]] = {
    "swedish": (
        "Det Detta Så",
        "säger sa sade skriver skrev berättar berättade menar menade förklarar förklarade "
        "konstaterar konstaterade uppger uppgav betonar betonade framhåller framhöll anser "
        "ansåg hävdar hävdade understryker underströk påpekar påpekade tror trodde tycker "
        "tyckte meddelar meddelade svarar svarade tillägger tillade bekräftar bekräftade",
        "sig",
    ),
    "danish": (
        "Det Dette Så",
        "siger sagde skriver skrev fortæller fortalte mener mente forklarer forklarede "
        "understreger understregede oplyser oplyste påpeger påpegede vurderer vurderede "
        "konstaterer konstaterede tilføjer tilføjede svarer svarede bekræfter bekræftede "
        "udtaler udtalte",
        "sig",
    ),
    "norwegian": (
        "Det Dette Slik Så",
        "sier sa skriver skrev forteller fortalte mener mente forklarer forklarte "
        "understreker understreket opplyser opplyste påpeker påpekte konstaterer konstaterte "
        "bekrefter bekreftet svarer svarte uttaler uttalte tror trodde",
        "seg",
    ),
    "finnish": (
        "Näin Tätä Tämän Niin",
        "sanoo sanoi kertoo kertoi toteaa totesi arvioi korostaa korosti muistuttaa "
        "muistutti painottaa painotti kirjoittaa kirjoitti vastaa vastasi lisää lisäsi",
        "",
    ),
}
_EDGE = ",.;:!?\"'”’»"  # punctuation a word may carry


@lru_cache(maxsize=32)
def _words(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    entry = _TABLE.get(language)
    if entry is None:
        return None
    pointers, verbs, reflexives = entry
    return frozenset(pointers.split()), frozenset(verbs.split()), frozenset(reflexives.split())


def speech_verbs(language: str) -> frozenset[str]:
    """The verbs of saying that name a speaker after a quotation in ``language`` (none for
    a language that does not name its speakers so)."""
    words = _words(language)
    return words[1] if words is not None else frozenset()


def names_speaker_before(sentence: str, language: str) -> bool:
    """Whether ``sentence`` opens by naming the speaker of the quotation before it, as a
    paragraph of its own does in Nordic news: "Det säger Anna Nilsson." ("That is what
    Anna Nilsson says"), "Det siger han.", "Det sier statsministeren.", "Näin sanoo X."
    """
    words = _words(language)
    if words is None:
        return False
    pointers, verbs, reflexives = words
    parts = sentence.split(" ", 3)
    if len(parts) < 3 or parts[0] not in pointers or parts[1] not in verbs:
        return False
    return parts[2].rstrip(_EDGE) not in reflexives and parts[2][:1].isalpha()


__all__ = ["names_speaker_before", "speech_verbs"]
