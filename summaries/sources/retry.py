"""When to try a failing source again: exponential backoff, as pure functions.

After ``failures`` consecutive failures the next attempt waits
``BASE_DELAY * 2 ** (failures - 1)``, capped at ``MAX_DELAY``: 5, 10, 20, 40, 80, 160,
320 minutes, then 6 hours for good. No failures means no wait. A success resets the
count (the store's job). There is no random jitter, so the schedule is reproducible;
sources are spread out anyway by when each one first failed.

All datetimes are timezone-aware (UTC), like everything the store keeps.
"""

from __future__ import annotations

from datetime import datetime, timedelta

BASE_DELAY = timedelta(minutes=5)
MAX_DELAY = timedelta(hours=6)
_MAX_DOUBLINGS = 32  # far past the cap; keeps 2 ** n small for absurd failure counts


def retry_delay(failures: int) -> timedelta:
    """How long to wait after ``failures`` consecutive failures (0 when there are none)."""
    if failures <= 0:
        return timedelta(0)
    return min(BASE_DELAY * 2 ** min(failures - 1, _MAX_DOUBLINGS), MAX_DELAY)


def next_attempt(failures: int, now: datetime) -> datetime:
    """The earliest time to try a source again after ``failures`` consecutive failures."""
    return now + retry_delay(failures)


def is_due(next_attempt_at: datetime | None, now: datetime) -> bool:
    """Whether a source may be tried at ``now`` (always, when no attempt is scheduled)."""
    return next_attempt_at is None or next_attempt_at <= now
