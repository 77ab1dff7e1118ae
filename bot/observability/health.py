"""Is the bot healthy? Components report to a :class:`Health`; :class:`HealthServer` answers.

The runtime and the adapters only call setters, from any thread::

    health.adapter_connected("discord", True)    # on READY / RESUMED; False on disconnect
    health.scheduler_running(True)               # after the scheduler started; False at shutdown
    health.ingest_succeeded(now)                 # after an ingest run that read something

Healthy means: every adapter that has reported is connected, the scheduler is running,
and the last successful ingest (or, before the first, the start) is no older than
``stale_after``. An adapter that never reported is not expected (the console has none).

``HealthServer`` serves ``GET /healthz`` (200 or 503, a JSON body saying why) and
``GET /metrics`` (Prometheus text: the :class:`~bot.observability.metrics.Metrics`
and the health gauges) with aiohttp, on ``[health] host`` and ``port``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import TracebackType
from typing import Any, Protocol

from aiohttp import web

from bot.observability.metrics import CONTENT_TYPE, Metrics, header, sample
from summaries.clock import Clock, utc_now
from summaries.config import Settings

MIN_STALE_AFTER = timedelta(hours=1)


def stale_after_for(settings: Settings) -> timedelta:
    """How old the last good ingest may be: three ingest intervals, at least an hour."""
    return max(timedelta(minutes=3 * settings.schedule.ingest_minutes), MIN_STALE_AFTER)


@dataclass(frozen=True, slots=True)
class HealthStatus:
    healthy: bool
    problems: tuple[str, ...]
    adapters: dict[str, bool]
    scheduler_running: bool
    last_ingest: datetime | None
    ingest_age: timedelta | None  # since the last good ingest; None before the first
    stale_after: timedelta

    def as_json(self) -> dict[str, Any]:
        return {
            "status": "ok" if self.healthy else "unhealthy",
            "problems": list(self.problems),
            "adapters": {name: {"connected": up} for name, up in sorted(self.adapters.items())},
            "scheduler": {"running": self.scheduler_running},
            "ingest": {
                "last_success": self.last_ingest.isoformat() if self.last_ingest else None,
                "age_seconds": _seconds(self.ingest_age),
                "stale_after_seconds": _seconds(self.stale_after),
            },
        }


class ConnectionReport(Protocol):
    """What a chat adapter is given to report its connection (a :class:`Health`)."""

    def adapter_connected(self, name: str, connected: bool) -> None: ...


class Health:
    """What the components last reported; thread-safe."""

    def __init__(self, *, stale_after: timedelta = MIN_STALE_AFTER, clock: Clock = utc_now) -> None:
        self.stale_after = stale_after
        self._clock = clock
        self._started = clock()
        self._adapters: dict[str, bool] = {}
        self._scheduler = False
        self._last_ingest: datetime | None = None
        self._lock = threading.Lock()

    @classmethod
    def for_settings(cls, settings: Settings, *, clock: Clock = utc_now) -> Health:
        return cls(stale_after=stale_after_for(settings), clock=clock)

    def adapter_connected(self, name: str, connected: bool) -> None:
        with self._lock:
            self._adapters[name] = connected

    def scheduler_running(self, running: bool) -> None:
        with self._lock:
            self._scheduler = running

    def ingest_succeeded(self, when: datetime) -> None:
        with self._lock:
            if self._last_ingest is None or when > self._last_ingest:
                self._last_ingest = when

    def status(self) -> HealthStatus:
        now = self._clock()
        with self._lock:
            adapters, running, last = dict(self._adapters), self._scheduler, self._last_ingest
        problems = [f"{name} is not connected" for name, up in sorted(adapters.items()) if not up]
        if not running:
            problems.append("the scheduler is not running")
        age = now - last if last else None
        if now - (last or self._started) > self.stale_after:
            since = f"since {last.isoformat()}" if last else "since the start"
            problems.append(f"no successful ingest {since}")
        return HealthStatus(
            healthy=not problems,
            problems=tuple(problems),
            adapters=adapters,
            scheduler_running=running,
            last_ingest=last,
            ingest_age=age,
            stale_after=self.stale_after,
        )

    def render_metrics(self) -> str:
        """The health state as Prometheus gauges."""
        state = self.status()
        lines = header("briefing_healthy", "gauge", "1 when /healthz answers 200, else 0.")
        lines.append(sample("briefing_healthy", {}, int(state.healthy)))
        name = "briefing_adapter_connected"
        lines += header(name, "gauge", "1 while a chat adapter's connection is up.")
        lines += [sample(name, {"adapter": a}, int(up)) for a, up in sorted(state.adapters.items())]
        name = "briefing_scheduler_running"
        lines += header(name, "gauge", "1 while the digest scheduler runs.")
        lines.append(sample(name, {}, int(state.scheduler_running)))
        if state.last_ingest is not None:
            name = "briefing_last_ingest_success_timestamp_seconds"
            lines += header(name, "gauge", "When the last successful ingest finished (Unix time).")
            lines.append(sample(name, {}, state.last_ingest.timestamp()))
        return "".join(line + "\n" for line in lines)


class HealthServer:
    """``/healthz`` and ``/metrics`` over HTTP; ``async with HealthServer(...) as server``."""

    def __init__(
        self,
        health: Health,
        metrics: Metrics | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 8080,
    ) -> None:
        self.health, self.metrics = health, metrics
        self.host, self._port = host, port
        self._runner: web.AppRunner | None = None

    @property
    def port(self) -> int:
        """The port it listens on (the one chosen by the system when 0 was asked for)."""
        return self._port

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        return f"http://{host}:{self.port}"

    async def start(self) -> None:
        """Listen; OSError (e.g. the port is taken) is the caller's to report."""
        app = web.Application()
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/metrics", self._metrics)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self._port)
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        address = runner.addresses[0]
        self._port = int(address[1])

    async def close(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    async def __aenter__(self) -> HealthServer:
        await self.start()
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        await self.close()

    async def _healthz(self, request: web.Request) -> web.Response:
        state = self.health.status()
        return web.json_response(
            state.as_json(),
            status=200 if state.healthy else 503,
            headers={"Cache-Control": "no-store"},
        )

    async def _metrics(self, request: web.Request) -> web.Response:
        text = (self.metrics.render() if self.metrics else "") + self.health.render_metrics()
        return web.Response(
            body=text.encode("utf-8"),
            headers={"Content-Type": CONTENT_TYPE, "Cache-Control": "no-store"},
        )


def _seconds(delta: timedelta | None) -> float | None:
    return round(delta.total_seconds(), 3) if delta is not None else None
