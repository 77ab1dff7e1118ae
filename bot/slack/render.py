"""A ``Reply`` as Slack Block Kit messages, within Slack's limits.

A header, the reply's prose and list as sections, a section per story (its headline as a
mrkdwn link, then its briefing) followed by a context line (sources and time), and the footer
as a context line. Limits: 50 blocks per message, 3,000 characters per section text and
context element, 150 per header, and about 12,000 characters of block text per message (past
it Slack answers ``msg_blocks_too_long``; undocumented, so we keep well below). What does not
fit in one message continues in the next; a story is never split between two. Every message
carries a plain-text fallback ``text`` for notifications and screen readers, and the ids of
the stories it carries (so a poster knows what went out before a failure). A reply with
nothing in it is still one message, "(nothing to show)", so a command is always answered.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot import text as shared
from bot.replies import Reply, ReplyItem
from bot.slack.addresses import MAX_LINK, escape_link, written_address
from bot.slack.text import (
    SPAN,
    chunks,
    cut,
    escape,
    escaped_length,
    fit,
    one_line,
    show_marks,
    unquoted,
)

MAX_BLOCKS = 50
SECTION_LIMIT = 3000
HEADER_LIMIT = 150
CONTEXT_ELEMENTS = 10
MESSAGE_TEXT_BUDGET = 11_000
FALLBACK_LIMIT = 3000
HEADLINE_LIMIT = 300
SOURCES_LIMIT = 300  # a story's outlets, then "and N more"
NOTHING = "(nothing to show)"

Block = dict[str, Any]


@dataclass(frozen=True, slots=True)
class SlackMessage:
    """One message: ``text`` is the fallback (escaped), ``blocks`` the Block Kit layout."""

    text: str
    blocks: tuple[Block, ...]
    story_ids: tuple[int, ...] = ()

    def as_arguments(self) -> dict[str, Any]:
        """Keyword arguments for chat.postMessage / respond()."""
        return {"text": self.text, "blocks": list(self.blocks)}


def render(reply: Reply) -> list[SlackMessage]:
    """``reply`` as one or more messages, in order."""
    units = list(_units(reply)) or [Unit([section(NOTHING)])]
    messages: list[SlackMessage] = []
    for index, group in enumerate(_pack(units)):
        blocks = tuple(block for unit in group for block in unit.blocks)
        ids = tuple(unit.story_id for unit in group if unit.story_id is not None)
        messages.append(SlackMessage(_fallback(reply, continued=index > 0), blocks, ids))
    return messages


@dataclass(frozen=True, slots=True)
class Unit:
    """Blocks that stay together in one message; a story's carry its id."""

    blocks: list[Block]
    story_id: int | None = None


def _units(reply: Reply) -> Iterator[Unit]:
    if reply.error is not None:
        title = one_line(reply.title)
        headline = f"*{fit(title, HEADLINE_LIMIT, within=True)}*" if title else ""
        room = SECTION_LIMIT - len(headline) - 1
        pieces = chunks(reply.text, room) if reply.text.strip() else []
        first = "\n".join(part for part in (headline, pieces[0] if pieces else "") if part)
        if first:
            yield Unit([section(first)])
        for piece in pieces[1:]:
            yield Unit([section(piece)])
        yield from _lines_and_footer(reply)
        return
    if reply.title.strip():
        yield Unit([header(reply.title)])
    for piece in chunks(reply.text, SECTION_LIMIT) if reply.text.strip() else []:
        yield Unit([section(piece)])
    for item in reply.items:
        yield Unit(story_blocks(item), item.story_id)
    yield from _lines_and_footer(reply)


def _lines_and_footer(reply: Reply) -> Iterator[Unit]:
    for piece in _line_sections(reply.lines):
        yield Unit([section(piece)])
    if reply.footer.strip():
        yield Unit([context([fit(reply.footer.strip(), SECTION_LIMIT)])])


def _line_sections(lines: Iterable[str]) -> Iterator[str]:
    """A bulleted list, as few section texts as fit."""
    current = ""
    for line in lines:
        for piece in chunks(f"• {one_line(line)}", SECTION_LIMIT):
            if current and len(current) + 1 + len(piece) > SECTION_LIMIT:
                yield show_marks(current)
                current = ""
            current = f"{current}\n{piece}" if current else piece
    if current:
        yield show_marks(current)


