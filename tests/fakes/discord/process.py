"""``python -m bot`` as a real process against the fake Discord: its config file, its
environment, starting it, and stopping it with a signal as ``docker stop`` does.

    config = write_config(tmp_path, fake, extra='[health]\\nenabled = true\\n')
    bot = await BotProcess.start(tmp_path, fake)
    ...
    code, seconds = await bot.stop()          # SIGTERM; the exit code and how long it took
    assert fake.token not in bot.log()

The process's stdout and stderr go to a file in the directory (``bot-1.log``, ...), so a
chatty DEBUG log can never fill a pipe and stall it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

from tests.fakes.discord.server import FakeDiscord

ROOT = Path(__file__).resolve().parents[3]  # the project: where ``tests`` is importable from
SECRET_VARIABLES = ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")


def write_config(directory: Path, fake: FakeDiscord, extra: str = "") -> Path:
    """config.toml for a bot on ``fake``: its database in ``directory``, one summarizing
    worker, plus ``extra`` (more TOML sections)."""
    path = directory / "config.toml"
    path.write_text(
        f'[store]\npath = "{directory / "bot.db"}"\n\n'
        "[ingest]\nworkers = 1\n\n"
        f'[discord]\napi_base = "{fake.api_base}"\ngateway_url = "{fake.gateway_url}"\n\n' + extra,
        encoding="utf-8",
    )
    return path


def free_port() -> int:
    """A loopback port nobody listens on just now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class BotProcess:
    """One ``python -m bot`` run in ``directory`` (which holds its config.toml)."""

    def __init__(self, process: asyncio.subprocess.Process, log_path: Path) -> None:
        self.process = process
        self.log_path = log_path

    @classmethod
    async def start(
        cls,
        directory: Path,
        fake: FakeDiscord | None,
        env: Mapping[str, str] | None = None,
        *,
        clock_ahead: float | None = None,
    ) -> BotProcess:
        """Start it with ``fake``'s token in DISCORD_TOKEN (None: no Discord token) and
        ``env`` (more variables, such as the Slack tokens) in its environment; with
        ``clock_ahead``, its wall clock runs that many seconds ahead (``tests.shifted_clock``)."""
        environ = dict(env or {})
        if fake is not None:
            environ["DISCORD_TOKEN"] = fake.token
        argv = ["-m", "bot"]
        if clock_ahead is not None:
            argv = ["-m", "tests.shifted_clock", str(clock_ahead), "bot"]
            environ["PYTHONPATH"] = os.pathsep.join(
                [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
            )
        return await cls.launch(directory, argv, environ, "bot")

    @classmethod
    async def launch(
        cls, directory: Path, argv: list[str], env: Mapping[str, str], name: str
    ) -> BotProcess:
        """``python argv`` in ``directory`` with no chat secrets of ours, plus ``env``; its
        output in ``<name>-<n>.log`` there."""
        environ = {k: v for k, v in os.environ.items() if k not in SECRET_VARIABLES}
        environ.pop("BRIEFING_CONFIG", None)
        environ.update(env)
        runs = len(list(directory.glob(f"{name}-*.log")))
        log_path = directory / f"{name}-{runs + 1}.log"
        with log_path.open("wb") as log:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                *argv,
                cwd=directory,
                env=environ,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        return cls(process, log_path)

    async def stop(self, number: int = signal.SIGTERM, timeout: float = 10.0) -> tuple[int, float]:
        """Send ``number`` and wait for the exit: (exit code, seconds it took)."""
        loop = asyncio.get_running_loop()
        sent = loop.time()
        self.process.send_signal(number)
        try:
            code = await asyncio.wait_for(self.process.wait(), timeout)
        except TimeoutError:
            raise AssertionError(
                f"the bot did not exit within {timeout} s of signal {number}:\n{self.log()}"
            ) from None
        return code, loop.time() - sent

    async def ended(self, timeout: float = 30.0) -> int:
        """The code the process exits with on its own (no signal sent)."""
        try:
            return await asyncio.wait_for(self.process.wait(), timeout)
        except TimeoutError:
            raise AssertionError(f"the bot did not exit on its own:\n{self.log()}") from None

    async def logged(self, text: str, timeout: float = 30.0) -> None:
        """Wait until ``text`` is in the process's log."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while text not in self.log():
            if loop.time() > deadline or self.process.returncode is not None:
                raise AssertionError(f"{text!r} not in the log:\n{self.log()}")
            await asyncio.sleep(0.1)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    async def kill(self) -> None:
        """For a test's ``finally``: end the process if it still runs."""
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()
            await self.process.wait()
