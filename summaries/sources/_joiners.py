"""The zero-width joiners of a page's words, put back where trafilatura took them out.

Persian writes "سه‌شنبه" (Tuesday), "می‌رود" with a zero-width non-joiner (U+200C), and
Sinhala "ශ්‍රී" with a zero-width joiner (U+200D): spelling, not formatting. trafilatura
drops every character that ``str.isprintable`` rejects, these among them, so a Persian
page came out with its words run together ("سهشنبه"). A page that holds joiners has the
words that hold them read from its text before extraction, and each of them, found whole
in the extracted text without its joiners, is spelled again as the page spells it.
"""

from __future__ import annotations

import re

from summaries.words import ALNUM, JOINERS, marks_in, word_pattern

_WITHOUT = str.maketrans("", "", JOINERS)


def page_spellings(page_text: str) -> dict[str, str]:
    """Each word of ``page_text`` that holds a joiner, by its letters without them."""
    if not any(joiner in page_text for joiner in JOINERS):
        return {}
    words = word_pattern(ALNUM, marks_in(page_text) + JOINERS).findall(page_text)
    spelled = {}
    for word in words:
        bare = word.translate(_WITHOUT)
        if bare != word and bare:
            spelled.setdefault(bare, word)
    return spelled


def with_joiners(text: str, spelled: dict[str, str]) -> str:
    """``text`` with each whole word of ``spelled`` (see :func:`page_spellings`) spelled
    with its joiners; ``text`` itself when there are none."""
    if not spelled or not text:
        return text
    words = "|".join(map(re.escape, sorted(spelled, key=len, reverse=True)))
    pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)")
    return pattern.sub(lambda match: spelled[match.group()], text)
