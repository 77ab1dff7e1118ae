"""``about``: the bot's version, what this server or workspace reads, and this channel's next
digest."""

from __future__ import annotations

from importlib import metadata

from bot.commands.context import Context
from bot.commands.declare import Request
from bot.commands.schedule import describe
from bot.replies import Caller, Reply
from summaries.store import TenantSource

DISTRIBUTION = "briefing-bot"


async def about(ctx: Context, caller: Caller, request: Request) -> Reply:
    tenant = ctx.tenant(caller)
    seen = await ctx.call(ctx.store.tenant_sources, tenant, operator=ctx.scope(caller).operator)
    channel = await ctx.call(ctx.store.get_channel, caller.channel)
    if caller.direct and not caller.asked_in:
        digest = "Digests are posted in channels, not in direct messages."
    elif channel is None or channel.time is None:
        digest = "This channel gets no daily digest yet (schedule set starts one)."
    else:
        digest = describe(ctx, channel)
    reads = f"This {caller.terms.tenant} reads {_sources(seen)}."
    return Reply(title="About this bot", lines=(f"Version {version()}.", reads, digest))


def _sources(seen: list[TenantSource]) -> str:
    """``3 sources: 2 of its own and 1 shared by the bot operator``."""
    shared = sum(not one.subscribed for one in seen)
    own = len(seen) - shared
    if not seen:
        return "no sources yet"
    counted = f"{len(seen)} source{'' if len(seen) == 1 else 's'}"
    if not shared:
        return f"{counted} of its own"
    if not own:
        return f"{counted}, shared by the bot operator"
    return f"{counted}: {own} of its own and {shared} shared by the bot operator"


def version() -> str:
    """The installed bot's version, "unknown" when it runs from files not installed."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"
