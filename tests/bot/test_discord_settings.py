"""``[discord]`` settings: endpoints, intents, sharding, the token."""

from __future__ import annotations

import asyncio

import pytest
from discord import http
from discord.gateway import DiscordWebSocket
from discord.webhook import async_ as webhook_async

from bot.discord import BriefingBot, ShardedBriefingBot, intents_for, make_bot, read_token
from bot.discord.adapter import DiscordAdapter
from bot.discord.endpoints import DISCORD_API, DISCORD_GATEWAY, rest_base, use_endpoints
from summaries import ConfigError
from summaries.config import DiscordSettings, Settings
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import FAST, bot_over_runtime, discord_settings, settings_for


def test_the_rest_base_gets_the_api_version_unless_it_names_one():
    assert rest_base("") == DISCORD_API == "https://discord.com/api/v10"
    assert rest_base("http://proxy:8080/api") == "http://proxy:8080/api/v10"
    assert rest_base("http://proxy:8080/api/v9/") == "http://proxy:8080/api/v9"


def test_endpoints_reach_rest_interactions_and_the_gateway_and_empty_restores_discord():
    try:
        use_endpoints("http://127.0.0.1:9/api", "ws://127.0.0.1:9/gw")
        assert http.Route("GET", "/users/@me").url == "http://127.0.0.1:9/api/v10/users/@me"
        callback = webhook_async.Route(
            "POST",
            "/interactions/{webhook_id}/{webhook_token}/callback",
            webhook_id=1,
            webhook_token="t",
        )
        assert callback.url.startswith("http://127.0.0.1:9/api/v10/interactions/1/")
        assert str(DiscordWebSocket.DEFAULT_GATEWAY) == "ws://127.0.0.1:9/gw"
    finally:
        use_endpoints("", "")
    assert http.Route.BASE == webhook_async.Route.BASE == DISCORD_API
    assert DiscordWebSocket.DEFAULT_GATEWAY == DISCORD_GATEWAY


def test_message_content_is_asked_for_only_with_prefix_commands():
    with_prefix = intents_for(DiscordSettings(prefix="!"))
    assert with_prefix.guilds and with_prefix.guild_messages and with_prefix.message_content
    slash_only = intents_for(DiscordSettings(prefix=""))
    assert slash_only.guilds and not slash_only.guild_messages and not slash_only.message_content
    for intents in (with_prefix, slash_only):  # never the other privileged ones
        assert not intents.members and not intents.presences and not intents.dm_messages


@pytest.mark.parametrize(
    ("options", "kind", "shard_ids"),
    [
        ({}, BriefingBot, None),
        ({"shards": "auto"}, ShardedBriefingBot, None),
        ({"shard_ids": (2, 3), "shard_count": 4}, ShardedBriefingBot, [2, 3]),
    ],
)
def test_sharding_settings_choose_the_bot(options, kind, shard_ids):
    bot = make_bot(Settings(discord=DiscordSettings(**options)), runner=None, store=None)
    assert type(bot) is kind
    assert getattr(bot, "shard_ids", None) == shard_ids


def test_explicit_shard_ids_identify_only_those_shards(tmp_path):
    async def run():
        async with FakeDiscord() as fake:
            shard = (fake.guild.id >> 22) % 2  # the shard that holds the fake's one server
            settings = settings_for(
                fake, tmp_path, discord=discord_settings(fake, shard_ids=(shard,), shard_count=2)
            )
            async with bot_over_runtime(settings, fake, FAST) as (_, adapter):
                shards = [e.detail["shard"] for e in fake.gateway.log if e.kind == "identify"]
                assert shards == [[shard, 2]]
                assert [g.id for g in adapter.bot.guilds] == [fake.guild.id]
                interaction = await fake.slash("help")
                await fake.wait_for(lambda: interaction.callbacks)

    asyncio.run(asyncio.wait_for(run(), 30))


def test_the_token_comes_from_the_named_environment_variable():
    settings = Settings(discord=DiscordSettings(token_env="MY_BOT_TOKEN"))
    assert read_token(settings, {"MY_BOT_TOKEN": " abc.def \n"}) == "abc.def"
    with pytest.raises(ConfigError, match="MY_BOT_TOKEN"):
        read_token(settings, {"DISCORD_TOKEN": "abc"})


def test_a_refused_token_is_a_configuration_problem_that_never_shows_the_token(tmp_path):
    async def run():
        async with FakeDiscord() as fake:
            from bot.runtime import BotRuntime

            settings = settings_for(fake, tmp_path)
            async with await BotRuntime.open(settings) as runtime:
                adapter = DiscordAdapter(settings, "wrong-secret-token", runtime, timing=FAST)
                with pytest.raises(ConfigError) as refused:
                    await adapter.run()
                await adapter.close()
            assert "DISCORD_TOKEN" in str(refused.value)
            assert "wrong-secret-token" not in str(refused.value)
            assert [r.status for r in fake.requests] == [401]

    asyncio.run(asyncio.wait_for(run(), 30))
