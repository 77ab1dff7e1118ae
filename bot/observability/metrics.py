"""Counters and a histogram in Prometheus text format (exposition format 0.0.4), no dependency.

:class:`Registry` holds metric families and renders them for ``GET /metrics``;
:class:`Metrics` is the bot's own set, with one method per thing worth counting::

    metrics = Metrics(known_commands=[spec.name for spec in COMMANDS])
    metrics.command_served("brief", reply.error)     # an ErrorKind or None
    metrics.digest_delivered("sent")                 # DigestDelivery.deliver's answer
    metrics.ingest_finished(report)                  # an IngestReport
    metrics.summarized(0.42)                         # seconds for one article
    metrics.error("internal")

Every update takes a lock, so threads (``asyncio.to_thread``) and the loop may share one.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Mapping
from typing import Protocol, TypeVar

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
SUMMARY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
OTHER = "other"  # the label value for a command name that is not a known command

Labels = tuple[str, ...]


class Metric(Protocol):
    name: str

    def render(self) -> list[str]: ...


M = TypeVar("M", bound=Metric)


class Counter:
    """A value that only goes up, optionally one per combination of label values."""

    def __init__(self, name: str, help_text: str, labels: Iterable[str] = ()) -> None:
        self.name, self.help, self.labels = name, help_text, tuple(labels)
        self._values: dict[Labels, float] = {} if self.labels else {(): 0.0}
        self._lock = threading.Lock()

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        if amount < 0:
            raise ValueError("a counter only goes up")
        key = _label_key(self.labels, labels)
        with self._lock:
            self._values[key] = self._values.get(key, 0.0) + amount

    def value(self, **labels: str) -> float:
        with self._lock:
            return self._values.get(_label_key(self.labels, labels), 0.0)

    def render(self) -> list[str]:
        with self._lock:
            values = dict(self._values)
        return _family(self.name, "counter", self.help, self.labels, values)


class Gauge:
    """A value that is set (connected or not, a timestamp), one per label combination."""

    def __init__(self, name: str, help_text: str, labels: Iterable[str] = ()) -> None:
        self.name, self.help, self.labels = name, help_text, tuple(labels)
        self._values: dict[Labels, float] = {}
        self._lock = threading.Lock()

    def set(self, value: float, **labels: str) -> None:
        with self._lock:
            self._values[_label_key(self.labels, labels)] = float(value)

    def render(self) -> list[str]:
        with self._lock:
            values = dict(self._values)
        return _family(self.name, "gauge", self.help, self.labels, values)


class Histogram:
    """Observations counted into cumulative buckets, with their sum and count."""

    def __init__(self, name: str, help_text: str, buckets: Iterable[float]) -> None:
        self.name, self.help = name, help_text
        self.buckets = tuple(sorted(float(b) for b in buckets if not math.isinf(b)))
        if not self.buckets:
            raise ValueError("a histogram needs at least one finite bucket")
        self._counts = [0] * (len(self.buckets) + 1)  # the last one is +Inf
        self._sum = 0.0
        self._lock = threading.Lock()

    def observe(self, value: float) -> None:
        index = next((i for i, bound in enumerate(self.buckets) if value <= bound), -1)
        with self._lock:
            self._counts[index] += 1
            self._sum += value

    @property
    def count(self) -> int:
        with self._lock:
            return sum(self._counts)

    def render(self) -> list[str]:
        with self._lock:
            counts, total = list(self._counts), self._sum
        lines = header(self.name, "histogram", self.help)
        running = 0
        for bound, count in zip((*self.buckets, math.inf), counts, strict=True):
            running += count
            lines.append(sample(f"{self.name}_bucket", {"le": _number(bound)}, running))
        lines.append(sample(f"{self.name}_sum", {}, total))
        lines.append(sample(f"{self.name}_count", {}, running))
        return lines


class Registry:
    """Metric families by name, rendered in the order they were made."""

    def __init__(self) -> None:
        self._metrics: dict[str, Metric] = {}
        self._lock = threading.Lock()

    def counter(self, name: str, help_text: str, labels: Iterable[str] = ()) -> Counter:
        return self._add(Counter(name, help_text, labels))

    def gauge(self, name: str, help_text: str, labels: Iterable[str] = ()) -> Gauge:
        return self._add(Gauge(name, help_text, labels))

    def histogram(self, name: str, help_text: str, buckets: Iterable[float]) -> Histogram:
        return self._add(Histogram(name, help_text, buckets))

    def _add(self, metric: M) -> M:
        with self._lock:
            if metric.name in self._metrics:
                raise ValueError(f"metric {metric.name} is already registered")
            self._metrics[metric.name] = metric
        return metric

    def render(self) -> str:
        with self._lock:
            metrics = list(self._metrics.values())
        return "".join(line + "\n" for metric in metrics for line in metric.render())


class _IngestReport(Protocol):
    new: int
    updated: int
    failed: int
    textless: int


class Metrics:
    """The bot's metrics; see the module docstring for who calls what."""

    def __init__(
        self, registry: Registry | None = None, *, known_commands: Iterable[str] | None = None
    ) -> None:
        r = self.registry = registry or Registry()
        self._known = frozenset(known_commands) if known_commands is not None else None
        self.articles_ingested = r.counter(
            "briefing_articles_ingested_total",
            "Articles stored by ingest, by outcome (new or updated).",
            ("outcome",),
        )
        self.summarization_seconds = r.histogram(
            "briefing_summarization_seconds",
            "Time to summarize one article in the worker pool, in seconds.",
            SUMMARY_BUCKETS,
        )
        self.commands = r.counter(
            "briefing_commands_total", "Chat commands served, by command name.", ("command",)
        )
        self.digests = r.counter(
            "briefing_digests_total",
            "Scheduled digest deliveries, by outcome (sent means posted).",
            ("outcome",),
        )
        self.errors = r.counter(
            "briefing_errors_total",
            "Errors by kind: a command's error kind, or internal for a bug.",
            ("kind",),
        )
        self.feed_failures = r.counter(
            "briefing_feed_failures_total",
            "Sources (feeds, pages, folders) that could not be read in an ingest run.",
        )
        self.feed_entries_without_text = r.counter(
            "briefing_feed_entries_without_text_total",
            "Feed entries found to hold no article text in an ingest run (a video, a "
            "picture, a page gone for good): neither stored nor failed.",
        )

    def command_served(self, name: str, error: str | None = None) -> None:
        """One command answered; ``error`` is its reply's ErrorKind (a str) or None."""
        name = name.strip().lower()
        if self._known is not None and name not in self._known:
            name = OTHER  # what people type must not make new series without bound
        self.commands.inc(command=name or OTHER)
        if error is not None:
            self.error(str(error))

    def error(self, kind: str) -> None:
        self.errors.inc(kind=str(kind))

    def digest_delivered(self, outcome: str) -> None:
        self.digests.inc(outcome=outcome)

    def ingest_finished(self, report: _IngestReport) -> None:
        if report.new:
            self.articles_ingested.inc(report.new, outcome="new")
        if report.updated:
            self.articles_ingested.inc(report.updated, outcome="updated")
        if report.failed:
            self.feed_failures.inc(report.failed)
        if report.textless:
            self.feed_entries_without_text.inc(report.textless)

    def summarized(self, seconds: float) -> None:
        self.summarization_seconds.observe(seconds)

    def render(self) -> str:
        return self.registry.render()


