"""Summarizing off the event loop: a process pool with a time budget per article.

A chat bot's gateway heartbeat must never wait for CPU work, so the loop only
awaits futures here. A worker that takes longer than the budget is abandoned
(its result ignored) and the article reported as failed; a pool broken by a
crashed worker is replaced on the next call.

Workers are forked from multiprocessing's fork server where there is one (POSIX): a
process of its own, free of the parent's threads and event loop, that imported what
workers use once (:mod:`summaries.ingest.preload`). Each worker shares those pages with
it instead of importing a copy of its own (some 60 MB of trafilatura, sumy, NLTK and
numpy per worker), and a new worker starts at once. Elsewhere they are spawned.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from types import TracebackType
from typing import Any, TypeVar

from summaries.errors import InputError
from summaries.ingest.memory import map_large_blocks
from summaries.ingest.prepare import Prepared, prepare
from summaries.models import Article, SummaryOptions


def start_worker(parent: int) -> None:
    """A worker's initializer: Ctrl-C is the parent's business, and the worker ends with it.

    Ctrl-C in a terminal signals the whole process group: each worker would stop with a
    traceback of its own, while the parent shuts the workers down anyway (and the CLI exits
    130). A worker starts with SIGINT blocked (see ``_quiet_ctrl_c``), so that one still
    importing cannot be hit either; here SIGINT is ignored for good, then let through.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    exit_with_parent(parent)
    map_large_blocks()  # each page body it is handed is freed for good after its job


def exit_with_parent(parent: int, interval: float = 0.5) -> None:
    """In a worker: end this process once ``parent`` (the pool's owner) is gone (killed, not
    shut down), or the process that started this one: the fork server, which ends with it.

    A pool's workers otherwise outlive a parent that was SIGKILLed, waiting forever.
    """
    starter = os.getppid()

    def watch() -> None:
        while os.getppid() == starter and _exists(parent):
            time.sleep(interval)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # there is such a process, another user's
        return True
    return True


