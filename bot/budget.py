"""One posting budget for digest posts: no second ever holds more than ``[discord]
digest_rate`` digest posts at Discord's end (default 40, under Discord's global 50),
across every process.

The budget is a set of slots, ``digest_rate`` of them (at least one): a digest message
holds one from before it is sent until its answer came back, and the slot is free again
one second after that (:func:`window`). A post reaches Discord while its slot is held, so
two posts of one slot reach Discord more than a second apart, and any one second holds
at most one post per slot, however late a busy machine sends a post after taking its slot.
(A token bucket only bounds when its tokens are taken: four workers on a loaded machine
had 41 posts reach the fake Discord within one second under a bucket that handed out at
most 36.5 a second.) Command answers do not take a slot (they are interaction replies,
answered by the gateway process within Discord's 3 s). discord.py itself waits out each
429 it is given, so the budget keeps the bot under the limit and the library honours the
answer when Discord says otherwise.

Where the budget lives: with SQLite, in the process (:class:`LocalSlots`): one process
posts, and memory costs nothing per post. With PostgreSQL any number of processes post,
so the slots are rows of the store (``summaries/store/posting_slots.py``):
:class:`StoreBudget` takes one there before each post and gives it back after, two short
statements a post. A slot held longer than ``HOLD_SECONDS`` (its process died mid-post) is
free again then; so a post still in flight renews its hold every third of that: discord.py
waits out Discord's 429s inside one send, which may last longer, and the slot must stay
its own until the answer comes. If the store cannot be reached, posts fall back on slots
of the process (and discord.py still honours Discord's 429s).
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol

from summaries.store import Store, StoreUnavailableError

DEFAULT_RATE = 40.0  # posts a second; Discord's global limit is 50 requests a second
SHARED = "discord"  # the store's budget of Discord digest posts
# A slot never given back (its process died) is free again after this; a live post renews
# its hold every third of it (``StoreBudget.slot``).
HOLD_SECONDS = 60.0
MARGIN = 0.001  # a slot comes back just over its window, so a closed second holds no extra
POLL_SECONDS = 0.2  # the longest wait before asking again while every slot is held

log = logging.getLogger("briefing.budget")


def size(rate: float) -> int:
    """How many slots: the whole posts a second, at least one."""
    return max(1, math.floor(rate + 1e-9))


def window(rate: float) -> float:
    """How long after its post's answer a slot is free again: a second, or longer when
    the rate is under one post a second."""
    return max(1.0, size(rate) / rate) + MARGIN


class Budget(Protocol):
    rate: float

    def slot(self) -> AbstractAsyncContextManager[None]:
        """Hold one slot of the budget while one post is made (waits for a free one)."""
        ...


class LocalSlots:
    """The budget of this process alone."""

    def __init__(
        self,
        rate: float = DEFAULT_RATE,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError("a posting budget needs a positive rate")
        self.rate = rate
        self.window = window(rate)
        self._clock = clock
        self._sleep = sleep
        self._free_at = [0.0] * size(rate)  # math.inf: held by a post
        self._lock = asyncio.Lock()
        self.waited = 0.0  # seconds spent waiting for a slot, for the logs and tests

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        number = await self._take()
        try:
            yield
        finally:
            self._free_at[number] = self._clock() + self.window

    async def _take(self) -> int:
        async with self._lock:  # first come, first served
            while True:
                now = self._clock()
                number = min(range(len(self._free_at)), key=self._free_at.__getitem__)
                if self._free_at[number] <= now:
                    self._free_at[number] = math.inf
                    return number
                pause = min(self._free_at[number] - now, POLL_SECONDS)
                self.waited += pause
                await self._sleep(pause)


class StoreBudget:
    """The budget of every process at once, in the store (see the module docstring)."""

    def __init__(
        self,
        store: Store,
        rate: float = DEFAULT_RATE,
        *,
        name: str = SHARED,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError("a posting budget needs a positive rate")
        self.store = store
        self.rate = rate
        self.size = size(rate)
        self.window = window(rate)
        self.name = name
        self._sleep = sleep
        self._fallback = LocalSlots(rate, sleep=sleep)
        self._lock = asyncio.Lock()
        self.takes = 0  # queries made, for the logs and tests
        self.waited = 0.0

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        try:
            number: int | None = await self._take()
        except StoreUnavailableError as error:
            log.warning("posting budget: %s; this process keeps its own meanwhile", error)
            number = None
        if number is None:
            async with self._fallback.slot():
                yield
            return
        renewing = asyncio.Lock()
        keeper = asyncio.create_task(self._keep(number, renewing))
        try:
            yield
        finally:
            async with renewing:  # a renewal under way ends first: it never follows the give-back
                keeper.cancel()
            await asyncio.gather(keeper, return_exceptions=True)
            await self._give_back(number)

    async def _keep(self, number: int, renewing: asyncio.Lock) -> None:
        """Renew the hold of slot ``number`` while its post is in flight (until cancelled)."""
        while True:
            await self._sleep(HOLD_SECONDS / 3)
            async with renewing:
                await self._give_back(number, HOLD_SECONDS)

    async def _take(self) -> int:
        async with self._lock:  # first come, first served within the process
            while True:
                taken = await asyncio.to_thread(
                    self.store.take_posting_slot, self.name, size=self.size, hold=HOLD_SECONDS
                )
                self.takes += 1
                if taken.number is not None:
                    return taken.number
                pause = min(max(taken.wait, 0.005), POLL_SECONDS)
                self.waited += pause
                await self._sleep(pause)

    async def _give_back(self, number: int, window: float | None = None) -> None:
        """Slot ``number`` is free ``window`` seconds on (the budget's window: its post got
        its answer; ``HOLD_SECONDS``: the post goes on, held that much longer)."""
        after = self.window if window is None else window
        try:
            await asyncio.to_thread(
                self.store.give_back_posting_slot, self.name, number, window=after
            )
        except StoreUnavailableError as error:  # the slot comes back after HOLD_SECONDS
            log.warning("posting budget: slot %d not given back: %s", number, error)


def digest_budget(store: Store | None, rate: float = DEFAULT_RATE) -> Budget:
    """The budget of digest posts: the store's when every process shares the store
    (PostgreSQL), this process's own otherwise (SQLite, or no store at all)."""
    if store is not None and store.engine == "postgresql":
        return StoreBudget(store, rate)
    return LocalSlots(rate)
