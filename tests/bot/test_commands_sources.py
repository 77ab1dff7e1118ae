"""``sources list|add|remove``: adding probes the address through the safe fetcher, on loopback,
and reads what it finds in a real worker process."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from bot.commands import Commands
from bot.discord.dispatch import TERMS as DISCORD
from bot.replies import Caller, ErrorKind
from summaries.config import FetchSettings, IngestSettings, Settings, SourcesSettings, StoreSettings
from summaries.ingest import SummaryPool
from summaries.store import open_store
from tests.fakes.feed_server import FEEDS, FeedServer
from tests.summaries.test_source_spellings import database_before_spellings, follow

USER = Caller(
    platform="discord", channel="discord:10", user="discord:20", tenant="discord:1", terms=DISCORD
)
ADMIN = Caller(
    platform="discord", channel="discord:10", user="discord:21", is_admin=True, tenant="discord:1"
)
CONSOLE = Caller(
    platform="console", channel="console", user="console", is_admin=True, tenant="console"
)


@pytest.fixture
def server():
    with FeedServer() as running:
        running.feed("/rss", "rss2.xml")
        page = (FEEDS / "battery-factory.html").read_text(encoding="utf-8")
        running.route("/story", page, "text/html")
        yield running


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "briefing.db") as opened:
        yield opened


def settings_for(tmp_path, *, allow=True):
    return Settings(
        store=StoreSettings(path=str(tmp_path / "briefing.db")),
        sources=SourcesSettings(allow_hosts=("127.0.0.1",) if allow else ()),
        fetch=FetchSettings(politeness=0, timeout=5),
        ingest=IngestSettings(workers=1),
    )


def run(commands, text, caller=ADMIN):
    return asyncio.run(commands.run(caller, text))


def run_with_pool(store, settings, texts, caller=ADMIN):
    """Each text through one Commands with a real process pool, in one event loop."""

    async def main():
        async with SummaryPool(settings.summary.options(), workers=1, seconds=30) as pool:
            commands = Commands(store, settings, pool=pool)
            return [await commands.run(caller, text) for text in texts]

    return asyncio.run(main())


def test_an_admin_adds_a_feed_and_a_page_found_out_by_fetching(server, store, tmp_path):
    settings = settings_for(tmp_path)
    feed, page = run_with_pool(
        store,
        settings,
        [f"sources add {server.url('/rss')}", f"sources add <{server.url('/story')}>"],
    )  # the second a Discord-wrapped link
    assert feed.ok and page.ok, (feed, page)
    commands = Commands(store, settings)
    assert "feed #1" in feed.text and "every 30 minutes" in feed.text
    kinds = {record.url: record.kind for record in store.list_sources()}
    assert kinds == {server.url("/rss"): "feed", server.url("/story"): "page"}
    assert store.get_source(1).added_by == "discord:21"
    listed = run(commands, "sources list", caller=USER)
    assert listed.ok and len(listed.lines) == 2
    assert listed.lines[0] == f"#1 feed {server.url('/rss')} (not read yet)"
    assert commands.source_names("discord:1") == [server.url("/rss"), server.url("/story")]
    assert commands.source_names("discord:2") == []  # another server follows neither


def test_an_address_typed_in_quotes_is_added_as_the_address(server, store, tmp_path):
    """People quote what they paste: "https://..." and curly quotes are the address."""
    url = server.url("/rss")
    texts = [f'sources add feed "{url}"', f"sources remove “{url}”"]
    replies = run_with_pool(store, settings_for(tmp_path), texts)
    assert [reply.ok for reply in replies] == [True, True], replies
    assert "feed #1" in replies[0].text


def test_a_web_page_labelled_as_a_feed_is_added_as_a_page(server, store, tmp_path):
    server.feed("/labelled", "battery-factory.html", "application/rss+xml")
    address = server.url("/labelled")
    (reply,) = run_with_pool(store, settings_for(tmp_path), [f"sources add {address}"])
    assert reply.ok, reply
    assert "page #1" in reply.text
    assert [(s.kind, s.url) for s in store.list_sources()] == [("page", address)]


@pytest.mark.parametrize("body", [b"", b" \n\n "], ids=["zero-bytes", "whitespace"])
def test_an_empty_answer_is_refused_as_empty(server, store, tmp_path, body):
    server.route("/empty", body, "application/rss+xml")
    address = server.url("/empty")
    (reply,) = run_with_pool(store, settings_for(tmp_path), [f"sources add {address}"])
    assert reply.error is ErrorKind.BAD_INPUT, reply
    assert reply.text == (
        "That address answered with an empty page: there is no feed or article there to "
        "follow, so it was not added."
    )
    assert store.list_sources() == []


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


def test_a_feed_that_redirects_inside_a_private_network_is_refused(server, store, tmp_path):
    server.redirect("/moved", "http://10.0.0.1/feed")
    address = server.url("/moved")  # allowed here: where it redirects is not
    (reply,) = run_with_pool(store, settings_for(tmp_path), [f"sources add {address}"])
    assert reply.error is ErrorKind.BAD_INPUT, reply
    assert reply.text.startswith(f"{address} redirects to an address inside a private network")
    assert "the host it redirects to under [sources] allow_hosts" in reply.text
    assert server.paths() == ["/moved"] and store.list_sources() == []


def test_a_missing_page_is_explained(server, store, tmp_path):
    (reply,) = run_with_pool(
        store, settings_for(tmp_path), [f"sources add {server.url('/nothing-here')}"]
    )
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


@pytest.mark.parametrize("address", ["ftp://example.org/news", "file:///etc", "gopher://x/1"])
def test_an_address_of_another_scheme_is_not_taken_for_a_folder(store, tmp_path, address):
    commands = Commands(store, settings_for(tmp_path))
    refused = run(commands, f"sources add {address}", caller=CONSOLE)
    assert refused.error is ErrorKind.USAGE and "http:// or https://" in refused.text
    assert "folder" not in refused.text and store.list_sources() == []


def subscribe(store, tenant, url, kind="feed"):
    return store.subscribe(tenant, url, kind, added_by=None, now=datetime.now(UTC), max_sources=50)


def test_remove_by_number_or_address(store, tmp_path):
    subscribe(store, "discord:1", "https://news.example/rss")
    subscribe(store, "discord:1", "https://other.example/rss")
    commands = Commands(store, settings_for(tmp_path))
    by_number = run(commands, "sources remove #1")
    assert by_number.ok and "feed #1" in by_number.text
    by_url = run(commands, "sources remove https://other.example/rss")
    assert by_url.ok and "https://other.example/rss" in by_url.text
    assert store.tenant_sources("discord:1", operator=True) == []
    missing = run(commands, "sources remove #7")
    assert missing.error is ErrorKind.NOT_FOUND and "sources list" in missing.text


def test_the_operators_sources_are_not_removed_by_a_server(store, tmp_path):
    store.add_source("https://news.example/rss", "feed", added_by="config.toml")
    reply = run(Commands(store, settings_for(tmp_path)), "sources remove #1")
    assert reply.error is ErrorKind.FORBIDDEN and "operator" in reply.text
    assert len(store.list_sources()) == 1


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
    shared = " (the bot operator's, read everywhere)"
    assert people.lines == (
        "#1 feed https://news.example/rss (ok)" + shared,
        "#2 page https://news.example/story (failing, last read Friday 20 November)" + shared,
        "#3 a local folder (failing, never read)" + shared,
    )
    shown = "\n".join(people.lines)
    assert str(tmp_path) not in shown and "incident" not in shown and "503" not in shown
    assert str(folder) not in commands.source_names("discord:1")  # shown to anyone too
    assert commands.source_names("discord:1")[2] == "#3"

    admin = run(commands, "sources list", caller=ADMIN)
    assert admin.lines[0] == "#1 feed https://news.example/rss (ok, read 20 Nov 09:15 UTC)" + shared
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
        ("sources add https://" + "a" * 3000, ErrorKind.BAD_INPUT),
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


def big_feed(entries: int) -> str:
    items = "".join(
        f"<item><title>Harbour report {n}</title><link>{{base}}/a/{n}</link>"
        f"<guid>{{base}}/a/{n}</guid><description>The port authority said on day {n} that "
        "the ferries ran late after the storm closed the northern quay.</description></item>"
        for n in range(entries)
    )
    channel = f"<channel><title>Big</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def big_page(size: int) -> str:
    paragraph = (
        "<div class='row'><p>The council voted on Tuesday to rebuild the northern quay, "
        "after the storm in March left the ferries unable to dock for nine days.</p></div>"
    )
    body = paragraph * (size // len(paragraph))
    return f"<html><head><title>Quay</title></head><body><article>{body}</article></body></html>"


def test_a_big_feed_and_a_big_page_are_read_off_the_event_loop(store, tmp_path):
    """Parsing a 10,000-entry feed and extracting a 1.2 MB page take seconds of CPU; in the
    worker process, the event loop (the gateway heartbeat) keeps waking on time meanwhile."""
    settings = settings_for(tmp_path)
    with FeedServer() as server:
        server.route("/big.xml", big_feed(10_000), "application/rss+xml")
        server.route("/big.html", big_page(1_200_000), "text/html; charset=utf-8")

        async def main():
            loop = asyncio.get_running_loop()
            lateness = []

            async def tick():
                while True:
                    due = loop.time() + 0.01
                    await asyncio.sleep(0.01)
                    lateness.append(loop.time() - due)

            async with SummaryPool(settings.summary.options(), workers=1, seconds=60) as pool:
                commands = Commands(store, settings, pool=pool)
                ticker = asyncio.create_task(tick())
                await asyncio.sleep(0.05)
                started = loop.time()
                replies = [
                    await commands.run(ADMIN, f"sources add {server.url(path)}")
                    for path in ("/big.xml", "/big.html")
                ]
                took = loop.time() - started
                ticker.cancel()
            return replies, max(lateness), took

        (feed, page), worst, took = asyncio.run(main())
    assert feed.ok and page.ok, (feed, page)
    assert [(s.kind, s.url) for s in store.list_sources()] == [
        ("feed", server.url("/big.xml")),
        ("page", server.url("/big.html")),
    ]
    print(f"adding took {took:.1f} s; the loop was at most {worst * 1000:.0f} ms late")
    assert worst < 0.5, f"the event loop stalled {worst:.2f} s while the sources were read"


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40


@pytest.mark.parametrize("content_type", ["text/html", None, "text/plain; charset=utf-8"])
def test_a_binary_page_is_refused_when_added_not_at_every_read(store, tmp_path, content_type):
    """Image bytes labelled as a page (or not labelled at all) would fail every ingest."""
    with FeedServer() as server:
        route = server.route("/photo", PNG, content_type)
        route.content_type = content_type  # None: no Content-Type header at all
        (reply,) = run_with_pool(
            store, settings_for(tmp_path), [f"sources add {server.url('/photo')}"]
        )
    assert reply.error is ErrorKind.BAD_INPUT, reply
    assert "binary data" in reply.text and "not added" in reply.text
    assert store.list_sources() == []


def test_a_page_without_article_text_is_refused_with_the_reason(store, tmp_path):
    with FeedServer() as server:
        server.route(
            "/menu", "<html><body><nav><a href='/'>Home</a></nav></body></html>", "text/html"
        )
        (reply,) = run_with_pool(
            store, settings_for(tmp_path), [f"sources add {server.url('/menu')}"]
        )
    assert reply.error is ErrorKind.BAD_INPUT, reply
    assert "not a feed" in reply.text and "no article text" in reply.text
    assert store.list_sources() == []


@pytest.mark.parametrize("kind", ["", "feed ", "page "])
def test_an_address_with_credentials_is_refused_without_echoing_them(server, store, tmp_path, kind):
    address = server.url("/rss").replace("http://", "http://editor:hunter2@")
    (reply,) = run_with_pool(store, settings_for(tmp_path), [f"sources add {kind}{address}"])
    assert reply.error is ErrorKind.BAD_INPUT, reply
    assert "user name or password" in reply.text
    assert "hunter2" not in reply.text and "editor" not in reply.text
    assert server.paths() == [] and store.list_sources() == []


def test_retry_reads_a_failing_or_disabled_source_at_the_next_read(store, tmp_path):
    """A source backing off after failures (or disabled) is due again after sources retry;
    another server's source is not found, and only admins may retry."""
    from datetime import timedelta

    from summaries.sources import is_due

    now = datetime.now(UTC)
    mine, _ = subscribe(store, "discord:1", "https://news.example/rss")
    theirs, _ = subscribe(store, "discord:2", "https://other.example/rss")
    store.record_fetch(
        mine.id, ok=False, error="HTTP 500", next_attempt_at=now + timedelta(hours=6), now=now
    )
    store.execute("UPDATE sources SET enabled = 0 WHERE id = ?", (mine.id,))
    commands = Commands(store, settings_for(tmp_path))
    assert run(commands, "sources retry #1", caller=USER).error is ErrorKind.FORBIDDEN
    reply = run(commands, "sources retry https://news.example/rss")
    assert reply.ok and "Feed #1" in reply.text, reply
    record = store.get_source(mine.id)
    assert record.enabled and is_due(record.next_attempt_at, now)
    assert record.failures == 1  # until a read succeeds
    assert [source.id for source in store.sources_to_read() if source.enabled] == [1, 2]
    other = run(commands, f"sources retry #{theirs.id}")
    assert other.error is ErrorKind.NOT_FOUND and "sources list" in other.text


