"""Sources against a real HTTP server on loopback: real httpx, feedparser and trafilatura."""

from __future__ import annotations

import asyncio
import os
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

import summaries.sources as sources
from summaries.errors import BinaryInputError, InputError, InputTooLargeError
from summaries.fetch import fetch_article
from summaries.sources import (
    FEED,
    BlockedAddressError,
    Fetcher,
    FetchTimeoutError,
    HTTPStatusError,
    ResponseTooLargeError,
    SourceError,
    TooManyRedirectsError,
    UnsupportedContentError,
    article_for_entry,
    article_from_page,
    fetch_feed,
    is_due,
    is_teaser,
    next_attempt,
    read_folder,
    retry_delay,
)
from summaries.sources.feeds import FeedEntry
from tests.fakes.feed_server import FeedServer, feed_body, http_date

LOCAL = {"127.0.0.1"}
PRIVATE = "That address points inside a private network, so it will not be fetched."
BOILERPLATE = (
    "Share on",
    "Subscribe",
    "Related stories",
    "lithium",
    "newsletter",
    "Copyright",
    "Privacy policy",
    "Cookie settings",
    "More from Industry",
)
BATTERY_SENTENCES = [
    "Voltara will build its first European battery plant in Kessel, creating about 2,400 jobs "
    "by the end of the decade, the company said on Wednesday.",
    "The factory will produce cells for electric buses and lorries, with a first production "
    "line due to open in 2026.",
    "Local unions welcomed the decision but asked Voltara to sign a collective agreement "
    "before hiring begins.",
]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


def get(url: str, **options):
    """One Fetcher.get on a fresh loop, loopback allowed unless ``allow_hosts`` is given."""
    options.setdefault("allow_hosts", LOCAL)
    options.setdefault("politeness", 0.0)
    etag = options.pop("etag", None)
    last_modified = options.pop("last_modified", None)
    accept = options.pop("accept", sources.ARTICLE)

    async def main():
        async with Fetcher(**options) as fetcher:
            return await fetcher.get(url, etag=etag, last_modified=last_modified, accept=accept)

    return asyncio.run(main())


def read_feed(server: FeedServer, path: str):
    async def main():
        async with Fetcher(allow_hosts=LOCAL, politeness=0.0) as fetcher:
            return await fetch_feed(fetcher, server.url(path))

    update = asyncio.run(main())
    assert update.feed is not None
    return update.feed


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


# --- feed shapes ------------------------------------------------------------------------


def test_rss2_with_content_encoded_cdata_entities_and_relative_links(server):
    server.feed("/rss", "rss2.xml")
    feed = read_feed(server, "/rss")
    base = server.base
    assert feed.title == "Coastal Times & Harbour News"
    assert feed.version == "rss20" and feed.problem is None
    dredging, ferry = feed.entries
    assert dredging.title == "Harbour to dredge northern channel \u2013 at last"
    assert dredging.link == f"{base}/news/2024/03/harbour-dredging"  # relative in the feed
    assert dredging.id == "coastal-times-8812"
    assert dredging.published == utc(2024, 3, 5, 6, 15)  # 08:15 +0200
    assert dredging.author == "Maren Solberg"
    assert dredging.image == f"{base}/images/dredger.jpg"  # relative enclosure
    assert dredging.summary == "The harbour authority approved a 40 million euro plan\u2026"
    assert "ending a decade of delays" in dredging.content
    assert (
        "without waiting for the tide \u2014 a change the port\u2019s tenants" in dredging.content
    )
    assert "paid for by port fees and a state loan." in dredging.content
    for leftover in ("<", "&mdash;", "&nbsp;", "\xa0", "trackReader"):
        assert leftover not in dredging.content
    assert ferry.author == "Ivar Lund"  # "desk@coastal.example (Ivar Lund)"
    assert ferry.image == f"{base}/images/ferry-thumb.jpg"  # media:thumbnail
    assert ferry.content == ""
    assert 'Commuters called the increase "unaffordable"' in ferry.summary
    assert ferry.published == utc(2024, 3, 4, 17, 0)


def test_atom_with_xml_base_and_html_titles(server):
    server.feed("/blog/atom.xml", "atom.xml", "application/atom+xml")
    feed = read_feed(server, "/blog/atom.xml")
    base = server.base
    assert feed.title == "Valley Weather Desk"
    assert feed.link == f"{base}/blog/"
    heat, storm = feed.entries
    assert heat.title == "Heat wave strains the Tarrow Valley grid"
    assert heat.link == f"{base}/blog/posts/heat-wave-grid"
    assert heat.published == utc(2024, 7, 2, 2, 30)  # published 22:30 -04:00, not updated
    assert heat.author == "Odile Ferrant"
    assert heat.image == f"{base}/img/grid-map.png"
    assert heat.content.startswith("Grid operators in the Tarrow Valley asked factories")
    assert "9,000 homes" in heat.content and "<p>" not in heat.content
    assert storm.link == f"{base}/archive/2024/storm-lifted.html"  # the entry's own xml:base
    assert storm.published == utc(2024, 6, 30, 12, 0)  # only <updated>
    assert storm.summary == (
        "The weather service lifted its amber warning at noon & reopened the ports."
    )
    assert storm.id == "tag:weather.example,2024:storm-lifted"


