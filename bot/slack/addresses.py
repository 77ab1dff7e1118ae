"""Web addresses in text the bot shows on Slack, found so they can be shown exactly as
written.

mrkdwn has no escape for its formatting marks, so text the bot did not write has the
marks that could pair put as look-alikes (``bot.slack.text``). Inside an address that
would break it: ``https://x.example/_private_/a`` copied from the message would hold
``ˍprivateˍ``. Slack itself never formats inside a link: what a person types as an
address reaches apps as ``<https://…>``, and ``<…>`` is read as a link before any
formatting. Our blocks are ``verbatim`` (Slack adds no links of its own), so the bot puts
each address it finds in ``<…>`` itself: shown as written, its marks untouched, and
clickable.

An address starts with ``http://`` or ``https://`` and runs to a space, ``<``, ``>``,
``|``, ``"`` or an ellipsis. As in GitHub's autolinks, punctuation that ends a sentence
(``.,;:!?'``) and a closing bracket with no opening one inside the address are not part
of it, nor is a formatting mark that closes one put right before it (``*https://x*``).
One followed by an ellipsis was cut short and is not linked; nor is one that is not a
valid web address or whose link would be longer than ``MAX_LINK``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot import text as shared

MAX_LINK = 1500  # characters of a link's escaped address; longer ones are shown unlinked
_ADDRESS = re.compile(r"(?<![\w/.-])https?://[^\s<>|\"…]+", re.IGNORECASE)
_ENDS_SENTENCE = ".,;:!?'"
_CLOSING = {")": "(", "]": "[", "}": "{"}
_MARKS = "*_~`"
_CUT = "…"


@dataclass(frozen=True, slots=True)
class Address:
    """``text[start:end]`` is an address; ``target`` is it made safe to link (ASCII)."""

    start: int
    end: int
    target: str


def find_addresses(text: str) -> list[Address]:
    """The web addresses in ``text``, in order."""
    found: list[Address] = []
    for match in _ADDRESS.finditer(text):
        start, end = match.start(), _trimmed_end(text, match.start(), match.end())
        if text.startswith(_CUT, end):
            continue
        target = shared.web_url(text[start:end])
        if target is None or len(escape_link(target)) > MAX_LINK:
            continue
        found.append(Address(start, end, target))
    return found


def escape_link(target: str) -> str:
    """An address as it goes inside ``<…>``: only ``&``, ``<`` and ``>`` as entities
    (a safe target has no ``<`` or ``>``, so just ``&``)."""
    return target.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start:
        last = text[end - 1]
        if last in _ENDS_SENTENCE:
            end -= 1
        elif last in _CLOSING and text.count(last, start, end) > text.count(
            _CLOSING[last], start, end
        ):
            end -= 1
        elif last in _MARKS and start > 0 and text[start - 1] == last:
            end -= 1
        else:
            break
    return end
