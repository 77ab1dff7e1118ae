"""``schedule show|set|pause|resume``: when this channel's daily digest is posted."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from bot.commands.context import Context
from bot.commands.declare import SENTENCE_END, Request
from bot.commands.errors import CommandError
from bot.commands.given_up import left_for_next
from bot.commands.parse import quoted
from bot.posting import is_channel_gone, is_maybe_posted_reason, resume_advice
from bot.replies import Caller, ErrorKind, Reply
from bot.text import sentence
from bot.views import day_text
from summaries.errors import InputError
from summaries.models import Channel, DigestRecord
from summaries.timeofday import canonical_zone, parse_time_of_day, parse_timezone

EXAMPLE = "schedule set 08:00 Europe/Berlin"
# "9am", "9 pm", "9:30p.m.", "12AM": a 12-hour time, which the schedule does not take
_TWELVE_HOUR = re.compile(r"^(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))? ?([ap])\.?m\.?$", re.IGNORECASE)


async def schedule(ctx: Context, caller: Caller, request: Request) -> Reply:
    action, rest = request.action.name, request.text
    if action == "set":
        return await _set(ctx, caller, rest)
    if action in ("pause", "resume"):  # (words after them are refused by the dispatcher)
        return await _pause(ctx, caller, paused=action == "pause")
    return await _show(ctx, caller)


async def _show(ctx: Context, caller: Caller) -> Reply:
    channel = await ctx.call(ctx.store.get_channel, caller.channel)
    if channel is None or channel.time is None:
        return Reply(
            title="Schedule",
            text="This channel gets no daily digest yet. An admin can start one with "
            f"schedule set <HH:MM> <timezone>, for example {EXAMPLE}.",
        )
    failed = await ctx.call(_given_up, ctx, channel.id)
    reason = failed.error if failed is not None else None
    # paused as the channel is gone: "schedule resume" cannot be said there
    gone = channel.paused and reason is not None and is_channel_gone(reason)
    text = describe(ctx, channel, gone=gone)
    if failed is not None and reason and is_maybe_posted_reason(reason):  # it may have shown
        left = await ctx.call(left_for_next, ctx.store, failed)
        text += f" The last digest ran into trouble: {sentence(reason)}{left}"
    elif reason:
        text += f" The last digest could not be posted: {sentence(reason)}"
        if gone:
            text += f" {resume_advice(reason)}"
    return Reply(title="Schedule", text=text)


def _given_up(ctx: Context, channel_id: str) -> DigestRecord | None:
    """The channel's newest digest when it was given up (no permission, channel gone, too
    late, or it may have been posted: ``bot.posting.maybe_posted_reason``; its ``error``
    says which); None when it was posted or is still to be tried: the delivery pauses a
    channel it may not post in, and this says why."""
    newest = ctx.store.digest_log([channel_id], limit=1)
    if not newest or newest[0].gave_up_at is None or not newest[0].error:
        return None
    return newest[0]


async def _set(ctx: Context, caller: Caller, rest: str) -> Reply:
    # "08:00." and "08:00, Europe/Berlin": the punctuation is the sentence's
    typed = rest.split()
    words = [word.rstrip(SENTENCE_END) or word for word in typed]
    twelve = _twelve_hour(words, typed)
    if twelve:
        raise CommandError(ErrorKind.USAGE, twelve)
    if not words:
        raise CommandError(
            ErrorKind.USAGE,
            f"Say when to post it: schedule set <HH:MM> [timezone], for example {EXAMPLE}.",
        )
    if len(words) > 2:
        raise CommandError(
            ErrorKind.USAGE,
            f"schedule set takes a time and a time zone, and nothing after them "
            f"({quoted(typed[2])}): for example {EXAMPLE}.",
        )
    try:
        time = parse_time_of_day(words[0])
        if len(words) == 2:
            zone = parse_timezone(words[1]).key
        else:
            channel = await ctx.call(ctx.store.get_channel, caller.channel)
            # the zone kept, in its IANA name: an older version stored config.toml's
            # spelling ("europe/berlin"), which the clock cannot read
            zone = canonical_zone(channel.timezone) if channel else ctx.settings.schedule.timezone
    except InputError as error:
        raise CommandError(ErrorKind.USAGE, str(error)) from None
    await ctx.save_channel(caller)
    channel = await ctx.call(
        ctx.store.set_schedule,
        caller.channel,
        time,
        zone,
        max_digest_channels=ctx.settings.tenants.max_digest_channels,
        now=ctx.clock(),
    )
    return Reply(title="Schedule changed", text=describe(ctx, channel))


def _twelve_hour(words: list[str], typed: list[str]) -> str:
    """The answer to a 12-hour time ("9am", "9:30 pm") in ``words`` (``typed`` less the
    punctuation after each): the 24-hour time to type instead; "" for any other words.
    (A 12 o'clock time is written out too: 12am is 00:00.)"""
    count = (
        2 if len(words) > 1 and words[1].casefold() in ("am", "pm", "a.m", "p.m") else 1
    )
    found = _TWELVE_HOUR.match(" ".join(words[:count]))
    if not found:
        return ""
    hour = int(found.group(1)) % 12 + (12 if found.group(3).casefold() == "p" else 0)
    time = f"{hour:02d}:{found.group(2) or '00'}"
    zone = f" {words[count]}" if len(words) > count else ""
    return (
        f"The schedule takes 24-hour times: for {' '.join(typed[:count])}, write "
        f"schedule set {time}{zone}."
    )


async def _pause(ctx: Context, caller: Caller, *, paused: bool) -> Reply:
    channel = await ctx.call(ctx.store.get_channel, caller.channel)
    if channel is None or channel.time is None:
        raise CommandError(
            ErrorKind.NOT_FOUND,
            "This channel has no daily digest to pause or resume. Start one with "
            "schedule set <HH:MM> <timezone>.",
        )
    if channel.paused == paused:
        state = "paused" if paused else "running"
        return Reply(
            title="Schedule", text=f"The digest is already {state}. {describe(ctx, channel)}"
        )
    channel = await ctx.call(ctx.store.set_paused, caller.channel, paused, now=ctx.clock())
    title = "Digest paused" if paused else "Digest resumed"
    return Reply(title=title, text=describe(ctx, channel))


def describe(ctx: Context, channel: Channel, *, gone: bool = False) -> str:
    """The channel's schedule; ``gone``: the channel is, so resuming it there is not offered."""
    text = f"The digest is posted every day at {channel.time} ({channel.timezone})"
    if channel.paused and gone:
        return text + ", but it is paused."
    if channel.paused:
        return text + ", but it is paused: nothing is posted until an admin says schedule resume."
    upcoming = channel.next_run_at
    if upcoming is None:
        return text + "."
    local = upcoming.astimezone(ZoneInfo(channel.timezone))
    text += f"; the next one is due {day_text(local.date())} at {local:%H:%M} {local.tzname()}"
    if f"{local:%H:%M}" != channel.time:  # the time is skipped that day (summaries.digest_times)
        text += f", since the clocks skip {channel.time} that day"
    return text + "."
