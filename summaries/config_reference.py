"""The configuration reference, made from the schema and the comments of config.toml.

Every key comes from the schema in ``summaries.config`` (with its default); what it
means comes from the comment beside it in the shipped config.toml (or the comment
block above it). A test keeps the README's table equal to this output, so the
reference cannot drift from the code. Regenerate it with
``python -m summaries.config_reference``.
"""

from __future__ import annotations

import json
import re
import sys
import typing
from dataclasses import MISSING, fields, is_dataclass
from pathlib import Path
from typing import Any

from summaries.config import ChannelSettings, Settings

SHIPPED = Path(__file__).resolve().parents[1] / "config.toml"
_SECTION = re.compile(r"^#?\s*\[{1,2}(\w+)\]{1,2}\s*$")
_KEY = re.compile(r"^(#\s*)?(\w+)\s*=\s*(.*?)(?:\s+#\s*(.*))?$")
_CONTINUED = re.compile(r"^\s{8,}#\s*(.*)$")  # a comment aligned under an inline one


def described_keys(config_text: str) -> dict[str, str]:
    """``section.key`` -> its description, from config.toml's comments."""
    found: dict[str, str] = {}
    section, block, last = "", [], ""
    for raw in config_text.splitlines():
        line = raw.rstrip()
        header = _SECTION.match(line)
        if header:
            section, block, last = header.group(1), [], ""
            continue
        continued = _CONTINUED.match(line)
        if continued and last:
            found[last] = f"{found[last]} {continued.group(1)}".strip()
            continue
        key = _KEY.match(line)
        if key and section and (not key.group(1) or section == "channels"):
            name = f"{section}.{key.group(2)}"
            found[name] = (key.group(4) or " ".join(block)).strip()
            block, last = [], name
            continue
        last = ""
        if line.startswith("#"):
            block.append(line.lstrip("# ").strip())
        elif not line.strip():
            block = []
    return found


def schema_keys() -> list[tuple[str, Any]]:
    """(``section.key``, default) for every key the schema accepts, in schema order."""
    keys: list[tuple[str, Any]] = []
    hints = typing.get_type_hints(Settings)
    for section in fields(Settings):
        if section.name == "path":
            continue
        kind = hints[section.name]
        shape = ChannelSettings if section.name == "channels" else kind
        if not is_dataclass(shape):
            continue
        for spec in fields(shape):
            default = spec.default if spec.default is not MISSING else spec.default_factory()  # type: ignore[misc]
            keys.append((f"{section.name}.{spec.name}", default))
    return keys


def _shown(value: Any) -> str:
    """A default as TOML would spell it."""
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return "`" + json.dumps(list(value) if isinstance(value, tuple) else value) + "`"


def reference_markdown(config_text: str) -> str:
    """The Markdown table of every key, its default and what it does."""
    described = described_keys(config_text)
    rows = ["| Key | Default | What it does |", "|---|---|---|"]
    for name, default in schema_keys():
        text = described.get(name, "").replace("|", "\\|")
        rows.append(f"| `{name}` | {_shown(default)} | {text} |")
    return "\n".join(rows) + "\n"


def main() -> int:
    sys.stdout.write(reference_markdown(SHIPPED.read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
