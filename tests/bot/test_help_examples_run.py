"""Every example help gives, typed as help shows it, through the real slack-bolt app
against the fake Slack Web API: each is read as the command it shows (none answered with
"Not quite"), asked by a workspace admin."""

from __future__ import annotations

import re

import pytest

from bot.commands import COMMANDS
from summaries.store import open_store
from tests.bot.test_slack_channels import answer_text, answers

EXAMPLES = re.compile(r"e\.g\. (.+)$", re.MULTILINE)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        yield opened


def test_every_example_in_help_runs_as_shown(store, tmp_path):
    helps = answers(store, tmp_path, *(("/help", command.name) for command in COMMANDS))
    shown = [
        example
        for answer in helps
        for found in EXAMPLES.findall(answer_text(answer))
        for example in found.split(", ")
    ]
    assert len(shown) == sum(len(command.examples) for command in COMMANDS) > 0
    typed = [tuple(example.replace("&quot;", '"').split(" ", 1)) for example in shown]
    ran = answers(store, tmp_path, *((f"/{name}", rest) for name, rest in typed))
    for (name, rest), answer in zip(typed, ran, strict=True):
        assert "Not quite" not in answer_text(answer), (name, rest, answer_text(answer))
