"""A reply as its platform shows it, for the dashboard's digest preview.

The reply goes through the platform's own renderer (``bot.discord.render``,
``bot.slack.render``, the console's plain text), exactly as a post does; what comes out
(Discord's markdown, Slack's mrkdwn) is then read back into plain pieces of text (bold,
small, linked) that the templates show, escaped. Nothing here makes HTML: a headline
full of markup is text from start to end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from html import unescape

from bot.discord.render import ERROR_COLOUR
from bot.discord.render import render as render_discord
from bot.replies import Reply
from bot.slack.render import render as render_slack
from bot.text import web_url

PLATFORMS = ("discord", "slack", "console")
_ASCII_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
_WORD_CHAR = re.compile(r"[^\W_]")
_SLACK_TOKEN = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>|\*")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text; ``link`` is an http(s) address when it is linked."""

    text: str
    bold: bool = False
    link: str | None = None


Line = list[Piece]


@dataclass
class Embed:
    title: Line
    url: str | None
    description: list[Line]
    footer: str
    timestamp: datetime | None
    error: bool = False


@dataclass
class DiscordMessage:
    content: list[tuple[bool, Line]] = field(default_factory=list)  # (small "-#" line, text)
    embeds: list[Embed] = field(default_factory=list)


@dataclass
class SlackBlock:
    kind: str  # "header" | "section" | "context"
    lines: list[Line]


def discord_messages(reply: Reply) -> list[DiscordMessage]:
    """The messages Discord would show for ``reply``."""
    shown = []
    for message in render_discord(reply):
        view = DiscordMessage()
        for line in message.content.splitlines():
            small = line.startswith("-# ")
            view.content.append((small, discord_line(line[3:] if small else line)))
        for embed in message.embeds:
            description = embed.description or ""
            view.embeds.append(
                Embed(
                    title=discord_line(embed.title or ""),
                    url=web_url(embed.url),
                    description=[discord_line(line) for line in description.splitlines()],
                    footer=discord_plain(embed.footer.text or ""),
                    timestamp=embed.timestamp,
                    error=embed.colour == ERROR_COLOUR,
                )
            )
        shown.append(view)
    return shown


def discord_line(text: str) -> Line:
    """One line of Discord markdown as Discord shows it: ``**bold**``, and ``\\*`` as *."""
    pieces: Line = []
    current, bold, index = "", False, 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and _ASCII_PUNCTUATION.match(text[index + 1]):
            current += text[index + 1]
            index += 2
            continue
        if text.startswith("**", index):
            if current:
                pieces.append(Piece(current, bold))
            current, bold = "", not bold
            index += 2
            continue
        current += char
        index += 1
    if current:
        pieces.append(Piece(current, bold))
    return pieces


def discord_plain(text: str) -> str:
    return "".join(piece.text for piece in discord_line(text))


def slack_messages(reply: Reply) -> list[list[SlackBlock]]:
    """The messages Slack would show for ``reply``: its blocks, read back."""
    shown = []
    for message in render_slack(reply):
        blocks = []
        for block in message.blocks:
            kind = block["type"]
            if kind == "header":
                blocks.append(SlackBlock("header", [[Piece(block["text"]["text"])]]))
            elif kind == "section":
                lines = block["text"]["text"].splitlines()
                blocks.append(SlackBlock("section", [slack_line(line) for line in lines]))
            elif kind == "context":
                texts = [element["text"] for element in block["elements"]]
                pieces = [piece for text in texts for piece in [*slack_line(text), Piece("  ")]]
                blocks.append(SlackBlock("context", [pieces[:-1]]))
        shown.append(blocks)
    return shown


def slack_line(text: str) -> Line:
    """One line of Slack mrkdwn: ``<url|label>`` links, ``<!date^…|fallback>`` dates,
    ``*bold*``, and ``&lt;`` ``&gt;`` ``&amp;`` as the characters they stand for. A ``*``
    inside a word, or one left without a partner, is text (Slack bolds nothing with it)."""
    pieces: Line = []
    bold, start = False, 0
    tokens = [found for found in _SLACK_TOKEN.finditer(text) if not _literal_star(text, found)]
    stars = [found for found in tokens if found.group(0) == "*"]
    if len(stars) % 2:
        tokens.remove(stars[-1])
    for found in tokens:
        if found.start() > start:
            pieces.append(Piece(unescape(text[start : found.start()]), bold))
        start = found.end()
        if found.group(0) == "*":
            bold = not bold
            continue
        target, label = found.group(1), found.group(2)
        if target.startswith("!"):  # a date: its fallback text
            pieces.append(Piece(unescape(label or ""), bold))
            continue
        link = web_url(unescape(target))
        pieces.append(Piece(unescape(label if label is not None else target), bold, link))
    if start < len(text):
        pieces.append(Piece(unescape(text[start:]), bold))
    return [piece for piece in pieces if piece.text]


def _literal_star(text: str, found: re.Match[str]) -> bool:
    """Whether ``found`` is a ``*`` between two letters or digits, which formats nothing."""
    at = found.start()
    if found.group(0) != "*" or at == 0 or at + 1 >= len(text):
        return False
    return _WORD_CHAR.match(text[at - 1]) is not None and _WORD_CHAR.match(text[at + 1]) is not None


def plain_text(reply: Reply) -> str:
    """What the console prints."""
    from bot.console import render

    return render(reply)
