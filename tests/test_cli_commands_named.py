"""``briefing --help``, the module's docstring and the README name the commands that exist,
all of them and no other, so a command added, renamed or removed cannot leave one behind."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

import summaries.cli
from summaries.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def commands_of(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The subcommands ``parser`` runs, by name."""
    (found,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(found.choices)


def help_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


def listed(help_text: str) -> set[str]:
    """The names an argparse help lists under its COMMAND or ACTION heading."""
    return set(re.findall(r"^ {4}([a-z][\w-]*)(?: |$)", help_text, re.MULTILINE))


def readme_commands() -> list[str]:
    """``briefing X ...`` as the README writes it: in code blocks and in `code` in prose."""
    shown = re.findall(r"(?:`|bin/|exec bot )briefing ((?:[a-z][\w-]*)(?: [a-z][\w-]*)?)", README)
    for block in re.findall(r"^```[a-z]*\n(.*?)^```", README, re.MULTILINE | re.DOTALL):
        shown += re.findall(r"^\s*(?:\S*/)?briefing ([a-z][\w-]*(?: [a-z][\w-]*)?)", block, re.M)
    return shown


def test_help_lists_every_command_and_every_sources_action(capsys):
    commands = commands_of(build_parser())
    assert listed(help_of([], capsys)) == set(commands)
    actions = commands_of(commands["sources"])
    assert listed(help_of(["sources"], capsys)) == set(actions)


def test_the_module_docstring_names_the_commands_that_exist():
    named = re.findall(r"^ {4}briefing ([\w-]+)(?: ([a-z|]+)\b)?", summaries.cli.__doc__, re.M)
    commands = commands_of(build_parser())
    assert {name for name, _ in named} == set(commands)
    (sources,) = [actions for name, actions in named if name == "sources"]
    assert set(sources.split("|")) == set(commands_of(commands["sources"]))


def test_the_readme_shows_every_command_and_no_other():
    commands = commands_of(build_parser())
    shown = readme_commands()
    assert {line.split()[0] for line in shown} == set(commands)
    actions = {line.split()[1] for line in shown if line.startswith("sources ")}
    assert actions == set(commands_of(commands["sources"]))
