"""The README's configuration reference matches the schema and config.toml."""

from __future__ import annotations

import re
from pathlib import Path

from summaries.config_reference import described_keys, reference_markdown, schema_keys

ROOT = Path(__file__).resolve().parents[1]
BRACKETED = re.compile(r"`\[(\w+)\]\s+(\w+)")  # `[fetch] max_bytes`, wrapped or not


def test_every_key_of_the_schema_is_explained_in_config_toml():
    described = described_keys((ROOT / "config.toml").read_text(encoding="utf-8"))
    missing = [name for name, _ in schema_keys() if not described.get(name)]
    assert missing == []
    unknown = sorted(set(described) - {name for name, _ in schema_keys()})
    assert unknown == []  # config.toml explains no key the code does not read


def test_the_readme_reference_is_the_generated_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- config-reference:start -->\n", "<!-- config-reference:end -->"
    shown = readme[readme.index(start) + len(start) : readme.index(end)]
    expected = reference_markdown((ROOT / "config.toml").read_text(encoding="utf-8"))
    assert shown == expected, "run `python -m summaries.config_reference` and paste it"


def test_a_key_without_a_comment_is_noticed():
    described = described_keys("[fetch]\ntimeout = 10.0\n# per host\nper_host = 2\n")
    assert described == {"fetch.timeout": "", "fetch.per_host": "per host"}


def test_every_key_the_readme_names_is_one_the_reader_takes():
    """The prose names keys as `[section] key` or `section.key`; a misspelt or removed one
    would send an admin to a setting that stops start-up."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    accepted = {name for name, _ in schema_keys()}
    sections = "|".join(sorted({name.split(".")[0] for name in accepted}))
    named = {f"{section}.{key}" for section, key in BRACKETED.findall(readme)}
    named |= set(re.findall(rf"`((?:{sections})\.\w+)`", readme))
    assert len(named) > 30  # the patterns still find the README's way of naming keys
    assert sorted(named - accepted) == []
