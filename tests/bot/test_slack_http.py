"""HTTP mode end to end: signed requests to the app's own endpoint on loopback, the real
slack-bolt app and command layer over a real store, answers recorded by the fake Web API."""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import aiohttp
import pytest

from bot.commands import Commands
from bot.replies import Reply
from bot.slack import SlackAdapter, SlackCredentials, SlackUnavailableError
from bot.slack.render import render
from summaries import Article, Briefing
from summaries.config import (
    BotSettings,
    FetchSettings,
    Settings,
    SlackSettings,
    SourcesSettings,
    StoreSettings,
)
from summaries.ingest import SummaryPool
from summaries.library import fetcher_for
from summaries.store import Store, open_store
from tests.builders import BODY, LEDE
from tests.fakes.feed_server import FeedServer
from tests.fakes.slack import FakeSlack, app_mention, sign, signed_headers, slash_command
from tests.fakes.slack import url_verification as url_verification_payload
from tests.fakes.slack.payloads import TEAM_ID
from tests.fakes.slack.web_api import CUT

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TOKEN = "xoxb-test-token"
NOW = datetime.now(UTC)


def put(
    store: Store,
    n: int,
    title: str,
    body: str,
    *,
    source: str = "Harwick Herald",
    source_id: int | None = None,
) -> None:
    """Story ``n``, read ``n`` hours ago (``source_id``: from that stored source, else from
    none, which every workspace sees as the operator's)."""
    article = Article(title=title, text=body, url=f"https://news.example/{n}", source=source)
    stored, _ = store.upsert_article(
        article,
        Briefing((body.split(". ")[0].rstrip(".") + ".",), method="lead"),
        text=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        source_id=source_id,
        now=NOW - timedelta(hours=n),
    )
    store.set_story(stored.id, stored.id)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        put(opened, 1, "Ransomware shuts <3> Brennport ports", "Ransomware shut the port & docks.")
        put(opened, 2, "Council approves flood plan", "The council approved a flood plan today.")
        yield opened


@dataclass
class Running:
    slack: FakeSlack
    adapter: SlackAdapter
    url: str
    http: aiohttp.ClientSession

    async def send(
        self, body: str, *, form: bool = False, headers: dict | None = None, **signing
    ) -> aiohttp.ClientResponse:
        headers = {
            **signed_headers(SECRET, body, content_type="form" if form else "json", **signing),
            **(headers or {}),
        }
        async with self.http.post(self.url, data=body.encode(), headers=headers) as response:
            await response.read()
            return response

    async def command(self, name: str, text: str, **fields) -> aiohttp.ClientResponse:
        payload = slash_command(name, text, response_url=self.slack.response_url(), **fields)
        return await self.send(urlencode(payload), form=True)


def settings_for(tmp_path, api_base: str, **bot) -> Settings:
    return Settings(
        store=StoreSettings(path=str(tmp_path / "briefing.db")),
        slack=SlackSettings(mode="http", host="127.0.0.1", port=0, api_base=api_base),
        bot=BotSettings(**bot),
        sources=SourcesSettings(allow_hosts=("127.0.0.1",)),
        fetch=FetchSettings(politeness=0, timeout=10),
    )


@asynccontextmanager
async def running_app(
    store: Store, tmp_path, commands=None, identity: dict | None = None, **bot
) -> AsyncIterator[Running]:
    async with FakeSlack() as slack:
        slack.identity = identity or {}
        settings = settings_for(tmp_path, slack.api_url, **bot)
        commands = commands or Commands(store, settings)
        adapter = SlackAdapter(settings, SlackCredentials(TOKEN, signing_secret=SECRET), commands)
        await adapter.start()
        try:
            host, port = adapter.server.address
            async with aiohttp.ClientSession() as http:
                yield Running(slack, adapter, f"http://{host}:{port}/slack/events", http)
        finally:
            await adapter.close()


def run(scenario):
    return asyncio.run(scenario())


