"""Every summary method offered, by name: sumy's algorithms, ``lead`` and ``default``.

Each entry builds a ready sumy summarizer for a language and says how many
sentences it can rank within the time budget (about a quarter of a second on
one quiet core, so that a busy machine stays under one second; bench/speed.py):
sumy's LexRank, LSA and KL grow faster than linearly, so a longer article is
ranked by them on its first sentences only.
``default`` and ``lead`` are linear and see the whole article.

The table itself imports nothing heavy: each summarizer's module (sumy, which loads
NLTK and numpy, some 50 MB) is imported when the first one is built, in the worker
process that summarizes, not in a process that only checks a method's name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from typing import Any

from summaries.errors import UnknownMethodError
from summaries.language import LanguageTools

# Words that mark a sentence as less worth quoting (Edmundson's "stigma" cue words).
_STIGMA_WORDS = ("hardly", "impossible", "perhaps", "maybe", "allegedly", "reportedly")


@dataclass(frozen=True, slots=True)
class Method:
    name: str
    summary: str
    build: Callable[[LanguageTools], Any]
    max_sentences: int | None  # most sentences ranked; None = the whole article


def _summarizer(path: str) -> Callable[[LanguageTools], Any]:
    """A builder of the summarizer class at ``path`` ("module:Class"), imported when built."""

    def build(tools: LanguageTools) -> Any:
        module, _, name = path.partition(":")
        return getattr(import_module(module), name)(tools.stem)

    return build


def _with_stop_words(path: str) -> Callable[[LanguageTools], Any]:
    make = _summarizer(path)

    def build(tools: LanguageTools) -> Any:
        summarizer = make(tools)
        summarizer.stop_words = tools.stop_words
        return summarizer

    return build


def _edmundson(tools: LanguageTools) -> Any:
    summarizer = _summarizer("sumy.summarizers.edmundson:EdmundsonSummarizer")(tools)
    # Cue words: the article's title words are the bonus words, set per article by
    # the pipeline; null words are the stop words.
    summarizer.null_words = tools.stop_words or ("the",)
    summarizer.stigma_words = _STIGMA_WORDS
    summarizer.bonus_words = ("news",)
    return summarizer


METHODS: dict[str, Method] = {
    method.name: method
    for method in (
        Method(
            "default",
            "lead-aware centrality (ours; the best on news)",
            _with_stop_words("summaries.summarize.default:BriefingSummarizer"),
            None,
        ),
        Method(
            "lead",
            "the first sentences (the baseline)",
            _summarizer("summaries.summarize.lead:LeadSummarizer"),
            None,
        ),
        Method(
            "lexrank",
            "sumy LexRank: eigenvector centrality of cosine similarity",
            _with_stop_words("sumy.summarizers.lex_rank:LexRankSummarizer"),
            150,
        ),
        Method(
            "textrank",
            "sumy TextRank: PageRank over shared words",
            _with_stop_words("sumy.summarizers.text_rank:TextRankSummarizer"),
            300,
        ),
        Method(
            "luhn",
            "sumy Luhn: clusters of significant words",
            _with_stop_words("sumy.summarizers.luhn:LuhnSummarizer"),
            500,
        ),
        Method(
            "lsa",
            "sumy LSA: latent semantic analysis (SVD)",
            _with_stop_words("sumy.summarizers.lsa:LsaSummarizer"),
            200,
        ),
        Method(
            "sumbasic",
            "sumy SumBasic: word probability with redundancy",
            _with_stop_words("sumy.summarizers.sum_basic:SumBasicSummarizer"),
            400,
        ),
        Method(
            "kl",
            "sumy KL-Sum: closest word distribution",
            _with_stop_words("sumy.summarizers.kl:KLSummarizer"),
            50,
        ),
        Method("edmundson", "sumy Edmundson: cue, title and location words", _edmundson, None),
    )
}


@lru_cache(maxsize=64)
def shared_summarizer(name: str, tools: LanguageTools) -> Any:
    """A built summarizer, reused: sumy summarizers keep no state between documents.

    Edmundson is the exception (its bonus words are the article's title), so the
    pipeline builds that one per article.
    """
    return get_method(name).build(tools)


def get_method(name: str) -> Method:
    try:
        return METHODS[name.strip().lower()]
    except KeyError:
        raise UnknownMethodError(name, list(METHODS)) from None
