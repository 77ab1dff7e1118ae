"""``default``: lead-aware centrality, the method briefings are made with.

Stock centrality methods (LexRank, TextRank) ignore where a sentence stands, and
on news they lose to simply taking the first sentences: reporters put the story
in the lede. Taking the lede alone, though, misses what the body says when a
longer extract is wanted. This method scores each sentence by

    z(centrality) - bias * log(1 + position)

where centrality is the sentence's summed TF-IDF cosine similarity to every other
sentence, z() standardises it over the article, and the lead bias grows with the
compression asked for: with odds = (1 - r) / r for r = wanted / usable sentences,
bias = LEAD_BIAS * odds ** 2. A three-sentence briefing of a thirty-sentence
story (r = 0.1) is therefore essentially its lede, while an extract of 40% of an
article (r = 0.4) is chosen mostly by what the article keeps returning to.

Fragments (fewer than MIN_CONTENT_WORDS content words, or no sentence-final
punctuation: datelines, captions, "He was 88.") are used only when there are not
enough whole sentences.

Summed cosine similarity needs no similarity matrix: with unit vectors v_i,
sum_j v_i . v_j = v_i . (sum_j v_j), so the whole method is linear in the
number of words and has no length bound.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sumy.summarizers._summarizer import AbstractSummarizer

from summaries.summarize.budget import sentence_limit

LEAD_BIAS = 0.3
MIN_CONTENT_WORDS = 4
_FRAGMENT_PENALTY = 1e6
_SENTENCE_END = frozenset(".!?…:\"'”’»)。！？」』）")


class BriefingSummarizer(AbstractSummarizer):
    _stop_words: frozenset[str] = frozenset()

    @property
    def stop_words(self) -> frozenset[str]:
        return self._stop_words

    @stop_words.setter
    def stop_words(self, words: Any) -> None:
        self._stop_words = frozenset(map(self.normalize_word, words))

    def __call__(self, document: Any, sentences_count: Any) -> tuple[Any, ...]:
        sentences = document.sentences
        if not sentences:
            return ()
        scores = self.rate_sentences(document, sentence_limit(sentences_count))
        ratings = dict(zip(sentences, scores.tolist(), strict=True))
        return self._get_best_sentences(sentences, sentences_count, ratings)

    def rate_sentences(self, document: Any, wanted: int) -> np.ndarray:
        sentences = document.sentences
        terms = [self._content_terms(s.words) for s in sentences]
        centrality = _summed_cosine(terms)
        fragment = np.array(
            [
                len(t) < MIN_CONTENT_WORDS or not _ends_sentence(str(s))
                for s, t in zip(sentences, terms, strict=True)
            ]
        )
        usable = int((~fragment).sum())
        if usable < wanted:
            fragment[:] = False
            usable = len(sentences)
        spread = centrality.std()
        z = (centrality - centrality.mean()) / spread if spread > 0 else centrality * 0.0
        positions = np.arange(len(sentences), dtype=float)
        scores = z - lead_bias(wanted, usable) * np.log1p(positions)
        scores[fragment] -= _FRAGMENT_PENALTY
        return scores

    def _content_terms(self, words: tuple[str, ...]) -> list[str]:
        stop = self._stop_words
        stem = self._stemmer
        lowered = (w.lower() for w in words)  # sumy's normalize_word, without its overhead
        return [stem(w) for w in lowered if w not in stop]


def lead_bias(wanted: int, usable: int) -> float:
    """How strongly position outweighs centrality for this compression."""
    ratio = min(1.0, wanted / max(1, usable))
    odds = (1.0 - ratio) / ratio
    return LEAD_BIAS * odds * odds


def _ends_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in _SENTENCE_END


def _summed_cosine(terms: list[list[str]]) -> np.ndarray:
    """For each sentence, the sum of its TF-IDF cosine similarity to all others."""
    count = len(terms)
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    for row, sentence_terms in enumerate(terms):
        for term in sentence_terms:
            rows.append(row)
            columns.append(vocabulary.setdefault(term, len(vocabulary)))
    if not rows:
        return np.zeros(count)
    row_ids = np.asarray(rows)
    term_ids = np.asarray(columns)
    # term frequency per (sentence, term) pair
    pair = row_ids * len(vocabulary) + term_ids
    unique_pairs, tf = np.unique(pair, return_counts=True)
    pair_rows = unique_pairs // len(vocabulary)
    pair_terms = unique_pairs % len(vocabulary)
    document_frequency = np.bincount(pair_terms, minlength=len(vocabulary))
    idf = np.log((count + 1) / (document_frequency + 1)) + 1.0
    weights = tf * idf[pair_terms]
    norms = np.sqrt(np.bincount(pair_rows, weights=weights * weights, minlength=count))
    unit = weights / norms[pair_rows]
    total = np.bincount(pair_terms, weights=unit, minlength=len(vocabulary))
    own = np.bincount(pair_rows, weights=unit * unit, minlength=count)
    return np.bincount(pair_rows, weights=unit * total[pair_terms], minlength=count) - own


__all__ = ["BriefingSummarizer", "lead_bias"]
