"""``sources list|add|remove``: what this server or workspace reads.

Each tenant follows its own sources (a source followed by many is fetched once), and sees
the operator's shared ones, which it cannot remove. Adding checks the address, and reads
it as ingest will, through ``summaries.library.checked_source`` (the CLI's check too);
the limits per tenant (``[tenants]``) are checked by the store as it writes.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from bot.commands.context import Context
from bot.commands.declare import SENTENCE_END, Request
from bot.commands.errors import CommandError
from bot.commands.parse import quoted, split_word, unwrap_url
from bot.replies import Caller, ErrorKind, Reply
from bot.views import day_text
from summaries import library
from summaries.errors import InvalidOptionError
from summaries.language import declared_language
from summaries.models import Scope
from summaries.sources import SourceError
from summaries.store import SourceRecord

KINDS = ("feed", "page")
_SHARED = " (the bot operator's, read everywhere)"
# "language=de" anywhere after "sources add": the language of the source's articles.
_LANGUAGE = re.compile(r"(?:^|\s)language=(\S*)", re.IGNORECASE)


async def sources(ctx: Context, caller: Caller, request: Request) -> Reply:
    tenant = ctx.tenant(caller)
    if request.action.name == "add":
        return await _add(ctx, caller, tenant, request.text)
    if request.action.name == "remove":
        return await _remove(ctx, caller, tenant, request.text)
    if request.action.name == "retry":
        return await _retry(ctx, caller, tenant, request.text)
    return await _list(ctx, caller, tenant, detailed=ctx.is_admin(caller))


def source_names(ctx: Context, tenant: str | None) -> list[str]:
    """The sources ``tenant`` reads, for autocomplete (blocking: a quick store read): a
    feed's or page's address; a folder as its number ("#3"), since autocomplete shows to
    anyone."""
    if tenant is None:
        return []
    operator = Scope.of_tenant(tenant, shared=ctx.settings.sources.shared).operator
    return [
        f"#{seen.source.id}" if seen.source.kind == "folder" else seen.source.url
        for seen in ctx.store.tenant_sources(tenant, operator=operator)
    ]


async def _list(ctx: Context, caller: Caller, tenant: str, *, detailed: bool) -> Reply:
    operator = ctx.scope(caller).operator
    seen = await ctx.call(ctx.store.tenant_sources, tenant, operator=operator)
    if not seen:
        return Reply(
            title="Sources",
            text="No sources yet. An admin can add a feed or page with sources add <url>.",
        )
    line = _admin_line if detailed else _public_line
    shared = sum(not one.subscribed for one in seen)
    footer = f"{len(seen)} source{'s' if len(seen) != 1 else ''}"
    if shared:
        footer += f", {shared} of them the bot operator's, read everywhere"
    return Reply(
        title="Sources",
        lines=tuple(line(one.source) + ("" if one.subscribed else _SHARED) for one in seen),
        footer=footer,
    )


def _language_option(rest: str) -> tuple[str, str | None]:
    """``rest`` without its ``language=xx``, and that language's name (None: not given)."""
    found = _LANGUAGE.search(rest)
    if found is None:
        return rest, None
    try:
        language = declared_language(found.group(1))
    except InvalidOptionError as error:
        raise CommandError(ErrorKind.USAGE, str(error)) from None
    return f"{rest[: found.start()]} {rest[found.end() :]}".strip(), language


async def _declare(ctx: Context, record: SourceRecord, language: str | None) -> str:
    """Set the language of a source's articles, if given (a source is one however many
    follow it: its language is the source's, for all); what to add to the reply."""
    if language is None:
        return ""
    await ctx.call(ctx.store.set_source_language, record.id, language)
    return f" Its articles are read as {language.title()}."  # "Serbo-Croatian"


async def _add(ctx: Context, caller: Caller, tenant: str, rest: str) -> Reply:
    rest, language = _language_option(rest)
    kind, location = split_word(rest)
    if kind not in KINDS + ("folder",):
        kind, location = "", rest
    location = unwrap_url(location)
    if not location or len(location.split()) != 1:
        raise CommandError(
            ErrorKind.USAGE, "Give one address: sources add https://example.org/news/rss"
        )
    if kind == "folder" or (not kind and "://" not in location):
        return await _add_folder(ctx, caller, tenant, location, language)
    if not location.lower().startswith(("http://", "https://")):
        raise CommandError(
            ErrorKind.USAGE, "A feed or page must be an http:// or https:// address."
        )
    known = await _already_read(ctx, tenant, location, language)
    if known is not None:
        return known
    limits = ctx.settings.tenants
    # Each add may fetch an address: counted before anything is fetched.
    await ctx.call(
        ctx.store.note_source_add, tenant, now=ctx.clock(), per_hour=limits.sources_add_per_hour
    )
    # With a kind, only the address is checked and nothing fetched; without one, it is
    # fetched once and read in a worker process (a big feed is seconds of CPU), as ingest will.
    run = ctx.pool.run if ctx.pool is not None else None
    location, kind = await library.checked_source(ctx.settings, location, kind or None, run)
    return await _subscribe(ctx, caller, tenant, location, kind, language)


async def _already_read(ctx: Context, tenant: str, url: str, language: str | None) -> Reply | None:
    """The answer when the server follows ``url`` already (nothing is fetched or counted);
    a ``language`` given is set all the same."""
    followed = await _seen_at(ctx, tenant, url, operator=False)
    if followed is None:
        return None
    declared = await _declare(ctx, followed, language)
    return Reply(
        title="Already read",
        text=f"{followed.kind.capitalize()} #{followed.id} ({followed.url}) "
        f"is followed here already.{declared}",
    )


