"""Text from articles and people as Discord shows it: markdown and mentions escaped, and
each web address as Discord's autolink ``<https://…>``.

discord.py's ``escape_markdown`` leaves what its own pattern takes for an address as it
is, and Discord's client then guesses where the address ends: it stops before a ``)``,
so ``https://en.example/wiki/Foo_(bar)`` opens a page that does not exist, and what
either takes for an address differently leaves its ``_`` or ``*`` to format the text
around it. ``escape_mentions`` puts a zero-width space in ``…/@here``, which then opens
another page. So, as on Slack (``bot.slack.text``), the bot finds the addresses itself
(``bot.addresses``: a sentence's full stop and a bracket the address does not open are
the text's) and puts each in ``<…>``: Discord links it whole, formats nothing inside,
and shows no preview. An address Discord would not take as a link (over ``URL``
characters) stays as text.

Embed titles show no links (the title's own link is the article), so there every mark
is escaped, an address's too (``plain_title``).

Discord also draws markup in angle brackets: ``<@123>`` and ``<@&4>`` as name pills (with
no ping allowed, and whatever the number), ``<#5>`` as a channel's link, ``</brief:6>`` as a
command, ``<t:1700000000:R>`` as a time in the reader's zone, ``<:name:7>`` as a server's
emoji. discord.py escapes only mentions of real ids; in article text each of these keeps
its ``<`` as an escaped character (``\\<#5>``), so it shows as typed. So does the start of
a line that Discord shows as a block of its own and discord.py leaves: a numbered list's
item (``2\\. Lower fees``), and a quote or a heading after spaces.

A cut (``clip``, ``split_text`` in ``bot.discord.render``) never leaves half a link: one
the cut goes through is dropped from that piece (``whole_links``) and, when the text is
split, starts the next.
"""

from __future__ import annotations

import re

import discord

from bot import text as text_tools
from bot.addresses import Address, find_addresses

URL = 2048  # Discord's limit for an address it links
# Where each link goes while the rest is escaped: private-use characters, which no
# escape touches and no text the bot shows holds (a digit in between tells them apart).
_HOLE = "\ue000{}\ue001"
_HOLES = re.compile("\ue000(\\d+)\ue001")
_OPEN_LINK = re.compile(r"<https?://[^\s<>]*$")
# The "<" of Discord's markup (see the module docstring), as it is after escape_markdown
# (which may have put a backslash before a "_" in an emoji's or a command's name).
_DISCORD_MARKUP = re.compile(
    r"<(?=(?:@[!&]?\d+|#\d+|a?:[\w\\]+:\d+|t:-?\d+(?::[A-Za-z])?|/[^<>\n]+:\d+|id:[\w:\\-]+)>)"
)
# A numbered list's item first on a line ("2. "), and a quote or heading after spaces.
_NUMBERED = re.compile(r"^( *\d+)\.(?=\s)", re.MULTILINE)
_INDENTED_BLOCK = re.compile(r"^( +)(?=[>#])", re.MULTILINE)


def escaped(text: str) -> str:
    """``text`` shown as typed in a message or an embed's description: no markdown, no
    live mentions, each web address as a whole link (see the module docstring)."""
    found = find_addresses(text, fits=_fits)
    if not found:
        return _escape(text)
    if "\ue000" in text:  # holds the bot's mark itself: escaped piece by piece
        return _pieces(text, found)
    links: list[str] = []
    holed: list[str] = []
    position = 0
    for address in found:
        holed.append(text[position : address.start])
        holed.append(_HOLE.format(len(links)))
        links.append(f"<{address.target}>")
        position = address.end
    holed.append(text[position:])
    return _HOLES.sub(lambda hole: links[int(hole.group(1))], _escape("".join(holed)))


def _pieces(text: str, found: list[Address]) -> str:
    shown: list[str] = []
    position = 0
    for address in found:
        shown += [_escape(text[position : address.start]), f"<{address.target}>"]
        position = address.end
    return "".join(shown) + _escape(text[position:])


def plain_title(text: str) -> str:
    """``text`` for an embed's title, where nothing links: every mark escaped."""
    return _escape_markup(
        discord.utils.escape_mentions(discord.utils.escape_markdown(text, ignore_links=False))
    )


def whole_links(text: str) -> str:
    """``text`` (escaped, the start of a longer one) without a link its end cuts open."""
    return _OPEN_LINK.sub("", text).rstrip()


def _escape(text: str) -> str:
    return _escape_markup(discord.utils.escape_mentions(discord.utils.escape_markdown(text)))


def _escape_markup(text: str) -> str:
    """``text`` (markdown escaped) with the ``<`` of Discord's markup and the starts of
    lines that Discord shows as blocks escaped too."""
    text = _NUMBERED.sub(r"\1\\.", _DISCORD_MARKUP.sub(r"\\<", text))
    return _INDENTED_BLOCK.sub(r"\1\\", text)


def _fits(target: str) -> bool:
    return text_tools.utf16_units(target) <= URL
