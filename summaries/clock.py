"""The one notion of "now": timezone-aware UTC, passed around as a ``Clock`` so tests move it;
and a stated date read as such a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def utc_datetime(value: str | None) -> datetime | None:
    """An ISO date or timestamp as an aware UTC datetime (a date alone is midnight UTC), or
    None for none or anything else (a time at the end of year 9999 west of UTC, too, which
    is past the last moment a datetime holds once in UTC)."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except OverflowError:
        return None
