"""The dashboard's word for each digest of a channel's log."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.posting import maybe_posted_reason
from bot.web.pages import _outcome
from summaries.models import DigestRecord

AT = datetime(2026, 3, 2, 8, tzinfo=UTC)


def record(error: str) -> DigestRecord:
    return DigestRecord(1, "slack:C1", "2026-03-02", (1, 2), AT, None, error, gave_up_at=AT)


def test_a_digest_that_may_have_been_posted_is_not_shown_as_refused():
    maybe = maybe_posted_reason("Slack answered HTTP 503")
    assert _outcome(record(maybe), 2) == ("maybe posted", maybe)
    refused = "The bot is not in this Slack channel: invite it with /invite @briefing."
    assert _outcome(record(refused), 2) == ("refused", refused)
