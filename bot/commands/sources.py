"""``sources list|add|remove``: what the bot reads. Adding checks the address, and reads it
as ingest will, through ``summaries.library.checked_source`` (the CLI's check too)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.commands.context import Context
from bot.commands.errors import CommandError
from bot.commands.parse import split_word, unwrap_url
from bot.replies import Caller, ErrorKind, Reply
from bot.views import day_text
from summaries import library
from summaries.sources import SourceError
from summaries.store import SourceRecord

KINDS = ("feed", "page")
USAGE = "Use sources list, sources add <url>, or sources remove <url or #number>."


async def sources(ctx: Context, caller: Caller, args: str) -> Reply:
    sub, rest = split_word(args)
    if sub in ("", "list"):
        return await _list(ctx, detailed=ctx.is_admin(caller))
    if sub == "add":
        ctx.require_admin(caller, "add sources")
        return await _add(ctx, caller, rest)
    if sub in ("remove", "rm", "delete"):
        ctx.require_admin(caller, "remove sources")
        return await _remove(ctx, rest)
    raise CommandError(ErrorKind.USAGE, f"sources has no {sub!r} action. {USAGE}")


def source_names(ctx: Context) -> list[str]:
    """Every source, for autocomplete (blocking: a quick store read): a feed's or page's
    address; a folder as its number ("#3"), since autocomplete shows to anyone."""
    return [
        f"#{record.id}" if record.kind == "folder" else record.url
        for record in ctx.store.list_sources()
    ]


async def _list(ctx: Context, *, detailed: bool) -> Reply:
    records = await ctx.call(ctx.store.list_sources)
    if not records:
        return Reply(
            title="Sources",
            text="No sources yet. An admin can add a feed or page with sources add <url>.",
        )
    line = _admin_line if detailed else _public_line
    return Reply(
        title="Sources",
        lines=tuple(line(record) for record in records),
        footer=f"{len(records)} source{'s' if len(records) != 1 else ''}",
    )


async def _add(ctx: Context, caller: Caller, rest: str) -> Reply:
    kind, location = split_word(rest)
    if kind not in KINDS + ("folder",):
        kind, location = "", rest
    location = unwrap_url(location)
    if not location or len(location.split()) != 1:
        raise CommandError(
            ErrorKind.USAGE, "Give one address: sources add https://example.org/news/rss"
        )
    if kind == "folder" or (not kind and not location.lower().startswith(("http:", "https:"))):
        return await _add_folder(ctx, caller, location)
    if not location.lower().startswith(("http://", "https://")):
        raise CommandError(
            ErrorKind.USAGE, "A feed or page must be an http:// or https:// address."
        )
    # With a kind, only the address is checked and nothing fetched; without one, it is
    # fetched once and read in a worker process (a big feed is seconds of CPU), as ingest will.
    run = ctx.pool.run if ctx.pool is not None else None
    location, kind = await library.checked_source(ctx.settings, location, kind or None, run)
    record = await ctx.call(ctx.store.add_source, location, kind, added_by=caller.user or None)
    return Reply(
        title="Source added",
        text=f"Added {record.kind} #{record.id}: {record.url}. Its stories arrive with the next "
        f"read (every {ctx.settings.schedule.ingest_minutes} minutes).",
    )


async def _add_folder(ctx: Context, caller: Caller, location: str) -> Reply:
    """A local folder: only from the bot's own console, never from a chat platform."""
    if caller.platform != "console":
        raise CommandError(
            ErrorKind.USAGE,
            "A feed or page must be an http:// or https:// address. (Folders on the bot's "
            "machine can only be added in config.toml or with the briefing sources add command.)",
        )
    try:
        path, _ = await library.checked_source(ctx.settings, location, "folder")
    except SourceError as error:
        raise CommandError(ErrorKind.NOT_FOUND, str(error)) from None
    record = await ctx.call(ctx.store.add_source, path, "folder", added_by=caller.user or None)
    return Reply(title="Source added", text=f"Added folder #{record.id}: {record.url}.")


async def _remove(ctx: Context, rest: str) -> Reply:
    wanted = unwrap_url(rest).removeprefix("#")
    if not wanted:
        raise CommandError(
            ErrorKind.USAGE, "Say which source: sources remove <url or #number> (see sources list)."
        )
    record = await ctx.call(ctx.store.get_source, wanted)
    if record is None or not await ctx.call(ctx.store.remove_source, record.id):
        raise CommandError(
            ErrorKind.NOT_FOUND, f"There is no source {wanted[:80]!r}; sources list shows them."
        )
    note = ""
    if record.added_by == "config.toml":
        note = " It is listed in config.toml, so it comes back on restart unless removed there."
    return Reply(
        title="Source removed",
        text=f"Removed {record.kind} #{record.id}: {record.url}. Its stories stay stored.{note}",
    )


def _public_line(record: SourceRecord) -> str:
    """For anyone: a feed or page by its address, a folder unnamed, and a plain state."""
    where = "a local folder" if record.kind == "folder" else f"{record.kind} {record.url}"
    if not record.enabled:
        state = "disabled"
    elif record.failures:
        last = record.last_ok_at
        state = f"failing, last read {_day(last)}" if last else "failing, never read"
    elif record.last_ok_at:
        state = "ok"
    else:
        state = "not read yet"
    return f"#{record.id} {where} ({state})"


def _admin_line(record: SourceRecord) -> str:
    """For admins and the console: paths, failure counts and the last error too."""
    if not record.enabled:
        state = "disabled"
    elif record.failures:
        seen = f"last read {_when(record.last_ok_at)}" if record.last_ok_at else "never read"
        state = f"failing {record.failures}x, {seen}: {record.last_error or 'no reason recorded'}"
    elif record.last_ok_at:
        state = f"ok, read {_when(record.last_ok_at)}"
    else:
        state = "not read yet"
    return f"#{record.id} {record.kind} {record.url} ({state})"


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%d %b %H:%M UTC")


def _day(moment: datetime) -> str:
    return day_text(moment.astimezone(UTC).date())
