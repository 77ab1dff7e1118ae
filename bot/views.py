"""Core objects as replies: a stored story as a ReplyItem, a digest as a Reply.

Shared by the commands (``brief``, ``digest``) and the delivery of scheduled digests,
so a story looks the same wherever it appears.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.replies import Reply, ReplyItem
from summaries.models import Digest, Story

WHEN_EMPTY = ("skip", "announce")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def story_item(story: Story) -> ReplyItem:
    """The story: its lead article's headline, link and time, every outlet, its briefing.

    ``url`` is the first web (http/https) address among the story's articles: a chat
    platform cannot link to a local file, so a story read from a folder has none. The
    briefing is the story's own, made at ingest from all its outlets, each sentence with
    its outlet when it quotes more than one; else the lead article's.
    """
    lead = story.lead
    url = next((a.url for a in story.articles if _is_web(a.url)), None)
    briefing = tuple(lead.briefing)
    attributions: tuple[str, ...] = ()
    if story.briefing:
        briefing = tuple(s.text for s in story.briefing)
        outlets = tuple(s.source or "" for s in story.briefing)
        attributions = outlets if len(set(outlets)) > 1 else ()
    return ReplyItem(
        title=lead.title or "(untitled)",
        url=url,
        sources=story.sources,
        published=lead.published or lead.fetched,
        briefing=briefing,
        story_id=story.id,
        attributions=attributions,
    )


def digest_reply(
    digest: Digest,
    *,
    preview: bool = False,
    when_empty: str = "skip",
    timezone: str | tzinfo | None = None,
) -> Reply | None:
    """The digest as a reply: None when it is empty and ``when_empty`` is "skip".

    A preview is never None. The title's date is the period when that is a date (a
    scheduled digest's "2026-11-22", also when it is caught up after midnight), else the
    digest's end in ``timezone`` (the channel's; UTC when not given).
    """
    if when_empty not in WHEN_EMPTY:
        raise ValueError(f"when_empty must be one of {WHEN_EMPTY}, not {when_empty!r}")
    day = _day_of(digest, timezone)
    title = f"{'Preview: your' if preview else 'Your'} briefing for {day}"
    if not digest.stories:
        if preview:
            since = _moment(digest.since, timezone)
            return Reply(
                title=title,
                text=f"Nothing new for this channel since {since}: the next digest would be "
                "empty. It fills up as sources are read.",
                footer="Preview: nothing was posted.",
            )
        if when_empty == "skip":
            return None
        return Reply(title=title, text="No new stories since the last briefing.")
    items = tuple(story_item(entry.story) for entry in digest.stories)
    outlets = {source for item in items for source in item.sources}
    stories = _plural(len(items), "story", "stories")
    footer = f"{stories} from {_plural(len(outlets), 'source', 'sources')}"
    if preview:
        footer += " · preview, nothing was posted"
    return Reply(title=title, items=items, footer=footer)


def day_text(day: date) -> str:
    """A date as replies write it: "Sunday 22 November"."""
    return f"{day:%A} {day.day} {day:%B}"


def _day_of(digest: Digest, timezone: str | tzinfo | None) -> str:
    found = _DAY.match(digest.period)
    if found:
        try:
            return day_text(date(*(int(part) for part in found.groups())))
        except ValueError:  # "2026-13-40" is no date: fall back to the digest's end
            pass
    return day_text(digest.until.astimezone(_zone(timezone)).date())


def _moment(moment: datetime, timezone: str | tzinfo | None) -> str:
    local = moment.astimezone(_zone(timezone))
    return f"{day_text(local.date())}, {local:%H:%M}"


def _zone(timezone: str | tzinfo | None) -> tzinfo:
    if timezone is None:
        return UTC
    if isinstance(timezone, tzinfo):
        return timezone
    try:
        return ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def _is_web(url: str | None) -> bool:
    return bool(url) and url.lower().startswith(("http://", "https://"))  # type: ignore[union-attr]


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
