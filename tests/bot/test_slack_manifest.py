"""``bot/slack/manifest.yaml``: made from the command declarations, it parses, and it creates
every command the bot answers with the scopes and events the adapter uses.

PyYAML is not a dependency, so the manifest is read with the small reader below (block
mappings and sequences, plain and double-quoted scalars, comments: all the file uses). When
PyYAML happens to be installed, the two readings are compared.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.commands import COMMANDS
from bot.slack.manifest import manifest_text
from tests.processes import run_module

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "bot" / "slack" / "manifest.yaml"


def read_yaml(text: str) -> Any:
    lines = []
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        assert "\t" not in raw, "tabs are not YAML indentation"
        lines.append((len(raw) - len(raw.lstrip(" ")), stripped))
    value, end = _block(lines, 0, lines[0][0])
    assert end == len(lines), f"unparsed from line {lines[end]}"
    return value


def _block(lines: list[tuple[int, str]], i: int, indent: int) -> tuple[Any, int]:
    if lines[i][1].startswith("- "):
        items = []
        while i < len(lines) and lines[i][0] == indent and lines[i][1].startswith("- "):
            rest = lines[i][1][2:]
            if _key(rest) is not None:  # a mapping item: its first key sits after the dash
                lines[i] = (indent + 2, rest)
                item, i = _block(lines, i, indent + 2)
            else:
                item, i = _scalar(rest), i + 1
            items.append(item)
        return items, i
    mapping: dict[str, Any] = {}
    while i < len(lines) and lines[i][0] == indent:
        key = _key(lines[i][1])
        assert key is not None, f"expected a key: {lines[i][1]!r}"
        assert key not in mapping, f"duplicate key {key}"
        rest = lines[i][1][len(key) + 1 :].strip()
        if rest and not rest.startswith("#"):
            mapping[key], i = _scalar(rest), i + 1
        else:
            assert lines[i + 1][0] > indent, f"{key} has no value"
            mapping[key], i = _block(lines, i + 1, lines[i + 1][0])
    assert i == len(lines) or lines[i][0] < indent, f"bad indentation at {lines[i]}"
    return mapping, i


def _key(text: str) -> str | None:
    if text.startswith('"'):
        return None
    key, colon, rest = text.partition(":")
    return key if colon and (not rest or rest.startswith(" ")) and " " not in key else None


def _scalar(text: str) -> Any:
    if text.startswith('"'):
        end = 1
        while text[end] != '"':
            end += 2 if text[end] == "\\" else 1
        assert not text[end + 1 :].strip() or text[end + 1 :].strip().startswith("#")
        return json.loads(text[: end + 1])
    plain = text.split(" #", 1)[0].strip()
    assert not plain.startswith(("'", "[", "{", "&", "*", "!", "|", ">")), plain
    return {"true": True, "false": False}.get(plain, plain)


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return read_yaml(MANIFEST.read_text(encoding="utf-8"))


def test_the_manifest_creates_a_slash_command_for_every_command(manifest):
    commands = manifest["features"]["slash_commands"]
    assert [entry["command"] for entry in commands] == [f"/{name}" for name in COMMANDS.names]
    for entry, command in zip(commands, COMMANDS, strict=True):
        assert entry["description"] == command.summary
        assert len(entry["description"]) <= 2000
        assert entry["should_escape"] is False  # the adapter reads the text as typed
        takes = command.actions or any(a.typed for a in command.uses[0].arguments)
        assert bool(entry.get("usage_hint")) == bool(takes), command.name
        assert len(entry.get("usage_hint", "")) <= 1000
        for action in command.actions:
            assert action.name in entry["usage_hint"], (command.name, action.name)


def test_the_manifest_is_the_one_made_from_the_declarations():
    """``python -m bot.slack.manifest`` prints it; ``--write`` puts it in both places."""
    made = run_module("bot.slack.manifest", cwd=ROOT)
    assert made.returncode == 0, made.stderr
    assert made.stdout == manifest_text()
    shipped = MANIFEST.read_text(encoding="utf-8")
    assert shipped == made.stdout, "run `python -m bot.slack.manifest --write`"


def test_the_manifest_grants_the_scopes_and_events_the_adapter_uses(manifest):
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"commands", "chat:write", "app_mentions:read", "users:read"} <= scopes
    assert {"channels:read", "groups:read"} <= scopes  # conversations.info, .members
    assert manifest["settings"]["event_subscriptions"]["bot_events"] == ["app_mention"]
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert manifest["settings"]["interactivity"]["is_enabled"] is False
    assert manifest["features"]["bot_user"]["display_name"] == "briefing"
    assert len(manifest["display_information"]["name"]) <= 35
    assert len(manifest["display_information"]["description"]) <= 140


def test_the_reader_agrees_with_pyyaml_when_it_is_installed():
    yaml = pytest.importorskip("yaml", reason="PyYAML is not installed (not a dependency)")
    text = MANIFEST.read_text(encoding="utf-8")
    assert read_yaml(text) == yaml.safe_load(text)


def test_the_readme_shows_the_manifest_as_made():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- slack-manifest:start -->\n```yaml\n", "```\n<!-- slack-manifest:end -->"
    shown = readme[readme.index(start) + len(start) : readme.index(end)]
    assert shown == manifest_text(), "run `python -m bot.slack.manifest --write`"
