"""``python -m bot``: the composition root.

Which backends run is decided from the environment: each chat platform whose token
variable (named in config.toml: ``[discord] token_env``, ``[slack] bot_token_env``) is
set runs; with none set, or with ``--console``, the terminal console runs instead, over
the sample articles when nothing else is configured (see :mod:`bot.console`).

How a chat adapter plugs in: the package named in ``ADAPTERS`` (``bot.discord``,
``bot.slack``) exposes ``create_adapter(runtime, settings, environ) -> ChatAdapter``. It
is called after ``BotRuntime.open`` and before ``runtime.start()``; it registers the
platform's Poster in ``runtime.posters`` and answers commands through
``runtime.commands``. ``main`` then awaits every adapter's ``run()`` (connect and serve
until cancelled) and, on the way out, ``close()`` and ``runtime.close()``.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import logging
import os
import signal
import sys
import uuid
from collections.abc import Mapping, Sequence
from contextlib import suppress
from typing import Protocol

from summaries import BriefingError, ConfigError
from summaries.config import Settings, load_settings

log = logging.getLogger("briefing.bot")

ADAPTERS = {"discord": "bot.discord", "slack": "bot.slack"}
EXIT_OK, EXIT_FAILED, EXIT_CONFIG, EXIT_BUG = 0, 1, 2, 70


class ChatAdapter(Protocol):
    """What ``create_adapter`` returns: one platform's connection."""

    async def run(self) -> None:
        """Connect and serve until cancelled or disconnected for good."""
        ...

    async def close(self) -> None: ...


def chat_backends(settings: Settings, environ: Mapping[str, str]) -> list[str]:
    """The chat platforms whose token is set in the environment, in ``ADAPTERS`` order."""
    token_env = {"discord": settings.discord.token_env, "slack": settings.slack.bot_token_env}
    return [name for name in ADAPTERS if environ.get(token_env[name], "").strip()]


async def run_chat(settings: Settings, backends: Sequence[str], environ: Mapping[str, str]) -> int:
    """Run the chat adapters over one runtime until they stop or the process is told to."""
    from bot.runtime import BotRuntime

    runtime = await BotRuntime.open(settings)
    adapters: list[ChatAdapter] = []
    try:
        for name in backends:
            module = importlib.import_module(ADAPTERS[name])
            adapters.append(module.create_adapter(runtime, settings, environ))
        await runtime.start()
        await _run_all(adapters)
    finally:
        for adapter in reversed(adapters):
            with suppress(Exception):
                await adapter.close()
        await runtime.close()
    return EXIT_OK


async def _run_all(adapters: Sequence[ChatAdapter]) -> None:
    """Run every adapter; the first to fail stops the others (and its error is raised)."""
    tasks = [asyncio.ensure_future(adapter.run()) for adapter in adapters]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        for task in done:
            task.result()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def _until_terminated(work: asyncio.Future[int] | asyncio.Task[int]) -> int:
    """Await ``work``; SIGTERM cancels it, so every ``finally`` closes what it opened."""
    loop = asyncio.get_running_loop()
    with suppress(NotImplementedError, RuntimeError):
        loop.add_signal_handler(signal.SIGTERM, work.cancel)
    try:
        return await work
    except asyncio.CancelledError:
        return EXIT_OK


async def _serve(settings: Settings, console: bool, environ: Mapping[str, str]) -> int:
    backends = [] if console else chat_backends(settings, environ)
    if backends:
        work = asyncio.ensure_future(run_chat(settings, backends, environ))
    else:
        from bot.console import run_console

        work = asyncio.ensure_future(run_console(settings))
    return await _until_terminated(work)


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Run the briefing bot.")
    parser.add_argument("--config", metavar="PATH", help="settings file (default ./config.toml)")
    parser.add_argument(
        "--console",
        action="store_true",
        help="chat with the bot in this terminal (what runs anyway when no chat token is set)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings(args.config)
    except ConfigError as error:
        print(f"bot: configuration problem: {error}", file=sys.stderr)
        return EXIT_CONFIG
    try:
        return asyncio.run(
            _serve(settings, args.console, os.environ if environ is None else environ)
        )
    except KeyboardInterrupt:
        return EXIT_OK
    except ConfigError as error:
        print(f"bot: configuration problem: {error}", file=sys.stderr)
        return EXIT_CONFIG
    except BriefingError as error:
        print(f"bot: {error}", file=sys.stderr)
        return EXIT_FAILED
    except Exception:
        incident = uuid.uuid4().hex[:8]
        log.exception("incident %s", incident)
        print(
            f"bot: unexpected error, incident {incident} (details in the log above)",
            file=sys.stderr,
        )
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
