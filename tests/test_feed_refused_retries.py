"""An entry whose link the bot refused (a private address) is said once, then asked again
only when that may go otherwise: once an admin allows a host, and, for a host *name*
whose DNS answer was private, on a bounded schedule (an answer may change); an IP
address written in the link is never asked again on its own (real fetcher, feedparser,
pool, SQLite and PostgreSQL, against a feed server on loopback, through the `briefing`
command line)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from summaries.cli import EXIT_OK
from summaries.samples import sample_articles
from summaries.store import open_store
from tests.fakes.feed_server import FeedServer
from tests.test_feed_refused_links import _feed
from tests.test_ingest import briefing, html_page, server, write_config

PORT = sample_articles()[0]
NOTHING = "1 source: 0 fetched, 0 new, 0 updated, 0 failed"
REFUSED = "1 source: 0 fetched, 0 new, 0 updated, 1 failed"


__all__ = ["server"]  # the fixture


def _ingest(config) -> tuple[str, str]:
    """The run's problems and its last line."""
    _, out = briefing(config, "ingest", "--all")
    *said, line = out.strip().splitlines()
    return "\n".join(said), line


def _allow(config, *hosts: str) -> None:
    names = ", ".join(f'"{host}"' for host in hosts)
    text = config.read_text(encoding="utf-8")
    start = text.index("allow_hosts = ")
    end = text.index("\n", start)
    config.write_text(f"{text[:start]}allow_hosts = [{names}]{text[end:]}", encoding="utf-8")


def _titles(config) -> list[str]:
    with open_store(_STORES[config]) as store:
        return [title for (title,) in store.execute("SELECT title FROM articles")]


_STORES: dict = {}  # each test's config: its store's location


def _setup(server: FeedServer, location: str, tmp_path, target: str, feed_host: str = "127.0.0.1"):
    """A feed at ``feed_host`` (the one host allowed) of one teaser whose link redirects
    (so each time it is asked is seen) to ``target``; the page it should be; the config."""
    server.redirect("/go/port", target)
    server.route("/news/port", html_page(PORT.title, PORT.text), "text/html")
    link = f"http://{feed_host}:{server.port}/go/port"
    server.route("/rss", _feed([("Port reopens", link)]), "application/rss+xml")
    feed = f"http://{feed_host}:{server.port}/rss"
    config = write_config(tmp_path, extra=f'feeds = ["{feed}"]\n')
    if location.startswith("postgresql"):
        text = config.read_text(encoding="utf-8")
        start = text.index("path = ")
        end = text.index("\n", start)
        config.write_text(f'{text[:start]}url = "{location}"{text[end:]}', encoding="utf-8")
    _STORES[config] = location
    _allow(config, feed_host)
    return config


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
def test_refused_entries_are_read_again_once_an_admin_allows_the_host(
    server, location, tmp_path, host
):
    """Allowing a host under [sources] allow_hosts is the way out the refusal names: the
    entries refused before are asked again at the next read, not only new ones (a host
    name, or an IP address written in the link)."""
    feed_host = "127.0.0.1" if host == "localhost" else "localhost"
    config = _setup(server, location, tmp_path, f"http://{host}:{server.port}/news/port", feed_host)
    said, line = _ingest(config)
    assert line == REFUSED and "private network" in said
    assert _ingest(config) == ("", NOTHING)  # said once
    _allow(config, feed_host, host)
    assert _ingest(config) == ("", "1 source: 1 fetched, 1 new, 0 updated, 0 failed")
    assert _titles(config) == ["Port reopens"]


def test_a_host_name_answered_private_is_asked_again_on_a_bounded_schedule(
    server, location, tmp_path
):
    """A DNS answer may change: the entry is asked again 1, 4, 16 and 64 hours after each
    refusal, never said again, then no more; once the name answers an address the bot
    may fetch, the entry is read."""
    config = _setup(server, location, tmp_path, f"http://localhost:{server.port}/news/port")
    start = datetime.now(UTC)
    asked = []
    for hours in (0, 0.5, 1.5, 5, 6, 21, 23, 80, 90, 200, 400):
        with time_machine.travel(start + timedelta(hours=hours)):
            before = server.paths().count("/go/port")
            said, line = _ingest(config)
            if hours:
                assert (said, line) == ("", NOTHING)
            if server.paths().count("/go/port") > before:
                asked.append(hours)
    assert asked == [0, 1.5, 6, 23, 90]  # each one, 4 and 16 and 64 hours after the last


def test_a_host_name_whose_answer_turns_public_is_read_at_its_next_try(server, location, tmp_path):
    config = _setup(server, location, tmp_path, f"http://localhost:{server.port}/news/port")
    assert _ingest(config)[1] == REFUSED
    server.redirect("/go/port", "/news/port")  # as a name answering anew would
    assert _ingest(config) == ("", NOTHING)  # not asked yet
    with time_machine.travel(datetime.now(UTC) + timedelta(hours=2)):
        said, line = _ingest(config)
    assert (said, line) == ("", "1 source: 1 fetched, 1 new, 0 updated, 0 failed")
    assert _titles(config) == ["Port reopens"]


