"""The one notion of "now": timezone-aware UTC, passed around as a ``Clock`` so tests move it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)
