"""A page that sends its reader on at once: ``<meta http-equiv="refresh" content="0;url=...">``.

Link shorteners, consent walls and moved articles answer with such a page instead of an
HTTP redirect, and a browser goes straight on to the address it names. A refresh after a
longer wait is a page that reloads itself (a live blog, a front page), not a move, and is
read where it is; so is a page whose refresh is only for browsers without scripts, or
inside a comment (an old Internet Explorer's conditional comment is one to any other browser).
"""

from __future__ import annotations

import re

from summaries.sources._markup import start_tags, without_comments

_HEAD_BYTES = 16_384  # a refresh that moves a page comes in its head
_MAX_DELAY = 5.0  # seconds: a page that waits longer is read, not left
# A refresh inside <noscript> is for browsers without scripts ("?nojs=1"); ours reads the
# page as it is. (One inside a comment, such as an old Internet Explorer's conditional
# comment telling it to leave, is no tag at all: see start_tags.)
_NOSCRIPT = re.compile(rb"<noscript\b.*?(?:</noscript\s*>|$)", re.I | re.S)
_REFRESH = re.compile(r"refresh\b", re.I)
# "0; url=/next", "0;URL='https://...'", "5, url=next" (a comma is seen in the wild)
_DELAY_AND_URL = re.compile(r"""\s*(\d+(?:\.\d*)?)\s*[;,]\s*(?:url\s*=\s*)?(.*)""", re.I | re.S)


def refresh_target(body: bytes) -> str | None:
    """The address an HTML page's head moves its reader on to at once, as written there
    (maybe relative), or None."""
    head = without_comments(body[:_HEAD_BYTES])  # first: "<noscript>" in one is no tag
    for attributes in start_tags(_NOSCRIPT.sub(b"", head), b"meta"):
        if not _REFRESH.match(attributes.get("http-equiv", "")):
            continue
        if "content" not in attributes:
            return None
        parts = _DELAY_AND_URL.fullmatch(attributes["content"])
        if parts is None or float(parts.group(1)) > _MAX_DELAY:
            return None
        target = parts.group(2).strip().strip("'\"").strip()
        return target or None
    return None
