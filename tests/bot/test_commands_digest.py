"""``digest`` (a preview) and ``digest now`` (posted through the real delivery)."""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from bot.commands import Commands
from bot.console import ConsolePoster
from bot.posting import PostError
from bot.replies import Caller, ErrorKind
from bot.runtime import BotRuntime
from summaries import Article, Briefing
from summaries.config import IngestSettings, Settings, StoreSettings
from summaries.ingest import content_hash
from summaries.store import open_store

NOW = datetime(2026, 11, 21, 23, 30, tzinfo=UTC)  # Sunday 22 November in Berlin
USER = Caller(platform="console", channel="console", user="someone", tenant="console")
ADMIN = Caller(
    platform="console", channel="console", user="console", is_admin=True, tenant="console"
)


def settings_for(tmp_path):
    return Settings(
        store=StoreSettings(path=str(tmp_path / "bot.db")), ingest=IngestSettings(workers=1)
    )


def put(store, n, title, body, *, source, story=None, hours=2):
    article = Article(title=title, text=body, url=f"https://news.example/{n}", source=source)
    stored, _ = store.upsert_article(
        article,
        Briefing((body.split(". ")[0] + ".",), method="lead"),
        text=body,
        content_hash=content_hash(body),
        now=NOW - timedelta(hours=hours),
    )
    store.set_story(stored.id, story or stored.id)
    return stored


def fill(path):
    with open_store(path) as store:
        port = put(
            store,
            1,
            "Ransomware shuts port",
            "Ransomware shut the port. Ships wait.",
            source="Herald",
        )
        put(
            store,
            2,
            "Hackers lock port computers",
            "Hackers locked the port. Trucks idle.",
            source="Courier",
            story=port.id,
            hours=1,
        )
        put(
            store,
            3,
            "Central bank cuts rate",
            "The central bank cut its rate. Loans ease.",
            source="Herald",
        )
        put(
            store, 4, "Old news", "This happened long ago. Nobody cares.", source="Herald", hours=60
        )


def test_the_preview_is_the_next_digest_in_the_channels_zone(tmp_path):
    fill(tmp_path / "bot.db")
    with open_store(tmp_path / "bot.db") as store:
        store.set_schedule("console", "08:00", "Europe/Berlin")
        store.add_topic("console", "port")
        commands = Commands(store, settings_for(tmp_path), clock=lambda: NOW)
        reply = asyncio.run(commands.run(USER, "digest"))
        assert reply.ok
        assert reply.title == "Preview: your briefing for Sunday 22 November"
        assert [item.title for item in reply.items] == ["Ransomware shuts port"]
        assert set(reply.items[0].sources) == {"Herald", "Courier"}
        assert "preview, nothing was posted" in reply.footer
        assert store.digest_record("console", "preview") is None  # a preview records nothing


def test_a_preview_of_an_unknown_channel_writes_nothing(tmp_path):
    with open_store(tmp_path / "bot.db") as store:
        commands = Commands(store, settings_for(tmp_path), clock=lambda: NOW)
        reply = asyncio.run(commands.run(USER, "digest preview"))
        assert reply.ok and not reply.items and "Nothing new" in reply.text
        assert store.get_channel("console") is None


def test_digest_now_posts_once_and_only_for_admins(tmp_path):
    fill(tmp_path / "bot.db")
    out = io.StringIO()

    async def main(traveller):
        runtime = await BotRuntime.open(settings_for(tmp_path))
        runtime.posters.register("console", ConsolePoster(out))
        await runtime.start()
        replies = []
        try:
            for caller, text in [
                (USER, "digest now"),
                (ADMIN, "digest now"),
                (ADMIN, "digest now"),  # the same second: the same period
                (ADMIN, "digest now"),  # a minute later: a new period, nothing new in it
                (ADMIN, "digest now please"),
            ]:
                replies.append(await runtime.commands.run(caller, text))
                if len(replies) == 3:
                    traveller.shift(60)
            return replies
        finally:
            await runtime.close()

    with time_machine.travel(NOW, tick=False) as traveller:
        refused, posted, same_second, later, wrong = asyncio.run(main(traveller))
    assert refused.error is ErrorKind.FORBIDDEN
    assert posted.ok and posted.title == "Digest posted"
    assert same_second.ok and same_second.title == "Already posted"
    assert later.ok and later.title == "Nothing to post"  # its stories were posted already
    assert wrong.error is ErrorKind.USAGE
    printed = out.getvalue()
    assert printed.count("--- posted to console ---") == 1
    assert printed.count("Ransomware shuts port") == 1 and "Central bank cuts rate" in printed
    assert "Old news" not in printed


