"""A channel named in a Slack command (``<#C…|name>``, or ``<#C…>`` without its name):
the channel a channel-taking command acts on, never silently dropped elsewhere. Real
slack-bolt app and command layer over a real store, answered to the fake Web API."""

from __future__ import annotations

import json

import pytest

from summaries.store import open_store
from tests.bot.test_slack_http import put, run, running_app
from tests.fakes.slack import TEAM_ID, app_mention


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        put(opened, 1, "Ransomware shuts Brennport ports", "Ransomware shut the port today.")
        yield opened


def workspace(slack) -> None:
    """The fake's workspace: an admin, a member, two public channels and a private one
    the admin alone is in."""
    slack.add_user("UADMIN", admin=True)
    slack.add_user("UMEMBER")
    slack.add_channel("C2NEWS", "news")
    slack.add_channel("C3MORE", "more")
    slack.add_channel("G4EDITORS", "editors", private=True, members=["UBOT", "UADMIN"])


def answers(store, tmp_path, *commands: tuple[str, str], user: str = "UADMIN") -> list[dict]:
    """The answers to each slash command (name, text), asked in turn by ``user`` (a
    workspace admin unless said)."""

    async def scenario():
        async with running_app(store, tmp_path) as app:
            workspace(app.slack)
            for count, (name, text) in enumerate(commands, 1):  # each answered before the next
                await app.command(name, text, user=user)
                found = await app.slack.wait_for_responses(count)
            return found

    return run(scenario)


def answer_text(answer: dict) -> str:
    return " ".join(
        block["text"]["text"] for block in answer["blocks"] if block.get("text", {}).get("text")
    )


@pytest.mark.parametrize("reference", ["<#C2NEWS>", "<#C2NEWS|>", "<#C2NEWS|news>"])
def test_schedule_set_acts_on_the_channel_named_with_or_without_its_name(
    store, tmp_path, reference
):
    """Slack sends a picked channel as a reference, from some clients without its name:
    either way it is the channel whose digest is set, not the one asked in."""

    async def scenario():
        async with running_app(store, tmp_path) as app:
            workspace(app.slack)
            await app.command("/schedule", f"set 08:00 Europe/Berlin {reference}", user="UADMIN")
            await app.slack.wait_for_responses(1)  # each answered before the next
            await app.command("/schedule", f"pause {reference}", user="UADMIN")
            return await app.slack.wait_for_responses(2)

    answers = run(scenario)
    assert all(answer["response_type"] == "in_channel" for answer in answers), answers
    named = store.get_channel("slack:C2NEWS")
    assert named is not None and named.time == "08:00"
    assert named.timezone == "Europe/Berlin" and named.paused
    asked_in = store.get_channel("slack:C1")
    assert asked_in is None or asked_in.time is None


def test_a_mention_names_the_channel_to_show_and_is_answered_where_it_was_asked(
    store, tmp_path
):

    async def scenario():
        async with running_app(store, tmp_path) as app:
            workspace(app.slack)
            await app.command("/schedule", "set 06:00 UTC", user="UADMIN")  # where asked
            await app.slack.wait_for_responses(1)
            await app.command("/schedule", "set 07:30 UTC <#C2NEWS>", user="UADMIN")
            await app.slack.wait_for_responses(2)
            await app.send(json.dumps(app_mention("<@UBOT> schedule <#C2NEWS>", channel="C1")))
            [call] = await app.slack.wait_for("chat.postMessage")
            return call.args

    posted = run(scenario)
    assert posted["channel"] == "C1"
    shown = json.dumps(posted["blocks"])
    assert "07:30 (UTC)" in shown and "06:00" not in shown
    assert store.get_channel("slack:C1").time == "06:00"  # the channel asked in is unchanged


@pytest.mark.parametrize("reference", ["<#C2NEWS>", "<#C2NEWS|>"])
def test_a_channel_without_its_name_where_none_is_taken_is_refused_not_dropped(
    store, tmp_path, reference
):
    """``brief ransomware <#C2NEWS>``: the id is no word to look for, and dropping it
    would answer another question; the answer says what to do."""

    [answer] = answers(store, tmp_path, ("/brief", f"ransomware {reference}"))
    assert answer["response_type"] == "ephemeral"
    text = answer_text(answer)
    assert "brief takes no channel, and Slack sent the channel you named without its name" in text
    assert "Ransomware shuts" not in text and "c2news" not in text.casefold()


