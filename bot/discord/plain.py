"""A Reply as one plain-text Discord message, for a channel where the bot may not embed.

Without the Embed Links permission Discord refuses a message of embeds (403) and drops
the embeds of a message that also has text; a command's answer is then sent as this
instead: the same title, prose, list, stories and footer as markdown text, escaped as
the embeds are, within the 2,000 characters of a message, ending with a short line that
says the bot needs Embed Links there. Links are in ``<>``, so they show no preview.

What does not fit is left out from the end: whole lines while they fit, then a last
line of prose cut at a word; never a cut through markup, and no headline without some
of its briefing.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.discord.render import (
    CONTENT,
    bold_title,
    briefing_text,
    clip,
    escape,
    headline,
    safe_url,
    sources_text,
    units,
)
from bot.replies import Reply, ReplyItem

NEEDS_EMBED_LINKS = "-# I need the Embed Links permission in this channel to show answers in full."
MIN_CUT = 60  # a last line of prose is cut to fit only when this much room is left


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    prose: bool = False  # plain escaped text, which may be cut at a word
    # Room the next line needs for this one to be kept: a headline is kept only with
    # some of its briefing (the whole of it, when shorter than a cut would be).
    keep_with: int = 0
    story_id: int | None = None  # a story's headline: the story shows when this is kept


def plain_text(reply: Reply, limit: int = CONTENT) -> str:
    """``reply`` as the text of one message of at most ``limit`` units (Discord's)."""
    return plain_message(reply, limit)[0]


def plain_message(reply: Reply, limit: int = CONTENT) -> tuple[str, tuple[int, ...]]:
    """``plain_text`` and the ids of the stories it shows (those that fit)."""
    room = limit - units(NEEDS_EMBED_LINKS) - 1  # the note on a line of its own
    kept: list[str] = []
    shown: list[int] = []
    used = 0
    for line in _lines(reply):
        cost = units(line.text) + (1 if kept else 0)
        wanted = cost + (1 + line.keep_with if line.keep_with else 0)
        if used + wanted <= room:
            kept.append(line.text)
            used += cost
            if line.story_id is not None:
                shown.append(line.story_id)
            continue
        left = room - used - (1 if kept else 0)
        if line.prose and left >= MIN_CUT:
            kept.append(clip(line.text, left))
        break
    return "\n".join([*kept, NEEDS_EMBED_LINKS]), tuple(shown)


def _lines(reply: Reply) -> list[_Line]:
    lines: list[_Line] = []
    title = bold_title(reply)
    if title:
        lines.append(_Line(title))
    if reply.text.strip():
        lines += [_Line(escape(part), prose=True) for part in reply.text.strip().splitlines()]
    lines += [_Line(f"• {escape(line.strip())}", prose=True) for line in reply.lines if line]
    for number, item in enumerate(reply.items, start=1):
        lines += _item_lines(number, item)
    if reply.footer.strip():
        lines.append(_Line(f"-# {escape(reply.footer.strip())}", prose=True))
    return [line for line in lines if line.text.strip()]


def _item_lines(number: int, item: ReplyItem) -> list[_Line]:
    """A story: its numbered headline (and link), its briefing, its outlets."""
    url = safe_url(item.url)
    briefing = briefing_text(item.attributed, CONTENT)
    link = f" <{url}>" if url else ""
    keep_with = min(MIN_CUT, units(briefing)) if briefing else 0
    headline_line = f"**{number}. {headline(item, links=True)}**{link}"
    lines = [_Line(headline_line, keep_with=keep_with, story_id=item.story_id)]
    if briefing:
        lines.append(_Line(briefing, prose=True))
    outlets = sources_text([escape(source) for source in item.sources])
    if outlets:
        lines.append(_Line(f"-# {outlets}"))
    return lines
