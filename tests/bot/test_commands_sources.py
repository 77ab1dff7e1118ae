"""``sources list|add|remove``: adding probes the address through the safe fetcher, on loopback."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from bot.commands import Commands
from bot.replies import Caller, ErrorKind
from summaries.config import FetchSettings, Settings, SourcesSettings, StoreSettings
from summaries.store import Store
from tests.fakes.feed_server import FEEDS, FeedServer

USER = Caller(platform="discord", channel="discord:10", user="discord:20")
ADMIN = Caller(platform="discord", channel="discord:10", user="discord:21", is_admin=True)
CONSOLE = Caller(platform="console", channel="console", user="console", is_admin=True)


@pytest.fixture
def server():
    with FeedServer() as running:
        running.feed("/rss", "rss2.xml")
        page = (FEEDS / "battery-factory.html").read_text(encoding="utf-8")
        running.route("/story", page, "text/html")
        yield running


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "briefing.db") as opened:
        yield opened


def settings_for(tmp_path, *, allow=True):
    return Settings(
        store=StoreSettings(path=str(tmp_path / "briefing.db")),
        sources=SourcesSettings(allow_hosts=("127.0.0.1",) if allow else ()),
        fetch=FetchSettings(politeness=0, timeout=5),
    )


def run(commands, text, caller=ADMIN):
    return asyncio.run(commands.run(caller, text))


def test_an_admin_adds_a_feed_and_a_page_found_out_by_fetching(server, store, tmp_path):
    commands = Commands(store, settings_for(tmp_path))
    feed = run(commands, f"sources add {server.url('/rss')}")
    page = run(commands, f"sources add <{server.url('/story')}>")  # a Discord-wrapped link
    assert feed.ok and page.ok, (feed, page)
    assert "feed #1" in feed.text and "every 30 minutes" in feed.text
    kinds = {record.url: record.kind for record in store.list_sources()}
    assert kinds == {server.url("/rss"): "feed", server.url("/story"): "page"}
    assert store.get_source(1).added_by == "discord:21"
    listed = run(commands, "sources list", caller=USER)
    assert listed.ok and len(listed.lines) == 2
    assert listed.lines[0] == f"#1 feed {server.url('/rss')} (not read yet)"
    assert commands.source_names() == [server.url("/rss"), server.url("/story")]


def test_a_kind_can_be_given_instead_of_probing(server, store, tmp_path):
    commands = Commands(store, settings_for(tmp_path))  # 127.0.0.1 is an allowed host here
    assert run(commands, f"sources add page {server.url('/rss')}").ok
    assert store.get_source(1).kind == "page"
    assert server.paths() == []  # nothing fetched


@pytest.mark.parametrize(
    "text",
    [
        "sources add feed http://127.0.0.1/",
        "sources add page http://169.254.169.254/latest/meta-data/",
        "sources add feed http://[::ffff:10.0.0.1]/rss",
        "sources add http://169.254.169.254/",
    ],
)
def test_a_given_kind_does_not_skip_the_address_guard(store, tmp_path, text):
    commands = Commands(store, settings_for(tmp_path, allow=False))
    reply = run(commands, text)
    assert reply.error is ErrorKind.BAD_INPUT, reply
    assert "private network" in reply.text and "cloud metadata" in reply.text
    assert "[sources] allow_hosts" in reply.text and "config.toml" in reply.text
    assert store.list_sources() == []


def test_a_private_address_is_refused_and_not_fetched(server, store, tmp_path):
    commands = Commands(store, settings_for(tmp_path, allow=False))
    reply = run(commands, f"sources add {server.url('/rss')}")
    assert reply.error is ErrorKind.BAD_INPUT
    assert "private network" in reply.text
    assert server.paths() == [] and store.list_sources() == []


def test_a_missing_page_is_explained(server, store, tmp_path):
    commands = Commands(store, settings_for(tmp_path))
    reply = run(commands, f"sources add {server.url('/nothing-here')}")
    assert reply.error is ErrorKind.BAD_INPUT and "404 Not Found" in reply.text
    assert store.list_sources() == []


def test_folders_only_from_the_console(store, tmp_path):
    commands = Commands(store, settings_for(tmp_path))
    folder = tmp_path / "articles"
    folder.mkdir()
    refused = run(commands, f"sources add {folder}")
    assert refused.error is ErrorKind.USAGE and "config.toml" in refused.text
    refused = run(commands, "sources add file:///etc")
    assert refused.error is ErrorKind.USAGE
    assert store.list_sources() == []
    added = run(commands, f"sources add {folder}", caller=CONSOLE)
    assert added.ok and store.list_sources()[0].kind == "folder"
    missing = run(commands, f"sources add {tmp_path / 'nope'}", caller=CONSOLE)
    assert missing.error is ErrorKind.NOT_FOUND


def test_remove_by_number_or_address(store, tmp_path):
    store.add_source("https://news.example/rss", "feed", added_by="config.toml")
    store.add_source("https://other.example/rss", "feed")
    commands = Commands(store, settings_for(tmp_path))
    by_number = run(commands, "sources remove #1")
    assert by_number.ok and "config.toml" in by_number.text
    by_url = run(commands, "sources remove https://other.example/rss")
    assert by_url.ok and "config.toml" not in by_url.text
    assert store.list_sources() == []
    missing = run(commands, "sources remove #7")
    assert missing.error is ErrorKind.NOT_FOUND and "sources list" in missing.text


@pytest.mark.parametrize(
    "wanted", ["#999999999999999999999999", "999999999999999999999999", "²", "#²", "#-1"]
)
def test_odd_numbers_are_simply_not_found(store, tmp_path, wanted):
    store.add_source("https://news.example/rss", "feed")
    reply = run(Commands(store, settings_for(tmp_path)), f"sources remove {wanted}")
    assert reply.error is ErrorKind.NOT_FOUND, reply
    assert "sources list" in reply.text
    assert len(store.list_sources()) == 1


def test_the_list_shows_people_addresses_and_plain_states_and_admins_the_details(store, tmp_path):
    day = datetime(2026, 11, 20, 9, 15, tzinfo=UTC)
    folder = tmp_path / "secret-articles"
    folder.mkdir()
    feed = store.add_source("https://news.example/rss", "feed")
    page = store.add_source("https://news.example/story", "page")
    local = store.add_source(str(folder), "folder")
    store.record_fetch(feed.id, ok=True, now=day)
    store.record_fetch(page.id, ok=True, now=day)
    unavailable = "The site answered 503 Service Unavailable."
    store.record_fetch(page.id, ok=False, error=unavailable, now=day)
    store.record_fetch(local.id, ok=False, error="unexpected error (incident 5fcbe9c3)", now=day)
    commands = Commands(store, settings_for(tmp_path))

    people = run(commands, "sources list", caller=USER)
    assert people.ok
    assert people.lines == (
        "#1 feed https://news.example/rss (ok)",
        "#2 page https://news.example/story (failing, last read Friday 20 November)",
        "#3 a local folder (failing, never read)",
    )
    shown = "\n".join(people.lines)
    assert str(tmp_path) not in shown and "incident" not in shown and "503" not in shown
    assert str(folder) not in commands.source_names()  # autocomplete shows to anyone too
    assert commands.source_names()[2] == "#3"

    admin = run(commands, "sources list", caller=ADMIN)
    assert admin.lines[0] == "#1 feed https://news.example/rss (ok, read 20 Nov 09:15 UTC)"
    assert "failing 1x" in admin.lines[1] and "503 Service Unavailable" in admin.lines[1]
    assert str(folder) in admin.lines[2] and "incident 5fcbe9c3" in admin.lines[2]
    console = run(commands, "sources list", caller=CONSOLE)
    assert console.lines == admin.lines


def test_only_admins_add_or_remove(store, tmp_path):
    store.add_source("https://news.example/rss", "feed")
    commands = Commands(store, settings_for(tmp_path))
    for text in ("sources add https://x.example/rss", "sources remove #1"):
        reply = run(commands, text, caller=USER)
        assert reply.error is ErrorKind.FORBIDDEN and "Manage Server" in reply.text
    assert len(store.list_sources()) == 1


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("sources add", ErrorKind.USAGE),
        ("sources add two words", ErrorKind.USAGE),
        ("sources add https://" + "a" * 3000, ErrorKind.USAGE),
        ("sources add ftp://example.org/feed", ErrorKind.USAGE),
        ("sources remove", ErrorKind.USAGE),
        ("sources purge", ErrorKind.USAGE),
    ],
)
def test_bad_source_commands_are_explained(store, tmp_path, text, kind):
    reply = run(Commands(store, settings_for(tmp_path)), text)
    assert reply.error is kind and reply.text
    assert store.list_sources() == []


def test_an_empty_list_says_how_to_add(store, tmp_path):
    reply = run(Commands(store, settings_for(tmp_path)), "sources", caller=USER)
    assert reply.ok and "sources add" in reply.text
