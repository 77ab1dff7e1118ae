"""A direct message is no workspace's channel, on Slack as on Discord: a digest cannot be
scheduled there, nor a channel's settings read or changed; help and summarize still
work, and, since a Slack DM belongs to one workspace, so do the commands that read only
the asker's own (brief, sources list, about). The person is told where the others work."""

from __future__ import annotations

import json

import pytest

from summaries.store import Store
from tests.bot.test_slack_http import NOW, put, run, running_app, store  # noqa: F401
from tests.fakes.slack import app_mention
from tests.fakes.slack.payloads import TEAM_ID


def text_of(answer: dict) -> str:
    return json.dumps(answer, ensure_ascii=False)


@pytest.mark.parametrize(
    ("channel", "channel_name"),
    [("D0DM", "directmessage"), ("G0GROUP", "mpdm-ann--bob-1")],
    ids=["direct message", "group direct message"],
)
def test_a_digest_cannot_be_scheduled_in_a_direct_message(
    store,  # noqa: F811 - the fixture
    tmp_path,
    channel,
    channel_name,
):
    async def scenario():
        async with running_app(store, tmp_path) as app:
            app.slack.add_user("UADMIN", admin=True)
            app.slack.add_channel("C1", "news", members=("UADMIN", "UBOT"))
            where = {"channel": channel, "channel_name": channel_name, "user": "UADMIN"}
            asked = [
                ("/schedule", "set 08:00 UTC"),
                ("/digest", ""),
                ("/schedule", "show <#C1|news>"),
                ("/help", ""),
            ]
            for count, (command, text) in enumerate(asked, start=1):
                await app.command(command, text, **where)
                await app.slack.wait_for_responses(count)
            return [body for _name, body in app.slack.responses]

    scheduled, previewed, named, helped = run(scenario)
    for refused in (scheduled, previewed, named):
        text = refused["blocks"][0]["text"]["text"]
        assert text.startswith("*Not here*"), text_of(refused)
        assert "works in the channels of a workspace, not in a direct message" in text
        assert refused["response_type"] == "ephemeral"
    assert "What I can do" in text_of(helped)
    assert store.get_channel(f"slack:{channel}") is None  # nothing set up there
    assert store.get_channel("slack:C1") is None


def follow_and_put(opened: Store, team: str, n: int, title: str) -> None:
    """Story ``n``, read from a source only ``team``'s workspace follows."""
    source, _ = opened.subscribe(
        f"slack:{team}",
        f"https://{team.lower()}.example/feed",
        "feed",
        added_by=None,
        now=NOW,
        max_sources=5,
    )
    put(opened, n, title, f"{title}. More follows.", source_id=source.id)


@pytest.mark.parametrize(
    ("channel", "channel_name"),
    [("D0DM", "directmessage"), ("G0GROUP", "mpdm-ann--bob-1")],
    ids=["direct message", "group direct message"],
)
def test_a_direct_message_answers_what_reads_only_the_askers_own_workspace(
    store,  # noqa: F811 - the fixture
    tmp_path,
    channel,
    channel_name,
):
    """A Slack DM belongs to one workspace: brief, sources list and about answer there, with
    that workspace's stories and sources; a person of another organisation who DMs the bot
    (met in a shared channel) is answered from their own workspace's, never this one's; the
    settings, even an admin's sources add, stay refused."""
    follow_and_put(store, TEAM_ID, 3, "Harbour cranes stop at Brennport")
    follow_and_put(store, "T0OTHER", 4, "Harbour fees rise in Calder")

    async def scenario():
        async with running_app(store, tmp_path) as app:
            app.slack.add_user("UADMIN", admin=True)
            app.slack.add_user("UEXT", admin=True, team="T0OTHER")
            where = {"channel": channel, "channel_name": channel_name}
            asked = [
                ("UADMIN", TEAM_ID, "/brief", "harbour"),
                ("UADMIN", TEAM_ID, "/sources", ""),
                ("UADMIN", TEAM_ID, "/about", ""),
                ("UEXT", "T0OTHER", "/brief", "harbour"),
                ("UADMIN", TEAM_ID, "/sources", "add https://news.example/feed"),
                ("UADMIN", TEAM_ID, "/topics", ""),
            ]
            for count, (user, team, command, text) in enumerate(asked, start=1):
                await app.command(command, text, user=user, team=team, **where)
                await app.slack.wait_for_responses(count)
            return [body for _name, body in app.slack.responses]

    briefed, listed, about, guest, added, topics = run(scenario)
    assert "Brennport" in text_of(briefed) and "Calder" not in text_of(briefed)
    assert f"{TEAM_ID.lower()}.example/feed" in text_of(listed)
    assert "t0other.example" not in text_of(listed)
    assert "not in direct messages" in text_of(about), text_of(about)
    assert "Calder" in text_of(guest) and "Brennport" not in text_of(guest)
    for refused in (added, topics):
        text = refused["blocks"][0]["text"]["text"]
        assert text.startswith("*Not here*"), text_of(refused)
        assert "brief, summarize, sources list, about and help work in a direct" in text
    assert store.get_channel(f"slack:{channel}") is None  # nothing set up there


def test_a_mention_in_a_group_direct_message_is_answered_as_in_a_direct_message(
    store,  # noqa: F811 - the fixture
    tmp_path,
):
    """An app_mention names the conversation by id only, and a group DM's id starts with C
    (or G) like a channel's: conversations.info tells. No digest is scheduled there; brief
    still answers."""

    async def scenario():
        async with running_app(store, tmp_path) as app:
            app.slack.add_user("UADMIN", admin=True)
            app.slack.add_channel("C0MPIM", "mpdm-ann--bob-1", mpim=True, members=("UADMIN",))
            for text in ("<@UBOT> schedule set 08:00 UTC", "<@UBOT> brief flood"):
                await app.send(json.dumps(app_mention(text, channel="C0MPIM", user="UADMIN")))
            [refused] = await app.slack.wait_for("chat.postEphemeral")
            [briefed] = await app.slack.wait_for("chat.postMessage")
            return refused.args, briefed.args

    refused, briefed = run(scenario)
    assert refused["blocks"][0]["text"]["text"].startswith("*Not here*"), text_of(refused)
    assert "flood plan" in text_of(briefed)
    assert store.get_channel("slack:C0MPIM") is None  # no digest scheduled there
