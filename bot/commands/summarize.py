"""``summarize <url or text>``: one article briefed now, fetched safely, summarized off-loop."""

from __future__ import annotations

import re

from bot.commands.context import Context
from bot.commands.declare import Request
from bot.commands.errors import CommandError
from bot.commands.parse import looks_like_url, unwrap_url
from bot.replies import Caller, ErrorKind, Reply, ReplyItem
from summaries.clean import word_count
from summaries.ingest import SummaryPool
from summaries.models import Article
from summaries.plaintext import input_text
from summaries.sources import ASKED_ARTICLE, article_from_result

MIN_TEXT_WORDS = 8
# "www." then a host with at least one more dot: www.example.org, not "www." or "www.x".
_WWW_HOST = re.compile(r"(?i)^www\.[^\s/?#.:]+(\.[^\s/?#.:]+)+\.?(?::\d+)?(?:[/?#]|$)")


async def summarize(ctx: Context, caller: Caller, request: Request) -> Reply:
    given = unwrap_url(_marks_dropped(request.text))
    if not given:
        raise CommandError(
            ErrorKind.USAGE,
            "Give me a web address (summarize https://example.org/news/story) "
            "or paste the text of an article after summarize.",
        )
    if looks_like_url(given):
        return await _url(ctx, given)
    return await _text(ctx, given)


def _marks_dropped(text: str) -> str:
    """``— https://x/story`` -> ``https://x/story``: words of marks alone (a dash, an
    arrow, a colon) beside a single word are punctuation, not text to summarize."""
    words = text.split()
    kept = [word for word in words if any(char.isalnum() for char in word)]
    return kept[0] if len(kept) == 1 and len(words) > 1 else text


async def _url(ctx: Context, url: str) -> Reply:
    if url.casefold().startswith("www."):
        if not _WWW_HOST.match(url):
            raise CommandError(
                ErrorKind.USAGE,
                f"{url[:60]} is not a whole web address. Give the site's full address, for "
                "example summarize https://www.example.org/news/story.",
            )
        url = "https://" + url
    pool = _pool(ctx)
    async with ctx.fetching() as fetcher:
        result = await fetcher.get(url, accept=ASKED_ARTICLE)
    # trafilatura is CPU work: in a worker process, since a thread would still hold the loop
    article = await pool.run(article_from_result, result)
    return await _briefed(ctx, article, fallback_title=result.url)


async def _text(ctx: Context, text: str) -> Reply:
    # (a script without spaces, as Chinese, Japanese or Thai, counts a word per two letters)
    if word_count(" ".join(text.split())) < MIN_TEXT_WORDS:
        raise CommandError(
            ErrorKind.USAGE,
            "That is too short to summarize. Paste a whole article, or give its web address.",
        )
    return await _briefed(ctx, Article(title="", text=input_text(text)), fallback_title="Your text")


async def _briefed(ctx: Context, article: Article, fallback_title: str) -> Reply:
    prepared = await _pool(ctx).prepare(article)
    sentences = prepared.briefing.sentences
    title = article.title or fallback_title
    item = ReplyItem(
        title=title,
        url=article.url if article.url and article.url.startswith("http") else None,
        sources=(article.source,) if article.source else (),
        published=article.published,
        briefing=tuple(sentences),
    )
    used = prepared.briefing.source_sentences
    footer = f"{len(sentences)} of {used} sentences" if used else ""
    return Reply(title="Summary", items=(item,), footer=footer)


def _pool(ctx: Context) -> SummaryPool:
    if ctx.pool is None:
        raise CommandError(ErrorKind.UNAVAILABLE, "Summarizing is not set up here.")
    return ctx.pool
