"""Who asks in a channel shared with another organisation (Slack Connect) when users.info,
which names a person's workspace, cannot be asked (rate-limited, down): the asker is of
the workspace Slack's payload names for them, never the install's by default, so a guest
does not read the channel's settings. Over signed HTTP requests to the real slack-bolt
app, the fake Slack answering users.info."""

from __future__ import annotations

import json

from tests.bot.test_slack_http import run, running_app, store  # noqa: F401
from tests.fakes.slack.payloads import app_mention


def text_of(answer: dict) -> str:
    return json.dumps(answer, ensure_ascii=False)


async def answer_to_mention(slack, count: int = 1) -> dict:
    """The arguments of the ``count``-th answer to a mention, private or in the channel."""

    def answers() -> list:
        return [c for c in slack.calls if c.method in {"chat.postEphemeral", "chat.postMessage"}]

    await slack.wait_until(lambda: len(answers()) >= count)
    return answers()[count - 1].args


def guest_mention(text: str, **event_fields: str) -> dict:
    """``text`` mentioning the bot in C1 by UEXT, a person of another organisation, with
    ``event_fields`` (none: an event naming no workspace for the person)."""
    mention = app_mention(text, user="UEXT")
    del mention["event"]["team"]
    mention["event"].update(event_fields)
    mention["is_ext_shared_channel"] = True
    return mention


def test_a_guest_whose_workspace_users_info_cannot_tell_does_not_read_the_channel(
    store,  # noqa: F811 - the fixture
    tmp_path,
):
    """users.info rate-limited past its retries for a guest who mentions the bot: the
    event's ``user_team`` names their workspace, and they are told the channel is
    another workspace's instead of being shown its topics."""

    async def scenario():
        async with running_app(store, tmp_path) as app:
            app.slack.add_user("UHOME", admin=True)
            app.slack.add_user("UEXT", admin=True, team="T0OTHER")
            await app.command("/topics", "add cyber", user="UHOME")
            await app.slack.wait_for_responses(1)
            app.slack.rate_limit("users.info", times=10)
            await app.send(json.dumps(guest_mention("<@UBOT> topics", user_team="T0OTHER")))
            answer = await answer_to_mention(app.slack)
            return answer, app.slack.calls_to("users.info")

    answer, lookups = run(scenario)
    assert any(call.status == 429 for call in lookups)
    assert "cyber" not in text_of(answer)
    assert answer["blocks"][0]["text"]["text"].startswith("*Not here*"), text_of(answer)
    assert "another workspace" in answer["text"]
    assert store.get_channel("slack:C1").topics == ("cyber",)


def test_an_asker_whose_workspace_nothing_names_is_asked_to_try_again(
    store,  # noqa: F811 - the fixture
    tmp_path,
):
    """users.info down and an event that names no workspace for the person: the bot cannot
    tell a guest from one of its own, so it shows nothing of the channel's settings and
    says why, written for a person; ``help`` still answers."""

    async def scenario():
        async with running_app(store, tmp_path) as app:
            app.slack.add_user("UHOME", admin=True)
            await app.command("/topics", "add cyber", user="UHOME")
            await app.slack.wait_for_responses(1)
            app.slack.unavailable("users.info", times=10)
            await app.send(json.dumps(guest_mention("<@UBOT> topics")))
            refused = await answer_to_mention(app.slack)
            await app.send(json.dumps(guest_mention("<@UBOT> help")))
            return refused, await answer_to_mention(app.slack, 2)

    refused, helped = run(scenario)
    assert "cyber" not in text_of(refused)
    assert "try again" in refused["text"] and "users.info" not in refused["text"]
    assert "summarize" in text_of(helped)