def test_remove_and_retry_find_a_source_however_its_address_is_typed(store, tmp_path):
    """``HTTPS://News.Example/rss#top`` is the feed stored as https://news.example/rss."""
    subscribe(store, "discord:1", "https://news.example/rss")
    commands = Commands(store, settings_for(tmp_path))
    retried = run(commands, "sources retry HTTPS://News.Example/rss#top")
    assert retried.ok and "Feed #1" in retried.text, retried
    removed = run(commands, "sources remove https://news.example:443/rss?")
    assert removed.ok and "Removed feed #1" in removed.text, removed


def test_retry_finds_a_source_kept_under_an_old_spelling(tmp_path):
    """Of two feeds of one address added before addresses were stored in one spelling, the
    second keeps the spelling it was typed in (``HTTPS://News.Example/rss``); the server
    that follows it finds it by retry typed the new way too, not the other server's."""
    location = str(tmp_path / "briefing.db")
    theirs, mine = database_before_spellings(
        location, ["https://news.example/rss", "HTTPS://News.Example/rss"]
    )
    with open_store(location) as store:
        store.execute("UPDATE sources SET operator = 0")
        follow(store, "discord:2", theirs)
        follow(store, "discord:1", mine)
        commands = Commands(store, settings_for(tmp_path))
        retried = run(commands, "sources retry https://news.example/rss")
        assert retried.ok and f"Feed #{mine} (HTTPS://News.Example/rss)" in retried.text, retried


