"""The Slack Poster, the admin check and the settings, with the real AsyncWebClient against the
fake Web API on loopback."""

from __future__ import annotations

import asyncio
import time
from types import SimpleNamespace

import pytest

from bot.posting import PostError, Posters
from bot.replies import Reply, ReplyItem
from bot.slack import create_adapter, read_credentials, slack_configured
from bot.slack.admins import AdminCheck
from bot.slack.client import web_client
from bot.slack.poster import SlackPoster
from summaries.config import BotSettings, Settings, SlackSettings
from summaries.errors import ConfigError
from tests.fakes.slack import FakeSlack

TOKEN = "xoxb-test-token"
DIGEST = Reply(
    title="Morning digest",
    items=(ReplyItem(title="Harbour walls rise", url="https://news.example/1", briefing=("A.",)),),
)


def run(scenario):
    return asyncio.run(scenario())


def test_a_reply_is_posted_with_chat_post_message_as_blocks_and_fallback_text():
    async def scenario():
        async with FakeSlack() as slack:
            await SlackPoster(web_client(TOKEN, slack.api_url)).post("slack:C1", DIGEST)
            return slack.calls_to("chat.postMessage")

    [call] = run(scenario)
    assert call.token == TOKEN
    assert call.args["channel"] == "C1"
    assert call.args["text"] == "Morning digest: Harbour walls rise"
    assert call.args["blocks"][0]["type"] == "header"
    assert call.args["blocks"][1]["text"]["text"].startswith("*<https://news.example/1|Harbour")
    assert call.args["unfurl_links"] is False
    assert call.error is None


def test_a_long_reply_is_posted_as_several_messages_in_order():
    items = tuple(
        ReplyItem(title=f"Story {n}", url=f"https://n.example/{n}", briefing=("x" * 2500,))
        for n in range(12)
    )

    async def scenario():
        async with FakeSlack() as slack:
            poster = SlackPoster(web_client(TOKEN, slack.api_url))
            await poster.post("slack:C1", Reply(title="Long", items=items))
            return slack.posted()

    posted = run(scenario)
    assert len(posted) > 1
    firsts = [
        block["text"]["text"]
        for message in posted
        for block in message["blocks"]
        if block["type"] == "section"
    ]
    assert [text.split("|")[1].split(">")[0] for text in firsts] == [
        f"Story {n}" for n in range(12)
    ]


@pytest.mark.parametrize(
    ("error", "permanent", "words"),
    [
        ("not_in_channel", True, "/invite"),
        ("channel_not_found", True, "does not exist"),
        ("is_archived", True, "archived"),
        ("invalid_arguments", True, "a bug"),
        ("internal_error", False, "it is not sent again, so that nothing shows twice"),
        ("fatal_error", False, "it is not sent again, so that nothing shows twice"),
        ("a_code_slack_added_later", False, "trying again later"),  # unknown: transient
        # the channel, or the workspace, takes no top-level message from the app
        ("restricted_action_thread_only_channel", True, "threads only"),
        ("team_access_not_granted", True, "not been granted"),
        ("no_permission", True, "/invite"),
        # Slack's other words for "too many messages": it is tried again later
        ("rate_limited", False, "slow down"),
        ("message_limit_exceeded", False, "message limit"),
    ],
)
def test_slack_errors_become_post_errors_that_say_whether_retrying_can_help(
    error, permanent, words
):
    """Slack's internal_error and fatal_error may come after the message was posted
    ("some aspect of the operation succeeded"): not posted again."""
    failure = refused_with(error)
    assert failure.permanent is permanent
    assert failure.maybe_posted is (error in {"internal_error", "fatal_error"})
    assert failure.channel == "slack:C9"
    assert words in str(failure)
    assert TOKEN not in str(failure)


def refused_with(error: str) -> PostError:
    """The PostError of a digest posted to a channel Slack answers with ``error``."""

    async def scenario():
        async with FakeSlack() as slack:
            slack.channel_errors["C9"] = error
            with pytest.raises(PostError) as raised:
                await SlackPoster(web_client(TOKEN, slack.api_url)).post("slack:C9", DIGEST)
            return raised.value

    return run(scenario)


@pytest.mark.parametrize(
    ("error", "malformed"),
    [("msg_too_long", True), ("invalid_blocks", True), ("not_in_channel", False)],
)
def test_a_message_slack_refuses_for_what_it_is_says_nothing_against_the_channel(error, malformed):
    """The delivery pauses a channel the bot may not post in, not one whose message
    was refused as too long or badly formed (its next digest may well go out)."""

    failure = refused_with(error)
    assert failure.permanent and failure.malformed is malformed


def twelve_long_stories() -> Reply:
    items = tuple(
        ReplyItem(
            title=f"Story {n}",
            url=f"https://n.example/{n}",
            briefing=("x" * 2500,),
            story_id=100 + n,
        )
        for n in range(12)
    )
    return Reply(title="Morning digest", items=items)


