"""The content terms of a sentence: its words lowercased, stop words out, stemmed.

What ``default`` ranks with and what story briefings compare sentences by. News repeats
its words, so each language keeps what its words came to (:func:`term_memo`): a term, or
None for a stop word; a sentence then costs one look-up per word.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import repeat

from summaries.language import LanguageTools
from summaries.sentences import OfflineTokenizer

_MEMO_WORDS = 200_000  # past this many distinct words a memo starts again


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
    get, words_of = memo.get, tokenizer.to_words
    out = []
    for sentence in sentences:
        words = words_of(sentence.lower())
        terms = list(map(get, words, repeat("")))  # "": not seen yet
        if "" in terms:
            for i, word in enumerate(words):
                if terms[i] == "":
                    stop = word in tools.stop_words
                    terms[i] = memo[word] = None if stop else tools.stem(word)
        out.append(list(filter(None, terms)))
    return out


@lru_cache(maxsize=16)
def term_memo(tools: LanguageTools) -> dict[str, str | None]:
    """Each language's words seen so far, with their terms (None: a stop word)."""
    return {}


__all__ = ["content_terms", "content_terms_of"]
