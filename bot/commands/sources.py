"""``sources list|add|remove``: what the bot reads. Adding probes the address safely."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.commands.context import Context
from bot.commands.errors import CommandError
from bot.commands.parse import split_word, unwrap_url
from bot.replies import Caller, ErrorKind, Reply
from summaries import library
from summaries.store import SourceRecord

KINDS = ("feed", "page")
USAGE = "Use sources list, sources add <url>, or sources remove <url or #number>."


async def sources(ctx: Context, caller: Caller, args: str) -> Reply:
    sub, rest = split_word(args)
    if sub in ("", "list"):
        return await _list(ctx)
    if sub == "add":
        ctx.require_admin(caller, "add sources")
        return await _add(ctx, caller, rest)
    if sub in ("remove", "rm", "delete"):
        ctx.require_admin(caller, "remove sources")
        return await _remove(ctx, rest)
    raise CommandError(ErrorKind.USAGE, f"sources has no {sub!r} action. {USAGE}")


def source_names(ctx: Context) -> list[str]:
    """Every source's address, for autocomplete (blocking: a quick store read)."""
    return [record.url for record in ctx.store.list_sources()]


async def _list(ctx: Context) -> Reply:
    records = await ctx.call(ctx.store.list_sources)
    if not records:
        return Reply(
            title="Sources",
            text="No sources yet. An admin can add a feed or page with sources add <url>.",
        )
    return Reply(
        title="Sources",
        lines=tuple(_line(record) for record in records),
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
    if len(location) > 2000:
        raise CommandError(ErrorKind.USAGE, "That address is too long to be a feed or page.")
    if kind == "folder" or (not kind and not location.lower().startswith(("http:", "https:"))):
        return await _add_folder(ctx, caller, location)
    if not location.lower().startswith(("http://", "https://")):
        raise CommandError(
            ErrorKind.USAGE, "A feed or page must be an http:// or https:// address."
        )
    if not kind:
        kind = await library.probe_kind(ctx.settings, location)  # safe fetcher, same as the CLI
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
            "machine can only be added in config.toml or with `briefing sources add`.)",
        )
    folder = Path(location).expanduser()
    if not await ctx.call(folder.is_dir):
        raise CommandError(ErrorKind.NOT_FOUND, f"{location} is not a folder.")
    path = str(await ctx.call(folder.resolve))
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
            ErrorKind.NOT_FOUND, f"There is no source {wanted!r}; sources list shows them."
        )
    note = ""
    if record.added_by == "config.toml":
        note = " It is listed in config.toml, so it comes back on restart unless removed there."
    return Reply(
        title="Source removed",
        text=f"Removed {record.kind} #{record.id}: {record.url}. Its stories stay stored.{note}",
    )


def _line(record: SourceRecord) -> str:
    if not record.enabled:
        state = "disabled"
    elif record.failures:
        state = f"failing ({record.failures}x): {record.last_error or 'unknown error'}"
    elif record.last_ok_at:
        state = f"read {_when(record.last_ok_at)}"
    else:
        state = "not read yet"
    return f"#{record.id} {record.kind} {record.url} ({state})"


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%d %b %H:%M UTC")
