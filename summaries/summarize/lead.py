"""The baseline every method is measured against: the article's first sentences."""

from __future__ import annotations

from typing import Any

from sumy.summarizers._summarizer import AbstractSummarizer


class LeadSummarizer(AbstractSummarizer):
    """Rates sentences by position only: earlier is better."""

    def __call__(self, document: Any, sentences_count: Any) -> tuple[Any, ...]:
        sentences = document.sentences
        ratings = {s: -order for order, s in enumerate(sentences)}
        return self._get_best_sentences(sentences, sentences_count, ratings)
