"""A transcript's time codes, removed before extraction.

A video's or a podcast's page prints its transcript as paragraphs that each open with the
moment of the recording they start at, in an element of its own (a link or a button that
seeks the player there, a ``<span>``: ``<p><span>0:12</span> The biggest reason ...</p>``)
or as the paragraph's first words (``<p>[00:00:21] El alquiler medio ...</p>``). Read as
text, the code opens the sentence ("0:12 The biggest reason is bird flu.") and a briefing
quotes it so. Such a code is told by the run it makes: three paragraphs or more of one
block, each opening with a time code (``0:12``, ``01:02:03``, ``[12:40]``) followed by
the paragraph's words, the codes counting up as a recording runs, and written as a
recording's are: from its first minute as a player writes it (the first code "0:" and its
seconds), with hours, minutes and seconds, or in brackets. A day's times are none of
those: an agenda's ("09:00 Registration", "10:30 Keynote"), a live blog's (newest first,
and beside its updates' paragraphs more often than inside them), and a night's after
midnight, whose clock writes the hour in two figures ("00:05 Polls have closed", "00:40
First results") stay.
"""

from __future__ import annotations

import re
from typing import Any

_CODE = re.compile(r"(?P<open>\[)?(?:(?P<h>\d{1,2}):)?(?P<m>\d{1,2}):(?P<s>\d\d)(?(open)\])")
_OPENING_CODE = re.compile(rf"\s*{_CODE.pattern}\s+(?=\S+\s+\S)")  # then two words or more
_RUN = 3  # paragraphs that open with a code, in one block: a transcript's
_PARAGRAPHS = frozenset("p li div".split())


class _Code:
    """A time code opening a paragraph: its moment in seconds, whether it is written as a
    recording's alone (hours and seconds, or brackets) or as a player writes a recording's
    first minute ("0:12", never a clock's "00:12"), and how to remove it."""

    __slots__ = ("element", "first_minute", "paragraph", "recorded", "seconds", "size")

    def __init__(self, match: re.Match[str], paragraph: Any, element: Any = None) -> None:
        bracket, hours, minutes, seconds = match.group("open", "h", "m", "s")
        self.seconds = (int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)
        self.recorded = bool(bracket or hours)
        self.first_minute = hours is None and minutes == "0"
        self.paragraph, self.element, self.size = paragraph, element, match.end()

    def remove(self) -> None:
        if self.element is not None:
            self.element.drop_tree()  # the words after it (its tail) stay
        else:
            self.paragraph.text = self.paragraph.text[self.size :]


def drop_time_codes(tree: Any) -> None:
    """Remove from ``tree`` (an lxml tree, in place) the time codes that open the
    paragraphs of a transcript (see the module's docstring)."""
    runs: dict[Any, list[_Code]] = {}
    for paragraph in tree.iter(*_PARAGRAPHS):
        code = _opening_code(paragraph)
        if code is not None and (parent := paragraph.getparent()) is not None:
            runs.setdefault(parent, []).append(code)
    for codes in runs.values():
        if _is_transcripts(codes):
            for code in codes:
                code.remove()


def _is_transcripts(codes: list[_Code]) -> bool:
    """Whether the ``codes`` of one block's paragraphs are a recording's (see the
    module's docstring)."""
    seconds = [code.seconds for code in codes]
    if len(codes) < _RUN or seconds != sorted(seconds):
        return False
    return codes[0].first_minute or all(code.recorded for code in codes)


def _opening_code(paragraph: Any) -> _Code | None:
    """The time code that opens ``paragraph`` and is followed by its words, or None."""
    text = paragraph.text or ""
    if text.strip():
        found = _OPENING_CODE.match(text)
        return _Code(found, paragraph) if found is not None else None
    if not len(paragraph):
        return None
    first = paragraph[0]
    if not isinstance(first.tag, str) or len(first) > 1:
        return None
    found = _CODE.fullmatch("".join(first.itertext()).strip())
    if found is None:
        return None
    rest = (first.tail or "") + "".join(
        "".join(child.itertext()) + (child.tail or "") for child in paragraph[1:]
    )
    return _Code(found, paragraph, first) if len(rest.split()) >= 2 else None
