"""An interview's editing note: stored with the interview, never quoted by a briefing.

"This interview has been edited for length and clarity.", "The conversation has been
condensed.", "Answers were translated from Spanish and edited for clarity." is a sentence
the editors set before or after the questions and answers. The reference texts of real
pages keep such lines (a story's end is where its notes are), so the main text keeps it;
read alone in a briefing, it says nothing of the story.
(The other lines a newsroom sets around a story, a wire's staff credit in brackets, "...
contributed to this report." after a rule, a press release's "About ..." section after
its last paragraph, are left out of the sentences by the cleaning's own rules.)
"""

from __future__ import annotations

import re

_EDITED_NOTE = re.compile(
    r"(?i:(?:(?:this|the)(?: following)? )?"
    r"(?:interview|conversation|q&a|transcript|exchange|discussion|questions and answers|"
    r"answers|responses|remarks)s? "
    r"(?:has been|have been|was|were) (?:lightly |slightly )?(?:edited|condensed|translated))"
)
_VERBS = (" edited", " condensed", " translated")  # what a note says was done
_NOTE_WORDS = 20
# The words a note goes on with: "... edited for length and clarity.", "... and condensed."
# (a sentence that goes on otherwise, "... edited by the station to hide ...", is a story's)
_NOTE_REST = frozenset(
    "and for length clarity brevity space style readability lightly slightly edited "
    "condensed translated".split()
)
# The language it was translated from: "... translated from Spanish and edited for clarity."
_FROM_LANGUAGE = re.compile(r"\bfrom (?:the )?[a-z]+\b")
_WRAPPERS = "()[]*_ "  # "(This interview has been edited for length and clarity.)"


def without_editing_notes(text: str) -> str:
    """``text`` (a main text) with a blank line for each of its editing notes: like any
    furniture line, a note ends the block it stood in."""
    if not any(verb in text for verb in _VERBS):  # (most texts: no note)
        return text
    return "\n".join("" if _is_note(line) else line for line in text.split("\n"))


def _is_note(line: str) -> bool:
    """Whether ``line`` is an editor's note on how an interview was edited."""
    text = line.strip(_WRAPPERS)
    found = _EDITED_NOTE.match(text)
    if found is None or len(text.split()) > _NOTE_WORDS:
        return False
    rest = _FROM_LANGUAGE.sub(" ", text[found.end() :].lower().replace(",", " ").rstrip("."))
    return all(word in _NOTE_REST for word in rest.split())
