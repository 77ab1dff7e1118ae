"""The content terms of a sentence: its words lowercased, stop words out, stemmed.

What ``default`` ranks with and what story briefings compare sentences by. News repeats
its words, so each language keeps what its words came to (:func:`term_memo`): a term, or
"" for a stop word; a sentence then costs one look-up per word.

An ASCII sentence is cut at the characters no word holds (all but letters, apostrophes
and hyphens) with a byte table, which is much faster than the word regex; each piece
(mostly one word; "'90s" gives "'" and "s") is remembered with the term of the word the
tokenizer finds in it (the rare piece of several words, "well--known", is marked so and
read again). A word never spans two pieces, so the terms are the tokenizer's.
"""

from __future__ import annotations

from functools import lru_cache

from summaries.language import UNSPACED, LanguageTools
from summaries.sentences import ASCII_WORD, OfflineTokenizer

_MEMO_WORDS = 200_000  # past this many distinct pieces a memo starts again
# Each byte of a lowercase ASCII sentence: a letter, an apostrophe or a hyphen as it is,
# any other a space (OfflineTokenizer's words are runs of those).
_PIECES = bytes(c if chr(c).isalpha() or c in b"'-" else 32 for c in range(128)) + bytes(
    [32] * 128
)
_SEVERAL = "\x00"  # what a piece of more than one word is remembered as (no term is so)


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
    term_of = memo.__getitem__
    out = []
    for sentence in sentences:
        low = sentence.lower()
        if spaced and low.isascii():
            pieces = low.encode("ascii").translate(_PIECES).decode("ascii").split()
        else:
            pieces = tokenizer.to_words(low)
        try:
            terms = list(map(term_of, pieces))
        except KeyError:  # a piece not seen yet
            for piece in pieces:
                if piece not in memo:
                    memo[piece] = _term(piece, tools, tokenizer, spaced)
            terms = list(map(term_of, pieces))
        if _SEVERAL in terms:
            pairs = zip(pieces, terms, strict=True)
            terms = [t for piece, kept in pairs for t in _terms(piece, kept, tools)]
        out.append(list(filter(None, terms)))
    return out


def _term(piece: str, tools: LanguageTools, tokenizer: OfflineTokenizer, spaced: bool) -> str:
    """What ``piece`` (lowercase) is remembered as: its one term, "" if it has none (a stop
    word), or _SEVERAL if it holds more than one word."""
    words = tokenizer.to_words(piece) if spaced and piece.isascii() else (piece,)
    if len(words) > 1:
        return _SEVERAL
    return tools.stem(words[0]) if words and words[0] not in tools.stop_words else ""


def _terms(piece: str, term: str, tools: LanguageTools) -> list[str]:
    """The terms of a piece remembered as ``term`` (see _term)."""
    if term != _SEVERAL:
        return [term]
    words = ASCII_WORD.findall(piece)  # OfflineTokenizer's words of ASCII text
    return [tools.stem(w) for w in words if w not in tools.stop_words]


@lru_cache(maxsize=16)
def term_memo(tools: LanguageTools) -> dict[str, str]:
    """Each language's pieces of text seen so far, each with what :func:`_term` makes of it."""
    return {}


__all__ = ["content_terms", "content_terms_of"]
