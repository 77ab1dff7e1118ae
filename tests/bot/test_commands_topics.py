"""``topics list|add|remove`` for the caller's channel, on a real store."""

from __future__ import annotations

import asyncio

import pytest

from bot.commands import Commands
from bot.discord.dispatch import TERMS as DISCORD
from bot.replies import Caller, ErrorKind
from summaries.config import Settings, StoreSettings
from summaries.store import open_store

CHANNEL = "discord:10"
USER = Caller(
    platform="discord", channel=CHANNEL, user="discord:20", tenant="discord:1", terms=DISCORD
)
ADMIN = Caller(
    platform="discord",
    channel=CHANNEL,
    user="discord:21",
    is_admin=True,
    channel_name="news",
    tenant="discord:1",
)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        yield opened


@pytest.fixture
def commands(store, tmp_path):
    return Commands(store, Settings(store=StoreSettings(path=str(tmp_path / "briefing.db"))))


def run(commands, text, caller=ADMIN):
    return asyncio.run(commands.run(caller, text))


def test_no_topics_means_every_story(commands):
    reply = run(commands, "topics", caller=USER)
    assert reply.ok and not reply.lines
    assert "every new story" in reply.text


def test_an_admin_adds_words_and_phrases_and_anyone_lists_them(store, commands):
    reply = run(commands, 'topics add cyber "central   bank" US')
    assert reply.ok, reply
    assert 'cyber, "central bank", US' in reply.text
    assert store.get_channel(CHANNEL).topics == ("cyber", '"central bank"', "US")
    assert store.get_channel(CHANNEL).name == "news"
    listed = run(commands, "topics list", caller=USER)
    assert listed.lines == ("cyber", '"central bank"', "US")
    assert commands.topics_of(CHANNEL) == ["cyber", '"central bank"', "US"]
    assert commands.topics_of("discord:999") == []


def test_adding_a_topic_twice_says_so(store, commands):
    run(commands, "topics add cyber")
    reply = run(commands, "topics add CYBER ports")
    assert reply.ok
    assert "Now following ports" in reply.text and "Already following CYBER" in reply.text
    assert store.get_channel(CHANNEL).topics == ("cyber", "ports")


def test_one_topic_named_twice_in_one_command_is_added_once(store, commands):
    reply = run(commands, 'topics add cyber Cyber "Central Bank" "central   bank"')
    assert reply.ok
    assert reply.text == 'Now following cyber, "Central Bank".'
    assert store.get_channel(CHANNEL).topics == ("cyber", '"Central Bank"')
    removed = run(commands, "topics remove CYBER cyber")
    assert removed.text == "No longer following CYBER."


def test_remove_takes_a_topic_away_case_insensitively(store, commands):
    run(commands, 'topics add cyber "central bank"')
    reply = run(commands, 'topics remove "Central Bank"')
    assert reply.ok and "No longer following" in reply.text
    assert store.get_channel(CHANNEL).topics == ("cyber",)
    missing = run(commands, "topics remove weather")
    assert missing.error is ErrorKind.NOT_FOUND and "weather" in missing.text


@pytest.mark.parametrize(
    "typed", ["cyber\u200d", "\u200ccyber", "cyber\ufe0f", "\u2063cyber\u200e", '"cyber\u200d"']
)
def test_an_invisible_character_at_a_words_edge_does_not_make_another_topic(store, commands, typed):
    """A zero-width joiner or a variation selector pasted next to a word shows as nothing:
    the topic is the word, so it is not listed twice and topics remove cyber removes it."""
    run(commands, "topics add cyber")
    assert run(commands, f"topics add {typed}").text == "Already following cyber."
    assert store.get_channel(CHANNEL).topics == ("cyber",)
    assert run(commands, "topics remove cyber").ok
    assert run(commands, f"topics add {typed} bank").text == "Now following cyber, bank."
    assert store.get_channel(CHANNEL).topics == ("cyber", "bank")


FULLWIDTH = "\uff43\uff59\uff42\uff45\uff52"  # cyber


@pytest.mark.parametrize("typed", [FULLWIDTH, f'"{FULLWIDTH}"'])
def test_a_topic_typed_in_fullwidth_letters_is_the_same_topic(store, commands, typed):
    """An East Asian keyboard's fullwidth "ｃｙｂｅｒ" is the word cyber, as search reads it."""
    run(commands, "topics add cyber")
    assert run(commands, f"topics add {typed}").text == "Already following cyber."
    assert store.get_channel(CHANNEL).topics == ("cyber",)


def test_a_topic_stored_with_an_invisible_edge_can_still_be_removed(store, commands):
    """Stored as typed by an older version: ``topics remove cyber`` reaches it."""
    run(commands, "topics add bank")
    store.add_topic(CHANNEL, "cyber\u200d")
    assert run(commands, "topics add cyber").text == "Already following cyber."
    assert run(commands, "topics remove cyber").text == "No longer following cyber."
    assert store.get_channel(CHANNEL).topics == ("bank",)


def test_joiners_inside_a_word_are_kept(store, commands):
    """Inside a word a zero-width non-joiner is spelling (Persian, Indic scripts)."""
    word = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    assert run(commands, f"topics add {word}").ok
    assert store.get_channel(CHANNEL).topics == (word,)


def test_only_admins_change_topics(store, commands):
    for text in ("topics add cyber", "topics remove cyber"):
        reply = run(commands, text, caller=USER)
        assert reply.error is ErrorKind.FORBIDDEN
        assert "Manage Server" in reply.text
    assert store.get_channel(CHANNEL) is None


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("topics add", "Name a topic"),
        ("topics add " + "x" * 101, "at most 100 characters"),
        ('topics add "' + "long " * 30 + '"', "at most 100 characters"),
        ("topics add !!! ???", "no words to match; use letters or digits."),
        # an operator is a word to whoever typed it: why it is not one here
        ("topics add OR", "'OR' has no words to match: AND, OR, NOT and NEAR are not searched"),
        ('topics add "unclosed', "not closed"),
        ("topics frobnicate", "no 'frobnicate' action"),
        # an address never matches the words of a story: said, and what to do instead
        ("topics add cyber https://news.example/feed", "is a web address, and a topic is"),
        ("topics add <https://news.example/feed>", "sources add"),
    ],
)
def test_bad_topics_are_explained(store, commands, text, says):
    reply = run(commands, text)
    assert reply.error is ErrorKind.USAGE
    assert says in reply.text
    channel = store.get_channel(CHANNEL)
    assert channel is None or channel.topics == ()


def test_a_channel_follows_at_most_25_topics(store, commands):
    run(commands, "topics add " + " ".join(f"topic{n}" for n in range(24)))
    reply = run(commands, "topics add one two")
    assert reply.error is ErrorKind.USAGE
    assert "at most 25" in reply.text and "room for 1 more" in reply.text
    assert len(store.get_channel(CHANNEL).topics) == 24
    assert run(commands, "topics add one").ok
    assert len(store.get_channel(CHANNEL).topics) == 25
