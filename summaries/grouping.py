"""Story grouping: do two articles report the same news event?

Method: TF-IDF cosine over the headline and the lead. An article's fingerprint holds the
stemmed content words (stop words dropped) of its headline, counted twice, and of the first
``LEAD_WORDS`` words of its cleaned text. News puts the event (who, what, where, when) in
the headline and the first paragraph, so the lead carries the story while the rest of an
article drifts into background that related stories share. Two outlets rarely share
sentences (see ../shared/articles 002 and 003), so word-shingle methods such as MinHash
find little; single stemmed words still overlap.

IDF weights come from the window the article is compared with, so no external corpus is
needed and the weights follow the news of the day: idf = ln((1 + n) / (1 + df)) + 1 over
the window's ``n`` fingerprints plus the one being matched. Below ``MIN_IDF_DOCS``
fingerprints every term weighs the same.

``SAME_STORY_THRESHOLD`` was chosen by measurement on the tuning half of
tests/data/story_pairs.jsonl; ``python bench/grouping.py`` prints how it was chosen and
its precision and recall. Text alone cannot tell a story from a follow-up days later (the
same names and words come back), so callers compare an article only with a recent window
of articles (e.g. the last 72 hours by publication time), as the bench does.
"""

from __future__ import annotations

import heapq
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from operator import itemgetter

from summaries.language import language_tools
from summaries.sentences import OfflineTokenizer, split_paragraphs

__all__ = [
    "LEAD_WORDS",
    "MIN_IDF_DOCS",
    "SAME_STORY_THRESHOLD",
    "TITLE_WEIGHT",
    "Fingerprint",
    "StoryGrouper",
    "TermWeights",
    "fingerprint",
    "similarity",
    "term_weights",
]

LEAD_WORDS = 80  # words of the text (stop words included) that make the lead
TITLE_WEIGHT = 2.0  # a headline word counts as much as two lead words
MIN_IDF_DOCS = 10  # fewer fingerprints than this: every term weighs the same

# Chosen on the tuning half of tests/data/story_pairs.jsonl (bench/grouping.py): the middle
# of the thresholds with the best F1 (0.276 to 0.294) when pairs published more than 72
# hours apart are never compared. Held-out half: precision 0.88, recall 1.00; with every
# pair compared, however far apart, 0.67 and 1.00 (follow-ups days later reuse the words).
SAME_STORY_THRESHOLD = 0.285

_CANDIDATES = 32  # articles scored exactly per match, the best by their rare shared terms
_POSTING_BUDGET = 10_000  # index entries read per match to nominate candidates
_FORMAT = 1  # version of the JSON form of a fingerprint


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What story grouping compares: weighted stems of an article's headline and lead."""

    terms: tuple[tuple[str, float], ...]  # (stem, weight), sorted by stem
    language: str = "english"

    def to_json(self) -> str:
        """A compact JSON form, for storing next to the article."""
        return json.dumps(
            {"v": _FORMAT, "language": self.language, "terms": [list(t) for t in self.terms]},
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, data: str) -> Fingerprint:
        """Read what `to_json` wrote; ValueError if it is anything else."""
        try:
            raw = json.loads(data)
            if raw["v"] != _FORMAT or not isinstance(raw["language"], str):
                raise ValueError
            terms = tuple((str(t), float(w)) for t, w in raw["terms"])
        except (ValueError, TypeError, KeyError) as error:
            raise ValueError(f"not a story fingerprint: {data[:60]!r}") from error
        return cls(tuple(sorted(terms)), raw["language"])


@dataclass(frozen=True, slots=True)
class TermWeights:
    """IDF weights of a collection of fingerprints (a window of recent articles)."""

    docs: int  # fingerprints in the collection
    df: Mapping[str, int]  # term -> how many of them hold it

    def weight(self, term: str) -> float:
        """The term's IDF; a term the collection never saw weighs as the rarest."""
        if self.docs < MIN_IDF_DOCS:
            return 1.0
        return _idf(self.df.get(term, 0), self.docs)


def fingerprint(title: str, text: str, language: str = "english") -> Fingerprint:
    """The fingerprint of an article: its headline and the lead of its cleaned text.

    `text` should already be cleaned (`summaries.clean.clean_text`): on a raw scraped page
    the lead would be the site's menu.
    """
    tools = language_tools(language)
    words = OfflineTokenizer(tools.name)
    counts: Counter[str] = Counter()
    for word in words.to_words(title):
        for term in _terms(word, tools.stop_words, tools.stem):
            counts[term] += TITLE_WEIGHT
    left = LEAD_WORDS
    for paragraph in split_paragraphs(text):
        for sentence in words.to_sentences(paragraph):
            lead = words.to_words(sentence)[:left]
            for word in lead:
                counts.update(_terms(word, tools.stop_words, tools.stem))
            left -= len(lead)
            if left <= 0:
                break
        if left <= 0:
            break
    return Fingerprint(tuple(sorted((t, float(w)) for t, w in counts.items())), tools.name)


def term_weights(fingerprints: Iterable[Fingerprint]) -> TermWeights:
    """Document frequencies of a collection, for `similarity`.

    Include the fingerprints being compared: this is what `StoryGrouper` does with its
    window plus the article it matches.
    """
    df: Counter[str] = Counter()
    docs = 0
    for fp in fingerprints:
        df.update(term for term, _ in fp.terms)
        docs += 1
    return TermWeights(docs, dict(df))