@pytest.mark.parametrize(("error", "permanent"), [("ratelimited", False), ("no_text", True)])
def test_a_digest_refused_part_way_names_the_stories_already_posted(error, permanent):
    """Twelve long stories take several messages; the second is refused: the PostError
    names exactly the stories of the first, which Slack did post."""

    async def scenario():
        async with FakeSlack() as slack:
            slack.fail("chat.postMessage", error, after=1)
            with pytest.raises(PostError) as raised:
                poster = SlackPoster(web_client(TOKEN, slack.api_url))
                await poster.post("slack:C1", twelve_long_stories())
            return raised.value, slack.calls_to("chat.postMessage"), slack.posted()

    failure, calls, [first] = run(scenario)
    assert [call.error for call in calls] == [None, error]  # nothing after the refusal
    headlines = [
        block["text"]["text"].split("|")[1].split(">")[0]
        for block in first["blocks"]
        if block["type"] == "section"
    ]
    assert 0 < len(headlines) < 12
    assert failure.permanent is permanent
    assert failure.posted_story_ids == tuple(100 + int(h.split()[1]) for h in headlines)


@pytest.mark.parametrize("wait", [1, 1.5])
def test_a_429_is_waited_out_as_retry_after_says_and_the_message_posted_once(wait):
    """Slack's own Retry-After is whole seconds; a proxy in front of [slack] api_base may
    say "1.5", which slack_sdk alone cannot read (it would fail the post as a bug)."""

    async def scenario():
        async with FakeSlack() as slack:
            slack.rate_limit("chat.postMessage", times=1, retry_after=wait)
            await SlackPoster(web_client(TOKEN, slack.api_url)).post("slack:C1", DIGEST)
            return slack.calls_to("chat.postMessage"), slack.posted()

    calls, posted = run(scenario)
    assert [call.status for call in calls] == [429, 200]
    assert calls[1].at - calls[0].at >= wait  # Retry-After was waited out
    assert len(posted) == 1


def test_rate_limited_past_the_retries_is_a_transient_post_error():
    async def scenario():
        async with FakeSlack() as slack:
            slack.rate_limit("chat.postMessage", times=10, retry_after=0)
            client = web_client(TOKEN, slack.api_url, rate_limit_retries=1)
            with pytest.raises(PostError) as raised:
                await SlackPoster(client).post("slack:C1", DIGEST)
            return raised.value, len(slack.calls_to("chat.postMessage"))

    failure, attempts = run(scenario)
    assert failure.permanent is False
    assert "slow down" in str(failure)
    assert attempts == 2  # the first try and one retry


def test_a_429_asking_for_an_hour_fails_at_once_as_a_transient_post_error():
    """Retry-After: 3600 is not waited for (at most a minute is): the delivery tries later."""

    async def scenario():
        async with FakeSlack() as slack:
            slack.rate_limit("chat.postMessage", times=1, retry_after=3600)
            started = time.monotonic()
            poster = SlackPoster(web_client(TOKEN, slack.api_url))
            with pytest.raises(PostError) as raised:  # not TimeoutError: no waiting an hour
                await asyncio.wait_for(poster.post("slack:C1", DIGEST), 10)
            return raised.value, time.monotonic() - started, slack.calls_to("chat.postMessage")

    failure, took, calls = run(scenario)
    assert failure.permanent is False
    assert "slow down" in str(failure)
    assert took < 5 and [call.status for call in calls] == [429]


def test_an_unreachable_slack_is_a_transient_post_error():
    async def scenario():
        async with FakeSlack() as slack:
            url = slack.api_url
        with pytest.raises(PostError) as raised:  # the fake is gone: connection refused
            await SlackPoster(web_client(TOKEN, url)).post("slack:C1", DIGEST)
        return raised.value

    failure = run(scenario)
    assert failure.permanent is False
    assert "could not be reached" in str(failure)


def test_workspace_admins_owners_and_configured_users_are_admins():
    async def scenario():
        async with FakeSlack() as slack:
            slack.add_user("UADMIN", admin=True)
            slack.add_user("UOWNER", owner=True)
            slack.add_user("UPLAIN")
            check = AdminCheck(web_client(TOKEN, slack.api_url), ("slack:UCONF", "discord:1"))
            answers = {
                user: await check.is_admin(user)
                for user in ("UADMIN", "UOWNER", "UPLAIN", "UCONF", "UNKNOWN", "1")
            }
            again = await check.is_admin("UADMIN")
            looked_up = [call.args["user"] for call in slack.calls_to("users.info")]
            return answers, again, looked_up

    answers, again, looked_up = run(scenario)
    assert answers == {
        "UADMIN": True,
        "UOWNER": True,
        "UPLAIN": False,
        "UCONF": True,
        "UNKNOWN": False,
        "1": False,  # a Discord id in [bot] admins is not a Slack user
    }
    assert again is True
    # configured users need no lookup; an answer is remembered
    assert looked_up == ["UADMIN", "UOWNER", "UPLAIN", "UNKNOWN", "1"]


