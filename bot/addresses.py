"""Web addresses in text the bot shows, found so each platform can show them exactly as
written: Slack puts each in ``<…>``, its link (``bot.slack.text``), Discord in ``<…>``, its
autolink (``bot.discord.links``). Inside either nothing is formatted, so an address's
``_`` or ``*`` needs no escape (one would break it: ``https://x.example/_private_/a``
copied from the message would hold look-alikes or backslashes), and the link is the
address, not what a client's own guess of where it ends makes of it.

An address starts with ``http://`` or ``https://`` (after anything but an ASCII letter,
digit or ``_/.-``: CJK text puts no space before one) and runs to a space, ``<``, ``>``,
``|``, ``"``, an ellipsis, or punctuation that is not ASCII other than a dash or ``·``:
quotes (“…” «…» 「…」), brackets (（…）) and CJK marks (。、) around an address are the
text's, as no address holds them unencoded (the dash of ``Israel–Hamas_war`` and the ``·``
of Catalan's ``Col·legi`` are letters of a word). As in GitHub's autolinks, punctuation
that ends a sentence (``.,;:!?'``) and a closing bracket with no opening one inside the
address are not part of it, nor is a formatting mark that closes one put right before it
(``*https://x*``). One followed by an ellipsis, or at an end of a text that was cut
inside a word (see ``find_addresses``), was cut short and is not linked; nor is one that is not a
valid web address (``bot.text.web_url``) or whose link the platform would not take (``fits``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from bot import text as shared

_ADDRESS = re.compile(r"(?<![A-Za-z0-9_/.-])https?://[^\s<>|\"…]+", re.IGNORECASE)
_TEXT_PUNCTUATION = frozenset(("Ps", "Pe", "Pi", "Pf", "Po"))  # not Pd (dashes), Pc
_WORD_PUNCTUATION = "\u00b7"  # the middle dot inside Catalan words (l·l)
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


def find_addresses(
    text: str,
    *,
    starts_cut: bool = False,
    ends_cut: bool = False,
    fits: Callable[[str], bool] = lambda target: True,
) -> list[Address]:
    """The web addresses in ``text``, in order, each whose safe form ``fits`` the
    platform's links. ``text`` may be a piece of a longer one cut inside a word: at its
    start (``starts_cut``), its first word may be the end of an address or hold one that
    the whole word does not; at its end (``ends_cut``), an address running to it is not
    whole. Neither is linked."""
    found: list[Address] = []
    position = 0
    first_word = len(text.split(maxsplit=1)[0]) if starts_cut and text.strip() else 0
    while match := _ADDRESS.search(text, position):
        start = match.start()
        position = end = start + _end_of_address(match.group())
        if text.startswith(_CUT, end) or (ends_cut and end == len(text)) or start < first_word:
            continue
        end = _trimmed_end(text, start, end)
        target = shared.web_url(text[start:end])
        if target is None or not fits(target):
            continue
        found.append(Address(start, end, target))
    return found


def written_address(text: str) -> int:
    """Where the first thing written as a web address in ``text`` starts (its length
    when there is none), linked or not."""
    match = _ADDRESS.search(text)
    return match.start() if match else len(text)


def _end_of_address(candidate: str) -> int:
    """Where ``candidate`` stops being an address: at the first punctuation that is not
    ASCII, save a dash or a letter's mark (see the module docstring)."""
    for index, char in enumerate(candidate):
        if (
            not char.isascii()
            and char not in _WORD_PUNCTUATION
            and unicodedata.category(char) in _TEXT_PUNCTUATION
        ):
            return index
    return len(candidate)


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
