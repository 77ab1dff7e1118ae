"""Elements a page does not show as part of its text, removed before extraction.

A hover card ("John Smith is a senator from Ohio. Follow"), a tooltip, a cookie or
newsletter dialog and a label meant for screen readers only ("opens in a new tab") sit
inside or beside the paragraphs they belong to; an extractor that reads the markup alone
glues them into the article's sentences. The page says they are not shown: the HTML
``hidden`` attribute, an ARIA role of tooltip or dialog, or a class that the common CSS
frameworks use for them (Bootstrap, Tailwind and WordPress name them alike).
"""

from __future__ import annotations

from typing import Any

from lxml.etree import XPath

_CLASSES = "sr-only|visually-hidden|screen-reader-text|tooltip|popover|hovercard|hover-card"
_UNSHOWN = XPath(
    "//*[@hidden or @role='tooltip' or @role='dialog' or @role='alertdialog'"
    f" or re:test(@class, '(^|\\s)({_CLASSES})(\\s|$)', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


def drop_unshown(tree: Any) -> None:
    """Remove from ``tree`` (an lxml tree, in place) what the page does not show."""
    for element in _UNSHOWN(tree):
        if element.getparent() is not None:
            element.drop_tree()  # the text after it (its tail) stays