async def _seen_at(
    ctx: Context, tenant: str, url_or_id: str, *, operator: bool
) -> SourceRecord | None:
    """The source ``url_or_id`` names that ``tenant`` sees (with ``operator``, the
    operator's shared ones too), found as the store finds any (see ``sources_named``)."""
    visible = await ctx.call(ctx.store.tenant_sources, tenant, operator=operator)
    seen = {one.source.id: one.source for one in visible}
    named = await ctx.call(ctx.store.sources_named, url_or_id)
    return next((seen[record.id] for record in named if record.id in seen), None)


async def _subscribe(
    ctx: Context,
    caller: Caller,
    tenant: str,
    location: str,
    kind: str,
    language: str | None = None,
) -> Reply:
    followed, reply = await _subscribed(ctx, caller, tenant, location, kind)
    if language is None:
        return reply
    # the source it follows, not the first at that address (another's, of two kept)
    record = await ctx.call(ctx.store.get_source, followed.id)
    if record is None:  # removed in the meantime
        return reply
    return Reply(title=reply.title, text=reply.text + await _declare(ctx, record, language))


async def _subscribed(
    ctx: Context, caller: Caller, tenant: str, location: str, kind: str
) -> tuple[SourceRecord, Reply]:
    """The source ``tenant`` follows at ``location`` now, and the answer that says so."""
    record, status = await ctx.call(
        ctx.store.subscribe,
        tenant,
        location,
        kind,
        added_by=caller.user or None,
        now=ctx.clock(),
        max_sources=ctx.settings.tenants.max_sources,
    )
    return record, _answer(ctx, caller, record, status)


def _answer(ctx: Context, caller: Caller, record: SourceRecord, status: str) -> Reply:
    """What a subscription to ``record`` answers (``status``: "added" or "already")."""
    if status != "added":
        return Reply(
            title="Already read", text=f"{record.kind.capitalize()} #{record.id}: {record.url}."
        )
    if record.operator and ctx.scope(caller).operator:
        return Reply(
            title="Source added",
            text=f"{record.kind.capitalize()} #{record.id} ({record.url}) was read here already, "
            f"as one of the bot operator's sources; now this {caller.terms.tenant} follows it "
            "too, so it stays if the operator stops sharing it.",
        )
    if record.kind == "folder":
        return Reply(title="Source added", text=f"Added folder #{record.id}: {record.url}.")
    return Reply(
        title="Source added",
        text=f"Added {record.kind} #{record.id}: {record.url}. Its stories arrive with the next "
        f"read (every {ctx.settings.schedule.ingest_minutes} minutes).",
    )


async def _add_folder(
    ctx: Context, caller: Caller, tenant: str, location: str, language: str | None
) -> Reply:
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
    return await _subscribe(ctx, caller, tenant, path, "folder", language)


async def _remove(ctx: Context, caller: Caller, tenant: str, rest: str) -> Reply:
    wanted = _named_source(rest, "remove")
    record, status = await ctx.call(ctx.store.unsubscribe, tenant, wanted)
    if record is not None and status == "operator" and ctx.scope(caller).operator:
        raise CommandError(
            ErrorKind.FORBIDDEN,
            f"{record.kind.capitalize()} #{record.id} is the bot operator's, read everywhere; "
            "only the operator can remove it (in config.toml or with the briefing command).",
            title="The operator's source",
        )
    if record is None or status != "removed":
        raise _no_source(rest, "followed")
    shared = ""
    if record.operator and ctx.scope(caller).operator:
        shared = " It is still read here as one of the bot operator's shared sources."
    return Reply(
        title="Source removed",
        text=f"Removed {record.kind} #{record.id}: {record.url}. Its stories stay stored.{shared}",
    )


def _named_source(rest: str, action: str) -> str:
    """The address or number (``#3``, ``3``) of the source ``rest`` names; a CommandError
    that says how to name one when it names none."""
    wanted = unwrap_url(rest).removeprefix("#")
    number = wanted.rstrip(SENTENCE_END)
    if number.isdigit():  # "#3." ends a sentence; an address keeps its "?" or "/"
        wanted = number
    if not wanted:
        raise CommandError(
            ErrorKind.USAGE,
            f"Say which source: sources {action} <url or #number> (see sources list).",
        )
    return wanted


def _no_source(typed: str, how: str) -> CommandError:
    """No source named ``typed`` is ``how`` (followed, read) here: said as it was typed."""
    return CommandError(
        ErrorKind.NOT_FOUND,
        f"No source {quoted(typed.strip(), 80)} is {how} here; sources list shows them.",
    )


async def _retry(ctx: Context, caller: Caller, tenant: str, rest: str) -> Reply:
    """A source this server or workspace reads is read at the next ingest, whatever its
    backoff (a source seen failing for a while waits hours between tries)."""
    wanted = _named_source(rest, "retry")
    found = await _seen_at(ctx, tenant, wanted, operator=ctx.scope(caller).operator)
    if found is None:
        raise _no_source(rest, "read")
    record = await ctx.call(ctx.store.retry_source, found.id)
    if record is None:
        raise CommandError(ErrorKind.NOT_FOUND, "That source was removed meanwhile.")
    return Reply(
        title="Source retried",
        text=f"{record.kind.capitalize()} #{record.id} ({record.url}) is read again with the "
        f"next read of the sources (every {ctx.settings.schedule.ingest_minutes} minutes).",
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
