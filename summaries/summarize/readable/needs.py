"""Which sentences each sentence of an article cannot be taken without in a briefing.

:func:`sentence_needs` turns where quotations stand (:mod:`quoting`) into each
sentence's needs: the neighbours a quotation runs on to (or from) up to the sentence
that names its speaker, the earlier sentence that names the speaker of the quotation it
is in, the sentence a colon introduces; and which sentences are never taken (a repeat of
an earlier one, a colon that ends the article). The package's docstring tells the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress

from summaries.sentences import is_single_spaced
from summaries.summarize.attribution import names_speaker_before, names_speakers_after
from summaries.summarize.readable.quoting import Quoting

_COLONS = (":", "：")


@dataclass(eq=False)
class Needs:
    """For each sentence of an article (by index), what it cannot be taken without."""

    needs: list[tuple[int, ...]]  # the sentences (neighbours) it is taken with
    speaker: list[int | None]  # the earlier sentence naming its quotation's speaker
    blocked: list[bool]  # it is never taken
    colon: list[bool]  # it ends in a colon: one sentence with the next


def sentence_needs(
    texts: Sequence[str], starts: Sequence[bool], language: str, quoting: Quoting
) -> Needs:
    """The needs of ``texts`` (the sentences of an article, ``starts`` telling which
    open a paragraph, in ``language``), whose quotations stand as ``quoting`` tells."""
    count = len(texts)
    inside, bare_start = quoting.inside, quoting.bare_start
    needs: list[tuple[int, ...]] = [()] * count
    blocked = _repeated(texts)  # a sentence the article repeats: quoted once
    speaker: list[int | None] = [None] * count  # the earlier sentence naming it
    colon = [text.endswith(_COLONS) for text in texts]  # (texts are stripped)
    if any(inside) or any(bare_start):  # (else no sentence needs another for a quotation)
        for first, last in _quotations(inside):
            if last > first or bare_start[first]:
                _quotation_needs(first, last, starts, quoting, needs, speaker)
    for first, named in _named_after(texts, starts, language, quoting):
        for i in range(first, named):  # on to its speaker; reopened where it starts
            speaker[i] = None
            needs[i] = (i + 1,)
        needs[named] = (*needs[named], named - 1)  # "Det säger X." points back
    for i in compress(range(count), colon):
        if i + 1 < count:
            needs[i] = (*needs[i], i + 1)
        else:
            blocked[i] = True
    return Needs(needs, speaker, blocked, colon)


def _quotation_needs(
    first: int,
    last: int,
    starts: Sequence[bool],
    quoting: Quoting,
    needs: list[tuple[int, ...]],
    speakers: list[int | None],
) -> None:
    """Set the ``needs`` and ``speakers`` of the sentences ``first`` to ``last`` of one
    quotation."""
    outside, bare_start = quoting.outside, quoting.bare_start
    named_before = outside[first]
    if last > first and not named_before and outside[last]:  # '... ," he said.'
        for i in range(first, last):
            needs[i] = (i + 1,)  # on to the speaker; reopened where it starts
        return
    speaker = first  # the sentence that names who speaks: where it opened, or before
    if not named_before and bare_start[first]:  # no speaker named
        speaker = first - 1  # the sentence before names it, or the quotation before
        while speaker >= 0 and not outside[speaker]:  # that one does, its speaker's
            speaker -= 1
    if speaker < 0 or not (named_before or bare_start[first]):  # nobody named before:
        named_later = speaker < 0 and _named_later(last, starts, quoting)
        for i in range(first, last + 1):  # it comes whole from where it opened,
            if i > first:
                needs[i] = (i - 1,)
            if named_later:  # and on to its speaker, paragraphs later
                needs[i] = (*needs[i], i + 1)
        return
    for i in range(max(first, speaker + 1), last + 1):
        speakers[i] = speaker


def _named_later(last: int, starts: Sequence[bool], quoting: Quoting) -> bool:
    """Whether a sentence names the speaker of a quotation that ends with sentence
    ``last`` at a paragraph's end and goes on in the next paragraphs ('"... .' then
    '"... ," she said.')."""
    outside, goes_on = quoting.outside, quoting.goes_on
    count = len(outside)
    i = last + 1
    if i == count or not goes_on[i]:
        return False
    while i < count and not outside[i]:
        i += 1
        if i < count and starts[i] and not goes_on[i]:
            return False  # the quotation ended, its speaker unnamed
    return i < count


def _named_after(
    texts: Sequence[str], starts: Sequence[bool], language: str, quoting: Quoting
) -> list[tuple[int, int]]:
    """(first, named) for each quotation whose speaker the paragraph after it names
    (see :mod:`attribution`): sentence ``named`` opens that paragraph ("Det säger
    Anna Nilsson."), and the sentences ``first`` to ``named - 1`` are the quotation,
    the whole paragraph before it (and those the quotation goes on from)."""
    found: list[tuple[int, int]] = []
    if not names_speakers_after(language):
        return found
    outside = quoting.outside
    for named in range(1, len(texts)):
        if not starts[named] or outside[named - 1]:
            continue
        if names_speaker_before(texts[named], language):
            first = _speech_start(named, starts, quoting)
            if first is not None:
                found.append((first, named))
    return found


def _speech_start(end: int, starts: Sequence[bool], quoting: Quoting) -> int | None:
    """Where the quotation that fills the paragraph before sentence ``end`` (which
    starts one) starts: that paragraph's first sentence, or the first of the
    paragraphs it goes on from; None if a word of that paragraph is outside every
    quotation or it does not open with one."""
    outside, bare_start, goes_on = quoting.outside, quoting.bare_start, quoting.goes_on
    first = None
    i = end - 1
    while i >= 0 and not outside[i]:
        if starts[i]:
            if not bare_start[i]:
                break
            first = i
            if not goes_on[i]:
                break
        i -= 1
    return first


def _repeated(texts: Sequence[str]) -> list[bool]:
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
