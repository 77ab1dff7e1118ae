"""Deliveries already seen: chat platforms deliver an event again when they are not sure the
bot had it (Slack's retries of an event it thinks was not acknowledged, Discord's replay after
a RESUME from before events the bot already handled). A command is run once per id.

The memory is this process's own, and that is enough in practice. Slack delivers an event
again only when its acknowledgement did not come within three seconds, and every handler
acknowledges first, before any work (a late slash command over HTTP is not delivered
again: the person sees Slack's timeout instead). A second delivery answered twice needs, besides a
late acknowledgement, the retry to reach another process (several bots on one app) or a
restart within the five minutes of Slack's retries; the cost is one answer shown twice,
never a digest (digests are recorded in the store before they are posted). Keeping the
ids in the store would need a table of its own (a schema version) for that rare case."""

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
