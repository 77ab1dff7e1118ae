"""Which known names a mistyped word was probably meant to be.

A name is close when it is within a few edits of the word (an edit: one letter added,
dropped, changed, or two neighbours swapped, as in "breif"), and the edits allowed grow
with the word: one for a word of up to four letters, two for a longer one. A word of three
or more letters that starts a name ("summ", "sched") is close too, and so is a name with an
English ending (``inflects``: "briefings", "scheduling", "summaries"). Anything else ("bogus",
"xyzzy") matches nothing, so no guess is offered: a poor guess misleads more than none.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

SHORT_WORD = 4  # letters; up to it one edit is allowed, past it two
MIN_PREFIX = 3  # letters a word needs to be taken for the start of a name
MAX_WORD = 40  # longer words are no typo of a short name
MIN_STEM = 4  # letters a name needs before an ending makes another word of it ("helps")
# Endings that make a plural, a verb form or a doer of a name: "briefings" is brief's.
_ENDINGS = ("s", "es", "ing", "ings", "er", "ers", "ed")


def edits(a: str, b: str) -> int:
    """Letters added, dropped or changed, or neighbours swapped, to turn ``a`` into ``b``
    (the optimal string alignment distance)."""
    rows = [list(range(len(b) + 1))]
    for i, letter in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, other in enumerate(b, 1):
            cost = 0 if letter == other else 1
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and letter == b[j - 2] and a[i - 2] == other:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def allowed_edits(word: str) -> int:
    return 1 if len(word) <= SHORT_WORD else 2


def closest(word: str, names: Mapping[str, str] | Iterable[str]) -> list[str]:
    """The names ``word`` was probably meant to be, closest first (ties in the given
    order); empty when none is close. ``names`` may map spellings (aliases) to the name
    to offer for them."""
    # compatibility forms read as the letters they show: a CJK keyboard's full width
    # "ｂｒｉｅｆ" is brief
    wanted = unicodedata.normalize("NFKC", word.strip()).casefold()
    if not wanted or len(wanted) > MAX_WORD:
        return []
    spellings = names if isinstance(names, Mapping) else {name: name for name in names}
    best: dict[str, int] = {}
    for spelling, name in spellings.items():
        if spelling == wanted:
            distance = 0
        elif (len(wanted) >= MIN_PREFIX and spelling.startswith(wanted)) or inflects(
            wanted, spelling
        ):
            distance = 1
        else:
            distance = edits(wanted, spelling)
            if distance > allowed_edits(wanted) or distance >= len(spelling):
                continue
        if distance < best.get(name, distance + 1):
            best[name] = distance
    if not best:
        return []
    nearest = min(best.values())
    return [name for name, distance in best.items() if distance == nearest]


def inflects(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` (lower case) with an English ending: a plural or verb
    form ("briefings", "digests", "summaries" of summary, "scheduling" of schedule)."""
    if len(name) < MIN_STEM or not word.startswith(name[:-1]):
        return False
    for stem in {name, name[:-1] if name.endswith("e") else name}:
        if word.startswith(stem) and word[len(stem) :] in _ENDINGS:
            return True
    return name.endswith("y") and word in (name[:-1] + "ies", name[:-1] + "ied")