def test_rss1_rdf(server):
    server.feed("/rdf", "rss1.rdf")
    feed = read_feed(server, "/rdf")
    assert feed.title == "Aldmere Economic Review" and feed.version == "rss10"
    assert [entry.link for entry in feed.entries] == [
        f"{server.base}/2024/rate-cut",
        f"{server.base}/2024/bond-yields",
    ]
    assert [entry.published for entry in feed.entries] == [
        utc(2024, 5, 16, 12, 0),  # dc:date 14:00 +02:00
        utc(2024, 5, 16, 16, 45),
    ]
    assert feed.entries[0].author == "Petra Holm"
    assert feed.entries[0].summary.startswith("The Aldmere central bank lowered its main rate")


def test_rss091_in_latin1_without_dates_or_guids(server):
    server.feed("/091", "rss091.xml", "application/rss+xml")  # charset only in the XML
    feed = read_feed(server, "/091")
    assert feed.version.startswith("rss091")
    cup, cafe = feed.entries
    assert cafe.title == "Café owners near the stadium count the takings"
    assert "Jonás Berg" in cup.summary
    assert cup.published is None and cafe.published is None
    assert cup.id == cup.link == f"{server.base}/sport/cup-final"


@pytest.mark.parametrize(
    ("name", "wrong", "title"),
    [  # Latin-1 bytes (the XML says so) labelled UTF-8, and UTF-8 bytes labelled Latin-1
        ("rss091.xml", "charset=utf-8", "Caf\u00e9 owners near the stadium count the takings"),
        ("rss2.xml", "charset=iso-8859-1", "Harbour to dredge northern channel \u2013 at last"),
    ],
)
def test_a_gzipped_feed_with_a_wrong_charset_label_is_decoded_by_its_bytes(
    server, name, wrong, title
):
    server.feed("/plain", name, "application/rss+xml")  # no charset: the XML tells it
    server.feed("/gzipped", name, f"application/rss+xml; {wrong}", gzip=True)
    gzipped = read_feed(server, "/gzipped")
    assert gzipped.problem is None
    assert title in [entry.title for entry in gzipped.entries]
    assert gzipped.entries == read_feed(server, "/plain").entries


def test_malformed_feed_still_gives_its_entries(server):
    server.feed("/bad", "malformed.xml")
    feed = read_feed(server, "/bad")
    assert feed.problem  # feedparser's bozo: undefined entity, unclosed tags
    assert [entry.title for entry in feed.entries] == [
        "Port systems back online after ransomware attack",
        "Truckers queue for hours at the gates",
    ]
    assert feed.entries[0].summary == (
        "Crane scheduling returned on Friday morning, three days after the attack."
    )
    assert feed.entries[1].summary == "Drivers waited up to nine hours & some slept in their cabs."
    assert feed.entries[1].published == utc(2024, 4, 12, 18, 20)


def test_feed_without_dates(server):
    server.feed("/notes", "nodates.xml")
    feed = read_feed(server, "/notes")
    assert [entry.published for entry in feed.entries] == [None, None]
    assert feed.entries[0].summary == (
        "A two-year survey of city rooftops found 31 wild bee species, twice the number expected."
    )
    assert len({entry.id for entry in feed.entries}) == 2


def test_a_guid_that_is_no_web_address_is_no_link(server):
    """``<guid>8812</guid>`` is a permalink by default, but it is no address: the entry has
    no link (never the feed's address with "8812" on the end); a guid that is one is its link."""
    items = (
        "<item><title>Ferry stops</title><guid>8812</guid>"
        "<description>The river ferry stops in January.</description></item>"
        "<item><title>Bridge opens</title><guid>{base}/news/bridge</guid>"
        "<description>The bridge opens on Monday.</description></item>"
    )
    feed = f"<rss version='2.0'><channel><title>Wire</title>{items}</channel></rss>"
    server.route("/news/rss", feed, "application/rss+xml")
    entries = read_feed(server, "/news/rss").entries
    assert [(e.title, e.link) for e in entries] == [
        ("Ferry stops", None),
        ("Bridge opens", server.url("/news/bridge")),
    ]
    assert entries[0].id == "8812"


