"""StoryGrouper: the window of stored articles a new one is matched with."""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from summaries.grouping.fingerprints import Fingerprint
from summaries.grouping.scores import EVENT_EVIDENCE, SAME_STORY_THRESHOLD, story_score
from summaries.grouping.subject import Headline, subject_of
from summaries.grouping.weights import MIN_IDF_DOCS
from summaries.grouping.window_cosine import cosine_in_window
from summaries.language import macrolanguage_of

_CANDIDATES = 32  # articles scored exactly per match, the best by their rare shared terms
_POSTING_BUDGET = 3_000  # index entries read per match to nominate candidates (bench/grouping.py)


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
        language = macrolanguage_of(fp.language)
        self._articles[key] = _Entry(story_id, terms, number, moment, language, Headline.of(fp))
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
        (or the same news for other readers) and its words are not comparable anyway. The
        varieties of one macrolanguage are one language here (Croatian, Serbian, Bosnian:
        summaries.language.VARIETIES): their news is written for one another's readers in
        words that are mostly the same, and the detector tells them apart poorly.
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
        headline, language = Headline.of(fp), macrolanguage_of(fp.language)
        articles, moment, span = self._articles, _stamp(at), self._span
        best: tuple[int, float] | None = None
        for key in heapq.nlargest(_CANDIDATES, partial, key=partial.__getitem__):
            entry = articles[key]
            if entry.language != language:
                continue
            subject = subject_of(entry.headline, headline)
            cosine, evidence = cosine_in_window(
                entry.terms, vector, query_norm, df, base, logs, subject
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
    language: str  # only articles of one (macro)language are compared: language.macrolanguage_of
    headline: Headline


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
