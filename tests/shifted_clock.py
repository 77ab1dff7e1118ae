"""``python -m tests.shifted_clock SECONDS MODULE [ARGS...]``: run ``python -m MODULE`` with
the wall clock moved SECONDS ahead of the real one and ticking (time-machine), so a test
can have real processes cross a digest time without waiting for it. Timers (the event
loop's monotonic clock) are untouched: the processes wait real seconds between ticks."""

from __future__ import annotations

import runpy
import sys
from datetime import UTC, datetime, timedelta

import time_machine


def main() -> None:
    seconds, module, *rest = sys.argv[1:]
    sys.argv = [module, *rest]
    moment = datetime.now(UTC) + timedelta(seconds=float(seconds))
    with time_machine.travel(moment, tick=True):
        runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
