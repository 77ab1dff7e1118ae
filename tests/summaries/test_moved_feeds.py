"""A feed that has moved for good (301 / 308) is read at its new address from then on;
one that moved for a while (302 / 307) keeps its own. Real ingest, fetcher, process pool
and store (SQLite and PostgreSQL), against a feed server on loopback."""

from __future__ import annotations

import asyncio
import logging

import pytest

from summaries.sources import MAX_ADDRESS_CHARS, refused_move
from summaries.store import open_store
from tests.fakes.feed_server import rss
from tests.summaries.test_link_aliases import NOW, ingest_once, server, store
from tests.summaries.test_source_spellings import database_before_spellings

__all__ = ["server", "store"]  # the fixtures

TEXT = (
    "The harbour authority said on Monday that the north quay will reopen in April after "
    "two years of repairs. Ferries to the islands will move back from the temporary pier. "
    "Traders on the quay welcomed the news but warned that parking remains scarce. "
    "The authority will publish the new timetable next month."
)
FEED = rss("Harbour Wire", [("North quay to reopen in April", "/news/quay", TEXT)])


@pytest.mark.parametrize("status", [301, 308])
def test_a_feed_moved_for_good_keeps_its_id_articles_and_validators_at_its_new_address(
    server, store, status
):
    server.route("/new.xml", FEED, "application/rss+xml", etag='"v1"')
    server.redirect("/old.xml", "/new.xml", status=status)
    source = store.add_source(server.url("/old.xml"), "feed", now=NOW)

    first = asyncio.run(ingest_once(store))
    assert (first.fetched, first.new, first.failed) == (1, 1, 0), first.problems
    (moved,) = store.list_sources()
    assert (moved.id, moved.url, moved.etag) == (source.id, server.url("/new.xml"), '"v1"')
    assert store.get_source(server.url("/old.xml")).id == source.id  # found by it still

    server.reset_log()
    second = asyncio.run(ingest_once(store))
    assert server.paths() == ["/new.xml"]  # straight to the new address, conditionally
    assert server.requests[0].headers.get("if-none-match") == '"v1"'
    assert (second.fetched, second.new, second.failed) == (0, 0, 0)
    assert store.count_articles() == 1


@pytest.mark.parametrize("status", [302, 307])
def test_a_feed_moved_for_a_while_keeps_its_address(server, store, status):
    server.route("/new.xml", FEED, "application/rss+xml")
    server.redirect("/old.xml", "/new.xml", status=status)
    store.add_source(server.url("/old.xml"), "feed", now=NOW)
    asyncio.run(ingest_once(store))
    assert [s.url for s in store.list_sources()] == [server.url("/old.xml")]


def test_a_move_that_ends_after_a_temporary_redirect_keeps_only_the_permanent_part(server, store):
    server.route("/new.xml", FEED, "application/rss+xml")
    server.redirect("/old.xml", "/mid.xml", status=301)
    server.redirect("/mid.xml", "/new.xml", status=302)
    store.add_source(server.url("/old.xml"), "feed", now=NOW)
    asyncio.run(ingest_once(store))
    assert [s.url for s in store.list_sources()] == [server.url("/mid.xml")]


def test_a_feed_moved_to_an_address_another_source_has_keeps_both(server, store, caplog):
    server.route("/new.xml", FEED, "application/rss+xml")
    server.redirect("/old.xml", "/new.xml", status=301)
    old = store.add_source(server.url("/old.xml"), "feed", now=NOW)
    new = store.add_source(server.url("/new.xml"), "feed", now=NOW)
    with caplog.at_level(logging.WARNING, logger="briefing.ingest"):
        report = asyncio.run(ingest_once(store))
    assert report.failed == 0 and store.count_articles() == 1
    assert store.get_source(old.id).url == server.url("/old.xml")
    assert store.get_source(new.id).url == server.url("/new.xml")
    assert any(
        "/old.xml" in record.getMessage() and "/new.xml" in record.getMessage()
        for record in caplog.records
    )


