"""Run the project's real entry points (``python -m bot``, ``python -m summaries.cli``) as
processes, the way a user starts them, without the caller's tokens or config."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

# Variables a test machine may carry that would change what the entry point does.
UNSET = (
    "DISCORD_TOKEN",
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "SLACK_SIGNING_SECRET",
    "BRIEFING_CONFIG",
)


def run_module(
    module: str,
    *argv: str,
    cwd: Path,
    stdin: str = "",
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m module argv...`` in ``cwd`` with ``env`` added, its output as text."""
    env = {**{k: v for k, v in os.environ.items() if k not in UNSET}, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", module, *argv],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
        cwd=cwd,
        env=env,
    )


def pool_processes(root: int | None = None) -> set[int]:
    """Live multiprocessing workers and fork servers (Linux /proc): every one, or those
    descending from ``root`` only. Not the resource tracker, which outlives no one."""
    found: dict[int, int] = {}  # pid -> parent pid
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            command = (proc / "cmdline").read_bytes()
            status = (proc / "status").read_text()
        except OSError:
            continue
        if b"spawn_main" in command or b"multiprocessing.forkserver" in command:
            parent = next(line for line in status.splitlines() if line.startswith("PPid:"))
            found[int(proc.name)] = int(parent.split()[1])
    if root is None:
        return set(found)
    family, grew = {root}, True
    while grew:  # workers are the fork server's children, the server the root's
        grew = False
        for pid, parent in found.items():
            if pid not in family and parent in family:
                family.add(pid)
                grew = True
    return family - {root}


def all_exited(pids: Iterable[int], seconds: float) -> bool:
    """Whether every process of ``pids`` is gone (or a zombie, done but not yet reaped)
    within ``seconds``."""
    deadline = time.monotonic() + seconds
    while any(_running(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def largest_high_water(process: subprocess.Popen, every: float = 0.05) -> int:
    """Wait for ``process``; the largest peak resident size (VmHWM, kB) it or one of its
    pool processes reached, read from /proc as they run (a worker forked by a fork
    server is no child of ``process``: its peak would not reach ``process``'s rusage)."""
    largest = 0
    while True:
        done = process.poll() is not None
        for pid in {process.pid, *pool_processes(process.pid)}:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    largest = max(largest, int(line.split()[1]))
        if done:
            return largest
        time.sleep(every)