def worker_context() -> multiprocessing.context.BaseContext:
    """The fork server, preloaded, where there is one; else spawn (see the module's doc)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([PRELOAD])  # taken when the server starts (once)
    return context


class SummaryTimeoutError(InputError):
    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"Summarizing this article took longer than {seconds:g} s; it was skipped."
        )


class WorkerCrashedError(InputError):
    """A worker process stopped (killed, out of memory) in the middle of this work."""


PARSE_SECONDS = 30.0
PRELOAD = "summaries.ingest.preload"
_LATE = "Reading this took longer than {:g} s; it was skipped."
_CRASHED = "A worker stopped unexpectedly; this was skipped."
T = TypeVar("T")


class SummaryPool:
    def __init__(
        self,
        options: SummaryOptions,
        workers: int = 2,
        seconds: float = 10.0,
        *,
        idle_seconds: float | None = None,
    ) -> None:
        """With ``idle_seconds``, the workers stop once nothing was asked of them for that
        long (a bot between two ingests holds no worker), and start again when needed."""
        map_large_blocks()  # the bodies this process fetches and hands over, too
        self.options = options
        self.workers = workers
        self.seconds = seconds
        self.idle_seconds = idle_seconds
        self._executor: ProcessPoolExecutor | None = None
        self._making = threading.Lock()  # the loop and a thread (``call``) may both need it
        self._busy = 0  # calls under way (guarded by ``_making``)
        self._idle_timer: threading.Timer | None = None
        self._closed: ProcessPoolExecutor | None = None  # the one ``close`` stopped last
        # Two articles in flight per worker (one working, one queued): the budget then measures
        # about the work itself, not the wait in a queue behind a thousand others.
        self._slots = asyncio.Semaphore(2 * workers)

    def _pool(self) -> ProcessPoolExecutor:
        with self._making:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    self.workers,
                    mp_context=worker_context(),
                    initializer=start_worker,
                    initargs=(os.getpid(),),
                )
            self._busy += 1  # until ``_done``
            return self._executor

    def _done(self) -> None:
        """A call that took the pool (``_pool``) is over; the last one arms the idle stop."""
        with self._making:
            self._busy -= 1
            if self._busy or self.idle_seconds is None or self._executor is None:
                return
            if self._idle_timer is not None:
                self._idle_timer.cancel()
            self._idle_timer = threading.Timer(self.idle_seconds, self._stop_if_idle)
            self._idle_timer.daemon = True
            self._idle_timer.start()

    def _stop_if_idle(self) -> None:
        """Let the workers go if nothing was asked of them since the timer was armed: they
        end once their (empty) queue is closed; the next call starts new ones."""
        with self._making:
            executor = self._executor
            if self._busy or executor is None:
                return
            self._executor = None
        executor.shutdown(wait=False)

    async def prepare(self, article: Article) -> Prepared:
        """Clean and summarize ``article`` in a worker, within the article budget."""
        return await self.prepare_with(prepare, article, self.options)

    async def prepare_with(self, function: Callable[..., Prepared], *args: Any) -> Prepared:
        """Run ``function(*args)``, which prepares one article (reading it first, perhaps),
        in a worker within the article budget."""
        return await self._in_worker(
            function,
            args,
            budget=self.seconds,
            late=lambda: SummaryTimeoutError(self.seconds),
            crashed="A summarizing worker stopped unexpectedly; the article was skipped.",
        )

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """Run a module-level ``function`` (parsing, extraction) in a worker, off the loop.

        The bot's event loop shares one interpreter lock with its threads, so CPU work in a
        thread still stalls it; in a worker process it cannot. Its budget is wider than an
        article's (a big feed takes longer to parse than one article to summarize).
        """
        budget = max(self.seconds, PARSE_SECONDS)
        return await self._in_worker(
            function,
            args,
            budget=budget,
            late=lambda: InputError(_LATE.format(budget)),
            crashed=_CRASHED,
        )

    def call(self, function: Callable[..., T], *args: Any) -> T:
        """``run`` for a thread that must wait for the result where it stands (inside a store
        transaction): the CPU work still goes to a worker, and this thread only waits."""
        budget = max(self.seconds, PARSE_SECONDS)
        executor = self._pool()
        try:
            return _submit(executor, function, args).result(timeout=budget)
        except TimeoutError:
            raise InputError(_LATE.format(budget)) from None
        except BrokenProcessPool:
            self._replace(executor)
            raise WorkerCrashedError(_CRASHED) from None
        finally:
            self._done()

    async def _in_worker(
        self,
        function: Callable[..., T],
        args: tuple[Any, ...],
        *,
        budget: float,
        late: Callable[[], InputError],
        crashed: str,
    ) -> T:
        try:
            async with self._slots:
                # made first: making it starts multiprocessing's resource tracker, which
                # unblocks SIGINT when it starts; then a call that starts a worker, from a
                # thread: the first one waits until the fork server has loaded the libraries
                executor = self._pool()
                try:
                    if _all_started(executor, self.workers):  # no process to start: at once
                        future = executor.submit(function, *args)
                    else:
                        future = await asyncio.to_thread(_submit, executor, function, args)
                    return await asyncio.wait_for(asyncio.wrap_future(future), budget)
                finally:
                    self._done()
        except TimeoutError:
            raise late() from None
        except BrokenProcessPool:
            if executor is self._closed:  # stopped on purpose (an interrupted ingest)
                raise asyncio.CancelledError from None
            self._replace(executor)
            raise WorkerCrashedError(crashed) from None

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        """Drop a broken pool (unless another caller already has); the next call makes one."""
        with self._making:
            if self._executor is broken:
                broken.shutdown(wait=False, cancel_futures=True)
                self._executor = None

    def close(self) -> None:
        """Stop the workers now, even one in the middle of an article (whose caller
        gets CancelledError: the work was stopped, not crashed).

        A shutdown must not wait out an article's budget (``docker stop`` allows 10 s);
        an article cut short was not stored, so the next ingest reads it again.
        """
        with self._making:
            executor, self._executor = self._executor, None
            if self._idle_timer is not None:
                self._idle_timer.cancel()
        if executor is None:
            return
        self._closed = executor  # its work under way is cancelled, not crashed
        workers = list(getattr(executor, "_processes", {}).values())  # not public API
        executor.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
        for worker in workers:
            worker.join(timeout=2)

    async def __aenter__(self) -> SummaryPool:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        await asyncio.to_thread(self.close)


def _all_started(executor: ProcessPoolExecutor, workers: int) -> bool:
    """Whether every worker of ``executor`` is running, so that a submit starts none."""
    return len(getattr(executor, "_processes", None) or ()) >= workers  # not public API


def _submit(
    executor: ProcessPoolExecutor, function: Callable[..., T], args: tuple[Any, ...]
) -> Future[T]:
    """Hand ``function(*args)`` to the pool, which may start a worker process for it."""
    with _quiet_ctrl_c():
        return executor.submit(function, *args)


@contextmanager
def _quiet_ctrl_c() -> Iterator[None]:
    """Block SIGINT in this thread for a moment: a process started meanwhile inherits the
    block (through fork and exec), so Ctrl-C cannot interrupt it before it ignores SIGINT.
    A Ctrl-C that arrives meanwhile waits, and is handled as soon as the block ends."""
    if not hasattr(signal, "pthread_sigmask"):  # not POSIX
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