def atom_notes(*entries: str) -> str:
    """An Atom feed whose xml:base is its blog's index page, with ``entries``."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/blog/posts/">'
        '<title>Field Notes</title><link href="{base}/blog/"/>'
        "<id>urn:uuid:5e1f0c2a-0d1b-4c67-9a57-fieldnotes</id>" + "".join(entries) + "</feed>"
    )


def atom_entry(title: str, link: str, entry_id: str) -> str:
    return (
        f"<entry><title>{title}</title>{link}<id>{entry_id}</id>"
        f"<summary>{title} was seen on Monday.</summary></entry>"
    )


@pytest.mark.parametrize(
    ("link", "entry_id", "expected"),
    [
        ('<link href=""/>', "{base}/blog/posts/first-frost", "/blog/posts/first-frost"),
        (
            '<link rel="alternate" href="  "/>',
            "{base}/blog/posts/first-frost",
            "/blog/posts/first-frost",
        ),
        ('<link href=""></link>', "tag:notes.example,2024:first-frost", None),
        ('<link href=""/>', "urn:uuid:0b7e5ac1-frost", None),
    ],
    ids=["href-empty", "href-blank", "element-empty-tag-id", "urn-id"],
)
def test_an_atom_entry_with_an_empty_link_has_no_link_but_its_address_id(
    server, link, entry_id, expected
):
    """An empty href is resolved to the xml:base, the blog's index page: no story's own."""
    harvest = atom_entry("Harvest", '<link href="harvest"/>', "tag:notes.example,2024:harvest")
    server.route("/notes.atom", atom_notes(atom_entry("First frost", link, entry_id), harvest))
    entries = read_feed(server, "/notes.atom").entries
    assert [(e.title, e.link) for e in entries] == [
        ("First frost", server.url(expected) if expected else None),
        ("Harvest", server.url("/blog/posts/harvest")),
    ]


@pytest.mark.parametrize(
    ("link", "guid", "expected"),
    [
        ("<link></link>", "<guid>{base}/news/ferry</guid>", "/news/ferry"),
        ("<link> </link>", "<guid>{base}/news/ferry</guid>", "/news/ferry"),
        ("<link/>", "<guid>{base}/news/ferry</guid>", "/news/ferry"),
        ("<link></link>", '<guid isPermaLink="false">{base}/news/ferry</guid>', None),
        ("<link></link>", "<guid>ferry-8812</guid>", None),
    ],
    ids=["empty", "blank", "self-closed", "not-a-permalink", "guid-no-address"],
)
def test_an_rss_item_with_an_empty_link_is_read_as_one_without_a_link(server, link, guid, expected):
    items = (
        f"<item><title>Ferry stops</title>{link}{guid}<description>It stops.</description></item>"
        "<item><title>Bridge opens</title><link>/news/bridge</link>"
        "<description>It opens.</description></item>"
    )
    feed = (
        "<rss version='2.0'><channel><title>Wire</title><link>{base}/news/</link>"
        f"{items}</channel></rss>"
    )
    server.route("/news/rss", feed, "application/rss+xml")
    entries = read_feed(server, "/news/rss").entries
    assert [(e.title, e.link) for e in entries] == [
        ("Ferry stops", server.url(expected) if expected else None),
        ("Bridge opens", server.url("/news/bridge")),
    ]


@pytest.mark.parametrize("start", [b"\n\n  ", b"\xef\xbb\xbf\r\n ", b"\t\xef\xbb\xbf"])
def test_white_space_before_the_xml_declaration_is_no_malformation(server, start):
    server.feed("/rss", "rss2.xml")
    server.route("/spaced", start + feed_body("rss2.xml", server.base), "application/rss+xml")
    spaced = read_feed(server, "/spaced")
    assert spaced.problem is None  # ingest would call it malformed at every read
    assert spaced.entries == read_feed(server, "/rss").entries


def test_a_spaced_feed_cut_to_its_newest_entries_keeps_the_newest():
    items = "".join(
        f"<item><title>Day {day}</title><link>https://news.example/{day}</link>"
        f"<pubDate>Mon, {day:02d} Mar 2026 09:00:00 GMT</pubDate></item>"
        for day in range(1, 7)  # oldest first
    )
    feed = f"<?xml version='1.0'?><rss version='2.0'><channel>{items}</channel></rss>"
    parsed = sources.parse_feed(b"\n  " + feed.encode(), "https://news.example/rss", None, 2)
    assert [entry.title for entry in parsed.entries] == ["Day 6", "Day 5"]
    assert parsed.left_out == 4


@pytest.mark.parametrize(
    ("older", "newer"),
    [
        # 01:00 in London is later than 09:00 in Auckland, the day before in UTC
        ("2026-03-03 09:00:00 Pacific/Auckland", "2026-03-03 01:00:00 Europe/London"),
        # an offset no clock uses is no date, below any dated entry
        ("Tue, 03 Mar 2026 23:00:00 -1300", "Tue, 03 Mar 2026 09:00:00 GMT"),
    ],
)
def test_a_feed_cut_to_its_newest_entry_reads_dates_as_its_entries_are_read(older, newer):
    """Cutting a long feed keeps the entry that reading it dates newest: a zone named by
    the tz database is that zone, and an undated entry is not the newest."""
    items = "".join(
        f"<item><title>{title}</title><link>https://news.example/{title}</link>"
        f"<pubDate>{stated}</pubDate></item>"
        for title, stated in (("Older", older), ("Newer", newer))
    )
    feed = f"<?xml version='1.0'?><rss version='2.0'><channel>{items}</channel></rss>"
    parsed = sources.parse_feed(feed.encode(), "https://news.example/rss", None, 1)
    assert [entry.title for entry in parsed.entries] == ["Newer"]


def test_a_feed_labelled_as_a_web_page_is_still_read(server):
    server.feed("/rss", "rss2.xml", "text/html; charset=utf-8")
    feed = read_feed(server, "/rss")
    assert len(feed.entries) == 2
    assert feed.problem is None  # a wrong label is no malformation


@pytest.mark.parametrize("label", ["application/octet-stream", "binary/octet-stream"])
def test_a_feed_labelled_as_a_download_is_still_read(server, label):
    """A server's catch-all label (nginx's default_type, an upload without a type)."""
    server.feed("/rss", "rss2.xml")
    server.feed("/feed", "rss2.xml", label)
    assert read_feed(server, "/feed").entries == read_feed(server, "/rss").entries


def test_a_web_page_is_not_a_feed(server):
    server.feed("/shop", "not-a-feed.html")
    with pytest.raises(SourceError) as raised:
        read_feed(server, "/shop")
    assert str(raised.value) == (
        f"The address {server.url('/shop')} does not serve an RSS, Atom or JSON feed "
        "(it is a web page)."
    )


def test_an_empty_answer_is_not_a_feed(server):
    server.route("/empty", b"", "application/rss+xml")
    with pytest.raises(SourceError, match="is empty"):
        read_feed(server, "/empty")


def test_a_feed_served_as_an_image_is_refused_before_reading(server):
    server.route("/logo", b"\x89PNG" + bytes(100), "image/png")
    with pytest.raises(UnsupportedContentError) as raised:
        get(server.url("/logo"), accept=FEED)
    assert str(raised.value) == "That address serves image/png, not a feed."


# --- teasers and pages ------------------------------------------------------------------


def entry(text: str, content: str = "") -> FeedEntry:
    return FeedEntry("id", "Title", "http://news.example/a", None, None, text, content, None)


LONG = " ".join(["The council met on Monday and voted on the budget for next year."] * 10)


@pytest.mark.parametrize(
    ("summary", "content", "teaser"),
    [
        (LONG, "", False),
        ("", LONG, False),
        ("Voltara will build its first European battery plant in Kessel\u2026", LONG, False),
        ("Voltara will build its first European battery plant in Kessel\u2026", "", True),
        ("Short and complete.", "", True),
        ("", "", True),
        (LONG + " Read more", "", True),
        (LONG + " Read more \u00bb", "", True),
        (LONG + " [\u2026]", "", True),
        (LONG + " [...]", "", True),
        (LONG + " Continue reading", "", True),
        (LONG + " and so on...", "", True),
    ],
)
def test_teaser_detection(summary, content, teaser):
    assert is_teaser(entry(summary, content)) is teaser


def test_teasers_are_followed_to_the_page_for_the_full_text(server):
    server.feed("/teasers", "teasers.xml")
    server.feed("/articles/battery-factory.html", "battery-factory.html")
    server.feed("/articles/water-permit.html", "water-permit.html")
    base = server.base

    async def main():
        async with Fetcher(allow_hosts=LOCAL, politeness=0.0) as fetcher:
            update = await fetch_feed(fetcher, server.url("/teasers"))
            assert all(is_teaser(entry) for entry in update.feed.entries)
            return [
                await article_for_entry(fetcher, entry, update.feed)
                for entry in update.feed.entries
            ]

    battery, water = asyncio.run(main())
    assert server.paths() == [
        "/teasers",
        "/articles/battery-factory.html",
        "/articles/water-permit.html",
    ]
    for sentence in BATTERY_SENTENCES:
        assert sentence in battery.text
    assert "Opponents said the cap was too generous in dry summers" in water.text
    for article in (battery, water):
        for boilerplate in BOILERPLATE:
            assert boilerplate not in article.text
        assert "creating\u2026" not in article.text and "Read more" not in article.text
    assert battery.title == "Voltara picks Kessel for its battery factory"
    assert battery.url == f"{base}/articles/battery-factory"  # the page's canonical link
    assert battery.published == utc(2024, 1, 10, 6, 0)  # the feed's date
    assert battery.author == "Tomas Reinholt"  # from the page
    assert battery.image == f"{base}/media/kessel-site.jpg"  # og:image, made absolute
    assert battery.source == "Voltara Industry Daily"
    assert water.url == f"{base}/articles/water-permit.html"


def test_an_entry_with_its_full_text_is_not_followed(server):
    server.feed("/rss", "rss2.xml")

    async def main():
        async with Fetcher(allow_hosts=LOCAL, politeness=0.0) as fetcher:
            update = await fetch_feed(fetcher, server.url("/rss"))
            return await article_for_entry(fetcher, update.feed.entries[0], update.feed)

    article = asyncio.run(main())
    assert server.paths() == ["/rss"]  # the page was not asked for
    assert "protect the fish" in article.text
    assert article.source == "Coastal Times & Harbour News"
    assert article.published == utc(2024, 3, 5, 6, 15)


def test_page_metadata_from_trafilatura_and_the_markup(server):
    url = server.url("/articles/battery-factory.html")
    article = article_from_page(feed_body("battery-factory.html", server.base), url)
    assert article.published == utc(2024, 1, 10, 6, 0)  # 07:00 +01:00, time kept
    assert article.url == server.url("/articles/battery-factory")
    assert article.image == server.url("/media/kessel-site.jpg")
    assert article.author == "Tomas Reinholt"
    assert article.source == "Voltara Industry Daily"
    assert "Share on" not in article.text and BATTERY_SENTENCES[0] in article.text


def test_an_undated_page_gets_no_date_guessed_from_its_copyright_line(server):
    url = server.url("/articles/water-permit.html")
    article = article_from_page(feed_body("water-permit.html", server.base), url)
    assert article.published is None  # the footer says "Copyright 2024"
    assert article.url == url
    assert article.title == "Council approves the factory's water permit"


# --- conditional GET, per-host limits, politeness ---------------------------------------


def test_conditional_get_sends_validators_and_gets_not_modified(server):
    stamp = http_date(1_709_625_600)
    server.feed("/rss", "rss2.xml", etag='"v7"', last_modified=stamp)
    url = server.url("/rss")

    async def main():
        async with Fetcher(allow_hosts=LOCAL, politeness=0.0) as fetcher:
            first = await fetch_feed(fetcher, url)
            second = await fetch_feed(
                fetcher, url, etag=first.etag, last_modified=first.last_modified
            )
            raw = await fetcher.get(url, etag=first.etag, accept=FEED)
            return first, second, raw

    first, second, raw = asyncio.run(main())
    assert (first.etag, first.last_modified) == ('"v7"', stamp)
    assert first.feed is not None and len(first.feed.entries) == 2
    assert "if-none-match" not in server.requests[0].headers
    asked = server.requests[1].headers
    assert (asked["if-none-match"], asked["if-modified-since"]) == ('"v7"', stamp)
    assert second.not_modified and second.feed is None
    assert (second.etag, second.last_modified) == ('"v7"', stamp)  # kept for next time
    assert raw.not_modified and raw.status == 304 and raw.body == b""


def test_a_changed_feed_is_fetched_again_despite_old_validators(server):
    server.feed("/rss", "rss2.xml", etag='"v8"')
    result = get(server.url("/rss"), etag='"v7"', accept=FEED)
    assert result.status == 200 and not result.not_modified
    assert result.etag == '"v8"' and b"Coastal Times" in result.body


def concurrent_gets(server: FeedServer, path: str, count: int, **options) -> list:
    async def main():
        async with Fetcher(allow_hosts=LOCAL, **options) as fetcher:
            return await asyncio.gather(
                *(fetcher.get(server.url(path)) for _ in range(count)), return_exceptions=True
            )

    return asyncio.run(main())


def test_at_most_per_host_requests_are_in_flight(server):
    server.route("/slow", "Harbour news.", delay=0.1)
    results = concurrent_gets(server, "/slow", 5, per_host=2, politeness=0.0)
    assert [result.body for result in results] == [b"Harbour news."] * 5
    assert server.max_in_flight == 2
    server.reset_log()
    concurrent_gets(server, "/slow", 4, per_host=4, politeness=0.0)
    assert server.max_in_flight == 4  # the server does see parallel requests


def test_waiting_for_a_turn_does_not_count_against_the_timeout(server):
    server.route("/slow", "Harbour news.", delay=0.15)
    results = concurrent_gets(server, "/slow", 3, per_host=1, politeness=0.0, timeout=0.4)
    assert [result.body for result in results] == [b"Harbour news."] * 3  # last waited 0.3 s


class FakeClock:
    """A monotonic clock that only moves when told to, or when someone sleeps on it."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 6))
        self.now += seconds
        await asyncio.sleep(0)


