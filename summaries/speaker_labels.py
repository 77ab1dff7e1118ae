"""A speaker's label opening a line or a paragraph ("Anchor: ...", "李明：...", "Host John
Smith: ...", "Dr. Jane Doe, economist: ..."): one pattern for the cleaner (a comment
prompt inside a transcript's turn is someone's words) and for briefings (whose label a
briefing keeps: ``summaries.summarize.readable``).

A label is one to three capitalised words (any case in a script without case: Korean's
"앵커", Chinese "李明"), a name with the role words beside it ("Host John Smith",
"Mayor Anna Berg"), and may add, after a comma, one or two words saying who they are
("Dr. Jane Doe, economist"); then a colon and a space, or a full-width colon, and a word
or a quotation ('Rick: "I ...').

A label may also head a note on the story, which nobody speaks: "Editor's Note:",
"Correction:", "Update:" (see :func:`names_a_note`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from summaries.folding import without_latin_accents
from summaries.quotes import MARKS as QUOTATION_MARKS
from summaries.words import LETTER, marks_in, word_run

# A word of a label: a letter, then letters, the combining marks a script writes its
# vowels with ("संवाददाता") and the marks inside a name ("O'Brien", "Min-su", "Dr.").
INSIDE = "'’.-"
_QUOTATION = f"[{re.escape(''.join(sorted(QUOTATION_MARKS)))}]"
LONGEST = 48  # characters of a label, and some: a cheap test before the regex
# The words that head a note on the story (the editors' note, a correction, an update), in
# the languages of Europe's news sites (lowercase): a label of one of them names no one.
_NOTE_TABLE: dict[str, str] = {
    "english": "note notes correction corrections clarification update updates disclaimer "
    "disclosure erratum",
    "german": "anmerkung hinweis korrektur berichtigung nachtrag aktualisierung",
    "french": "ndlr rectificatif précision erratum",
    "spanish": "nota aclaración corrección actualización",
    "italian": "nota aggiornamento correzione rettifica precisazione",
    "portuguese": "nota correção atualização esclarecimento errata",
    "dutch": "correctie rectificatie naschrift",
}
# (compared without their accents: "Precision", "Correcao")
_NOTES = frozenset(
    without_latin_accents(word) for words in _NOTE_TABLE.values() for word in words.split()
)


@lru_cache(maxsize=16)
def _label_pattern(marks: str) -> re.Pattern[str]:
    word = word_run(LETTER, INSIDE + marks)
    # after the colon, a word or a quotation ('Rick: "I ...'): the label opens a turn
    return re.compile(
        rf"((?P<name>{word}(?: {word}){{0,2}})(?P<role>, {word}(?: {word})?)?)"
        rf"(?:: |：) ?(?=[^\W_]|{_QUOTATION})"
    )


def opening_label(text: str) -> re.Match[str] | None:
    """The label opening ``text`` (group 1 its words, ``name`` those before a comma,
    ``role`` the comma and the words after it), with its colon; None if none opens it."""
    colon = text.find(": ", 0, LONGEST)
    wide = text.find("：", 0, LONGEST)  # (most texts: neither, and two finds are all)
    if wide > 0 and not 0 < colon < wide:
        colon = wide  # the first of the two colons that is not the text's first character
    if colon <= 0:
        return None
    found = _label_pattern(marks_in(text[:colon])).match(text, 0, colon + 3)
    if found is None or not all(map(capitalised, found["name"].split(" "))):
        return None
    return found


def capitalised(word: str) -> bool:
    """Whether ``word`` opens with a capital letter, or a letter of a script without case."""
    first = word[0]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())


def names_a_note(label: str) -> bool:
    """Whether ``label`` (a label's words) heads a note on the story, not a speaker: its
    head word, the first or the last ("Correction", "Editor's Note", "Update"), is a
    note's (see _NOTES), with or without its accents."""
    words = without_latin_accents(label.lower()).split(" ")
    return words[0] in _NOTES or words[-1] in _NOTES
