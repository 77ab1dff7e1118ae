"""A digest whose posting outlasts its lease, held up by Slack's rate limits (slack-sdk waits
out each 429's Retry-After, up to a minute, three times a message): another process, two
deliveries on one store (SQLite and PostgreSQL), must not take it over and post it again
meanwhile. Real slack-sdk against the fake Web API, real delivery and store."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.delivery import DigestDelivery
from bot.posting import Posters
from bot.slack.client import web_client
from bot.slack.poster import SlackPoster
from summaries.config import DigestSettings
from summaries.store import open_store
from tests.bot.test_slack_digest import headlines, stored_long_news
from tests.fakes.slack import FakeSlack

LEASE = timedelta(seconds=2)
TOKEN = "xoxb-test-token"


def test_a_digest_held_up_by_rate_limits_past_its_lease_is_not_posted_again_elsewhere(location):
    stored_long_news(location, 6, at=datetime.now(UTC))

    async def scenario():
        async with FakeSlack() as slack:
            with open_store(location) as one, open_store(location) as two:
                processes = []
                for store in (one, two):
                    posters = Posters()
                    posters.register("slack", SlackPoster(web_client(TOKEN, slack.api_url)))
                    processes.append(DigestDelivery(store, posters, DigestSettings(), lease=LEASE))
                posting, elsewhere = processes
                # the second of its two messages waits out three 429s: 3 to 6 seconds
                slack.rate_limit("chat.postMessage", times=3, retry_after=1, after=1)
                task = asyncio.create_task(posting.deliver("slack:C1", "2026-03-02"))
                await asyncio.sleep(LEASE.total_seconds() + 0.5)  # past the first lease
                taken = await elsewhere.resend_unsent()
                outcome = await task
                record = one.digest_record("slack:C1", "2026-03-02")
                return outcome, taken, record, slack.posted()

    outcome, taken, record, posted = asyncio.run(scenario())
    assert (outcome, taken) == ("sent", 0)
    shown = [title for message in posted for title in headlines(message)]
    assert shown == [f"Harbour story {n}" for n in range(1, 7)]  # each once
    assert record.sent_at is not None
