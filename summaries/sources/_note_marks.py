"""Note marks in a story's sentences, removed before extraction.

An analysis, a report or a blog post cites its sources by numbered notes: a superscript
figure after the word or the stop it annotates (``... ECB data.<sup>2</sup> Services``,
``Krakowie<sup><a href="#fn1">[1]</a></sup>.``). Read as text it is glued to its
sentence: "data.2 Services inflation" is no longer two sentences, and "hoch1" is no word.
A superscript is such a mark when it holds a figure or two or three, or a note's symbol
(``*``, ``†``), in brackets or not, and either links to a place on its page (a note
list) or follows a stop, a quote, a bracket or a word of three letters or more. After a
figure (10<sup>6</sup>) or a short unit (km<sup>2</sup>, m<sup>3</sup>, mc<sup>2</sup>)
it is a power, and stays. A mark glued to the next word leaves a space in its place.
"""

from __future__ import annotations

import re
from typing import Any

_MARK = re.compile(r"\[?(?:\d{1,3}|[*†‡§])\]?")
_AFTER_STOP = frozenset(".,;:!?)]\"'”’»")
_WORD = re.compile(r"[^\W\d_]{3}$")  # a word of three letters or more ends there


def drop_note_marks(tree: Any) -> None:
    """Remove from ``tree`` (an lxml tree, in place) the note marks of its sentences (see
    the module's docstring)."""
    for sup in list(tree.iter("sup")):
        mark = "".join(sup.itertext()).strip()
        if not _MARK.fullmatch(mark) or not _is_note(sup):
            continue
        tail = sup.tail or ""
        if tail[:1].isalnum():
            sup.tail = " " + tail
        sup.drop_tree()


def _is_note(sup: Any) -> bool:
    if any((a.get("href") or "").startswith("#") for a in sup.iter("a")):
        return True
    before = _text_before(sup)
    if not before or before[-1].isspace():
        return False
    return before[-1] in _AFTER_STOP or _WORD.search(before) is not None


def _text_before(element: Any) -> str:
    """The text just before ``element`` in its paragraph: its previous sibling's tail, or
    that sibling's own last text (a link the mark follows), or its parent's text."""
    previous = element.getprevious()
    if previous is None:
        parent = element.getparent()
        return (parent.text or "") if parent is not None else ""
    return previous.tail or "".join(previous.itertext())
