"""Slack's events that the app lost the workspace, over Socket Mode against the fake Slack:
``app_uninstalled``, and ``tokens_revoked`` naming the bot's token (one naming only
people's user tokens leaves the bot installed)."""

from __future__ import annotations

import asyncio

import pytest

from bot.commands import Commands
from bot.slack import SlackAdapter, SlackCredentials
from bot.tenancy import TenantEvents
from summaries.config import Settings, SlackSettings, StoreSettings
from summaries.store import open_store
from tests.bot.helpers_tenancy import eventually, left_at
from tests.fakes.slack import (
    BOT_USER_ID,
    TEAM_ID,
    FakeSlack,
    app_uninstalled,
    slash_command,
    tokens_revoked,
)

WORKSPACE = f"slack:{TEAM_ID}"


@pytest.mark.parametrize(
    ("event", "leaves"),
    [
        (app_uninstalled, True),
        (lambda: tokens_revoked(bot=[BOT_USER_ID]), True),
        (lambda: tokens_revoked(oauth=["U1"]), False),
    ],
    ids=["app_uninstalled", "bot token revoked", "a user token revoked"],
)
def test_the_workspace_is_left_only_when_the_bot_lost_it(tmp_path, event, leaves):
    async def scenario():
        with open_store(tmp_path / "briefing.db") as store:
            async with FakeSlack() as slack:
                settings = Settings(
                    store=StoreSettings(path=str(tmp_path / "briefing.db")),
                    slack=SlackSettings(mode="socket", api_base=slack.api_url),
                )
                credentials = SlackCredentials("xoxb-test", app_token="xapp-test")
                tenants = TenantEvents(store)
                adapter = SlackAdapter(
                    settings, credentials, Commands(store, settings), tenants=tenants
                )
                await adapter.start()
                try:
                    await slack.wait_for_socket()
                    acked = await slack.send_envelope("events_api", event())
                    if leaves:
                        await eventually(lambda: left_at(store, WORKSPACE) is not None)
                    # the next command is still served: the bot did not stop on the event
                    help_ = slash_command("/help", "", response_url=slack.response_url())
                    await slack.send_envelope("slash_commands", help_)
                    await slack.wait_for_responses(1)
                    await asyncio.sleep(0.2)  # a store write the event caused is done
                finally:
                    await adapter.close()
                return acked, left_at(store, WORKSPACE)

    acked, left = asyncio.run(scenario())
    assert acked["envelope_id"]
    assert (left is not None) == leaves