def test_politeness_with_an_injected_clock(server):
    server.route("/page", "Harbour news.")
    clock = FakeClock()
    here = server.url("/page")
    other = f"http://localhost:{server.port}/page"  # another host name, same server

    async def main():
        async with Fetcher(
            allow_hosts={"127.0.0.1", "localhost"},
            politeness=30.0,
            clock=clock,
            sleep=clock.sleep,
        ) as fetcher:
            await fetcher.get(here)  # first visit: no wait
            clock.now += 10
            await fetcher.get(here)  # 10 s after the first start: waits 20 s
            await fetcher.get(other)  # another host: no wait
            clock.now += 45  # 45 s after the second start: the first of these two goes at
            await asyncio.gather(fetcher.get(here), fetcher.get(here))  # once, then 30 s on

    asyncio.run(main())
    assert clock.slept == [20.0, 30.0]
    assert len(server.requests) == 5


# --- redirects, time, size, compression -------------------------------------------------


def test_redirect_chain_is_followed(server):
    server.redirect("/r1", "r2")  # relative
    server.redirect("/r2", server.url("/r3"), status=301)  # absolute
    server.redirect("/r3", "/feed.xml", status=308)  # absolute path
    server.feed("/feed.xml", "rss1.rdf")
    result = get(server.url("/r1"), accept=FEED)
    assert server.paths() == ["/r1", "/r2", "/r3", "/feed.xml"]
    assert result.url == server.url("/feed.xml")
    assert b"Aldmere Economic Review" in result.body


