"""Odd command lines typed in Discord, through the real discord.py client against the fake
Discord: each gets an answer a person can use, and the bot keeps answering."""

from __future__ import annotations

import asyncio
import logging

import pytest

from tests.bot.test_discord_commands import (
    embeds_of,
    scenario,
    with_harbour_stories,
)
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import (
    bot_over_runtime,
    factory_pages,
    fetching_settings,
    settings_for,
)
from tests.fakes.discord.payloads import EMBED_LINKS, SEND_MESSAGES
from tests.fakes.feed_server import FeedServer

MISSING_PERMISSIONS = {"message": "Missing Permissions", "code": 50013}


@pytest.mark.parametrize("mass", ["@everyone", "@here", "@here,", "(@everyone)"])
def test_a_mention_of_the_whole_channel_is_not_searched_as_a_word(tmp_path, mass):
    """A mention of everyone names no one and nothing to look for: ``!brief @everyone harbour
    district`` searches "harbour district", as the slash command does."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                await asyncio.to_thread(with_harbour_stories, runtime)
                await fake.say(fake.news, fake.bob, f"!brief {mass} harbour district")
                [typed] = await fake.wait_for(lambda: fake.by_bot_in(fake.news), what="answer")
                slash = await fake.slash("brief", {"keywords": f"{mass} harbour district"})
                return typed, await fake.answer(slash)

    for answer in scenario(run):
        assert answer["content"].startswith("**Briefing: harbour\\* district\\***")
        assert "Harbour district floods again" in [e["title"] for e in embeds_of(answer)]
        assert "everyone" not in answer["content"] and "here" not in answer["content"]


def test_an_address_kept_from_its_preview_keeps_a_bar_inside_it(tmp_path):
    """``<…>`` on Discord only keeps an address from showing a preview, and a ``|`` in it
    is the address's: ``!summarize <https://…/story|2>`` reads that page, not ``…/story``
    (a Slack link's label is cut there; Discord has no labels)."""

    async def run():
        with FeedServer() as site:
            factory_pages(site, "/factory", "/factory%7C2", "/factory|2")
            async with FakeDiscord() as fake:
                async with bot_over_runtime(fetching_settings(fake, tmp_path), fake):
                    line = f"!summarize <{site.url('/factory|2')}>"
                    await fake.say(fake.news, fake.bob, line)
                    await fake.wait_for(lambda: fake.by_bot_in(fake.news), 20, "answer")
                    return site.paths()

    [path] = scenario(run, timeout=60)
    assert path in ("/factory%7C2", "/factory|2")


def test_an_address_ending_in_a_whole_channel_name_is_left_whole(tmp_path):
    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake):
                await fake.say(fake.news, fake.bob, "!brief https://social.example/@here")
                [answer] = await fake.wait_for(lambda: fake.by_bot_in(fake.news), what="answer")
                return answer

    [embed] = embeds_of(scenario(run))
    # a link to it as written: no zero-width space inside (one keeps a bare @here inert)
    assert embed["description"].endswith("use summarize <https://social.example/@here>")

    """The channel's overwrites (as the gateway sent them) deny the bot Embed Links but not
    Send Messages: a 403 to an answer of embeds is about them, so it is given as text."""

    async def run():
        async with FakeDiscord() as fake:
            deny = {"id": str(fake.bot.id), "type": 1, "allow": "0", "deny": str(EMBED_LINKS)}
            fake.news.overwrites = [deny]
            async with bot_over_runtime(settings_for(fake, tmp_path), fake):
                path = rf"/channels/{fake.news.id}/messages"
                fake.fail("POST", path, 403, {"message": "Missing Permissions", "code": 50013})
                await fake.say(fake.news, fake.bob, "!help")
                [answer] = await fake.wait_for(lambda: fake.by_bot_in(fake.news), what="answer")
                return answer, [r.status for r in fake.requests_to("POST", path)]

    answer, statuses = scenario(run)
    assert statuses == [403, 200]
    assert embeds_of(answer) == [] and answer["content"].startswith("**What I can do**")