def test_url_verification_is_answered_with_the_challenge(store, tmp_path):
    async def scenario():
        async with running_app(store, tmp_path) as app:
            body = json.dumps(
                url_verification_payload("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")
            )
            headers = signed_headers(SECRET, body)
            async with app.http.post(app.url, data=body, headers=headers) as response:
                return response.status, await response.json()

    status, answer = run(scenario)
    assert status == 200
    assert answer == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}


def test_a_bad_signature_or_a_stale_timestamp_is_rejected_with_401(store, tmp_path):
    async def scenario():
        async with running_app(store, tmp_path) as app:
            payload = slash_command("/brief", "ransomware", response_url=app.slack.response_url())
            body = urlencode(payload)
            started = len(app.slack.calls)  # the start-up auth.test
            now = int(time.time())
            forged = {
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp": str(now),
                "X-Slack-Signature": sign("not-the-secret", now, body),
            }
            statuses = {}
            async with app.http.post(app.url, data=body, headers=forged) as response:
                statuses["forged"] = response.status
            stale = await app.send(body, form=True, timestamp=now - 6 * 60)
            statuses["stale"] = stale.status
            unsigned = {"Content-Type": "application/x-www-form-urlencoded"}
            async with app.http.post(app.url, data=body, headers=unsigned) as response:
                statuses["unsigned"] = response.status
            tampered = signed_headers(SECRET, body, content_type="form")
            altered = body.replace("ransomware", "anything")
            async with app.http.post(app.url, data=altered, headers=tampered) as response:
                statuses["tampered"] = response.status
            await asyncio.sleep(0.2)  # nothing may answer later either
            rejected = (dict(statuses), list(app.slack.responses), app.slack.calls[started:])
            statuses["genuine"] = (await app.send(body, form=True)).status
            return statuses, rejected

    statuses, (before, responses, calls) = run(scenario)
    assert before == {"forged": 401, "stale": 401, "unsigned": 401, "tampered": 401}
    assert responses == [] and calls == []  # no command ran, Slack was never called
    assert statuses["genuine"] == 200


def test_a_slash_command_is_acked_at_once_and_answered_through_the_response_url(store, tmp_path):
    async def scenario():
        async with running_app(store, tmp_path) as app:
            ack = await app.command("/brief", "ransomware")
            [answer] = await app.slack.wait_for_responses(1)
            return ack.status, answer

    status, answer = run(scenario)
    assert status == 200
    assert answer["response_type"] == "in_channel"
    assert answer["replace_original"] is False
    sections = [block["text"]["text"] for block in answer["blocks"] if block["type"] == "section"]
    assert sections[0].startswith(
        "*<https://news.example/1|Ransomware shuts &lt;3&gt; Brennport ports>*"
    )
    assert "Ransomware shut the port &amp; docks." in sections[0]
    assert "Council approves" not in json.dumps(answer)
    assert "Ransomware shuts" in answer["text"]


def test_a_slow_command_is_acked_at_once_and_answered_when_done(store, tmp_path):
    page = "<html><head><title>Harwick approves flood plan</title></head><body><article>"
    page += "".join(f"<p>{sentence}</p>" for sentence in [LEDE, *BODY]) + "</article></body></html>"

    async def scenario(url: str):
        settings = settings_for(tmp_path, "")
        async with (
            SummaryPool(settings.summary.options(), workers=1) as pool,
            fetcher_for(settings) as fetcher,
        ):
            commands = Commands(store, settings, pool=pool, fetcher=fetcher)
            async with running_app(store, tmp_path, commands) as app:
                started = time.monotonic()
                ack = await app.command("/summarize", url)
                acked = time.monotonic() - started
                [answer] = await app.slack.wait_for_responses(1, timeout=20)
                return ack.status, acked, time.monotonic() - started, answer

    with FeedServer() as pages:
        pages.route("/story", page, "text/html; charset=utf-8", delay=1.5)
        status, acked, answered, answer = run(lambda: scenario(pages.url("/story")))

    assert status == 200
    assert acked < 1.0  # well within Slack's 3 seconds, while the page still loads
    assert answered >= 1.5
    assert LEDE in json.dumps(answer["blocks"])
    assert answer["response_type"] == "in_channel"