def test_a_redirect_loop_is_refused(server):
    server.redirect("/loop", "/loop")
    with pytest.raises(TooManyRedirectsError) as raised:
        get(server.url("/loop"))
    assert str(raised.value) == "The site redirected more than 5 times; giving up."
    assert server.paths() == ["/loop"] * 6


def test_a_slow_endpoint_times_out_with_a_clear_message(server):
    server.route("/slow", "late news", delay=1.5)
    started = time.monotonic()
    with pytest.raises(FetchTimeoutError) as raised:
        get(server.url("/slow"), timeout=0.3)
    assert time.monotonic() - started < 1.0
    assert str(raised.value) == "The site took too long to answer."


def test_a_huge_streamed_response_is_refused(server):
    server.route("/huge", b"x" * 10_000, repeat=200, declare_length=False)
    with pytest.raises(ResponseTooLargeError) as raised:
        get(server.url("/huge"), max_bytes=100_000)
    assert isinstance(raised.value, InputTooLargeError)
    assert "the limit of 0.1 MB" in str(raised.value)


def test_a_huge_declared_length_is_refused_before_the_body(server):
    server.route("/declared", b"x" * 10_000, repeat=100, trickle=0.05)  # 5 s to send
    started = time.monotonic()
    with pytest.raises(ResponseTooLargeError, match="would send 1.0 MB; the limit is 0.1 MB"):
        get(server.url("/declared"), max_bytes=100_000)
    assert time.monotonic() - started < 1.0


