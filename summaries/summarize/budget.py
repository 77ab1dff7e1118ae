"""How many sentences, and how many characters, a briefing may take.

sumy summarizers accept a callable as ``sentences_count``: it receives the
sentences sorted best first and returns the ones to keep. :class:`Budget` is
such a callable, so the same length rule applies to every method.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

ELLIPSIS = "…"


class Budget:
    """Keep the best sentences while they fit in ``sentences`` and ``max_chars``."""

    def __init__(self, sentences: int, max_chars: int) -> None:
        self.sentences = sentences
        self.max_chars = max_chars

    def __call__(self, ranked: Sequence[Any]) -> list[Any]:
        kept = self.keep([len(str(info.sentence)) for info in ranked])
        return [ranked[i] for i in kept]

    def pick(self, sentences: Sequence[str], best_first: list[int]) -> list[int]:
        """The indices of ``best_first`` (indices of ``sentences``) that fit, in that order."""
        kept = self.keep([len(sentences[i]) for i in best_first])
        return [best_first[i] for i in kept]

    def keep(self, lengths: Sequence[int]) -> list[int]:
        """Which of sentences of ``lengths`` (best first) fit: their positions in it."""
        chosen: list[int] = []
        used = 0
        for i, length in enumerate(lengths):
            if len(chosen) == self.sentences:
                break
            cost = length + (1 if chosen else 0)
            if used + cost <= self.max_chars:
                chosen.append(i)
                used += cost
        if not chosen and lengths:  # every sentence is too long: take the best, cut later
            chosen.append(0)
        return chosen


def sentence_limit(count: object) -> int:
    """The number of sentences a sumy ``sentences_count`` argument asks for."""
    if isinstance(count, Budget):
        return count.sentences
    if isinstance(count, int):
        return count
    raise TypeError(f"unsupported sentence count: {count!r}")


def shorten(text: str, max_chars: int) -> str:
    """Cut ``text`` at a word boundary so that it and an ellipsis fit ``max_chars``."""
    if len(text) <= max_chars:
        return text
    cut = text[: max(1, max_chars - len(ELLIPSIS))]
    space = cut.rfind(" ")
    if space > max_chars // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + ELLIPSIS
