"""The first tags of a page: as much of its markup as extraction reads.

trafilatura's memory grows with the number of elements in a page (it copies the tree
more than once): about 80 MB per MB of dense markup, over 600 MB for a page of links near
``[fetch] max_bytes``, and as many seconds. An article page has a few thousand elements;
:func:`first_tags` cuts the markup after its first ``MAX_TAGS`` tags (comments and the
insides of scripts and styles are skipped, not counted), so reading one page costs tens of
megabytes at most, whatever it holds. The HTML parser closes what the cut leaves open.
"""

from __future__ import annotations

import re
from typing import TypeVar

MAX_TAGS = 10_000
_PATTERN = r"(<!--.*?(?:-->|\Z))|<(script|style)\b.*?(?:</\2\s*>|\Z)|<[A-Za-z]"
_IN_TEXT = re.compile(_PATTERN, re.DOTALL | re.IGNORECASE)
_IN_BYTES = re.compile(_PATTERN.encode("ascii"), re.DOTALL | re.IGNORECASE)

Markup = TypeVar("Markup", str, bytes)


def first_tags(markup: Markup, limit: int = MAX_TAGS) -> Markup:
    """``markup`` up to its ``limit``-th tag (bytes in an ASCII-compatible encoding, or text)."""
    pattern = _IN_BYTES if isinstance(markup, bytes) else _IN_TEXT
    count = 0
    for match in pattern.finditer(markup):
        if match.group(1) is None:
            count += 1
            if count > limit:
                return markup[: match.start()]
    return markup
