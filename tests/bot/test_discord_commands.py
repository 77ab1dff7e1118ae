"""The real discord.py bot over a real BotRuntime, against the fake Discord on loopback:
prefix and slash commands, deferral, pages, permissions, autocomplete, no pings."""

from __future__ import annotations

import asyncio
import logging

import pytest

from summaries.store import open_store
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import (
    FAST,
    bot_over_runtime,
    discord_settings,
    factory_pages,
    fetching_settings,
    settings_for,
    store_story,
)
from tests.fakes.discord.limits import length
from tests.fakes.discord.payloads import GUILD_MESSAGES, GUILDS, MESSAGE_CONTENT
from tests.fakes.discord.people import NotShown
from tests.fakes.feed_server import FeedServer

EPHEMERAL = 64
HARBOUR = [
    ("@everyone Harbour walls to rise by two metres", "The harbour walls will rise. Work starts."),
    ("Harbour shops welcome **flood** plan", "Harbour shop owners welcomed the plan. Calls."),
    ("Harbour district floods again", "The harbour district flooded again overnight. Pumps."),
    ("Harbour budget questioned", "The opposition questioned the harbour budget. Votes."),
    ("Harbour drawings open for comment", "Residents can comment on harbour drawings. Deadline."),
]


def scenario(coro_fn, timeout: float = 30.0):
    return asyncio.run(asyncio.wait_for(coro_fn(), timeout))


def with_harbour_stories(runtime) -> None:
    for n, (title, body) in enumerate(HARBOUR, start=1):
        store_story(runtime.store, n, title, body)


def embeds_of(message):
    return message.get("embeds") or []


def test_a_prefix_command_is_answered_in_its_channel_as_a_reply(tmp_path):
    """`!help` from a member: an embed reply to that message, pinging no one."""

    async def run():
        async with FakeDiscord() as fake:
            settings = settings_for(fake, tmp_path)
            async with bot_over_runtime(settings, fake):
                asked = await fake.say(fake.news, fake.bob, "!help")
                [answer] = await fake.wait_for(lambda: fake.by_bot_in(fake.news), what="answer")
                [embed] = embeds_of(answer)
                assert embed["title"] == "What I can do"
                assert "brief:" in embed["description"]
                sent = fake.requests_to("POST", rf"/channels/{fake.news.id}/messages")[0].body
                assert str(sent["message_reference"]["message_id"]) == asked["id"]
                assert sent["allowed_mentions"]["parse"] == []
                assert not sent["allowed_mentions"].get("replied_user")  # no ping by reply
                [identify] = [e for e in fake.gateway.log if e.kind == "identify"]
                wanted = GUILDS | GUILD_MESSAGES | MESSAGE_CONTENT
                assert identify.detail["intents"] == wanted

    scenario(run)