def test_gzip_is_decoded(server):
    server.feed("/rss.gz", "atom.xml", "application/atom+xml", gzip=True)
    result = get(server.url("/rss.gz"), accept=FEED)
    assert "gzip" in server.requests[0].headers["accept-encoding"]
    assert result.body == feed_body("atom.xml", server.base)


def test_an_error_status_keeps_its_code(server):
    with pytest.raises(HTTPStatusError) as raised:
        get(server.url("/nothing-here"))
    assert raised.value.status == 404
    assert str(raised.value) == "The site answered 404 Not Found."


# --- address safety ---------------------------------------------------------------------


def test_a_name_resolving_to_loopback_is_refused_unless_allowed(server):
    server.route("/page", "Harbour news.")
    url = f"http://localhost:{server.port}/page"
    with pytest.raises(BlockedAddressError) as raised:
        get(url, allow_hosts=())
    assert str(raised.value) == PRIVATE
    with pytest.raises(BlockedAddressError):
        get(server.url("/page"), allow_hosts=())  # the literal IP too
    assert server.requests == []  # refused before any connection
    assert get(url, allow_hosts={"LOCALHOST"}).body == b"Harbour news."
    assert server.requests[0].headers["host"] == f"localhost:{server.port}"


@pytest.mark.parametrize(
    "target",
    ["http://10.0.0.1/feed", "http://169.254.169.254/latest/meta-data/", "http://[::1]/"],
)
def test_a_redirect_to_a_private_address_is_refused(server, target):
    server.redirect("/moved", target)
    with pytest.raises(BlockedAddressError) as raised:
        get(server.url("/moved"), accept=FEED)
    assert str(raised.value) == (
        "That address redirects inside a private network, so it will not be fetched."
    )
    assert server.paths() == ["/moved"]


def test_a_redirect_to_another_scheme_is_refused(server):
    server.redirect("/moved", "file:///etc/passwd")
    with pytest.raises(InputError, match="^That address redirects to one that is not http"):
        get(server.url("/moved"))


def refresh_page(target: str, delay: int = 0, order: str = "http-equiv first") -> str:
    content = f"{delay}; URL=&#39;{target}&#39;" if "quoted" in order else f"{delay};url={target}"
    tag = (
        f'<meta content="{content}" http-equiv="Refresh">'
        if "content first" in order
        else f'<meta http-equiv="refresh" content="{content}">'
    )
    return f"<html><head><title>Redirecting</title>{tag}</head><body>Redirecting</body></html>"


@pytest.mark.parametrize("order", ["http-equiv first", "content first", "quoted"])
def test_a_page_that_moves_by_meta_refresh_is_followed(server, order):
    page = "<html><body><article><p>" + " ".join(BATTERY_SENTENCES) + "</p></article></body></html>"
    server.route("/story", page, "text/html")
    server.route("/short", refresh_page("/story", order=order), "text/html")
    result = get(server.url("/short"))
    assert result.url == server.url("/story")
    assert server.paths() == ["/short", "/story"]
    assert BATTERY_SENTENCES[0].encode() in result.body


def test_a_page_that_only_reloads_itself_later_is_not_followed(server):
    server.route("/live", refresh_page("/live", delay=300), "text/html")
    assert get(server.url("/live")).url == server.url("/live")
    assert server.paths() == ["/live"]


