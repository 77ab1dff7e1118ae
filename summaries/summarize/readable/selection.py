"""Which sentences a readable briefing takes: the length budget and the best readable set.

:class:`ReadableBudget` is the method's :class:`~summaries.summarize.budget.Budget` that
takes each candidate with the sentences it cannot do without, as
:class:`~summaries.summarize.readable.Readability` tells them: the best scored set that
reads alone (:meth:`ReadableBudget.best_set`), else the best ranked groups that fit.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from summaries.summarize.budget import Budget

if TYPE_CHECKING:
    from summaries.summarize.readable.readability import Readability


class ReadableBudget(Budget):
    """:class:`Budget`, taking each ranked sentence with the group it needs (see the package)."""

    def __init__(self, sentences: int, max_chars: int, readability: Readability) -> None:
        super().__init__(sentences, max_chars)
        self.readability = readability

    def __call__(self, ranked: Sequence[Any]) -> list[Any]:
        """sumy's ``sentences_count``: of ``ranked`` (best first, each with its ``order``),
        those to keep."""
        by_order = {info.order: info for info in ranked}
        return [by_order[i] for i in sorted(self.choose([info.order for info in ranked]))]

    def pick(
        self,
        sentences: Sequence[str],
        best_first: list[int],
        scores: Sequence[float] = (),
        fragment: Sequence[bool] = (),
    ) -> list[int]:
        """The indices of the sentences to keep, of ``best_first`` (indices of
        ``sentences``, which :attr:`readability` reads), in article order. Given each
        sentence's ``scores`` (highest best) and which are ``fragment``s (taken only with
        a sentence that needs them), the set of most sentences and, of those, highest total
        score that reads alone (see :meth:`best_set`)."""
        if len(scores):
            plain = super().pick(sentences, best_first)
            if self.readability.reads_alone(plain):  # the best sentences read alone already
                return sorted(plain)
            found = self.best_set(scores, fragment)
            if found is not None and self._fits(found, set(best_first)):
                return sorted(found)
        return sorted(self.choose(best_first))

    def choose(self, best_first: Sequence[int]) -> set[int]:
        """The sentences to keep, of those ranked ``best_first``."""
        ranked = set(best_first)
        eager: set[int] = set()  # sentences that were first, pointing back: need the one before
        while True:
            taken = self._fill(best_first, ranked, eager)
            while taken and (first := self.readability.dangles(taken)) is not None:
                more = self.readability.closure(first - 1, taken, eager)
                if more is None or not self._fits(taken | more, ranked):
                    eager.add(first)
                    break
                taken |= more
            else:
                break
        if not taken and best_first:  # nothing fits: the best sentence that stands alone, cut
            taken = {self._alone(best_first)}
        return taken

    def best_set(
        self, scores: Sequence[float], fragment: Sequence[bool] = ()
    ) -> set[int] | None:
        """Of the sets of sentences that read alone (each with what it needs, a first
        sentence that points back only after the one before it), one with the most
        sentences up to :attr:`sentences` and, of those, the highest total ``scores``;
        None if no sentence can be taken. The length in characters is not weighed.

        Each sentence needs at most its neighbours and the sentence that names its
        quotation's speaker, so the sets are walked in article order, keeping for each
        count of sentences the best set so far in each state: whether it ends with the
        previous sentence, and whether it holds the speaker of the quotation walked
        through."""
        readability = self.readability
        limit = self.sentences
        lost = -math.inf
        # (previous sentence taken, speaker of this quotation taken) -> for each count of
        # sentences, the best total and its sentences
        states: dict[tuple[bool, bool], _Row] = {}
        previous_needs_next = False
        count = len(scores)
        for i, value in enumerate(scores):
            value = float(value)
            needs = readability.needs(i)
            speaker = readability.speaker(i)
            takeable = not readability.blocked(i)
            if len(fragment) and fragment[i]:  # only with the sentence that needs it
                if i > 0 and i in readability.needs(i - 1):
                    needs = (*needs, i - 1)
                elif i + 1 < count and (
                    i in readability.needs(i + 1) or readability.speaker(i + 1) == i
                ):
                    needs = (*needs, i + 1)
                else:
                    takeable = False
            names = i + 1 < count and readability.speaker(i + 1) == i
            reach = min(limit, i)  # (no set of the sentences before holds more)
            after_any = i - 1 not in needs
            unit = readability.unit(i)
            following: dict[tuple[bool, bool], _Row] = {}
            for (on, held), (totals, sets) in states.items():
                kept = held and speaker is not None  # (a new quotation: nobody named yet)
                if not (on and previous_needs_next):  # this one left out
                    _merge(following, (False, kept and not names), totals, sets, reach)
                if not takeable or (speaker is not None and not held) or not (on or after_any):
                    continue
                taken_totals = [lost] * (limit + 1)
                taken_sets: list[tuple[int, ...]] = [()] * (limit + 1)
                for c in range(min(reach, limit - unit) + 1):
                    if totals[c] > lost:
                        taken_totals[c + unit] = totals[c] + value
                        taken_sets[c + unit] = (*sets[c], i)
                _merge(following, (True, names or kept), taken_totals, taken_sets, limit)
            # as the first sentence: it needs none before it and does not point back
            if (
                takeable
                and after_any
                and speaker is None
                and (i == 0 or not readability.points_back(i))
            ):
                first = [lost] * (limit + 1)
                first[unit] = value
                _merge(following, (True, names), first, [(i,)] * (limit + 1), limit)
            states = following
            previous_needs_next = takeable and i + 1 in needs
        for c in range(limit, 0, -1):
            best, chosen = lost, None
            for (on, _), (totals, sets) in states.items():
                if totals[c] > best and not (on and previous_needs_next):
                    best, chosen = totals[c], sets[c]
            if chosen is not None:
                return set(chosen)
        return None

    def _fill(self, best_first: Sequence[int], ranked: set[int], eager: set[int]) -> set[int]:
        """The best ranked sentences, each with what it needs, while they fit. A sentence
        comes in where the worst ranked sentence it needs would: a quotation whose
        speaker's sentence ranks low waits for it, and sentences that stand alone go first."""
        readability = self.readability
        most = 2 * self.sentences + 2  # (a group larger cannot fit, colons aside)
        rank = {index: place for place, index in enumerate(best_first)}
        waiting: list[tuple[int, int, int]] = []  # (worst rank of its group, rank, sentence)
        taken: set[int] = set()
        count = 0

        def take(index: int) -> int:
            adding = readability.closure(index, taken, eager, most)
            if adding is not None and self._fits(taken | adding, ranked):
                taken.update(adding)
                return readability.cost(taken)[0]
            return count

        for place, index in enumerate(best_first):
            while waiting and waiting[0][0] <= place and count < self.sentences:
                count = take(heapq.heappop(waiting)[2])
            if count == self.sentences:
                return taken
            if index in taken:
                continue
            if readability.stands_alone(index) and index not in eager:
                count = take(index)
                continue
            group = readability.closure(index, set(), eager, most)
            if group is not None and group.issubset(ranked):
                heapq.heappush(waiting, (max(rank[i] for i in group), place, index))
        while waiting and count < self.sentences:
            count = take(heapq.heappop(waiting)[2])
        return taken

    def _fits(self, indices: set[int], ranked: set[int]) -> bool:
        sentences, characters = self.readability.cost(indices)
        return sentences <= self.sentences and characters <= self.max_chars and indices <= ranked

    def _alone(self, best_first: Sequence[int]) -> int:
        """The best ranked sentence that needs no other, else the best."""
        for index in best_first:
            single = {index}
            if self.readability.closure(index, set()) == single:
                if self.readability.dangles(single) is None:
                    return index
        return best_first[0]


_Row = tuple[list[float], list[tuple[int, ...]]]


def _merge(
    states: dict[tuple[bool, bool], _Row],
    key: tuple[bool, bool],
    totals: list[float],
    sets: list[tuple[int, ...]],
    reach: int,
) -> None:
    """Keep in ``states[key]``, for each count of sentences up to ``reach``, the better of
    its set and the one of ``sets``."""
    row = states.get(key)
    if row is None:
        states[key] = (list(totals), list(sets))
        return
    best_totals, best_sets = row
    for c in range(reach + 1):
        if totals[c] > best_totals[c]:
            best_totals[c], best_sets[c] = totals[c], sets[c]
