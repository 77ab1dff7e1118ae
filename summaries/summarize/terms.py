"""The content terms of a sentence: its words lowercased, stop words out, stemmed.

What ``default`` ranks with and what story briefings compare sentences by. News repeats
its words, so each language keeps what its words came to (:func:`term_memo`); a sentence
then costs one look-up per word.

An ASCII sentence is cut at the characters no word holds (all but letters, apostrophes
and hyphens) with a byte table, which is much faster than the word regex; each piece
(mostly one word; "'90s" gives "'" and "s") is remembered with the terms of the words the
tokenizer finds in it. A word never spans two pieces, so the terms are the tokenizer's.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain

from summaries.language import UNSPACED, LanguageTools
from summaries.sentences import OfflineTokenizer

_MEMO_WORDS = 200_000  # past this many distinct pieces a memo starts again
# Each byte of a lowercase ASCII sentence: a letter, an apostrophe or a hyphen as it is,
# any other a space (OfflineTokenizer's words are runs of those).
_PIECES = bytes(c if chr(c).isalpha() or c in b"'-" else 32 for c in range(128)) + bytes(
    [32] * 128
)


def content_terms(sentence: str, tools: LanguageTools, tokenizer: OfflineTokenizer) -> list[str]:
    """The stemmed words of ``sentence`` that are not stop words of its language."""
    return content_terms_of([sentence], tools, tokenizer)[0]


def content_terms_of(
    sentences: list[str], tools: LanguageTools, tokenizer: OfflineTokenizer
) -> list[list[str]]:
    """:func:`content_terms` of each of ``sentences``, in one call."""
    memo = term_memo(tools)
    if len(memo) > _MEMO_WORDS:
        memo.clear()
    spaced = tokenizer.language not in UNSPACED
    terms_of = memo.__getitem__
    out = []
    for sentence in sentences:
        low = sentence.lower()
        if spaced and low.isascii():
            pieces = low.encode("ascii").translate(_PIECES).decode("ascii").split()
            words_of = tokenizer.to_words  # (the ASCII words of a piece)
        else:
            pieces = list(tokenizer.to_words(low))
            words_of = _itself
        try:
            out.append(list(chain.from_iterable(map(terms_of, pieces))))
        except KeyError:  # a piece not seen yet
            for piece in pieces:
                if piece not in memo:
                    stop, stem = tools.stop_words, tools.stem
                    memo[piece] = tuple(stem(w) for w in words_of(piece) if w not in stop)
            out.append(list(chain.from_iterable(map(terms_of, pieces))))
    return out


def _itself(word: str) -> tuple[str]:
    return (word,)


@lru_cache(maxsize=16)
def term_memo(tools: LanguageTools) -> dict[str, tuple[str, ...]]:
    """Each language's pieces of text seen so far, with their terms."""
    return {}


__all__ = ["content_terms", "content_terms_of"]
