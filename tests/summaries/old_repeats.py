"""The old repeated-phrase collapsing, kept to check the faster one gives the same text."""

from __future__ import annotations

from collections import Counter

_CHECKED_WORDS = 10_000  # repeated phrases are looked for in a paragraph's first words only


def _collapse(text: str, max_words: int) -> str:
    words = text.split(" ", _CHECKED_WORDS)
    rest = words.pop() if len(words) > _CHECKED_WORDS else ""  # the unchecked remainder
    if len(set(words)) > len(words) - 3:  # a repeated phrase repeats 3+ words: cheap test
        return text
    if not _has_repeat(words, max_words):  # the exact test, still much faster than below
        return text
    out: list[str] = []
    positions: dict[str, list[int]] = {}
    j = 0
    while j < len(words):
        earlier = positions.get(words[j])  # (a first occurrence repeats nothing)
        if earlier and (k := _repeat_length(out, earlier, words, j, max_words)):
            j += k  # skip the second copy
            continue
        positions.setdefault(words[j], []).append(len(out))
        out.append(words[j])
        j += 1
    return " ".join([*out, rest] if rest else out)


def _has_repeat(words: list[str], max_words: int) -> bool:
    """Whether some 3 to `max_words` words are followed right away by the same words.

    Such a repeat starts with a trigram seen twice, so only the positions of repeated
    trigrams are tried, each against its earlier ones up to `max_words` words back (linear).
    collapse_repeats finds nothing to collapse without such a repeat.
    """
    trigrams = list(zip(words, words[1:], words[2:], strict=False))
    if len(set(trigrams)) == len(trigrams):
        return False
    repeated = {trigram for trigram, n in Counter(trigrams).items() if n > 1}
    starts: dict[tuple[str, str, str], list[int]] = {}  # positions of each, so far
    for j in [j for j, trigram in enumerate(trigrams) if trigram in repeated]:
        earlier = starts.setdefault(trigrams[j], [])
        for p in reversed(earlier):  # the nearest first
            if j - p > max_words:
                break
            if j - p >= 3 and words[j : 2 * j - p] == words[p:j]:
                return True
        earlier.append(j)
    return False


def _repeat_length(
    out: list[str], earlier: list[int], words: list[str], j: int, max_words: int
) -> int:
    """Length of the phrase ending `out` that `words[j:]` starts by repeating, or 0."""
    for p in earlier[-1:-4:-1]:  # the nearest three: the phrase may hold its first word twice
        k = len(out) - p
        if k > max_words:
            return 0
        if k < 3 or j + k > len(words) or words[j + k - 1] != out[-1]:
            continue
        if out[p:] == words[j : j + k] and len(" ".join(out[p:])) >= 15:
            return k
    return 0
