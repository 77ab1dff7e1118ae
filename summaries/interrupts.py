"""Running a command's coroutine so that Ctrl-C stops it at once.

``asyncio.run`` turns the first Ctrl-C into a cancellation of the main task, but only once
the main thread runs Python code again. The kernel hands a process's SIGINT to any of its
threads that does not block it (the pool's, the store's, those of ``asyncio.to_thread``):
the main thread, asleep in the event loop's ``select``, then sleeps on until its next timer
or input, which for an ingest waiting on slow pages is a fetch time-out away. Here every
signal also writes to a socket the loop watches (``signal.set_wakeup_fd``), so the loop
wakes whichever thread received it.
"""

from __future__ import annotations

import asyncio
import signal
import socket
import threading
from collections.abc import Coroutine, Iterator
from contextlib import contextmanager, suppress
from typing import Any, TypeVar

T = TypeVar("T")


def run(main: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(main)``, woken by a signal whichever thread receives it."""
    with asyncio.Runner() as runner, _signals_wake(runner.get_loop()):
        return runner.run(main)


def run_without_waiting(main: Coroutine[Any, Any, T]) -> T:
    """:func:`run` on a loop of its own whose closing does not wait for the default
    executor's threads (``asyncio.run`` does): a name lookup still blocked in one after its
    deadline passed is left to finish on its own. A Ctrl-C cancels ``main``, lets it unwind
    (closing its connections), and is raised again."""
    loop = asyncio.new_event_loop()
    task = loop.create_task(main)
    try:
        with _signals_wake(loop):
            try:
                return loop.run_until_complete(task)
            except KeyboardInterrupt:
                task.cancel()
                with suppress(BaseException):
                    loop.run_until_complete(task)
                raise
    finally:
        try:
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()


@contextmanager
def _signals_wake(loop: asyncio.AbstractEventLoop) -> Iterator[None]:
    """While inside, a signal with a Python handler wakes ``loop`` (in the main thread)."""
    if threading.current_thread() is not threading.main_thread():  # no signals to handle
        yield
        return
    reader, writer = socket.socketpair()
    try:
        reader.setblocking(False)
        writer.setblocking(False)
        loop.add_reader(reader.fileno(), _drain, reader)
        previous = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        try:
            yield
        finally:
            signal.set_wakeup_fd(previous)
            loop.remove_reader(reader.fileno())
    finally:
        reader.close()
        writer.close()


def _drain(reader: socket.socket) -> None:
    """Empty the wakeup socket: it only had to wake the loop (the handler runs on its own)."""
    try:
        while reader.recv(4096):
            pass
    except (BlockingIOError, InterruptedError):
        pass
