"""Metrics: Prometheus text format that parses line by line, exact under threads, over HTTP."""

from __future__ import annotations

import asyncio
import math
import re
import threading

import aiohttp
import pytest

from bot.observability.health import Health, HealthServer
from bot.observability.metrics import CONTENT_TYPE, Metrics, Registry
from bot.replies import ErrorKind
from summaries.ingest import IngestReport

METRIC_NAME = r"[a-zA-Z_:][a-zA-Z0-9_:]*"
SAMPLE = re.compile(rf"^({METRIC_NAME})(?:\{{(.*)\}})? (\S+)$")
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"')
TYPES = {"counter", "gauge", "histogram", "summary", "untyped"}


def parse_exposition(text):
    """Prometheus text format 0.0.4, strictly: every family has HELP then TYPE, once, and
    every sample belongs to the family above it. Returns {family: {help, type, samples}}."""
    assert text.endswith("\n")
    families, current = {}, None
    for line in text.splitlines():
        if line.startswith("# HELP "):
            name, help_text = line[len("# HELP ") :].split(" ", 1)
            assert re.fullmatch(METRIC_NAME, name) and name not in families, line
            families[name] = {"help": help_text, "type": None, "samples": []}
            current = name
        elif line.startswith("# TYPE "):
            name, kind = line[len("# TYPE ") :].split(" ")
            assert name == current and families[name]["type"] is None, line
            assert kind in TYPES, line
            families[name]["type"] = kind
        else:
            assert not line.startswith("#") and line, f"unexpected line {line!r}"
            match = SAMPLE.match(line)
            assert match, f"not a sample line: {line!r}"
            name, raw_labels, raw_value = match.groups()
            family = families[current]
            allowed = {current}
            if family["type"] == "histogram":
                allowed = {f"{current}_bucket", f"{current}_sum", f"{current}_count"}
            assert name in allowed, line
            labels = {}
            if raw_labels is not None:
                pairs = LABEL.findall(raw_labels)
                assert ",".join(f'{k}="{v}"' for k, v in pairs) == raw_labels, line
                labels = {k: _unescape(v) for k, v in pairs}
            value = float(raw_value)  # accepts +Inf, -Inf, NaN
            family["samples"].append((name, labels, value))
    assert all(f["type"] for f in families.values())
    return families


def _unescape(value):
    return re.sub(r"\\(.)", lambda m: {"n": "\n"}.get(m[1], m[1]), value)


def value_of(families, family, name=None, **labels):
    (value,) = [
        v
        for sample_name, sample_labels, v in families[family]["samples"]
        if sample_name == (name or family) and sample_labels == labels
    ]
    return value


def test_the_bots_metrics_render_as_valid_exposition_text():
    metrics = Metrics(known_commands=["brief", "summarize", "help"])
    metrics.command_served("brief")
    metrics.command_served("BRIEF", ErrorKind.BAD_INPUT)
    metrics.command_served("rm -rf /")  # what people type must not create a series
    metrics.digest_delivered("sent")
    metrics.digest_delivered("sent")
    metrics.digest_delivered("failed")
    metrics.error("internal")
    metrics.ingest_finished(IngestReport(sources=4, fetched=3, new=5, updated=1, failed=1))
    for seconds in (0.004, 0.3, 42.0):
        metrics.summarized(seconds)

    families = parse_exposition(metrics.render())

    assert families["briefing_commands_total"]["type"] == "counter"
    assert value_of(families, "briefing_commands_total", command="brief") == 2
    assert value_of(families, "briefing_commands_total", command="other") == 1
    assert value_of(families, "briefing_errors_total", kind="bad_input") == 1
    assert value_of(families, "briefing_errors_total", kind="internal") == 1
    assert value_of(families, "briefing_digests_total", outcome="sent") == 2
    assert value_of(families, "briefing_digests_total", outcome="failed") == 1
    assert value_of(families, "briefing_articles_ingested_total", outcome="new") == 5
    assert value_of(families, "briefing_articles_ingested_total", outcome="updated") == 1
    assert value_of(families, "briefing_feed_failures_total") == 1
    histogram = "briefing_summarization_seconds"
    assert families[histogram]["type"] == "histogram"
    buckets = [
        (labels["le"], v)
        for name, labels, v in families[histogram]["samples"]
        if name.endswith("_bucket")
    ]
    assert buckets[0] == ("0.01", 1)
    assert dict(buckets)["0.5"] == 2
    assert buckets[-1] == ("+Inf", 3)
    assert [v for _, v in buckets] == sorted(v for _, v in buckets)  # cumulative
    assert value_of(families, histogram, f"{histogram}_count") == 3
    assert math.isclose(value_of(families, histogram, f"{histogram}_sum"), 42.304)
    for name, family in families.items():
        assert family["help"], name
        if family["type"] == "counter":
            assert name.endswith("_total"), name


def test_label_values_and_help_texts_are_escaped():
    registry = Registry()
    counter = registry.counter("weird_total", "Help with a \\ backslash\nand a newline.", ["v"])
    tricky = 'a "quoted"\nvalue \\ with a backslash'
    counter.inc(v=tricky)

    families = parse_exposition(registry.render())

    assert families["weird_total"]["help"] == "Help with a \\\\ backslash\\nand a newline."
    assert value_of(families, "weird_total", v=tricky) == 1


def test_counting_from_many_threads_loses_nothing():
    metrics = Metrics()
    threads = [
        threading.Thread(
            target=lambda: [
                metrics.command_served("brief") or metrics.summarized(0.1) for _ in range(5000)
            ]
        )
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    families = parse_exposition(metrics.render())
    assert value_of(families, "briefing_commands_total", command="brief") == 40_000
    name = "briefing_summarization_seconds"
    assert value_of(families, name, f"{name}_count") == 40_000


def test_misuse_is_refused():
    registry = Registry()
    counter = registry.counter("things_total", "Things.", ["kind"])
    with pytest.raises(ValueError, match="only goes up"):
        counter.inc(-1, kind="a")
    with pytest.raises(ValueError, match="labels must be exactly"):
        counter.inc(colour="red")
    with pytest.raises(ValueError, match="already registered"):
        registry.counter("things_total", "Again.")


def test_metrics_are_served_over_http_with_the_health_gauges():
    async def scenario():
        metrics = Metrics()
        metrics.command_served("brief")
        health = Health()
        health.adapter_connected("discord", True)
        health.adapter_connected("slack", False)
        async with HealthServer(health, metrics, port=0) as server:
            async with aiohttp.ClientSession() as session:
                async with session.get(f"{server.url}/metrics") as response:
                    return response.status, response.headers["Content-Type"], await response.text()

    status, content_type, text = asyncio.run(scenario())

    assert status == 200
    assert content_type == CONTENT_TYPE
    families = parse_exposition(text)
    assert value_of(families, "briefing_commands_total", command="brief") == 1
    assert value_of(families, "briefing_adapter_connected", adapter="discord") == 1
    assert value_of(families, "briefing_adapter_connected", adapter="slack") == 0
    assert value_of(families, "briefing_scheduler_running") == 0
    assert value_of(families, "briefing_healthy") == 0
    assert "briefing_last_ingest_success_timestamp_seconds" not in families  # none yet
