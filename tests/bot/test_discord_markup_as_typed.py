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
import unicodedata
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


# Headlines too long for an embed's 256-character title, cut with "…": each written so a
# cut at any code point but a cluster's edge changes what is shown (an accent dropped, a
# family split into two people and a dangling joiner, a flag's letters split apart).
LONG_TITLES = {
    "accents": "Accents " + "Pe\u0301re\u0301z" * 60,
    "family": "Family " + "\U0001f468\u200d\U0001f469\u200d\U0001f467" * 40,
    "flags": "Flags " + "\U0001f1e9\U0001f1ea\U0001f1eb\U0001f1f7" * 40,
    "devanagari": "Devanagari " + "\u0928\u093f\u0930\u094d\u092e\u093e\u0923" * 60,
}


def whole_clusters(shown: str, written: str) -> bool:
    """Whether ``shown`` (a cut headline, "…" at its end) is ``written`` up to a place where
    a person sees one character end and the next begin."""
    head = shown.removesuffix("…")
    rest = written[len(head) :]
    if not written.startswith(head) or not rest:
        return False
    joined = head.endswith("\u200d") or unicodedata.category(rest[0]) in ("Mn", "Mc", "Me")
    pairs = len(head) - len(head.rstrip("".join(map(chr, range(0x1F1E6, 0x1F200)))))
    return not joined and rest[0] != "\u200d" and pairs % 2 == 0


def test_a_long_headline_is_cut_between_characters_as_people_see_them(tmp_path):
    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                for n, (word, title) in enumerate(LONG_TITLES.items(), 1):
                    body = f"The {word} story. It is long."
                    await asyncio.to_thread(store_story, runtime.store, n, title, body)
                answers = {}
                for word in LONG_TITLES:
                    slash = await fake.slash("brief", {"keywords": word})
                    answers[word] = await fake.answer(slash)
                return answers, fake.refused

    answers, refused = scenario(run)
    assert refused == []
    for word, answer in answers.items():
        [title] = [embed["title"] for embed in embeds_of(answer)]
        assert title.endswith("…")
        written = LONG_TITLES[word]
        assert whole_clusters(title, written), (word, title[-6:], written[len(title) - 6 :][:8])
