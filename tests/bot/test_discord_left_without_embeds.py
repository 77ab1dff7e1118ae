"""A digest's message Discord made without its embeds (no Embed Links) that the bot then
cannot delete: through the real runtime and discord.py client against the fake Discord,
no story shows twice in the channel, and none is lost, once the channel is resumed."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from tests.bot.test_discord_delivery import STORIES, add_stories, admin_in, digest_settings
from tests.bot.test_discord_delivery import scenario as within_time
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import bot_over_runtime, store_story

MISSING_ACCESS = {"message": "Missing Access", "code": 50001}


def times_shown(messages: list[dict]) -> dict[str, int]:
    """How often each story's headline shows in ``messages``, as an embed's title or in
    their text (escapes and the zero-width space that keeps @everyone inert removed)."""
    parts = [message["content"] or "" for message in messages]
    parts += [embed["title"] for message in messages for embed in message["embeds"]]
    seen = "\n".join(parts).replace("\\", "").replace("\u200b", "")
    return {title: seen.count(title) for title, _ in STORIES}


@pytest.mark.parametrize("edit_refused", [False, True])
def test_a_message_left_without_its_stories_that_cannot_be_deleted_shows_none_twice(
    tmp_path, edit_refused
):
    """The delete is rate limited for longer than the bot waits: the message left is made
    the text of its stories, which count as posted, so the digest after the permission is
    given does not show them again. If that edit is refused too, only the title stays and
    the stories, never seen, come in the next digest. Either way each shows once."""

    async def run():
        async with FakeDiscord() as fake:
            key = f"discord:{fake.news.id}"
            fake.news.embed_links = False
            async with bot_over_runtime(digest_settings(fake, tmp_path), fake) as (runtime, _):
                one = rf"/channels/{fake.news.id}/messages/\d+"
                fake.rate_limit("DELETE", one, retry_after=120.0)
                if edit_refused:
                    fake.fail("PATCH", one, 403, MISSING_ACCESS)
                await asyncio.to_thread(add_stories, runtime.store, datetime.now(UTC))
                shown = await runtime.commands.run(admin_in(fake, key), "digest now")
                channel = await asyncio.to_thread(runtime.store.get_channel, key)
                fake.news.embed_links = True
                await asyncio.to_thread(runtime.store.set_paused, key, False)
                again = await runtime.delivery.deliver(key, "after the permission was given")
                return shown, channel, again, fake.by_bot_in(fake.news)

    shown, channel, again, posted = within_time(run())
    assert "Embed Links" in shown.text and channel.paused
    assert times_shown(posted) == {title: 1 for title, _ in STORIES}
    if edit_refused:
        assert again == "sent"
        assert [len(message["embeds"]) for message in posted] == [0, len(STORIES)]
    else:
        assert again != "sent"  # nothing new to post
        [text] = posted
        assert text["embeds"] == [] and "Embed Links permission" in text["content"]


def test_stories_that_do_not_fit_the_text_are_not_counted_as_posted(tmp_path):
    """A message of many long stories is far more than a message's 2,000 characters of
    text: the message left is edited into the stories that fit, only those count as
    posted, and the others come once the permission is given. Each shows exactly once."""
    long = [
        (f"Harbour story number {n} makes news", f"Sentence {n} " + "about the harbour " * 25)
        for n in range(1, 9)
    ]

    async def run():
        async with FakeDiscord() as fake:
            key = f"discord:{fake.news.id}"
            fake.news.embed_links = False
            async with bot_over_runtime(digest_settings(fake, tmp_path), fake) as (runtime, _):
                fake.rate_limit("DELETE", rf"/channels/{fake.news.id}/messages/\d+", 120.0)
                now = datetime.now(UTC)
                for n, (title, body) in enumerate(long, 1):
                    await asyncio.to_thread(store_story, runtime.store, n, title, body, now=now)
                await runtime.commands.run(admin_in(fake, key), "digest now")
                edited = [m["content"] for m in fake.by_bot_in(fake.news)]
                fake.news.embed_links = True
                await asyncio.to_thread(runtime.store.set_paused, key, False)
                again = await runtime.delivery.deliver(key, "after the permission was given")
                return edited, again, fake.by_bot_in(fake.news)

    [edited], again, posted = within_time(run())
    in_text = [title for title, _ in long if title in edited.replace("\\", "")]
    assert 0 < len(in_text) < len(long)  # some fit the text, not all
    assert again == "sent"
    later = [embed["title"] for message in posted[1:] for embed in message["embeds"]]
    assert sorted(in_text + later) == sorted(title for title, _ in long)
