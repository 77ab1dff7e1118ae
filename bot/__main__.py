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

When one adapter fails: a ConfigError or another BriefingError from its ``run()`` (a
refused token, a platform that cannot be reached at start) stops the whole process with
its message (exit 2 or 1), as the operator must fix it. Any other error ends that adapter
only: it is logged with an incident id and reported down on ``/healthz``, while the other
adapter goes on serving. The process ends (exit 70) when no adapter is left running.

Logging is configured once, right after the settings are read (``[logging]``: one
structured line per event on stderr, secrets redacted). With ``[health] enabled`` the
``/healthz`` and ``/metrics`` endpoint runs beside the chat adapters.

Stopping: SIGTERM (``docker stop``) or SIGINT (Ctrl-C) stops the bot gracefully. It
takes no new commands and starts no new jobs, lets the commands and digests in flight
finish for up to ``DRAIN_SECONDS`` (the adapters stay connected meanwhile, so a digest
being posted is posted and marked sent), then closes the adapters, the health endpoint
and the runtime, and exits 0, well within the 10 s ``docker stop`` waits before it
kills. A second signal skips the wait.
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
from collections.abc import Iterable, Mapping, Sequence
from contextlib import suppress
from typing import TYPE_CHECKING, Protocol

from summaries import BriefingError, ConfigError, closed_output
from summaries.config import (
    CONFIG_HELP,
    HealthSettings,
    Settings,
    WebSettings,
    load_settings,
)

if TYPE_CHECKING:
    from bot.observability.health import HealthServer
    from bot.runtime import BotRuntime
    from bot.web import Dashboard

log = logging.getLogger("briefing.bot")

ADAPTERS = {"discord": "bot.discord", "slack": "bot.slack"}
EXIT_OK, EXIT_FAILED, EXIT_CONFIG, EXIT_BUG = 0, 1, 2, 70
DRAIN_SECONDS = 6.0  # of the 10 s docker stop allows; closing everything takes the rest
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


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


async def run_chat(
    settings: Settings,
    backends: Sequence[str],
    environ: Mapping[str, str],
    stop: asyncio.Event | None = None,
) -> int:
    """Run the chat adapters over one runtime until they stop or ``stop`` is set; then
    drain (see the module docstring) and close everything."""
    from bot.runtime import BotRuntime

    stop = stop or asyncio.Event()
    runtime = await BotRuntime.open(settings)
    adapters: list[ChatAdapter] = []
    server: HealthServer | None = None
    dashboard: Dashboard | None = None
    try:
        for name in backends:
            module = importlib.import_module(ADAPTERS[name])
            adapters.append(module.create_adapter(runtime, settings, environ))
        if settings.health.enabled:
            server = await start_health(runtime, settings.health)
        if settings.web.enabled:
            dashboard = await start_dashboard(runtime, settings, environ)
        await runtime.start()
        code = await _run_until_stopped(dict(zip(backends, adapters, strict=True)), runtime, stop)
    finally:
        await _close_adapters(adapters)
        if dashboard is not None:
            await dashboard.close()
        if server is not None:
            await server.close()
        await runtime.close()
        log.info("stopped: the adapters, the endpoints and the runtime are closed")
    return code


async def start_health(runtime: BotRuntime, settings: HealthSettings) -> HealthServer:
    """The /healthz and /metrics endpoint; a port it cannot have is a configuration problem."""
    from bot.observability.health import HealthServer

    server = HealthServer(runtime.health, runtime.metrics, host=settings.host, port=settings.port)
    try:
        await server.start()
    except OSError as error:
        reason = error.strerror or str(error)
        raise ConfigError(
            f"The health endpoint cannot listen on {settings.host}:{settings.port} ({reason}). "
            "Set [health] port to a free port, or [health] enabled = false."
        ) from None
    log.info("health endpoint listening on %s (/healthz, /metrics)", server.url)
    return server


async def start_dashboard(
    runtime: BotRuntime, settings: Settings, environ: Mapping[str, str]
) -> Dashboard:
    """The admin dashboard ([web]); a port it cannot have is a configuration problem."""
    from bot.web import Dashboard

    dashboard = Dashboard(runtime, settings, environ)
    try:
        await dashboard.start()
    except OSError as error:
        await dashboard.close()
        raise ConfigError(_port_problem("dashboard", settings.web, error)) from None
    log.info("dashboard listening on %s (open %s)", dashboard.url, settings.web.base_url())
    return dashboard


def _port_problem(what: str, settings: WebSettings, error: OSError) -> str:
    reason = error.strerror or str(error)
    return (
        f"The {what} cannot listen on {settings.host}:{settings.port} ({reason}). "
        "Set [web] port to a free port, or [web] enabled = false."
    )


