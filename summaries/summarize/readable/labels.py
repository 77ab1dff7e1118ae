"""A speaker's label opening a paragraph of a transcript, which a briefing leaves out.

A broadcast's transcript, an interview or a live report opens each turn with who speaks,
a colon and what they say: "Anchor: After heavy downpours ...", "Reporter: ...", "앵커:
...", "Q: ...". The stored text keeps the label; a briefing quotes the sentence after it,
since its reader sees a sentence of the story, not a turn of a script, and a label alone
at the start of a briefing reads as a heading the briefing never had.

A label is one or two capitalised words (any case in a script without case: Korean's
"앵커", "이민수 기자"), then a colon and a space, at a paragraph's start; after it comes a
sentence, opening with a capital letter, a letter of a script without case, or a figure.
A quotation after the colon ('Liu Qiangdong: "I hope ...') keeps its label: it names the
quotation's speaker, whom the briefing must not lose; so does a clause in lowercase after
it ("Result: a draw"), which the label's word begins.
"""

from __future__ import annotations

import re

# A word of a label: a letter, then letters and the marks inside a name ("O'Brien",
# "Min-su", "Dr."). Two at the most, then a colon and a space.
_WORD = r"[^\W\d_](?:[^\W\d_]|['’.-])*"
_LABEL = re.compile(rf"({_WORD}(?: {_WORD})?): (?=[^\W_])")
_LONGEST = 40  # characters of a label, and some: a cheap test before the regex


def label_end(text: str) -> int:
    """Where the sentence after a speaker's label opening ``text`` (a paragraph's first
    sentence) starts, or 0 if none opens it (see the module's docstring)."""
    colon = text.find(": ", 0, _LONGEST)
    if colon < 0:
        return 0
    found = _LABEL.match(text, 0, colon + 3)
    if found is None or not all(map(_capitalised, found[1].split(" "))):
        return 0
    first = text[found.end()]
    return found.end() if first.isdigit() or _capitalised(first) else 0


def _capitalised(word: str) -> bool:
    """Whether ``word`` opens with a capital letter, or a letter of a script without case."""
    first = word[0]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())