PASTED = "\n\n".join(
    ["Harwick approves flood plan", f"{LEDE}  {' '.join(BODY[:3])}", " ".join(BODY[3:])]
)


def test_pasted_text_keeps_its_paragraphs_in_a_slash_command_and_a_mention(store, tmp_path):
    """A headline without a full stop on a line of its own stays apart from the first
    sentence: flattened to one line, it would be glued to it in the briefing."""

    async def scenario():
        settings = settings_for(tmp_path, "")
        async with SummaryPool(settings.summary.options(), workers=1) as pool:
            commands = Commands(store, settings, pool=pool)
            async with running_app(store, tmp_path, commands) as app:
                await app.command("/summarize", PASTED)
                [answer] = await app.slack.wait_for_responses(1, timeout=20)
                mention = app_mention(f"<@UBOT> summarize\n{PASTED}", channel="C7")
                await app.send(json.dumps(mention))
                [call] = await app.slack.wait_for("chat.postMessage", timeout=20)
                return answer["blocks"], call.args["blocks"]

    for blocks in run(scenario):
        shown = json.dumps(blocks)
        assert LEDE in shown
        assert "flood plan The Harwick" not in shown


def test_admin_subcommands_need_a_workspace_admin_or_a_configured_user(store, tmp_path):
    async def scenario():
        async with running_app(store, tmp_path, admins=("slack:UCONF",)) as app:
            app.slack.add_user("UPLAIN")
            app.slack.add_user("UADMIN", admin=True)
            await app.command("/topics", "add cyber", user="UPLAIN")
            [refused] = await app.slack.wait_for_responses(1)
            topics_after_refusal = store.get_channel("slack:C1")
            # one at a time: each answer arrives after its ack
            for count, (text, user) in enumerate(
                [("add cyber", "UADMIN"), ("add floods", "UCONF"), ("list", "UPLAIN")], start=2
            ):
                await app.command("/topics", text, user=user)
                answers = await app.slack.wait_for_responses(count)
            looked_up = [call.args["user"] for call in app.slack.calls_to("users.info")]
            return refused, topics_after_refusal, answers, looked_up

    refused, before, answers, looked_up = run(scenario)
    assert refused["response_type"] == "ephemeral"
    assert refused["blocks"][0]["text"]["text"].startswith("*Admins only*")
    assert before is None or "cyber" not in before.topics
    assert store.get_channel("slack:C1").topics == ("cyber", "floods")
    assert "cyber" in json.dumps(answers[-1]) and "floods" in json.dumps(answers[-1])
    # users.info once per user (remembered), and never for a configured admin
    assert looked_up == ["UPLAIN", "UADMIN"]


def test_a_user_of_another_organisation_in_a_shared_channel_is_no_admin_here(store, tmp_path):
    """Slack Connect: a channel shared with another organisation brings its people, whom
    users.info names with their own workspace and that workspace's rights, and commands
    whose payload may name their workspace. Neither changes who may change this
    workspace's settings, nor which workspace the channel belongs to: they are told the
    channel's settings are another workspace's, and neither see them (``topics``) nor set
    up a channel no one set up yet (C5), by command or by mention."""

    async def scenario():
        async with running_app(store, tmp_path) as app:
            app.slack.add_user("UHOME", admin=True)
            app.slack.add_user("UEXT", admin=True, owner=True, team="T0OTHER")
            await app.command("/topics", "add cyber", user="UHOME")
            await app.slack.wait_for_responses(1)
            await app.command("/topics", "add floods", user="UEXT", team="T0OTHER")
            await app.slack.wait_for_responses(2)
            await app.command("/topics", "", user="UEXT", team="T0OTHER")
            await app.slack.wait_for_responses(3)
            await app.command("/topics", "add floods", user="UEXT", channel="C5")
            answers = await app.slack.wait_for_responses(4)
            mention = app_mention("<@UBOT> topics add storms", user="UEXT")
            mention["event"]["user_team"] = "T0OTHER"
            mention["is_ext_shared_channel"] = True
            await app.send(json.dumps(mention))
            [private] = await app.slack.wait_for("chat.postEphemeral")
            return [*answers[1:], private.args]

    for refused in run(scenario):
        assert refused["blocks"][0]["text"]["text"].startswith("*Not here*"), refused
        assert "another workspace" in refused["text"] and "cyber" not in refused["text"]
    channel = store.get_channel("slack:C1")
    assert channel.topics == ("cyber",)
    assert channel.tenant == "slack:T0TEST"
    assert store.get_channel("slack:C5") is None