def test_two_channels_for_one_command_are_refused(store, tmp_path):
    [answer] = answers(store, tmp_path, ("/schedule", "pause <#C2NEWS> <#C3MORE|more>"))
    assert "Name one channel at most." in answer_text(answer)
    assert store.get_channel("slack:C2NEWS") is None and store.get_channel("slack:C3MORE") is None


def test_an_unknown_action_with_a_channel_gets_the_closest_action_named(store, tmp_path):
    [answer] = answers(store, tmp_path, ("/schedule", "shwo <#C2NEWS>"))
    assert "Did you mean schedule show?" in answer_text(answer)


def test_a_channel_typed_as_a_word_is_refused_with_how_to_name_one_on_slack(store, tmp_path):
    """Slack leaves "#news" as typed in a slash command's text (escaping off): no channel
    to act on, so the answer says how to name one, and nothing is set."""

    [answer] = answers(store, tmp_path, ("/schedule", "set 08:00 UTC #news"))
    text = answer_text(answer)
    assert "'#news' names a channel as a word, and schedule set acts on the channel" in text
    assert "mention me with schedule set and pick the channel from the list Slack opens" in text
    assert store.get_channel("slack:C1") is None


def _other_workspaces_channel(store) -> None:
    """Another workspace's channel, known to the store (the same bot serves both), with a
    digest at 09:15 that it set."""
    store.ensure_channel("slack:C9OTHER", name="their-news", tenant="slack:T9OTHER")
    store.set_schedule("slack:C9OTHER", "09:15", "UTC")


@pytest.mark.parametrize("reference", ["<#C9OTHER>", "<#C9OTHER|their-news>"])
@pytest.mark.parametrize("action", ["show", "set 06:00 UTC", "pause"])
def test_another_workspaces_channel_named_is_neither_shown_nor_changed(
    store, tmp_path, reference, action
):
    """A workspace admin who names (sends raw through the API) a channel id of another
    workspace sees nothing of its schedule and changes nothing of it, and the channel
    stays the other workspace's."""
    _other_workspaces_channel(store)
    [answer] = answers(store, tmp_path, ("/schedule", f"{action} {reference}"))
    text = answer_text(answer)
    assert answer["response_type"] == "ephemeral", text
    assert "09:15" not in text and "their-news" not in text
    assert "not a channel of this workspace" in text
    theirs = store.get_channel("slack:C9OTHER")
    assert (theirs.time, theirs.paused, theirs.tenant) == ("09:15", False, "slack:T9OTHER")


def test_another_workspaces_channel_named_in_a_mention_is_not_shown(store, tmp_path):
    _other_workspaces_channel(store)

    async def scenario():
        async with running_app(store, tmp_path) as app:
            workspace(app.slack)
            mention = app_mention("<@UBOT> schedule show <#C9OTHER>", user="UADMIN")
            await app.send(json.dumps(mention))
            calls = await app.slack.wait_for("chat.postEphemeral")
            return calls[0].args

    posted = run(scenario)
    assert posted["channel"] == "C1"
    shown = json.dumps(posted["blocks"])
    assert "09:15" not in shown and "not a channel of this workspace" in shown


@pytest.mark.parametrize("action", ["show", "set 06:00 UTC", "pause"])
def test_a_channel_slack_does_not_show_this_workspace_is_refused_unknown_or_not(
    store, tmp_path, action
):
    """Another workspace's channel the store has not met (or no channel at all): Slack
    answers the bot's lookup channel_not_found, so nothing is set, shown or stored."""

    async def scenario():
        async with running_app(store, tmp_path) as app:
            workspace(app.slack)
            app.slack.add_channel("C9OTHER", "their-news", team="T9OTHER")
            for count, text in enumerate((f"{action} <#C9OTHER>", f"{action} <#C8NONE>"), 1):
                await app.command("/schedule", text, user="UADMIN")
                found = await app.slack.wait_for_responses(count)
            return found

    for answer in run(scenario):
        assert answer["response_type"] == "ephemeral"
        assert "not a channel of this workspace" in answer_text(answer)
    assert store.get_channel("slack:C9OTHER") is None and store.get_channel("slack:C8NONE") is None
    assert store.get_channel("slack:C1") is None


def test_a_private_channel_is_shown_only_to_its_members(store, tmp_path):
    store.ensure_channel("slack:G4EDITORS", name="editors", tenant=f"slack:{TEAM_ID}")
    store.set_schedule("slack:G4EDITORS", "09:15", "UTC")
    [outsider] = answers(store, tmp_path, ("/schedule", "<#G4EDITORS>"), user="UMEMBER")
    [member] = answers(store, tmp_path, ("/schedule", "<#G4EDITORS|editors>"))
    assert "09:15" not in answer_text(outsider)
    assert "You are not in that private channel" in answer_text(outsider)
    assert "09:15" in answer_text(member)


