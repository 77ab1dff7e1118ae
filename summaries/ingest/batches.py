"""Group commit: items handed in one at a time, written together in one call.

Ingest prepares articles in parallel and stores them in order; a write transaction per
article costs a COMMIT (and a full-text index segment) each. Here each caller hands in
its item and waits for its result, while one writer takes whatever has gathered: an item
waits at most for the write before it, plus ``max_wait`` when more items are on their
way, and a batch holds at most ``max_items``. A lone article (a quiet feed) is written at
once, since nothing else is coming.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Batches(Generic[T, R]):
    def __init__(
        self,
        write: Callable[[list[T]], Awaitable[Sequence[R]]],
        *,
        max_items: int = 200,
        max_wait: float = 0.05,
        more_coming: Callable[[], bool] = lambda: False,
    ) -> None:
        """``write`` stores a batch and returns one result per item, in order;
        ``more_coming`` tells whether items are being made that will be handed in soon."""
        self._write = write
        self.max_items = max_items
        self.max_wait = max_wait
        self._more_coming = more_coming
        self._waiting: list[tuple[T, asyncio.Future[R]]] = []
        self._arrived = asyncio.Event()
        self._writer: asyncio.Task[None] | None = None

    async def put(self, item: T) -> R:
        """Hand in ``item`` and wait until its batch is written: its result, or the
        write's error."""
        future: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, future))
        self._arrived.set()
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        try:
            await self._write_all()
        except BaseException:  # cancelled: so are those waiting for a write
            for _, future in self._waiting:
                future.cancel()
            self._waiting.clear()
            raise

    async def _write_all(self) -> None:
        loop = asyncio.get_running_loop()
        while self._waiting:
            deadline = loop.time() + self.max_wait
            while len(self._waiting) < self.max_items and self._more_coming():
                left = deadline - loop.time()
                if left <= 0:
                    break
                self._arrived.clear()
                try:
                    await asyncio.wait_for(self._arrived.wait(), left)
                except TimeoutError:
                    break
            batch = self._waiting[: self.max_items]
            del self._waiting[: self.max_items]
            try:
                results = await self._write([item for item, _ in batch])
            except Exception as error:  # each caller gets it, as if it had written alone
                for _, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            except BaseException:  # cancelled: so are those waiting for this write
                for _, future in batch:
                    future.cancel()
                raise
            for (_, future), result in zip(batch, results, strict=True):
                if not future.done():
                    future.set_result(result)
