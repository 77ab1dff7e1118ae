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
from functools import lru_cache

# A note's subject and its auxiliary verb, in the languages whose papers set one:
# "This interview has been", "Esta entrevista ha sido", "Cet entretien a été", "Das
# Gespräch wurde", "L'intervista è stata", "A entrevista foi".
_OPENING = re.compile(
    r"(?i:(?:"
    r"(?:(?:this|the)(?: following)? )?(?:interview|conversation|q&a|transcript|exchange|"
    r"discussion|questions and answers|answers|responses|remarks)s? (?:has been|have been|was|were)"
    r"|(?:esta|la) (?:entrevista|conversación|charla) (?:ha sido|fue)"
    r"|(?:(?:cet |l['\u2019])entretien|(?:cette |l['\u2019])interview|(?:cette|la) conversation|"
    r"(?:les|ces) propos) (?:a|ont) été"
    r"|(?:das|dieses) (?:interview|gespräch) (?:wurde|ist)"
    r"|(?:l['\u2019]|questa )intervista (?:è|e['\u2019]) stata"
    r"|(?:esta|a) (?:entrevista|conversa) foi"
    r")\s)"
)
# What a note says was done (edited, condensed, shortened, translated), by the language
# of the text it is in, as its words open ("tradui": "traduit", "traduite"): a text that
# holds none of its language's holds no note, which a few searches of the text tell
# instead of a look at each of its lines.
_DONE_BY_LANGUAGE = {
    "english": ("edited", "condensed", "translated"),
    "spanish": ("editada", "condensada", "resumida", "abreviada", "traducida"),
    "french": ("édité", "condensé", "raccourci", "tradui"),
    "german": ("gekürzt", "redigiert", "bearbeitet", "übersetzt"),
    "italian": ("modificata", "editata", "condensata", "accorciata", "tradotta"),
    "portuguese": ("editada", "condensada", "resumida", "traduzida"),
}
_DONE = tuple(dict.fromkeys(word for words in _DONE_BY_LANGUAGE.values() for word in words))
# The words a note goes on with, what it was done for: "... for length and clarity.",
# "... por razones de espacio y claridad.", "... aus Gründen der Lesbarkeit gekürzt." (a
# sentence that goes on otherwise, "... edited by the station to hide ...", is a story's)
_NOTE_REST = frozenset(
    """and for length clarity brevity space style readability lightly slightly
    y por para razones motivos de la extensión claridad espacio brevedad mayor longitud
    legibilidad ligeramente et pour plus clarté concision lisibilité raisons des longueur
    légèrement und aus gründen der lesbarkeit länge klarheit kürze für die veröffentlichung
    leicht per e di brevità chiarezza lunghezza leggibilità motivi spazio leggermente
    questões clareza concisão""".split()
)
_NOTE_WORDS = 20
# The language it was translated from: "... translated from Spanish and edited for clarity."
_FROM_LANGUAGE = re.compile(r"\bfrom (?:the )?[a-z]+\b")
_WRAPPERS = "()[]*_ "  # "(This interview has been edited for length and clarity.)"


def without_editing_notes(text: str, language: str = "english") -> str:
    """``text`` (a main text in ``language``, a name or a code) with a blank line for each
    of its editing notes: like any furniture line, a note ends the block it stood in."""
    if not any(word in text for word in _done_words(language)):  # (most texts: no note)
        return text
    return "\n".join("" if _is_note(line) else line for line in text.split("\n"))


@lru_cache(maxsize=32)
def _done_words(language: str) -> tuple[str, ...]:
    """The words of ``language`` for what a note says was done; all of them for another."""
    from summaries.language import language_name

    return _DONE_BY_LANGUAGE.get(language_name(language) or "", _DONE)


def _is_note(line: str) -> bool:
    """Whether ``line`` is an editor's note on how an interview was edited."""
    text = line.strip(_WRAPPERS)
    if text.count(" ") >= _NOTE_WORDS:  # (most lines: a paragraph, longer than a note)
        return False
    found = _OPENING.match(text)
    if found is None:
        return False
    rest = text[found.end() :].lower().replace(",", " ").rstrip(".")
    words = _FROM_LANGUAGE.sub(" ", rest).split()
    done = [word.startswith(_DONE) for word in words]
    return any(done) and all(d or word in _NOTE_REST for d, word in zip(done, words, strict=True))
