"""Two Discord servers on one bot: each follows its own sources and sees only what they
carry. The real discord.py client over a real BotRuntime against the fake Discord, the
sources served by the loopback feed server and added with the chat commands.

Newsroom (the fake's first server, alice holds Manage Server there) follows the Gulf
Herald; Harbour Town (carol holds Manage Server, alice is an ordinary member) follows the
Brennport Courier. Both outlets tell the Brennport ransomware story; only the Herald
carries the Voltara battery factory.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine

from summaries.clock import Clock, utc_now
from tests.bot.helpers_tenancy import (
    COURIER,
    EPHEMERAL,
    HERALD,
    WIRE,
    eventually,
    keeps,
    left_at,
    serve_outlets,
    tenancy_settings,
    text_of,
    titles,
)
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import bot_over_runtime, digests_in, settings_for
from tests.fakes.discord.payloads import Channel, Guild, User
from tests.fakes.discord.people import NotShown
from tests.fakes.feed_server import FeedServer


def scenario(coro, timeout: float = 60.0):
    return asyncio.run(asyncio.wait_for(coro, timeout))


@dataclass
class TwoServers:
    """The bot in Newsroom (``fake.guild``) and Harbour Town, each following its outlet."""

    server: FeedServer
    fake: FakeDiscord
    harbour: Guild  # channels: news, desk
    carol: User  # Manage Server in Harbour Town
    runtime: Any
    adapter: Any

    @property
    def there(self) -> Channel:
        """Harbour Town's #news."""
        return self.harbour.channels[0]


@asynccontextmanager
async def two_servers(tmp_path, clock: Clock = utc_now) -> AsyncIterator[TwoServers]:
    """Both servers set up by their admins through the chat: alice adds the Herald in
    Newsroom with /sources add (checked by reading it once), carol the Courier in Harbour
    Town with !sources add feed (nothing fetched)."""
    with FeedServer() as server:
        serve_outlets(server)
        async with FakeDiscord() as fake:
            carol = fake.person("carol")
            harbour = fake.add_guild("Harbour Town", admins=[carol], channels=("news", "desk"))
            settings = tenancy_settings(fake, tmp_path)
            async with bot_over_runtime(settings, fake, clock=clock) as (runtime, adapter):
                added = await fake.answer(
                    await fake.slash("sources", {"url": server.url(HERALD)}, subcommand="add")
                )
                assert "Source added" in text_of(added), text_of(added)
                line = f"!sources add feed {server.url(COURIER)}"
                added = await fake.reply_to(harbour.channels[0], carol, line)
                assert "Source added" in text_of(added), text_of(added)
                yield TwoServers(server, fake, harbour, carol, runtime, adapter)


def test_an_admin_of_one_server_cannot_see_add_to_or_remove_anothers_sources(tmp_path):
    async def run():
        async with two_servers(tmp_path) as w:
            fake, store = w.fake, w.runtime.store
            herald, courier = w.server.url(HERALD), w.server.url(COURIER)

            # each server's list is its own, for its admin and for anyone
            mine = await fake.answer(await fake.slash("sources", subcommand="list"))
            assert herald in text_of(mine) and courier not in text_of(mine)
            theirs = await fake.reply_to(w.there, w.carol, "!sources list")
            assert courier in text_of(theirs) and herald not in text_of(theirs)
            typed = await fake.slash("sources", {"url": "127"}, subcommand="remove", focused="url")
            await fake.wait_for(lambda: typed.callbacks)
            assert [c["value"] for c in typed.choices] == [herald]

            # alice is no admin in Harbour Town: Discord does not offer her /sources there,
            # and the prefix command refuses her
            with pytest.raises(NotShown):
                await fake.slash("sources", subcommand="list", user=fake.alice, channel=w.there)
            for line in (f"!sources add feed {w.server.url(WIRE)}", f"!sources remove {courier}"):
                refused = await fake.reply_to(w.there, fake.alice, line)
                assert titles(refused) == ["Admins only"], text_of(refused)

            # from her own server, Harbour Town's source is unknown, by address or number
            [record] = [s for s in store.list_sources() if s.url == courier]
            for wanted in (courier, f"#{record.id}"):
                gone = await fake.answer(
                    await fake.slash("sources", {"url": wanted}, subcommand="remove")
                )
                assert gone["flags"] & EPHEMERAL and "No source" in text_of(gone)
            assert courier not in text_of(gone)  # its number tells nothing of it

            followed = store.tenant_sources(f"discord:{w.harbour.id}", operator=True)
            assert [seen.source.url for seen in followed] == [courier]
            assert [s.url for s in store.sources_to_read()] == [herald, courier]

    scenario(run())


