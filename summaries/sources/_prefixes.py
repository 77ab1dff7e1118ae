"""The namespace prefixes of RSS's well-known modules, declared when a feed forgets to.

A feed's template may write ``<content:encoded>``, ``<dc:creator>`` or
``<media:content>`` without declaring ``xmlns:content`` (and the others) on its root:
XML refuses the whole document ("unbound prefix"), feedparser's fallback parser reads
what it can (a picture's ``media:content`` is lost), and the feed is reported malformed
at every read. These prefixes name one module each wherever they are used, so
:func:`declared_prefixes` declares the ones a document uses and declares nowhere on its
root element, with the module's namespace, as feed readers take them.
"""

from __future__ import annotations

import re

from summaries.sources._entities import NOT_TEXT

_MODULES = {
    b"content": b"http://purl.org/rss/1.0/modules/content/",
    b"dc": b"http://purl.org/dc/elements/1.1/",
    b"dcterms": b"http://purl.org/dc/terms/",
    b"media": b"http://search.yahoo.com/mrss/",
    b"itunes": b"http://www.itunes.com/dtds/podcast-1.0.dtd",
    b"atom": b"http://www.w3.org/2005/Atom",
    b"slash": b"http://purl.org/rss/1.0/modules/slash/",
    b"wfw": b"http://wellformedweb.org/CommentAPI/",
    b"sy": b"http://purl.org/rss/1.0/modules/syndication/",
    b"georss": b"http://www.georss.org/georss",
}
_USED = re.compile(rb"</?([A-Za-z]+):[A-Za-z]")  # an element's prefix
_START = re.compile(rb"<[A-Za-z][\w:.-]*")  # an element's start
_REST_OF_TAG = re.compile(rb"(?:\"[^\"]*\"|'[^']*'|[^>\"'])*")  # its attributes


def declared_prefixes(body: bytes) -> bytes:
    """``body`` with the modules' prefixes it uses undeclared declared on its root."""
    if b"\x00" in body[:4]:  # UTF-16 or UTF-32: such a feed is written by hand, not so
        return body
    used = {found[1] for found in _USED.finditer(body)} & _MODULES.keys()
    root = _root(body) if used else None
    if root is None:
        return body
    # declared on the root, a prefix reaches every element; on one entry, that one only
    attributes = _REST_OF_TAG.match(body, root.end())
    missing = sorted(
        p for p in used if not re.search(rb"xmlns:%s\s*=" % p, attributes[0] if attributes else b"")
    )
    if not missing:
        return body
    declarations = b"".join(b' xmlns:%s="%s"' % (name, _MODULES[name]) for name in missing)
    return body[: root.end()] + declarations + body[root.end() :]


def _root(body: bytes) -> re.Match[bytes] | None:
    """The root element's start (its name), past the comments, declarations and
    processing instructions before it."""
    done = 0
    for found in NOT_TEXT.finditer(body):
        start = _START.search(body, done, found.start())
        if start is not None:
            return start
        done = found.end()
    return _START.search(body, done)
