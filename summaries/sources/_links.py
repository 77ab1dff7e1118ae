"""An entry's link is a web address the feed states, never one feedparser makes up.

feedparser resolves an entry's ``<guid>`` (RSS) or ``<id>`` (Atom) against the feed's
address when it takes it for the entry's link, as RSS lets a guid stand for the link
unless ``isPermaLink="false"``: ``<guid>8812</guid>`` becomes the link
``https://news.example/rss/8812``, a page that was never there (a teaser is followed to
it, and the article is stored under it). :func:`stated_links` marks a guid or id whose
text is no absolute http(s) address as no permalink before feedparser reads the feed, so
such an entry has no link (and keeps its id as written).

The document is changed at those start tags only, byte for byte elsewhere; a document in
an encoding that is not ASCII-compatible (UTF-16) is left as it is.
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


def stated_links(body: bytes) -> bytes:
    """``body`` with every guid or id that is no absolute http(s) address marked
    ``isPermaLink="false"``: no entry's link is made from it."""
    return _NO_ADDRESS_ID.sub(_not_a_permalink, body)


def _not_a_permalink(match: re.Match[bytes]) -> bytes:
    attrs = _PERMALINK.sub(b"", match["attrs"])
    return b"<" + match["name"] + attrs + b' isPermaLink="false">'
