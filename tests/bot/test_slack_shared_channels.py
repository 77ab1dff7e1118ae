"""A channel shared between workspaces (Slack Connect, or two workspaces of one Enterprise
Grid organisation): its digest settings belong to one workspace, the one that first set it
up (or, before anyone did, the one the bot is installed in); people of the other one are
told so and neither see nor change them. Over signed HTTP requests to the real slack-bolt
app, the fake Slack answering users.info."""

from __future__ import annotations

import json

from tests.bot.test_slack_http import grid_user, run, running_app, store  # noqa: F401
from tests.fakes.slack import app_mention

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


def test_a_guest_of_another_organisation_neither_sees_nor_sets_up_a_channel(
    store,  # noqa: F811 - the fixture
    tmp_path,
):
    """Installed in one workspace, a channel it shares with another organisation is this
    workspace's: a guest from there (users.info names their own workspace) is refused,
    in a channel already set up and in one no one set up yet, by command or by mention."""

    async def scenario():
        async with running_app(store, tmp_path) as app:
            app.slack.add_user("UHOME", admin=True)
            app.slack.add_user("UEXT", admin=True, owner=True, team="T0OTHER")
            await app.command("/topics", "add cyber", user="UHOME")
            await app.slack.wait_for_responses(1)
            await app.command("/topics", "", user="UEXT", team="T0OTHER")
            await app.command("/topics", "add floods", user="UEXT", channel="C5")
            answers = await app.slack.wait_for_responses(3)
            mention = app_mention("<@UBOT> topics", user="UEXT")
            mention["event"]["user_team"] = "T0OTHER"
            await app.send(json.dumps(mention))
            [private] = await app.slack.wait_for("chat.postEphemeral")
            return answers[1:], private.args

    answers, mentioned = run(scenario)
    for refused in [*answers, mentioned]:
        assert "another workspace" in text_of(refused), text_of(refused)
        assert "cyber" not in text_of(refused)
    assert store.get_channel("slack:C5") is None
    assert store.get_channel("slack:C1").topics == ("cyber",)
