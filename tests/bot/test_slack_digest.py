"""A scheduled digest posted to Slack: the real runtime (store, schedule, delivery) with the
Slack adapter made by ``create_adapter`` as ``python -m bot`` does, over Socket Mode, against
the fake Web API; the clock is moved with time-machine and the scheduler woken."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from apscheduler.events import EVENT_JOB_EXECUTED

from bot.delivery import RETRY
from bot.replies import Caller
from bot.runtime import BotRuntime
from bot.schedule import DIGEST_TICK
from bot.slack import create_adapter
from summaries import Article, Briefing
from summaries.config import ChannelSettings, Settings, SlackSettings, StoreSettings
from summaries.store import open_store
from tests.fakes.slack import TEAM_ID, FakeSlack

START = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
STORIES = [
    ("Harwick approves <5m> flood plan", "The council approved the flood plan & its budget."),
    ("Ransomware shuts Brennport port", "Ransomware shut the port computers overnight."),
]
ENVIRON = {"SLACK_BOT_TOKEN": "xoxb-test-token", "SLACK_APP_TOKEN": "xapp-test-token"}


def stored_news(path: str) -> None:
    with open_store(path) as store:
        for n, (title, body) in enumerate(STORIES, start=1):
            article = Article(
                title=title, text=body, url=f"https://news.example/{n}", source="Harwick Herald"
            )
            stored, _ = store.upsert_article(
                article,
                Briefing((body,), method="lead"),
                text=body,
                content_hash=hashlib.sha256(body.encode()).hexdigest(),
                now=START - timedelta(hours=n),
            )
            store.set_story(stored.id, stored.id)


def test_the_scheduled_digest_is_posted_to_slack_once_and_a_lost_channel_is_given_up(tmp_path):
    path = str(tmp_path / "bot.db")
    stored_news(path)

    async def scenario(traveller):
        async with FakeSlack() as slack:
            slack.channel_errors["C2"] = "not_in_channel"
            settings = Settings(
                store=StoreSettings(path=path),
                slack=SlackSettings(api_base=slack.api_url),  # Socket Mode, the default
                channels=(
                    ChannelSettings(id="slack:C1", time="08:00", timezone="UTC"),
                    ChannelSettings(id="slack:C2", time="08:00", timezone="UTC"),
                ),
            )
            runtime = await BotRuntime.open(settings)
            adapter = create_adapter(runtime, settings, ENVIRON)
            try:
                await adapter.start()
                await runtime.start()
                outcomes: dict[str, str] = {}
                both = asyncio.Event()

                def executed(event) -> None:
                    if event.job_id == DIGEST_TICK and event.retval:
                        outcomes.update(event.retval)
                        if len(outcomes) == 2:
                            both.set()

                runtime.schedule.scheduler.add_listener(executed, EVENT_JOB_EXECUTED)
                assert slack.posted() == []
                traveller.move_to(datetime(2026, 3, 2, 8, 0, 1, tzinfo=UTC))
                runtime.schedule.scheduler.wakeup()
                await asyncio.wait_for(both.wait(), 20)
                again = await runtime.delivery.deliver("slack:C1", "2026-03-02")
                records = {
                    channel: runtime.store.digest_record(channel, "2026-03-02")
                    for channel in ("slack:C1", "slack:C2")
                }
                asker = Caller(
                    platform="slack", channel="slack:C2", user="slack:U1", tenant=f"slack:{TEAM_ID}"
                )
                shown = await runtime.commands.run(asker, "schedule")
                assert "paused" in shown.text
                assert "The bot is not in this Slack channel" in shown.text  # why, for an admin
                return outcomes, again, records, slack.posted(), slack.calls_to("chat.postMessage")
            finally:
                await adapter.close()
                await runtime.close()

    with time_machine.travel(START, tick=False) as traveller:
        outcomes, again, records, posted, calls = asyncio.run(scenario(traveller))

    assert outcomes == {"slack:C1": "sent", "slack:C2": "failed"}
    assert again == "already-sent"
    [message] = posted  # one message, to C1, once
    assert message["channel"] == "C1"
    blocks = json.dumps(message["blocks"])
    assert "<https://news.example/1|Harwick approves &lt;5m&gt; flood plan>" in blocks
    assert "<https://news.example/2|Ransomware shuts Brennport port>" in blocks
    assert "the flood plan &amp; its budget" in blocks
    assert message["blocks"][0]["type"] == "header"
    assert message["text"]  # the plain-text fallback
    assert records["slack:C1"].sent_at is not None
    assert records["slack:C2"].sent_at is None
    assert [call.args["channel"] for call in calls].count("C2") == 1  # not retried: permanent


@contextlib.asynccontextmanager
async def slack_runtime(
    path: str, slack: FakeSlack, channels: tuple[ChannelSettings, ...] = ()
) -> AsyncIterator[BotRuntime]:
    """The runtime on the store at ``path`` with the Slack adapter started (Socket Mode);
    ``channels`` are config.toml's ``[[channels]]`` (``runtime.start()`` starts their clock)."""
    settings = Settings(
        store=StoreSettings(path=path),
        slack=SlackSettings(api_base=slack.api_url),
        channels=channels,
    )
    runtime = await BotRuntime.open(settings)
    adapter = create_adapter(runtime, settings, ENVIRON)
    try:
        await adapter.start()
        yield runtime
    finally:
        await adapter.close()
        await runtime.close()


