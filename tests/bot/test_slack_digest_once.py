"""A Slack digest is never posted twice: a message that fails after Slack may have posted
it (a 5xx, a connection cut once it went out) is not sent again, and the digest is given
up, said so in the log and in ``schedule show`` (never lost without a word)."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import pytest
import time_machine

from bot.delivery import RETRY
from bot.replies import Caller
from summaries.config import ChannelSettings
from tests.bot.helpers_digest import digest_outcomes, utc
from tests.bot.test_slack_digest import START, headlines, slack_runtime, stored_long_news
from tests.fakes.slack import TEAM_ID, FakeSlack
from tests.fakes.slack.web_api import CUT

ADMIN = Caller(
    platform="slack", channel="slack:C1", user="slack:U1", is_admin=True, tenant=f"slack:{TEAM_ID}"
)


@pytest.mark.parametrize(
    ("status", "taken"),
    [(503, True), (CUT, True), (502, False), ("internal_error", True)],
    ids=["503 after posting", "cut after posting", "a proxy's 502", "internal_error"],
)
def test_a_digest_message_that_may_have_been_posted_is_not_posted_again(
    tmp_path, caplog, status, taken
):
    path = str(tmp_path / "bot.db")
    stored_long_news(path, 6)
    caplog.set_level(logging.WARNING, "briefing")

    async def scenario(traveller):
        async with FakeSlack() as slack, slack_runtime(path, slack) as runtime:
            if isinstance(status, str):  # Slack's own error, after it posted the message
                slack.fail("chat.postMessage", status, after=1, taken=taken)
            else:
                slack.unavailable("chat.postMessage", after=1, status=status, taken=taken)
            first = await runtime.delivery.deliver("slack:C1", "2026-03-02")
            traveller.move_to(START + RETRY)  # a retry would be due now
            resent = await runtime.delivery.resend_unsent()
            again = await runtime.delivery.deliver("slack:C1", "2026-03-02")
            record = runtime.store.digest_record("slack:C1", "2026-03-02")
            caller = ADMIN
            await runtime.commands.run(caller, "schedule set 08:00 UTC")
            shown = await runtime.commands.run(caller, "schedule show")
            calls = slack.calls_to("chat.postMessage")
            return first, resent, again, record, slack.posted(), calls, shown

    with time_machine.travel(START, tick=False) as traveller:
        first, resent, again, record, posted, calls, shown = asyncio.run(scenario(traveller))

    assert (first, resent, again) == ("maybe-posted", 0, "failed")
    assert len(posted) == (2 if taken else 1)  # each message Slack took, once
    assert len({call.args["text"] for call in calls}) == 2  # the second never sent again
    assert record.sent_at is None and record.gave_up_at is not None
    shown_titles = [title for message in posted for title in headlines(message)]
    assert len(shown_titles) == len(set(shown_titles))
    assert "digest 2026-03-02 for slack:C1 is given up: " in caplog.text
    assert "it is not sent again, so that nothing shows twice." in caplog.text
    # not "could not be posted" nor "did not go through": it may have shown in full
    assert "The last digest ran into trouble: Slack answered " in shown.text or (
        "The last digest ran into trouble: The connection to Slack failed" in shown.text
    )
    assert "it is not sent again, so that nothing shows twice." in shown.text


def test_digest_now_says_a_digest_may_have_shown_and_is_not_sent_again(tmp_path):
    """``digest now``, twice at once: the first post's connection is cut after Slack took
    the message; both answers say it may have shown and is not sent again."""
    path = str(tmp_path / "bot.db")
    stored_long_news(path, 6)

    async def scenario():
        async with FakeSlack() as slack, slack_runtime(path, slack) as runtime:
            slack.unavailable("chat.postMessage", status=CUT, taken=True)
            caller = ADMIN
            first = await runtime.commands.run(caller, "digest now")
            again = await runtime.commands.run(caller, "digest now")
            return first, again, slack.posted()

    with time_machine.travel(START, tick=False):
        first, again, posted = asyncio.run(scenario())

    assert first.title == "Maybe posted" and first.private
    assert first.text.startswith("The connection to Slack failed (")
    assert first.text.endswith(
        "while the digest was being sent, so it may have shown in part or in full; it is not "
        "sent again, so that nothing shows twice. Its other 2 stories were not sent: they are "
        "left for the next digest."
    )
    assert again == first  # asked again at once: the same digest, not sent again
    assert len(posted) == 1  # the message Slack took before the connection was cut, once


def middle_503(slack: FakeSlack, taken: bool) -> None:
    slack.unavailable("chat.postMessage", after=1, status=503, taken=taken)


def first_429_then_503(slack: FakeSlack, taken: bool) -> None:
    slack.rate_limit("chat.postMessage", times=1)
    slack.unavailable("chat.postMessage", status=503, taken=taken)


@pytest.mark.parametrize("taken", [True, False], ids=["posted", "not posted"])
@pytest.mark.parametrize("script", [middle_503, first_429_then_503])
def test_the_stories_after_a_message_that_may_have_been_posted_come_in_the_next_digest(
    location, taken, script
):
    """A 503 on the middle message of three (or on the first, tried again after a 429):
    the next digest carries the stories of the messages never sent, and none of those
    before (the uncertain one included, whether Slack posted it or not: it may show
    missing, never twice)."""
    path = location  # SQLite, and PostgreSQL with BRIEFING_TEST_POSTGRES_URL
    stored_long_news(path, 9)  # three messages of three

    async def scenario(traveller):
        async with FakeSlack() as slack, slack_runtime(path, slack) as runtime:
            script(slack, taken)
            first = await runtime.delivery.deliver("slack:C1", "2026-03-02")
            calls = slack.calls_to("chat.postMessage")
            # within the first digest's look-back (the channel has no earlier one to go by)
            traveller.move_to(START + timedelta(hours=12))
            posted_before = len(slack.posted())
            second = await runtime.delivery.deliver("slack:C1", "2026-03-03")
            return first, second, calls, slack.posted()[posted_before:]

    with time_machine.travel(START, tick=False) as traveller:
        first, second, calls, next_day = asyncio.run(scenario(traveller))

    assert (first, second) == ("maybe-posted", "sent")
    assert calls[-1].status == 503  # a 429 is waited out and tried again, a 503 is not
    tried = {title for call in calls for title in headlines(call.args)}  # to the uncertain one
    left = {f"Harbour story {n}" for n in range(1, 10)} - tried
    assert left  # the third message was never sent
    again = [title for message in next_day for title in headlines(message)]
    assert sorted(again) == sorted(left)


@pytest.mark.parametrize("taken", [True, False], ids=["posted", "not posted"])
@pytest.mark.parametrize("days", [1, 3], ids=["the next day", "three days later"])
def test_a_first_digest_that_may_have_been_posted_leaves_the_rest_to_the_next_however_late(
    location, taken, days
):
    """The channel's very first digest, scheduled at 08:00, is given up after a 503 on its
    middle message of three. Its stories after that message come in the next digest: the
    next day's, or after the bot was down, the catch-up three days later. Both are further
    than the first digest's 24-hour look-back from the stories, which the next one keeps
    as no digest was shown in full. Nothing of the first, the uncertain message's stories
    included, comes again."""
    path = location  # SQLite, and PostgreSQL with BRIEFING_TEST_POSTGRES_URL
    stored_long_news(path, 9)  # three messages of three, read before 07:30
    channels = (ChannelSettings(id="slack:C1", time="08:00", timezone="UTC"),)
    said: list[str] = []

    async def scenario(traveller):
        async with FakeSlack() as slack:
            async with slack_runtime(path, slack, channels) as runtime:
                outcomes = digest_outcomes(runtime, "slack:C1")
                await runtime.start()
                middle_503(slack, taken)
                traveller.move_to(utc(2026, 3, 2, 8, 0))
                runtime.schedule.scheduler.wakeup()
                first = await asyncio.wait_for(outcomes.get(), 20)
                calls = slack.calls_to("chat.postMessage")
                said.append((await runtime.commands.run(ADMIN, "schedule show")).text)
                posted_before = len(slack.posted())
                if days == 1:
                    traveller.move_to(utc(2026, 3, 3, 8, 0))
                    runtime.schedule.scheduler.wakeup()
                    second = await asyncio.wait_for(outcomes.get(), 20)
            if days > 1:  # down from the first digest until three days later
                traveller.move_to(utc(2026, 3, 2 + days, 9, 0))
                async with slack_runtime(path, slack, channels) as runtime:
                    outcomes = digest_outcomes(runtime, "slack:C1")
                    await runtime.start()
                    await slack.wait_until(lambda: runtime.posters.ready("slack:C1"), 20)
                    traveller.move_to(utc(2026, 3, 2 + days, 9, 1))  # the clock's next tick
                    runtime.schedule.scheduler.wakeup()  # the missed digests, caught up once
                    second = await asyncio.wait_for(outcomes.get(), 20)
            async with slack_runtime(path, slack) as runtime:
                said.append((await runtime.commands.run(ADMIN, "schedule show")).text)
            return first, second, calls, slack.posted()[:posted_before], slack.posted()

    with time_machine.travel(START, tick=False) as traveller:
        first, second, calls, before, posted = asyncio.run(scenario(traveller))

    assert (first, second) == ("maybe-posted", "sent")
    tried = {title for call in calls for title in headlines(call.args)}  # to the uncertain one
    left = {f"Harbour story {n}" for n in range(1, 10)} - tried
    assert left  # the third message was never sent
    again = [title for message in posted[len(before) :] for title in headlines(message)]
    assert sorted(again) == sorted(left)
    shown = [title for message in posted for title in headlines(message)]
    assert len(shown) == len(set(shown))  # nothing twice
    assert "The last digest ran into trouble: Slack answered HTTP 503" in said[0]
    assert len(left) == 1  # the third message carries one story
    assert said[0].endswith(
        "so that nothing shows twice. Its other story was not sent: it is left for the "
        "next digest."
    )
    assert "trouble" not in said[1] and "could not be posted" not in said[1]


def test_digest_now_given_up_after_a_middle_message_says_its_other_stories_are_left(tmp_path):
    """``digest now`` given up on a 503 for its middle message of three: as ``schedule
    show`` does, its answer says the stories of the message never sent are left for the
    next digest, in the same words."""
    path = str(tmp_path / "bot.db")
    stored_long_news(path, 9)  # three messages of three

    async def scenario():
        async with FakeSlack() as slack, slack_runtime(path, slack) as runtime:
            middle_503(slack, taken=True)
            now = await runtime.commands.run(ADMIN, "digest now")
            await runtime.commands.run(ADMIN, "schedule set 08:00 UTC")
            shown = await runtime.commands.run(ADMIN, "schedule show")
            return now, shown, slack.calls_to("chat.postMessage")

    with time_machine.travel(START, tick=False):
        now, shown, calls = asyncio.run(scenario())

    tried = {title for call in calls for title in headlines(call.args)}
    assert len({f"Harbour story {n}" for n in range(1, 10)} - tried) == 1
    note = " Its other story was not sent: it is left for the next digest."
    assert now.title == "Maybe posted"
    assert now.text.endswith("it is not sent again, so that nothing shows twice." + note)
    assert shown.text.endswith(note)


@pytest.mark.parametrize("first_digest", [True, False], ids=["first digest", "later digest"])
def test_the_stories_a_digest_shown_in_part_left_come_before_newer_ones(location, first_digest):
    """A digest given up after its middle message says its other story is left for the
    next digest. By then ten newer stories fill a digest ([digest] max_stories): the one
    left still comes, first, rather than give way to them for good."""
    path = location  # SQLite, and PostgreSQL with BRIEFING_TEST_POSTGRES_URL
    day_two = utc(2026, 3, 3, 7, 30)

    async def scenario(traveller):
        async with FakeSlack() as slack, slack_runtime(path, slack) as runtime:
            if not first_digest:  # a digest shown in full the day before
                stored_long_news(path, 1, first=100, at=START - timedelta(days=1))
                traveller.move_to(START - timedelta(days=1))
                assert await runtime.delivery.deliver("slack:C1", "2026-03-01") == "sent"
                traveller.move_to(START)
            stored_long_news(path, 9)  # three messages of three
            middle_503(slack, taken=True)
            first = await runtime.delivery.deliver("slack:C1", "2026-03-02")
            calls = slack.calls_to("chat.postMessage")
            posted_before = len(slack.posted())
            stored_long_news(path, 10, first=10, at=day_two)
            traveller.move_to(day_two)
            second = await runtime.delivery.deliver("slack:C1", "2026-03-03")
            return first, second, calls, slack.posted()[posted_before:]

    with time_machine.travel(START - timedelta(days=1), tick=False) as traveller:
        first, second, calls, next_day = asyncio.run(scenario(traveller))

    assert (first, second) == ("maybe-posted", "sent")
    tried = {title for call in calls for title in headlines(call.args)}
    [left] = {f"Harbour story {n}" for n in range(1, 10)} - tried
    again = [title for message in next_day for title in headlines(message)]
    assert left in again  # not lost for ten newer stories
    assert again[0] == left
    assert len(again) == 10  # max_stories: the left one and the nine newest


def test_stories_left_come_first_in_the_next_digest_only(location):
    """A digest refused as malformed after its first message leaves the rest; the next
    digest puts them first and is refused at its first message, showing nothing. The one
    after that ranks them with the newer stories again: a story no digest can post is not
    put first day after day."""
    path = location  # SQLite, and PostgreSQL with BRIEFING_TEST_POSTGRES_URL
    days = [utc(2026, 3, 2 + n, 7, 30) for n in range(3)]

    async def scenario(traveller):
        async with FakeSlack() as slack, slack_runtime(path, slack) as runtime:
            stored_long_news(path, 9)  # three messages of three
            slack.fail("chat.postMessage", "invalid_blocks", after=1)
            outcomes = [await runtime.delivery.deliver("slack:C1", "2026-03-02")]
            traveller.move_to(days[1])
            slack.fail("chat.postMessage", "invalid_blocks")
            outcomes.append(await runtime.delivery.deliver("slack:C1", "2026-03-03"))
            stored_long_news(path, 10, first=10, at=days[2])
            traveller.move_to(days[2])
            posted_before = len(slack.posted())
            outcomes.append(await runtime.delivery.deliver("slack:C1", "2026-03-04"))
            return outcomes, slack.posted()[posted_before:]

    with time_machine.travel(days[0], tick=False) as traveller:
        outcomes, last_day = asyncio.run(scenario(traveller))

    assert outcomes == ["malformed", "malformed", "sent"]
    shown = [title for message in last_day for title in headlines(message)]
    assert shown == [f"Harbour story {n}" for n in range(10, 20)]  # newest first