def test_a_refresh_for_browsers_without_scripts_is_not_followed(server):
    tag = '<noscript><meta http-equiv="refresh" content="0; url=/nojs"></noscript>'
    server.route("/story", f"<html><head>{tag}</head><body><p>News.</p></body></html>", "text/html")
    assert get(server.url("/story")).url == server.url("/story")
    assert server.paths() == ["/story"]


def test_a_meta_refresh_is_no_way_round_the_address_rules(server):
    server.route("/to-private", refresh_page("http://10.0.0.1/admin"), "text/html")
    with pytest.raises(BlockedAddressError) as raised:  # said to be one, as for a redirect
        get(server.url("/to-private"))
    assert raised.value.redirected
    assert str(raised.value) == (
        "That address redirects inside a private network, so it will not be fetched."
    )
    server.route("/ping", refresh_page("/pong"), "text/html")
    server.route("/pong", refresh_page("/ping"), "text/html")
    with pytest.raises(TooManyRedirectsError):
        get(server.url("/ping"))


@pytest.mark.parametrize(
    "target", ["file:///etc/passwd", "javascript:alert(1)", "about:blank", "/self", "#top"]
)
def test_a_refresh_that_moves_nobody_leaves_the_page_to_be_read(server, target):
    server.route("/self", refresh_page(target), "text/html")
    result = get(server.url("/self"))
    assert result.url == server.url("/self") and b"Redirecting" in result.body
    assert server.paths() == ["/self"]  # nothing else was asked for


def test_a_feed_is_never_taken_for_a_meta_refresh(server):
    body = refresh_page("/elsewhere")
    server.route("/feed", body, "text/html")
    assert get(server.url("/feed"), accept=FEED).body == body.encode()


