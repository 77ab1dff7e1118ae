"""The scale-out set-up: compose.yaml stays the one-container SQLite bot; compose.scale.yaml
adds PostgreSQL and workers over the same image, with settings that put store and queue
in that database."""

from __future__ import annotations

from pathlib import Path

import yaml

from summaries.config import load_settings
from summaries.jobs import queue_url

REPO = Path(__file__).resolve().parents[2]


def services(name: str) -> dict:
    return yaml.safe_load((REPO / name).read_text(encoding="utf-8"))["services"]


def test_the_single_container_setup_is_unchanged_and_needs_no_database_server():
    assert set(services("compose.yaml")) == {"bot"}
    settings = load_settings(REPO / "deploy" / "config.toml")
    assert queue_url(settings) is None  # SQLite: no queue, no worker


def test_the_scale_out_file_adds_postgresql_and_workers_on_the_same_image():
    bot = services("compose.yaml")["bot"]
    scale = services("compose.scale.yaml")
    assert scale["db"]["image"].startswith("postgres:15")
    worker = scale["worker"]
    assert worker["image"] == bot["image"]
    assert worker["entrypoint"] == ["briefing", "worker"]
    assert "--queues" in worker["command"]
    config = "./deploy/config.scale.toml:/etc/briefing/config.toml:ro"
    assert config in worker["volumes"] and config in scale["bot"]["volumes"]
    for service in (worker, scale["bot"]):
        assert service["depends_on"]["db"]["condition"] == "service_healthy"
        assert "PGPASSWORD" in service["environment"]  # never in the settings file
    settings = load_settings(REPO / "deploy" / "config.scale.toml")
    url = queue_url(settings)
    assert url is not None and "@db:" in url and ":" not in url.split("//")[1].split("@")[0]


def test_the_readme_shows_the_single_container_first_then_how_to_scale_out():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    single = readme.index("docker compose up -d ")
    scale = readme.index("docker compose -f compose.yaml -f compose.scale.yaml up -d")
    assert single < scale
    assert "briefing worker" in readme[scale - 3000 : scale + 3000]
