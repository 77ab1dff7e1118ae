"""An entry's link is a web address the feed states, never one feedparser makes up.

feedparser makes links of what states none. An empty link (Atom ``<link href=""/>``, RSS
``<link></link>``) it resolves against the ``xml:base`` in effect (often the blog's
index page) or the feed's address, so entries share a page that is no story's own; and
it resolves an entry's ``<guid>`` (RSS) or ``<id>`` (Atom) when it takes it for the link,
as RSS lets a guid stand for it unless ``isPermaLink="false"``: ``<guid>8812</guid>``
becomes ``https://news.example/rss/8812``, a page that was never there (a teaser is
followed to it, and the article is stored under it).

:func:`stated_links`, before feedparser reads the feed, drops every empty link element
(an entry with one is read as an entry without a link: its link is its guid or id when
that is a permalink) and marks a guid or id whose text is no absolute http(s) address as
no permalink (such an entry has no link, and keeps its id as written).

The document is changed at those tags only, byte for byte elsewhere; a document in an
encoding that is not ASCII-compatible (UTF-16) is left as it is.
"""

from __future__ import annotations

import re

_NAME = rb"(?:[A-Za-z_][\w.-]*:)?"
# a guid or id start tag (not self-closing) whose text is no http(s) address
_NO_ADDRESS_ID = re.compile(
    rb"<(?P<name>" + _NAME + rb"(?:guid|id))(?P<attrs>(?:\s[^<>]*?)?)(?<!/)>"
    rb"(?!\s*(?:<!\[CDATA\[\s*)?https?://)",
    re.IGNORECASE,
)
_PERMALINK = re.compile(rb"""\s+ispermalink\s*=\s*(?:"[^"]*"|'[^']*')""", re.IGNORECASE)
# a link element: its attributes, whether it closes itself, and an end tag right after it
# (with nothing but white space between)
_LINK = re.compile(
    rb"<(?P<name>" + _NAME + rb"link)(?P<attrs>(?:\s[^<>]*?)?)(?P<closed>/?)>"
    rb"(?P<end>\s*</(?P=name)\s*>)?",
    re.IGNORECASE,
)
_HREF = re.compile(rb"""(?:^|\s)href\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""")


def stated_links(body: bytes) -> bytes:
    """``body`` without its empty link elements, and with every guid or id that is no
    absolute http(s) address marked ``isPermaLink="false"``: no entry's link is made from
    nothing, nor from an id that is no address."""
    return _NO_ADDRESS_ID.sub(_not_a_permalink, _LINK.sub(_unless_empty, body))


def _unless_empty(match: re.Match[bytes]) -> bytes:
    """The link element as it is, or nothing when it holds no address: a blank ``href``,
    or (without one) no text."""
    href = _HREF.search(match["attrs"])
    if href is not None:
        empty = not (href["double"] or href["single"] or b"").strip()
    else:
        empty = bool(match["closed"]) or match["end"] is not None
    return b"" if empty else match[0]


def _not_a_permalink(match: re.Match[bytes]) -> bytes:
    attrs = _PERMALINK.sub(b"", match["attrs"])
    return b"<" + match["name"] + attrs + b' isPermaLink="false">'