def grid_user(app: Running, user: str, team: str) -> None:
    """An admin of ``team``, a workspace of the Enterprise Grid organisation E1."""
    app.slack.add_user(user, admin=True, team=team)
    app.slack.users[user]["enterprise_user"] = {"enterprise_id": "E1", "teams": [team]}


@pytest.mark.parametrize(
    "identity",
    [
        {"team_id": None, "team": None, "enterprise_id": "E1", "is_enterprise_install": True},
        {"team_id": TEAM_ID, "enterprise_id": "E1", "is_enterprise_install": True},
    ],
    ids=["no-team", "a-team-named"],
)
def test_an_organisation_wide_install_keeps_its_workspaces_and_admins_apart(
    store, tmp_path, identity
):
    """Installed on a whole Enterprise Grid organisation, the bot token is no one
    workspace's (auth.test names the organisation; the workspace, if any, is not where
    every command comes from): each command's workspace is the one Slack names, so the
    organisation's workspaces stay separate tenants, and the admins of its workspaces are
    admins while an admin of another organisation, met in a shared channel, is not."""

    async def scenario():
        async with running_app(store, tmp_path, identity=identity) as app:
            grid_user(app, "UA", "T0A")
            grid_user(app, "UB", "T0B")
            app.slack.add_user("UEXT", admin=True, team="T0OTHER")
            asked = [("UA", "C1", "T0A", "cyber"), ("UB", "C2", "T0B", "floods")]
            asked.append(("UEXT", "C1", "T0A", "storms"))
            for n, (user, channel, team, topic) in enumerate(asked, 1):
                await app.command("/topics", f"add {topic}", user=user, channel=channel, team=team)
                answers = await app.slack.wait_for_responses(n)
            return answers

    answers = run(scenario)
    assert answers[2]["blocks"][0]["text"]["text"].startswith("*Not here*")
    first, second = store.get_channel("slack:C1"), store.get_channel("slack:C2")
    assert (first.topics, first.tenant) == (("cyber",), "slack:T0A")
    assert (second.topics, second.tenant) == (("floods",), "slack:T0B")


def test_an_app_mention_is_answered_in_its_channel_and_thread(store, tmp_path):
    async def scenario():
        async with running_app(store, tmp_path) as app:
            event = app_mention(
                "<@UBOT> brief   flood", channel="C7", thread_ts="1700000000.000100"
            )
            ack = await app.send(json.dumps(event))
            [call] = await app.slack.wait_for("chat.postMessage")
            bare = app_mention("<@UBOT>", channel="C7")
            await app.send(json.dumps(bare))
            calls = await app.slack.wait_for("chat.postMessage", 2)
            refused = app_mention(
                "<@UBOT> topics add cyber", channel="C7", user="U3", thread_ts="1700000000.000100"
            )
            await app.send(json.dumps(refused))
            [private] = await app.slack.wait_for("chat.postEphemeral")
            return ack.status, call.args, calls[1].args, private.args

    status, answer, help_answer, private = run(scenario)
    assert status == 200
    assert answer["channel"] == "C7"
    assert answer["thread_ts"] == "1700000000.000100"
    assert "<https://news.example/2|Council approves flood plan>" in json.dumps(answer["blocks"])
    assert "brief" in json.dumps(help_answer["blocks"])  # a bare mention gets the help
    assert "thread_ts" not in help_answer
    # a private answer (here: not an admin) is shown to the asker only, in the thread
    assert (private["channel"], private["user"]) == ("C7", "U3")
    assert private["thread_ts"] == "1700000000.000100"
    assert private["blocks"][0]["text"]["text"].startswith("*Admins only*")


