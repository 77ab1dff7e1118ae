"""A long list in a message or a log line: its first few items, then how many more."""

from __future__ import annotations

from collections.abc import Sequence


def some_of(items: Sequence[object], shown: int = 5) -> str:
    """``"a, b, c, d, e and 7 more"``; the whole list when it has ``shown`` items or fewer."""
    head = ", ".join(str(item) for item in items[:shown])
    return head if len(items) <= shown else f"{head} and {len(items) - shown} more"
