"""A thread of readers' replies inside the article's container, removed before extraction.

The extractor leaves out a comment section by its name ("comments", "comment-list"); a
theme that names it otherwise ("responses", "replies", "discussion") and sets it inside
the article's container gets it read as the article's last paragraphs. Such a thread is
told by its shape, whatever its names: a block of two or more items that each hold a
reply control (a link or button whose class says "reply" or "respond", or whose address
does in its fragment or query: "#reply", "?replytocom=12"), a time (a ``<time>`` or an
element with a ``datetime``) and an author (an element whose class or ``itemprop`` says
"author", or a ``<cite>``, as WordPress sets a commenter's name). An article's
paragraphs hold no reply control; a list of related posts, which has authors and dates,
holds none either. A block that holds the page's headline (an ``<h1>``) or its
``<main>`` is the page, and stays, as does one beside which the page has fewer than
_ARTICLE_WORDS words of paragraphs: a forum's thread, all replies, is the page's text.
The block goes with the section around it when that holds only headings ("3 Responses").
"""

from __future__ import annotations

from typing import Any

from lxml.etree import XPath

# (an address says so in its fragment or query, "#reply", "?replytocom=12": a story's
# address may hold the word in its slug, "/council-reply-to-critics")
_REPLY_CONTROLS = XPath(
    "//a[contains(@class, 'reply') or contains(@class, 'respond') or contains(@href, '#reply')"
    " or contains(@href, '#respond') or contains(@href, 'replytocom')]"
    "|//button[contains(@class, 'reply') or contains(@class, 'respond')]"
)
_TIMED = XPath("boolean(descendant-or-self::time or descendant-or-self::*[@datetime])")
_AUTHORED = XPath(
    "boolean(descendant-or-self::cite or descendant-or-self::*[contains(@class, 'author')"
    " or contains(@itemprop, 'author')])"
)
_PAGE = XPath("boolean(descendant-or-self::h1 or descendant-or-self::main)")
_HEADINGS = frozenset("h2 h3 h4 h5 h6".split())
_ITEMS = 2  # a thread has this many replies or more
_ARTICLE_WORDS = 40  # the words of the paragraphs beside a thread: an article's, at the least


def drop_reply_threads(tree: Any) -> None:
    """Remove from ``tree`` (an lxml tree, in place) the threads of replies (see the
    module's docstring)."""
    controls = _REPLY_CONTROLS(tree)
    if len(controls) < _ITEMS:  # (most pages: none)
        return
    holding: dict[Any, int] = {}  # element: the reply controls inside it
    for control in controls:
        for element in control.iterancestors():
            holding[element] = holding.get(element, 0) + 1
    threads = {thread for control in controls if (thread := _thread(control, holding)) is not None}
    words = _words(tree)
    for thread in threads:
        if any(a in threads for a in thread.iterancestors()):  # (the outermost only)
            continue
        if words - _words(thread) >= _ARTICLE_WORDS:  # (a forum's thread is its page)
            block = _section(thread)
            if block.getparent() is not None:
                block.drop_tree()


def _words(element: Any) -> int:
    """The words of the paragraphs in ``element``."""
    return sum(len(p.text_content().split()) for p in element.iter("p"))


def _thread(control: Any, holding: dict[Any, int]) -> Any | None:
    """The lowest block above ``control`` whose children with a reply control in them are
    _ITEMS or more, if each is a reply (see the module's docstring), or None."""
    for block in control.iterancestors():
        items = [child for child in block if holding.get(child)]
        if len(items) >= _ITEMS:
            if block.tag in ("body", "html") or _PAGE(block):
                return None
            return block if all(_TIMED(i) and _AUTHORED(i) for i in items) else None
    return None


def _section(thread: Any) -> Any:
    """``thread``'s parent if it holds nothing else but headings, else ``thread``."""
    parent = thread.getparent()
    if parent is None or parent.tag in ("body", "html") or (parent.text or "").strip():
        return thread
    others = [child for child in parent if child is not thread]
    if all(isinstance(c.tag, str) and c.tag in _HEADINGS for c in others):
        return parent
    return thread