def similarity(a: Fingerprint, b: Fingerprint, weights: TermWeights | None = None) -> float:
    """Cosine of the two TF-IDF vectors, from 0.0 (nothing shared) to 1.0.

    Without `weights` every term weighs the same.
    """
    weight = weights.weight if weights is not None else _one
    va = {term: tf * weight(term) for term, tf in a.terms}
    vb = {term: tf * weight(term) for term, tf in b.terms}
    return _cosine(va, vb)


class StoryGrouper:
    """Assigns each new article to an existing story or a new one.

    It compares an article with the articles of a recent window, which the caller adds (and
    removes as they age out; e.g. the last 72 hours by publication time). An inverted index
    from term to articles nominates the articles that share the query's rarest terms
    (reading at most ``_POSTING_BUDGET`` index entries, so the commonest words nominate
    nobody in a large window) and only the ``_CANDIDATES`` best nominees are scored in full:
    a match costs a few milliseconds in a window of 5,000 articles (bench/grouping.py).
    """

    def __init__(self, threshold: float = SAME_STORY_THRESHOLD) -> None:
        self.threshold = threshold
        # key -> story, terms, language
        self._articles: dict[int, tuple[int, dict[str, float], str]] = {}
        self._postings: dict[str, dict[int, float]] = {}  # term -> key -> term frequency

    def __len__(self) -> int:
        return len(self._articles)

    def __contains__(self, key: object) -> bool:
        return key in self._articles

    def add(self, key: int, story_id: int, fp: Fingerprint) -> None:
        """Put an article of the window (`key`, e.g. its id) in story `story_id`."""
        if key in self._articles:
            self.remove(key)
        terms = dict(fp.terms)
        self._articles[key] = (story_id, terms, fp.language)
        for term, tf in terms.items():
            self._postings.setdefault(term, {})[key] = tf

    def remove(self, key: int) -> None:
        """Take an article out of the window (no error if it is not there)."""
        entry = self._articles.pop(key, None)
        if entry is None:
            return
        for term in entry[1]:
            posting = self._postings[term]
            del posting[key]
            if not posting:
                del self._postings[term]

    def match(self, fp: Fingerprint) -> int | None:
        """The story `fp` belongs to, or None when it is a new one."""
        best = self.nearest(fp)
        if best is None or best[1] < self.threshold:
            return None
        return best[0]

    def nearest(self, fp: Fingerprint) -> tuple[int, float] | None:
        """The story of the most similar article in the window and that similarity.

        None when the window is empty or no article in it shares a term with `fp`. Only
        articles in the language of `fp` are compared: one in another language is other news
        (or the same news for other readers) and its words are not comparable anyway.
        """
        query = dict(fp.terms)
        docs = len(self._articles) + 1  # the window and the article being matched
        postings = self._postings
        idf = _IdfTable(docs)
        # Document frequencies count the article being matched, as term_weights would.
        vector = {term: tf * idf[len(postings.get(term, ())) + 1] for term, tf in query.items()}
        # Articles that share the query's rarer terms are nominated, rarest terms first,
        # until the postings read reach the budget: the commonest terms nominate nobody.
        shared = sorted((len(postings[t]), t) for t in vector if t in postings)
        partial: dict[int, float] = {}
        budget = _POSTING_BUDGET
        for size, term in shared:
            if size > budget:
                break
            budget -= size
            value = vector[term] * idf[size + 1]
            for key, tf in postings[term].items():
                partial[key] = partial.get(key, 0.0) + value * tf
        if not partial:
            return None
        query_norm = math.sqrt(sum(v * v for v in vector.values()))
        best: tuple[int, float] | None = None
        for key, _ in heapq.nlargest(_CANDIDATES, partial.items(), key=itemgetter(1)):
            story, terms, language = self._articles[key]
            if language != fp.language:
                continue
            dot = norm = 0.0
            for term, tf in terms.items():
                if term in vector:
                    value = tf * idf[len(postings[term]) + 1]
                    dot += value * vector[term]
                else:
                    value = tf * idf[len(postings[term])]
                norm += value * value
            score = min(1.0, dot / (query_norm * math.sqrt(norm))) if dot > 0.0 else 0.0
            if best is None or score > best[1]:
                best = (story, score)
        return best


class _IdfTable(dict[int, float]):
    """IDF by document frequency in a collection of `docs`, computed once per frequency."""

    def __init__(self, docs: int) -> None:
        super().__init__()
        self.docs = docs

    def __missing__(self, df: int) -> float:
        weight = self[df] = _idf(df, self.docs) if self.docs >= MIN_IDF_DOCS else 1.0
        return weight


def _terms(word: str, stop_words: frozenset[str], stem: Callable[[str], str]) -> list[str]:
    """The stems a word token contributes: hyphenated parts each, stop words dropped."""
    out = []
    for part in word.lower().split("-"):
        if part.endswith("'s"):
            part = part[:-2]
        part = part.strip("'")
        if len(part) > 1 and part not in stop_words:
            out.append(stem(part))
    return out


def _idf(df: int, docs: int) -> float:
    return math.log((1 + docs) / (1 + df)) + 1.0


def _one(_term: str) -> float:
    return 1.0


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(value * b.get(term, 0.0) for term, value in a.items())
    if dot <= 0.0:
        return 0.0
    norm = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
    return min(1.0, dot / norm)
