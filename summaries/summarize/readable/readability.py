"""The readability of one article: what each of its sentences needs beside it.

:class:`Readability` reads an article's sentences once, and answers what selection asks
of them (what a sentence cannot be taken without, what a set of them costs, whether its
first dangles) and what rendering needs to print them (see the package's docstring).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress, pairwise
from typing import TYPE_CHECKING, Any

from summaries.language import UNSPACED
from summaries.quotes import closing_marks, opening_marks, scan
from summaries.sentences import is_single_spaced
from summaries.summarize.attribution import names_speaker_before, names_speakers_after
from summaries.summarize.budget import ELLIPSIS, shorten
from summaries.summarize.openers import opens_by_pointing_back
from summaries.summarize.readable.quoting import follow_quotations
from summaries.summarize.readable.selection import ReadableBudget

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
        quoting = follow_quotations(self.texts, self._starts, language)
        self._open_at_start = quoting.open_at_start
        self._open_at_end = quoting.open_at_end
        self._fresh = quoting.fresh
        self._goes_on = quoting.goes_on
        self._reopener = quoting.reopener
        inside, outside, bare_start = quoting.inside, quoting.outside, quoting.bare_start
        self._needs: list[tuple[int, ...]] = [()] * count
        self._blocked = _repeated(self.texts)  # a sentence the article repeats: quoted once
        self._speaker: list[int | None] = [None] * count  # the earlier sentence naming it
        self._colon = [text.endswith(_COLONS) for text in self.texts]  # (texts are stripped)
        if any(inside) or any(bare_start):  # (else no sentence needs another for a quotation)
            for first, last in _quotations(inside):
                if last > first or bare_start[first]:
                    self._quotation_needs(first, last, outside, bare_start)
        for first, named in self._named_after(outside, bare_start):
            for i in range(first, named):  # on to its speaker; reopened where it starts
                self._speaker[i] = None
                self._needs[i] = (i + 1,)
            self._needs[named] = (*self._needs[named], named - 1)  # "Det säger X." points back
        for i in compress(range(count), self._colon):
            if i + 1 < count:
                self._needs[i] = (*self._needs[i], i + 1)
            else:
                self._blocked[i] = True
        self._weights = [
            len(text) + 1 + len(start) + len(end)
            for text, start, end in zip(
                self.texts, self._open_at_start, self._open_at_end, strict=True
            )
        ]
        self._dangling: dict[int, bool] = {}
        self._ids: dict[int, int] = {}  # id() of each sentence object, when made from one

    def _named_after(self, outside: list[bool], bare_start: list[bool]) -> list[tuple[int, int]]:
        """(first, named) for each quotation whose speaker the paragraph after it names
        (see :mod:`attribution`): sentence ``named`` opens that paragraph ("Det säger
        Anna Nilsson."), and the sentences ``first`` to ``named - 1`` are the quotation,
        the whole paragraph before it (and those the quotation goes on from)."""
        found: list[tuple[int, int]] = []
        if not names_speakers_after(self.language):
            return found
        for named in range(1, len(self.texts)):
            if not self._starts[named] or outside[named - 1]:
                continue
            if names_speaker_before(self.texts[named], self.language):
                first = self._speech_start(named, outside, bare_start)
                if first is not None:
                    found.append((first, named))
        return found

    def _speech_start(self, end: int, outside: list[bool], bare_start: list[bool]) -> int | None:
        """Where the quotation that fills the paragraph before sentence ``end`` (which
        starts one) starts: that paragraph's first sentence, or the first of the
        paragraphs it goes on from; None if a word of that paragraph is outside every
        quotation or it does not open with one."""
        first = None
        i = end - 1
        while i >= 0 and not outside[i]:
            if self._starts[i]:
                if not bare_start[i]:
                    break
                first = i
                if not self._goes_on[i]:
                    break
            i -= 1
        return first

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

    def _quotation_needs(
        self, first: int, last: int, outside: list[bool], bare_start: list[bool]
    ) -> None:
        """The needs of the sentences ``first`` to ``last`` of one quotation."""
        named_before = outside[first]
        if last > first and not named_before and outside[last]:  # '... ," he said.'
            for i in range(first, last):
                self._needs[i] = (i + 1,)  # on to the speaker; reopened where it starts
            return
        speaker = first  # the sentence that names who speaks: where it opened, or before
        if not named_before and bare_start[first]:  # no speaker named
            speaker = first - 1  # the sentence before names it, or the quotation before
            while speaker >= 0 and not outside[speaker]:  # that one does, its speaker's
                speaker -= 1
        if speaker < 0 or not (named_before or bare_start[first]):  # nobody named before:
            named_later = speaker < 0 and self._named_later(last, outside)
            for i in range(first, last + 1):  # it comes whole from where it opened,
                if i > first:
                    self._needs[i] = (i - 1,)
                if named_later:  # and on to its speaker, paragraphs later
                    self._needs[i] = (*self._needs[i], i + 1)
            return
        for i in range(max(first, speaker + 1), last + 1):
            self._speaker[i] = speaker

    def _named_later(self, last: int, outside: list[bool]) -> bool:
        """Whether a sentence names the speaker of a quotation that ends with sentence
        ``last`` at a paragraph's end and goes on in the next paragraphs ('"... .' then
        '"... ," she said.')."""
        i = last + 1
        if i == len(self.texts) or not self._goes_on[i]:
            return False
        while i < len(self.texts) and not outside[i]:
            i += 1
            if i < len(self.texts) and self._starts[i] and not self._goes_on[i]:
                return False  # the quotation ended, its speaker unnamed
        return i < len(self.texts)

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
        return self._needs[index]

    def speaker(self, index: int) -> int | None:
        """The earlier sentence that names the speaker of the quotation sentence ``index``
        is in (it may be taken with other sentences of the quotation between, or none)."""
        return self._speaker[index]

    def blocked(self, index: int) -> bool:
        """Whether sentence ``index`` can never be taken (a colon that ends the article, or
        a repeat of an earlier sentence: a pull quote, a paragraph a page shows twice)."""
        return self._blocked[index]

    def unit(self, index: int) -> int:
        """How many sentences ``index`` counts as: a colon's is one with the next."""
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
        return bool(chosen) and all(map(self.stands_alone, chosen)) and (
            self.dangles(set(chosen)) is None
        )

    def stands_alone(self, index: int) -> bool:
        """Whether sentence ``index`` needs no other (the first of a briefing aside)."""
        return (
            not self._needs[index] and self._speaker[index] is None and not self._blocked[index]
        )

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
            sentences += not self._colon[i]
            characters += self._weights[i]
        return sentences, characters - 1

    def budget(self, sentences: int, max_chars: int) -> ReadableBudget:
        return ReadableBudget(sentences, max_chars, self)

    def render(self, chosen: Iterable[int], max_chars: int) -> list[str]:
        """The briefing of the sentences ``chosen`` (their indices): each colon joined to
        what it introduces, each quotation left open closed, each cut one reopened."""
        indices = sorted(set(chosen))
        out: list[str] = []
        pending = ""
        for k, i in enumerate(indices):
            text = self.texts[i]
            if i in self._reopener:  # (the paragraph before is closed where it ends)
                text = self._reopener[i] + text[1:]
            following = indices[k + 1] if k + 1 < len(indices) else -1
            came_on = k > 0 and indices[k - 1] == i - 1 and not self._fresh[i]
            if self._open_at_start[i] and not came_on:
                text = opening_marks(self._open_at_start[i], self.language) + text
            goes_on = following == i + 1 and not self._fresh[following]
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

    def places(self, chosen: Iterable[Any]) -> set[int]:
        """The indices of ``chosen`` (sentence objects of the document, or their texts)."""
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


def _repeated(texts: list[str]) -> list[bool]:
    """Whether each of ``texts`` repeats an earlier one, case and spacing aside. Texts as
    the splitter gives them are single-spaced: told of them all at once, their spacing is
    left as it is. (Casefolding adds no space.)"""
    keys = [text.casefold() for text in texts]
    if not is_single_spaced(" ".join(texts)):  # (or a text is empty)
        keys = [" ".join(key.split()) for key in keys]
    if len(set(keys)) == len(keys):  # (as in most articles)
        return [False] * len(keys)
    seen: set[str] = set()
    repeated = []
    for key in keys:
        repeated.append(key in seen)
        seen.add(key)
    return repeated


def _quotations(inside: list[bool]) -> list[tuple[int, int]]:
    """(first, last) sentence of each run of sentences that a quotation goes through."""
    runs: list[tuple[int, int]] = []
    for i, within in enumerate(inside):
        if within and runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        elif not within:
            runs.append((i, i))
    return runs

