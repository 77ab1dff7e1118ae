"""Tables that lay a page out, read as the blocks they hold.

Old sites, print versions and e-mail-like pages set the whole article in a table's cell:
its headline, byline and paragraphs. trafilatura reads a table as data, each cell on one
line, so such a page comes out as one line: byline and date glued to the lede, the
paragraphs run together, and a "|" in the text (a byline's "By X | 1 May") escaped as a
cell's. A table with a cell that holds a heading or more than one paragraph, and one
that holds prose (_PROSE_WORDS words or more), lays the page out: it is turned into plain
blocks (``div``), so that each paragraph is read as one. A data table's cells hold a few
words, even set as a heading ("<th><h3>Route</h3></th>") or as paragraphs; such a table,
and one nested in a part of the page, stays a table.
"""

from __future__ import annotations

from typing import Any

from lxml.etree import XPath

from summaries.clean._lines import word_count

# the cells of a table, not those of a table inside one of them
_OWN_CELLS = XPath("./tr/* | ./*/tr/*")
_OWN_PARTS = XPath("./tr | ./* | ./*/tr | ./tr/* | ./*/tr/*")
_BLOCKS = XPath("count(.//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6) > 0 or count(.//p) > 1")
_PROSE_WORDS = 30  # as many words as the main text reads as a paragraph in a cell
_PARTS = frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"})


def unwrap_layout_tables(tree: Any) -> None:
    """Turn each table of ``tree`` (in place) that lays the page out (see the module's
    docstring) into ``div`` elements, its rows' and cells' as well."""
    for table in list(tree.iter("table")):
        cells = [cell for cell in _OWN_CELLS(table) if cell.tag in ("td", "th")]
        if not any(map(_BLOCKS, cells)) or not any(map(_is_prose, cells)):
            continue
        for part in _OWN_PARTS(table):
            if part.tag in _PARTS:
                part.tag = "div"
        table.tag = "div"


def _is_prose(cell: Any) -> bool:
    """Whether ``cell`` holds _PROSE_WORDS words or more (two Chinese or Japanese
    characters counting as one: see word_count), counted up to that many."""
    words = 0
    for text in cell.itertext():
        if text.strip():
            words += word_count(" ".join(text.split()))
        if words >= _PROSE_WORDS:
            return True
    return False
