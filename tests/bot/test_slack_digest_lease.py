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
from summaries.models import DigestRecord
from summaries.store import Store, open_store
from tests.bot.test_slack_digest import headlines, stored_long_news
from tests.fakes.slack import FakeSlack

LEASE = timedelta(seconds=2)
TOKEN = "xoxb-test-token"


def deliveries(
    slack: FakeSlack, *stores: Store, settings: DigestSettings | None = None
) -> list[DigestDelivery]:
    """One delivery per store, as if each were another process's, posting to ``slack``."""
    processes = []
    for store in stores:
        posters = Posters()
        posters.register("slack", SlackPoster(web_client(TOKEN, slack.api_url)))
        processes.append(DigestDelivery(store, posters, settings or DigestSettings(), lease=LEASE))
    return processes


def test_a_digest_held_up_by_rate_limits_past_its_lease_is_not_posted_again_elsewhere(location):
    stored_long_news(location, 6, at=datetime.now(UTC))

    async def scenario():
        async with FakeSlack() as slack:
            with open_store(location) as one, open_store(location) as two:
                posting, elsewhere = deliveries(slack, one, two)
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
    posted_once(record, posted)


def test_a_claim_that_ran_out_and_was_taken_over_is_posted_by_the_taker_only(location):
    """The schedule claimed a digest, but its process came to it only after the lease ran
    out, and another process's resend had taken it over (and is posting it, held up by rate
    limits): the late claimant neither posts it too nor renews the other's lease."""
    now = datetime.now(UTC)
    stored_long_news(location, 6, at=now)

    async def scenario():
        async with FakeSlack() as slack:
            with open_store(location) as one, open_store(location) as two:
                one.set_schedule("slack:C1", "00:00", "UTC", now=now - timedelta(days=1))
                [claimed] = one.claim_due_digests(
                    datetime.now(UTC), grace=timedelta(days=2), lease=LEASE, platforms=["slack"]
                ).records
                settings = DigestSettings(when_empty="announce")
                late, taker = deliveries(slack, one, two, settings=settings)
                await asyncio.sleep(LEASE.total_seconds() + 0.5)  # the claim runs out
                slack.rate_limit("chat.postMessage", times=3, retry_after=1, after=1)
                taking = asyncio.create_task(taker.resend_unsent())
                await asyncio.sleep(0.5)  # taken over, being posted
                outcome = await late.deliver_claimed(claimed)
                taken = await taking
                record = one.digest_record("slack:C1", claimed.period)
                return outcome, taken, record, slack.posted()

    outcome, taken, record, posted = asyncio.run(scenario())
    assert (outcome, taken) == ("already-sent", 1)
    posted_once(record, posted)


def posted_once(record: DigestRecord | None, posted: list[dict]) -> None:
    """The digest was sent, and each of its six stories showed once."""
    shown = [title for message in posted for title in headlines(message)]
    assert shown == [f"Harbour story {n}" for n in range(1, 7)]
    assert record is not None and record.sent_at is not None
