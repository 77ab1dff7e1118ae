"""Naming a source to remove or retry, through the real slack-bolt app and the real
discord.py client against their fakes: none named is asked for, and one not found is
quoted as it was typed."""

from __future__ import annotations

import pytest

from summaries.store import open_store
from tests.bot.test_commands_as_said import discord_answers
from tests.bot.test_slack_channels import answer_text, answers


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        yield opened


@pytest.mark.parametrize("typed", ["retry", "retry #", "remove #"])
def test_no_source_named_is_asked_for_on_slack(store, tmp_path, typed):
    [answer] = answers(store, tmp_path, ("/sources", typed))
    text = answer_text(answer)
    action = typed.split()[0]
    assert f"Say which source: sources {action} &lt;url or #number&gt;" in text, text
    assert "No source" not in text


def test_no_source_named_to_retry_is_asked_for_on_discord(tmp_path):
    [said], _ = discord_answers(tmp_path, "!sources retry")
    assert "Say which source: sources retry <url or #number>" in said, said


@pytest.mark.parametrize(("typed", "shown"), [("remove #99", "'#99'"), ("retry #99", "'#99'")])
def test_a_source_not_found_is_quoted_as_typed(store, tmp_path, typed, shown):
    [answer] = answers(store, tmp_path, ("/sources", typed))
    text = answer_text(answer)
    assert f"No source {shown} is" in text, text
