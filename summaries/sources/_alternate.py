"""The feeds a web page names in its head: ``<link rel="alternate" type="application/rss+xml"
href="/rss">``, the way browsers and feed readers find a site's feed from its home page."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from summaries.sources._markup import start_tags

_HEAD_BYTES = 65_536  # a page names its feeds in its head
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})


def named_feeds(body: bytes, base: str) -> list[str]:
    """The absolute http(s) addresses of the feeds the page at ``base`` names, in order."""
    found: list[str] = []
    for attributes in start_tags(body[:_HEAD_BYTES], b"link"):
        rels = attributes.get("rel", "").lower().split()
        kind = attributes.get("type", "").lower().split(";")[0].strip()
        href = attributes.get("href", "")
        if "alternate" not in rels or kind not in _FEED_TYPES or not href:
            continue
        address = urljoin(base, href)
        if urlsplit(address).scheme in ("http", "https") and address not in found:
            found.append(address)
    return found
