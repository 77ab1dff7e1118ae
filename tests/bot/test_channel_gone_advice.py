"""A channel deleted under the bot (Discord's 404 Unknown Channel, Slack's
channel_not_found): its digests are paused, and the log, ``schedule show`` and the
dashboard's Paused channels card give the reason and advice that fits it, never to say
``schedule resume`` in a channel that is gone. The real bot, adapters and dashboard
against the fake Discord and the fake Slack Web API."""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import UTC, datetime

from bot.replies import Caller
from bot.runtime import BotRuntime
from bot.slack import create_adapter
from summaries.config import ChannelSettings, Settings, SlackSettings, StoreSettings
from tests.bot.helpers_web import browsing
from tests.fakes.discord.harness import store_story
from tests.fakes.slack import TEAM_ID, FakeSlack

GONE_ADVICE = "in another channel"
RESUME_THERE = "until an admin says schedule resume"


def _paused_card(html: str) -> str:
    found = re.search(r"<h2>Paused channels</h2>(.*?)</section>", html, re.S)
    assert found, "no Paused channels card"
    return found.group(1)


def test_a_deleted_discord_channel_is_not_told_to_resume_and_the_dashboard_says_why(
    tmp_path, caplog
):
    async def run() -> tuple[str, str, str]:
        async with browsing(tmp_path) as (fake, runtime, _, http):
            news, tenant = fake.news, f"discord:{fake.guild.id}"
            channel = f"discord:{news.id}"
            await fake.say(news, fake.alice, "!schedule set 07:30 Europe/Berlin")
            await fake.wait_for(lambda: fake.by_bot_in(news), what="the answer")
            now = datetime.now(UTC)
            await asyncio.to_thread(store_story, runtime.store, 1, "Port reopens", "It did. Ok.")
            # another channel, paused after a refusal whose words hold markup
            other = f"discord:{fake.locked.id}"
            await fake.say(fake.locked, fake.alice, "!schedule set 07:30 Europe/Berlin")
            await fake.wait_for(lambda: runtime.store.get_channel(other), what="its schedule")
            record = runtime.store.record_digest(other, "2026-03-01", [], now)
            runtime.store.mark_digest_failed(
                record.id, "Refused <b>x</b> & more.", give_up=True, now=now
            )
            runtime.store.set_paused(other, True)

            fake.guild.channels.remove(news)  # deleted: Discord answers 404 Unknown Channel
            with caplog.at_level(logging.ERROR, logger="briefing.delivery"):
                assert await runtime.delivery.deliver(channel, "2026-03-02") == "failed"
            asker = Caller(
                platform="discord",
                channel=channel,
                user=f"discord:{fake.alice.id}",
                is_admin=True,
                tenant=tenant,
            )
            shown = await runtime.commands.run(asker, "schedule")
            page = await http.get(f"/t/{tenant}/deliveries")
            assert page.status_code == 200
            return shown.text, page.text, caplog.text

    shown, html, logged = asyncio.run(run())
    assert "no longer exists" in logged and GONE_ADVICE in logged
    assert "`schedule resume` in that channel" not in logged
    assert "paused" in shown and "no longer exists" in shown
    assert GONE_ADVICE in shown and RESUME_THERE not in shown
    card = _paused_card(html)
    assert "This Discord channel no longer exists." in card  # as its log row says
    assert GONE_ADVICE in card
    assert "Refused &lt;b&gt;x&lt;/b&gt; &amp; more." in card and "<b>x" not in card
    assert "until it is resumed (Channels page)" in card  # the other: it can be resumed


def test_a_slack_channel_not_found_is_not_told_to_resume_there(tmp_path, caplog):
    path = str(tmp_path / "bot.db")
    environ = {"SLACK_BOT_TOKEN": "xoxb-test-token", "SLACK_APP_TOKEN": "xapp-test-token"}

    async def run() -> str:
        async with FakeSlack() as slack:
            slack.channel_errors["C2"] = "channel_not_found"
            settings = Settings(
                store=StoreSettings(path=path),
                slack=SlackSettings(api_base=slack.api_url),
                channels=(ChannelSettings(id="slack:C2", time="08:00", timezone="UTC"),),
            )
            runtime = await BotRuntime.open(settings)
            adapter = create_adapter(runtime, settings, environ)
            try:
                await adapter.start()
                await asyncio.to_thread(store_story, runtime.store, 1, "Port reopens", "It did.")
                with caplog.at_level(logging.ERROR, logger="briefing.delivery"):
                    assert await runtime.delivery.deliver("slack:C2", "2026-03-02") == "failed"
                asker = Caller(
                    platform="slack", channel="slack:C2", user="slack:U1", tenant=f"slack:{TEAM_ID}"
                )
                return (await runtime.commands.run(asker, "schedule")).text
            finally:
                await adapter.close()
                await runtime.close()

    shown = asyncio.run(run())
    assert "does not exist" in caplog.text and GONE_ADVICE in caplog.text
    assert "`schedule resume` in that channel" not in caplog.text
    assert "paused" in shown and GONE_ADVICE in shown and RESUME_THERE not in shown