def test_an_ip_address_in_the_link_is_not_asked_again_on_its_own(server, location, tmp_path):
    """An address written as an IP cannot answer otherwise: passed over until the entry
    or allow_hosts changes, however long."""
    config = _setup(server, location, tmp_path, "http://10.20.30.40/news/port")
    assert _ingest(config)[1] == REFUSED
    for days in (1, 5, 30):
        with time_machine.travel(datetime.now(UTC) + timedelta(days=days)):
            assert _ingest(config) == ("", NOTHING)
    assert server.paths().count("/go/port") == 1
    code, _ = briefing(config, "ingest", "--all")
    assert code == EXIT_OK


def test_the_operator_sees_the_refused_entries_after_they_were_said(server, location, tmp_path):
    """Said once by the run that refused them; `briefing sources list` still counts them."""
    config = _setup(server, location, tmp_path, "http://10.20.30.40/news/port")
    for _ in range(2):
        _ingest(config)
    _, listed = briefing(config, "sources", "list")
    assert "1 entry not read: a link the bot refuses (inside a private network)" in listed
    assert "[sources] allow_hosts" in listed


def _validated(server: FeedServer) -> None:
    """The feed answers ``304 Not Modified`` to a reader that names its ETag."""
    server.routes["/rss"].etag = '"v1"'


def test_an_unchanged_feed_still_has_its_refused_entries_asked_once_a_host_is_allowed(
    server, location, tmp_path
):
    """A feed that answers 304 Not Modified to a conditional read lists the same refused
    entries: allowing their host reads them at the next read all the same."""
    config = _setup(server, location, tmp_path, f"http://localhost:{server.port}/news/port")
    _validated(server)
    assert _ingest(config)[1] == REFUSED
    assert _ingest(config) == ("", NOTHING)
    _allow(config, "127.0.0.1", "localhost")
    assert _ingest(config) == ("", "1 source: 1 fetched, 1 new, 0 updated, 0 failed")
    assert _ingest(config) == ("", NOTHING)  # then read conditionally again
    assert server.paths().count("/go/port") == 2


def test_an_unchanged_feed_has_a_refused_host_name_asked_on_its_schedule(
    server, location, tmp_path
):
    config = _setup(server, location, tmp_path, f"http://localhost:{server.port}/news/port")
    _validated(server)
    start = datetime.now(UTC)
    asked = []
    for hours in (0, 0.5, 1.5, 2, 6):
        with time_machine.travel(start + timedelta(hours=hours)):
            before = server.paths().count("/go/port")
            _ingest(config)
            if server.paths().count("/go/port") > before:
                asked.append(hours)
    assert asked == [0, 1.5, 6]


def test_allowing_another_host_asks_once_and_still_refuses(server, location, tmp_path):
    """allow_hosts changed for another host: the entry is asked again, refused again (the
    feed's host is allowed, the one its link redirects to is not), not said again, and
    not asked at the reads after."""
    config = _setup(server, location, tmp_path, f"http://localhost:{server.port}/news/port")
    assert _ingest(config)[1] == REFUSED
    _allow(config, "127.0.0.1", "news.example")
    for _ in range(2):
        assert _ingest(config) == ("", NOTHING)
    assert server.paths().count("/go/port") == 2
    assert _titles(config) == []
    _, listed = briefing(config, "sources", "list")
    assert "1 entry not read" in listed


@pytest.mark.parametrize("written", ["169090600", "0xa.20.30.40", "10.20.7720"])
def test_an_ip_address_in_another_form_is_not_asked_again_on_its_own(
    server, location, tmp_path, written
):
    """10.20.30.40 written as one number, in hexadecimal or in three parts is an
    address the system reads without asking DNS: one that cannot answer otherwise."""
    config = _setup(server, location, tmp_path, f"http://{written}/news/port")
    assert _ingest(config)[1] == REFUSED
    with time_machine.travel(datetime.now(UTC) + timedelta(hours=2)):
        assert _ingest(config) == ("", NOTHING)
    assert server.paths().count("/go/port") == 1


@pytest.mark.parametrize(
    "target", ["ftp://news.example/port", "http://ann:secret@news.example/port"]
)
def test_a_link_refused_for_its_form_is_not_listed_as_inside_a_private_network(
    server, location, tmp_path, target
):
    """A link redirecting to what is no web address the bot reads (another scheme, a
    password in it) is refused whatever allow_hosts says: passed over until it changes,
    and not counted with the links inside a private network."""
    config = _setup(server, location, tmp_path, target)
    said, line = _ingest(config)
    assert line == REFUSED and "private network" not in said
    _allow(config, "127.0.0.1", "news.example")
    assert _ingest(config) == ("", NOTHING)
    assert server.paths().count("/go/port") == 1
    _, listed = briefing(config, "sources", "list")
    assert "not read" not in listed
