"""``digest``: a preview of this channel's next digest; ``digest now`` posts it (admins)."""

from __future__ import annotations

from bot.commands.context import Context
from bot.commands.errors import CommandError
from bot.commands.parse import split_word
from bot.replies import Caller, ErrorKind, Reply
from bot.views import digest_reply
from summaries.digest import compose_digest
from summaries.models import Channel

_OUTCOMES = {
    "sent": ("Digest posted", "The digest was posted to this channel."),
    "already-sent": (
        "Already posted",
        "That digest was already posted here; nothing was sent twice.",
    ),
    "empty": (
        "Nothing to post",
        "There are no new stories for this channel, so nothing was posted.",
    ),
}


async def digest(ctx: Context, caller: Caller, args: str) -> Reply:
    sub, rest = split_word(args)
    if rest or sub not in ("", "preview", "now"):
        raise CommandError(
            ErrorKind.USAGE,
            "Use digest for a preview of the next digest, or digest now to post it.",
        )
    if sub == "now":
        ctx.require_admin(caller, "post a digest now")
        return await _post_now(ctx, caller)
    return await _preview(ctx, caller)


async def _preview(ctx: Context, caller: Caller) -> Reply:
    channel = await ctx.call(ctx.store.get_channel, caller.channel) or _unsaved(ctx, caller)
    now = ctx.clock()
    composed = await ctx.call(
        compose_digest,
        ctx.store,
        channel,
        now=now,
        period="preview",
        max_stories=ctx.settings.digest.max_stories,
        first_hours=ctx.settings.digest.first_hours,
    )
    reply = digest_reply(composed, preview=True, timezone=channel.timezone)
    assert reply is not None  # a preview always answers
    return reply


async def _post_now(ctx: Context, caller: Caller) -> Reply:
    if ctx.delivery is None:
        raise CommandError(ErrorKind.UNAVAILABLE, "Posting digests is not running here.")
    await ctx.call(ctx.store.ensure_channel, caller.channel, name=caller.channel_name or None)
    outcome = await ctx.delivery.post_now(caller.channel)
    if outcome in _OUTCOMES:
        title, text = _OUTCOMES[outcome]
        return Reply(title=title, text=text, private=True)
    raise CommandError(
        ErrorKind.UNAVAILABLE,
        "The digest could not be posted to this channel right now; the bot may lack permission "
        "to post here. The bot's log says why.",
    )


def _unsaved(ctx: Context, caller: Caller) -> Channel:
    """A channel nobody configured yet: defaults, not written to the store by a preview."""
    return Channel(
        id=caller.channel,
        platform=caller.platform,
        name=caller.channel_name or None,
        topics=(),
        time=None,
        timezone=ctx.settings.schedule.timezone,
        paused=False,
        last_digest_at=None,
    )