def test_only_admins_of_this_workspace_or_its_organisation_are_admins():
    """users.info describes a user of another organisation (met in a shared channel) with
    their own workspace's rights; an Enterprise Grid account of the same organisation is
    one of ours whichever workspace Slack names first."""

    async def scenario():
        async with FakeSlack() as slack:
            slack.add_user("UHOME", admin=True)
            slack.add_user("UEXT", owner=True, team="T0OTHER")
            slack.add_user("UGRID", admin=True, team="T0SISTER")
            slack.users["UGRID"]["enterprise_user"] = {"enterprise_id": "E1", "teams": ["T0SISTER"]}
            slack.add_user("UGRIDHERE", admin=True, team="T0SISTER")
            slack.users["UGRIDHERE"]["enterprise_user"] = {"teams": ["T0SISTER", "T0TEST"]}
            check = AdminCheck(web_client(TOKEN, slack.api_url))
            check.home("T0TEST")
            alone = {user: await check.is_admin(user) for user in slack.users}
            check.home("T0TEST", "E1")
            in_grid = {user: await check.is_admin(user) for user in slack.users}
            return alone, in_grid

    alone, in_grid = run(scenario)
    assert alone == {"UHOME": True, "UEXT": False, "UGRID": False, "UGRIDHERE": True}
    assert in_grid == {"UHOME": True, "UEXT": False, "UGRID": True, "UGRIDHERE": True}


def test_an_admin_answer_is_looked_up_again_after_five_minutes():
    now = [0.0]

    async def scenario():
        async with FakeSlack() as slack:
            slack.add_user("U1", admin=True)
            check = AdminCheck(web_client(TOKEN, slack.api_url), clock=lambda: now[0])
            first = await check.is_admin("U1")
            slack.add_user("U1", admin=False)  # demoted
            now[0] = 299.0
            cached = await check.is_admin("U1")
            now[0] = 301.0
            fresh = await check.is_admin("U1")
            return first, cached, fresh

    assert run(scenario) == (True, True, False)


def test_a_failed_admin_lookup_is_not_repeated_for_every_command_for_a_minute():
    now = [0.0]

    async def scenario():
        async with FakeSlack() as slack:
            check = AdminCheck(web_client(TOKEN, slack.api_url), clock=lambda: now[0])
            answers = [await check.is_admin("UGONE")]  # user_not_found
            now[0] = 59.0
            answers.append(await check.is_admin("UGONE"))
            slack.add_user("UGONE", admin=True)
            now[0] = 61.0
            answers.append(await check.is_admin("UGONE"))
            return answers, len(slack.calls_to("users.info"))

    assert run(scenario) == ([False, False, True], 2)


def test_tokens_come_from_the_variables_named_in_settings_and_are_checked():
    socket = SlackSettings(bot_token_env="MY_BOT", app_token_env="MY_APP")
    http = SlackSettings(mode="http", signing_secret_env="MY_SECRET")

    credentials = read_credentials(socket, {"MY_BOT": "xoxb-1", "MY_APP": "xapp-2"})
    assert (credentials.bot_token, credentials.app_token) == ("xoxb-1", "xapp-2")
    assert "xoxb-1" not in repr(credentials) and "xapp-2" not in repr(credentials)
    assert slack_configured(socket, {"MY_BOT": "xoxb-1"})
    assert not slack_configured(socket, {"SLACK_BOT_TOKEN": "xoxb-1"})

    with pytest.raises(ConfigError, match="MY_APP"):
        read_credentials(socket, {"MY_BOT": "xoxb-1"})
    with pytest.raises(ConfigError, match="MY_BOT does not hold a Slack bot token"):
        read_credentials(socket, {"MY_BOT": "xapp-2", "MY_APP": "xapp-2"})
    with pytest.raises(ConfigError, match="MY_SECRET"):
        read_credentials(http, {"SLACK_BOT_TOKEN": "xoxb-1"})
    secret = read_credentials(http, {"SLACK_BOT_TOKEN": "xoxb-1", "MY_SECRET": "s3cret"})
    assert secret.signing_secret == "s3cret" and "s3cret" not in repr(secret)


def test_create_adapter_registers_the_slack_poster_with_the_runtime():
    runtime = SimpleNamespace(commands=None, posters=Posters())
    settings = Settings(slack=SlackSettings(api_base="http://127.0.0.1:9/api"), bot=BotSettings())

    adapter = create_adapter(
        runtime, settings, {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}
    )

    assert runtime.posters.can_post("slack:C1")
    assert adapter.client.base_url == "http://127.0.0.1:9/api/"
    with pytest.raises(ConfigError):
        create_adapter(runtime, settings, {"SLACK_BOT_TOKEN": "xoxb-1"})