def test_every_line_addressed_to_the_bot_gets_an_answer(tmp_path):
    """A misspelt command after the prefix is answered with the right one; a mention
    with nothing after it is answered with help, as on Slack; a command on the line
    after a mention is read too. A "!" that starts no word is not addressed to the bot."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake):
                mention = f"<@{fake.bot.id}>"
                asked = []
                for content in ("!breif cyber", mention, f"{mention}\nhelp", "! wow", "!!"):
                    asked.append(await fake.say(fake.news, fake.bob, content))
                await fake.wait_for(lambda: len(fake.by_bot_in(fake.news)) >= 3, what="answers")
                await asyncio.sleep(0.3)  # time enough for an answer that should not come
                sent = fake.requests_to("POST", rf"/channels/{fake.news.id}/messages")
                answers = {
                    str(r.body["message_reference"]["message_id"]): r.body["embeds"][0]
                    for r in sent
                }
                assert set(answers) == {message["id"] for message in asked[:3]}
                assert "Did you mean brief?" in answers[asked[0]["id"]]["description"]
                assert answers[asked[1]["id"]]["title"] == "What I can do"
                assert answers[asked[2]["id"]]["title"] == "What I can do"

    scenario(run)


def test_a_command_in_a_fenced_block_after_a_mention_is_run(tmp_path):
    """``@bot`` then a fenced block whose first line is the command: the command runs
    with the words below it (the fence's first line is not taken for a language), while a
    block of python code is answered, not run."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                await asyncio.to_thread(with_harbour_stories, runtime)
                mention = f"<@{fake.bot.id}>"
                await fake.say(fake.news, fake.bob, f"{mention} ```brief\nharbour budget\n```")
                [answer] = await fake.wait_for(lambda: fake.by_bot_in(fake.news), what="answer")
                titles = [embed["title"] for embed in embeds_of(answer)]
                assert "Harbour budget questioned" in titles
                await fake.say(fake.news, fake.bob, f"{mention}\n```python\nhelp()\n```")
                found = await fake.wait_for(
                    lambda: fake.by_bot_in(fake.news)[1:], what="second answer"
                )
                [embed] = embeds_of(found[0])
                assert "block of python code" in embed["description"]

    scenario(run)


def test_custom_emoji_and_mentions_are_read_as_the_chat_shows_them(tmp_path):
    """``<:lock:678>`` shows as a picture and ``<@id>`` as a name: a custom emoji is no
    keyword, a mention is the name Discord sent with the message, or nothing."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                await asyncio.to_thread(with_harbour_stories, runtime)
                await fake.say(fake.news, fake.bob, "!brief harbour budget <:lock:678> <@123>")
                [answer] = await fake.wait_for(lambda: fake.by_bot_in(fake.news), what="answer")
                assert "Harbour budget questioned" in [e["title"] for e in embeds_of(answer)]
                assert "678" not in answer["content"] and "123" not in answer["content"]
                await fake.say(fake.news, fake.bob, f"!brief harbour <@{fake.alice.id}>")
                found = await fake.wait_for(lambda: fake.by_bot_in(fake.news)[1:], what="next")
                [embed] = embeds_of(found[0])
                assert "No stored story matches harbour\\* alice\\*" in embed["description"]
                # a slash command's text option: its mentions come without names, dropped
                slash = await fake.slash("brief", {"keywords": "harbour budget <:lock:678> <@9>"})
                await fake.wait_for(lambda: slash.callbacks)
                titles = [embed["title"] for embed in embeds_of(slash.original)]
                assert "Harbour budget questioned" in titles

    scenario(run)


def test_without_a_prefix_the_bot_asks_for_no_message_intents(tmp_path):
    """prefix = "": only the guilds intent; a "!help" never even reaches the bot."""

    async def run():
        async with FakeDiscord() as fake:
            settings = settings_for(fake, tmp_path, discord=discord_settings(fake, prefix=""))
            async with bot_over_runtime(settings, fake):
                [identify] = [e for e in fake.gateway.log if e.kind == "identify"]
                assert identify.detail["intents"] == GUILDS
                await fake.say(fake.news, fake.alice, "!help")
                interaction = await fake.slash("help")  # slash commands still work
                await fake.wait_for(lambda: interaction.callbacks)
                assert fake.by_bot_in(fake.news) == [interaction.original]

    scenario(run)


def test_a_quick_slash_command_is_answered_at_once(tmp_path):
    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake):
                interaction = await fake.slash("help", {"command": "brief"})
                await fake.wait_for(lambda: interaction.callbacks)
                assert interaction.callback_types == [4]
                assert interaction.answered_after < 3.0
                [embed] = embeds_of(interaction.original)
                assert embed["title"] == "help brief"
                assert not interaction.original["flags"] & EPHEMERAL

    scenario(run)


def test_a_slow_slash_command_is_deferred_then_answered_by_a_follow_up(tmp_path):
    """/summarize fetches a page and summarizes it in the process pool: "thinking..." first,
    well within 3 s, then the briefing replaces it."""

    async def run():
        with FeedServer() as site:
            factory_pages(site, "/factory")
            async with FakeDiscord() as fake:
                settings = fetching_settings(fake, tmp_path)
                async with bot_over_runtime(settings, fake):
                    url = site.url("/factory")
                    interaction = await fake.slash("summarize", {"url": url})
                    await fake.wait_for(lambda: interaction.edits, timeout=20, what="follow-up")
                    assert interaction.callback_types == [5]  # deferred: "thinking..."
                    assert interaction.answered_after < 3.0
                    [embed] = embeds_of(fake.messages[int(interaction.original["id"])])
                    assert "Voltara" in embed["title"]
                    assert embed["url"].startswith("http://127.0.0.1")
                    assert embed["description"]

    scenario(run, timeout=60)


def test_brief_pages_turn_for_the_asker_only_and_the_buttons_expire(tmp_path):
    from bot.discord import Timing

    async def run():
        async with FakeDiscord() as fake:
            timing = Timing(guild_ready_timeout=0.02, identify_delay=0, page_timeout=1.0)
            async with bot_over_runtime(settings_for(fake, tmp_path), fake, timing) as (rt, _):
                await asyncio.to_thread(with_harbour_stories, rt)
                interaction = await fake.slash("brief", {"keywords": "harbour"})
                await fake.wait_for(lambda: interaction.callbacks)
                first = interaction.original
                assert first["content"].startswith("**Briefing:")
                page_one = [e["title"] for e in embeds_of(first)]
                assert len(page_one) == 3
                previous, counter, following = fake.buttons(first)
                assert counter["label"] == "1 / 2" and previous["disabled"]

                intruder = await fake.click(first, following["custom_id"], user=fake.bob)
                await fake.wait_for(lambda: intruder.callbacks)
                assert intruder.callback_types == [4]
                assert intruder.original["flags"] & EPHEMERAL
                assert "Only the person who asked" in intruder.original["content"]
                assert [e["title"] for e in embeds_of(fake.messages[int(first["id"])])] == (
                    page_one
                )

                turn = await fake.click(first, following["custom_id"], user=fake.alice)
                await fake.wait_for(lambda: turn.callbacks)
                assert turn.callback_types == [7]  # the message itself is updated
                page_two = [e["title"] for e in embeds_of(fake.messages[int(first["id"])])]
                assert len(page_two) == 2 and not set(page_two) & set(page_one)
                assert fake.buttons(first)[1]["label"] == "2 / 2"

                # a second of no use: the buttons go, the page stays
                await fake.wait_for(lambda: not fake.buttons(first), timeout=5, what="expiry")
                assert [e["title"] for e in embeds_of(fake.messages[int(first["id"])])] == (
                    page_two
                )
                assert fake.pings == []

    scenario(run)


def test_configuration_needs_manage_server_and_errors_are_private(tmp_path):
    """/topics is not even offered to bob (no Manage Server) until the server grants it to
    everyone; then the command layer still refuses him, privately. alice (a role with
    Manage Server) may. A prefix command is checked the same way: bob is told "Admins
    only" and the topic stays until the owner removes it."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                key = f"discord:{fake.news.id}"
                with pytest.raises(NotShown):
                    await fake.slash("topics", {"topic": "cyber"}, subcommand="add", user=fake.bob)
                assert fake.may_use("brief", fake.bob) and fake.may_use("digest", fake.bob)

                fake.grant("topics")  # Server Settings > Integrations: /topics for everyone
                refused = await fake.slash(
                    "topics", {"topic": "cyber"}, subcommand="add", user=fake.bob
                )
                await fake.wait_for(lambda: refused.callbacks)
                assert refused.original["flags"] & EPHEMERAL
                assert "Manage Server" in embeds_of(refused.original)[0]["description"]
                assert fake.by_bot_in(fake.news) == []  # nothing public
                assert await asyncio.to_thread(runtime.store.get_channel, key) is None

                allowed = await fake.slash(
                    "topics", {"topic": 'cyber "central bank"'}, subcommand="add"
                )
                await fake.wait_for(lambda: allowed.callbacks)
                assert not allowed.original["flags"] & EPHEMERAL
                channel = await asyncio.to_thread(runtime.store.get_channel, key)
                assert set(channel.topics) == {"cyber", '"central bank"'}

                await fake.say(fake.news, fake.bob, "!topics remove cyber")
                [_, answer] = await fake.wait_for(
                    lambda: len(fake.by_bot_in(fake.news)) == 2 and fake.by_bot_in(fake.news),
                    what="the answer to bob",
                )
                [embed] = embeds_of(answer)
                assert embed["title"] == "Admins only"
                assert "Manage Server" in embed["description"]
                channel = await asyncio.to_thread(runtime.store.get_channel, key)
                assert set(channel.topics) == {"cyber", '"central bank"'}  # still there

                await fake.say(fake.news, fake.owner, "!topics remove cyber")
                await fake.wait_for(lambda: len(fake.by_bot_in(fake.news)) == 3)
                channel = await asyncio.to_thread(runtime.store.get_channel, key)
                assert channel.topics == ('"central bank"',)

    scenario(run)


def test_autocomplete_offers_topics_sources_and_time_zones(tmp_path):
    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                key = f"discord:{fake.news.id}"
                await asyncio.to_thread(runtime.store.ensure_channel, key)
                for topic in ("cyber", "cycling", "elections"):
                    await asyncio.to_thread(runtime.store.add_topic, key, topic)
                await asyncio.to_thread(
                    runtime.store.add_source, "https://news.example/rss", "feed"
                )
                long_url = "https://news.example/feeds/" + "harbour-" * 15 + "rss.xml"
                long_source = await asyncio.to_thread(runtime.store.add_source, long_url, "feed")

                topics = await fake.slash(
                    "topics", {"topic": "cy"}, subcommand="remove", focused="topic"
                )
                zones = await fake.slash(
                    "schedule",
                    {"time": "08:00", "timezone": "europe/be"},
                    subcommand="set",
                    focused="timezone",
                )
                sources = await fake.slash(
                    "sources", {"url": "news"}, subcommand="remove", focused="url"
                )
                await fake.wait_for(lambda: topics.callbacks and zones.callbacks)
                await fake.wait_for(lambda: sources.callbacks)
                assert [c["value"] for c in topics.choices] == ["cyber", "cycling"]
                assert "Europe/Berlin" in [c["value"] for c in zones.choices]
                assert len(zones.choices) <= 25
                # an address too long for a choice is offered by its number
                short, long = sources.choices
                assert short == {"name": "https://news.example/rss", "value": short["name"]}
                assert long["value"] == f"#{long_source.id}"
                assert long["name"].startswith(f"#{long_source.id} — news.example/feeds/harb")
                assert long["name"].endswith("…") and len(long["name"]) <= 100

    scenario(run)


def test_schedule_set_can_name_another_channel(tmp_path):
    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                interaction = await fake.slash(
                    "schedule",
                    {"time": "7:30", "timezone": "Europe/Berlin", "channel": fake.locked},
                    subcommand="set",
                )
                await fake.wait_for(lambda: interaction.callbacks)
                assert not interaction.original["flags"] & EPHEMERAL
                other = await asyncio.to_thread(
                    runtime.store.get_channel, f"discord:{fake.locked.id}"
                )
                assert (other.time, other.timezone) == ("07:30", "Europe/Berlin")
                assert runtime.schedule.next_run(other.id) is not None
                here = await asyncio.to_thread(runtime.store.get_channel, f"discord:{fake.news.id}")
                assert here is None or here.time is None

    scenario(run)


def test_article_text_never_pings_anyone(tmp_path):
    """A headline with @everyone, through a prefix and a slash command: shown, never a ping."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                await asyncio.to_thread(with_harbour_stories, runtime)
                await fake.say(fake.news, fake.bob, "!brief @everyone harbour walls")
                slash = await fake.slash("brief", {"keywords": "@everyone harbour walls"})
                await fake.wait_for(lambda: len(fake.by_bot_in(fake.news)) == 2)
                assert fake.pings == []
                assert fake.refused == []
                for message in fake.by_bot_in(fake.news):
                    assert "@everyone" not in message["content"].replace("@\u200beveryone", "")
                    assert message["allowed_mentions"]["parse"] == []
                assert slash.callback_types == [4]

    scenario(run)


def test_every_command_of_the_table_is_registered_once(tmp_path):
    from bot.commands import COMMANDS

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake):
                assert set(fake.commands) == set(COMMANDS.names)
                for command in COMMANDS:
                    options = fake.commands[command.name].get("options") or []
                    subs = {o["name"] for o in options if o["type"] == 1}
                    assert subs == {action.name for action in command.actions}
                assert fake.refused == []

    scenario(run)


@pytest.mark.parametrize("shards", ["auto"])
def test_shards_auto_identifies_every_shard_discord_recommends(tmp_path, shards):
    async def run():
        async with FakeDiscord() as fake:
            settings = settings_for(fake, tmp_path, discord=discord_settings(fake, shards=shards))
            async with bot_over_runtime(settings, fake, FAST) as (_, adapter):
                identified = sorted(
                    tuple(e.detail["shard"]) for e in fake.gateway.log if e.kind == "identify"
                )
                assert identified == [(0, 2), (1, 2)]  # the fake recommends two shards
                assert adapter.bot.shard_count == 2
                interaction = await fake.slash("help")  # reaches the guild's shard
                await fake.wait_for(lambda: interaction.callbacks)

    scenario(run)


def test_a_command_still_running_after_defer_after_is_deferred_and_a_private_answer_stays_private(
    tmp_path,
):
    """With defer_after 0 every command is deferred: a public answer replaces "thinking...",
    a private one (nothing found) follows up ephemerally, then deletes it."""
    from bot.discord import Timing

    async def run():
        async with FakeDiscord() as fake:
            timing = Timing(guild_ready_timeout=0.02, identify_delay=0, defer_after=0.0)
            async with bot_over_runtime(settings_for(fake, tmp_path), fake, timing):
                public = await fake.slash("topics", subcommand="list")  # reads the store
                private = await fake.slash("brief", {"keywords": "nothing-matches-this"})
                await fake.wait_for(lambda: public.edits and private.followups and private.deleted)
                assert public.callback_types == private.callback_types == [5]
                assert embeds_of(fake.messages[int(public.original["id"])])[0]["title"] == (
                    "Topics"
                )
                assert private.deleted == [private.original["id"]]
                [followup] = private.followups
                assert followup["flags"] & EPHEMERAL
                assert embeds_of(followup)[0]["title"] == "Nothing found"
                assert fake.by_bot_in(fake.news) == [fake.messages[int(public.original["id"])]]

    scenario(run)


def test_pages_of_a_prefix_command_turn_too(tmp_path):
    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                await asyncio.to_thread(with_harbour_stories, runtime)
                await fake.say(fake.news, fake.bob, "!brief harbour")
                [first] = await fake.wait_for(lambda: fake.by_bot_in(fake.news))
                assert len(embeds_of(first)) == 3
                following = fake.buttons(first)[2]
                refused = await fake.click(first, following["custom_id"], user=fake.alice)
                turned = await fake.click(first, following["custom_id"], user=fake.bob)
                await fake.wait_for(lambda: refused.callbacks and turned.callbacks)
                assert refused.callback_types == [4] and turned.callback_types == [7]
                assert len(embeds_of(fake.messages[int(first["id"])])) == 2

    scenario(run)


def test_the_defer_timer_counts_from_the_interactions_creation():
    from datetime import UTC, datetime, timedelta

    from bot.discord.dispatch import defer_in

    now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    assert defer_in(now - timedelta(seconds=0.5), 2.0, now) == 1.5
    assert defer_in(now - timedelta(seconds=2.5), 2.0, now) == 0.0  # already late: defer now
    assert defer_in(now + timedelta(seconds=5), 2.0, now) == 2.0  # a clock ahead of ours


def test_an_interaction_that_arrives_late_is_deferred_within_discords_three_seconds(tmp_path):
    """Created 2.5 s before it reaches the bot, a command that takes a second is deferred at
    once: waiting the full 2 s from its arrival would answer after Discord's 3 s."""
    from bot.discord import make_bot
    from bot.replies import Reply
    from tests.fakes.discord.harness import running

    class SlowCommands:
        """A command layer whose every command takes a second."""

        async def run(self, caller, text):
            await asyncio.sleep(1.0)
            return Reply(title="Done", text="That took a while.")

        def topics_of(self, channel):
            return []

        def source_names(self, tenant):
            return []

    async def run():
        async with FakeDiscord() as fake:
            settings = settings_for(fake, tmp_path)
            with open_store(settings.store.path) as store:
                bot = make_bot(settings, SlowCommands(), store, timing=FAST)
                async with running(bot, fake):
                    late = await fake.slash("help", age=2.5)
                    await fake.wait_for(lambda: late.edits, what="the answer")
                    assert late.callback_types == [5]
                    assert late.answered_after < 3.0
                    answer = fake.messages[int(late.original["id"])]
                    assert embeds_of(answer)[0]["title"] == "Done"

    scenario(run)


def test_without_embed_links_a_prefix_command_is_answered_in_plain_text(tmp_path, caplog):
    """Where the bot lacks Embed Links, Discord drops an answer's embeds and refuses the
    answer of embeds alone as empty (400, code 50006): the asker gets the same answer as
    text, a reply to the command, pinging no one."""

    async def run():
        async with FakeDiscord() as fake:
            fake.news.embed_links = False
            async with bot_over_runtime(settings_for(fake, tmp_path), fake):
                asked = await fake.say(fake.news, fake.bob, "!help")
                [answer] = await fake.wait_for(lambda: fake.by_bot_in(fake.news), what="answer")
                posts = fake.requests_to("POST", rf"/channels/{fake.news.id}/messages")
                return asked, answer, posts

    with caplog.at_level(logging.INFO, logger="briefing.discord.commands"):
        asked, answer, posts = scenario(run)
    assert [post.status for post in posts] == [400, 200]
    assert embeds_of(answer) == []
    text = answer["content"]
    assert text.startswith("**What I can do**\n")
    assert "brief" in text
    assert text.endswith("Embed Links permission in this channel to show answers in full.")
    assert length(text) <= 2000
    assert str(posts[1].body["message_reference"]["message_id"]) == asked["id"]
    assert answer["allowed_mentions"]["parse"] == []
    assert f"discord:{answer['channel_id']}" in caplog.text and "Embed Links" in caplog.text


def test_without_embed_links_stories_are_shown_as_text_in_the_message_left_bare(tmp_path):
    """Stories go with their title as text: Discord makes that message without its embeds.
    It becomes the whole answer in text (headlines, links without previews, briefings), its
    page buttons gone; a headline's @everyone pings no one."""

    async def run():
        async with FakeDiscord() as fake:
            fake.news.embed_links = False
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                await asyncio.to_thread(with_harbour_stories, runtime)
                await fake.say(fake.news, fake.bob, "!brief harbour")
                await fake.wait_for(
                    lambda: fake.requests_to("PATCH", rf"/channels/{fake.news.id}/messages/\d+"),
                    what="the bare answer edited",
                )
                await asyncio.sleep(0.2)
                return fake.by_bot_in(fake.news), fake.pings, fake.buttons

    shown, pings, buttons = scenario(run)
    [answer] = shown  # one message: the bare one, edited
    assert embeds_of(answer) == [] and buttons(answer) == []
    text = answer["content"]
    for title, body in HARBOUR:
        headline = title.replace("**", "\\*\\*").replace("@everyone", "@\u200beveryone")
        assert headline in text
        assert body.split(". ")[0] in text
    assert "<https://news.example/1>" in text
    assert text.endswith("Embed Links permission in this channel to show answers in full.")
    assert length(text) <= 2000
    assert pings == []


def test_where_the_bot_may_not_post_at_all_no_text_answer_is_tried_and_it_is_logged(
    tmp_path, caplog
):
    """A 403 where the bot has Embed Links (as the gateway told its permissions) is not
    about embeds: an answer in text would be refused alike, so it is not tried. A second
    command there is refused once too, and the bot answers elsewhere."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake):
                path = rf"/channels/{fake.locked.id}/messages"
                for asked in (1, 2):
                    await fake.say(fake.locked, fake.bob, "!help")
                    await fake.wait_for(lambda n=asked: len(fake.requests_to("POST", path)) >= n)
                await fake.say(fake.news, fake.bob, "!help")
                await fake.wait_for(lambda: fake.by_bot_in(fake.news), what="an answer")
                return fake.requests_to("POST", path)

    with caplog.at_level(logging.INFO, logger="briefing.discord.commands"):
        posts = scenario(run)
    assert [post.status for post in posts] == [403, 403]
    assert all(post.body.get("embeds") for post in posts)  # no text answer tried
    assert caplog.text.count("cannot answer 'help' in Discord channel") == 2
    assert "403" in caplog.text and "answering as text" not in caplog.text