def test_without_the_scopes_to_check_a_channel_it_is_refused_with_what_to_add(store, tmp_path):
    async def scenario():
        async with running_app(store, tmp_path) as app:
            workspace(app.slack)
            app.slack.missing_scopes.add("conversations.info")
            await app.command("/schedule", "set 06:00 UTC <#C2NEWS>", user="UADMIN")
            return await app.slack.wait_for_responses(1)

    [answer] = run(scenario)
    assert "needs the channels:read and groups:read permissions" in answer_text(answer)
    assert store.get_channel("slack:C2NEWS") is None


def test_an_organisation_install_refuses_a_sister_workspaces_channel(store, tmp_path):
    """Installed on a whole Enterprise Grid organisation the token sees every workspace's
    channels: the one named must be in the workspace asked in."""
    identity = {"team_id": None, "team": None, "enterprise_id": "E1", "is_enterprise_install": True}

    async def scenario():
        async with running_app(store, tmp_path, identity=identity) as app:
            workspace(app.slack)
            grid = {"enterprise_id": "E1", "teams": [TEAM_ID]}
            app.slack.users["UADMIN"]["enterprise_user"] = grid
            app.slack.add_channel("C7SISTER", "sister-news", team="T0SISTER")
            await app.command("/schedule", "set 06:00 UTC <#C7SISTER>", user="UADMIN")
            await app.slack.wait_for_responses(1)
            await app.command("/schedule", "set 06:30 UTC <#C2NEWS>", user="UADMIN")
            return await app.slack.wait_for_responses(2)

    refused, accepted = run(scenario)
    assert "not a channel of this workspace" in answer_text(refused)
    assert store.get_channel("slack:C7SISTER") is None
    assert store.get_channel("slack:C2NEWS").time == "06:30", answer_text(accepted)


def test_a_named_channel_is_stored_under_its_name_on_slack_not_the_label_sent(store, tmp_path):
    """A reference's label is text anyone can write through the API: the channel keeps
    the name Slack gives it."""
    [answer] = answers(store, tmp_path, ("/schedule", "set 08:00 UTC <#C2NEWS|general>"))
    assert answer["response_type"] == "in_channel", answer_text(answer)
    assert store.get_channel("slack:C2NEWS").name == "news"


@pytest.mark.parametrize("reference", ["<#D9DIRECT>", "<#c2news>", "<#C2>", "<#Z9|odd>"])
def test_a_reference_that_is_no_usable_channel_is_refused_not_swapped_for_this_one(
    store, tmp_path, reference
):
    """``schedule pause <#D…>`` (sent raw: a direct message, a lower-case or short id):
    the command takes a channel and was given one it cannot use, so nothing is paused,
    least of all the channel asked in."""
    found = answers(
        store, tmp_path, ("/schedule", "set 08:00 UTC"), ("/schedule", f"pause {reference}")
    )
    assert found[1]["response_type"] == "ephemeral", answer_text(found[1])
    assert not store.get_channel("slack:C1").paused


@pytest.mark.parametrize(
    ("conversation", "answer"),
    [
        ({"im": True}, "That is a direct conversation, not a channel"),
        ({"archived": True}, "That channel is archived"),
    ],
)
def test_a_direct_message_or_an_archived_channel_named_is_refused(
    store, tmp_path, conversation, answer
):
    async def scenario():
        async with running_app(store, tmp_path) as app:
            workspace(app.slack)
            app.slack.add_channel("D5ODD", "odd", **conversation)
            await app.command("/schedule", "set 06:00 UTC <#D5ODD>", user="UADMIN")
            return await app.slack.wait_for_responses(1)

    [refused] = run(scenario)
    assert answer in answer_text(refused)
    assert store.get_channel("slack:D5ODD") is None


def test_the_channel_asked_in_named_keeps_the_name_slack_sent_with_the_command(store, tmp_path):
    """``/schedule set 08:00 UTC <#C1|general>`` typed in C1 (#news): the same channel, not
    looked up, and stored under the name the slash command came with."""
    [answer] = answers(store, tmp_path, ("/schedule", "set 08:00 UTC <#C1|general>"))
    assert answer["response_type"] == "in_channel", answer_text(answer)
    assert store.get_channel("slack:C1").name == "news"