def slow_dns(monkeypatch: pytest.MonkeyPatch, name: str, seconds: float) -> None:
    """The system resolver answers ``name`` with 127.0.0.1, after blocking ``seconds``."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host != name:
            return real(host, port, *args, **kwargs)
        time.sleep(seconds)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def test_name_resolution_does_not_block_the_event_loop(server, monkeypatch):
    server.route("/page", "Harbour news.")
    slow_dns(monkeypatch, "slow-dns.test", 0.3)

    async def main():
        ticks = 0
        done = False

        async def ticker():
            nonlocal ticks
            while not done:
                ticks += 1
                await asyncio.sleep(0.02)

        task = asyncio.create_task(ticker())
        async with Fetcher(allow_hosts={"slow-dns.test"}, politeness=0.0) as fetcher:
            result = await fetcher.get(f"http://slow-dns.test:{server.port}/page")
        done = True
        await task
        return result, ticks

    result, ticks = asyncio.run(main())
    assert result.body == b"Harbour news."
    assert ticks >= 8  # the loop kept running while the resolver blocked for 0.3 s


def test_name_resolution_is_bounded_by_the_deadline(monkeypatch):
    slow_dns(monkeypatch, "hung-dns.test", 1.5)
    started = time.monotonic()
    with pytest.raises(InputError, match="^The site took too long to answer.$"):
        fetch_article("http://hung-dns.test/news", allow_hosts={"hung-dns.test"}, timeout=0.3)
    assert time.monotonic() - started < 1.0  # the sync wrapper did not wait for the resolver


def test_fetch_article_runs_on_the_same_fetcher(server):
    server.feed("/a.html", "battery-factory.html", etag='"p1"')
    article = fetch_article(server.url("/a.html"), allow_hosts=LOCAL)
    assert article.url == server.url("/articles/battery-factory")  # pages.py metadata
    assert article.published == utc(2024, 1, 10, 6, 0)
    assert server.requests[0].headers["accept"].startswith("text/html")


FEED_LABELS = ["application/rss+xml", "application/atom+xml", "text/xml; charset=utf-8"]


@pytest.mark.parametrize("label", FEED_LABELS)
def test_a_web_page_labelled_as_a_feed_is_read_as_the_page_it_is(server, label):
    server.feed("/story", "battery-factory.html", label)
    article = fetch_article(server.url("/story"), allow_hosts=LOCAL)
    assert article.url == server.url("/articles/battery-factory")
    assert article.source == "Voltara Industry Daily"
    assert BATTERY_SENTENCES[0] in article.text and "Share on" not in article.text


@pytest.mark.parametrize(
    ("label", "refusal"),
    [
        (
            "application/rss+xml",
            "That address serves a feed (application/rss+xml), not an article: to read its "
            "articles, add it as a source (sources add).",
        ),
        (
            "application/atom+xml",
            "That address serves a feed (application/atom+xml), not an article: to read its "
            "articles, add it as a source (sources add).",
        ),
        (
            "text/xml; charset=utf-8",
            "That address serves text/xml, not an article; if it is a feed, add it as a "
            "source (sources add).",
        ),
        (  # a JSON Feed, refused by its label alone
            "application/feed+json",
            "That address serves a feed (application/feed+json), not an article: to read "
            "its articles, add it as a source (sources add).",
        ),
        (
            "application/json",
            "That address serves application/json, not an article; if it is a feed, add it "
            "as a source (sources add).",
        ),
    ],
)
def test_a_feed_asked_for_as_an_article_is_still_refused(server, label, refusal):
    """Read, since its body decides, and refused once it shows no page."""
    server.feed("/rss", "rss2.xml", label)
    with pytest.raises(UnsupportedContentError) as raised:
        fetch_article(server.url("/rss"), allow_hosts=LOCAL)
    assert str(raised.value) == refusal


# --- folders ----------------------------------------------------------------------------

HARBOUR = "\n\n  Harbour to dredge channel  \n\nThe harbour authority approved a plan on Tuesday.\n"
BEES = "# Rooftop hives count 31 bee species\n\nA two-year survey found 31 wild bee species.\n"


def test_a_folder_of_text_markdown_and_html(tmp_path):
    folder = tmp_path / "desk"
    (folder / "sub").mkdir(parents=True)
    (folder / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (folder / "sub" / "bees.md").write_text(BEES, encoding="utf-8")
    (folder / "factory.html").write_bytes(feed_body("battery-factory.html", "http://x.test"))
    (folder / ".draft.txt").write_text("Hidden\n\nNot for publication.", encoding="utf-8")
    mtime = datetime(2024, 2, 1, 9, 30, tzinfo=UTC).timestamp()
    os.utime(folder / "harbour.txt", (mtime, mtime))

    read = read_folder(folder)
    by_title = {article.title: article for article in read.articles}
    assert read.skipped == ()
    assert sorted(by_title) == [
        "Harbour to dredge channel",
        "Rooftop hives count 31 bee species",
        "Voltara picks Kessel for its battery factory",
    ]
    harbour = by_title["Harbour to dredge channel"]
    assert harbour.text == "The harbour authority approved a plan on Tuesday."
    assert harbour.published == utc(2024, 2, 1, 9, 30)
    assert harbour.url == (folder / "harbour.txt").as_uri()
    assert harbour.source == "desk"
    assert by_title["Rooftop hives count 31 bee species"].text == (
        "A two-year survey found 31 wild bee species."
    )
    factory = by_title["Voltara picks Kessel for its battery factory"]
    assert BATTERY_SENTENCES[0] in factory.text and "Share on" not in factory.text
    assert factory.url == (folder / "factory.html").as_uri()


def test_unreadable_files_are_skipped_with_a_reason(tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret\n\nThe payroll figures.", encoding="utf-8")
    (folder / "good.txt").write_text(HARBOUR, encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (folder / "empty.md").write_text("   \n", encoding="utf-8")
    (folder / "title-only.txt").write_text("Just a title\n", encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG" + bytes(10))
    (folder / "leak.txt").symlink_to(outside / "secret.txt")
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    os.mkfifo(folder / "pipe.txt")  # would block a naive open() forever

    read = read_folder(folder)
    assert [article.title for article in read.articles] == ["Harbour to dredge channel"]
    reasons = {skipped.path.name: skipped.reason for skipped in read.skipped}
    assert reasons == {
        "linked": "a linked folder; not entered",
        "empty.md": "There is no article text to summarize (the file is empty).",
        "leak.txt": "a link that leads out of the folder; not followed",
        "photo.txt": str(BinaryInputError()),
        "pipe.txt": "not a regular file",
        "title-only.txt": "There is no article text to summarize "
        "(the file has a title line but no text under it).",
    }
    assert all("payroll" not in article.text for article in read.articles)
    assert "picture.png" not in reasons  # not an article file: passed over silently


def test_a_link_inside_the_folder_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert len(read_folder(tmp_path).articles) == 2


def test_a_missing_folder_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match="There is no folder"):
        read_folder(tmp_path / "nowhere")


# --- backoff ----------------------------------------------------------------------------


def test_backoff_doubles_from_five_minutes_up_to_six_hours():
    minutes = [retry_delay(failures) / timedelta(minutes=1) for failures in range(0, 10)]
    assert minutes == [0, 5, 10, 20, 40, 80, 160, 320, 360, 360]
    assert retry_delay(10_000) == timedelta(hours=6)
    now = utc(2024, 3, 5, 8, 0)
    assert next_attempt(3, now) == utc(2024, 3, 5, 8, 20)
    assert next_attempt(0, now) == now


def test_is_due():
    now = utc(2024, 3, 5, 8, 0)
    assert is_due(None, now)
    assert is_due(now, now)
    assert not is_due(now + timedelta(seconds=1), now)
    assert is_due(next_attempt(2, now), now + timedelta(minutes=10))


def test_the_public_face_lists_what_exists():
    assert len(set(sources.__all__)) == len(sources.__all__)
    assert all(hasattr(sources, name) for name in sources.__all__)
    assert {"Fetcher", "parse_feed", "read_folder", "next_attempt"} <= set(sources.__all__)


def test_feed_bytes_naming_a_file_are_never_opened(tmp_path):
    """feedparser opens a path (or fetches an address) it is given: parse_feed never lets it."""
    secret = tmp_path / "secret.xml"
    secret.write_bytes(feed_body("rss2.xml", "http://news.example"))
    with pytest.raises(SourceError):
        sources.parse_feed(str(secret).encode(), "http://news.example/feed")
