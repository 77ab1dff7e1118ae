"""A Discord server and a Slack workspace whose platform ids are the same ("123"), each
with a channel of that id too: neither sees nor changes the other's sources, topics,
schedule or search results, through the command layer over a real store."""

from __future__ import annotations

from bot.replies import Caller
from tests.bot.test_commands_tenancy import carried, commands_for, run, server, store  # noqa: F401

GUILD = Caller("discord", "discord:123", "discord:123", is_admin=True, tenant="discord:123")
TEAM = Caller("slack", "slack:123", "slack:123", is_admin=True, tenant="slack:123")


def test_the_same_id_on_two_platforms_is_two_tenants(server, store, tmp_path):  # noqa: F811
    commands = commands_for(store, tmp_path)
    herald = server.url("/herald")
    assert run(commands, GUILD, f"sources add feed {herald}").ok
    carried(store, herald, "Harbour Herald", "Harbour strike closes port")
    for line in ("topics add harbour", "schedule set 08:00 UTC"):
        assert run(commands, GUILD, line).ok

    seen = {line: run(commands, TEAM, line) for line in ("sources", "topics", "schedule")}
    assert "No sources yet" in seen["sources"].text
    assert "follows no topics" in seen["topics"].text
    assert "no daily digest yet" in seen["schedule"].text
    assert run(commands, TEAM, "brief harbour").title == "Nothing found"
    for change in (f"sources remove {herald}", "sources remove #1", "topics remove harbour"):
        assert not run(commands, TEAM, change).ok, change
    assert not run(commands, TEAM, "schedule pause").ok

    assert herald in run(commands, GUILD, "sources").lines[0]
    assert run(commands, GUILD, "topics").lines == ("harbour",)
    assert not store.get_channel("discord:123").paused
    assert run(commands, GUILD, "brief harbour").ok
    assert store.get_channel("slack:123") is None or store.get_channel("slack:123").time is None