def stored_long_news(path: str, count: int, *, first: int = 1, at: datetime = START) -> None:
    """``count`` stories whose briefings are long enough to need several Slack messages
    (numbered from ``first``, read a minute apart before ``at``)."""
    with open_store(path) as store:
        for n in range(first, first + count):
            body = f"Harbour story {n} reports what the council decided. " + "More detail. " * 180
            article = Article(
                title=f"Harbour story {n}",
                text=body,
                url=f"https://news.example/{n}",
                source="Harwick Herald",
            )
            stored, _ = store.upsert_article(
                article,
                Briefing((body.strip(),), method="lead"),
                text=body,
                content_hash=hashlib.sha256(body.encode()).hexdigest(),
                now=at - timedelta(minutes=n - first + 1),
            )
            store.set_story(stored.id, stored.id)


def headlines(message: dict) -> list[str]:
    return [
        block["text"]["text"].split("|")[1].split(">")[0]
        for block in message["blocks"]
        if block["type"] == "section" and "|" in block["text"]["text"]
    ]


@pytest.mark.parametrize("status", [200])
def test_a_digest_cut_short_by_a_proxys_plain_text_answer_is_resumed_without_repeats(
    tmp_path, status
):
    """The second of a digest's messages gets a text/plain answer from a proxy in front of
    [slack] api_base (a 200 error page slack_sdk cannot read): the first stays posted, and
    the retry posts only the rest. (A 5xx may come after Slack posted the message: see
    test_slack_digest_once.)"""
    path = str(tmp_path / "bot.db")
    stored_long_news(path, 6)

    async def scenario(traveller):
        async with FakeSlack() as slack, slack_runtime(path, slack) as runtime:
            slack.unavailable("chat.postMessage", after=1, status=status)
            first = await runtime.delivery.deliver("slack:C1", "2026-03-02")
            cut = slack.posted()
            traveller.move_to(START + RETRY)  # the retry is due
            resent = await runtime.delivery.resend_unsent()
            record = runtime.store.digest_record("slack:C1", "2026-03-02")
            return (
                first,
                cut,
                resent,
                record,
                slack.posted(),
                slack.calls_to("chat.postMessage"),
            )

    with time_machine.travel(START, tick=False) as traveller:
        first, cut, resent, record, posted, calls = asyncio.run(scenario(traveller))

    assert (first, resent) == ("failed", 1)
    assert [call.error for call in calls][:2] == [None, f"HTTP {status}, text/plain"]
    assert len(cut) == 1 and len(posted) == 2  # a two-message digest, each posted once
    assert posted[0] == cut[0]
    shown = [title for message in posted for title in headlines(message)]
    assert shown == [f"Harbour story {n}" for n in range(1, 7)]  # each once, in order
    assert record.sent_at is not None


def test_a_digest_due_while_socket_mode_is_cut_off_is_posted_once(tmp_path):
    """The Socket Mode connection is cut and cannot be opened again when the digest is due:
    it goes out over the Web API all the same, once; once the connection is back, the
    same digest again and a resend post nothing more."""
    path = str(tmp_path / "bot.db")
    stored_news(path)

    async def scenario():
        async with FakeSlack() as slack, slack_runtime(path, slack) as runtime:
            await slack.wait_for_socket()
            slack.unavailable("apps.connections.open")  # the first reconnect fails
            assert await slack.drop_sockets() == 1
            await slack.wait_for("apps.connections.open", 2)
            first = await runtime.delivery.deliver("slack:C1", "2026-03-02")
            assert slack.connections == 1  # posted while still cut off
            await slack.wait_for_socket(timeout=20)  # the client's next try, 5 s later
            again = await runtime.delivery.deliver("slack:C1", "2026-03-02")
            resent = await runtime.delivery.resend_unsent()
            return first, again, resent, slack.posted()

    with time_machine.travel(START, tick=False):
        first, again, resent, posted = asyncio.run(scenario())

    assert (first, again, resent) == ("sent", "already-sent", 0)
    assert [message["channel"] for message in posted] == ["C1"]
