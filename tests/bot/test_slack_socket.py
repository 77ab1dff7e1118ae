"""Socket Mode end to end: the real slack-bolt handler and slack-sdk websocket client against
the fake's websocket (its URL from apps.connections.open), answers recorded by the fake."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.commands import Commands
from bot.slack import SlackAdapter, SlackCredentials
from summaries import Article, Briefing
from summaries.config import Settings, SlackSettings, StoreSettings
from summaries.errors import ConfigError
from summaries.store import Store, open_store
from tests.fakes.slack import FakeSlack, app_mention, slash_command

TOKEN = "xoxb-test-token"
APP_TOKEN = "xapp-test-token"


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        body = "Ransomware shut the port computers. Trucks wait at the gates."
        article = Article(title="Ransomware shuts port", text=body, url="https://news.example/1")
        stored, _ = opened.upsert_article(
            article,
            Briefing(("Ransomware shut the port computers.",), method="lead"),
            text=body,
            content_hash=hashlib.sha256(body.encode()).hexdigest(),
            now=datetime.now(UTC) - timedelta(hours=1),
        )
        opened.set_story(stored.id, stored.id)
        yield opened


def adapter_for(store: Store, tmp_path, slack: FakeSlack, **tokens) -> SlackAdapter:
    settings = Settings(
        store=StoreSettings(path=str(tmp_path / "briefing.db")),
        slack=SlackSettings(mode="socket", api_base=slack.api_url),
    )
    credentials = SlackCredentials(tokens.get("bot", TOKEN), app_token=tokens.get("app", APP_TOKEN))
    return SlackAdapter(settings, credentials, Commands(store, settings))


@contextlib.asynccontextmanager
async def connected(store: Store, tmp_path, slack: FakeSlack) -> AsyncIterator[SlackAdapter]:
    """The adapter started, its Socket Mode websocket open, until the block ends."""
    adapter = adapter_for(store, tmp_path, slack)
    await adapter.start()
    try:
        await slack.wait_for_socket()
        yield adapter
    finally:
        await adapter.close()


def test_slash_commands_and_mentions_arrive_over_the_websocket_and_are_acked(store, tmp_path):
    async def scenario():
        async with FakeSlack() as slack:
            adapter = adapter_for(store, tmp_path, slack)
            await adapter.start()
            try:
                await slack.wait_for_socket()
                payload = slash_command("/brief", "ransomware", response_url=slack.response_url())
                command_ack = await slack.send_envelope("slash_commands", payload)
                [answer] = await slack.wait_for_responses(1)
                mention_ack = await slack.send_envelope(
                    "events_api", app_mention("<@UBOT> brief port", channel="C5")
                )
                [posted] = await slack.wait_for("chat.postMessage")
            finally:
                await adapter.close()
            opened = slack.calls_to("apps.connections.open")
            return command_ack, answer, mention_ack, posted, opened

    command_ack, answer, mention_ack, posted, opened = asyncio.run(scenario())
    assert [call.token for call in opened] == [APP_TOKEN]
    assert set(command_ack) <= {"envelope_id", "payload"} and command_ack["envelope_id"]
    assert mention_ack["envelope_id"] and "payload" not in mention_ack
    assert answer["response_type"] == "in_channel"
    assert "<https://news.example/1|Ransomware shuts port>" in json.dumps(answer["blocks"])
    assert posted.args["channel"] == "C5"
    assert "Ransomware shut the port computers." in json.dumps(posted.args["blocks"])


@pytest.mark.parametrize("how", ["refresh_requested", "link_disabled", "dropped"])
def test_a_disconnect_request_is_followed_by_a_fresh_connection(store, tmp_path, how):
    """Slack's ``disconnect`` (either reason) or a connection cut: the app opens a new one
    (apps.connections.open again) and the next command is answered, once."""

    async def scenario():
        async with FakeSlack() as slack, connected(store, tmp_path, slack):
            if how == "dropped":
                assert await slack.drop_sockets() == 1
            else:
                await slack.ask_to_reconnect(how)
            await slack.wait_for("apps.connections.open", 2, timeout=20)
            await slack.wait_until(lambda: slack.connections == 2, timeout=20)
            payload = slash_command("/help", "", response_url=slack.response_url())
            await slack.send_envelope("slash_commands", payload)
            [answer] = await slack.wait_for_responses(1)
            await asyncio.sleep(0.3)
            assert len(slack.responses) == 1
            return answer

    answer = asyncio.run(scenario())
    assert answer["text"].startswith("What I can do")
    assert "• brief: Briefings" in json.dumps(answer["blocks"], ensure_ascii=False)


@pytest.mark.parametrize(
    ("tokens", "named", "where"),
    [
        ({"bot": "xoxb-revoked"}, "SLACK_BOT_TOKEN", "Bot User OAuth Token"),
        ({"app": "xapp-wrong"}, "SLACK_APP_TOKEN", "App-Level Token"),
    ],
)
def test_a_refused_token_stops_start_up_naming_its_variable(store, tmp_path, tokens, named, where):
    """The message names the variable and which token to copy into it, from where."""

    async def scenario():
        async with FakeSlack() as slack:
            slack.refused_tokens.update(tokens.values())
            adapter = adapter_for(store, tmp_path, slack, **tokens)
            try:
                with pytest.raises(ConfigError) as raised:
                    await asyncio.wait_for(adapter.start(), 5)
            finally:
                await adapter.close()
            return str(raised.value)

    message = asyncio.run(scenario())
    assert f"Slack refused the token in {named} (invalid_auth): set {named} to" in message
    assert where in message and "api.slack.com/apps" in message
    assert "xoxb-revoked" not in message and "xapp-wrong" not in message


def test_an_envelope_slack_delivers_again_is_answered_once(store, tmp_path):
    """Slack redelivers an envelope whose ack it thinks came late (same envelope id and
    payload, ``retry_attempt`` 1, reason ``timeout``): each is acked, as Slack wants, but a
    slash command or a mention delivered again is not answered again. A new command with
    the same text is."""

    async def scenario():
        async with FakeSlack() as slack, connected(store, tmp_path, slack):
            payload = slash_command("/brief", "ransomware", response_url=slack.response_url())
            mention = app_mention("<@UBOT> brief port", channel="C5")
            acks = []
            for kind, body in (("slash_commands", payload), ("events_api", mention)):
                first = await slack.send_envelope(kind, body)
                again = await slack.send_envelope(
                    kind,
                    body,
                    envelope_id=first["envelope_id"],
                    retry_attempt=1,
                    retry_reason="timeout",
                )
                acks.append(again["envelope_id"] == first["envelope_id"])
            await slack.wait_for_responses(1)
            await slack.wait_for("chat.postMessage")
            await asyncio.sleep(0.5)  # a second answer would have come by now
            answers = (len(slack.responses), len(slack.calls_to("chat.postMessage")))
            fresh = slash_command("/brief", "ransomware", response_url=slack.response_url())
            await slack.send_envelope("slash_commands", fresh)
            await slack.wait_for_responses(2)
            return acks, answers

    acks, answers = asyncio.run(scenario())
    assert acks == [True, True]
    assert answers == (1, 1)
