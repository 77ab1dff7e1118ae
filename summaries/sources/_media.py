"""The media types of feeds, as servers label their answers and pages their feed links, and
how a label's bare type is read."""

from __future__ import annotations

FEED_JSON = "application/feed+json"  # JSON Feed's own media type (version 1.1)
JSON = "application/json"  # JSON at large, which version 1 of JSON Feed named
FEED_XML = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/x-rss+xml"}
)
XML = frozenset({"application/xml", "text/xml"})  # a feed, or any other XML


def media_type(label: str | None) -> str:
    """The media type a ``Content-Type`` header or a link's ``type`` names, in lower case
    and without its parameters ("text/html; charset=utf-8" -> "text/html"; "" for none)."""
    return (label or "").split(";", 1)[0].strip().lower()
