"""A speaker's label opening a paragraph of a transcript ("Anchor: ...", "李明：...").

A broadcast's transcript, an interview or a live report opens each turn with who speaks,
a colon and what they say: "Anchor: After heavy downpours ...", "Reporter: ...", "앵커:
...", "Q: ...", and in Chinese and Japanese with a full-width colon and no space:
"主持人：...", "記者：...". Whether a briefing keeps a label is the article's question
(see :mod:`turns`); this module finds one.

A label is one or two capitalised words (any case in a script without case: Korean's
"앵커", "이민수 기자", Chinese "李明"), then a colon and a space or a full-width colon, at
a paragraph's start; after it comes a sentence: it opens with a capital letter, a letter
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
from functools import lru_cache

from summaries.clean import ends_sentence
from summaries.quotes import MARKS as QUOTATION_MARKS
from summaries.words import LETTER, marks_in, word_pattern, word_run

# A word of a label: a letter, then letters, the combining marks a script writes its
# vowels with ("संवाददाता", "ผู้สื่อข่าว") and the marks inside a name ("O'Brien",
# "Min-su", "Dr."). Two at the most, then a colon and a space, or a full-width colon.
_INSIDE = "'’.-"
_QUOTATION = f"[{re.escape(''.join(sorted(QUOTATION_MARKS)))}]"
_LONGEST = 40  # characters of a label, and some: a cheap test before the regex
_VERB_LETTERS = 4
_SENTENCE_WORDS = 5
_UNSPACED = 10  # about five words of Chinese or Japanese
_LOWERCASE_WORD = re.compile(rf"\b[^\W\d_]{{{_VERB_LETTERS},}}")


@lru_cache(maxsize=16)
def _label_pattern(marks: str) -> re.Pattern[str]:
    word = word_run(LETTER, _INSIDE + marks)
    # after the colon, a word or a quotation ('Rick: "I ...'): the label opens a turn
    return re.compile(rf"({word}(?: {word})?)(?:: |：) ?(?=[^\W_]|{_QUOTATION})")


def label_words(text: str) -> Iterator[re.Match[str]]:
    """The words of ``text`` (a sentence) as a label's words are written."""
    return word_pattern(LETTER, _INSIDE + marks_in(text)).finditer(text)


def opening_label(text: str) -> re.Match[str] | None:
    """The label (its words, group 1, and its colon) opening ``text``, a paragraph's
    first sentence, whatever follows it; None if none opens it."""
    colon = min(
        (c for c in (text.find(": ", 0, _LONGEST), text.find("：", 0, _LONGEST)) if c > 0),
        default=-1,
    )
    if colon < 0:
        return None
    found = _label_pattern(marks_in(text[:colon])).match(text, 0, colon + 3)
    if found is None or not all(map(_capitalised, found[1].split(" "))):
        return None
    return found


def label_end(text: str) -> int:
    """Where the sentence after a speaker's label opening ``text`` (a paragraph's first
    sentence) starts, or 0 if none opens it (see the module's docstring)."""
    found = opening_label(text)
    if found is None:
        return 0
    rest = text[found.end() :]
    if not (rest[0].isdigit() or _capitalised(rest[0])) or not ends_sentence(rest):
        return 0
    if rest.count(" ") < _SENTENCE_WORDS - 1 and (" " in rest or len(rest) < _UNSPACED):
        return 0
    return found.end() if not _has_case(rest) or _holds_lowercase_word(rest) else 0


def _capitalised(word: str) -> bool:
    """Whether ``word`` opens with a capital letter, or a letter of a script without case."""
    first = word[0]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())


def _has_case(text: str) -> bool:
    """Whether ``text`` is written in a script with case, as its first letter tells."""
    first = next((c for c in text if c.isalpha()), "")
    return first.lower() != first.upper()


def _holds_lowercase_word(text: str) -> bool:
    """Whether ``text`` holds a word of _VERB_LETTERS letters or more in lowercase."""
    return any(word.islower() for word in _LOWERCASE_WORD.findall(text))
