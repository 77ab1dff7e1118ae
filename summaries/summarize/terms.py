"""The content terms of a sentence: its words lowercased, stop words out, stemmed.

What ``default`` ranks with and what story briefings compare sentences by. News repeats
its words, so each language keeps what its words came to (:func:`term_memo`): a term, or
"" for a stop word; a sentence then costs one look-up per word.

A sentence is cut at the ASCII characters no word holds (all but letters, apostrophes
and hyphens) and at whitespace, with a byte table on its UTF-8 form, which is much faster
than the word regex; each piece (mostly one word; "'90s" gives "'" and "s", '“Hello' gives
"hello") is remembered with the term of the word the tokenizer finds in it (the rare piece
of several words, "well--known", is marked so and read again). A word never spans two
pieces, so the terms are the tokenizer's.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain

from summaries.language import UNSPACED, LanguageTools
from summaries.sentences import OfflineTokenizer

_MEMO_WORDS = 200_000  # past this many distinct pieces a memo starts again
# Each byte of a lowercase sentence's UTF-8 form: an ASCII letter, apostrophe or hyphen,
# or a byte of a character beyond ASCII, as it is; any other ASCII character a space (no
# word of OfflineTokenizer holds one).
_PIECES = bytes(c if c >= 128 or chr(c).isalpha() or c in b"'-" else 32 for c in range(256))
# The same for a sentence in ASCII, its capitals made lowercase too: str.lower() changes no
# other ASCII character, so such a sentence is cut as its lowercase form is, without one.
_ASCII_PIECES = bytes(c + 32 if 65 <= c <= 90 else piece for c, piece in enumerate(_PIECES))
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
        if spaced and sentence.isascii():  # (most sentences: _pieces of its lowercase form)
            pieces = sentence.encode("ascii").translate(_ASCII_PIECES).decode("ascii").split()
        else:
            low = sentence.lower()
            pieces = _pieces(low) if spaced else tokenizer.to_words(low)
        try:
            terms = list(filter(None, map(term_of, pieces)))  # (stop words out)
        except KeyError:  # a piece not seen yet
            for piece in pieces:
                if piece not in memo:
                    memo[piece] = _term(piece, tools, tokenizer, spaced)
            terms = list(filter(None, map(term_of, pieces)))
        if _SEVERAL in terms:  # (rare) a piece of several words: its words' terms
            several = (_terms(piece, memo[piece], tools, tokenizer) for piece in pieces)
            terms = list(filter(None, chain.from_iterable(several)))
        out.append(terms)
    return out


def _pieces(low: str) -> list[str]:
    """The pieces of the lowercase sentence ``low`` (see the module's docstring)."""
    utf8 = low.encode("utf-8", "surrogatepass").translate(_PIECES)
    return utf8.decode("utf-8", "surrogatepass").split()


def _term(piece: str, tools: LanguageTools, tokenizer: OfflineTokenizer, spaced: bool) -> str:
    """What ``piece`` (lowercase) is remembered as: its one term, "" if it has none (a stop
    word), or _SEVERAL if it holds more than one word."""
    words = tokenizer.to_words(piece) if spaced else (piece,)
    if len(words) > 1:
        return _SEVERAL
    return tools.stem(words[0]) if words and words[0] not in tools.stop_words else ""


def _terms(
    piece: str, term: str, tools: LanguageTools, tokenizer: OfflineTokenizer
) -> list[str]:
    """The terms of a piece remembered as ``term`` (see _term)."""
    if term != _SEVERAL:
        return [term]
    return [tools.stem(w) for w in tokenizer.to_words(piece) if w not in tools.stop_words]


@lru_cache(maxsize=16)
def term_memo(tools: LanguageTools) -> dict[str, str]:
    """Each language's pieces of text seen so far, each with what :func:`_term` makes of it."""
    return {}


__all__ = ["content_terms", "content_terms_of"]
