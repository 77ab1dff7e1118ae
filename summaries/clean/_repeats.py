"""Collapse a phrase that a scraper wrote twice in a row into one copy."""

from __future__ import annotations

from functools import lru_cache

_CHECKED_WORDS = 10_000  # repeated phrases are looked for in a paragraph's first words only
_MEMO_CHARS = 4_000  # paragraphs up to this long are remembered (see collapse_repeats)


def collapse_repeats(text: str, max_words: int = 40) -> str:
    """Collapse a run of 3+ words (15+ characters) repeated back to back into one copy.

    Scrapers sometimes duplicate a phrase ("to end The conference, scheduled to end on").
    Only the nearest earlier positions of the current word within `max_words` are tried, so
    this is linear; it stops after `_CHECKED_WORDS` words, far beyond any real paragraph,
    to stay fast on a huge one-line input. The sentences of an article are cleaned from
    its main text, whose paragraphs went through here already: the answers for paragraphs
    of up to _MEMO_CHARS characters are remembered.
    """
    if len(text) <= _MEMO_CHARS and max_words == 40:
        return _remembered(text)
    return _collapse(text, max_words)


@lru_cache(maxsize=256)  # an article's paragraphs, not the last articles'
def _remembered(text: str) -> str:
    return _collapse(text, 40)


def _collapse(text: str, max_words: int) -> str:
    words = text.split(" ", _CHECKED_WORDS)
    rest = words.pop() if len(words) > _CHECKED_WORDS else ""  # the unchecked remainder
    if len(words) < 6 or len(set(words)) > len(words) - 3:  # a repeat: 6+ words, 3 repeated
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

    The second copy of such a repeat starts 3 words in a row that each came earlier, so
    one pass over a set of the words seen so far tries only those starts (the trigram
    sets and counts this replaces cost more on every paragraph with 3 repeated words).
    """
    seen: set[str] = set()
    run = 0
    for k, word in enumerate(words):
        if word not in seen:
            seen.add(word)
            run = 0
            continue
        run += 1
        if run >= 3 and _repeats_from(words, k - 2, max_words):
            return True
    return False


def _repeats_from(words: list[str], j: int, max_words: int) -> bool:
    """Whether `words[j:]` starts by repeating the 3 to `max_words` words right before."""
    word = words[j]
    for p in range(max(j - max_words, 0), j - 2):
        if words[p] == word and words[p:j] == words[j : 2 * j - p]:
            return True
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