def header(name: str, kind: str, help_text: str) -> list[str]:
    """The ``# HELP`` and ``# TYPE`` lines of a metric family."""
    escaped = help_text.replace("\\", "\\\\").replace("\n", "\\n")
    return [f"# HELP {name} {escaped}", f"# TYPE {name} {kind}"]


def _family(
    name: str, kind: str, help_text: str, labels: Labels, values: Mapping[Labels, float]
) -> list[str]:
    lines = header(name, kind, help_text)
    for key, value in sorted(values.items()):
        lines.append(sample(name, dict(zip(labels, key, strict=True)), value))
    return lines


def sample(name: str, labels: Mapping[str, str], value: float) -> str:
    """One sample line: ``name{label="value",...} 1.5``."""
    if not labels:
        return f"{name} {_number(value)}"
    shown = ",".join(f'{key}="{_label_value(v)}"' for key, v in labels.items())
    return f"{name}{{{shown}}} {_number(value)}"


def _label_key(names: Labels, given: Mapping[str, str]) -> Labels:
    if set(given) != set(names):
        raise ValueError(f"labels must be exactly {list(names)}, not {sorted(given)}")
    return tuple(str(given[name]) for name in names)


def _label_value(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _number(value: float) -> str:
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if math.isnan(value):
        return "NaN"
    if float(value).is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(float(value))
