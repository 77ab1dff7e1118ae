"""A direct message is no workspace's channel, on Slack as on Discord: a digest cannot be
scheduled there, nor a workspace's settings read or changed; help and summarize still
work. The person is told where the command works, in the same words on both platforms."""

from __future__ import annotations

import json

import pytest

from tests.bot.test_slack_http import run, running_app, store  # noqa: F401 - the fixture


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
                ("/brief", "flood"),
                ("/schedule", "show <#C1|news>"),
                ("/help", ""),
            ]
            for count, (command, text) in enumerate(asked, start=1):
                await app.command(command, text, **where)
                await app.slack.wait_for_responses(count)
            return [body for _name, body in app.slack.responses]

    scheduled, briefed, named, helped = run(scenario)
    for refused in (scheduled, briefed, named):
        text = refused["blocks"][0]["text"]["text"]
        assert text.startswith("*Not here*"), text_of(refused)
        assert "works in the channels of a workspace, not in a direct message" in text
        assert refused["response_type"] == "ephemeral"
    assert "What I can do" in text_of(helped)
    assert store.get_channel(f"slack:{channel}") is None  # nothing set up there
    assert store.get_channel("slack:C1") is None