def test_whether_the_asker_is_an_admin_is_known_to_every_command(store, tmp_path):
    """help tells a workspace admin what only admins can do without "you are not one here"."""

    async def scenario():
        async with running_app(store, tmp_path) as app:
            app.slack.add_user("UADMIN", admin=True)
            app.slack.add_user("UPLAIN")
            await app.command("/help", "topics", user="UADMIN")
            await app.slack.wait_for_responses(1)
            await app.command("/help", "topics", user="UPLAIN")
            return await app.slack.wait_for_responses(2)

    for_admin, for_member = run(scenario)
    assert "Only admins can use topics add" in json.dumps(for_admin)
    assert "you are not one here" not in json.dumps(for_admin)
    assert "you are not one here" in json.dumps(for_member)


class LongAnswers:
    """A command layer whose every answer is a list of 3,000 long lines (many messages)."""

    REPLY = Reply(
        title="Sources",
        lines=tuple(f"Source {n}: https://feeds.example/{n}/" + "x" * 60 for n in range(3000)),
    )

    async def run(self, caller, text):
        return self.REPLY

    def topics_of(self, channel):
        return []

    def source_names(self, tenant):
        return []


def test_an_answer_longer_than_five_messages_ends_with_a_note_that_the_rest_was_cut(
    store, tmp_path
):
    """A response_url takes five answers: four, then a note saying how many were cut and how
    to ask for less. A mention's answer is capped the same way."""

    async def scenario():
        async with running_app(store, tmp_path, LongAnswers()) as app:
            await app.command("/sources", "list")
            answers = await app.slack.wait_for_responses(5)
            await asyncio.sleep(0.2)  # nothing more arrives
            await app.send(json.dumps(app_mention("<@UBOT> sources list", channel="C7")))
            posts = await app.slack.wait_for("chat.postMessage", 5)
            await asyncio.sleep(0.2)
            return answers, len(app.slack.responses), posts, app.slack.calls_to("chat.postMessage")

    answers, responses, posts, all_posts = run(scenario)
    assert len(render(LongAnswers.REPLY)) > 5
    assert responses == 5 and len(all_posts) == 5
    for note in (answers[-1], posts[-1].args):
        [block] = note["blocks"]
        assert "was cut" in block["text"]["text"] and "narrower keywords" in block["text"]["text"]
    assert "Source 0:" in json.dumps(answers[0]) and "Source 0:" in json.dumps(posts[0].args)


def test_an_event_slack_delivers_again_is_answered_once(store, tmp_path):
    """Slack redelivers an event it thinks was not acknowledged (X-Slack-Retry-Num): the
    mention is answered once; a new event with the same text is answered again."""

    async def scenario():
        async with running_app(store, tmp_path) as app:
            event = app_mention("<@UBOT> brief flood", channel="C7")
            await app.send(json.dumps(event))
            await app.slack.wait_for("chat.postMessage")
            again = await app.send(
                json.dumps(event),
                headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
            )
            await asyncio.sleep(0.3)
            once = len(app.slack.calls_to("chat.postMessage"))
            await app.send(json.dumps(app_mention("<@UBOT> brief flood", channel="C7")))
            await app.slack.wait_for("chat.postMessage", 2)
            return again.status, once

    status, once = run(scenario)
    assert status == 200  # acknowledged, so Slack stops retrying
    assert once == 1


def test_an_unreachable_api_base_is_reported_by_its_host_and_port_only(store, tmp_path):
    """An api_base may carry a proxy's secret in its path: the start-up error names the
    setting and the host and port, never the path."""

    async def scenario():
        settings = settings_for(tmp_path, "http://127.0.0.1:9/proxy-secret/api/")
        adapter = SlackAdapter(
            settings, SlackCredentials(TOKEN, signing_secret=SECRET), Commands(store, settings)
        )
        with pytest.raises(SlackUnavailableError) as raised:
            await adapter.start()
        await adapter.close()
        return str(raised.value)

    message = run(scenario)
    assert message.startswith(
        "Slack at http://127.0.0.1:9 ([slack] api_base) is not available: the connection was "
        "refused."
    )
    assert "secret" not in message


