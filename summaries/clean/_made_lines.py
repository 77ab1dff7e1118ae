"""A main text with the lines it was made of, for the sentence cleaning to read.

The sentences of a fresh article are cleaned from its main text (see
summaries.clean.clean_text), whose first step splits it into lines and normalizes them
(text_lines). The main text was made of lines that went through that already: handed on,
they spare the cleaning its first step, where text_lines would give them back.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from summaries.clean._clutter import END_MARKS


class MainText(NamedTuple):
    """A page's main text (see summaries.clean.main_text) and its lines as the sentence
    cleaning reads them (``text_lines(text)``), or None where that reading could differ
    from the lines the main text was made of (see read_as_made)."""

    text: str
    lines: list[str] | None


def read_as_made(text: str, lines: list[str]) -> bool:
    """Whether text_lines gives `lines` back from `text`, their join by newlines.

    Lines that text_lines made, and lines joined, collapsed or cut from them by single
    spaces, hold no control character and no whitespace but single spaces inside them;
    what text_lines may still change is their Unicode form (a combining mark that a
    control character kept apart from its letter, or that a line joined to a Japanese
    one now follows) and a news agency's end mark that ended a line before another did.
    """
    if not unicodedata.is_normalized("NFC", text):
        return False
    return text.isascii() or not any(line.endswith(END_MARKS) for line in lines)
