"""The feeds a web page names in its head: ``<link rel="alternate" type="application/rss+xml"
href="/rss">``, the way browsers and feed readers find a site's feed from its home page.

JSON Feeds are named ``application/feed+json``, or ``application/json`` as version 1 of the
spec had it; but WordPress names its REST API's JSON for every page that way too, so a link
of that type comes after those of every feed type: tried only when no real feed is named.

A blog's post names its comments feed too, often before the site's own ("Harbour Wire »
Port reopens Comments Feed", ``/port/comments/feed/``): a feed whose title or address
says it holds comments comes after the others of its kind, tried only when they fail.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from summaries.sources._markup import start_tags
from summaries.sources._media import FEED_JSON, FEED_XML, JSON, media_type

_HEAD_BYTES = 65_536  # a page names its feeds in its head
FEEDS_TRIED = 2  # feeds named by a page that are fetched to find one that reads
_FEED_TYPES = FEED_XML | {FEED_JSON}  # (JSON, a JSON Feed or any JSON at all: "maybe")
# A comments feed's word, whole, in a title's words or an address's parts ("comments",
# WordPress's "?feed=comments-rss2", Blogger's "/feeds/comments/default", "Kommentare",
# "commentaires"): not a word it begins ("Commentary", an outlet's opinion section)
_COMMENTS = re.compile(
    r"(?<![^\W\d_])(?:comments?|commentaires?|kommentare?|coment[aá]rios?|comentaris"
    r"|комментари[йияе]?)(?![^\W\d_])",
    re.IGNORECASE,
)


def named_feeds(body: bytes, base: str) -> list[str]:
    """The absolute http(s) addresses of the feeds the page at ``base`` names, in order
    (those that may be feeds last)."""
    found: list[str] = []
    maybe: list[str] = []
    comments: set[str] = set()
    for attributes in start_tags(body[:_HEAD_BYTES], b"link"):
        rels = attributes.get("rel", "").lower().split()
        kind = media_type(attributes.get("type"))
        href = attributes.get("href", "")
        if "alternate" not in rels or not href:
            continue
        listed = found if kind in _FEED_TYPES else maybe if kind == JSON else None
        address = urljoin(base, href)
        if listed is not None and urlsplit(address).scheme in ("http", "https"):
            listed.append(address)
            if _names_comments(attributes.get("title", ""), address):
                comments.add(address)
    ordered = [*sorted(found, key=comments.__contains__), *sorted(maybe, key=comments.__contains__)]
    return list(dict.fromkeys(ordered))


def _names_comments(title: str, address: str) -> bool:
    """Whether a feed's ``title`` or ``address`` (its path and query) says it holds comments."""
    parts = urlsplit(address)
    return any(_COMMENTS.search(text) for text in (title, parts.path, parts.query))