def test_commands_are_answered_when_users_info_gets_a_proxys_plain_text_503(
    store, tmp_path, caplog
):
    """A proxy in front of [slack] api_base answers users.info with text/plain, not JSON:
    whether the asker is an admin is unknown, so they are not one, and the command is
    answered all the same (a slash command and a mention)."""

    async def scenario():
        async with running_app(store, tmp_path) as app:
            app.slack.add_user("UADMIN", admin=True)
            app.slack.unavailable("users.info", times=2)
            await app.command("/brief", "ransomware", user="UADMIN")
            [answer] = await app.slack.wait_for_responses(1)
            await app.command("/topics", "add cyber", user="UADMIN")
            [_, refused] = await app.slack.wait_for_responses(2)
            mention = app_mention("<@UBOT> brief flood", channel="C7", user="U3")
            await app.send(json.dumps(mention))
            [posted] = await app.slack.wait_for("chat.postMessage")
            statuses = [call.status for call in app.slack.calls_to("users.info")]
            return answer, refused, posted.args, statuses

    answer, refused, posted, statuses = run(scenario)
    assert statuses == [503, 503]  # UADMIN once (remembered for a minute), U3 once
    assert "Ransomware shuts" in answer["text"]
    assert refused["blocks"][0]["text"]["text"].startswith("*Admins only*")
    assert "Council approves flood plan" in json.dumps(posted["blocks"])
    assert "users.info for UADMIN failed: Slack answered HTTP 503, not JSON" in caplog.text
    assert "Traceback" not in caplog.text and "AttributeError" not in caplog.text


def test_a_plain_text_503_at_start_up_says_slack_is_not_available(store, tmp_path):
    """auth.test answered by a proxy's text/plain 503 is Slack being away, not a token
    Slack refused: the start-up error says so and names the address."""

    async def scenario():
        async with FakeSlack() as slack:
            slack.unavailable("auth.test")
            settings = settings_for(tmp_path, slack.api_url)
            adapter = SlackAdapter(
                settings, SlackCredentials(TOKEN, signing_secret=SECRET), Commands(store, settings)
            )
            with pytest.raises(SlackUnavailableError) as raised:
                await adapter.start()
            await adapter.close()
            return str(raised.value), slack.base_url

    message, address = run(scenario)
    assert message.startswith(
        f"Slack at {address} ([slack] api_base) is not available: it answered HTTP 503."
    )


def test_mentions_from_bots_and_from_the_bot_itself_are_not_answered(store, tmp_path):
    """Two bots that answer each other would never stop: a mention by another app's bot
    (``bot_id``, or ``subtype: bot_message``) or by this bot's own user gets no answer; a
    person's mention after them does."""

    def mention(**fields):
        event = app_mention("<@UBOT> brief flood", channel="C7")
        event["event"].update(fields)
        return event

    async def scenario():
        async with running_app(store, tmp_path) as app:
            by_bots = [
                mention(bot_id="B0OTHER", user="U0OTHERBOT"),
                mention(subtype="bot_message", bot_id="B0OLD", user=None),
                mention(subtype="bot_message", username="old-integration"),
                mention(user="UBOT"),
            ]
            for event in by_bots:
                answered = await app.send(json.dumps(event))
                assert answered.status == 200  # acknowledged: Slack does not send it again
            await app.send(json.dumps(mention(user="U1")))
            await app.slack.wait_for("chat.postMessage")
            await asyncio.sleep(0.3)
            return app.slack.calls_to("chat.postMessage"), app.slack.calls_to("chat.postEphemeral")

    posted, ephemeral = run(scenario)
    assert [call.args["channel"] for call in posted] == ["C7"]
    assert ephemeral == []


def test_a_slash_commands_answer_is_sent_again_after_a_429_from_its_response_url(
    store, tmp_path
):
    async def scenario():
        async with running_app(store, tmp_path) as app:
            app.slack.refuse_responses(429, times=1, retry_after=1)
            await app.command("/brief", "flood")
            [answer] = await app.slack.wait_for_responses(1, timeout=15)
            return answer, app.slack.response_attempts

    answer, attempts = run(scenario)
    assert [code for code, _ in attempts] == [429, 200]
    assert attempts[-1][1] - attempts[-2][1] >= 1  # the wait the answer asked for
    assert "Council approves flood plan" in json.dumps(answer["blocks"])


