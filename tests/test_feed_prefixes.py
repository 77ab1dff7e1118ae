"""Feeds that use RSS modules' prefixes (content:, dc:, media:) without declaring them:
read whole, with what those elements hold, and not called malformed (the real fetcher
and feedparser, against a feed server on loopback)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.fakes.feed_server import FeedServer
from tests.test_feed_quirks import read

TEXT = "Ferries run again from the north quay after three weeks of repairs to the pier."


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def test_module_prefixes_a_feed_leaves_undeclared_are_read(server):
    item = (
        "<item><title>Ferries return</title><link>{base}/ferries</link>"
        "<dc:creator>Ann Lee</dc:creator><dc:date>2026-03-03T09:00:00+01:00</dc:date>"
        "<media:content url='{base}/quay.jpg' medium='image'/>"
        f"<content:encoded><![CDATA[<p>{TEXT}</p>]]></content:encoded></item>"
    )
    # the atom prefix is declared on the channel's link only: declared on the root too
    head = "<atom:link xmlns:atom='http://www.w3.org/2005/Atom' rel='self' href='{base}/feed'/>"
    feed = f"<!-- <rss> --><rss version='2.0'><channel><title>T</title>{head}{item}</channel></rss>"
    server.route("/feed", feed, "application/rss+xml")
    read_feed = read(server, "/feed")
    assert read_feed.problem is None
    (entry,) = read_feed.entries
    assert (entry.author, entry.content) == ("Ann Lee", TEXT)
    assert entry.published == datetime(2026, 3, 3, 8, tzinfo=UTC)
    assert entry.image == server.url("/quay.jpg")


def test_an_unknown_prefix_left_undeclared_is_still_a_fault(server):
    item = "<item><title>Ferries</title><link>{base}/f</link><x:note>n</x:note></item>"
    server.route("/feed", f"<rss version='2.0'><channel><title>T</title>{item}</channel></rss>")
    read_feed = read(server, "/feed")
    assert read_feed.problem is not None and "unbound prefix" in read_feed.problem
    assert [entry.title for entry in read_feed.entries] == ["Ferries"]


def test_a_prefix_declared_on_one_entry_only_is_declared_for_the_others(server):
    """The first entry declares media: on itself; the second uses it as well, where
    that declaration does not reach."""
    items = "".join(
        f"<item{declared}><title>Ferries {n}</title><link>{{base}}/f{n}</link>"
        f"<media:content url='{{base}}/quay{n}.jpg' medium='image'/></item>"
        for n, declared in enumerate([" xmlns:media='http://search.yahoo.com/mrss/'", ""])
    )
    server.route("/feed", f"<rss version='2.0'><channel><title>T</title>{items}</channel></rss>")
    read_feed = read(server, "/feed")
    assert read_feed.problem is None
    assert [entry.image for entry in read_feed.entries] == [
        server.url("/quay0.jpg"),
        server.url("/quay1.jpg"),
    ]
