"""Briefings that read well alone: quotations whole and with their speaker, no dangling start.

A briefing is read in a chat by someone who has not seen the article, so a sentence is
taken only with the sentences it cannot do without. Selection stays the method's (best
ranked first, within the length limits: :class:`~summaries.summarize.budget.Budget`);
:class:`ReadableBudget` takes each candidate as the group of sentences it needs:

* a sentence inside a quotation needs the sentences before it back to where the
  quotation opened (where its speaker is: ``Liu Qiangdong, chairman of JD.com: "I
  hope ...``); a quotation whose speaker comes after it (``... ," he said.``) is taken
  whole; a quotation that names no speaker at all needs the sentence before it, which
  does. A quotation cut after one of its sentences is closed with its own closing mark
  (», “, 」...) when the briefing is written out (:meth:`Readability.render`).
* a sentence that ends in a colon needs the one it introduces; the two are written as
  one sentence, and count as one.
* the briefing's first sentence, if it opens by pointing back ("He", "But", "However";
  see :mod:`openers`), needs the sentence before it, unless it is the article's first.

Quotations are followed across the article, paragraph by paragraph (see
:mod:`summaries.quotes`): a paragraph that opens with a quotation mark while one is open
continues it (the printers' convention for a quotation over several paragraphs), any
other paragraph starts outside (a quotation left open by the page ends with it).
A group that does not fit the length limits is not taken; another candidate is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from summaries.language import UNSPACED
from summaries.quotes import closing_marks, scan, starts_quotation
from summaries.summarize.budget import ELLIPSIS, Budget, shorten
from summaries.summarize.openers import opens_by_pointing_back

if TYPE_CHECKING:
    from sumy.models.dom import ObjectDocumentModel

_COLONS = (":", "：")


class Readability:
    """What each sentence of one article needs beside it to read well in a briefing."""

    def __init__(
        self, texts: Sequence[str], paragraph_starts: Sequence[bool], language: str
    ) -> None:
        self.texts = list(texts)
        self.language = language
        self._starts = list(paragraph_starts)
        count = len(self.texts)
        self._open_at_end: list[tuple[str, ...]] = []
        inside = [False] * count  # the sentence starts inside a quotation
        outside: list[bool] = []  # a letter of the sentence stands outside every quotation
        bare_start: list[bool] = []  # opens with a quotation, outside every quotation
        state: tuple[str, ...] = ()
        for i, text in enumerate(self.texts):
            if self._starts[i] and state:
                if starts_quotation(text):  # the quotation goes on: its mark is repeated
                    text = text.lstrip()[1:]
                else:
                    state = ()
            inside[i] = bool(state)
            found = scan(text, state)
            state = found.open
            self._open_at_end.append(state)
            outside.append(found.outside)
            bare_start.append(found.starts_quoting)
        self._needs: list[tuple[int, ...]] = [() for _ in range(count)]
        self._blocked = [False] * count
        self._colon = [text.rstrip().endswith(_COLONS) for text in self.texts]
        for first, last in _quotations(inside):
            self._quotation_needs(first, last, outside, bare_start)
        for i in range(count):
            if self._colon[i]:
                if i + 1 < count:
                    self._needs[i] = (*self._needs[i], i + 1)
                else:
                    self._blocked[i] = True
        self._weights = [
            len(t) + 1 + len(o) for t, o in zip(self.texts, self._open_at_end, strict=True)
        ]
        self._dangling: dict[int, bool] = {}
        self._ids: dict[int, int] = {}  # id() of each sentence object, when made from one

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

    def _quotation_needs(
        self, first: int, last: int, outside: list[bool], bare_start: list[bool]
    ) -> None:
        """The needs of the sentences ``first`` to ``last`` of one quotation."""
        for i in range(first + 1, last + 1):
            self._needs[i] = (i - 1,)  # back to where it opened
        named_before = outside[first]
        if last > first and not named_before and outside[last]:  # '... ," he said.'
            for i in range(first, last):
                self._needs[i] = (*self._needs[i], i + 1)
        elif not named_before and bare_start[first] and first > 0:  # no speaker named
            self._needs[first] = (first - 1,)

    def group(self, index: int, taken: set[int]) -> set[int] | None:
        """The sentences to add to ``taken`` for sentence ``index``, or None if it cannot be."""
        adding = self._closure(index, taken)
        if adding is None:
            return None
        first = min(adding) if not taken else min(min(adding), min(taken))
        while first > 0 and first - 1 not in taken and first - 1 not in adding:
            if not self._is_dangling(first):
                break
            more = self._closure(first - 1, taken)
            if more is None:
                return None
            adding |= more
            first = min(adding)
        return adding

    def _closure(self, index: int, taken: set[int]) -> set[int] | None:
        found: set[int] = set()
        todo = [index]
        while todo:
            i = todo.pop()
            if i in found or i in taken:
                continue
            if self._blocked[i]:
                return None
            found.add(i)
            todo.extend(self._needs[i])
        return found

    def _is_dangling(self, index: int) -> bool:
        known = self._dangling.get(index)
        if known is None:
            known = opens_by_pointing_back(self.texts[index], self.language)
            self._dangling[index] = known
        return known

    def cost(self, indices: Iterable[int]) -> tuple[int, int]:
        """(sentences, characters at most) of the briefing of sentences ``indices``."""
        sentences = characters = 0
        for i in indices:
            sentences += not self._colon[i]
            characters += self._weights[i]
        return sentences, characters - 1

    def budget(self, sentences: int, max_chars: int) -> ReadableBudget:
        return ReadableBudget(sentences, max_chars, self)

    def render(self, chosen: Iterable[Any], max_chars: int) -> list[str]:
        """The briefing's sentences: ``chosen`` (sentences of the document, in order) with
        each colon joined to what it introduces and each quotation left open closed."""
        indices = sorted(self._indices(chosen))
        out: list[str] = []
        pending = ""
        for k, i in enumerate(indices):
            text = self.texts[i]
            following = indices[k + 1] if k + 1 < len(indices) else -1
            goes_on = following == i + 1 and not self._starts[following]
            if self._open_at_end[i] and not goes_on:
                text += closing_marks(self._open_at_end[i], self.language)
            if pending:
                text = pending + ("" if self.language in UNSPACED else " ") + text
            if self._colon[i] and following == i + 1:
                pending = text
                continue
            out.append(text)
            pending = ""
        if pending:  # a colon taken alone (nothing else could be): it introduces no more
            out.append(pending.rstrip().rstrip(":：") + ELLIPSIS)
        if len(out) == 1 and len(out[0]) > max_chars:
            out = [self._shortened(out[0], max_chars)]
        return out

    def _indices(self, chosen: Iterable[Any]) -> set[int]:
        """The places of ``chosen`` (sentence objects of the document, or their texts)."""
        by_text: dict[str, int] = {}
        found: set[int] = set()
        for sentence in chosen:
            place = self._ids.get(id(sentence))
            if place is None:
                by_text = by_text or {text: i for i, text in enumerate(self.texts)}
                place = by_text[str(sentence)]
            found.add(place)
        return found

    def _shortened(self, text: str, max_chars: int) -> str:
        """``text`` cut to ``max_chars`` with what its cut leaves open closed."""
        cut = shorten(text, max_chars)
        closers = closing_marks(scan(cut).open, self.language)
        if len(cut) + len(closers) > max_chars:
            cut = shorten(text, max_chars - len(closers))
            closers = closing_marks(scan(cut).open, self.language)
        return cut + closers


class ReadableBudget(Budget):
    """:class:`Budget`, taking each ranked sentence with the group it needs (see above)."""

    def __init__(self, sentences: int, max_chars: int, readability: Readability) -> None:
        super().__init__(sentences, max_chars)
        self.readability = readability

    def __call__(self, ranked: Sequence[Any]) -> list[Any]:
        by_order = {info.order: info for info in ranked}
        readability = self.readability
        taken: set[int] = set()
        count = 0
        for info in ranked:
            if count == self.sentences:
                break
            if info.order in taken:
                continue
            adding = readability.group(info.order, taken)
            if adding is None or not adding.issubset(by_order):
                continue
            count_after, chars = readability.cost(taken | adding)
            if count_after <= self.sentences and chars <= self.max_chars:
                taken |= adding
                count = count_after
        if not taken and ranked:  # nothing fits: the best sentence that stands alone, cut
            alone = [i.order for i in ranked if readability.group(i.order, set()) == {i.order}]
            taken = {alone[0] if alone else ranked[0].order}
        return [by_order[i] for i in sorted(taken)]


def _quotations(inside: list[bool]) -> list[tuple[int, int]]:
    """(first, last) sentence of each run of sentences that a quotation goes through."""
    runs: list[tuple[int, int]] = []
    for i, within in enumerate(inside):
        if within and runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        elif not within:
            runs.append((i, i))
    return runs


__all__ = ["Readability", "ReadableBudget"]