def test_a_feed_moved_to_an_address_a_source_holds_in_an_older_spelling_keeps_both(
    server, location, caplog
):
    """A source added before addresses had one spelling holds the new address too."""
    server.route("/new.xml", FEED, "application/rss+xml")
    server.redirect("/old.xml", "/new.xml", status=301)
    new = server.url("/new.xml")
    old, held = database_before_spellings(
        location, [server.url("/old.xml"), new.replace("http://", "HTTP://", 1)]
    )
    with open_store(location) as store:
        with caplog.at_level(logging.WARNING, logger="briefing.ingest"):
            report = asyncio.run(ingest_once(store))
        assert report.failed == 0 and store.count_articles() == 1
        assert store.get_source(old).url == server.url("/old.xml")
        assert store.get_source(held).url == new
        assert store.get_source(new).id == held
    assert any(
        "/old.xml" in record.getMessage() and "/new.xml" in record.getMessage()
        for record in caplog.records
    )


def test_a_feed_named_in_config_toml_stays_there_and_the_run_says_where_it_moved(server, store):
    """config.toml would add the old address again: the move is the admin's to make."""
    server.route("/new.xml", FEED, "application/rss+xml")
    server.redirect("/old.xml", "/new.xml", status=301)
    store.add_source(server.url("/old.xml"), "feed", added_by="config.toml", now=NOW)
    report = asyncio.run(ingest_once(store))
    assert [s.url for s in store.list_sources()] == [server.url("/old.xml")]
    assert any(
        f"has moved for good to {server.url('/new.xml')}" in problem and "config.toml" in problem
        for problem in report.problems
    ), report.problems


def test_a_moved_feed_is_still_found_at_the_address_it_was_followed_by(server, store):
    """A tenant names a source by the address it gave: after the move, adding that address
    again is no second source, and removing it ends the subscription."""
    server.route("/new.xml", FEED, "application/rss+xml")
    server.redirect("/old.xml", "/new.xml", status=301)
    old = server.url("/old.xml")
    source, _ = store.subscribe("t1", old, "feed", added_by="u1", now=NOW, max_sources=10)
    asyncio.run(ingest_once(store))
    assert store.get_source(source.id).url == server.url("/new.xml")

    assert store.get_source(old).id == source.id
    again, status = store.subscribe("t1", old, "feed", added_by="u1", now=NOW, max_sources=10)
    assert (again.id, status) == (source.id, "already")
    assert len(store.list_sources()) == 1
    gone, status = store.unsubscribe("t1", old)
    assert (gone.id, status) == (source.id, "removed")


def test_a_move_to_an_address_no_one_could_add_is_not_stored(server, store):
    """The address a source is given by a move passes the rules of one given by a person."""
    far = "/new.xml?" + "x" * MAX_ADDRESS_CHARS
    server.route("/new.xml", FEED, "application/rss+xml")
    server.redirect("/old.xml", far, status=301)
    store.add_source(server.url("/old.xml"), "feed", now=NOW)
    report = asyncio.run(ingest_once(store))
    assert report.new == 1  # read through the redirect all the same
    assert [s.url for s in store.list_sources()] == [server.url("/old.xml")]
    assert any(
        "keeps its address: That address is too long" in problem for problem in report.problems
    ), report.problems


@pytest.mark.parametrize(
    ("old", "new", "refused"),
    [
        ("https://news.example/rss", "http://news.example/rss", True),
        ("https://news.example/rss", "https://feeds.example/rss", False),
        ("http://news.example/rss", "https://news.example/rss", False),
        ("http://news.example/rss", "http://feeds.example/rss", False),
    ],
)
def test_a_move_from_https_to_plain_http_is_not_stored(old, new, refused):
    assert (refused_move(old, new) is not None) is refused
