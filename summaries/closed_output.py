"""A command-line reader that went away (`briefing search x | head`, `python -m bot | head`):
the program ends quietly, as Unix tools do, rather than report a broken pipe as a bug."""

from __future__ import annotations

import io
import os
from typing import TextIO


def silence(stdout: TextIO) -> None:
    """Point a closed pipe at /dev/null so that flushing it at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