def test_brief_in_one_server_never_returns_a_story_only_anothers_sources_carry(tmp_path):
    async def run():
        async with two_servers(tmp_path) as w:
            fake = w.fake
            report = await w.runtime.ingest_and_retry()
            assert report is not None and not report.failed

            here = await fake.answer(await fake.slash("brief", {"keywords": "Voltara"}))
            assert "Voltara" in " ".join(titles(here))

            slash = await fake.answer(
                await fake.slash("brief", {"keywords": "Voltara"}, user=w.carol, channel=w.there)
            )
            prefix = await fake.reply_to(w.there, fake.bob, "!brief Voltara battery factory")
            for answer in (slash, prefix):
                assert titles(answer) == ["Nothing found"], text_of(answer)
                assert "Voltara" not in text_of(answer).replace("Voltara battery", "")

            # the story both outlets tell: in Harbour Town, the Courier's telling only
            shared = await fake.reply_to(w.there, fake.bob, "!brief Brennport ransomware")
            assert w.server.url("/c/1") in text_of(shared)
            assert "Gulf Herald" not in text_of(shared)
            assert w.server.url("/h/1") not in text_of(shared)

    scenario(run())


def test_a_digest_in_one_server_lists_only_its_own_outlets(tmp_path):
    """`/digest now` in Harbour Town, then the scheduled digest of its other channel and
    of Newsroom's: each shows the Brennport story under its own server's outlet only."""

    async def run(traveller):
        async with two_servers(tmp_path) as w:
            fake, runtime = w.fake, w.runtime
            there, desk = w.harbour.channels
            for user, channel, where in ((w.carol, there, desk), (fake.alice, fake.news, None)):
                options = {"time": "11:00", "timezone": "Europe/London"}
                if where is not None:
                    options["channel"] = where
                done = await fake.answer(
                    await fake.slash(
                        "schedule", options, subcommand="set", user=user, channel=channel
                    )
                )
                assert not done["flags"] & EPHEMERAL, text_of(done)
            await runtime.ingest_and_retry()
            told = (w.server.url("/h/1"), w.server.url("/c/1"))
            stories = runtime.store.execute(
                "SELECT DISTINCT story_id FROM articles WHERE url IN (?, ?)", told
            )
            assert len(stories) == 1  # one story, told by both outlets

            await fake.answer(
                await fake.slash("digest", subcommand="now", user=w.carol, channel=there)
            )
            [posted] = await fake.wait_for(lambda: digests_in(fake, there), what="digest now")
            traveller.move_to(datetime(2026, 3, 3, 11, 0, tzinfo=UTC))
            runtime.schedule.scheduler.wakeup()
            [scheduled] = await fake.wait_for(lambda: digests_in(fake, desk))
            [newsroom] = await fake.wait_for(lambda: digests_in(fake, fake.news))

            for digest in (posted, scheduled):
                assert "Brennport Courier" in text_of(digest), text_of(digest)
                assert "Gulf Herald" not in text_of(digest)
                assert w.server.url("/h/") not in text_of(digest)
                assert "Voltara" not in text_of(digest)
            assert "Gulf Herald" in text_of(newsroom) and "Voltara" in text_of(newsroom)
            assert "Brennport Courier" not in text_of(newsroom)

    with time_machine.travel(datetime(2026, 3, 3, 10, 0, tzinfo=UTC), tick=False) as traveller:
        scenario(run(traveller))


def test_a_feed_two_servers_follow_is_fetched_once_per_read(tmp_path):
    async def run():
        async with two_servers(tmp_path) as w:
            fake, server = w.fake, w.server
            wire = server.url(WIRE)
            for channel, admin in ((fake.news, fake.alice), (w.there, w.carol)):
                added = await fake.reply_to(channel, admin, f"!sources add feed {wire}")
                assert "Source added" in text_of(added), text_of(added)
            server.reset_log()
            await w.runtime.ingest_and_retry()
            assert sorted(server.paths()) == sorted([HERALD, COURIER, WIRE])
            here = await fake.reply_to(w.there, fake.bob, "!brief Tarrow heat wave")
            assert "Valley Wire" in text_of(here)

            # one server stops following it: still read, once, for the other
            await fake.reply_to(fake.news, fake.alice, f"!sources remove {wire}")
            server.reset_log()
            await w.runtime.ingest_and_retry()
            assert server.paths().count(WIRE) == 1
            listed = await fake.reply_to(w.there, w.carol, "!sources list")
            assert wire in text_of(listed)
            # the last one too: no one follows it, no one fetches it
            await fake.reply_to(w.there, w.carol, f"!sources remove {wire}")
            server.reset_log()
            await w.runtime.ingest_and_retry()
            assert sorted(server.paths()) == sorted([HERALD, COURIER])

    scenario(run())


