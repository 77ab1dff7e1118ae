"""``default``: the lede when a short briefing is asked for, centrality when more is.

Reporters put the story in the lede, and on news no unsupervised method reliably beats
the first sentences for a briefing of two or three. So a short briefing is the lede
unless the article itself shows that its opening is not what it is about; a long
extract, where the lede alone would miss what the body says, is chosen by what the
article keeps returning to.

Each sentence is scored by

    z(centrality) + r * z(frequency) - bias * log(1 + paragraph)

- centrality: the sentence's summed TF-IDF cosine similarity to every other sentence;
- frequency: the cosine similarity of the sentence's terms to the article's term counts
  (its most repeated words, idf left out); it is weighted by r = wanted / usable
  sentences, the share of the article asked for, so it matters for long extracts only;
- z() standardises a measure over the article;
- paragraph: the number of the sentence's paragraph (0 for the first). The lede is the
  opening paragraph, and the sentences of one paragraph are one step of the story told,
  as far from the lede as each other: the lead bias counts paragraphs, not sentences
  (where each paragraph is one sentence, as on many news sites, the two are the same);
- the lead bias grows with the compression asked for: with odds = (1 - r) / r,
  bias = LEAD_BIAS * odds ** 2. A three-sentence briefing of a thirty-sentence story
  (r = 0.1) is therefore essentially its lede, an extract of 40% of an article
  (r = 0.4) is chosen mostly by centrality and frequency.

The lede guard: when at most SHORT_SHARE of the article's sentences are wanted, the
briefing is the lede (its first whole sentences) unless every lede sentence the ranking
left out is less central than the article's average sentence: an opening that is off
the article's subject (an anecdote, a scene) is the evidence that lets the body in.

A briefing of up to LEDE_BRIEFING sentences (the briefing of two or three for which the
lede is the answer to beat) but more than SHORT_SHARE of the article (three sentences of
a story of five) has room for the body: its sentences are chosen by their scores, but it
opens with the lede's first sentence unless that sentence shares no term with any other
sentence (a scene about something else; one that shares a word with the story, "she
smelled the smoke from the warehouse", is not told from a lede in other words, and
opens). A longer extract is left to the scores: it is asked for to tell more than the
lede does. Being below the average centrality is no evidence there: in a story of a few
sentences one sentence's share of the terms moves the average, and a Chinese lede that
names the event in its own words ("集装箱码头遭到勒索软件攻击") is less central than the
sentences that repeat the port authority's name. So a briefing of a short story is
never without its lede while the lede is about anything the story is.

Both kinds of evidence need the language's stop words: in a language without a list of
them (Hindi, Bengali, Thai, Russian ...), the terms keep its function words, and a
sentence that shares them with others ("এ সময়", "at this time") looks central without
being more on the subject than the lede. Centrality then tells nothing against the lede:
a short briefing is the lede, and a long extract opens with its first sentence.

Fragments (fewer than MIN_CONTENT_WORDS content words, or no sentence-final
punctuation: datelines, captions, "He was 88."; or a photo's caption that ends in its
credit, "... on Monday (Photo: Jane Doe).") are used only when there are not enough
whole sentences, so a caption never opens a briefing that has a sentence to open with.
A Thai or Lao sentence ending in a run of their letters long enough to end one (see
:func:`summaries.sentences.ends_unmarked`) is whole: those scripts end a sentence with a
space alone, and their words, unsegmented, are not counted.

Summed cosine similarity needs no similarity matrix: with unit vectors v_i,
sum_j v_i . v_j = v_i . (sum_j v_j), so the whole method is linear in the
number of words and has no length bound.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from itertools import chain, compress
from typing import Any

import numpy as np

from summaries.clean import ends_in_credit
from summaries.sentences import SENTENCE_ENDS, ends_unmarked
from summaries.summarize.budget import sentence_limit

LEAD_BIAS = 0.3
SHORT_SHARE = 0.25  # a briefing of at most a quarter of the article is a short one
LEDE_BRIEFING = 3  # the briefing of two or three sentences that Lead-3 sets the bar for
MIN_CONTENT_WORDS = 4
_FRAGMENT_PENALTY = 1e6
_SENTENCE_END = frozenset(SENTENCE_ENDS + ":\"'”’»)」』）")

# Picks, from sentence indices sorted best first (with each sentence's score, and which
# are fragments, sorted last), the ones that fit (a Budget's rule).
Picker = Callable[[list[int], np.ndarray, np.ndarray], list[int]]


def choose(
    sentences: Sequence[str],
    terms: Sequence[Sequence[str]],
    wanted: int,
    pick: Picker,
    paragraphs: Sequence[int] | None = None,
    *,
    stop_words_out: bool = True,
) -> list[int]:
    """The indices of the sentences of a briefing of ``wanted`` sentences, in article order.

    ``terms`` are each sentence's content terms (:func:`summaries.summarize.terms.
    content_terms`); ``pick`` keeps the best-first indices that fit the briefing;
    ``paragraphs`` the number of each sentence's paragraph (each sentence its own if not
    given, or if they are all in one: a text in one block says nothing of its steps);
    ``stop_words_out`` whether the terms are without the language's stop words (False
    for a language with no list of them: see the lede guard in the module's docstring).
    """
    if not sentences:
        return []
    pairs = zip(sentences, terms, strict=True)
    ends = _SENTENCE_END
    fragments = [
        (len(t) < MIN_CONTENT_WORDS or s.rstrip()[-1:] not in ends) and not ends_unmarked(s)
        or ends_in_credit(s.rstrip())
        for s, t in pairs
    ]
    usable = len(sentences) - sum(fragments)
    if usable < wanted:
        fragments = [False] * len(sentences)
        usable = len(sentences)
    fragment = np.array(fragments)
    share = min(1.0, wanted / max(1, usable))
    cosine, frequency = _measures(terms)
    central = _standard(cosine)
    relevance = central + share * _standard(frequency)
    positions = np.arange(len(sentences), dtype=float)
    one_block = paragraphs is None or not any(paragraphs)
    steps = positions if one_block else np.asarray(paragraphs, dtype=float)
    scores = relevance - lead_bias(wanted, usable) * np.log1p(steps)
    if not all(fragments):  # (see the lede guard) what the first whole sentence opens
        opening = fragments.index(False)
        if not stop_words_out or (
            share > SHORT_SHARE and wanted <= LEDE_BRIEFING and cosine[opening] > 0
        ):
            scores[opening] = scores.max() + 1.0
    chosen = pick(_best_first(scores - _FRAGMENT_PENALTY * fragment), scores, fragment)
    if share <= SHORT_SHARE:
        lede = pick(_lede_first(fragments), -positions, fragment)
        left_out = set(lede) - set(chosen)
        # No evidence against the lede: centrality on function words, or a left-out lede
        # sentence at least as central as the average one.
        if not stop_words_out or any(central[i] >= 0 for i in left_out):
            chosen = lede
    return sorted(chosen)


def lead_bias(wanted: int, usable: int) -> float:
    """How strongly position outweighs centrality for this compression."""
    ratio = min(1.0, wanted / max(1, usable))
    odds = (1.0 - ratio) / ratio
    return LEAD_BIAS * odds * odds


class BriefingSummarizer:
    """``default`` behind sumy's summarizer interface (the pipeline calls :func:`choose`
    directly, without sumy's document model)."""

    def __init__(self, stemmer: Callable[[str], str]) -> None:
        self._stemmer = stemmer
        self._stop_words: frozenset[str] = frozenset()

    @property
    def stop_words(self) -> frozenset[str]:
        return self._stop_words

    @stop_words.setter
    def stop_words(self, words: Any) -> None:
        self._stop_words = frozenset(w.lower() for w in words)

    def __call__(self, document: Any, sentences_count: Any) -> tuple[Any, ...]:
        sentences = document.sentences
        terms = [self._content_terms(s.words) for s in sentences]
        paragraphs = [n for n, p in enumerate(document.paragraphs) for _ in p.sentences]
        limit = sentences_count if callable(sentences_count) else None

        def pick(order: list[int], scores: np.ndarray, fragment: np.ndarray) -> list[int]:
            if limit is None:
                return order[:wanted]
            ranked = [_Ranked(sentences[i], i) for i in order]
            return [r.order for r in limit(ranked)]

        wanted = sentence_limit(sentences_count)
        chosen = choose(
            [str(s) for s in sentences],
            terms,
            wanted,
            pick,
            paragraphs,
            stop_words_out=bool(self._stop_words),
        )
        return tuple(sentences[i] for i in chosen)

    def _content_terms(self, words: tuple[str, ...]) -> list[str]:
        stop = self._stop_words
        stem = self._stemmer
        return [stem(w) for w in (w.lower() for w in words) if w not in stop]


class _Ranked:
    """What a sumy ``sentences_count`` callable reads: ``sentence`` (and its ``order``)."""

    __slots__ = ("order", "sentence")

    def __init__(self, sentence: Any, order: int) -> None:
        self.sentence = sentence
        self.order = order


def _best_first(scores: np.ndarray) -> list[int]:
    """Indices by score, highest first; ties in article order."""
    return (-scores).argsort(kind="stable").tolist()


def _lede_first(fragments: list[bool]) -> list[int]:
    """Indices in article order, fragments last: what :func:`_best_first` gives for the
    scores of the lede (minus each position, minus the fragments' penalty), without
    sorting."""
    whole = [not fragment for fragment in fragments]
    indices = range(len(fragments))
    return [*compress(indices, whole), *compress(indices, fragments)]


def _standard(values: np.ndarray) -> np.ndarray:
    """``values`` as z-scores (all 0 when they do not vary); ``ndarray.std`` spelt out, as
    its checks cost more than the sums on an article's few dozen sentences."""
    centred = values - np.add.reduce(values) / len(values)  # (what values.sum() runs)
    spread = math.sqrt(float(centred @ centred) / len(values))
    return centred / spread if spread > 0 else centred * 0.0


def _summed_cosine(terms: Sequence[Sequence[str]]) -> np.ndarray:
    """For each sentence, the sum of its TF-IDF cosine similarity to all others."""
    return _measures(terms)[0]


def _measures(terms: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Each sentence's summed TF-IDF cosine similarity to all others, and its frequency
    similarity: the cosine of its set of terms and the article's term counts, which is the
    sum of its distinct terms' counts over the square root of how many there are (the
    article vector's norm, the same for every sentence, left out)."""
    count = len(terms)
    lengths = list(map(len, terms))
    every = sum(lengths)
    if not every:
        return np.zeros(count), np.zeros(count)
    # Each term's id is where it first comes among all the terms: in order of appearance,
    # as the sums below must add (some ids unused: their rows of the bincounts stay 0).
    first_seen: dict[str, int] = {}
    term_ids = np.fromiter(
        map(first_seen.setdefault, chain.from_iterable(terms), itertools.count()),
        dtype=np.intp,
        count=every,
    )
    size = every
    row_ids = np.arange(count).repeat(lengths)
    # term frequency per (sentence, term) pair
    unique_pairs, tf = _counts(row_ids * size + term_ids)
    pair_rows = unique_pairs // size
    pair_terms = unique_pairs % size
    document_frequency = np.bincount(pair_terms, minlength=size)
    idf = np.log((count + 1) / (document_frequency + 1)) + 1.0
    weights = tf * idf[pair_terms]
    norms = np.sqrt(np.bincount(pair_rows, weights=weights * weights, minlength=count))
    unit = weights / norms[pair_rows]
    total = np.bincount(pair_terms, weights=unit, minlength=size)
    own = np.bincount(pair_rows, weights=unit * unit, minlength=count)
    central = np.bincount(pair_rows, weights=unit * total[pair_terms], minlength=count) - own
    counts = np.bincount(term_ids, minlength=size)
    distinct = np.bincount(pair_rows, minlength=count)
    summed = np.bincount(pair_rows, weights=counts[pair_terms], minlength=count)
    frequency = summed / np.sqrt(np.maximum(distinct, 1))
    return central, frequency


def _counts(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``values``, sorted, and how often each occurs: what
    ``np.unique(values, return_counts=True)`` gives, without its checks. (Counting them
    in an array of every possible value touches far more memory on a long article.) Spelt
    with array methods: numpy's function wrappers cost more than the work on an article."""
    ordered = values.copy()
    ordered.sort()
    first = np.empty(len(ordered), dtype=bool)  # whether each is the first of its value
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    starts = first.nonzero()[0]
    ends = np.empty_like(starts)
    ends[:-1] = starts[1:]
    ends[-1] = len(ordered)
    return ordered[starts], ends - starts


__all__ = ["BriefingSummarizer", "choose", "lead_bias"]
