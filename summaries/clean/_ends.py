"""Whether a line ends a sentence: the one test every cleaning rule asks.

Its own module so that the clutter tables (:mod:`._clutter`), which the line helpers
(:mod:`._lines`) import, ask the same question without importing them.
"""

from __future__ import annotations

from summaries.sentences import SENTENCE_ENDS, ends_unmarked

# What may close a sentence after its mark: quotes, brackets (a full-width one of Chinese
# and Japanese text too), a footnote's star.
CLOSERS = "\"'”’»)]*）"
# The punctuation around a word, stripped before the word is looked up.
PUNCT = ".,;:!?\"'“”‘’«»()[]{}|*"


def ends_sentence(text: str) -> bool:
    """Whether `text` ends with sentence punctuation, maybe followed by closing quotes or
    brackets, or as Thai and Lao end a sentence, with none (see
    summaries.sentences.ends_unmarked)."""
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and (stripped[-1] in SENTENCE_ENDS or ends_unmarked(stripped))


def ends_question(text: str) -> bool:
    """Whether `text` ends with a question mark (Latin, full-width or Arabic), maybe
    followed by closing quotes or brackets."""
    return text.rstrip(CLOSERS).endswith(("?", "？", "؟"))
