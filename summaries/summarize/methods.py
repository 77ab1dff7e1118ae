"""Every summary method offered, by name: sumy's algorithms, ``lead`` and ``default``.

Each entry builds a ready sumy summarizer for a language and says how many
sentences it may be given at once: the slow algorithms (KL, SumBasic, LexRank...)
grow faster than linearly, so longer articles are summarized in chunks
(see :mod:`summaries.summarize.pipeline`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from summaries.errors import UnknownMethodError
from summaries.language import LanguageTools
from summaries.summarize.default import BriefingSummarizer
from summaries.summarize.lead import LeadSummarizer

# Words that mark a sentence as less worth quoting (Edmundson's "stigma" cue words).
_STIGMA_WORDS = ("hardly", "impossible", "perhaps", "maybe", "allegedly", "reportedly")


@dataclass(frozen=True, slots=True)
class Method:
    name: str
    summary: str
    build: Callable[[LanguageTools], Any]
    chunk: int | None  # most sentences given at once; None = no bound needed


def _with_stop_words(cls: type) -> Callable[[LanguageTools], Any]:
    def build(tools: LanguageTools) -> Any:
        summarizer = cls(tools.stem)
        summarizer.stop_words = tools.stop_words
        return summarizer

    return build


def _edmundson(tools: LanguageTools) -> Any:
    summarizer = EdmundsonSummarizer(tools.stem)
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
            _with_stop_words(BriefingSummarizer),
            None,
        ),
        Method(
            "lead",
            "the first sentences (the baseline)",
            lambda tools: LeadSummarizer(tools.stem),
            None,
        ),
        Method(
            "lexrank",
            "sumy LexRank: eigenvector centrality of cosine similarity",
            _with_stop_words(LexRankSummarizer),
            120,
        ),
        Method(
            "textrank",
            "sumy TextRank: PageRank over shared words",
            _with_stop_words(TextRankSummarizer),
            120,
        ),
        Method(
            "luhn",
            "sumy Luhn: clusters of significant words",
            _with_stop_words(LuhnSummarizer),
            400,
        ),
        Method(
            "lsa", "sumy LSA: latent semantic analysis (SVD)", _with_stop_words(LsaSummarizer), 200
        ),
        Method(
            "sumbasic",
            "sumy SumBasic: word probability with redundancy",
            _with_stop_words(SumBasicSummarizer),
            60,
        ),
        Method("kl", "sumy KL-Sum: closest word distribution", _with_stop_words(KLSummarizer), 40),
        Method("edmundson", "sumy Edmundson: cue, title and location words", _edmundson, 400),
    )
}


def get_method(name: str) -> Method:
    try:
        return METHODS[name.strip().lower()]
    except KeyError:
        raise UnknownMethodError(name, list(METHODS)) from None
