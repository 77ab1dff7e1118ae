"""A channel shared between two workspaces of one Enterprise Grid organisation, the bot
installed on the organisation: its digest settings belong to the workspace that first set
it up; people of the other one are told so and neither see nor change them. Over signed
HTTP requests to the real slack-bolt app, the fake Slack answering users.info. (A guest
from another organisation: ``test_slack_http``.)"""

from __future__ import annotations

import json

from tests.bot.test_slack_http import grid_user, run, running_app, store  # noqa: F401

GRID = {"team_id": None, "team": None, "enterprise_id": "E1", "is_enterprise_install": True}


def text_of(answer: dict) -> str:
    return json.dumps(answer, ensure_ascii=False)


def test_the_other_workspace_of_a_shared_channel_neither_changes_nor_sees_its_settings(
    store,  # noqa: F811 - the fixture
    tmp_path,
):
    """Installed on an organisation, the bot serves each workspace apart: #news (C1), set
    up by workspace A and shared with workspace B, stays A's when B's admin asks there."""

    async def scenario():
        async with running_app(store, tmp_path, identity=GRID) as app:
            grid_user(app, "UA", "T0A")
            grid_user(app, "UB", "T0B")
            asked = [
                ("UA", "T0A", "/topics", "add cyber"),
                ("UA", "T0A", "/schedule", "set 07:00 UTC"),
                ("UB", "T0B", "/topics", "add floods"),
                ("UB", "T0B", "/topics", ""),
                ("UB", "T0B", "/schedule", "pause"),
                ("UA", "T0A", "/topics", ""),
            ]
            for n, (user, team, command, text) in enumerate(asked, 1):
                await app.command(command, text, user=user, team=team)
                answers = await app.slack.wait_for_responses(n)
            return answers

    answers = run(scenario)
    for refused in answers[2:5]:
        assert refused["response_type"] == "ephemeral", text_of(refused)
        assert "another workspace" in text_of(refused), text_of(refused)
        assert "cyber" not in text_of(refused) and "07:00" not in text_of(refused)
    assert "cyber" in text_of(answers[5]) and "floods" not in text_of(answers[5])
    channel = store.get_channel("slack:C1")
    assert (channel.tenant, channel.topics, channel.time) == ("slack:T0A", ("cyber",), "07:00")


def test_a_guest_of_another_organisation_never_takes_a_channel_for_their_workspace(
    store,  # noqa: F811 - the fixture
    tmp_path,
):
    """Installed on an organisation, the workspace a command's payload names is the
    channel's until one is stored; a guest of another organisation (users.info: not of
    the organisation) is not, though the payload names theirs. #news, set up in
    config.toml before its workspace was known, is not recorded as the guest's by their
    ``digest`` preview: they are told it is another workspace's."""
    store.ensure_channel("slack:C1", name="news")

    async def scenario():
        async with running_app(store, tmp_path, identity=GRID) as app:
            app.slack.add_user("UEXT", admin=True, team="T0OTHER")
            await app.command("/digest", "", user="UEXT", team="T0OTHER")
            [answer] = await app.slack.wait_for_responses(1)
            return answer

    answer = run(scenario)
    assert answer["blocks"][0]["text"]["text"].startswith("*Not here*"), text_of(answer)
    assert store.get_channel("slack:C1").tenant is None


def test_installed_on_an_organisation_an_asker_users_info_cannot_look_up_is_asked_again(
    store,  # noqa: F811 - the fixture
    tmp_path,
):
    """Installed on an organisation, only users.info tells its people from a guest of
    another organisation whose payload names their own workspace: while it cannot be
    asked (rate-limited past the retries), a command that reads or changes a channel's
    settings is refused with a reason to try again, and records nothing; help answers."""
    store.ensure_channel("slack:C6", name="config-news")

    async def scenario():
        async with running_app(store, tmp_path, identity=GRID) as app:
            app.slack.rate_limit("users.info", times=20)
            asked = [("/digest", "", "C6"), ("/topics", "", "C5"), ("/help", "", "C5")]
            for n, (command, text, channel) in enumerate(asked, 1):
                await app.command(command, text, user="UEXT", team="T0OTHER", channel=channel)
                answers = await app.slack.wait_for_responses(n)
            return answers

    *refused, helped = run(scenario)
    for answer in refused:
        assert answer["response_type"] == "ephemeral", text_of(answer)
        assert "try again" in answer["text"], text_of(answer)
        assert "users.info" not in answer["text"]
    assert "summarize" in text_of(helped)
    assert store.get_channel("slack:C6").tenant is None


def test_a_guest_asking_for_a_briefing_in_a_shared_channel_is_told_whose_bot_it_is(
    store,  # noqa: F811 - the fixture
    tmp_path,
):
    """``brief`` changes no setting: the refusal says the bot there is the other
    workspace's and only its people use its commands, not that settings are hidden."""

    async def scenario():
        async with running_app(store, tmp_path, identity=GRID) as app:
            grid_user(app, "UA", "T0A")
            grid_user(app, "UB", "T0B")
            await app.command("/topics", "add cyber", user="UA", team="T0A")
            await app.slack.wait_for_responses(1)
            await app.command("/brief", "flood", user="UB", team="T0B")
            return (await app.slack.wait_for_responses(2))[1]

    refused = run(scenario)
    text = refused["blocks"][0]["text"]["text"]
    assert text == (
        "*Not here*\nThis channel is shared with another workspace, and the bot here is that "
        "workspace's: it reads that workspace's sources, with this channel's topics and digest "
        "schedule as its people set them, and only they can use its commands here. Use the bot "
        "in a channel of your own workspace."
    )
    assert refused["response_type"] == "ephemeral"
