"""Commands typed as people say them, in a sentence: "help?", "digest now!", "schedule set
08:00, Europe/Berlin." and a 12-hour "9am". Through the real discord.py client against the
fake Discord, and the real slack-bolt app against the fake Slack Web API."""

from __future__ import annotations

import asyncio

import pytest

from summaries.store import open_store
from tests.bot.test_discord_commands import embeds_of, scenario
from tests.bot.test_slack_channels import answer_text, answers
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import bot_over_runtime, settings_for


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        yield opened


def discord_answers(tmp_path, *lines: str, admin: bool = True):
    """The text of the bot's answer to each prefixed line, typed in turn in #news."""

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                author = fake.alice if admin else fake.bob
                said = []
                for line in lines:
                    answer = await fake.reply_to(fake.news, author, line)
                    parts = [answer.get("content") or ""]
                    parts += [
                        f"{e.get('title', '')} {e.get('description', '')}"
                        for e in embeds_of(answer)
                    ]
                    said.append(" ".join(parts))
                channel = await asyncio.to_thread(
                    runtime.store.get_channel, f"discord:{fake.news.id}"
                )
                return said, channel

    return scenario(run, timeout=60)


@pytest.mark.parametrize("line", ["!help?", "!Help.", "!help!"])
def test_help_with_a_sentences_punctuation_lists_the_commands_on_discord(tmp_path, line):
    [said], _ = discord_answers(tmp_path, line, admin=False)
    assert "I do not know the command" not in said
    assert "brief" in said and "schedule" in said and "summarize" in said


def test_an_action_ending_a_sentence_is_that_action_on_discord(tmp_path):
    """ "schedule set 08:00, Europe/Berlin." sets 08:00 Berlin; "schedule show." shows it."""
    (changed, shown), channel = discord_answers(
        tmp_path, "!schedule set 08:00, Europe/Berlin.", "!schedule show."
    )
    assert (channel.time, channel.timezone) == ("08:00", "Europe/Berlin"), changed
    assert "08:00 (Europe/Berlin)" in shown and "has no" not in shown


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("set 9am", "schedule set 09:00."),
        ("set 9 pm Europe/Berlin", "schedule set 21:00 Europe/Berlin."),
        ("set 12am UTC", "schedule set 00:00 UTC."),
        ("set 9:30p.m.", "schedule set 21:30."),
    ],
)
def test_a_12_hour_time_is_answered_with_the_24_hour_one_to_type_on_slack(
    store, tmp_path, typed, meant
):
    [answer] = answers(store, tmp_path, ("/schedule", typed))
    text = answer_text(answer)
    assert "24-hour" in text and meant in text, text
    assert store.get_channel("slack:C1") is None  # nothing set on a guess


def test_punctuation_after_actions_and_values_is_the_sentences_on_slack(store, tmp_path):
    changed, shown, paused = answers(
        store,
        tmp_path,
        ("/schedule", "set 07:30, Europe/Berlin."),
        ("/schedule", "show?"),
        ("/schedule", "pause!"),
    )
    for answer in (changed, shown, paused):
        assert "has no" not in answer_text(answer), answer_text(answer)
    channel = store.get_channel("slack:C1")
    assert (channel.time, channel.timezone, channel.paused) == ("07:30", "Europe/Berlin", True)


def test_a_word_after_the_time_zone_is_named_in_the_refusal(store, tmp_path):
    [answer] = answers(store, tmp_path, ("/schedule", "set 08:00 Europe/Berlin daily"))
    text = answer_text(answer)
    assert "nothing after them ('daily')" in text, text
    assert store.get_channel("slack:C1") is None


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("08:00", "schedule set 08:00?"), ("7.30 Europe/Berlin", "schedule set 7.30 Europe/Berlin?")],
)
def test_a_time_without_set_is_answered_with_the_command_to_type(store, tmp_path, typed, meant):
    """``/schedule 08:00``: the action word left out. Nothing is set on a guess; the answer
    names the command meant."""
    [answer] = answers(store, tmp_path, ("/schedule", typed))
    text = answer_text(answer)
    assert f"Did you mean {meant}" in text, text
    assert store.get_channel("slack:C1") is None


def test_schedule_set_with_no_time_asks_for_one(store, tmp_path):
    """``/schedule set`` alone: the person chose set, so the answer is about set only."""
    [answer] = answers(store, tmp_path, ("/schedule", "set"))
    text = answer_text(answer)
    assert "Say when to post it: schedule set &lt;HH:MM&gt; [timezone]" in text, text
    assert "schedule pause" not in text
