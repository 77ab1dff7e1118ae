"""The text of a readable briefing: its chosen sentences printed as they read alone.

:func:`render_sentences` prints the sentences a briefing takes of an article: a colon
joined to the sentence it introduces, a quotation the briefing leaves open closed with its
own marks, one taken without its start reopened with them (as :mod:`quoting` found them),
and a briefing of one sentence longer than allowed cut at a word with what the cut leaves
open closed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from summaries.language import UNSPACED
from summaries.quotes import closing_marks, opening_marks, scan
from summaries.summarize.budget import ELLIPSIS, shorten
from summaries.summarize.readable.quoting import Quoting


def render_sentences(
    texts: Sequence[str],
    quoting: Quoting,
    colon: Sequence[bool],
    language: str,
    chosen: Iterable[int],
    max_chars: int,
) -> list[str]:
    """The briefing of the sentences ``chosen`` (their indices in ``texts``, the
    sentences of an article in ``language``, whose quotations stand as ``quoting`` tells
    and which end in a ``colon``): each colon joined to what it introduces, each
    quotation left open closed, each cut one reopened."""
    reopener, fresh = quoting.reopener, quoting.fresh
    open_at_start, open_at_end = quoting.open_at_start, quoting.open_at_end
    indices = sorted(set(chosen))
    out: list[str] = []
    pending = ""
    for k, i in enumerate(indices):
        text = texts[i]
        if i in reopener:  # (the paragraph before is closed where it ends)
            text = reopener[i] + text[1:]
        following = indices[k + 1] if k + 1 < len(indices) else -1
        came_on = k > 0 and indices[k - 1] == i - 1 and not fresh[i]
        if open_at_start[i] and not came_on:
            text = opening_marks(open_at_start[i], language) + text
        goes_on = following == i + 1 and not fresh[following]
        if open_at_end[i] and not goes_on:
            text += closing_marks(open_at_end[i], language)
        if pending:
            text = pending + ("" if language in UNSPACED else " ") + text
        if colon[i] and following == i + 1:
            pending = text
            continue
        out.append(text)
        pending = ""
    if pending:  # a colon taken alone (nothing else could be): it introduces no more
        out.append(pending.rstrip().rstrip(":：") + ELLIPSIS)
    if len(out) == 1 and len(out[0]) > max_chars:
        out = [_shortened(out[0], max_chars, language)]
    return out


def _shortened(text: str, max_chars: int, language: str) -> str:
    """``text`` cut to ``max_chars`` with what its cut leaves open closed."""
    cut = shorten(text, max_chars)
    closers = closing_marks(scan(cut).open, language)
    if len(cut) + len(closers) > max_chars:
        cut = shorten(text, max_chars - len(closers))
        closers = closing_marks(scan(cut).open, language)
    return cut + closers
