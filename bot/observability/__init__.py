"""Logs, metrics and health for a bot that runs unattended.

- :mod:`bot.observability.logs`: :func:`configure_logging` (one structured line per
  event, secrets redacted), installed once by the composition root.
- :mod:`bot.observability.metrics`: :class:`Metrics`, counters and a histogram in
  Prometheus text format.
- :mod:`bot.observability.health`: :class:`Health` (what the components report) and
  :class:`HealthServer` (``/healthz`` and ``/metrics``).
- :mod:`bot.observability.instrument`: the small wrappers that feed them from the
  command layer, the summary pool, digest delivery and ingest.
- :mod:`bot.observability.probe`: the container's HEALTHCHECK command.

Names are imported on first use, so the probe (run every 30 s) loads neither aiohttp
nor the core.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "configure_logging": "logs",
    "Redactor": "logs",
    "Metrics": "metrics",
    "Registry": "metrics",
    "Health": "health",
    "HealthServer": "health",
    "CountedCommands": "instrument",
    "CountedDigestDelivery": "instrument",
    "TimedSummaryPool": "instrument",
    "record_ingest": "instrument",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
