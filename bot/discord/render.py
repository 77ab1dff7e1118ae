"""A Reply as Discord messages, never crossing one of Discord's limits.

Limits (counted as Discord counts, in UTF-16 code units): 2,000 characters of content;
per embed a 256-character title, 4,096 description, 25 fields, 2,048 footer; per
message 10 embeds and 6,000 characters over all its embeds. A story is one embed (its
headline linked to the article, its outlets in the footer, its time as the timestamp,
its briefing as the description); a reply with stories carries its title as content,
so a notification says what arrived. Everything from an article is escaped: markdown
and mentions show as typed text, and messages are sent with no mentions allowed, so
"@everyone" in a headline can never ping.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import discord

from bot import text as text_tools
from bot.discord.links import URL, escaped, plain_title, whole_links
from bot.replies import Reply, ReplyItem

CONTENT = 2000
TITLE = 256
DESCRIPTION = 4096
FOOTER = 2048
EMBEDS_PER_MESSAGE = 10
CHARS_PER_MESSAGE = 6000
SOURCES_FOOTER = 200  # a story's outlets, then "+N more"
REPLY_FOOTER = 1000  # with a full title and description, still under 6,000 a message
# A reply's line (``sources list``): a thousand units of words and one whole address as
# long as Discord links (a cut drops a link it goes through: "• feed …" would lose it).
LINE = 1000 + URL
PAGE_ITEMS = 3  # stories per page of an interactive reply

OK_COLOUR = discord.Colour(0x2B6CB0)
ERROR_COLOUR = discord.Colour(0xC53030)
NO_MENTIONS = discord.AllowedMentions.none()


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One message: content and embeds that Discord accepts as they are, and the ids of
    the stories it carries (so a poster knows what went out before a failure)."""

    content: str = ""
    embeds: tuple[discord.Embed, ...] = field(default_factory=tuple)
    story_ids: tuple[int, ...] = ()

    def send_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``send``/``edit`` of discord.py, pings turned off."""
        return {
            "content": self.content or None,
            "embeds": list(self.embeds),
            "allowed_mentions": NO_MENTIONS,
        }


# --- measuring and cutting ------------------------------------------------------------------


def units(text: str) -> int:
    """Length as Discord counts it (UTF-16 code units, like JavaScript)."""
    return text_tools.utf16_units(text)


def prefix(text: str, limit: int) -> str:
    """The longest start of ``text`` within ``limit`` units."""
    return text[: text_tools.reach(text, limit, units)]


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` units, at a word boundary where one is near, with "…"."""
    return text_tools.clip(text, limit, length=units, tidy=_unescaped_end)