async def _run_until_stopped(
    adapters: Mapping[str, ChatAdapter], runtime: BotRuntime, stop: asyncio.Event
) -> int:
    """Run every adapter until ``stop`` is set (then drain the runtime while they stay
    connected; EXIT_OK) or none is left running (EXIT_BUG if one of them failed). A
    BriefingError from an adapter is raised; any other error ends that adapter alone
    (see the module docstring)."""
    tasks = {asyncio.ensure_future(adapter.run()): name for name, adapter in adapters.items()}
    stopping = asyncio.ensure_future(stop.wait())
    failed: list[str] = []
    try:
        pending = set(tasks)
        while pending:
            done, pending = await asyncio.wait(
                pending | {stopping}, return_when=asyncio.FIRST_COMPLETED
            )
            if stopping in done:
                log.info("stopping: no new commands or jobs from now on")
                await runtime.drain(DRAIN_SECONDS)
                return EXIT_OK
            pending.discard(stopping)
            failed += [tasks[task] for task in done if _failed(tasks[task], task, runtime)]
            if failed and pending:
                log.warning("still serving on %s", ", ".join(tasks[task] for task in pending))
        if failed:
            log.error("no chat adapter is left running (%s failed)", ", ".join(failed))
            return EXIT_BUG
        return EXIT_OK
    finally:
        stopping.cancel()
        await _end_adapters(tasks, list(adapters.values()))
        await asyncio.gather(stopping, return_exceptions=True)


async def _end_adapters(
    tasks: Iterable[asyncio.Future[None]], adapters: Sequence[ChatAdapter]
) -> None:
    """Cancel the adapters' ``run()`` and close the adapters, then wait for ``run()`` to end.

    Cancelling alone is not enough: a cancel that arrives just as an awaited step completes
    can be lost (``asyncio.wait_for`` before Python 3.12 returns the step's result instead,
    and discord.py's ``connect`` wraps the gateway handshake in it), and ``run()`` would
    then go on serving while this waits for it. Closing the adapter ends its connection, so
    ``run()`` ends either way.
    """
    for task in tasks:
        task.cancel()
    await _close_adapters(adapters)
    await asyncio.gather(*tasks, return_exceptions=True)


async def _close_adapters(adapters: Sequence[ChatAdapter]) -> None:
    """Close every adapter, the last created first; closing one twice does no harm."""
    for adapter in reversed(adapters):
        with suppress(Exception):
            await adapter.close()


def _failed(name: str, task: asyncio.Future[None], runtime: BotRuntime) -> bool:
    """Whether the ended adapter ``name`` failed; its BriefingError is raised, any other
    error is logged with an incident id and the adapter reported down."""
    error = None if task.cancelled() else task.exception()
    if error is None:
        log.info("the %s adapter has ended", name)
        return False
    if isinstance(error, BriefingError):
        raise error
    incident = uuid.uuid4().hex[:8]
    log.error(
        "incident %s: the %s adapter stopped on an unexpected error", incident, name, exc_info=error
    )
    runtime.health.adapter_connected(name, False)
    return True


async def _serve(
    settings: Settings, console: bool, environ: Mapping[str, str], asked_for_console: bool
) -> int:
    """Run the chat adapters (or the console) until the end or a stop signal."""
    backends = [] if console else chat_backends(settings, environ)
    stop = asyncio.Event()
    if backends:
        work = asyncio.ensure_future(run_chat(settings, backends, environ, stop))
    else:
        from bot.console import run_console

        work = asyncio.ensure_future(run_console(settings, without_token=not asked_for_console))

    def stop_signal() -> None:
        if backends and not stop.is_set():
            stop.set()  # the graceful way: drain, then close
        else:
            work.cancel()  # the console, or a second signal: close at once

    loop = asyncio.get_running_loop()
    installed = []
    for number in STOP_SIGNALS:
        with suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(number, stop_signal)
            installed.append(number)
    try:
        return await work
    except asyncio.CancelledError:
        if not work.cancelled():
            raise
        return EXIT_OK
    finally:
        for number in installed:
            loop.remove_signal_handler(number)


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Run the briefing bot.")
    parser.add_argument("--config", metavar="PATH", help=CONFIG_HELP)
    parser.add_argument(
        "--console",
        action="store_true",
        help="chat with the bot in this terminal (what runs anyway when no chat token is set)",
    )
    args = parser.parse_args(argv)
    environ = os.environ if environ is None else environ
    try:
        settings = load_settings(args.config)
    except ConfigError as error:  # nothing has logged yet: one plain line is the whole story
        print(f"bot: configuration problem: {error}", file=sys.stderr)
        return EXIT_CONFIG
    from bot.observability.logs import configure_logging, remove_logging

    handler = configure_logging(settings, environ=environ)
    console = args.console or not chat_backends(settings, environ)
    if console:  # the terminal is the conversation: only warnings and errors interrupt it
        root = logging.getLogger()
        root.setLevel(max(root.level, logging.WARNING))
    try:
        return asyncio.run(_serve(settings, console, environ, args.console))
    except KeyboardInterrupt:
        return EXIT_OK
    except BrokenPipeError:  # the console's reader went away (`python -m bot | head`)
        closed_output.silence(sys.stdout)
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
    finally:
        remove_logging(handler)


if __name__ == "__main__":
    sys.exit(main())
