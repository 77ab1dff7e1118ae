"""Deliveries already seen: chat platforms deliver an event again when they are not sure the
bot had it (Slack's retries of an event it thinks was not acknowledged, Discord's replay after
a RESUME from before events the bot already handled). A command is run once per id."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

MEMORY_SECONDS = 600.0  # Slack redelivers up to three times within 5 minutes


class RecentEvents:
    """Ids seen in the last ``seconds``: ``first_time(id)`` is True once per id."""

    def __init__(
        self, seconds: float = MEMORY_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.seconds = seconds
        self.clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()

    def first_time(self, event_id: str) -> bool:
        now = self.clock()
        while self._seen and now - next(iter(self._seen.values())) > self.seconds:
            self._seen.popitem(last=False)
        if not event_id:
            return True  # nothing to tell deliveries apart by
        if event_id in self._seen:
            return False
        self._seen[event_id] = now
        return True
