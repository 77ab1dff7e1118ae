"""Commands typed as sentences in Discord, through the real discord.py client against the
fake Discord: a full stop after the last topic is the sentence's, no answer shows a
doubled full stop, ``help me`` helps and ``topics remove?`` is told how to remove."""

from __future__ import annotations

import asyncio
import json

from tests.bot.test_discord_commands import scenario
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import bot_over_runtime, settings_for


async def _answers(fake, lines: list[str]) -> list[str]:
    """Each line said by alice (an admin) in #news, and the bot's answer to it, as text."""
    answers = []
    for line in lines:
        before = len(fake.by_bot_in(fake.news))
        await fake.say(fake.news, fake.alice, line)
        await fake.wait_for(lambda n=before: len(fake.by_bot_in(fake.news)) > n, what=line)
        message = fake.by_bot_in(fake.news)[-1]
        answers.append(json.dumps([message.get("content"), message.get("embeds")]))
    return answers


def test_a_topics_sentence_end_is_not_the_topics_and_no_answer_doubles_a_full_stop(tmp_path):
    lines = [
        "!topics add cyber.",
        "!topics add ransomware!",
        "!topics add AT&T!",
        "!topics add Node.js.",
        "!topics add cyber?",
        "!topics remove Node.js.",
    ]

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake) as (runtime, _):
                answers = await _answers(fake, lines)
                channel = await asyncio.to_thread(
                    runtime.store.get_channel, f"discord:{fake.news.id}"
                )
                return answers, channel.topics

    answers, topics = scenario(run)
    assert topics == ("cyber", "ransomware", "AT&T!")  # a name keeps its mark
    assert "Now following cyber." in answers[0] and "Already following cyber" in answers[4]
    for answer in answers:
        assert ".." not in answer and "!." not in answer, answer


def test_help_me_lists_the_commands_and_topics_remove_asks_which(tmp_path):
    lines = ["!topics add cyber", "!help me", "!help me with topics", "!topics remove?"]

    async def run():
        async with FakeDiscord() as fake:
            async with bot_over_runtime(settings_for(fake, tmp_path), fake):
                return await _answers(fake, lines)

    _, plea, topics, remove = scenario(run)
    assert "no command" not in plea and "summarize" in plea and "schedule" in plea
    assert "Usage: topics list" in topics
    assert "topics remove cyber" in remove and "topics add" not in remove
    assert "This channel follows cyber" in remove
