"""CPU time and bytes written by this process and its descendants, read from /proc (Linux).

A sampler thread reads ``/proc/<pid>/stat`` and ``/proc/<pid>/io`` of every descendant
every ``interval`` seconds and keeps the last figures of each (a worker that ends keeps
those of its last sample). Elsewhere than Linux every figure is 0.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

PROC = Path("/proc")
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass
class Usage:
    name: str
    cpu: float = 0.0  # seconds, user + system
    written: int = 0  # bytes sent to the storage layer (write_bytes)
    asked: int = 0  # bytes handed to write() and the like (wchar), cached or not


@dataclass
class Tree:
    """The figures of each process seen, by pid; :meth:`since` subtracts a start."""

    processes: dict[int, Usage] = field(default_factory=dict)
    server: float | None = None  # CPU seconds of a database server on this machine, if any

    def total(self, *, main: bool | None = None) -> Usage:
        me = os.getpid()
        chosen = [u for pid, u in self.processes.items() if main is None or (pid == me) == main]
        return Usage(
            "all",
            sum(u.cpu for u in chosen),
            sum(u.written for u in chosen),
            sum(u.asked for u in chosen),
        )


def _children() -> dict[int, int]:
    """pid -> parent pid of every process."""
    parents = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    return parents


def descendants(root: int) -> list[int]:
    parents = _children()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return found


def read(pid: int) -> Usage | None:
    try:
        stat = (PROC / str(pid) / "stat").read_text()
        io = (PROC / str(pid) / "io").read_text()
        comm = (PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    counters = dict(line.split(": ") for line in io.splitlines() if ": " in line)
    return Usage(
        comm[:60],
        (int(fields[11]) + int(fields[12])) / TICKS,
        int(counters.get("write_bytes", 0)),
        int(counters.get("wchar", 0)),
    )


def server_cpu(name: str = "postgres") -> float | None:
    """CPU seconds spent so far by the processes called ``name`` (a database server on this
    machine: its backends, and in their parent's figures for ended children, those that
    ended), or None when there is none."""
    total, found = 0, False
    for entry in PROC.iterdir() if PROC.is_dir() else ():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if stat[stat.index("(") + 1 : stat.rindex(")")] != name:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        total += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
        found = True
    return total / TICKS if found else None


class Sampler:
    """``with Sampler() as tree:`` ... then ``tree.processes`` holds the last figures."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.tree = Tree()
        self.start = Tree()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self, into: Tree) -> None:
        if not PROC.is_dir():
            return
        for pid in descendants(os.getpid()):
            usage = read(pid)
            if usage is not None:
                into.processes[pid] = usage

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample(self.tree)

    def __enter__(self) -> Tree:
        self.sample(self.start)
        self._thread.start()
        return self.tree

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample(self.tree)
        for pid, before in self.start.processes.items():  # what was spent before the start
            after = self.tree.processes.get(pid)
            if after is not None:
                after.cpu -= before.cpu
                after.written -= before.written
                after.asked -= before.asked