def test_a_403_in_a_thread_where_the_bot_may_post_but_not_embed_is_answered_in_text(tmp_path):
    """In a thread it is Send Messages in Threads that lets the bot answer, not the parent
    channel's Send Messages (denied here, as a forum or an announcement channel often does):
    a 403 to an answer of embeds where the bot lacks Embed Links is still about them."""

    async def run():
        async with FakeDiscord() as fake:
            deny = {
                "id": str(fake.bot.id),
                "type": 1,
                "allow": "0",
                "deny": str(EMBED_LINKS | SEND_MESSAGES),
            }
            fake.news.overwrites = [deny]
            thread = fake.thread_in(fake.news)
            async with bot_over_runtime(settings_for(fake, tmp_path), fake):
                path = rf"/channels/{thread.id}/messages"
                fake.fail("POST", path, 403, MISSING_PERMISSIONS)
                await fake.say(thread, fake.bob, "!help")
                [answer] = await fake.wait_for(lambda: fake.by_bot_in(thread), what="answer")
                return answer, [r.status for r in fake.requests_to("POST", path)]

    answer, statuses = scenario(run)
    assert statuses == [403, 200]
    assert embeds_of(answer) == [] and answer["content"].startswith("**What I can do**")


def test_a_403_in_a_thread_whose_channel_the_bot_does_not_know_is_only_logged(
    tmp_path, caplog
):
    """A thread whose parent channel is not in the bot's cache has no permissions to read:
    the 403 is logged as a failed answer, no text is tried and nothing is raised, and the
    bot goes on answering elsewhere."""

    async def run():
        async with FakeDiscord() as fake:
            thread = fake.thread_in(10**17)  # a parent the gateway never sent
            async with bot_over_runtime(settings_for(fake, tmp_path), fake):
                path = rf"/channels/{thread.id}/messages"
                fake.fail("POST", path, 403, MISSING_PERMISSIONS)
                await fake.say(thread, fake.bob, "!help")
                await fake.wait_for(lambda: fake.requests_to("POST", path), what="the try")
                await fake.say(fake.news, fake.bob, "!help")
                await fake.wait_for(lambda: fake.by_bot_in(fake.news), what="next answer")
                return [r.status for r in fake.requests_to("POST", path)]

    with caplog.at_level(logging.WARNING):
        statuses = scenario(run)
    assert statuses == [403]
    assert any("cannot answer 'help'" in r.getMessage() for r in caplog.records)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text


def test_a_prefix_command_acts_on_the_channel_it_names_as_the_slash_option_would(tmp_path):
    """``!schedule set 07:30 Europe/Berlin #locked`` (Discord sends the picked channel as
    ``<#id>``) sets locked's digest, not this channel's; "#news" typed as a word names
    no channel, and the answer says how to name one."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                line = f"!schedule set 07:30 Europe/Berlin <#{fake.locked.id}>"
                await fake.say(fake.news, fake.alice, line)
                await fake.wait_for(lambda: fake.by_bot_in(fake.news), what="answer")
                await fake.say(fake.news, fake.alice, "!schedule pause #locked")
                answers = await fake.wait_for(
                    lambda: fake.by_bot_in(fake.news)[1:], what="second answer"
                )
                store = runtime.store
                channels = [store.get_channel(f"discord:{c.id}") for c in (fake.locked, fake.news)]
                return channels, answers[0]

    (locked, here), refused = scenario(run)
    assert (locked.time, locked.timezone) == ("07:30", "Europe/Berlin") and not locked.paused
    assert here is None or here.time is None
    [embed] = embeds_of(refused)
    assert embed["description"] == (
        "'#locked' names a channel as a word, and schedule pause acts on the channel it is "
        "asked in. Ask in that channel, or use the slash command /schedule pause and choose "
        "it in its channel option."
    )