def test_a_followed_feed_typed_another_way_is_already_read_without_a_fetch(store, tmp_path):
    """``HTTPS://News.Example/rss#top`` is the feed followed as https://news.example/rss:
    told so at once, neither fetched again nor counted against the hour's adds."""
    subscribe(store, "discord:1", "https://news.example/rss")
    commands = Commands(store, settings_for(tmp_path))
    again = run(commands, "sources add HTTPS://News.Example/rss#top")
    assert again.title == "Already read" and "Feed #1" in again.text, again
    assert store.execute("SELECT adds FROM tenants WHERE id = 'discord:1'") == [(0,)]


def test_an_admin_declares_the_language_of_a_source(server, store, tmp_path):
    """``language=de`` on sources add: the source's articles are read in German, not
    detected; the language is the source's, so following it again can change it."""
    commands = Commands(store, settings_for(tmp_path))
    added = run(commands, f"sources add feed {server.url('/rss')} language=de")
    assert added.ok and added.text.endswith("Its articles are read as German."), added
    assert store.get_source(1).language == "german"
    again = run(commands, f"sources add language=FR {server.url('/rss')}")
    assert again.title == "Already read" and "French" in again.text
    assert store.get_source(1).language == "french"
    wrong = run(commands, f"sources add {server.url('/story')} language=xx")
    assert wrong.error is ErrorKind.USAGE and "'xx'" in wrong.text and "de" in wrong.text
    assert [source.url for source in store.list_sources()] == [server.url("/rss")]


