"""``brief <keywords>``: the stored stories that best match, with their briefings."""

from __future__ import annotations

from bot.commands.code import words_in_code
from bot.commands.context import Context
from bot.commands.declare import Request
from bot.commands.errors import CommandError
from bot.commands.parse import looks_like_url, unwrap_url
from bot.replies import Caller, ErrorKind, Reply
from bot.views import story_item
from summaries.store import describe_query, nothing_to_search

BRIEF_STORIES = 5
MAX_KEYWORD_CHARS = 500


async def brief(ctx: Context, caller: Caller, request: Request) -> Reply:
    keywords = words_in_code(request.text, "brief")
    if not keywords:
        raise CommandError(
            ErrorKind.USAGE,
            'Tell me what to look for, for example: brief cyber attack, or brief "central bank".',
        )
    if len(keywords) > MAX_KEYWORD_CHARS:
        raise CommandError(
            ErrorKind.USAGE,
            f"That is {len(keywords):,} characters; keep keywords under {MAX_KEYWORD_CHARS}. "
            "To brief a whole article, use summarize.",
        )
    address = unwrap_url(keywords)
    if looks_like_url(address) and address.casefold().startswith(("http://", "https://", "www.")):
        raise CommandError(
            ErrorKind.USAGE,
            "brief looks for words in the stored stories, and a web address is not one of "
            f"them. To brief the article at that address, use summarize {address[:300]}",
        )
    searched = describe_query(keywords)
    if not searched:
        raise CommandError(ErrorKind.USAGE, nothing_to_search(keywords, "brief cyber attack"))
    hits = await ctx.call(
        ctx.store.search, keywords, limit=BRIEF_STORIES, now=ctx.clock(), scope=ctx.scope(caller)
    )
    if not hits:
        return Reply(
            title="Nothing found",
            text=f"No stored story matches {searched}. Try fewer or other words; words match "
            "by their start, so cyber also finds cybersecurity.",
            private=True,
        )
    stories = len(hits)
    return Reply(
        title=f"Briefing: {searched}",
        items=tuple(story_item(hit.story) for hit in hits),
        footer=f"{stories} best {'match' if stories == 1 else 'matches'} for {searched}",
    )
