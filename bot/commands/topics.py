"""``topics list|add|remove``: the keywords and phrases this channel's digest follows."""

from __future__ import annotations

from bot.commands.context import Context
from bot.commands.declare import Request
from bot.commands.errors import CommandError
from bot.commands.parse import looks_like_url, parse_topics, unwrap_url
from bot.replies import Caller, ErrorKind, Reply
from bot.text import sentence
from summaries.store import describe_query, why_nothing
from summaries.store.channels import MAX_TOPICS

MAX_TOPIC_CHARS = 100


async def topics(ctx: Context, caller: Caller, request: Request) -> Reply:
    if request.action.name == "add":
        return await _add(ctx, caller, request.text)
    if request.action.name == "remove":
        return await _remove(ctx, caller, request.text)
    return await _list(ctx, caller)


def topics_of(ctx: Context, channel_id: str) -> list[str]:
    """The channel's topics, for autocomplete (blocking: a quick store read)."""
    channel = ctx.store.get_channel(channel_id)
    return list(channel.topics) if channel else []


async def _list(ctx: Context, caller: Caller) -> Reply:
    channel = await ctx.call(ctx.store.get_channel, caller.channel)
    current = channel.topics if channel else ()
    if not current:
        return Reply(
            title="Topics",
            text="This channel follows no topics, so its digest carries every new story. "
            'An admin can narrow it with topics add <keyword or "phrase">.',
        )
    return Reply(
        title="Topics",
        lines=current,
        footer=f"{len(current)} of at most {MAX_TOPICS}; a story matching any of them is included",
    )


def topic_key(topic: str) -> str:
    """What makes a stored topic the same as a typed one: as ``parse_topics`` reads it
    (a topic stored with invisible characters at a word's edge by an older version is the
    word), case aside."""
    try:
        read = parse_topics(topic)
    except CommandError:
        read = []
    return (read[0] if len(read) == 1 else topic).casefold()


def _checked(rest: str, action: str, current: tuple[str, ...] = ()) -> list[str]:
    """The topics named, each once: ``cyber Cyber`` is one topic, as the store sees it.
    None named: how to name one for ``action``, and for a removal the ``current`` ones."""
    firsts: dict[str, str] = {}
    for topic in parse_topics(rest):
        firsts.setdefault(topic.casefold(), topic)
    wanted = list(firsts.values())
    if not wanted:
        text = f'Name a topic: topics {action} cyber, or topics {action} "central bank".'
        if action == "remove":
            text = (
                f"{text} This channel follows {_listing(list(current))}."
                if current
                else "This channel follows no topics, so there is none to remove."
            )
        raise CommandError(ErrorKind.USAGE, text)
    for topic in wanted:
        if len(topic) > MAX_TOPIC_CHARS:
            raise CommandError(
                ErrorKind.USAGE,
                f"A topic can be at most {MAX_TOPIC_CHARS} characters; "
                f"{topic[:30]}... has {len(topic)}.",
            )
        if not describe_query(topic):
            reason = why_nothing(topic)
            advice = f": {reason}. Use other words" if reason else "; use letters or digits"
            raise CommandError(ErrorKind.USAGE, f"{topic!r} has no words to match{advice}.")
    return wanted


async def _add(ctx: Context, caller: Caller, rest: str) -> Reply:
    wanted = _checked(rest, "add")
    for topic in wanted:
        if looks_like_url(unwrap_url(topic)):
            raise CommandError(
                ErrorKind.USAGE,
                f"{topic[:60]} is a web address, and a topic is matched against the words of "
                "stories, which never hold one. Follow words instead, for example topics add "
                "cyber; to read a site, an admin adds it with sources add.",
            )
    channel = await ctx.call(ctx.store.get_channel, caller.channel)
    current = {topic_key(t) for t in (channel.topics if channel else ())}
    new = list(dict.fromkeys(t for t in wanted if t.casefold() not in current))
    if len(current) + len(new) > MAX_TOPICS:
        room = MAX_TOPICS - len(current)
        raise CommandError(
            ErrorKind.USAGE,
            f"A channel can follow at most {MAX_TOPICS} topics; this one has {len(current)}, "
            f"so there is room for {room} more. Remove some with topics remove first.",
        )
    if new:
        await ctx.save_channel(caller)
    added = [t for t in new if await ctx.call(ctx.store.add_topic, caller.channel, t)]
    already = [t for t in wanted if t not in added]
    parts = []
    if added:
        parts.append(sentence(f"Now following {_listing(added)}"))
    if already:
        parts.append(sentence(f"Already following {_listing(already)}"))
    return Reply(title="Topics", text=" ".join(parts))


async def _remove(ctx: Context, caller: Caller, rest: str) -> Reply:
    channel = await ctx.call(ctx.store.get_channel, caller.channel)
    stored = channel.topics if channel else ()
    wanted = _checked(rest, "remove", stored)
    removed = []
    for topic in wanted:
        spellings = [t for t in stored if topic_key(t) == topic.casefold()] or [topic]
        if [s for s in spellings if await ctx.call(ctx.store.remove_topic, caller.channel, s)]:
            removed.append(topic)
    missing = [t for t in wanted if t not in removed]
    if not removed:
        raise CommandError(
            ErrorKind.NOT_FOUND,
            f"This channel does not follow {_listing(missing)}; topics list shows what it does.",
        )
    text = sentence(f"No longer following {_listing(removed)}")
    if missing:
        text += " " + sentence(f"It did not follow {_listing(missing)}")
    return Reply(title="Topics", text=text)


def _listing(topics: list[str]) -> str:
    return ", ".join(topics)
