"""A page's JSON-LD scripts, read as sites write them.

Browsers never read JSON-LD and search engines forgive a lot, so sites send what strict
JSON refuses: line breaks and tabs inside strings, a byte order mark, the ``<!-- -->`` or
``<![CDATA[ ]]>`` wrapper of old inline scripts, a semicolon after the object, a comma
after the last member where a template's loop ended, two objects one after the other.
:func:`json_ld` reads through all of these; a script cut short or otherwise broken is
passed over, and so is one nested deeper than Python's reader follows.

A script may be as long as the page itself (a live blog states every update): each is
kept whole up to ``MAX_SCRIPT_BYTES``, all together up to ``MAX_SCRIPTS_BYTES``, before
the page is parsed (see :mod:`summaries.sources._markup`), and reading JSON costs little
next to extracting markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

_DECODER = json.JSONDecoder(strict=False)  # line breaks and tabs inside strings
_OPENING = re.compile(r"\A[\s\ufeff]*(?:<!--|(?://|/\*)?\s*<!\[CDATA\[(?:\s*\*/)?)?\s*")
_CLOSING = re.compile(r"\s*(?:-->|(?://|/\*)?\s*\]\]>(?:\s*\*/)?)?[\s;]*\Z")
# a string (kept as it is) or a comma that only a closing bracket follows (dropped)
_STRING_OR_LAST_COMMA = re.compile(r'("(?:[^"\\]|\\.)*")|,(?=\s*[}\]])', re.DOTALL)
_BETWEEN = re.compile(r"[\s;,]*")
_MAX_DEPTH = 8  # levels of lists, graphs and main entities followed
_TAIL = 256  # how far from its end a script's closing wrapper is looked for


def json_ld(tree: Any) -> Iterator[Any]:
    """The data of each JSON-LD script of the page (an lxml tree) that can be read."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower().split(";")[0].strip() != "application/ld+json":
            continue
        yield from parsed(script.text or "")


def top_objects(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """The objects ``data`` states at its top: itself, a list's items, an ``@graph``'s
    members, a web page's ``mainEntity``; never those nested in another object's fields (an
    ItemList's stories, a related story, the site an article is part of)."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from top_objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from top_objects(data.get("@graph"), depth + 1)
        yield from top_objects(data.get("mainEntity"), depth + 1)


def parsed(text: str) -> list[Any]:
    """The values a JSON-LD script's ``text`` holds, [] when it cannot be read."""
    text = text[_OPENING.match(text).end() :]  # type: ignore[union-attr]
    tail = len(text) - _TAIL
    closing = _CLOSING.search(text, max(tail, 0))
    inner = text[: closing.start()] if closing else text
    try:
        return _values(inner)
    except RecursionError:  # nested deeper than Python's reader follows
        return []
    except ValueError:  # a template's trailing commas, else broken
        pass
    try:
        return _values(_STRING_OR_LAST_COMMA.sub(lambda m: m.group(1) or "", inner))
    except (ValueError, RecursionError):
        return []


def _values(text: str) -> list[Any]:
    """Each JSON value in ``text``, one after another (semicolons or commas between)."""
    values = []
    position = 0
    while position < len(text):
        value, position = _DECODER.raw_decode(text, position)
        values.append(value)
        position = _BETWEEN.match(text, position).end()  # type: ignore[union-attr]
    return values
