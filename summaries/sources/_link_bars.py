"""Bars of a few short links beside a block's paragraphs, removed before extraction.

A live blog's update, a post's card or a section of a story often ends with a bar of its
own: "Share", "Copy link", "Tweet", "Email". trafilatura's link-density test reads a block
under 300 characters that is the last of its parent, and whose links are mostly short, as
a list of links, and deletes it with the paragraph in it: the oldest update of a live blog
(the one that says what the coverage is about) went so. A bar that holds nothing but short
links (a few words each, no text of its own besides separators) and stands beside a
paragraph, a child of the paragraph's own block, is never the story: it is removed first,
and the block keeps its paragraph. A link in a sentence is inside the paragraph, never
its sibling, and an inline one (a ``<span>``) amid the words of its block's own text is
a part of their sentence; a list of other stories' headlines has links of more words.
"""

from __future__ import annotations

from typing import Any

from lxml.etree import XPath

_BAR_TAGS = frozenset("div ul span footer nav".split())
_PARAGRAPH_CHARS = 40  # a paragraph beside the bar: more than a caption's or a label's
_INSIDE = XPath("boolean(.//p or .//img or .//h1 or .//h2 or .//h3 or .//h4 or .//li//ul)")
_CONTROLS = XPath(".//a | .//button")
_LINKS = 8  # a bar holds a few links at the most
_LINK_WORDS = 3  # "Share", "Copy link", "Share on X"
_SEPARATORS = frozenset("|·•/-–—:,")


def drop_link_bars(tree: Any) -> None:
    """Remove from ``tree`` (an lxml tree, in place) the bars of short links that stand
    beside a paragraph (see the module's docstring)."""
    blocks = {
        parent
        for p in tree.iter("p")
        if (parent := p.getparent()) is not None
        and len(" ".join(p.text_content().split())) > _PARAGRAPH_CHARS
    }
    bars = [
        child
        for block in blocks
        for child in block
        if isinstance(child.tag, str)
        and child.tag in _BAR_TAGS
        and _is_bar(child)
        and (child.tag != "span" or _stands_apart(child))
    ]
    for bar in bars:
        bar.drop_tree()


def _is_bar(element: Any) -> bool:
    """Whether ``element`` holds a few short links or buttons and no other words."""
    controls = _CONTROLS(element)
    if not 0 < len(controls) <= _LINKS or _INSIDE(element):
        return False
    if any(len(control.text_content().split()) > _LINK_WORDS for control in controls):
        return False
    return _separators_only(_text_outside(element, set(controls)))


def _stands_apart(element: Any) -> bool:
    """Whether no words of its block's own text run up to ``element`` or on after it: an
    inline element (a ``<span>``) between words is a part of their sentence ("the count in
    <span><a>Marion County</a></span> would finish ..."), not a bar."""
    previous = element.getprevious()
    before = (element.getparent().text if previous is None else previous.tail) or ""
    return _separators_only([*before.split(), *(element.tail or "").split()])


def _separators_only(words: list[str]) -> bool:
    """Whether ``words`` are only separators ("|", "·"), no words of their own."""
    return all(set(word) <= _SEPARATORS for word in words)


def _text_outside(element: Any, controls: set[Any]) -> list[str]:
    """The words of ``element`` that are in none of ``controls``."""
    words: list[str] = []
    if element in controls or not isinstance(element.tag, str):
        return words
    words += (element.text or "").split()
    for child in element:
        words += _text_outside(child, controls)
        words += (child.tail or "").split()
    return words
