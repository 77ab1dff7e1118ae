"""Text a page writes straight into its article's box after a box of its own, given
paragraphs before extraction.

An older publishing system puts a photo box at the top of a story (a ``<div>`` holding
the image and a ``<p>`` of caption) and writes the story after it as bare text and
``<br>`` tags. A browser shows that text as paragraphs; trafilatura loses the text that
follows a box holding blocks (the box's tail in the tree), and with it the story's
first paragraph, and may lose the short lines after it too. Such text, when its first
line is a sentence's worth of words (a lone "0" after a header is a counter; Chinese,
Japanese or Thai, written without spaces, counted by their characters as everywhere
else), is given a ``<p>`` per line, up to the next block: each with the inline markup
that goes on with it (a link, an emphasis) up to the next line break, so that no
sentence is cut where a link starts.

A blog's post box (Blogger's) holds its whole post so: bare text, its paragraphs parted by
blank lines (``<br><br>``), no block with text in it. trafilatura reads such a box, then
adds what follows it (the blog's date header, the post's title, its footer's links) after
the post. A box whose text opens with a sentence's worth of words and goes on after a
blank line is given its paragraphs the same way.
"""

from __future__ import annotations

from typing import Any

from summaries.clean import word_count

_BOXES = ("div", "section", "aside")  # what holds blocks and may be followed by bare text
_BLOCKS = frozenset(
    "p div section article aside header footer nav main figure figcaption table ul ol dl "
    "blockquote pre form h1 h2 h3 h4 h5 h6 hr br".split()
)
_MIN_WORDS = 5  # loose text shorter than a short sentence is left as it was


def paragraph_loose_text(tree: Any) -> None:
    """Give each line of bare text after a box that holds blocks its own ``<p>`` (``tree``:
    an lxml tree, changed in place): the first line when it is a sentence's worth of words,
    then each line after it up to the next block."""
    for box in list(tree.iter(*_BOXES)):
        if not (box.tail or "").strip() or box.getparent() is None or not _holds_block(box):
            continue
        if word_count(" ".join(_line_after(box).split())) < _MIN_WORDS:
            continue
        anchor: Any = box
        while anchor is not None:
            anchor = _paragraph_after(anchor)
    for box in list(tree.iter(*_BOXES)):
        if _written_in_lines(box):
            start = box.makeelement("br", {})  # the anchor of the first line, then dropped
            start.tail, box.text = box.text, None
            box.insert(0, start)
            anchor = start
            while anchor is not None:
                anchor = _paragraph_after(anchor)
            start.drop_tree()


def _written_in_lines(box: Any) -> bool:
    """Whether ``box`` holds bare text that opens with a sentence's worth of words and goes
    on after a blank line (two line breaks with nothing between), and no block with text."""
    if word_count(" ".join(_line_after_text(box).split())) < _MIN_WORDS:
        return False
    children = [child for child in box if isinstance(child.tag, str)]
    if any(c.tag in _BLOCKS and c.tag != "br" and c.text_content().strip() for c in children):
        return False
    return any(
        first.tag == "br" and second.tag == "br" and not (first.tail or "").strip()
        for first, second in zip(children, children[1:], strict=False)
    )


def _line_after_text(box: Any) -> str:
    """The text ``box`` opens with, up to its first line break or block."""
    return _line_text(box.text, _inline_from(box[0] if len(box) else None))


def _paragraph_after(anchor: Any) -> Any:
    """Put the text after ``anchor`` (a box or a line break) up to the next line break or
    block in a ``<p>`` right after it; the line break that ends that line, or None."""
    inline = _inline_after(anchor)
    if _line_after(anchor, inline).strip():
        paragraph = anchor.makeelement("p", {})
        paragraph.text, anchor.tail = anchor.tail, None
        anchor.addnext(paragraph)
        for element in inline:
            paragraph.append(element)  # with its tail: the text that goes on after it
        inline = [paragraph]
    following = (inline[-1] if inline else anchor).getnext()
    return following if following is not None and following.tag == "br" else None


def _line_after(anchor: Any, inline: list[Any] | None = None) -> str:
    """The text after ``anchor`` up to the next line break or block (``inline``: the
    elements it runs through, when already found)."""
    return _line_text(anchor.tail, _inline_after(anchor) if inline is None else inline)


def _line_text(text: str | None, elements: list[Any]) -> str:
    """``text`` and the text of ``elements`` after it, with theirs after each."""
    return " ".join([text or "", *(f"{e.text_content()} {e.tail or ''}" for e in elements)])


def _inline_after(anchor: Any) -> list[Any]:
    """The elements after ``anchor`` up to the next line break, block or comment, or
    element that holds one of those: a tag left open (``<font>``) nests the rest of the
    page, and the line ends where that element's first line ends."""
    return _inline_from(anchor.getnext())


def _inline_from(following: Any) -> list[Any]:
    """:func:`_inline_after`, from ``following`` (an element, or None) on."""
    found = []
    while following is not None and isinstance(following.tag, str):
        if following.tag in _BLOCKS or _holds_block(following, breaks=True):
            break
        found.append(following)
        following = following.getnext()
    return found


def _holds_block(element: Any, *, breaks: bool = False) -> bool:
    """Whether ``element`` holds a block (or, with ``breaks``, a line break)."""
    return any(
        isinstance(inner.tag, str) and inner.tag in _BLOCKS and (breaks or inner.tag != "br")
        for inner in element.iterdescendants()
    )