def story_blocks(item: ReplyItem) -> list[Block]:
    """A section (linked headline, briefing) and a context line (sources, time)."""
    headline = f"*{link(item.url, item.title)}*"
    briefing = ""
    for sentence in item.attributed:
        room = SECTION_LIMIT - len(headline) - 1 - len(briefing) - (1 if briefing else 0)
        if room < 40:
            break
        piece = fit(one_line(sentence), room)
        briefing = f"{briefing} {piece}" if briefing else piece
        if piece.endswith("…") and not sentence.rstrip().endswith("…"):
            break
    # the sentences share a line, where marks from two of them could pair
    blocks = [section(f"{headline}\n{show_marks(briefing)}" if briefing else headline)]
    details = _details(item)
    if details:
        blocks.append(context(details))
    return blocks


def link(url: str | None, title: str) -> str:
    """An escaped headline, linked to ``url`` when it is an http(s) address.

    A web address in the title is its own link, shown exactly as written (a link's
    label cannot hold another link); the title's first run of words links to the article
    and the rest is text. A title of addresses alone is followed by the article's own
    address, and no title at all is that address."""
    safe = safe_url(url)
    label = fit(one_line(title) or ("" if safe else url or "Untitled"), HEADLINE_LIMIT, within=True)
    if not safe:
        return label
    pieces = SPAN.split(label)  # words at even places, the title's own links at odd ones
    for index in range(0, len(pieces), 2):
        piece = pieces[index]
        core = piece.strip()
        # words up to an address shown unlinked (its link too long to fit): never a label
        # that reads as one address and opens another
        words = core[: written_address(core)].rstrip()
        if words:
            start = piece.index(words)
            pieces[index] = f"{piece[:start]}<{safe}|{words}>{piece[start + len(words) :]}"
            return "".join(pieces)
    own = f"<{safe}>"
    return f"{label} {own}" if label and own not in pieces else own


def safe_url(url: str | None) -> str | None:
    """``url`` ready to sit inside ``<…|…>``: http(s) only, the host in IDNA, the characters
    that would end the link (``|``, ``<``, ``>``, spaces) and non-ASCII ones percent-encoded
    and ``&`` escaped; None otherwise."""
    address = shared.web_url(url)
    if address is None:
        return None
    escaped = escape_link(address)
    return escaped if len(escaped) <= MAX_LINK else None


def _details(item: ReplyItem) -> list[str]:
    parts: list[str] = []
    outlets = shared.listing(
        item.sources, SOURCES_LIMIT, length=escaped_length, more=" and {n} more"
    )
    if outlets:
        parts.append(escape(outlets))
    if item.published is not None:
        parts.append(slack_time(item.published))
    return parts


def slack_time(moment: datetime) -> str:
    """A time each reader sees in their own time zone (Slack's date formatting)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    fallback = aware.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{int(aware.timestamp())}^{{date_short_pretty}} {{time}}|{fallback}>"


def header(title: str) -> Block:
    """A header. Its plain_text is never parsed for mentions or links, so it is not escaped;
    ``emoji`` off, so a ":fire:" in it (an article's title) shows as typed."""
    text = cut(one_line(title), HEADER_LIMIT) or "Briefing"
    return {"type": "header", "text": {"type": "plain_text", "text": text, "emoji": False}}


def section(mrkdwn: str) -> Block:
    """A section of already escaped mrkdwn; ``verbatim`` so Slack adds no links of its own,
    and no line of it a block quote (``unquoted``)."""
    text = {"type": "mrkdwn", "text": unquoted(mrkdwn), "verbatim": True}
    return {"type": "section", "text": text}


def context(elements: list[str]) -> Block:
    return {
        "type": "context",
        "elements": [
            {"type": "mrkdwn", "text": unquoted(element), "verbatim": True}
            for element in elements[:CONTEXT_ELEMENTS]
        ],
    }


def _pack(units: list[Unit]) -> Iterator[list[Unit]]:
    """Units into messages of at most MAX_BLOCKS blocks and MESSAGE_TEXT_BUDGET characters."""
    group: list[Unit] = []
    blocks = size = 0
    for unit in units:
        count = len(unit.blocks)
        unit_size = sum(_text_size(block) for block in unit.blocks)
        if group and (blocks + count > MAX_BLOCKS or size + unit_size > MESSAGE_TEXT_BUDGET):
            yield group
            group, blocks, size = [], 0, 0
        group.append(unit)
        blocks += count
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
