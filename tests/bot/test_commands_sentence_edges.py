"""Where a sentence's punctuation is an argument's own, it stays: brief queries (C++,
what?, U.S., Node.js), a topic (AT&T!), an address ending in ?id=1 or /. A source's number
ending a sentence (#3.) is that source; "schedule remove" pauses, keeping the time, and
says so. Real discord.py client and slack-bolt app against their loopback fakes."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from summaries import Article, Briefing
from summaries.store import open_store
from tests.bot.test_commands_as_said import discord_answers
from tests.bot.test_slack_channels import answer_text, answers
from tests.fakes.slack import TEAM_ID

NOW = datetime.now(UTC)
TENANT = f"slack:{TEAM_ID}"
STORIES = {
    "C++": "C++ committee votes on contracts",
    "what?": "What? A surprise vote in the U.S. Senate",
    "U.S.": "What? A surprise vote in the U.S. Senate",
    "Node.js": "Node.js release brings faster startup",
}


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        yield opened


def put_stories(store):
    for n, title in enumerate(sorted(set(STORIES.values())), start=1):
        body = f"{title} today. Officials gave details. More follows."
        stored, _ = store.upsert_article(
            Article(title=title, text=body, url=f"https://news.example/{n}", source="Herald"),
            Briefing((f"{title} today.", "Officials gave details."), method="lead"),
            text=body,
            content_hash=hashlib.sha256(body.encode()).hexdigest(),
            now=NOW - timedelta(hours=n),
        )
        store.set_story(stored.id, stored.id)


def follow(store, url):
    record, _ = store.subscribe(TENANT, url, "feed", added_by=None, now=NOW, max_sources=50)
    return record


@pytest.mark.parametrize("query", list(STORIES))
def test_a_brief_query_keeps_its_punctuation_and_finds_the_story_on_slack(
    store, tmp_path, query
):
    put_stories(store)
    [answer] = answers(store, tmp_path, ("/brief", query))
    assert STORIES[query] in str(answer), answer_text(answer)


def test_brief_queries_ending_in_punctuation_search_on_discord(tmp_path):
    with open_store(tmp_path / "bot.db") as seeded:
        put_stories(seeded)
    said, _ = discord_answers(tmp_path, *(f"!brief {query}" for query in STORIES), admin=False)
    for query, answer in zip(STORIES, said, strict=True):
        assert STORIES[query] in answer, (query, answer)


def test_a_topic_ending_in_punctuation_is_kept_whole_on_slack_and_discord(store, tmp_path):
    answers(store, tmp_path, ("/topics", "add AT&T!"))
    assert store.get_channel("slack:C1").topics == ("AT&T!",)
    _, channel = discord_answers(tmp_path, "!topics add AT&T!")
    assert channel.topics == ("AT&T!",)


@pytest.mark.parametrize("typed", ["remove #{n}.", "rm #{n}!", "delete {n}?"])
def test_a_sources_number_ending_a_sentence_is_that_source(store, tmp_path, typed):
    """``sources remove #3.``: the full stop is the sentence's, never part of a number."""
    record = follow(store, "https://feeds.example/news.xml")
    [answer] = answers(store, tmp_path, ("/sources", typed.format(n=record.id)))
    assert "No source" not in answer_text(answer), answer_text(answer)
    assert store.tenant_sources(TENANT, operator=False) == []


def test_a_sources_number_ending_a_sentence_is_retried(store, tmp_path):
    record = follow(store, "https://feeds.example/news.xml")
    [answer] = answers(store, tmp_path, ("/sources", f"retry #{record.id}."))
    assert "No source" not in answer_text(answer), answer_text(answer)


@pytest.mark.parametrize("url", ["https://feeds.example/x?id=1", "https://feeds.example/"])
def test_an_address_keeps_its_question_mark_or_slash(store, tmp_path, url):
    follow(store, url)
    follow(store, "https://feeds.example/other.xml")
    [answer] = answers(store, tmp_path, ("/sources", f"remove {url}"))
    assert "No source" not in answer_text(answer), answer_text(answer)
    left = [seen.source.url for seen in store.tenant_sources(TENANT, operator=False)]
    assert url not in left and len(left) == 1


def test_schedule_remove_pauses_keeping_the_time_and_says_so_on_both(store, tmp_path):
    _, removed = answers(store, tmp_path, ("/schedule", "set 08:00."), ("/schedule", "remove"))
    text = answer_text(removed)
    assert "Digest paused" in text and "08:00" in text and "schedule resume" in text, text
    channel = store.get_channel("slack:C1")
    assert (channel.time, channel.timezone, channel.paused) == ("08:00", "UTC", True)
    (_, said, refused), channel = discord_answers(
        tmp_path, "!schedule set 08:00.", "!schedule remove", "!sources remove #1"
    )
    assert "Digest paused" in said and (channel.time, channel.paused) == ("08:00", True), said
    assert "Digest paused" not in refused


@pytest.mark.parametrize("word", ["remove", "off", "delete."])
def test_members_are_refused_every_word_for_pause_on_discord(tmp_path, word):
    [said], channel = discord_answers(tmp_path, f"!schedule {word}", admin=False)
    assert "Only" in said and "admins" in said.lower(), said
    assert channel is None or not channel.paused


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("08:00.", "Did you mean schedule set 08:00?"),
        ("start 08:00 Europe/Berlin", "Did you mean schedule set 08:00 Europe/Berlin?"),
        ("on 07:30!", "Did you mean schedule set 07:30?"),
    ],
)
def test_a_time_where_set_belongs_names_schedule_set_on_slack(store, tmp_path, typed, meant):
    """``schedule 08:00.`` and ``schedule start 08:00``: nothing is set or resumed on a
    guess; the answer names the command meant, as for ``schedule 08:00``."""
    [answer] = answers(store, tmp_path, ("/schedule", typed))
    assert meant in answer_text(answer), answer_text(answer)
    assert store.get_channel("slack:C1") is None


def test_a_time_after_start_names_schedule_set_on_discord(tmp_path):
    [said], channel = discord_answers(tmp_path, "!schedule start 08:00 Europe/Berlin.")
    assert "Did you mean schedule set 08:00 Europe/Berlin?" in said, said
    assert channel is None or channel.time is None


def test_a_full_stop_after_a_quoted_phrase_is_the_sentences_on_slack(store, tmp_path):
    """``topics add "central bank".``: the phrase is the topic; a bare word keeps its own
    punctuation (AT&T! above), and a lone "." typed apart is still refused."""
    added, removed, lone = answers(
        store,
        tmp_path,
        ("/topics", 'add "central bank". "rate cut"?'),
        ("/topics", 'remove "rate cut".'),
        ("/topics", 'add "x" .'),
    )
    assert "has no words" not in answer_text(added) + answer_text(removed), answer_text(added)
    assert "has no words to match" in answer_text(lone)
    assert store.get_channel("slack:C1").topics == ('"central bank"',)


def test_a_full_stop_after_a_quoted_phrase_is_the_sentences_on_discord(tmp_path):
    [said], channel = discord_answers(tmp_path, '!topics add "central bank".')
    assert channel.topics == ('"central bank"',), said
