"""Run the project's real entry points (``python -m bot``, ``python -m summaries.cli``) as
processes, the way a user starts them, without the caller's tokens or config."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
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
