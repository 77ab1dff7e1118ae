"""Digests into Discord through the real runtime and the real discord.py client, against the
fake Discord: the scheduled digest, 429s, 403s, and a gateway that drops."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
import time_machine

from bot.posting import PostError
from bot.replies import Reply, ReplyItem
from summaries.config import ChannelSettings, DigestSettings
from tests.bot.helpers_digest import digest_outcomes
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import (
    FAST,
    bot_over_runtime,
    digests_in,
    settings_for,
    store_story,
)

STORIES = [
    ("Brennport port reopens after ransomware attack", "The port reopened on Monday. Trucks."),
    ("Council approves @everyone flood walls", "The council approved the walls. Work starts."),
    ("Heat wave strains the Tarrow grid", "The grid operator warned of cuts. Demand rose."),
]


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def scenario(coro, timeout: float = 30.0):
    return asyncio.run(asyncio.wait_for(coro, timeout))


def digest_settings(fake: FakeDiscord, tmp_path, channel=None):
    channel = channel or fake.news
    return settings_for(
        fake,
        tmp_path,
        digest=DigestSettings(when_empty="skip"),
        channels=(
            ChannelSettings(id=f"discord:{channel.id}", time="08:00", timezone="Europe/Berlin"),
        ),
    )


def add_stories(store, now: datetime) -> list[str]:
    return [store_story(store, n, t, b, now=now).title for n, (t, b) in enumerate(STORIES, 1)]


def test_the_scheduled_digest_arrives_in_the_configured_channel(tmp_path):
    """08:00 in Berlin: one message in #news, a story per embed, a linked headline, the
    outlets and the briefing; "@everyone" in a headline pings no one."""

    async def run(traveller):
        async with FakeDiscord() as fake:
            settings = digest_settings(fake, tmp_path)
            async with bot_over_runtime(settings, fake) as (runtime, _):
                titles = await asyncio.to_thread(add_stories, runtime.store, utc(2026, 3, 2, 5))
                outcomes = digest_outcomes(runtime, None)
                traveller.move_to(utc(2026, 3, 2, 7, 0))  # 08:00 in Berlin
                runtime.schedule.scheduler.wakeup()
                assert await asyncio.wait_for(outcomes.get(), 10) == "sent"
                [digest] = digests_in(fake, fake.news)
                assert digest["content"].startswith("**Your briefing for Monday 2 March**")
                assert sorted(e["title"] for e in digest["embeds"]) == sorted(
                    t.replace("@everyone", "@\u200beveryone") for t in titles
                )
                for embed in digest["embeds"]:
                    assert embed["url"].startswith("https://news.example/")
                    assert embed["footer"]["text"] == "Harwick Herald"
                    assert embed["description"]
                    assert embed["timestamp"]
                assert digest["allowed_mentions"]["parse"] == []
                assert fake.pings == [] and fake.refused == []
                record = await asyncio.to_thread(
                    runtime.store.digest_record, f"discord:{fake.news.id}", "2026-03-02"
                )
                assert record is not None and record.sent_at is not None

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False) as traveller:
        scenario(run(traveller))


def test_a_dropped_gateway_resumes_and_a_lost_session_reconnects_without_a_second_digest(
    tmp_path,
):
    """The connection is cut just before 08:00: the digest goes out over REST once, the
    session resumes (a command sent meanwhile is replayed and answered once); then the
    session is lost for good and the bot identifies afresh: still one digest."""

    async def run(traveller):
        async with FakeDiscord() as fake:
            settings = digest_settings(fake, tmp_path)
            key = f"discord:{fake.news.id}"
            async with bot_over_runtime(settings, fake) as (runtime, adapter):
                await asyncio.to_thread(add_stories, runtime.store, utc(2026, 3, 2, 5))
                outcomes = digest_outcomes(runtime, None)
                assert await fake.gateway.drop() == 1  # cut, no close frame
                await fake.say(fake.news, fake.bob, "!brief port")  # while disconnected
                traveller.move_to(utc(2026, 3, 2, 7, 0))
                runtime.schedule.scheduler.wakeup()
                assert await asyncio.wait_for(outcomes.get(), 10) == "sent"
                await fake.wait_for(lambda: fake.gateway.count("resume") == 1, what="resume")
                [resumed] = [e for e in fake.gateway.log if e.kind == "resume"]
                assert resumed.detail["replayed"] >= 1  # the command, sent while cut off
                await fake.wait_for(lambda: len(fake.by_bot_in(fake.news)) == 2, what="posts")
                assert len(digests_in(fake, fake.news)) == 1
                digest = digests_in(fake, fake.news)
                answers = [m for m in fake.by_bot_in(fake.news) if m not in digest]
                assert len(answers) == 1 and answers[0]["content"].startswith("**Briefing: port")

                fake.gateway.invalidate()  # the next RESUME is refused: a fresh IDENTIFY
                await fake.gateway.drop(code=4000)
                await fake.wait_for(lambda: fake.gateway.count("identify") == 2, what="identify")
                await fake.wait_for(lambda: fake.gateway.count("resume-refused") == 1)
                assert await runtime.delivery.resend_unsent() == 0
                assert await runtime.delivery.deliver(key, "2026-03-02") == "already-sent"
                after = await fake.slash("help")  # the new session serves commands
                await fake.wait_for(lambda: after.callbacks)
                assert len(digests_in(fake, fake.news)) == 1
                assert adapter.bot.is_ready()

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False) as traveller:
        scenario(run(traveller))


def test_one_tick_posts_every_server_its_digest_whatever_the_others_answer(tmp_path):
    """08:00 for three servers at once: one answers a global 429 and then a 502 before it
    takes the post, one forbids the bot its channel, one's channel was deleted. The first
    gets its digest once; the other two are paused, each with its reason, and nothing is
    posted twice."""

    async def run(traveller):
        async with FakeDiscord() as fake:
            other = fake.add_guild("Harbour Club")
            [harbour] = other.channels
            gone = "discord:1234567890123456789"  # no such channel (any more)
            keys = [f"discord:{harbour.id}", f"discord:{fake.locked.id}", gone]
            settings = settings_for(
                fake,
                tmp_path,
                digest=DigestSettings(when_empty="skip"),
                channels=tuple(
                    ChannelSettings(id=key, time="08:00", timezone="Europe/Berlin") for key in keys
                ),
            )
            async with bot_over_runtime(settings, fake) as (runtime, _):
                await asyncio.to_thread(add_stories, runtime.store, utc(2026, 3, 2, 5))
                path = rf"/channels/{harbour.id}/messages"
                limited = {"message": "You are being rate limited.", "retry_after": 0.3}
                headers = {"Via": "1.1 google", "Retry-After": "1"}
                fake.fail("POST", path, 429, {**limited, "global": True}, headers=headers)
                fake.fail("POST", path, 502, {"message": "Bad Gateway", "code": 0})
                outcomes = digest_outcomes(runtime, None)
                traveller.move_to(utc(2026, 3, 2, 7, 0))
                runtime.schedule.scheduler.wakeup()
                got = [await asyncio.wait_for(outcomes.get(), 20) for _ in keys]
                assert await runtime.delivery.resend_unsent() == 0
                channels = [await asyncio.to_thread(runtime.store.get_channel, key) for key in keys]
                records = [
                    await asyncio.to_thread(runtime.store.digest_record, key, "2026-03-02")
                    for key in keys
                ]
                statuses = [r.status for r in fake.requests_to("POST", path)]
                return got, channels, records, statuses, digests_in(fake, harbour)

    with time_machine.travel(utc(2026, 3, 2, 6, 0), tick=False) as traveller:
        got, channels, records, statuses, posted = scenario(run(traveller))
    assert sorted(got) == ["failed", "failed", "sent"]
    assert statuses == [429, 502, 200]
    assert len(posted) == 1 and len(posted[0]["embeds"]) == len(STORIES)
    assert [channel.paused for channel in channels] == [False, True, True]
    assert "Send Messages" in records[1].error
    assert "no longer exists" in records[2].error


def test_a_429_is_waited_out_for_its_retry_after_then_posted_once(tmp_path):
    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (_, adapter):
                path = rf"/channels/{fake.news.id}/messages"
                fake.rate_limit("POST", path, retry_after=0.4)
                reply = Reply(title="Your briefing", items=(ReplyItem(title="A story"),))
                await adapter.poster.post(f"discord:{fake.news.id}", reply)
                limited, accepted = fake.requests_to("POST", path)
                assert (limited.status, accepted.status) == (429, 200)
                assert accepted.at - limited.at >= 0.4
                assert len(fake.by_bot_in(fake.news)) == 1

    scenario(run())


def test_a_403_on_send_is_a_permanent_failure_logged_with_the_channel(tmp_path, caplog):
    """No permission in #announcements: PostError(permanent), one attempt, the channel in
    the log; the delivery gives that digest up and the bot carries on."""

    async def run():
        async with FakeDiscord() as fake:
            key = f"discord:{fake.locked.id}"
            settings = digest_settings(fake, tmp_path, channel=fake.locked)
            async with bot_over_runtime(settings, fake) as (runtime, adapter):
                path = rf"/channels/{fake.locked.id}/messages"
                with pytest.raises(PostError) as raised:
                    await adapter.poster.post(key, Reply(title="Hello", text="Hi."))
                assert raised.value.permanent and raised.value.channel == key
                assert "Send Messages" in str(raised.value)
                assert [r.status for r in fake.requests_to("POST", path)] == [403]

                await asyncio.to_thread(add_stories, runtime.store, datetime.now(UTC))
                assert await runtime.delivery.post_now(key) == "failed"
                assert len(fake.requests_to("POST", path)) == 2  # one attempt, no retry loop
                assert await runtime.delivery.resend_unsent() == 0
                assert len(fake.requests_to("POST", path)) == 2

                still = await fake.slash("help")
                await fake.wait_for(lambda: still.callbacks)

    with caplog.at_level(logging.ERROR, logger="briefing.discord.poster"):
        scenario(run())
    logged = [r.getMessage() for r in caplog.records if r.name == "briefing.discord.poster"]
    assert logged and all("discord:" in line and "missing permission" in line for line in logged)


def test_a_message_refused_as_malformed_gives_up_that_digest_but_keeps_the_schedule(tmp_path):
    """A 400 Invalid Form Body is about the message, not the channel: the digest is given
    up (the same body would be refused again) but the channel's daily digest runs on,
    where a 403 pauses it."""

    async def run():
        async with FakeDiscord() as fake:
            key = f"discord:{fake.news.id}"
            async with bot_over_runtime(digest_settings(fake, tmp_path), fake) as (runtime, _):
                path = rf"/channels/{fake.news.id}/messages"
                fake.fail("POST", path, 400, {"message": "Invalid Form Body", "code": 50035})
                await asyncio.to_thread(add_stories, runtime.store, datetime.now(UTC))
                assert await runtime.delivery.post_now(key) == "malformed"
                assert await runtime.delivery.resend_unsent() == 0
                assert len(fake.requests_to("POST", path)) == 1  # given up: not retried
                channel = await asyncio.to_thread(runtime.store.get_channel, key)
                assert channel.time is not None and not channel.paused
                assert runtime.schedule.next_run(key) is not None

    scenario(run())


@pytest.mark.parametrize(
    ("code", "message", "named"),
    [
        (160005, "Thread is locked", "locked"),
        (50083, "Thread is archived", "archived"),
        (50008, "Cannot send messages in a non-text channel", "takes no messages"),
        (40058, "Cannot send a message in a forum channel", "forum"),
    ],
)
def test_a_400_about_the_channel_pauses_its_digests_with_the_reason(tmp_path, code, message, named):
    """Some 400s are about where the message goes (a locked thread, a forum or voice
    channel), not what it is: every digest there would be refused alike, so the channel is
    given up and paused as for a 403, saying why, not reported as a malformed message."""

    async def run():
        async with FakeDiscord() as fake:
            key = f"discord:{fake.news.id}"
            async with bot_over_runtime(digest_settings(fake, tmp_path), fake) as (runtime, _):
                path = rf"/channels/{fake.news.id}/messages"
                fake.fail("POST", path, 400, {"message": message, "code": code}, times=5)
                await asyncio.to_thread(add_stories, runtime.store, datetime.now(UTC))
                outcome = await runtime.delivery.post_now(key)
                assert await runtime.delivery.resend_unsent() == 0
                assert len(fake.requests_to("POST", path)) == 1
                channel = await asyncio.to_thread(runtime.store.get_channel, key)
                shown = await runtime.commands.run(admin_in(fake, key), "digest now")
                return outcome, channel, shown

    outcome, channel, shown = scenario(run())
    assert outcome == "failed"
    assert channel.paused
    assert named in shown.text and "bug" not in shown.text


def test_a_message_blocked_by_the_servers_automod_is_not_called_a_bug(tmp_path):
    """AutoMod refuses a message for words in it (a headline can match a server's rule):
    that digest is given up, the channel's schedule runs on, and nobody is asked to report
    a bug."""

    async def run():
        async with FakeDiscord() as fake:
            key = f"discord:{fake.news.id}"
            async with bot_over_runtime(digest_settings(fake, tmp_path), fake) as (runtime, _):
                path = rf"/channels/{fake.news.id}/messages"
                blocked = {"message": "Message was blocked by automatic moderation", "code": 200000}
                fake.fail("POST", path, 400, blocked)
                await asyncio.to_thread(add_stories, runtime.store, datetime.now(UTC))
                shown = await runtime.commands.run(admin_in(fake, key), "digest now")
                channel = await asyncio.to_thread(runtime.store.get_channel, key)
                return shown, channel

    shown, channel = scenario(run())
    assert "AutoMod" in shown.text and "bug" not in shown.text
    assert channel.time is not None and not channel.paused
    # A server admin can let the digests through (a keyword rule would block them daily):
    # the answer says how, and does not say there is nothing to change.
    assert "exempt the bot" in shown.text
    assert "nothing to change" not in shown.text


def admin_in(fake: FakeDiscord, channel: str):
    """A server admin asking in ``channel`` of the fake's server."""
    from bot.replies import Caller

    tenant = f"discord:{fake.guild.id}"
    return Caller(
        platform="discord", channel=channel, user="discord:1", is_admin=True, tenant=tenant
    )


def test_without_embed_links_a_digest_is_neither_half_shown_nor_counted_as_posted(tmp_path):
    """Without Embed Links Discord takes a message of text and embeds and drops the embeds,
    with no error: the digest's title would show alone and its stories count as posted.
    The answer shows it: that message is deleted, the digest given up and the channel
    paused saying which permission is missing, and once given, the stories all arrive."""

    async def run():
        async with FakeDiscord() as fake:
            key = f"discord:{fake.news.id}"
            fake.news.embed_links = False
            async with bot_over_runtime(digest_settings(fake, tmp_path), fake) as (runtime, _):
                await asyncio.to_thread(add_stories, runtime.store, datetime.now(UTC))
                shown = await runtime.commands.run(admin_in(fake, key), "digest now")
                left = fake.by_bot_in(fake.news)
                channel = await asyncio.to_thread(runtime.store.get_channel, key)
                fake.news.embed_links = True
                await asyncio.to_thread(runtime.store.set_paused, key, False)
                again = await runtime.delivery.deliver(key, "after the permission was given")
                return shown, left, channel, again, fake.by_bot_in(fake.news)

    shown, left, channel, again, posted = scenario(run())
    assert "Embed Links" in shown.text
    assert left == []
    assert channel.paused
    assert again == "sent"
    assert [len(message["embeds"]) for message in posted] == [len(STORIES)]


def test_posting_before_login_or_to_a_foreign_channel_fails_cleanly(tmp_path):
    from bot.discord import make_bot
    from bot.discord.poster import DiscordPoster

    async def run():
        async with FakeDiscord() as fake:
            settings = settings_for(fake, tmp_path)
            bot = make_bot(settings, runner=None, store=None, timing=FAST)  # never started
            poster = DiscordPoster(bot)
            with pytest.raises(PostError) as early:
                await poster.post(f"discord:{fake.news.id}", Reply(title="Hi"))
            assert not early.value.permanent
            with pytest.raises(PostError) as foreign:
                await poster.post("slack:C1", Reply(title="Hi"))
            assert foreign.value.permanent
            assert fake.requests == []

    scenario(run())


def test_digest_now_is_deferred_posts_the_digest_and_is_for_admins_only(tmp_path):
    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(digest_settings(fake, tmp_path), fake) as (runtime, _):
                await asyncio.to_thread(add_stories, runtime.store, datetime.now(UTC))
                refused = await fake.slash("digest", subcommand="now", user=fake.bob)
                await fake.wait_for(lambda: refused.followups)
                assert refused.followups[0]["flags"] & 64  # private: only bob sees it
                assert digests_in(fake, fake.news) == []

                posted = await fake.slash("digest", subcommand="now", user=fake.alice)
                await fake.wait_for(lambda: posted.followups, what="the answer to /digest now")
                assert posted.callback_types == [5]  # composing and posting may take a while
                assert posted.followups[0]["flags"] & 64  # "posted": for alice only
                [digest] = digests_in(fake, fake.news)  # the digest itself: for everyone
                assert len(digest["embeds"]) == len(STORIES)

    scenario(run())


def test_a_digest_that_could_not_wait_for_the_connection_is_posted_once_logged_in(tmp_path):
    """Recorded before the bot logged in (the poster refuses: not connected), left unsent by
    the runtime's own resend at start, and posted by the adapter right after login."""
    from bot.discord import create_adapter
    from bot.runtime import BotRuntime
    from tests.fakes.discord.harness import until_ready

    async def run():
        async with FakeDiscord() as fake:
            settings = digest_settings(fake, tmp_path)
            key = f"discord:{fake.news.id}"
            async with await BotRuntime.open(settings) as runtime:
                adapter = create_adapter(
                    runtime, settings, {"DISCORD_TOKEN": fake.token}, timing=FAST
                )
                await asyncio.to_thread(add_stories, runtime.store, datetime.now(UTC))
                assert await runtime.delivery.deliver(key, "2026-03-02") == "failed"
                await runtime.start()  # resends: still not connected
                assert fake.requests == []
                runner = asyncio.create_task(adapter.run())
                try:
                    await until_ready(adapter.bot, runner)
                    [digest] = await fake.wait_for(lambda: digests_in(fake, fake.news))
                    assert len(digest["embeds"]) == len(STORIES)
                    assert await runtime.delivery.resend_unsent() == 0
                    assert len(digests_in(fake, fake.news)) == 1
                finally:
                    await adapter.close()
                    await runner

    scenario(run())


def twelve_story_digest() -> Reply:
    items = tuple(
        ReplyItem(title=f"Story {n}", url=f"https://news.example/{n}", story_id=100 + n)
        for n in range(12)
    )
    return Reply(title="Your briefing for Monday 2 March", items=items)


@pytest.mark.parametrize(
    ("status", "retry_after", "permanent"),
    [(400, None, True), (413, None, True), (429, 120.0, False)],
)
def test_a_digest_refused_part_way_names_the_stories_already_posted(
    tmp_path, status, retry_after, permanent
):
    """Twelve stories are two messages (ten embeds each at most); the second is refused: 400
    Invalid Form Body or 413 would be refused again (permanent), a 429 longer than a minute
    is not waited for (transient). Either way the error names the first message's stories,
    so the retry leaves them out."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (_, adapter):
                path = rf"/channels/{fake.news.id}/messages"
                if retry_after:
                    fake.rate_limit("POST", path, retry_after=retry_after, after=1)
                else:
                    fake.fail("POST", path, status, {"message": "no", "code": 50035}, after=1)
                with pytest.raises(PostError) as raised:
                    await adapter.poster.post(f"discord:{fake.news.id}", twelve_story_digest())
                assert [r.status for r in fake.requests_to("POST", path)] == [200, status]
                [first] = fake.by_bot_in(fake.news)
                assert [e["title"] for e in first["embeds"]] == [f"Story {n}" for n in range(10)]
                return raised.value

    failure = scenario(run())
    assert failure.permanent is permanent
    assert failure.posted_story_ids == tuple(range(100, 110))


def test_a_digest_refused_at_its_first_message_names_no_story(tmp_path):
    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (_, adapter):
                path = rf"/channels/{fake.news.id}/messages"
                fake.fail("POST", path, 400, {"message": "Invalid Form Body", "code": 50035})
                with pytest.raises(PostError) as raised:
                    await adapter.poster.post(f"discord:{fake.news.id}", twelve_story_digest())
                assert len(fake.requests_to("POST", path)) == 1  # no second message
                return raised.value

    failure = scenario(run())
    assert failure.permanent and failure.posted_story_ids == ()


def test_every_process_resends_digests_after_login_whatever_its_shards(tmp_path):
    """No leader: a process with any shards posts the unsent digests it can claim."""
    from bot.discord.adapter import DiscordAdapter
    from summaries.config import DiscordSettings, Settings

    async def tick() -> dict[str, str]:
        return {}

    runtime = SimpleNamespace(
        commands=None, posters=None, store=None, schedule=SimpleNamespace(tick=tick)
    )

    def adapter(**options):
        settings = Settings(discord=DiscordSettings(**options))
        return DiscordAdapter(settings, "token", runtime, timing=FAST)

    assert adapter().bot.after_login is not None
    assert adapter(shard_ids=(0,), shard_count=2).bot.after_login is not None
    assert adapter(shard_ids=(1,), shard_count=2).bot.after_login is not None


def test_a_digest_left_without_embeds_fails_as_no_permission_whatever_its_delete_answers(
    tmp_path, caplog
):
    """The message Discord made without its embeds is deleted; when the delete is refused
    or rate limited for longer than the bot waits (discord.py raises RateLimited, no
    HTTPException), the post still fails as the missing permission it is, not as a bug,
    and the message left is named in the log."""

    async def run():
        async with FakeDiscord() as fake:
            key = f"discord:{fake.news.id}"
            fake.news.embed_links = False
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (_, adapter):
                path = rf"/channels/{fake.news.id}/messages/\d+"
                fake.rate_limit("DELETE", path, retry_after=120.0)
                reply = Reply(title="Your briefing", items=(ReplyItem(title="A story"),))
                with pytest.raises(PostError) as limited:
                    await adapter.poster.post(key, reply, key="d1")
                fake.fail("DELETE", path, 403, {"message": "Missing Access", "code": 50001})
                with pytest.raises(PostError) as refused:
                    await adapter.poster.post(key, reply, key="d2")
                return limited.value, refused.value, fake.requests_to("DELETE", path)

    with caplog.at_level(logging.WARNING, logger="briefing.discord.poster"):
        limited, refused, deletes = scenario(run())
    for error in (limited, refused):
        assert error.permanent and not error.malformed
        assert "Embed Links" in str(error)
    assert [r.status for r in deletes] == [429, 403]
    logged = [r.getMessage() for r in caplog.records if r.name == "briefing.discord.poster"]
    assert sum("could not delete the message" in line for line in logged) == 2


def test_without_embed_links_a_message_of_embeds_only_fails_as_no_permission(tmp_path):
    """A message of embeds alone (an answer or notice without stories, the later messages
    of a long digest) is empty once Discord drops the embeds, and refused as an empty
    message: that is the missing Embed Links permission, not a malformed message to report
    as a bug, and the channel is paused like any channel the bot may not post in."""

    async def run():
        async with FakeDiscord() as fake:
            key = f"discord:{fake.news.id}"
            fake.news.embed_links = False
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (_, adapter):
                with pytest.raises(PostError) as raised:
                    await adapter.poster.post(key, Reply(title="No news", text="Quiet day."))
                return raised.value, fake.by_bot_in(fake.news)

    error, left = scenario(run())
    assert error.permanent and not error.malformed
    assert "Embed Links" in str(error) and "bug" not in str(error)
    assert left == []
