"""When to try a failing source again: exponential backoff, as pure functions.

After ``failures`` consecutive failures the next attempt waits
``BASE_DELAY * 2 ** (failures - 1)``, capped at ``MAX_DELAY``: 5, 10, 20, 40, 80, 160,
320 minutes, then 6 hours for good. No failures means no wait. A success resets the
count (the store's job). There is no random jitter, so the schedule is reproducible;
sources are spread out anyway by when each one first failed.

A failure may ask for a longer wait (``wait_asked``): a site that answers 429 or 503
with ``Retry-After`` is not asked before then (up to ``MAX_ASKED``, so that no answer
parks a source for good), and a feed that answers ``410 Gone`` (taken down for good) is
asked once a week (``GONE_DELAY``) until it is removed, not every six hours for ever.

All datetimes are timezone-aware (UTC), like everything the store keeps.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from summaries.sources.errors import HTTPStatusError

BASE_DELAY = timedelta(minutes=5)
MAX_DELAY = timedelta(hours=6)
MAX_ASKED = timedelta(days=1)  # the longest Retry-After heeded
GONE_DELAY = timedelta(days=7)
GONE_SOURCE = (  # what a failure's message adds for a source waiting GONE_DELAY
    " The site says it is gone for good: it is asked again once a week, until the source is"
    " removed or given its new address."
)
_MAX_DOUBLINGS = 32  # far past the cap; keeps 2 ** n small for absurd failure counts


def retry_delay(failures: int) -> timedelta:
    """How long to wait after ``failures`` consecutive failures (0 when there are none)."""
    if failures <= 0:
        return timedelta(0)
    return min(BASE_DELAY * 2 ** min(failures - 1, _MAX_DOUBLINGS), MAX_DELAY)


def next_attempt(failures: int, now: datetime, error: BaseException | None = None) -> datetime:
    """The earliest time to try a source again after ``failures`` consecutive failures,
    the last of them ``error`` (which may ask for a longer wait)."""
    return now + max(retry_delay(failures), wait_asked(error))


def wait_asked(error: BaseException | None) -> timedelta:
    """How long the failure ``error`` asks to wait before the source is asked again:
    ``GONE_DELAY`` for 410 Gone, the site's ``Retry-After`` (at most ``MAX_ASKED``)."""
    if not isinstance(error, HTTPStatusError):
        return timedelta(0)
    if is_gone(error):
        return GONE_DELAY
    if error.retry_after is None:
        return timedelta(0)
    return min(max(error.retry_after, timedelta(0)), MAX_ASKED)


def is_gone(error: BaseException | None) -> bool:
    """Whether ``error`` is the site's 410 Gone: the source waits ``GONE_DELAY``."""
    return isinstance(error, HTTPStatusError) and error.status == 410


def is_due(next_attempt_at: datetime | None, now: datetime) -> bool:
    """Whether a source may be tried at ``now`` (always, when no attempt is scheduled)."""
    return next_attempt_at is None or next_attempt_at <= now