@pytest.mark.parametrize("status", [502, CUT], ids=["502", "connection cut"])
def test_an_answer_slack_showed_before_failing_is_not_sent_again(store, tmp_path, status):
    """The response_url shows the answer, then answers 502 or cuts the connection: the
    answer is not sent again (it would show twice); a note, sent once, says it may not have
    shown."""

    async def scenario():
        async with running_app(store, tmp_path) as app:
            app.slack.refuse_responses(status, times=1, taken=True)
            await app.command("/brief", "flood")
            await app.slack.wait_for_responses(2, timeout=10)
            await asyncio.sleep(1.5)  # longer than a retry would be waited for
            return app.slack.responses, app.slack.response_attempts

    responses, attempts = run(scenario)
    assert [code for code, _ in attempts] == [status, 200]
    answer, note = (body for _name, body in responses)
    assert "Council approves flood plan" in json.dumps(answer["blocks"])
    assert note["response_type"] == "ephemeral"
    assert note["text"] == (
        "My answer to this command may not have shown: Slack had trouble with it. If you "
        "asked and see no answer, please ask again."
    )


def test_a_mention_answer_slack_posted_before_a_503_is_posted_once(store, tmp_path):
    """chat.postMessage posts the mention's answer, then answers 503: not posted again; the
    asker alone is told it may not have shown."""

    async def scenario():
        async with running_app(store, tmp_path) as app:
            app.slack.unavailable("chat.postMessage", taken=True)
            await app.send(json.dumps(app_mention("<@UBOT> brief flood", channel="C7", user="U3")))
            await app.slack.wait_for("chat.postEphemeral")
            await asyncio.sleep(1)
            return app.slack.posted(), app.slack.calls_to("chat.postEphemeral")

    posted, [note] = run(scenario)
    assert len(posted) == 1 and "Council approves flood plan" in json.dumps(posted[0]["blocks"])
    assert (note.args["channel"], note.args["user"]) == ("C7", "U3")
    assert "may not have shown" in note.args["text"]


def test_a_response_url_that_keeps_failing_or_asks_for_an_hour_is_not_tried_forever(
    store, tmp_path, caplog
):
    async def scenario():
        async with running_app(store, tmp_path) as app:
            app.slack.refuse_responses(503, times=50)
            await app.command("/brief", "flood")
            await app.slack.wait_until(lambda: len(app.slack.response_attempts) >= 2, 10)
            await asyncio.sleep(2.5)  # longer than a third try would be waited for
            outage = list(app.slack.response_attempts)
            app.slack.response_attempts.clear()
            app.slack.refuse_responses(429, retry_after=3600)
            await app.command("/brief", "flood")
            await asyncio.sleep(1.5)
            return outage, app.slack.response_attempts, app.slack.responses

    outage, limited, answers = run(scenario)
    assert [status for status, _ in outage] == [503, 503]  # the answer, then the note, once
    assert [status for status, _ in limited] == [429]  # an hour is not waited for
    assert answers == []
    assert "the answer through the response_url failed: " in caplog.text


def test_a_proxy_page_echoing_the_response_url_does_not_reach_the_log(store, tmp_path, caplog):
    """A response_url's path is a secret (anyone holding it may answer as the app): a
    proxy's error page that echoes it is not written to the log."""

    async def scenario():
        async with running_app(store, tmp_path) as app:
            page = f"<html>404: no route to {app.slack.response_url()}</html>"
            app.slack.refuse_responses(404, text=page)
            await app.command("/brief", "flood")
            await app.slack.wait_until(lambda: len(app.slack.response_attempts) >= 1)
            await asyncio.sleep(0.5)
            return app.slack.response_url()

    address = run(scenario)
    assert "the answer through the response_url failed: Slack answered HTTP 404" in caplog.text
    assert "/response/" not in caplog.text and address not in caplog.text