def test_digest_now_without_delivery_is_unavailable(tmp_path):
    with open_store(tmp_path / "bot.db") as store:
        commands = Commands(store, settings_for(tmp_path), clock=lambda: NOW)
        reply = asyncio.run(commands.run(ADMIN, "digest now"))
    assert reply.error is ErrorKind.UNAVAILABLE


class RefusingPoster:
    def __init__(self, *, permanent, malformed=False):
        self.permanent = permanent
        self.malformed = malformed

    async def post(self, channel, reply, *, key=None):
        message = "The bot may not post in that channel." if self.permanent else "Slack is down"
        if self.malformed:
            message = "Slack refused the message as too long (a bug: please report it)."
        raise PostError(channel, message, permanent=self.permanent, malformed=self.malformed)


def post_now_with(tmp_path, poster, *, channel="console", scheduled=False):
    """``digest now`` by an admin of ``channel`` through the real runtime and delivery."""
    fill(tmp_path / "bot.db")
    if scheduled:
        with open_store(tmp_path / "bot.db") as store:
            store.set_schedule(channel, "08:00", "Europe/Berlin")
    platform = channel.split(":")[0]
    tenant = f"{platform}:1" if ":" in channel else "console"
    admin = Caller(platform=platform, channel=channel, user="u", is_admin=True, tenant=tenant)

    async def main():
        runtime = await BotRuntime.open(settings_for(tmp_path))
        if poster is not None:
            runtime.posters.register(admin.platform, poster)
        await runtime.start()
        try:
            reply = await runtime.commands.run(admin, "digest now")
            return reply, runtime.store.get_channel(channel), runtime.store.unsent_digests()
        finally:
            await runtime.close()

    with time_machine.travel(NOW, tick=False):
        return asyncio.run(main())


def test_digest_now_refused_for_good_says_so_and_that_retrying_will_not_help(tmp_path):
    reply, channel, unsent = post_now_with(tmp_path, RefusingPoster(permanent=True), scheduled=True)
    assert reply.error is ErrorKind.UNAVAILABLE and reply.title == "Posting failed"
    assert "The bot may not post in that channel." in reply.text
    assert "will not help" in reply.text
    assert channel.paused and "schedule resume" in reply.text  # the delivery paused it
    assert unsent == []  # given up, never resent


def test_digest_now_refused_as_malformed_blames_the_message_not_the_channel(tmp_path):
    """A message the platform refuses for what it is (too long, bad layout) says nothing
    against the channel: no "until the bot may post here", no pause, the schedule goes on."""
    poster = RefusingPoster(permanent=False, malformed=True)
    reply, channel, unsent = post_now_with(tmp_path, poster, channel="slack:C1", scheduled=True)
    assert reply.error is ErrorKind.UNAVAILABLE and reply.title == "Digest refused"
    assert "Slack refused the message as too long" in reply.text
    assert "may post here" not in reply.text and "will not help" not in reply.text
    assert "Nothing is wrong with this channel or the bot's permissions" in reply.text
    assert "daily digest here goes on as usual" in reply.text
    assert not channel.paused and unsent == []  # given up, the channel untouched


def test_digest_now_that_failed_for_now_says_it_is_posted_later(tmp_path):
    reply, channel, unsent = post_now_with(tmp_path, RefusingPoster(permanent=False))
    assert reply.error is ErrorKind.UNAVAILABLE and reply.title == "Not posted yet"
    assert "Slack is down." in reply.text and "posted again automatically" in reply.text
    assert "permission" not in reply.text and not channel.paused
    assert [record.channel_id for record in unsent] == ["console"]


@pytest.mark.parametrize("channel", ["slack:C1", "discord:5"])
def test_digest_now_without_a_connection_for_the_platform_says_so(tmp_path, channel):
    reply, _, unsent = post_now_with(tmp_path, None, channel=channel)
    platform = channel.split(":")[0].capitalize()
    assert reply.error is ErrorKind.UNAVAILABLE
    assert f"no {platform} connection" in reply.text and "permission" not in reply.text
    assert unsent == []  # nothing recorded: nothing to resend
