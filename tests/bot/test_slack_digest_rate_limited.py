"""Slack rate limits chat.postMessage part-way through a scheduled digest (HTTP 429
``ratelimited`` with Retry-After), through the real slack-sdk against the fake Web API: the
digest finishes once, each story posted once and none lost."""

from __future__ import annotations

import asyncio

import time_machine

from bot.delivery import RETRY
from tests.bot.test_slack_digest import START, headlines, slack_runtime, stored_long_news
from tests.fakes.slack import FakeSlack

ALL = [f"Harbour story {n}" for n in range(1, 7)]


def deliver_rate_limited(tmp_path, retry_after: int, times: int) -> tuple:
    """A two-message digest whose second message is answered 429 ``times`` times; then the
    resend that is due after a failure, and the same digest again."""
    path = str(tmp_path / "bot.db")
    stored_long_news(path, 6)

    async def scenario(traveller):
        async with FakeSlack() as slack, slack_runtime(path, slack) as runtime:
            slack.rate_limit("chat.postMessage", times=times, retry_after=retry_after, after=1)
            first = await runtime.delivery.deliver("slack:C1", "2026-03-02")
            traveller.move_to(START + RETRY)
            resent = await runtime.delivery.resend_unsent()
            again = await runtime.delivery.deliver("slack:C1", "2026-03-02")
            record = runtime.store.digest_record("slack:C1", "2026-03-02")
            calls = slack.calls_to("chat.postMessage")
            return first, resent, again, record, slack.posted(), calls

    with time_machine.travel(START, tick=False) as traveller:
        return asyncio.run(scenario(traveller))


def test_a_short_rate_limit_mid_digest_is_waited_out_and_the_digest_posted_once(tmp_path):
    first, resent, again, record, posted, calls = deliver_rate_limited(tmp_path, 0, 2)
    assert (first, resent, again) == ("sent", 0, "already-sent")
    assert [call.status for call in calls] == [200, 429, 429, 200]
    assert [title for message in posted for title in headlines(message)] == ALL
    assert record.sent_at is not None


def test_a_long_rate_limit_mid_digest_leaves_the_rest_for_the_retry_posted_once(tmp_path):
    """Slack asks for an hour: the first message stays posted, the rest goes out at the
    retry, and nothing shows twice."""
    first, resent, again, record, posted, calls = deliver_rate_limited(tmp_path, 3600, 1)
    assert (first, resent, again) == ("failed", 1, "already-sent")
    assert [call.status for call in calls] == [200, 429, 200]
    assert [title for message in posted for title in headlines(message)] == ALL
    assert record.sent_at is not None
