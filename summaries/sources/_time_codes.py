"""A transcript's time codes, removed before extraction.

A video's or a podcast's page prints its transcript as paragraphs that each open with the
moment of the recording they start at, in an element of its own (a link or a button that
seeks the player there, a ``<span>``): ``<p><span>0:12</span> The biggest reason ...</p>``.
Read as text, the code opens the sentence ("0:12 The biggest reason is bird flu.") and a
briefing quotes it so. Such a code is told by the run it makes: three paragraphs or more
of one block, each opening with an element that holds a time code alone (``0:12``,
``01:02:03``, ``[12:40]``), followed by the paragraph's words, and the codes counting up
as a recording runs. A live blog's times stand beside its updates' paragraphs (not inside
them), and run backwards, newest first; a timetable's times, one per line, are kept too
when nothing follows them.
"""

from __future__ import annotations

import re
from typing import Any

_CODE = re.compile(r"\[?(?:(\d{1,2}):)?(\d{1,2}):(\d\d)\]?")
_RUN = 3  # paragraphs that open with a code, in one block: a transcript's
_PARAGRAPHS = frozenset("p li div".split())


def drop_time_codes(tree: Any) -> None:
    """Remove from ``tree`` (an lxml tree, in place) the time codes that open the
    paragraphs of a transcript (see the module's docstring)."""
    runs: dict[Any, list[tuple[int, Any]]] = {}
    for paragraph in tree.iter(*_PARAGRAPHS):
        found = _opening_code(paragraph)
        if found is not None and (parent := paragraph.getparent()) is not None:
            runs.setdefault(parent, []).append(found)
    for codes in runs.values():
        seconds = [second for second, _ in codes]
        if len(codes) < _RUN or seconds != sorted(seconds):
            continue
        for _, element in codes:
            element.drop_tree()  # the words after it (its tail) stay


def _opening_code(paragraph: Any) -> tuple[int, Any] | None:
    """(the moment in seconds, the element) of the time code that opens ``paragraph``
    and is followed by its words, or None."""
    if (paragraph.text or "").strip() or not len(paragraph):
        return None
    first = paragraph[0]
    if not isinstance(first.tag, str) or len(first) > 1:
        return None
    match = _CODE.fullmatch("".join(first.itertext()).strip())
    if match is None:
        return None
    rest = (first.tail or "") + "".join(
        "".join(child.itertext()) + (child.tail or "") for child in paragraph[1:]
    )
    if len(rest.split()) < 2:
        return None
    hours, minutes, seconds = (int(group or 0) for group in match.groups())
    return (hours * 60 + minutes) * 60 + seconds, first