@pytest.mark.parametrize(
    ("code", "shown"),
    [("sh", "Serbo-Croatian"), ("gd", "Scottish Gaelic"), ("ms", "Malay")],
)
def test_a_declared_language_is_named_with_each_word_capitalised(
    server, store, tmp_path, code, shown
):
    """A name of two words or of two joined by a hyphen is written as English writes it."""
    commands = Commands(store, settings_for(tmp_path))
    added = run(commands, f"sources add feed {server.url('/rss')} language={code}")
    assert added.ok and added.text.endswith(f"Its articles are read as {shown}."), added


def test_help_sources_tells_how_to_declare_a_sources_language(store, tmp_path):
    """``language=de`` is a part of ``sources add`` that its usage line cannot show: help
    names it, so the option the README gives for chat is found in the chat too."""
    reply = run(Commands(store, settings_for(tmp_path)), "help sources")
    assert reply.ok
    assert any("language=de" in line and "two-letter code" in line for line in reply.lines)


def test_a_moved_feed_is_found_by_the_address_it_was_followed_under_by_every_command(
    store, tmp_path
):
    """A feed that moved for good is still the one its server typed: ``sources add`` says
    it is read already (nothing fetched or counted), and retry and remove find it, as the
    store's lookup does."""
    record, _ = subscribe(store, "discord:1", "https://old.example/rss")
    assert store.move_source(record.id, "https://new.example/rss")
    commands = Commands(store, settings_for(tmp_path))
    again = run(commands, "sources add HTTPS://Old.example/rss")
    assert again.title == "Already read" and f"#{record.id}" in again.text, again
    assert store.execute("SELECT adds FROM tenants WHERE id = 'discord:1'") == [(0,)]
    retried = run(commands, "sources retry https://old.example/rss")
    assert retried.ok and f"#{record.id}" in retried.text, retried
    removed = run(commands, "sources remove https://old.example/rss")
    assert removed.ok and f"#{record.id}" in removed.text, removed


def test_a_language_given_for_an_address_followed_already_is_set_on_the_one_followed(
    server, tmp_path
):
    """A site's home page names the feed a server follows already under an older spelling
    (two sources of one address kept, the other another server's): the language given is
    declared on its own, never on the other server's."""
    home = '<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head>'
    server.route("/", home + "<body><p>The latest news.</p></body></html>", "text/html")
    feed = server.url("/rss")
    location = str(tmp_path / "briefing.db")
    theirs, mine = database_before_spellings(location, [feed, feed.replace("http:", "HTTP:", 1)])
    with open_store(location) as store:
        store.execute("UPDATE sources SET operator = 0")
        follow(store, "discord:2", theirs)
        follow(store, "discord:1", mine)
        texts = [f"sources add {server.url('/')} language=de"]
        (reply,) = run_with_pool(store, settings_for(tmp_path), texts)
        assert reply.title == "Already read" and f"#{mine}" in reply.text, reply
        assert reply.text.endswith("Its articles are read as German."), reply
        assert (store.get_source(mine).language, store.get_source(theirs).language) == (
            "german",
            None,
        )
