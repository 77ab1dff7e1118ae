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

Where the budget lives: with SQLite, in the process (:class:`TokenBucket`): one process
posts (or a few on one machine, rarely at once: each claims only the digests due for it),
and an in-memory bucket costs nothing per post. With PostgreSQL any number of processes
post, so the bucket is one row of the store (``summaries/store/posting_budget.py``):
:class:`StoreBudget` takes its tokens from there, as many at once as it has posts
waiting (at most ``burst``), so a busy process asks a few times a second, not once a
post, and it waits when the row is empty. Tokens are used as soon as they are taken
(a batch is never more than the posts waiting), so the sum over every process stays
within ``rate + burst`` posts in any one second. If the store cannot be reached, posts
fall back on an in-process bucket (and discord.py still honours Discord's 429s).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Protocol

from summaries.store import Store, StoreUnavailableError

DEFAULT_RATE = 40.0  # requests per second; Discord's global limit is 50
EPSILON = 1e-9
SHARED = "discord"  # the store's bucket of Discord digest posts
# Tokens taken but not used within this long (their post was cancelled) are dropped: used
# later they could add to another second's full budget.
HOLD_SECONDS = 0.05

log = logging.getLogger("briefing.budget")


def default_burst(rate: float) -> float:
    """A tenth of a second's worth, at least one."""
    return max(1.0, rate / 10)


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
        self.burst = default_burst(rate) if burst is None else max(1.0, burst)
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


class StoreBudget:
    """The budget of every process at once, served from the store (see the module docstring)."""

    def __init__(
        self,
        store: Store,
        rate: float = DEFAULT_RATE,
        *,
        burst: float | None = None,
        name: str = SHARED,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError("a posting budget needs a positive rate")
        self.store = store
        self.rate = rate
        self.burst = default_burst(rate) if burst is None else max(1.0, burst)
        self.name = name
        self._clock = clock
        self._sleep = sleep
        self._fallback = TokenBucket(rate, burst=self.burst, clock=clock, sleep=sleep)
        self._lock = asyncio.Lock()
        self._waiting = 0  # acquires in progress: how many tokens to ask for at once
        self._tokens = 0
        self._taken_at = 0.0
        self.takes = 0  # queries made, for the logs and tests
        self.waited = 0.0

    async def acquire(self) -> None:
        self._waiting += 1
        try:
            async with self._lock:  # first come, first served within the process
                await self._one()
        finally:
            self._waiting -= 1

    async def _one(self) -> None:
        while True:
            if self._tokens and self._clock() - self._taken_at <= HOLD_SECONDS:
                self._tokens -= 1
                return
            want = max(1, min(self._waiting, int(self.burst)))
            try:
                taken = await asyncio.to_thread(
                    self.store.take_posting_tokens,
                    self.name,
                    want,
                    rate=self.rate,
                    burst=self.burst,
                )
            except StoreUnavailableError as error:
                log.warning("posting budget: %s; this process keeps its own meanwhile", error)
                await self._fallback.acquire()
                return
            self.takes += 1
            self._tokens, self._taken_at = taken.tokens, self._clock()
            if taken.tokens:
                continue
            pause = max(taken.wait(want, self.rate, self.burst), 1 / self.rate)
            self.waited += pause
            await self._sleep(pause)


def digest_budget(store: Store | None, rate: float = DEFAULT_RATE) -> Budget:
    """The budget of digest posts: the store's when every process shares the store
    (PostgreSQL), this process's own otherwise (SQLite, or no store at all)."""
    if store is not None and store.engine == "postgresql":
        return StoreBudget(store, rate)
    return TokenBucket(rate)