def split_text(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` units, cut at lines, sentences or words."""
    return text_tools.split(text, limit, length=units, tidy=_unescaped_end)


def _unescaped_end(text: str) -> str:
    """Drop a link the cut goes through (``whole_links``), then a last backslash that would
    escape whatever follows (an odd run of them)."""
    text = whole_links(text)
    if (len(text) - len(text.rstrip("\\"))) % 2:
        return text[:-1]
    return text


def escape(text: str) -> str:
    """Article or user text shown as typed: no markdown, no live mentions, its web
    addresses as whole links (see ``bot.discord.links``)."""
    return escaped(text)


def safe_url(url: str | None) -> str | None:
    """An address Discord accepts as an embed link (http/https, ASCII: the host in IDNA,
    the rest percent-encoded), else None."""
    address = text_tools.web_url(url)
    return address if address is not None and units(address) <= URL else None


def embed_units(embed: discord.Embed) -> int:
    """What an embed counts towards the 6,000 characters of a message."""
    total = units(embed.title or "") + units(embed.description or "")
    total += units(embed.footer.text or "") + units(embed.author.name or "")
    return total + sum(units(f.name or "") + units(f.value or "") for f in embed.fields)


# --- pieces -----------------------------------------------------------------------------------


def story_embed(item: ReplyItem) -> discord.Embed:
    """One story: headline linked to the article, briefing, outlets and time."""
    embed = discord.Embed(
        title=headline(item),
        url=safe_url(item.url),
        description=briefing_text(item.attributed) or None,
        colour=OK_COLOUR,
        timestamp=item.published,
    )
    outlets = sources_text(item.sources)
    if outlets:
        embed.set_footer(text=outlets)
    return embed


def headline(item: ReplyItem, *, links: bool = False) -> str:
    """A story's headline as shown: in an embed's title (no links there), or with
    ``links`` in a message's text."""
    shown = escape(item.title.strip()) if links else plain_title(item.title.strip())
    return clip(shown or "Untitled story", TITLE)


def bold_title(reply: Reply) -> str:
    """A reply's title as the bold first line of a message's text ("" without one)."""
    return f"**{clip(escape(reply.title.strip()), TITLE)}**" if reply.title.strip() else ""


def briefing_text(sentences: Sequence[str], limit: int = DESCRIPTION) -> str:
    """Whole sentences while they fit; a first sentence too long for the limit is cut."""
    kept: list[str] = []
    used = 0
    for sentence in sentences:
        text = escape(" ".join(sentence.split()))
        if not text:
            continue
        cost = units(text) + (1 if kept else 0)
        if used + cost > limit - 2:  # room for " …"
            if not kept:
                return clip(text, limit)
            return " ".join(kept) + " …"
        kept.append(text)
        used += cost
    return " ".join(kept)


def sources_text(sources: Sequence[str]) -> str:
    """The outlets, as many as fit in a short footer, then "+N more"."""
    return text_tools.listing(
        sources, SOURCES_FOOTER, length=units, separator=" · ", more=" · +{n} more"
    )


def text_embeds(reply: Reply, *, titled: bool) -> list[discord.Embed]:
    """The reply's prose and lines as embeds: the first titled (when asked), the rest
    continuing, the footer on the last."""
    colour = ERROR_COLOUR if reply.error else OK_COLOUR
    body = escape(reply.text.strip()) if reply.text.strip() else ""
    lines = "\n".join(f"• {clip(escape(line.strip()), LINE)}" for line in reply.lines if line)
    full = "\n\n".join(part for part in (body, lines) if part)
    pieces = split_text(full, DESCRIPTION) if full else []
    shown = plain_title(reply.title.strip())
    title = clip(shown, TITLE) if titled and reply.title.strip() else None
    if not pieces and title is None and not reply.footer:
        return []
    embeds = [
        discord.Embed(title=title if n == 0 else None, description=piece, colour=colour)
        for n, piece in enumerate(pieces or [""])
    ]
    for embed in embeds:
        if not embed.description:
            embed.description = None
    if reply.footer.strip():
        embeds[-1].set_footer(text=clip(reply.footer.strip(), REPLY_FOOTER))
    if embed_units(embeds[0]) == 0 and not embeds[0].footer.text:
        embeds[0].description = "(nothing to show)"
    return embeds


def head_content(reply: Reply) -> str:
    """A reply with stories: its title, prose and footer as the message text."""
    title = bold_title(reply)
    footer = f"-# {clip(escape(reply.footer.strip()), 300)}" if reply.footer.strip() else ""
    fixed = units(title) + units(footer) + 2
    text = clip(escape(reply.text.strip()), CONTENT - fixed) if reply.text.strip() else ""
    return "\n".join(part for part in (title, text, footer) if part)


# --- whole replies ----------------------------------------------------------------------------


def render(reply: Reply) -> list[Outgoing]:
    """Every message of ``reply``, in order (a digest may need several)."""
    content, embeds, ids = _parts(reply)
    return pack(embeds, ids=ids, first_content=content)


def render_pages(reply: Reply, per_page: int = PAGE_ITEMS) -> list[Outgoing]:
    """``reply`` as pages of one message each, for an interactive answer with buttons.

    Stories go ``per_page`` to a page (fewer when they are long); every page repeats the
    title. A reply without stories is paged only when it does not fit one message.
    """
    content, embeds, ids = _parts(reply)
    if not reply.items:
        return pack(embeds, ids=ids, first_content=content)
    return pack(embeds, ids=ids, first_content=content, every_content=content, max_embeds=per_page)


def _parts(reply: Reply) -> tuple[str, list[discord.Embed], list[int | None]]:
    """The content, the embeds, and the story id of each embed (None: not a story)."""
    if not reply.items:
        embeds = text_embeds(reply, titled=True)
        return "", embeds, [None] * len(embeds)
    content = head_content(reply)
    prose = Reply(title="", lines=reply.lines)  # lines only: title, text, footer are content
    lines = text_embeds(prose, titled=False)
    ids = [None] * len(lines) + [item.story_id for item in reply.items]
    return content, [*lines, *map(story_embed, reply.items)], ids


def pack(
    embeds: Iterable[discord.Embed],
    *,
    ids: Iterable[int | None] = (),
    first_content: str = "",
    every_content: str = "",
    max_embeds: int = EMBEDS_PER_MESSAGE,
) -> list[Outgoing]:
    """Embeds into as few messages as the per-message limits allow, in order; ``ids`` are
    the embeds' story ids (None or missing: not a story)."""
    messages: list[Outgoing] = []
    current: list[discord.Embed] = []
    current_ids: list[int] = []
    used = 0
    story_ids = iter(ids)

    def flush() -> None:
        content = first_content if not messages else every_content
        messages.append(Outgoing(content, tuple(current), tuple(current_ids)))

    for embed in embeds:
        size = embed_units(embed)
        if current and (len(current) >= max_embeds or used + size > CHARS_PER_MESSAGE):
            flush()
            current, current_ids, used = [], [], 0
        current.append(embed)
        story_id = next(story_ids, None)
        if story_id is not None:
            current_ids.append(story_id)
        used += size
    if current or not messages:
        flush()
    if not messages[0].content and not messages[0].embeds:
        return [Outgoing(content="(nothing to show)")]
    return messages
