"""``digest``: a preview of this channel's next digest; ``digest now`` posts it (admins)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.commands.context import Context
from bot.commands.declare import Request
from bot.commands.errors import CommandError
from bot.commands.given_up import left_for_next
from bot.delivery import MALFORMED, MAYBE_POSTED, now_period
from bot.posting import is_maybe_posted_reason
from bot.replies import Caller, ErrorKind, Reply
from bot.text import sentence
from bot.views import digest_reply
from summaries.digest import compose_digest
from summaries.models import Channel, DigestRecord, platform_of

MAX_POST_TIME = timedelta(minutes=5)  # how far after the ask its record is looked for
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


async def digest(ctx: Context, caller: Caller, request: Request) -> Reply:
    if request.text:
        raise CommandError(
            ErrorKind.USAGE,
            "Use digest for a preview of the next digest, or digest now to post it.",
        )
    if request.action.name == "now":
        return await _post_now(ctx, caller)
    return await _preview(ctx, caller)


async def _preview(ctx: Context, caller: Caller) -> Reply:
    channel = await ctx.call(ctx.store.get_channel, caller.channel)
    if channel is None:
        channel = _unsaved(ctx, caller)
    elif channel.tenant is None:  # set up before its server was known: now it is
        channel = await ctx.save_channel(caller)
    now = ctx.clock()
    composed = await ctx.call(
        compose_digest,
        ctx.store,
        channel,
        now=now,
        period="preview",
        max_stories=ctx.settings.digest.max_stories,
        first_hours=ctx.settings.digest.first_hours,
        max_age_hours=ctx.settings.digest.max_age_hours,
        shared=ctx.settings.sources.shared,
    )
    reply = digest_reply(composed, preview=True, timezone=channel.timezone)
    assert reply is not None  # a preview always answers
    return reply


async def _post_now(ctx: Context, caller: Caller) -> Reply:
    if ctx.delivery is None:
        raise CommandError(ErrorKind.UNAVAILABLE, "Posting digests is not running here.")
    await ctx.save_channel(caller)
    started = ctx.clock()
    outcome = await ctx.delivery.post_now(caller.channel)
    if outcome in _OUTCOMES:
        title, text = _OUTCOMES[outcome]
        return Reply(title=title, text=text, private=True)
    if outcome == MALFORMED:
        raise await _refused_message(ctx, caller, started)
    record, reason = await _recorded(ctx, caller, started)
    if outcome == MAYBE_POSTED or (record is not None and is_maybe_posted_reason(record.error)):
        # (a digest now asked again within the same second finds that record)
        left = "" if record is None else await ctx.call(left_for_next, ctx.store, record)
        raise CommandError(
            ErrorKind.UNAVAILABLE,
            (reason or "The digest may have shown here only in part; it is not sent again.")
            + left,
            title="Maybe posted",
        )
    raise await _failure(ctx, caller, started)


async def _refused_message(ctx: Context, caller: Caller, started: datetime) -> CommandError:
    """The platform took the request but refused the message itself (too long, a layout it
    does not accept, a moderation rule it matched): nothing is wrong with the channel or
    the bot's rights, so saying "until the bot may post here" would send an admin looking
    in the wrong place. What, if anything, an admin can change is the reason's to say."""
    platform = platform_of(caller.channel).capitalize()
    _, reason = await _recorded(ctx, caller, started)
    reason = reason or f"{platform} refused the message itself, as too long or badly formed."
    channel = await ctx.call(ctx.store.get_channel, caller.channel)
    daily = ""
    if channel is not None and channel.time is not None and not channel.paused:
        daily = " The daily digest here goes on as usual."
    return CommandError(
        ErrorKind.UNAVAILABLE,
        f"The digest was not posted: {reason} Nothing is wrong with this channel or the "
        f"bot's permissions.{daily} The bot's operator can see the details in its log.",
        title="Digest refused",
    )


async def _failure(ctx: Context, caller: Caller, started: datetime) -> CommandError:
    """Why ``digest now`` failed, in the words of what happened: no connection to the
    platform here, a refusal that retrying cannot mend, or a hitch it recovers from."""
    assert ctx.delivery is not None
    platform = platform_of(caller.channel)
    if not ctx.delivery.posters.can_post(caller.channel):
        return CommandError(
            ErrorKind.UNAVAILABLE,
            f"This bot process has no {platform.capitalize()} connection to post with, so the "
            "digest was not posted. The bot's operator can check how it is set up.",
            title="Not posted",
        )
    record, reason = await _recorded(ctx, caller, started)
    if record is not None and record.gave_up_at is not None:
        channel = await ctx.call(ctx.store.get_channel, caller.channel)
        paused = ""
        if channel is not None and channel.time is not None and channel.paused:
            paused = " The daily digest here is paused until then: schedule resume restarts it."
        return CommandError(
            ErrorKind.UNAVAILABLE,
            f"The digest could not be posted to this channel: {reason} Trying again will not "
            f"help until the bot may post here.{paused}",
            title="Posting failed",
        )
    if record is not None:
        return CommandError(
            ErrorKind.UNAVAILABLE,
            f"The digest could not be posted just now: {reason} It is posted again "
            "automatically once the platform answers (at the latest after the next read of "
            "the sources).",
            title="Not posted yet",
        )
    return CommandError(
        ErrorKind.UNAVAILABLE,
        "The digest could not be posted to this channel; the bot's log says why.",
        title="Not posted",
    )


async def _recorded(
    ctx: Context, caller: Caller, started: datetime
) -> tuple[DigestRecord | None, str]:
    """The record ``post_now`` wrote, and its error as a sentence ("" with none)."""
    record = await ctx.call(_record_since, ctx, caller.channel, started)
    return record, sentence(record.error) if record is not None and record.error else ""


def _record_since(ctx: Context, channel_id: str, started: datetime) -> DigestRecord | None:
    """The record ``post_now`` wrote: its period is the second it was asked for."""
    second = started.replace(microsecond=0)
    while second <= ctx.clock() and second - started < MAX_POST_TIME:
        record = ctx.store.digest_record(channel_id, now_period(second))
        if record is not None:
            return record
        second += timedelta(seconds=1)
    return None


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
        tenant=caller.tenant,
    )
