"""A Slack workspace beside a Discord server in one process: the real slack-bolt app (Socket
Mode, against the fake Slack) and the real discord.py client (against the fake Discord)
over one BotRuntime, the feeds on the loopback feed server, added with the chat commands.

The workspace follows the Valley Wire (the Tarrow heat wave); the Discord server
(Newsroom) the Gulf Herald (the Brennport port story and the Voltara factory).
"""

from __future__ import annotations

import asyncio
import secrets
from datetime import UTC, datetime, timedelta

from summaries.config import SlackSettings
from tests.bot.helpers_tenancy import (
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
from tests.fakes.discord.harness import bot_over_runtime
from tests.fakes.feed_server import FeedServer
from tests.fakes.slack import BOT_USER_ID, TEAM_ID, FakeSlack, app_mention, app_uninstalled

SLACK_TOKENS = {
    "SLACK_BOT_TOKEN": "xoxb-" + secrets.token_hex(12),
    "SLACK_APP_TOKEN": "xapp-" + secrets.token_hex(12),
}
WORKSPACE = f"slack:{TEAM_ID}"


def test_a_slack_workspace_and_a_discord_server_each_read_only_their_own_sources(tmp_path):
    start = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)  # the runtime's clock
    moment = [start]

    async def run():
        with FeedServer() as server:
            serve_outlets(server)
            herald, wire = server.url(HERALD), server.url(WIRE)
            async with FakeDiscord() as fake, FakeSlack() as slack:
                slack.add_user("U1", admin=True)  # a workspace admin
                slack.add_user("U2")  # a member
                settings = tenancy_settings(
                    fake, tmp_path, slack=SlackSettings(mode="socket", api_base=slack.api_url)
                )
                async with bot_over_runtime(
                    settings, fake, clock=lambda: moment[0], slack_environ=SLACK_TOKENS
                ) as (runtime, _):
                    newsroom = f"discord:{fake.guild.id}"
                    added = await slack.command("/sources", f"add {wire}")
                    assert "Source added" in text_of(added), text_of(added)
                    added = await fake.answer(
                        await fake.slash("sources", {"url": herald}, subcommand="add")
                    )
                    assert "Source added" in text_of(added), text_of(added)
                    await runtime.ingest_and_retry()

                    # each lists its own
                    listed = await fake.answer(await fake.slash("sources", subcommand="list"))
                    assert herald in text_of(listed) and wire not in text_of(listed)
                    listed = await slack.command("/sources", "list", user="U2")
                    assert wire in text_of(listed) and herald not in text_of(listed)

                    # each finds only what its sources carry
                    found = await fake.answer(await fake.slash("brief", {"keywords": "Tarrow"}))
                    assert titles(found) == ["Nothing found"], text_of(found)
                    said = await fake.reply_to(fake.news, fake.bob, "!brief Tarrow heat wave")
                    assert titles(said) == ["Nothing found"], text_of(said)
                    found = await slack.command("/brief", "Tarrow heat wave", user="U2")
                    assert "Valley Wire" in text_of(found) and server.url("/w/1") in text_of(found)
                    found = await slack.command("/brief", "Voltara", user="U2")
                    assert found["response_type"] == "ephemeral", text_of(found)
                    assert herald not in text_of(found) and "Gulf Herald" not in text_of(found)
                    for text in ("brief Voltara battery", "brief Tarrow heat wave"):
                        mention = app_mention(f"<@{BOT_USER_ID}> {text}", user="U2")
                        await slack.send_envelope("events_api", mention)
                    [nothing] = await slack.wait_for("chat.postEphemeral")
                    [posted] = await slack.wait_for("chat.postMessage")
                    assert "Nothing found" in text_of(nothing.args)
                    assert "Gulf Herald" not in text_of(nothing.args)
                    assert "Valley Wire" in text_of(posted.args)

                    # the Discord admin cannot remove the workspace's source
                    removed = await fake.answer(
                        await fake.slash("sources", {"url": wire}, subcommand="remove")
                    )
                    assert removed["flags"] & EPHEMERAL and "No source" in text_of(removed)
                    scheduled = await slack.command("/schedule", "set 06:00 UTC")
                    assert scheduled["response_type"] == "in_channel", text_of(scheduled)
                    assert keeps(runtime, WORKSPACE, "slack:C1") == ([wire], True, True)

                    # the app is uninstalled from the workspace: it alone has left, and
                    # after the grace period it alone is forgotten
                    await slack.send_envelope("events_api", app_uninstalled())
                    await eventually(lambda: left_at(runtime.store, WORKSPACE) is not None)
                    assert left_at(runtime.store, newsroom) is None
                    moment[0] = start + timedelta(days=31)
                    assert await runtime.forget_departed() == [WORKSPACE]
                    assert keeps(runtime, WORKSPACE, "slack:C1") == ([], False, False)
                    assert keeps(runtime, newsroom, f"discord:{fake.news.id}")[0] == [herald]
                    assert [s.url for s in runtime.store.sources_to_read()] == [herald]

    asyncio.run(asyncio.wait_for(run(), 90))
