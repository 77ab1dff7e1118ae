"""Times in the database: UTC ISO-8601 text of fixed width, so text order is time order.

Every column ending in ``_at`` holds ``2024-05-01T06:30:00.000000+00:00`` (always
microseconds, always ``+00:00``). Naive datetimes are taken to be UTC already.
"""

from __future__ import annotations

from datetime import UTC, datetime


def to_db(moment: datetime) -> str:
    """The stored form of ``moment``."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def to_db_or_none(moment: datetime | None) -> str | None:
    return None if moment is None else to_db(moment)


def from_db(text: str | None) -> datetime | None:
    """A timezone-aware UTC datetime, or None for NULL."""
    if text is None:
        return None
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def require(text: str | None) -> datetime:
    """Like :func:`from_db` for a NOT NULL column."""
    moment = from_db(text)
    assert moment is not None, "a NOT NULL time column held NULL"
    return moment
