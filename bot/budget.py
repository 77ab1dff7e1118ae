"""One posting budget for digest posts: a token bucket, so a burst of due digests never
asks Discord for more than ``[discord] digest_rate`` requests a second (default 40, under
Discord's global 50).

``rate`` tokens come back each second, at most ``burst`` are kept (a tenth of a second's
worth, at least one): in any one second at most ``rate + burst`` posts start, 44 at the
default. Every digest message takes a token before it is sent; command answers do not
(they are interaction replies, answered by the gateway process within Discord's 3 s).
discord.py itself waits out each 429 it is given (per route, and globally for its own
client), so the budget keeps the bot under the limit and the library honours the answer
when Discord says otherwise.

Where the budget lives: in the process. With SQLite one process posts (or a few on one
machine, rarely at once: each claims only the digests due for it), and an in-memory
bucket costs nothing per post. Shared across processes (PostgreSQL) the same protocol,
:class:`Budget`, is served from the store: one token-bucket row (``tokens``,
``updated_at``) that a process tops up from in batches of ``burst`` in one short
transaction (``SELECT ... FOR UPDATE``, refill by the elapsed wall-clock time, take, write
back), so the sum over all processes stays within ``rate + burst`` a second.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Protocol

DEFAULT_RATE = 40.0  # requests per second; Discord's global limit is 50
EPSILON = 1e-9


class Budget(Protocol):
    async def acquire(self) -> None:
        """Wait until one more request may be made."""
        ...


class TokenBucket:
    """The in-process budget: ``rate`` requests a second, ``burst`` at once."""

    def __init__(
        self,
        rate: float = DEFAULT_RATE,
        *,
        burst: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError("a posting budget needs a positive rate")
        self.rate = rate
        self.burst = max(1.0, rate / 10) if burst is None else max(1.0, burst)
        self._clock = clock
        self._sleep = sleep
        self._tokens = self.burst
        self._updated = clock()
        self._lock = asyncio.Lock()
        self.waited = 0.0  # seconds spent waiting for tokens, for the logs and tests

    async def acquire(self) -> None:
        async with self._lock:  # first come, first served
            while True:
                now = self._clock()
                self._tokens = min(self.burst, self._tokens + (now - self._updated) * self.rate)
                self._updated = now
                if self._tokens >= 1 - EPSILON:  # rounding must not make a wait endless
                    self._tokens = max(0.0, self._tokens - 1)
                    return
                pause = (1 - self._tokens) / self.rate
                self.waited += pause
                await self._sleep(pause)
