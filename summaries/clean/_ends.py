"""Whether a line ends a sentence: the one test every cleaning rule asks.

Its own module so that the clutter tables (:mod:`._clutter`), which the line helpers
(:mod:`._lines`) import, ask the same question without importing them.
"""

from __future__ import annotations

from functools import lru_cache

from summaries.abbreviations import rules_for
from summaries.sentences import SENTENCE_ENDS, ends_unmarked, split_sentences

# What may close a sentence after its mark: quotes, brackets (a full-width one of Chinese
# and Japanese text too), a footnote's star.
CLOSERS = "\"'”’»)]*）"
# Each of SENTENCE_ENDS (no closer: a text whose last character is one ends a sentence).
END_CHARS = frozenset(SENTENCE_ENDS)
# The punctuation around a word, stripped before the word is looked up.
PUNCT = ".,;:!?\"'“”‘’«»()[]{}|*"


def ends_sentence(text: str) -> bool:
    """Whether `text` ends with sentence punctuation, maybe followed by closing quotes or
    brackets, or as Thai and Lao end a sentence, with none (see
    summaries.sentences.ends_unmarked)."""
    if text[-1:] in END_CHARS:  # (most sentences: their mark is their last character)
        return True
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and (stripped[-1] in SENTENCE_ENDS or ends_unmarked(stripped))


def ends_question(text: str) -> bool:
    """Whether `text` ends with a question mark (Latin, full-width or Arabic), maybe
    followed by closing quotes or brackets."""
    return text.rstrip(CLOSERS).endswith(("?", "？", "؟"))


_ABBREVIATION_CHARS = 6  # the longest abbreviation looked up, its full stop with it
_HEAD_WORDS = 3  # the next line's words the sentence splitter looks at


@lru_cache(maxsize=32)
def _splitting(language: str) -> tuple[str, frozenset[str]]:
    """The name the sentence splitter knows `language` by (a name or a code; English for
    one it does not know) and its abbreviations: English's, those of Cyrillic and Greek,
    and the language's own ("Nr." in German)."""
    from summaries.language import language_name

    name = language_name(language) or "english"
    return name, rules_for(name).abbreviations


def goes_on_after(line: str, following: str, language: str = "english") -> bool:
    """Whether `line`, which ends with an abbreviation's full stop ("в 1999 г.", "by Dr.",
    "als Nr.") or an initial's ("M."), goes on in the line `following` ("Москва приняла
    ...", "Helen Marsh and ...", "5 durch ...", "Dupont, qui ..."): where the sentence
    splitter of `language` reads no sentence end between them. A text wrapped at a fixed
    width breaks a line after any word, an abbreviation too."""
    if line[-1:] != ".":
        return False
    space = line.rfind(" ", len(line) - _ABBREVIATION_CHARS - 1)
    word = line[space + 1 : -1].lstrip("(\"'“‘«").lower()
    name, abbreviations = _splitting(language)
    if not word or (word not in abbreviations and not (len(word) == 1 and word.isalpha())):
        return False
    head = " ".join(following.split(" ", _HEAD_WORDS)[:_HEAD_WORDS])
    return split_sentences(f"{line[space + 1 :]} {head}", name)[0] != line[space + 1 :]
