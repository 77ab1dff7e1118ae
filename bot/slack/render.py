"""A ``Reply`` as Slack Block Kit messages, within Slack's limits.

A header, the reply's prose and list as sections, a section per story (its headline as a
mrkdwn link, then its briefing) followed by a context line (sources and time), and the footer
as a context line. Limits: 50 blocks per message, 3,000 characters per section text and
context element, 150 per header, and about 12,000 characters of block text per message (past
it Slack answers ``msg_blocks_too_long``; undocumented, so we keep well below). What does not
fit in one message continues in the next; a story is never split between two. Every message
carries a plain-text fallback ``text`` for notifications and screen readers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlsplit

from bot.replies import Reply, ReplyItem
from bot.slack.text import chunks, cut, escape, fit, one_line

MAX_BLOCKS = 50
SECTION_LIMIT = 3000
HEADER_LIMIT = 150
CONTEXT_ELEMENTS = 10
MESSAGE_TEXT_BUDGET = 11_000
FALLBACK_LIMIT = 3000
HEADLINE_LIMIT = 300
URL_LIMIT = 1500  # longer addresses are shown unlinked, keeping a story's section in bounds
SOURCES_SHOWN = 8

Block = dict[str, Any]


@dataclass(frozen=True, slots=True)
class SlackMessage:
    """One message: ``text`` is the fallback (escaped), ``blocks`` the Block Kit layout."""

    text: str
    blocks: tuple[Block, ...]

    def as_arguments(self) -> dict[str, Any]:
        """Keyword arguments for chat.postMessage / respond()."""
        return {"text": self.text, "blocks": list(self.blocks)}


def render(reply: Reply) -> list[SlackMessage]:
    """``reply`` as one or more messages, in order."""
    units = list(_units(reply))
    messages: list[SlackMessage] = []
    for index, group in enumerate(_pack(units)):
        blocks = tuple(block for unit in group for block in unit)
        messages.append(SlackMessage(_fallback(reply, continued=index > 0), blocks))
    return messages


def _units(reply: Reply) -> Iterator[list[Block]]:
    """Groups of blocks that stay together in one message."""
    if reply.error is not None:
        headline = f"*{fit(one_line(reply.title), HEADLINE_LIMIT)}*"
        room = SECTION_LIMIT - len(headline) - 1
        pieces = chunks(reply.text, room) if reply.text.strip() else []
        yield [section(f"{headline}\n{pieces[0]}" if pieces else headline)]
        for piece in pieces[1:]:
            yield [section(piece)]
        yield from _lines_and_footer(reply)
        return
    if reply.title.strip():
        yield [header(reply.title)]
    for piece in chunks(reply.text, SECTION_LIMIT) if reply.text.strip() else []:
        yield [section(piece)]
    for item in reply.items:
        yield story_blocks(item)
    yield from _lines_and_footer(reply)


def _lines_and_footer(reply: Reply) -> Iterator[list[Block]]:
    for piece in _line_sections(reply.lines):
        yield [section(piece)]
    if reply.footer.strip():
        yield [context([fit(reply.footer.strip(), SECTION_LIMIT)])]


def _line_sections(lines: Iterable[str]) -> Iterator[str]:
    """A bulleted list, as few section texts as fit."""
    current = ""
    for line in lines:
        for piece in chunks(f"• {one_line(line)}", SECTION_LIMIT):
            if current and len(current) + 1 + len(piece) > SECTION_LIMIT:
                yield current
                current = ""
            current = f"{current}\n{piece}" if current else piece
    if current:
        yield current


def story_blocks(item: ReplyItem) -> list[Block]:
    """A section (linked headline, briefing) and a context line (sources, time)."""
    headline = f"*{link(item.url, item.title)}*"
    text = headline
    for sentence in item.briefing:
        room = SECTION_LIMIT - len(text) - 1
        if room < 40:
            break
        piece = fit(one_line(sentence), room)
        text = f"{text}\n{piece}" if text == headline else f"{text} {piece}"
        if piece.endswith("…") and not sentence.rstrip().endswith("…"):
            break
    blocks = [section(text)]
    details = _details(item)
    if details:
        blocks.append(context(details))
    return blocks


def link(url: str | None, title: str) -> str:
    """An escaped headline, linked to ``url`` when it is an http(s) address."""
    label = fit(one_line(title) or (url or "Untitled"), HEADLINE_LIMIT)
    safe = safe_url(url)
    return f"<{safe}|{label}>" if safe else label


def safe_url(url: str | None) -> str | None:
    """``url`` ready to sit inside ``<…|…>``: http(s) only, with the characters that would end
    the link (``|``, ``<``, ``>``, spaces) percent-encoded and ``&`` escaped; None otherwise."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    escaped = escape(quote(url.strip(), safe="/:?#[]@!$&'()*+,;=%~-._"))
    return escaped if len(escaped) <= URL_LIMIT else None


def _details(item: ReplyItem) -> list[str]:
    parts: list[str] = []
    if item.sources:
        shown = ", ".join(one_line(source) for source in item.sources[:SOURCES_SHOWN])
        more = len(item.sources) - SOURCES_SHOWN
        parts.append(fit(shown + (f" and {more} more" if more > 0 else ""), 1000))
    if item.published is not None:
        parts.append(slack_time(item.published))
    return parts


def slack_time(moment: datetime) -> str:
    """A time each reader sees in their own time zone (Slack's date formatting)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    fallback = aware.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{int(aware.timestamp())}^{{date_short_pretty}} {{time}}|{fallback}>"


def header(title: str) -> Block:
    """A header. Its plain_text is never parsed for mentions or links, so it is not escaped."""
    text = cut(one_line(title), HEADER_LIMIT) or "Briefing"
    return {"type": "header", "text": {"type": "plain_text", "text": text, "emoji": True}}


def section(mrkdwn: str) -> Block:
    """A section of already escaped mrkdwn; ``verbatim`` so Slack adds no links of its own."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn, "verbatim": True}}


def context(elements: list[str]) -> Block:
    return {
        "type": "context",
        "elements": [
            {"type": "mrkdwn", "text": element, "verbatim": True}
            for element in elements[:CONTEXT_ELEMENTS]
        ],
    }


def _pack(units: list[list[Block]]) -> Iterator[list[list[Block]]]:
    """Units into messages of at most MAX_BLOCKS blocks and MESSAGE_TEXT_BUDGET characters."""
    group: list[list[Block]] = []
    blocks = size = 0
    for unit in units:
        unit_size = sum(_text_size(block) for block in unit)
        if group and (blocks + len(unit) > MAX_BLOCKS or size + unit_size > MESSAGE_TEXT_BUDGET):
            yield group
            group, blocks, size = [], 0, 0
        group.append(unit)
        blocks += len(unit)
        size += unit_size
    if group:
        yield group


def _text_size(block: Block) -> int:
    if "text" in block:
        return len(block["text"]["text"])
    return sum(len(element["text"]) for element in block.get("elements", []))


def _fallback(reply: Reply, *, continued: bool) -> str:
    """Plain text for notifications: the title, then the prose or the headlines."""
    title = one_line(reply.title) or "Briefing"
    if continued:
        return fit(f"{title} (continued)", FALLBACK_LIMIT)
    body = reply.text.strip() or "; ".join(one_line(item.title) for item in reply.items)
    if not body and reply.lines:
        body = "; ".join(one_line(line) for line in reply.lines)
    return fit(f"{title}: {one_line(body)}" if body else title, FALLBACK_LIMIT)
