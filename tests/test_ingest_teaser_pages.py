"""A teaser whose page cannot be read: nothing is lost (real fetcher, feedparser, pool,
SQLite, against a feed server on loopback, through the `briefing` command line)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

import pytest
import time_machine

from summaries.cli import EXIT_OK
from summaries.digest import compose_digest
from summaries.ingest.upgrade import moved_up
from summaries.samples import sample_articles
from summaries.sources import (
    FetchTimeoutError,
    HTTPStatusError,
    UnreachableError,
    UnsupportedContentError,
    is_temporary,
)
from tests.test_ingest import briefing, html_page, server, stored, write_config

__all__ = ["server"]  # the fixture

# two sentences (under the teaser threshold): enough to store when the page is gone
GONE_TEASER = (
    "The county will close the river ferry in January after forty years of service. "
    "Officials blamed falling passenger numbers and rising repair costs."
)
BUSY_TEASER = "Ferry fares rise again&#8230;"


def teaser_feed(items: list[tuple[str, str, str]], *, age: timedelta = timedelta(hours=1)) -> str:
    """A feed of teasers dated ``age`` ago (within ingest's window unless told)."""
    date = format_datetime(datetime.now(UTC) - age, usegmt=True)
    entries = "".join(
        f"<item><title>{escape(title)}</title><link>{{base}}{path}</link>"
        f"<guid>{{base}}{path}</guid><pubDate>{date}</pubDate>"
        f"<description>{text}</description></item>"
        for title, path, text in items
    )
    return f"<rss version='2.0'><channel><title>Harbour Wire</title>{entries}</channel></rss>"


def later(minutes: int):
    """The clock ``minutes`` on from now, running (the feed server and fetcher with it)."""
    return time_machine.travel(datetime.now(UTC) + timedelta(minutes=minutes))


def test_a_teaser_whose_page_fails_is_kept_from_its_feed_text_or_tried_again(server, tmp_path):
    fares = sample_articles()[3]
    feed = teaser_feed(
        [
            ("River ferry to close", "/news/ferry-closes", GONE_TEASER),
            ("Ferry fares rise", "/news/fares", BUSY_TEASER),
        ]
    )
    server.route("/rss", feed, "application/rss+xml", etag='"v1"')
    server.route("/news/ferry-closes", "gone", status=404)
    server.route("/news/fares", "busy", status=503)
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')

    code, out = briefing(config, "ingest")
    assert code == EXIT_OK, out
    # the page that is gone for good: stored from the feed's two sentences, said so
    assert out.strip().splitlines()[-1] == "1 source: 1 fetched, 1 new, 0 updated, 1 failed", out
    assert "River ferry to close: The site answered 404 Not Found." in out
    assert "It is stored from the feed's text." in out
    assert "Ferry fares rise: The site answered 503 Service Unavailable." in out
    assert "It is tried again at the next read." in out
    with stored(config) as store:
        assert store.count_articles() == 1
        kept = store.get_article(1)
        assert kept.title == "River ferry to close"
        assert "forty years of service" in kept.text and "repair costs" in kept.text
        assert kept.url == server.url("/news/ferry-closes")

    # the busy page answers now: read at the next ingest, though the feed is unchanged
    server.route("/news/fares", html_page(fares.title, fares.text), "text/html")
    server.reset_log()
    with later(16):
        code, out = briefing(config, "ingest", "--all")
    # fetched: the page that answers, and the gone page's entry read from its feed text
    # again (as every entry of a feed read whole is), unchanged: neither new nor updated
    assert out.strip().splitlines()[-1] == "1 source: 2 fetched, 1 new, 0 updated, 0 failed", out
    assert "/news/fares" in server.paths()
    # kept from the feed's text, its page is asked for again once a try is due (see
    # test_a_page_that_stays_gone...): still gone, the article stays as it was, and
    # nothing is said of it
    assert "/news/ferry-closes" in server.paths()
    assert "River ferry" not in out
    with stored(config) as store:
        assert store.count_articles() == 2
        assert store.get_article(1) == kept
        fetched = store.get_article(2)
        assert fetched.title == "Ferry fares rise"  # the feed's title, the page's text
        assert len(fetched.text.split()) > 80

    # every entry is taken in: now the feed is read conditionally, and nothing is twice
    server.reset_log()
    code, out = briefing(config, "ingest", "--all")
    assert out.strip().splitlines()[-1] == "1 source: 0 fetched, 0 new, 0 updated, 0 failed", out
    assert server.paths() == ["/rss"]
    assert server.requests[0].headers.get("if-none-match") == '"v1"'
    with stored(config) as store:
        assert store.count_articles() == 2


def test_a_teaser_too_short_to_stand_alone_is_failed_not_stored(server, tmp_path):
    feed = teaser_feed([("Ferry fares rise", "/news/fares", BUSY_TEASER)])
    server.route("/rss", feed, "application/rss+xml", etag='"v1"')
    server.route("/news/fares", "gone", status=410)
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    code, out = briefing(config, "ingest")
    assert out.strip().splitlines()[-1] == "1 source: 0 fetched, 0 new, 0 updated, 1 failed", out
    assert "Ferry fares rise: The site answered 410 Gone." in out
    with stored(config) as store:
        assert store.count_articles() == 0
    # gone for good: the feed's validators are kept, it is read conditionally
    server.reset_log()
    briefing(config, "ingest", "--all")
    assert server.paths() == ["/rss"]


def test_a_page_that_keeps_failing_does_not_hold_its_feed_open_for_ever(server, tmp_path):
    # dated before the window: the teaser would not be briefed, so its page is not waited
    # for (each wait reads the whole feed and summarizes every entry again)
    feed = teaser_feed(
        [("River ferry to close", "/news/ferry-closes", GONE_TEASER)], age=timedelta(days=10)
    )
    server.route("/rss", feed, "application/rss+xml", etag='"v1"')
    server.route("/news/ferry-closes", "busy", status=503)
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    code, out = briefing(config, "ingest")
    assert code == EXIT_OK, out
    assert "River ferry to close: The site answered 503 Service Unavailable." in out
    assert "It is stored from the feed's text." in out
    with stored(config) as store:
        assert store.count_articles() == 1
    server.reset_log()
    briefing(config, "ingest", "--all")
    assert server.paths() == ["/rss"]  # read conditionally: the page is not asked again
    assert server.requests[0].headers.get("if-none-match") == '"v1"'


@pytest.mark.parametrize(
    ("error", "temporary"),
    [
        (FetchTimeoutError(), True),
        (UnreachableError("news.example"), True),
        (HTTPStatusError.answered(408), True),
        (HTTPStatusError.answered(429), True),
        (HTTPStatusError.answered(500), True),
        (HTTPStatusError.answered(503), True),
        (HTTPStatusError.answered(404), False),
        (HTTPStatusError.answered(410), False),
        (HTTPStatusError.answered(403), False),
        (UnsupportedContentError("That address serves an image."), False),
    ],
)
def test_which_page_failures_are_tried_again(error, temporary):
    assert is_temporary(error) is temporary


def test_a_teaser_stored_from_its_feed_text_is_read_from_its_page_once_that_answers(
    server, tmp_path
):
    """The page was gone, so the feed's text was stored; while the entry is in the feed and
    within the window, a whole read of the feed asks for the page again, and its fuller
    article replaces the text and briefing in place: the same article and story."""
    closes = sample_articles()[0]
    item = ("River ferry to close", "/news/ferry-closes", GONE_TEASER)
    server.route("/rss", teaser_feed([item]), "application/rss+xml", etag='"v1"')
    server.route("/news/ferry-closes", "gone", status=404)
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    assert briefing(config, "ingest")[0] == EXIT_OK
    with stored(config) as store:
        kept = store.get_article(1)
    assert "forty years of service" in kept.text and kept.story_id is not None

    # the page answers, but the feed has not changed: it is read conditionally, no page
    server.route("/news/ferry-closes", html_page(closes.title, closes.text), "text/html")
    server.reset_log()
    briefing(config, "ingest", "--all")
    assert server.paths() == ["/rss"]

    # the feed changes (a new item): read whole, and the page is asked for again (a try
    # is due 15 minutes after the article was stored)
    fares = ("Ferry fares rise", "/news/fares", GONE_TEASER.replace("close", "stop"))
    server.route("/rss", teaser_feed([fares, item]), "application/rss+xml", etag='"v2"')
    server.route("/news/fares", html_page("Ferry fares rise", sample_articles()[3].text))
    with later(16):
        code, out = briefing(config, "ingest", "--all")
    assert out.strip().splitlines()[-1] == "1 source: 2 fetched, 1 new, 1 updated, 0 failed", out
    with stored(config) as store:
        assert store.count_articles() == 2
        upgraded = store.get_article(1)
        assert upgraded.id == kept.id and upgraded.story_id == kept.story_id
        assert upgraded.url == kept.url and upgraded.title == "River ferry to close"
        assert len(upgraded.text.split()) > 2 * len(kept.text.split())
        assert upgraded.briefing != kept.briefing
        assert upgraded.content_hash != kept.content_hash

    # fuller already: a later whole read does not ask for the page again
    server.route("/rss", teaser_feed([fares, item]), "application/rss+xml", etag='"v3"')
    server.reset_log()
    with later(31):
        briefing(config, "ingest", "--all")
    assert "/rss" in server.paths() and "/news/ferry-closes" not in server.paths()


def test_a_page_that_stays_gone_is_asked_for_at_widening_intervals_not_every_read(server, tmp_path):
    """A teaser kept from its feed's text whose page stays gone: of a feed read whole at
    every ingest (it states no validators), the page is asked for 15 minutes after the
    article was stored, then 30, 60... (about nine times within the window), not at every
    read."""
    item = ("River ferry to close", "/news/ferry-closes", GONE_TEASER)
    server.route("/rss", teaser_feed([item]), "application/rss+xml")  # no validators
    server.route("/news/ferry-closes", "gone", status=404)
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    assert briefing(config, "ingest")[0] == EXIT_OK
    asked = []
    for minutes in (1, 5, 16, 20, 25, 31, 45, 62):
        server.reset_log()
        with later(minutes):
            code, out = briefing(config, "ingest", "--all")
        assert code == EXIT_OK, out
        assert "/rss" in server.paths()  # read whole every time
        if "/news/ferry-closes" in server.paths():
            asked.append(minutes)
    assert asked == [16, 31, 62]
    with stored(config) as store:
        assert store.count_articles() == 1


def test_a_short_page_read_whole_is_not_asked_for_again_at_every_read(server, tmp_path):
    """A teaser whose page answers with an article no longer than the feed's text (a
    paywall's first paragraph): stored from the page, the page is not asked for at every
    later read of the feed."""
    item = ("River ferry to close", "/news/ferry-closes", GONE_TEASER)
    server.route("/rss", teaser_feed([item]), "application/rss+xml")  # no validators
    first = GONE_TEASER.split(". ")[0] + "."  # the page shows less than the feed
    server.route("/news/ferry-closes", html_page("Ferry", first + " Subscribe to read on."))
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    code, out = briefing(config, "ingest")
    assert out.strip().splitlines()[-1] == "1 source: 1 fetched, 1 new, 0 updated, 0 failed", out
    assert "/news/ferry-closes" in server.paths()
    for minutes in (1, 2, 3):
        server.reset_log()
        with later(minutes):
            briefing(config, "ingest", "--all")
        assert server.paths() == ["/rss"]


def test_an_upgraded_teaser_a_digest_posted_is_not_posted_again_and_is_found_by_its_text(
    server, tmp_path
):
    """The story of a teaser kept from its feed's text is posted in a digest; its page then
    answers and replaces the text: the next digest does not post the story again, and a
    search finds it by words only the page holds."""
    page = sample_articles()[0]
    item = ("River ferry to close", "/news/ferry-closes", GONE_TEASER)
    server.route("/rss", teaser_feed([item]), "application/rss+xml")
    server.route("/news/ferry-closes", "gone", status=404)
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    assert briefing(config, "ingest")[0] == EXIT_OK
    now = datetime.now(UTC)
    with stored(config) as store:
        kept = store.get_article(1)
        channel = store.ensure_channel("discord:1")
        first = compose_digest(store, channel, now=now, period="d1")
        assert [s.story.id for s in first.stories] == [kept.story_id]
        record = store.record_digest(channel.id, "d1", [kept.story_id], now)
        store.mark_digest_sent(record.id, now)
        assert store.search("Brennport", now=now) == []

    fares = ("Ferry fares rise", "/news/fares", GONE_TEASER.replace("close", "stop"))
    server.route("/rss", teaser_feed([fares, item]), "application/rss+xml")
    server.route("/news/ferry-closes", html_page(page.title, page.text), "text/html")
    server.route("/news/fares", html_page("Ferry fares rise", sample_articles()[3].text))
    with later(16):
        code, out = briefing(config, "ingest", "--all")
    assert out.strip().splitlines()[-1] == "1 source: 2 fetched, 1 new, 1 updated, 0 failed", out
    later_now = now + timedelta(minutes=20)
    with stored(config) as store:
        upgraded = store.get_article(1)
        assert "Brennport" in upgraded.text and upgraded.story_id == kept.story_id
        second = compose_digest(store, store.get_channel("discord:1"), now=later_now, period="d2")
        titles = [s.story.lead.title for s in second.stories]
        assert titles == ["Ferry fares rise"], titles
        hits = store.search("Brennport", now=later_now)
        assert [hit.story.id for hit in hits] == [kept.story_id]
        assert hits[0].story.lead.briefing == upgraded.briefing != kept.briefing


def test_a_taken_down_story_sent_to_its_sites_home_page_keeps_its_feed_text(server, tmp_path):
    """The page of a teaser kept from its feed's text was gone, and now its address sends
    readers to the site's home page or the story's section, a list of other stories longer
    than the teaser: that is not the story's article, and the feed's text stays."""
    item = ("River ferry to close", "/news/ferry-closes", GONE_TEASER)
    server.route("/rss", teaser_feed([item]), "application/rss+xml")
    server.route("/news/ferry-closes", "gone", status=404)
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    assert briefing(config, "ingest")[0] == EXIT_OK
    with stored(config) as store:
        kept = store.get_article(1)
    stories = "".join(
        f"<article><h2><a href='/news/{n}'>Council story number {n}</a></h2><p>The council "
        f"met on Tuesday to discuss item {n} of the budget, and officials said a decision "
        "would come next week after a public hearing.</p></article>"
        for n in range(12)
    )
    front = (
        f"<html><head><title>Coastal Times</title></head><body><main>{stories}</main></body></html>"
    )
    server.route("/", front, "text/html")
    server.route("/news/", front, "text/html")
    for minutes, target in ((16, "/"), (31, "/news/")):
        server.redirect("/news/ferry-closes", server.url(target), status=301)
        server.reset_log()
        with later(minutes):
            code, out = briefing(config, "ingest", "--all")
        assert code == EXIT_OK, out
        assert "/news/ferry-closes" in server.paths() and target in server.paths()
        with stored(config) as store:
            assert store.get_article(1) == kept


@pytest.mark.parametrize(
    ("page", "moved"),
    [
        ("https://news.example/", True),
        ("https://other.example/", True),  # a home page, wherever
        ("https://news.example/news/", True),
        ("https://www.news.example/news", True),
        ("https://news.example/news/ferry-closes", False),
        ("https://www.news.example/news/ferry-closes/", False),
        ("https://news.example/news/ferry-closes-in-january", False),  # a new slug
        ("https://news.example/2026/01/ferry-closes", False),
        ("https://other.example/news/", False),  # another site's page
        (None, False),
    ],
)
def test_which_pages_a_story_is_sent_to_are_its_sites_home_or_section(page, moved):
    assert moved_up(page, "https://news.example/news/ferry-closes") is moved


@pytest.mark.parametrize(
    ("page", "moved"),
    [
        ("https://news.example/news/ferry-closes/", False),  # the story an AMP copy is of
        ("https://news.example/news/", True),
        ("https://news.example/", True),
    ],
)
def test_an_amp_copys_link_led_to_its_story_is_not_sent_up(page, moved):
    assert moved_up(page, "https://news.example/news/ferry-closes/amp/") is moved


def test_a_teaser_kept_from_its_feed_text_takes_the_feeds_corrected_text(server, tmp_path):
    """The page is gone (or its script draws it, as a Mastodon post's): the entry is stored
    from the feed's text. When the feed corrects that text (an edited post), the stored
    article is corrected in place, whether or not its page is due to be asked for again."""
    feed = teaser_feed([("River ferry to close", "/news/ferry-closes", GONE_TEASER)])
    server.route("/rss", feed, "application/rss+xml")
    server.route("/news/ferry-closes", "gone", status=404)
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    briefing(config, "ingest")
    with stored(config) as store:
        kept = store.get_article(1)
    assert "in January" in kept.text

    # not due, then due (and still 404); each correction as long as the text it corrects
    for minutes, month in ((0, "February"), (20, "the second week of March")):
        corrected = GONE_TEASER.replace("in January", f"in {month}")
        server.route("/rss", feed.replace(GONE_TEASER, corrected), "application/rss+xml")
        with later(minutes):
            code, out = briefing(config, "ingest", "--all")
        assert out.strip().splitlines()[-1].startswith("1 source: 1 fetched, 0 new, 1 updated"), out
        with stored(config) as store:
            assert store.count_articles() == 1
            now = store.get_article(1)
        assert f"in {month}" in now.text and "in January" not in now.text
        assert now.url == kept.url and now.story_id == kept.story_id
