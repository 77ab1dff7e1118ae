"""A page that sends its reader on at once: ``<meta http-equiv="refresh" content="0;url=...">``.

Link shorteners, consent walls and moved articles answer with such a page instead of an
HTTP redirect, and a browser goes straight on to the address it names. A refresh after a
longer wait is a page that reloads itself (a live blog, a front page), not a move, and is
read where it is; so is a page whose refresh is only for browsers without scripts.
"""

from __future__ import annotations

import html
import re

_HEAD_BYTES = 16_384  # a refresh that moves a page comes in its head
_MAX_DELAY = 5.0  # seconds: a page that waits longer is read, not left
_META = re.compile(rb"<meta\s[^>]*>", re.I)
# A refresh inside <noscript> is for browsers without scripts ("?nojs=1"); ours reads the
# page as it is.
_NOSCRIPT = re.compile(rb"<noscript\b.*?(?:</noscript\s*>|$)", re.I | re.S)
_IS_REFRESH = re.compile(rb"""http-equiv\s*=\s*["']?\s*refresh\b""", re.I)
_CONTENT = re.compile(rb"""\scontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
# "0; url=/next", "0;URL='https://...'", "5, url=next" (a comma is seen in the wild)
_DELAY_AND_URL = re.compile(r"""\s*(\d+(?:\.\d*)?)\s*[;,]\s*(?:url\s*=\s*)?(.*)""", re.I | re.S)


def refresh_target(body: bytes) -> str | None:
    """The address an HTML page's head moves its reader on to at once, as written there
    (maybe relative), or None."""
    for tag in _META.findall(_NOSCRIPT.sub(b"", body[:_HEAD_BYTES])):
        if not _IS_REFRESH.search(tag):
            continue
        found = _CONTENT.search(tag)
        if found is None:
            return None
        raw = next(group for group in found.groups() if group is not None)
        value = html.unescape(raw.decode("utf-8", "replace"))
        parts = _DELAY_AND_URL.fullmatch(value)
        if parts is None or float(parts.group(1)) > _MAX_DELAY:
            return None
        target = parts.group(2).strip().strip("'\"").strip()
        return target or None
    return None
