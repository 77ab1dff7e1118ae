"""The readability of one article: what each of its sentences needs beside it.

:class:`Readability` reads an article's sentences once, and answers what selection asks
of them (what a sentence cannot be taken without, what a set of them costs, whether its
first dangles) and what rendering needs to print them (see the package's docstring).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from summaries.summarize.attribution import names_speaker_before, names_speakers_after
from summaries.summarize.openers import opens_by_pointing_back
from summaries.summarize.readable.needs import sentence_needs
from summaries.summarize.readable.quoting import Quoting, follow_quotations
from summaries.summarize.readable.rendering import render_sentences
from summaries.summarize.readable.selection import ReadableBudget
from summaries.summarize.readable.turns import read_turns

if TYPE_CHECKING:
    from sumy.models.dom import ObjectDocumentModel


class Readability:
    """What each sentence of one article needs beside it to read well in a briefing."""

    def __init__(
        self, texts: Sequence[str], paragraph_starts: Sequence[bool], language: str
    ) -> None:
        self._given = list(texts)
        starts = list(paragraph_starts)
        # each sentence as a briefing prints it: without the label of a kicker, a
        # dateline or a role that opens its paragraph, with a person's (see :mod:`turns`),
        # so it is read, weighed and compared so too
        turns = read_turns(self._given, starts, language)
        self.texts = [text[cut:] for text, cut in zip(self._given, turns.cut, strict=True)]
        self.language = language
        self._starts = starts
        self._turns = turns
        self._known = 0  # the facts of the sentences before this one are read (see _know)
        self._quoting: Quoting
        self._needs: list[tuple[int, ...]] = []
        self._blocked: list[bool] = []
        self._speaker: list[int | None] = []
        self._colon: list[bool] = []
        self._weights: list[int] = []
        self._dangling: dict[int, bool] = {}
        self._ids: dict[int, int] = {}  # id() of each sentence object, when made from one

    def _know(self, index: int) -> None:
        """Read the facts of the sentences up to ``index`` at least, if not yet.

        A briefing mostly asks about a few sentences near the start, so an article is
        read only up to a paragraph that nothing before it depends on (see _cut_at):
        what is found of the sentences before it is what reading the whole finds."""
        if index < self._known:
            return
        count = len(self.texts)
        least = max(index + 1, 2 * self._known)
        end = next((i for i in range(least, count) if self._starts[i]), count)
        if not self._read(end) and end < count:
            self._read(count)

    def _read(self, end: int) -> bool:
        """Read the sentences before ``end``; whether their facts are the whole article's
        (always when ``end`` is its end)."""
        texts, starts, language = self.texts[:end], self._starts[:end], self.language
        quoting = follow_quotations(texts, starts, language)
        needs = sentence_needs(texts, starts, language, quoting)
        if end < len(self.texts) and not self._cut_at(end, quoting, needs.colon):
            return False
        turns = self._turns
        self._quoting = quoting
        self._needs = needs.needs
        # an interviewer's turn is never briefed; a later sentence of a person's turn
        # comes after the turn's first, which names them, as a quotation's does
        self._blocked = [a or b for a, b in zip(needs.blocked, turns.asked[:end], strict=True)]
        self._speaker = [
            quoted if quoted is not None else turn
            for quoted, turn in zip(needs.speaker, turns.speaker[:end], strict=True)
        ]
        self._colon = needs.colon
        self._weights = [
            len(text) + 1 + len(opening) + len(closing)
            for text, opening, closing in zip(
                texts, quoting.open_at_start, quoting.open_at_end, strict=True
            )
        ]
        self._known = end
        return True

    def _cut_at(self, end: int, quoting: Quoting, colon: list[bool]) -> bool:
        """Whether the facts of the sentences before ``end`` (a paragraph's first), read
        as ``quoting`` and ``colon``, are those of the whole article: a quotation runs
        on, a speaker is named, a colon introduces only after a sentence that leaves no
        quotation open (so the paragraph at ``end`` starts outside every one, goes on
        with none and has none run on to it), ends in no colon, and is followed by none
        that names the speaker of the words before it (see :mod:`attribution`)."""
        last = end - 1
        return (
            not quoting.open_at_end[last]
            and not colon[last]
            and not (
                names_speakers_after(self.language)
                and not quoting.outside[last]
                and names_speaker_before(self.texts[end], self.language)
            )
        )

    @classmethod
    def of(cls, document: ObjectDocumentModel, language: str) -> Readability:
        """The readability of ``document``'s sentences (headings aside), read in ``language``."""
        texts: list[str] = []
        starts: list[bool] = []
        for paragraph in document.paragraphs:
            for number, sentence in enumerate(paragraph.sentences):
                texts.append(str(sentence))
                starts.append(number == 0)
        readability = cls(texts, starts, language)
        readability._ids = {id(s): i for i, s in enumerate(document.sentences)}
        return readability

    @classmethod
    def of_paragraphs(cls, paragraphs: Iterable[Sequence[str]], language: str) -> Readability:
        """The readability of the sentences of ``paragraphs``, read in ``language``."""
        texts: list[str] = []
        starts: list[bool] = []
        for sentences in paragraphs:
            if sentences:
                texts.extend(sentences)
                starts += [True] + [False] * (len(sentences) - 1)
        return cls(texts, starts, language)

    def closure(
        self,
        index: int,
        taken: set[int],
        eager: set[int] | frozenset[int] = frozenset(),
        most: int = 1 << 30,
    ) -> set[int] | None:
        """The sentences to add to ``taken`` for sentence ``index`` (it included), or None
        if it cannot be taken or would add more than ``most``. A sentence of ``eager``
        needs the sentence before it."""
        self._know(len(self.texts) - 1)
        found: set[int] = set()
        todo = [index]
        while todo:
            i = todo.pop()
            if i in found or i in taken:
                continue
            if self._blocked[i] or (i in eager and i == 0) or len(found) == most:
                return None
            found.add(i)
            todo.extend(self._needs[i])
            if self._speaker[i] is not None:
                todo.append(self._speaker[i])
            if i in eager:
                todo.append(i - 1)
        return found

    def needs(self, index: int) -> tuple[int, ...]:
        """The sentences (neighbours) sentence ``index`` cannot be taken without."""
        self._know(index)
        return self._needs[index]

    def speaker(self, index: int) -> int | None:
        """The earlier sentence that names the speaker of the quotation sentence ``index``
        is in (it may be taken with other sentences of the quotation between, or none)."""
        self._know(index)
        return self._speaker[index]

    def blocked(self, index: int) -> bool:
        """Whether sentence ``index`` can never be taken (a colon that ends the article, or
        a repeat of an earlier sentence: a pull quote, a paragraph a page shows twice)."""
        self._know(index)
        return self._blocked[index]

    def unit(self, index: int) -> int:
        """How many sentences ``index`` counts as: a colon's is one with the next."""
        self._know(index)
        return 0 if self._colon[index] else 1

    def points_back(self, index: int) -> bool:
        """Whether sentence ``index`` opens by pointing back (see :mod:`openers`)."""
        known = self._dangling.get(index)
        if known is None:
            known = opens_by_pointing_back(self.texts[index], self.language)
            self._dangling[index] = known
        return known

    def passages(self) -> list[range]:
        """The sentences in runs that read alone, in order: each sentence in one run with
        the sentences before it that it cannot be taken without, or that cannot be taken
        without it (the speaker of its quotation and the sentences between, a colon that
        introduces it, a quotation it goes on with, the one it points back to)."""
        self._know(len(self.texts) - 1)
        starts = [0] if self.texts else []
        for i in range(1, len(self.texts)):
            back = i - 1 if self._leans_back(i) else i
            if self._speaker[i] is not None:
                back = min(back, self._speaker[i])
            while back < starts[-1]:  # (a speaker before the run: the runs between join)
                starts.pop()
            if back == i:
                starts.append(i)
        return [range(a, b) for a, b in pairwise([*starts, len(self.texts)])]

    def _leans_back(self, index: int) -> bool:
        """Whether sentence ``index`` (not the first) and the one before it are taken
        together or not at all."""
        return (
            index - 1 in self._needs[index]
            or index in self._needs[index - 1]
            or self.points_back(index)
        )

    def reads_alone(self, chosen: Sequence[int]) -> bool:
        """Whether the sentences ``chosen`` need no other and their first does not dangle."""
        if chosen:
            self._know(max(chosen))
        return (
            bool(chosen)
            and all(map(self.stands_alone, chosen))
            and (self.dangles(set(chosen)) is None)
        )

    def stands_alone(self, index: int) -> bool:
        """Whether sentence ``index`` needs no other (the first of a briefing aside)."""
        self._know(index)
        return not self._needs[index] and self._speaker[index] is None and not self._blocked[index]

    def dangles(self, taken: set[int]) -> int | None:
        """The first of ``taken`` if it opens by pointing back to a sentence not taken."""
        first = min(taken)
        if first == 0 or first - 1 in taken:
            return None
        return first if self.points_back(first) else None

    def cost(self, indices: Iterable[int]) -> tuple[int, int]:
        """(sentences, characters at most) of the briefing of sentences ``indices``."""
        sentences = characters = 0
        for i in indices:
            if i >= self._known:
                self._know(i)
            sentences += not self._colon[i]
            characters += self._weights[i]
        return sentences, characters - 1

    def budget(self, sentences: int, max_chars: int) -> ReadableBudget:
        return ReadableBudget(sentences, max_chars, self)

    def render(self, chosen: Iterable[int], max_chars: int) -> list[str]:
        """The briefing of the sentences ``chosen`` (their indices), printed to read alone
        (see :mod:`rendering`)."""
        indices = sorted(set(chosen))
        if indices:
            self._know(indices[-1])
        quoting, colon = self._quoting, self._colon
        return render_sentences(self.texts, quoting, colon, self.language, indices, max_chars)

    def places(self, chosen: Iterable[Any]) -> set[int]:
        """The indices of ``chosen`` (sentence objects of the document, or their texts)."""
        by_text: dict[str, int] = {}
        found: set[int] = set()
        for sentence in chosen:
            place = self._ids.get(id(sentence))
            if place is None:
                by_text = by_text or {text: i for i, text in enumerate(self._given)}
                place = by_text[str(sentence)]
            found.add(place)
        return found
