"""The dashboard's word for each digest of a channel's log."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from types import SimpleNamespace

from bot.posting import maybe_posted_reason
from bot.web.pages import _outcome, deliveries
from summaries.models import DigestRecord
from summaries.store import open_store
from tests.bot.helpers_digest import add_article

AT = datetime(2026, 3, 2, 8, tzinfo=UTC)


def record(error: str) -> DigestRecord:
    return DigestRecord(1, "slack:C1", "2026-03-02", (1, 2), AT, None, error, gave_up_at=AT)


def test_a_digest_that_may_have_been_posted_is_not_shown_as_refused():
    maybe = maybe_posted_reason("Slack answered HTTP 503")
    assert _outcome(record(maybe), 2) == ("maybe posted", maybe)
    refused = "The bot is not in this Slack channel: invite it with /invite @briefing."
    assert _outcome(record(refused), 2) == ("refused", refused)


def test_the_log_counts_a_maybe_posted_digest_by_the_stories_it_may_have_shown(location):
    """Of three stories, two went out in messages up to the uncertain one: the log says 2
    (the third is left to the next digest, which counts it), not 3."""
    tenant = "slack:T1"
    with open_store(location) as store:
        store.ensure_channel("slack:C1", name="news", tenant=tenant)
        texts = ("The port shut.", "Ferries stopped.", "The council met.")
        ids = [add_article(store, text, text, now=AT) for text in texts]
        kept = store.record_digest("slack:C1", "2026-03-02", ids, AT)
        store.mark_stories_posted(kept.id, ids[:2], AT)
        store.mark_digest_failed(
            kept.id, maybe_posted_reason("Slack answered HTTP 503"), give_up=True, now=AT
        )
        [row], _paused = asyncio.run(deliveries(SimpleNamespace(store=store), tenant))
    assert (row.status, row.stories) == ("maybe posted", 2)


def test_the_log_says_the_stories_a_maybe_posted_digest_left_go_to_the_next(location):
    """As ``schedule show`` and ``digest now`` say it: of three stories, one was never sent
    and is left for the next digest; with two never sent, both are named."""
    tenant = "slack:T1"
    maybe = maybe_posted_reason("Slack answered HTTP 503")
    with open_store(location) as store:
        store.ensure_channel("slack:C1", name="news", tenant=tenant)
        for period, shown in (("2026-03-01", 2), ("2026-03-02", 1)):
            texts = (f"The port shut {period}.", f"Ferries stopped {period}.", f"Met {period}.")
            ids = [add_article(store, text, text, now=AT) for text in texts]
            kept = store.record_digest("slack:C1", period, ids, AT)
            store.mark_stories_posted(kept.id, ids[:shown], AT)
            store.mark_digest_failed(kept.id, maybe, give_up=True, now=AT)
        rows, _paused = asyncio.run(deliveries(SimpleNamespace(store=store), tenant))
    reasons = {row.record.period: row.reason for row in rows}
    assert reasons == {
        "2026-03-01": maybe + " Its other story was not sent: it is left for the next digest.",
        "2026-03-02": maybe
        + " Its other 2 stories were not sent: they are left for the next digest.",
    }