def test_a_slash_command_in_a_direct_message_is_told_it_works_in_a_server(tmp_path):
    """The bot registers its commands for servers only, so Discord offers none in a DM.
    One that arrives anyway (registered so by an older version, before Discord had
    contexts) is answered that it works in a server; /help still works there."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake):
                dm = fake.dm_with(fake.bob)
                with pytest.raises(NotShown):
                    await fake.slash("brief", {"keywords": "port"}, user=fake.bob, channel=dm)
                for name in ("brief", "help"):
                    fake.commands[name]["contexts"] = None
                brief = await fake.answer(
                    await fake.slash("brief", {"keywords": "port"}, user=fake.bob, channel=dm)
                )
                assert brief["flags"] & EPHEMERAL
                assert "works in the channels of a server" in text_of(brief), text_of(brief)
                helped = await fake.answer(await fake.slash("help", user=fake.bob, channel=dm))
                assert "What I can do" in text_of(helped)

    scenario(run())


def test_an_outage_forgets_nothing_and_a_removal_forgets_the_server_after_the_grace(tmp_path):
    """GUILD_DELETE with ``unavailable``: nothing changes, even long after. Without it, the
    server's sources and channels stay for the grace period (30 days; a server that invites
    the bot back keeps them), then go, its digest job with them, and its feed is no longer
    read; Newsroom keeps everything."""
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # the runtime's clock, not the wall's
    moment = [start]

    async def run():
        async with two_servers(tmp_path, clock=lambda: moment[0]) as w:
            fake, harbour, runtime, store = w.fake, w.harbour, w.runtime, w.runtime.store
            tenant = f"discord:{harbour.id}"

            async def gone_after(days: int) -> list[str]:
                moment[0] = start + timedelta(days=days)
                return await runtime.forget_departed()

            await fake.reply_to(fake.news, fake.alice, "!schedule set 06:00 UTC")
            await fake.reply_to(w.there, w.carol, "!schedule set 06:00 UTC")
            places = {  # each server, and the channel it set a digest time in
                "a": (f"discord:{fake.guild.id}", f"discord:{fake.news.id}"),
                "b": (tenant, f"discord:{w.there.id}"),
            }

            def kept() -> dict[str, Any]:
                return {name: keeps(runtime, *ids) for name, ids in places.items()}

            before = kept()
            assert before["b"] == ([w.server.url(COURIER)], True, True)

            await fake.remove_bot(harbour, outage=True)
            await eventually(lambda: w.adapter.bot.get_guild(harbour.id).unavailable)
            assert left_at(store, tenant) is None
            assert await gone_after(365) == []
            assert kept() == before
            await fake.bring_back(harbour)
            await eventually(lambda: not w.adapter.bot.get_guild(harbour.id).unavailable)

            moment[0] = start
            await fake.remove_bot(harbour)
            await eventually(lambda: left_at(store, tenant) is not None)
            assert await gone_after(29) == []
            assert kept() == before
            # invited back within the grace period: nothing is forgotten
            await fake.bring_back(harbour)
            await eventually(lambda: left_at(store, tenant) is None)
            assert await gone_after(60) == []
            assert kept() == before
            # removed again (on day 60): forgotten 30 days later
            await fake.remove_bot(harbour)
            await eventually(lambda: left_at(store, tenant) is not None)
            assert await gone_after(89) == []
            assert await gone_after(91) == [tenant]
            after = kept()
            assert after["a"] == before["a"]
            assert after["b"] == ([], False, False)
            assert [s.url for s in store.sources_to_read()] == [w.server.url(HERALD)]

    scenario(run())


def test_a_server_the_bot_was_removed_from_gets_no_digest_and_keeps_its_schedule(tmp_path):
    """GUILD_DELETE (a removal, not an outage) before 11:00: Newsroom's digest goes out,
    Harbour Town's is not posted (nothing is even tried in its channel, which Discord now
    answers 404), and its schedule is kept as it was, neither paused nor cleared, for the
    server that adds the bot back within the grace period."""

    async def run(traveller):
        async with two_servers(tmp_path) as w:
            fake, runtime = w.fake, w.runtime
            there = w.harbour.channels[0]
            for user, channel in ((w.carol, there), (fake.alice, fake.news)):
                options = {"time": "11:00", "timezone": "Europe/London"}
                await fake.answer(
                    await fake.slash(
                        "schedule", options, subcommand="set", user=user, channel=channel
                    )
                )
            await runtime.ingest_and_retry()
            before = keeps(runtime, f"discord:{w.harbour.id}", f"discord:{there.id}")
            posts_there = rf"/channels/{there.id}/messages"
            answers = len(fake.requests_to("POST", posts_there))  # to the admin's commands
            await fake.remove_bot(w.harbour)
            tenant = f"discord:{w.harbour.id}"
            await eventually(lambda: left_at(runtime.store, tenant) is not None)

            traveller.move_to(datetime(2026, 3, 3, 11, 0, tzinfo=UTC))
            runtime.schedule.scheduler.wakeup()
            await fake.wait_for(lambda: digests_in(fake, fake.news), what="Newsroom's digest")
            await asyncio.sleep(0.5)  # Harbour Town's would have been tried by now
            assert await runtime.delivery.resend_unsent() == 0
            assert len(fake.requests_to("POST", posts_there)) == answers
            assert keeps(runtime, tenant, f"discord:{there.id}") == before
            assert not runtime.store.get_channel(f"discord:{there.id}").paused

    with time_machine.travel(datetime(2026, 3, 3, 10, 0, tzinfo=UTC), tick=False) as traveller:
        scenario(run(traveller))
