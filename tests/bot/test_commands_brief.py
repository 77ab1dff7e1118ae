"""``brief <keywords>`` against a real store: best stories, all sources, friendly misses."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from bot.commands import Commands
from bot.replies import Caller, ErrorKind
from summaries import Article, Briefing
from summaries.config import Settings, StoreSettings
from summaries.store import open_store

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
USER = Caller(platform="discord", channel="discord:10", user="discord:20", tenant="discord:1")


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        yield opened


@pytest.fixture
def commands(store, tmp_path):
    settings = Settings(store=StoreSettings(path=str(tmp_path / "briefing.db")))
    return Commands(store, settings, clock=lambda: NOW)


def put(store, n, title, body, *, source="Harwick Herald", story=None):
    article = Article(title=title, text=body, url=f"https://news.example/{n}", source=source)
    first = body.split(". ")[0].rstrip(".") + "."
    stored, status = store.upsert_article(
        article,
        Briefing((first, "Second sentence of the briefing."), method="lead"),
        text=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        now=NOW - timedelta(hours=n),
    )
    assert status == "new"
    store.set_story(stored.id, story if story is not None else stored.id)
    return stored


def run(commands, text, caller=USER):
    return asyncio.run(commands.run(caller, text))


def test_brief_gives_the_story_once_with_every_source_and_its_stored_briefing(store, commands):
    first = put(
        store, 2, "Ransomware shuts Brennport port", "Ransomware shut the port today. More."
    )
    put(  # the later report of the same story, by another outlet
        store,
        1,
        "Hackers lock Brennport port computers",
        "Hackers locked the port computers with ransomware. Trucks wait.",
        source="Gulf Courier",
        story=first.id,
    )
    put(store, 3, "Council approves flood plan", "The council approved a flood plan. Work starts.")

    reply = run(commands, "brief ransomware port")

    assert reply.ok
    assert len(reply.items) == 1
    item = reply.items[0]
    assert item.title == "Ransomware shuts Brennport port"
    assert set(item.sources) == {"Harwick Herald", "Gulf Courier"}
    assert item.briefing == ("Ransomware shut the port today.", "Second sentence of the briefing.")
    assert item.url == "https://news.example/2"
    assert item.story_id == first.id
    assert "ransomware" in reply.title


def test_brief_caps_the_number_of_stories(store, commands):
    for n in range(1, 9):
        put(
            store,
            n,
            f"Port strike day {n}",
            f"Dock workers at port {n} went on strike. Ships wait.",
        )
    reply = run(commands, "brief strike")
    assert reply.ok and len(reply.items) == 5


def test_brief_without_keywords_says_how_to_use_it(commands):
    for text in ("brief", "brief    ", "BRIEF"):
        reply = run(commands, text)
        assert reply.error is ErrorKind.USAGE
        assert "brief cyber attack" in reply.text


def test_brief_with_no_hits_says_what_was_searched(store, commands):
    put(store, 1, "Council approves flood plan", "The council approved a flood plan. Work starts.")
    reply = run(commands, 'brief zebra "striped horses"')
    assert reply.ok and not reply.items
    assert "zebra" in reply.text and '"striped horses"' in reply.text
    assert reply.text.startswith("No stored story matches")


@pytest.mark.parametrize(
    "hostile",
    [
        'brief NEAR(port strike) OR title: "unclosed',
        "brief port* AND -strike ^ceo : ( ) { } [ ]",
        'brief """"""',
        "brief \x00\x01\x02\ufffd\udcff binary junk \x7f",
        "brief " + "ünïcödé " * 20,
        "brief title:port text:strike briefing:*",
    ],
)
def test_brief_survives_hostile_queries(store, commands, hostile):
    put(store, 1, "Port strike ends", "Dock workers ended the port strike. Ships move.")
    reply = run(commands, hostile)
    assert reply.error in (None, ErrorKind.USAGE), reply
    assert "Traceback" not in reply.text


def test_brief_of_punctuation_only_is_a_usage_error(commands):
    reply = run(commands, "brief !!! --- ***")
    assert reply.error is ErrorKind.USAGE
    assert reply.text == (
        "There is nothing to search for in that: use words, for example brief cyber attack."
    )


def test_brief_of_search_operators_only_says_they_are_not_searched_for(commands):
    reply = run(commands, "brief NEAR OR (AND)")
    assert reply.error is ErrorKind.USAGE
    assert reply.text == (
        "There is nothing to search for in that: AND, OR, NOT and NEAR are not searched for, "
        "since every word must match already. Use words, for example brief cyber attack."
    )


def test_brief_refuses_very_long_keywords(commands):
    reply = run(commands, "brief " + "word " * 400)
    assert reply.error is ErrorKind.USAGE
    assert "summarize" in reply.text


@pytest.mark.parametrize(
    "address", ["https://news.example/port-strike", "<https://news.example/port-strike>"]
)
def test_brief_of_a_web_address_points_to_summarize(store, commands, address):
    """A web address is no keyword (its words "https", "example" are in no article): the
    reply says so and names the command that briefs the article at an address."""
    put(store, 1, "Port strike ends", "Dock workers ended the port strike. Ships move.")
    reply = run(commands, f"brief {address}")
    assert reply.error is ErrorKind.USAGE
    assert "a web address is not one of them" in reply.text
    assert reply.text.endswith("use summarize https://news.example/port-strike")


def test_brief_of_a_markdown_link_searches_its_words(store, commands):
    """Only an address is answered with summarize; a link written as Markdown is words."""
    reply = run(commands, "brief [port](https://news.example/x)")
    assert reply.title == "Nothing found" and "port*" in reply.text


def test_brief_of_one_overlong_word_says_why_it_is_not_searched(commands):
    reply = run(commands, "brief " + "x" * 300)
    assert reply.error is ErrorKind.USAGE
    assert "a word of more than 64 letters is not searched for" in reply.text


@pytest.mark.parametrize(
    "typed",
    [
        "brief `ransomware`",
        "brief ```ransomware```",
        "brief ```\nransomware port\n```",
        # the info string of plain text is no word to look for
        "brief ```text\nransomware port\n```",
    ],
)
def test_brief_looks_for_the_words_inside_code_formatting(store, commands, typed):
    """People mark a term as code (or paste it in a block): the words inside are looked
    for, without the backticks or a plain-text info string."""
    put(store, 1, "Ransomware shuts Brennport port", "Ransomware shut the port today. More.")
    reply = run(commands, typed)
    assert reply.ok, reply.text
    assert [item.title for item in reply.items] == ["Ransomware shuts Brennport port"]
    assert "`" not in reply.title and "text" not in reply.title


def test_brief_refuses_a_block_of_code_in_a_language_with_a_clear_message(store, commands):
    put(store, 1, "Python release notes", "Python print changes today. More.")
    reply = run(commands, "brief ```python\nprint(1)\n```")
    assert reply.error is ErrorKind.USAGE
    assert reply.text.startswith("That is a block of python code, and brief looks for words")
    assert "brief cyber attack" in reply.text


@pytest.mark.parametrize("quoted", ['"{0}"', '"{0} {0}"', '"{0}'])
def test_brief_of_one_overlong_quoted_word_says_why_it_is_not_searched(commands, quoted):
    """Quoted, or with a quote never closed, as bare: the reason, not "use words"."""
    reply = run(commands, "brief " + quoted.format("\u0627" * 70))
    assert reply.error is ErrorKind.USAGE
    assert "a word of more than 64 letters is not searched for" in reply.text
