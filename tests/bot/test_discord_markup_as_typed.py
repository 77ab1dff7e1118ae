"""Discord's own markup in article text (mentions of people, roles and channels, slash
command links, timestamps, custom emoji) shows as typed, through the real discord.py bot
against the fake Discord: in a slash command's answer, a prefix command's answer and a
plain-text answer where the bot may not embed.

Discord draws ``<#123>`` as a link to a channel, ``<@123>`` as a name pill (even with no
ping allowed), ``<t:1700000000:R>`` as "2 years ago" in the reader's time: none of that is
what the article says."""

from __future__ import annotations

import asyncio
import hashlib
import re
from datetime import UTC, datetime

from summaries import Article, Briefing
from tests.bot.test_discord_commands import embeds_of, scenario
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import bot_over_runtime, settings_for, store_story

TITLE = "Harbour <@123> and <#789> met <:pilot:55>"
BODY = (
    "Harbour pilots <@&456> and <@!77> said </brief open:991> works for <#123456789012345678> "
    "at <t:1700000000:R> with <a:wave:66>. Work starts."
)
# Discord's markup at the far side, not escaped (see bot.discord.links).
LIVE = re.compile(
    r"(?<!\\)<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::[A-Za-z])?|/[^<>\n]+:\d+|id:[\w:-]+)>"
)


def as_read(text: str) -> str:
    """What a reader sees of escaped Discord text: each escape's character, no zero-width
    spaces."""
    return re.sub(r"\\(.)", r"\1", text).replace("\u200b", "")


def shown_texts(message: dict) -> list[str]:
    texts = [message.get("content") or ""]
    for embed in embeds_of(message):
        texts += [embed.get("title") or "", embed.get("description") or ""]
    return texts


def test_discord_markup_in_an_article_shows_as_typed_in_every_answer(tmp_path):
    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                await asyncio.to_thread(store_story, runtime.store, 1, TITLE, BODY)
                slash = await fake.answer(await fake.slash("brief", {"keywords": "harbour"}))
                typed = await fake.reply_to(fake.news, fake.bob, "!brief harbour")
                fake.news.embed_links = False  # answered as plain text there
                plain = await fake.reply_to(fake.news, fake.bob, "!brief harbour")
                return [slash, typed, plain], fake.pings, fake.refused

    answers, pings, refused = scenario(run)
    assert pings == [] and refused == []
    for answer in answers:
        texts = shown_texts(answer)
        live = [found for text in texts for found in LIVE.findall(text)]
        assert live == [], live
        seen = "\n".join(as_read(text) for text in texts)
        assert TITLE in seen
        assert BODY.split(". ")[0] + "." in seen
    assert not embeds_of(answers[2])  # the plain-text answer: no embeds, the story in text


# A line Discord shows as a block of its own: a numbered list's item, or (after spaces,
# which discord.py's escape_markdown does not look past) a quote or a heading.
BLOCK_START = re.compile(r"^(?: *\d+\.\s| +[>#])", re.MULTILINE)


def store_listicle(store) -> None:
    """A story whose briefing's first sentence starts as a list's item does."""
    first = "2. Lower harbour fees for small boats, the plan says."
    article = Article(
        title="Harbour plan", text=first, url="https://news.example/1", source="Harwick Herald"
    )
    stored, _ = store.upsert_article(
        article,
        Briefing((first, "Work starts in May."), method="lead"),
        text=first,
        content_hash=hashlib.sha256(first.encode()).hexdigest(),
        now=datetime.now(UTC),
    )
    store.set_story(stored.id, stored.id)


def test_a_briefing_that_starts_like_a_numbered_list_shows_as_typed(tmp_path):
    """A listicle page's "2. Lower harbour fees ..." is the briefing's first sentence, so
    the first line of the embed: Discord would indent it as a list's item (and number
    several such lines anew)."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                await asyncio.to_thread(store_listicle, runtime.store)
                slash = await fake.answer(await fake.slash("brief", {"keywords": "harbour"}))
                fake.news.embed_links = False
                plain = await fake.reply_to(fake.news, fake.bob, "!brief harbour")
                return [slash, plain]

    for answer in scenario(run):
        texts = shown_texts(answer)
        assert [text for text in texts if BLOCK_START.search(text)] == []
        seen = "\n".join(as_read(text) for text in texts)
        assert "\n2. Lower harbour fees for small boats, the plan says." in seen
