"""Text a page writes straight into its article's box after a box of its own, given a
paragraph before extraction.

An older publishing system puts a photo box at the top of a story (a ``<div>`` holding
the image and a ``<p>`` of caption) and writes the story after it as bare text and
``<br>`` tags. A browser shows that text as a paragraph; trafilatura loses the text
that follows a box holding blocks (the box's tail in the tree), and with it the story's
first paragraph. Such text, when it is a sentence's worth of words (a lone "0" after a
header is a counter), is given a ``<p>`` of its own right after the box, with the inline
markup that goes on with it (a link, an emphasis) up to the next line break or block,
so that no sentence is cut where a link starts.
"""

from __future__ import annotations

from typing import Any

_BOXES = ("div", "section", "aside")  # what holds blocks and may be followed by bare text
_BLOCKS = frozenset(
    "p div section article aside header footer nav main figure figcaption table ul ol dl "
    "blockquote pre form h1 h2 h3 h4 h5 h6 hr br".split()
)
_MIN_WORDS = 5  # loose text shorter than a short sentence is left as it was


def paragraph_loose_text(tree: Any) -> None:
    """Give each run of bare text after a box that holds blocks its own ``<p>`` (``tree``:
    an lxml tree, changed in place)."""
    for box in list(tree.iter(*_BOXES)):
        if not (box.tail or "").strip() or box.getparent() is None or not _holds_block(box):
            continue
        inline = _inline_after(box)
        words = len(box.tail.split()) + sum(
            len(f"{element.text_content()} {element.tail or ''}".split()) for element in inline
        )
        if words < _MIN_WORDS:
            continue
        paragraph = box.makeelement("p", {})
        paragraph.text, box.tail = box.tail, None
        box.addnext(paragraph)
        for element in inline:
            paragraph.append(element)  # with its tail: the text that goes on after it


def _inline_after(box: Any) -> list[Any]:
    """The elements after ``box`` up to the next line break, block or comment."""
    found = []
    following = box.getnext()
    while following is not None and isinstance(following.tag, str):
        if following.tag in _BLOCKS:
            break
        found.append(following)
        following = following.getnext()
    return found


def _holds_block(box: Any) -> bool:
    return any(
        isinstance(element.tag, str) and element.tag in _BLOCKS and element.tag != "br"
        for element in box.iterdescendants()
    )
