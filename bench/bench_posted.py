"""A long record of what was posted where, written straight into a bench's store."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from summaries.store import Store


def record_posted(
    store: Store, stories: Iterable[int], channel_of: Callable[[int], str], at: datetime
) -> None:
    """Each of ``stories`` posted to ``channel_of(story)`` at ``at`` (its channel made
    first), in one write: no digest records them, as a bench needs only the rows."""
    rows = [(channel_of(story), story, at.isoformat()) for story in stories]
    for channel in sorted({channel for channel, _, _ in rows}):
        store.ensure_channel(channel)
    store._write(
        lambda conn: conn.executemany(
            "INSERT INTO posted (channel_id, story_id, posted_at) VALUES (?, ?, ?)", rows
        )
    )
