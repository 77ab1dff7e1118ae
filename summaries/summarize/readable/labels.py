"""A speaker's label opening a paragraph of a transcript ("Anchor: ...", "李明：...").

A broadcast's transcript, an interview or a live report opens each turn with who speaks,
a colon and what they say: "Anchor: After heavy downpours ...", "Reporter: ...", "앵커:
...", "Q: ...", and in Chinese and Japanese with a full-width colon and no space:
"主持人：...", "記者：...". Whether a briefing keeps a label is the article's question
(see :mod:`turns`); this module finds one.

A label (see :mod:`summaries.speaker_labels`: one to three capitalised words, any case
in a script without case, Korean's "앵커", "이민수 기자", Chinese "李明", then a colon) opens
a paragraph; the briefing leaves it out only when after it comes a sentence, and it has
no comma ("Dr. Jane Doe, economist:" names who speaks; alone, "However, he said:" is a
sentence's clause): it opens with a capital letter, a letter
of a script without case, or a figure, ends with a sentence's mark, has _SENTENCE_WORDS
words or more (in a script written without spaces, _UNSPACED characters), and in a
script with case holds a word of _VERB_LETTERS letters or more in lowercase, as a
sentence's verb is written in any such language. A list or a fact's value after a
label ("Forwards: Nicolas Mas, Sylvain Marconnet.", "Replacements: Everitt for Mapletoft
(53)", "CURRENT JOB: Broadcaster and columnist.") is no sentence: it needs its label,
which says what it is. A quotation after the colon ('Liu Qiangdong: "I hope ...') keeps
its label: it names the quotation's speaker, whom the briefing must not lose; so does a
clause in lowercase after it ("Result: a draw"), which the label's word begins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summaries.clean import ends_sentence
from summaries.speaker_labels import INSIDE, capitalised, opening_label
from summaries.words import LETTER, marks_in, word_pattern

_VERB_LETTERS = 4
_SENTENCE_WORDS = 5
_UNSPACED = 10  # about five words of Chinese or Japanese
_LOWERCASE_WORD = re.compile(rf"\b[^\W\d_]{{{_VERB_LETTERS},}}")


def label_words(text: str) -> Iterator[re.Match[str]]:
    """The words of ``text`` (a sentence) as a label's words are written."""
    return word_pattern(LETTER, INSIDE + marks_in(text)).finditer(text)


def label_end(text: str) -> int:
    """Where the sentence after a speaker's label opening ``text`` (a paragraph's first
    sentence) starts, or 0 if none opens it (see the module's docstring)."""
    found = opening_label(text)
    if found is None or found["role"]:  # (alone, "However, he said: ..." is a sentence)
        return 0
    rest = text[found.end() :]
    if not (rest[0].isdigit() or capitalised(rest[0])) or not ends_sentence(rest):
        return 0
    if rest.count(" ") < _SENTENCE_WORDS - 1 and (" " in rest or len(rest) < _UNSPACED):
        return 0
    return found.end() if not _has_case(rest) or _holds_lowercase_word(rest) else 0


def _has_case(text: str) -> bool:
    """Whether ``text`` is written in a script with case, as its first letter tells."""
    first = next((c for c in text if c.isalpha()), "")
    return first.lower() != first.upper()


def _holds_lowercase_word(text: str) -> bool:
    """Whether ``text`` holds a word of _VERB_LETTERS letters or more in lowercase."""
    return any(word.islower() for word in _LOWERCASE_WORD.findall(text))
