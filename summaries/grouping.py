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

Text alone cannot tell a story from a follow-up days later (the same names and words come
back), so an article is compared only with the articles published within a window of it
(72 hours by default; the fetch time stands in for a missing date), and a similarity
counts the less the farther apart the two were published: it is multiplied by
:func:`time_decay`, e^(-gap / window). Outlets report one event within hours of each
other; a report of the same place and people two days later is more often the next event.
``StoryGrouper(window=...)`` does both, as the bench scores pairs.

Two events of one place and day (a fire and a strike at one port) share the words both
headlines hold, the place and its people, repeated through both leads, and little else; two
tellings of one event share its particulars besides. A pair whose similarity without those
shared headline stems (:func:`event_evidence`) is under ``EVENT_EVIDENCE`` counts for no more
than that (:func:`story_similarity`, what the grouper compares with its threshold).

``SAME_STORY_THRESHOLD`` was chosen by measurement on the tuning halves of
tests/data/story_pairs.jsonl and tests/data/story_pairs_outlets.jsonl (hard negatives from
one outlet); ``python bench/grouping.py`` prints how it was chosen and its precision and
recall.
"""

from __future__ import annotations

import heapq
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import repeat
from operator import mul, sub

from summaries.function_words import grouping_stop_words, without_elision
from summaries.language import language_tools
from summaries.sentences import OfflineTokenizer, split_paragraphs
from summaries.words import letter_count

__all__ = [
    "EVENT_EVIDENCE",
    "LEAD_WORDS",
    "MIN_IDF_DOCS",
    "SAME_STORY_THRESHOLD",
    "TITLE_WEIGHT",
    "Fingerprint",
    "StoryGrouper",
    "TermWeights",
    "event_evidence",
    "fingerprint",
    "similarity",
    "story_score",
    "story_similarity",
    "term_weights",
    "time_decay",
]

LEAD_WORDS = 80  # words of the text (stop words included) that make the lead
TITLE_WEIGHT = 2.0  # a headline word counts as much as two lead words
MIN_IDF_DOCS = 10  # fewer fingerprints than this: every term weighs the same

# Chosen on the tuning halves of tests/data/story_pairs.jsonl and story_pairs_outlets.jsonl
# (bench/grouping.py), scored as the grouper works (pairs published over 72 hours apart never
# compared, a similarity times time_decay): any threshold between the scores 0.247 and 0.302
# has the best F1, and this is its middle. Held-out halves: precision 0.97, recall 1.00;
# without the decay 0.85 and 1.00; with every pair compared on text alone, however far
# apart, 0.69 and 1.00 (follow-ups days later reuse the words). (With EVENT_EVIDENCE below;
# before it, 0.81 and 0.67.)
SAME_STORY_THRESHOLD = 0.275

# What a pair must share outside the stems both headlines hold (event_evidence), chosen with
# the threshold above on the tuning halves of story_pairs.jsonl, story_pairs_outlets.jsonl and
# story_pairs_places.jsonl (one event told by two outlets, and another event of the same place
# and day, in six languages): the best F1 from 0.080 to 0.186, middle 0.133 (bench/grouping.py).
# Of all pairs the threshold passes, two events of one place have 0.037 and 0.081, the
# tellings of one event 0.187 and more. Held-out halves of the three: precision 0.95 -> 0.97,
# recall 1.00 both; the places set alone 0.83 -> 1.00, recall 1.00.
EVENT_EVIDENCE = 0.13

_CANDIDATES = 32  # articles scored exactly per match, the best by their rare shared terms
_POSTING_BUDGET = 3_000  # index entries read per match to nominate candidates (bench/grouping.py)
_FORMAT = 2  # version of the JSON form of a fingerprint


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What story grouping compares: weighted stems of an article's headline and lead."""

    terms: tuple[tuple[str, float], ...]  # (stem, weight), sorted by stem
    language: str = "english"
    headline: tuple[str, ...] = ()  # the stems of the headline, sorted

    def to_json(self) -> str:
        """A compact JSON form, for storing next to the article."""
        return json.dumps(
            {
                "v": _FORMAT,
                "language": self.language,
                "terms": [list(t) for t in self.terms],
                "headline": list(self.headline),
            },
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
            headline = tuple(sorted(str(t) for t in raw["headline"]))
        except (ValueError, TypeError, KeyError) as error:
            raise ValueError(f"not a story fingerprint: {data[:60]!r}") from error
        return cls(tuple(sorted(terms)), raw["language"], headline)


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
    stop_words = grouping_stop_words(tools.name, tools.stop_words)
    counts: Counter[str] = Counter()
    for word in words.to_words(title):
        for term in _terms(without_elision(word, tools.name), stop_words, tools.stem):
            counts[term] += TITLE_WEIGHT
    headline = tuple(sorted(counts))
    left = LEAD_WORDS
    for paragraph in split_paragraphs(text):
        for sentence in words.to_sentences(paragraph):
            lead = words.to_words(sentence)[:left]
            for word in lead:
                counts.update(_terms(without_elision(word, tools.name), stop_words, tools.stem))
            left -= len(lead)
            if left <= 0:
                break
        if left <= 0:
            break
    terms = tuple(sorted((t, float(w)) for t, w in counts.items()))
    return Fingerprint(terms, tools.name, headline)


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


def time_decay(apart: timedelta, window: timedelta) -> float:
    """What a similarity counts for between articles published ``apart``: 1.0 at the same
    time, 1/e a ``window`` apart (farther apart, they are not compared at all)."""
    return math.exp(-abs(apart.total_seconds()) / window.total_seconds())


def similarity(a: Fingerprint, b: Fingerprint, weights: TermWeights | None = None) -> float:
    """Cosine of the two TF-IDF vectors, from 0.0 (nothing shared) to 1.0.

    Without `weights` every term weighs the same.
    """
    weight = weights.weight if weights is not None else _one
    va = {term: tf * weight(term) for term, tf in a.terms}
    vb = {term: tf * weight(term) for term, tf in b.terms}
    return _cosine(va, vb)


def event_evidence(a: Fingerprint, b: Fingerprint, weights: TermWeights | None = None) -> float:
    """`similarity` of the two without the pair's subject: the stems both headlines hold
    (the port of Hamburg and its workers, a team, a company), which two events of one place
    and day share as much as two tellings of one event do; those tellings also share the
    event's particulars (the burning warehouse, the terminal's name, the eighty
    firefighters). An article whose text adds fewer stems to its headline than the two
    headlines share (a headline alone, a feed's teaser that restates it or says "Read more")
    has too little beyond the subject to tell its event by: the subject stays (_subject)."""
    weight = weights.weight if weights is not None else _one
    subject = _subject(_Headline.of(a), _Headline.of(b))
    va = {term: tf * weight(term) for term, tf in a.terms if term not in subject}
    vb = {term: tf * weight(term) for term, tf in b.terms if term not in subject}
    return _cosine(va, vb)


def story_similarity(a: Fingerprint, b: Fingerprint, weights: TermWeights | None = None) -> float:
    """What story grouping compares with its threshold: `similarity`, but no more than the
    `event_evidence` when that is under EVENT_EVIDENCE (a pair that shares little beyond
    its subject is two events of one subject, however alike its words)."""
    return story_score(similarity(a, b, weights), event_evidence(a, b, weights))


def story_score(cosine: float, evidence: float, needed: float = EVENT_EVIDENCE) -> float:
    """A pair's cosine, or the smaller of it and its evidence when that is under ``needed``."""
    return cosine if evidence >= needed else min(cosine, evidence)


class StoryGrouper:
    """Assigns each new article to an existing story or a new one.

    It compares an article with the articles the caller adds (and removes, if it likes).
    With a ``window``, each article is added with its time (published, else fetched) and
    an article at time P is compared only with those within ``window`` of P, each
    similarity weighed by :func:`time_decay` of the two times; IDF weights
    then come from the articles of the three ``window``-wide time slices around P's own
    (fixed slices of time since the epoch), so they follow the news of that time, and the
    same article gets the same weights whatever else of other times the grouper holds.
    Without a window every article is compared with every other.

    An inverted index from term to articles nominates the articles that share the query's
    rarest terms (reading at most ``_POSTING_BUDGET`` index entries, so the commonest words
    nominate nobody in a large window) and only the ``_CANDIDATES`` best nominees are scored
    in full: a match costs a few milliseconds in a window of 5,000 articles, however many
    articles of other times the grouper holds (bench/grouping.py).
    """

    def __init__(
        self,
        threshold: float = SAME_STORY_THRESHOLD,
        window: timedelta | None = None,
        evidence: float = EVENT_EVIDENCE,
    ) -> None:
        self.threshold = threshold
        self.evidence = evidence
        self.window = window
        self._span = window.total_seconds() if window is not None else math.inf
        self._articles: dict[int, _Entry] = {}
        self._slices: dict[int, dict[str, dict[int, float]]] = {}  # slice -> term -> key -> tf
        self._sizes: Counter[int] = Counter()  # articles in each slice
        self._bounds: dict[int, tuple[float, float]] = {}  # slice -> its earliest, latest time
        self._df: dict[str, int] = {}  # term -> articles that hold it, in every slice
        self._logs: list[float] = []  # ln(1 + k) for k up to the largest window so far

    def __len__(self) -> int:
        return len(self._articles)

    def __contains__(self, key: object) -> bool:
        return key in self._articles

    def slice_of(self, moment: datetime | None) -> int:
        """The time slice ``moment`` falls in (0 for all without a window)."""
        if self.window is None or moment is None:
            return 0
        return math.floor(moment.timestamp() / self._span)

    def slice_bounds(self, number: int) -> tuple[datetime, datetime]:
        """The start (included) and end (excluded) of time slice ``number``."""
        if self.window is None:
            raise ValueError("a grouper without a window has no time slices")
        start = datetime.fromtimestamp(number * self._span, UTC)
        return start, start + self.window

    def slices_around(self, moment: datetime | None) -> tuple[int, ...]:
        """The slices an article at ``moment`` is compared with and weighed over."""
        middle = self.slice_of(moment)
        return (middle,) if self.window is None else (middle - 1, middle, middle + 1)

    def add(self, key: int, story_id: int, fp: Fingerprint, at: datetime | None = None) -> None:
        """Put an article (`key`, e.g. its id) in story `story_id`; with a window, `at` is
        its time (published, else fetched)."""
        if key in self._articles:
            self.remove(key)
        terms = dict(fp.terms)
        number, moment = self._checked_slice(at), _stamp(at)
        self._articles[key] = _Entry(story_id, terms, number, moment, fp.language, _Headline.of(fp))
        self._sizes[number] += 1
        low, high = self._bounds.get(number, (moment, moment))
        self._bounds[number] = (min(low, moment), max(high, moment))
        postings, df = self._slices.setdefault(number, {}), self._df
        for term, tf in terms.items():
            postings.setdefault(term, {})[key] = tf
            df[term] = df.get(term, 0) + 1

    def remove(self, key: int) -> None:
        """Take an article out (no error if it is not there)."""
        entry = self._articles.pop(key, None)
        if entry is None:
            return
        postings, df = self._slices[entry.slice], self._df
        for term in entry.terms:
            posting = postings[term]
            del posting[key]
            if not posting:
                del postings[term]
            df[term] -= 1
            if not df[term]:
                del df[term]
        self._sizes[entry.slice] -= 1
        if not self._sizes[entry.slice]:  # its bounds stay as wide as they were until then
            del self._sizes[entry.slice], self._slices[entry.slice], self._bounds[entry.slice]

    def match(self, fp: Fingerprint, at: datetime | None = None) -> int | None:
        """The story `fp` (at time `at`, with a window) belongs to, or None when it is new."""
        best = self.nearest(fp, at)
        if best is None or best[1] < self.threshold:
            return None
        return best[0]

    def nearest(self, fp: Fingerprint, at: datetime | None = None) -> tuple[int, float] | None:
        """The story of the most similar article compared with and that similarity.

        None when the window is empty or no article in it shares a term with `fp`. Only
        articles in the language of `fp` are compared: one in another language is other news
        (or the same news for other readers) and its words are not comparable anyway.
        """
        self._checked_slice(at)
        numbers = [n for n in self.slices_around(at) if n in self._slices]
        slices = [self._slices[n] for n in numbers]
        if len(numbers) == len(self._slices):  # the usual case: all it holds is around `at`
            df: dict[str, int] = self._df  # read only: every candidate's terms are in it
            query_df = {t: df.get(t, 0) for t, _ in fp.terms}
        else:  # document frequencies over the (at most three) slices, each term once
            df = _SliceFrequencies(slices)
            query_df = {t: df[t] for t, _ in fp.terms}
        # IDF over the articles weighed over and the one being matched: base - logs[df]
        base, logs = self._idf_table(sum(self._sizes[n] for n in numbers) + 1)
        # Document frequencies count the article being matched, as term_weights would.
        vector = {term: tf * (base - logs[query_df[term] + 1]) for term, tf in fp.terms}
        partial = self._nominate(vector, query_df, slices, numbers, _stamp(at), base, logs)
        if not partial:
            return None
        query_norm = math.sqrt(sum(v * v for v in vector.values()))
        headline = _Headline.of(fp)
        articles, moment, span = self._articles, _stamp(at), self._span
        best: tuple[int, float] | None = None
        for key in heapq.nlargest(_CANDIDATES, partial, key=partial.__getitem__):
            entry = articles[key]
            if entry.language != fp.language:
                continue
            cosine, evidence = _cosine_in_window(
                entry.terms, vector, query_norm, df, base, logs, _subject(entry.headline, headline)
            )
            score = story_score(cosine, evidence, self.evidence)
            if self.window is not None:
                score *= math.exp(-abs(entry.at - moment) / span)  # time_decay
            if best is None or score > best[1]:
                best = (entry.story, score)
        return best

    def _nominate(
        self,
        vector: dict[str, float],
        query_df: dict[str, int],
        slices: list[dict[str, dict[int, float]]],
        numbers: list[int],
        moment: float,
        base: float,
        logs: list[float],
    ) -> dict[int, float]:
        """Articles that share the query's rarer terms, with what those terms add to their
        dot product: rarest terms first, until the postings read would pass the budget (the
        commonest terms nominate nobody). A slice whose articles are all within the window
        needs no look at their times."""
        articles, span = self._articles, self._span
        whole = [
            self._bounds[n][0] >= moment - span and self._bounds[n][1] <= moment + span
            for n in numbers
        ]
        partial: dict[int, float] = {}
        get = partial.get
        budget = _POSTING_BUDGET
        for size, term in sorted((query_df[t], t) for t in vector if query_df[t]):
            if size > budget:
                break
            budget -= size
            value = vector[term] * (base - logs[size + 1])
            for postings, inside in zip(slices, whole, strict=True):
                posting = postings.get(term)
                if not posting:
                    continue
                if inside:
                    for key, tf in posting.items():
                        partial[key] = get(key, 0.0) + value * tf
                else:
                    for key, tf in posting.items():
                        if abs(articles[key].at - moment) <= span:
                            partial[key] = get(key, 0.0) + value * tf
        return partial

    def _idf_table(self, docs: int) -> tuple[float, list[float]]:
        """``(base, logs)`` with ``base - logs[df]`` the IDF of a term in ``df`` of ``docs``
        articles (1.0 under MIN_IDF_DOCS): ``logs[k]`` is ln(1 + k), made once per grouper."""
        if docs < MIN_IDF_DOCS:
            return 1.0, [0.0] * (docs + 2)
        logs = self._logs
        while len(logs) < docs + 2:
            logs.append(math.log1p(len(logs)))
        return logs[docs] + 1.0, logs

    def _checked_slice(self, at: datetime | None) -> int:
        if self.window is not None and at is None:
            raise ValueError("a grouper with a window needs each article's time")
        return self.slice_of(at)


@dataclass(frozen=True, slots=True)
class _Entry:
    story: int
    terms: dict[str, float]
    slice: int
    at: float  # its time as a POSIX timestamp (0.0 without a window)
    language: str  # only articles of one language are compared
    headline: _Headline


@dataclass(frozen=True, slots=True)
class _Headline:
    """An article's headline stems, and how many stems its text adds to them."""

    stems: frozenset[str]
    added: int

    @classmethod
    def of(cls, fp: Fingerprint) -> _Headline:
        # The headline's stems are among the fingerprint's terms (`fingerprint`).
        return cls(frozenset(fp.headline), len(fp.terms) - len(fp.headline))


def _subject(a: _Headline, b: _Headline) -> frozenset[str]:
    """A pair's subject for event_evidence: the stems both headlines hold, unless an article's
    text adds fewer stems than that to its headline (none: it is all headline; a teaser line
    that restates the headline or points to the page). Then what it says beyond the subject
    is too little to show which event it tells, and the subject stays: the pair is judged by
    its cosine. The strike's headline over "Read the full story" shares three stems with
    the fire's and adds four, so its pair with the fire is still judged without them."""
    shared = a.stems & b.stems
    if a.added < len(shared) or b.added < len(shared):
        return frozenset()
    return shared


def _stamp(moment: datetime | None) -> float:
    return moment.timestamp() if moment is not None else 0.0


class _SliceFrequencies(dict[str, int]):
    """Document frequencies over some time slices, each term counted once when first asked."""

    def __init__(self, slices: list[dict[str, dict[int, float]]]) -> None:
        super().__init__()
        self.slices = slices

    def __missing__(self, term: str) -> int:
        size = self[term] = sum(len(postings.get(term, ())) for postings in self.slices)
        return size


def _cosine_in_window(
    terms: dict[str, float],
    vector: dict[str, float],
    query_norm: float,
    df: dict[str, int],
    base: float,
    logs: list[float],
    subject: frozenset[str],
) -> tuple[float, float]:
    """The cosine of a windowed article's ``terms`` with the query's TF-IDF ``vector``, and
    the cosine of the two without the ``subject`` terms (event_evidence): a term's IDF is
    ``base - logs[df]``, its frequency counting the query when it shares it. The weights
    of all its terms are made in C (map); shared terms are then corrected."""
    values = list(
        map(
            mul,
            terms.values(),
            map(sub, repeat(base), map(logs.__getitem__, map(df.__getitem__, terms))),
        )
    )
    norm = sum(map(mul, values, values))
    dot = subject_dot = subject_norm = subject_query = 0.0
    for term in terms.keys() & vector.keys():
        tf, size = terms[term], df[term]
        alone, shared = tf * (base - logs[size]), tf * (base - logs[size + 1])
        norm += shared * shared - alone * alone
        dot += shared * vector[term]
        if term in subject:  # both headlines hold it, so both vectors do
            subject_dot += shared * vector[term]
            subject_norm += shared * shared
            subject_query += vector[term] * vector[term]
    if dot <= 0.0:
        return 0.0, 0.0
    cosine = min(1.0, dot / (query_norm * math.sqrt(norm)))
    rest = (query_norm * query_norm - subject_query) * (norm - subject_norm)
    if dot - subject_dot <= 0.0 or rest <= 1e-12:
        return cosine, 0.0
    return cosine, min(1.0, (dot - subject_dot) / math.sqrt(rest))


def _terms(word: str, stop_words: frozenset[str], stem: Callable[[str], str]) -> list[str]:
    """The stems a word token contributes: hyphenated parts each, stop words and words of
    one letter dropped. A letter's vowel signs do not count: in a language read as written,
    without stop words (Hindi, Bengali...), words of one letter and its signs are mostly
    function words (के, ने, से, है, की, में), which unrelated stories all share."""
    out = []
    for part in word.lower().split("-"):
        if part.endswith("'s"):
            part = part[:-2]
        part = part.strip("'")
        if letter_count(part) > 1 and part not in stop_words:
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
