"""The command layer keeps each server's and workspace's sources, search and digests to
itself; a command outside any server is told where it works; the limits answer in words."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import UTC, datetime

import pytest

from bot.commands import Commands
from bot.replies import Caller, ErrorKind
from summaries.config import (
    FetchSettings,
    IngestSettings,
    Settings,
    SourcesSettings,
    StoreSettings,
    TenantSettings,
)
from summaries.models import Article, Briefing
from summaries.store import Store, open_store
from tests.fakes.feed_server import FeedServer

NOW = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
A = Caller("discord", "discord:10", "discord:21", is_admin=True, tenant="discord:1")
B = Caller("discord", "discord:20", "discord:21", is_admin=True, tenant="discord:2")
B_USER = Caller("discord", "discord:20", "discord:22", tenant="discord:2")
DM = Caller("discord", "discord:30", "discord:21", tenant=None)


@pytest.fixture
def server():
    with FeedServer() as running:
        for path in ("/herald", "/courier", "/wire", "/extra"):
            running.feed(path, "rss2.xml")
        yield running


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        yield opened


def commands_for(store, tmp_path, **tenants) -> Commands:
    settings = Settings(
        store=StoreSettings(path=str(tmp_path / "briefing.db")),
        sources=SourcesSettings(allow_hosts=("127.0.0.1",)),
        fetch=FetchSettings(politeness=0, timeout=5),
        ingest=IngestSettings(workers=1),
        tenants=TenantSettings(**tenants),
    )
    return Commands(store, settings, clock=lambda: NOW)


def run(commands, caller, text):
    return asyncio.run(commands.run(caller, text))


def carried(store: Store, url: str, outlet: str, title: str, story: int | None = None) -> int:
    """An article the source at ``url`` carried, as ingest stores it."""
    source = store.get_source(url)
    text = f"{title}. The harbour authority said ships were waiting outside the port."
    address = f"{url}/{title.replace(' ', '-')}"
    stored, _ = store.upsert_article(
        Article(title=title, text=text, url=address, source=outlet, published=NOW),
        Briefing((text,), "lead", 1),
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        source_id=source.id,
        story_id=story,
        now=NOW,
    )
    if story is None:
        store.set_story(stored.id, stored.id)
    return stored.id


def test_a_server_sees_adds_and_removes_only_its_own_sources(server, store, tmp_path):
    commands = commands_for(store, tmp_path)
    assert run(commands, A, f"sources add feed {server.url('/herald')}").ok
    assert run(commands, B, f"sources add feed {server.url('/courier')}").ok

    listed_b = run(commands, B_USER, "sources list")
    assert [line.split()[2] for line in listed_b.lines] == [server.url("/courier")]
    assert server.url("/herald") not in "\n".join(listed_b.lines)

    for wanted in (server.url("/herald"), "#1"):
        refused = run(commands, B, f"sources remove {wanted}")
        assert refused.error is ErrorKind.NOT_FOUND, refused
    assert server.url("/herald") not in refused.text  # A's address is not told by number
    assert [s.source.url for s in store.tenant_sources("discord:1", operator=True)] == [
        server.url("/herald")
    ]
    assert commands.source_names("discord:2") == [server.url("/courier")]

    # The same address in both: one source, read once, each server's own subscription.
    assert run(commands, B, f"sources add feed {server.url('/herald')}").ok
    assert len(store.sources_to_read()) == 2
    assert run(commands, A, f"sources remove {server.url('/herald')}").ok
    assert server.url("/herald") in [s.url for s in store.sources_to_read()]  # B still reads it
    again = run(commands, B, f"sources add feed {server.url('/herald')}")
    assert again.ok and again.title == "Already read"


def test_brief_and_the_digest_show_a_server_only_its_outlets(server, store, tmp_path):
    commands = commands_for(store, tmp_path)
    run(commands, A, f"sources add feed {server.url('/herald')}")
    run(commands, B, f"sources add feed {server.url('/courier')}")
    story = carried(store, server.url("/herald"), "Gulf Herald", "Brennport port reopens")
    carried(store, server.url("/courier"), "Brennport Courier", "Port of Brennport reopens", story)
    carried(store, server.url("/herald"), "Gulf Herald", "Herald harbour exclusive on cranes")

    found = run(commands, B_USER, "brief harbour")
    assert found.ok and [item.sources for item in found.items] == [("Brennport Courier",)]
    assert all("exclusive" not in item.title for item in found.items)
    preview = run(commands, B_USER, "digest")
    assert [item.sources for item in preview.items] == [("Brennport Courier",)]
    from_a = run(commands, A, "brief harbour")
    assert sorted(item.title for item in from_a.items) == [
        "Brennport port reopens",
        "Herald harbour exclusive on cranes",
    ]
    assert all(item.sources == ("Gulf Herald",) for item in from_a.items)


def test_outside_a_server_only_help_and_summarize_answer(store, tmp_path):
    commands = commands_for(store, tmp_path)
    for text in ("brief port", "digest", "sources list", "topics add port", "schedule"):
        reply = run(commands, DM, text)
        assert reply.error is ErrorKind.USAGE and "server or workspace" in reply.text, text
    assert run(commands, DM, "help").ok
    pasted = "The harbour reopened on Tuesday after a ransomware attack shut the cranes for days."
    assert run(commands, DM, f"summarize {pasted}").error is not ErrorKind.USAGE
    assert store.list_channels() == []


def test_the_limits_answer_in_words(server, store, tmp_path):
    commands = commands_for(store, tmp_path, max_sources=1)
    assert run(commands, A, f"sources add feed {server.url('/herald')}").ok
    full = run(commands, A, f"sources add feed {server.url('/courier')}")
    assert full.error is ErrorKind.BAD_INPUT and "most the bot allows" in full.text
    assert run(commands, B, f"sources add feed {server.url('/courier')}").ok  # B's own count

    commands = commands_for(store, tmp_path, sources_add_per_hour=3)  # A has tried 2 so far
    assert run(commands, A, f"sources add feed {server.url('/wire')}").ok
    hurried = run(commands, A, f"sources add feed {server.url('/extra')}")
    assert hurried.error is ErrorKind.BAD_INPUT and "in the last hour" in hurried.text
    assert "try again in 60 minutes" in hurried.text
    assert server.url("/extra") not in [s.url for s in store.list_sources()]


def test_digest_channels_per_server_are_capped(store, tmp_path):
    commands = commands_for(store, tmp_path, max_digest_channels=1)
    assert run(commands, A, "schedule set 08:00 UTC").ok
    other = Caller("discord", "discord:11", "discord:21", is_admin=True, tenant="discord:1")
    refused = run(commands, other, "schedule set 09:00 UTC")
    assert refused.error is ErrorKind.BAD_INPUT and "daily digest" in refused.text
    assert run(commands, B, "schedule set 09:00 UTC").ok  # another server
    assert store.get_channel("discord:11").time is None


def test_a_server_may_follow_the_operators_source_but_not_remove_it(server, store, tmp_path):
    store.add_source(server.url("/wire"), "feed", added_by="config.toml")
    commands = commands_for(store, tmp_path)
    refused = run(commands, B, "sources remove #1")
    assert refused.error is ErrorKind.FORBIDDEN and "operator" in refused.text
    listed = run(commands, B_USER, "sources list")
    assert listed.lines[0].endswith("(the bot operator's, read everywhere)")

    followed = run(commands, A, f"sources add feed {server.url('/wire')}")
    assert followed.ok and "follows it too" in followed.text
    removed = run(commands, A, "sources remove #1")
    assert removed.ok and "still read here" in removed.text
    assert [s.url for s in store.sources_to_read()] == [server.url("/wire")]


def test_a_servers_remove_ends_only_its_own_subscription_and_tells_nothing_of_others(
    server, store, tmp_path
):
    """Unlike the operator's ``briefing sources remove``, which names every follower, a
    server's ``sources remove`` of a source another server follows too ends its own
    subscription and says nothing of the other (neither its name nor that it exists)."""
    commands = commands_for(store, tmp_path)
    store.ensure_tenant("discord:2", now=NOW, name="Other Guild")
    for caller in (A, B):
        assert run(commands, caller, f"sources add feed {server.url('/herald')}").ok
    removed = run(commands, A, "sources remove #1")
    assert removed.ok
    told = "\n".join([removed.title, removed.text, *removed.lines, removed.footer or ""])
    assert "Other Guild" not in told and "discord:2" not in told and "follow" not in told
    assert [s.source.id for s in store.tenant_sources("discord:1", operator=False)] == []
    assert [s.source.id for s in store.tenant_sources("discord:2", operator=False)] == [1]
    # and B's own remove by number still finds only its own
    assert run(commands, B, "sources remove #1").ok
    assert store.tenant_sources("discord:2", operator=False) == []
    assert run(commands, A, "sources remove #1").error is ErrorKind.NOT_FOUND


def test_help_in_a_direct_message_lists_only_what_works_there(store, tmp_path):
    commands = commands_for(store, tmp_path)
    listed = run(commands, DM, "help")
    anywhere = commands.context.commands.anywhere()
    assert [line.split(":")[0] for line in listed.lines] == anywhere == ["summarize", "help"]
    assert not any("direct message" in run(commands, DM, f"{name} x").text for name in anywhere)
    assert "in the channels of a server" in listed.footer
    in_server = run(commands, A, "help")
    names = [line.split(":")[0] for line in in_server.lines]
    assert set(anywhere) < set(names) and "schedule" in names
    console = Caller("console", "console", "console:local", tenant="console")
    assert [line.split(":")[0] for line in run(commands, console, "help").lines] == names


def test_help_in_a_workspaces_direct_message_lists_what_answers_there(store, tmp_path):
    """A Slack DM belongs to the asker's workspace: help lists the commands (or actions)
    that answer there, read-only ones of the workspace's own included, and none that are
    refused there."""
    commands = commands_for(store, tmp_path)
    slack_dm = Caller(
        "slack", "slack:D1", "slack:U1", is_admin=True, tenant="slack:T1", direct=True
    )
    listed = [line.split(":")[0] for line in run(commands, slack_dm, "help").lines]
    assert {"summarize", "help", "brief", "sources list"} <= set(listed)
    assert "schedule" not in listed and "sources" not in listed
    for name in listed:
        assert "Not here" != run(commands, slack_dm, f"{name} x").title, name
    assert "in the channels of a" in run(commands, slack_dm, "help").footer
