"""JSON Feed (version 1 and 1.1) read as a feed: served over loopback, fetched by the real
Fetcher and read by the real parse path, as RSS and Atom feeds are."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

import pytest

from summaries.clock import utc_datetime
from summaries.sources import (
    Fetcher,
    ResponseTooLargeError,
    SourceError,
    entry_article,
    fetch_feed,
    is_teaser,
)
from tests.fakes.feed_server import FeedServer

LOCAL = {"127.0.0.1"}
VERSION = "https://jsonfeed.org/version/1.1"


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def read(server: FeedServer, path: str, **options):
    """The feed at ``path``, fetched and parsed as ingest does."""
    max_bytes = options.pop("max_bytes", 10_000_000)

    async def main():
        async with Fetcher(allow_hosts=LOCAL, politeness=0.0, max_bytes=max_bytes) as fetcher:
            return await fetch_feed(fetcher, server.url(path), **options)

    update = asyncio.run(main())
    assert update.feed is not None
    return update.feed


def serve(server: FeedServer, path: str, document: object, label: str = "application/feed+json"):
    server.route(path, json.dumps(document), label)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_a_json_feed_1_1_is_read_like_an_rss_feed(server):
    server.feed("/feed.json", "jsonfeed11.json")
    feed = read(server, "/feed.json")
    base = server.base
    assert (feed.title, feed.link, feed.version) == ("Lakeshore Ledger", f"{base}/", "json11")
    assert feed.problem is None and feed.left_out == 0
    ferry, library, meals, note = feed.entries

    assert ferry.id == f"{base}/2026/03/ferry-timetable"
    assert ferry.link == f"{base}/2026/03/ferry-timetable"  # relative "url", made absolute
    assert ferry.title == "Winter ferry timetable ends early as the ice clears"
    assert ferry.content.splitlines() == [  # content_html through the HTML-to-text path
        "The county ended its winter ferry timetable two weeks early on Tuesday, after the "
        "ice on the northern bay cleared faster than forecast.",
        "Boats will leave Harrow Point every 30 minutes from 6 a.m. \u2014 a change commuters "
        "had asked for since January.",
        "The summer timetable adds a late sailing at 11 p.m. on Fridays and Saturdays.",
    ]
    assert ferry.summary == "The summer timetable starts two weeks early."
    assert ferry.published == utc(2026, 3, 3, 6, 15)  # date_published, +02:00 made UTC
    assert ferry.author == "Maren Solberg, Ivar Lund"
    assert ferry.image == f"{base}/images/ferry.jpg"  # "image" before "banner_image"

    assert library.id == "8812"
    assert library.link == "https://wire.example.org/stories/library-roof"  # external_url
    assert library.title == "Library roof repairs to cost \u00a32m"
    assert library.content == (  # content_text, its paragraphs kept
        "Repairs to the central library's roof will cost two million pounds, the council "
        "said.\nThe building will stay open while scaffolding goes up in April."
    )
    assert library.published == utc(2026, 3, 2, 17, 30)  # RFC 3339 allows "t" and "z"
    assert library.author == "Ledger Newsroom"  # the feed's authors, as the spec says
    assert library.image == "https://wire.example.org/img/library.png"

    assert meals.link == meals.id == "https://lakeshore.example/2026/03/school-meals"
    assert meals.content == "" and meals.summary.startswith("Every primary pupil")
    assert meals.published == utc(2026, 3, 2, 6, 0)  # only date_modified
    assert meals.image == f"{base}/images/meals-banner.jpg"  # banner_image, no image
    assert is_teaser(meals)  # followed to its page for the full text, as an RSS teaser is

    assert note.id == "20260301" and note.link is None  # a number made text, no address
    assert note.title == ""
    assert note.published == utc(2026, 3, 1, 14, 0, 0, 123456)


def test_the_feed_title_is_the_outlet_of_its_articles(server):
    server.feed("/feed.json", "jsonfeed11.json")
    feed = read(server, "/feed.json")
    article = entry_article(feed.entries[0], feed)
    assert article.source == "Lakeshore Ledger"
    assert (article.url, article.author) == (feed.entries[0].link, "Maren Solberg, Ivar Lund")
    assert article.text == feed.entries[0].content


def test_a_version_1_feed_served_as_application_json_is_read(server):
    server.feed("/notes/feed.json", "jsonfeed1.json", "application/json; charset=utf-8")
    feed = read(server, "/notes/feed.json")
    assert (feed.title, feed.link, feed.version) == (
        "Orchard Notes",
        f"{server.base}/notes/",
        "json1",
    )
    frost, bees = feed.entries
    assert frost.author == "Tomas Berg"  # version 1's "author" object
    assert bees.author == "Hanne Vik"  # the feed's author
    assert frost.published == utc(2026, 4, 12, 20, 40)
    assert frost.content.startswith("Growers across the valley spread frost nets")
    assert bees.content.startswith("Two hundred hired hives arrived")


@pytest.mark.parametrize(
    "label", ["text/plain; charset=utf-8", "application/octet-stream", "text/html", None]
)
def test_a_json_feed_under_a_wrong_label_is_read_by_its_body(server, label):
    route = server.feed("/feed", "jsonfeed1.json")
    route.content_type = label
    feed = read(server, "/feed")
    assert feed.version == "json1" and len(feed.entries) == 2


def test_the_fetcher_asks_for_json_feeds(server):
    server.feed("/feed.json", "jsonfeed11.json")
    read(server, "/feed.json")
    assert "application/feed+json" in server.requests[0].headers["accept"]


def test_a_feed_whose_bytes_are_not_utf8_is_read_in_its_declared_charset(server):
    document = {
        "version": VERSION,
        "title": "Caf\u00e9 News",
        "items": [{"id": "1", "url": "{base}/a", "title": "Caf\u00e9 owners count the takings"}],
    }
    body = json.dumps(document, ensure_ascii=False).replace("{base}", server.base)
    server.route("/latin", body.encode("latin-1"), "application/feed+json; charset=iso-8859-1")
    feed = read(server, "/latin")
    assert feed.title == "Caf\u00e9 News"
    assert feed.entries[0].title == "Caf\u00e9 owners count the takings"


def test_a_byte_order_mark_and_white_space_before_the_json_are_no_fault(server):
    body = (
        b"\xef\xbb\xbf\n  "
        + (
            json.dumps(
                {
                    "version": VERSION,
                    "title": "Wire",
                    "items": [{"id": "x", "title": "A", "content_text": "B."}],
                }
            )
        ).encode()
    )
    server.route("/bom", body, "application/feed+json")
    feed = read(server, "/bom")
    assert feed.problem is None and [entry.title for entry in feed.entries] == ["A"]


# --- malformed feeds --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (
            f'{{"version": "{VERSION}",\n "items": [{{"id": "a",}}]}}',
            "The feed at {url} is broken JSON (line 2, column 23: Expecting property name "
            "enclosed in double quotes), so it cannot be read.",
        ),
        (
            f'{{"version": "{VERSION}", "items": {"[" * 200_000}}}',
            "The feed at {url} is JSON that cannot be read (too large a number, or nested "
            "too deeply).",
        ),
        (
            f'{{"version": "{VERSION}", "items": {{"id": "a"}}}}',
            'The JSON Feed at {url} is malformed: its "items" is not a list of items, so no '
            "entry can be read.",
        ),
        (
            f'{{"version": "{VERSION}", "title": "Wire"}}',
            "The JSON Feed at {url} is malformed: it has no list of items, so no entry can "
            "be read.",
        ),
    ],
    ids=["broken", "deep", "items-object", "items-missing"],
)
def test_a_malformed_json_feed_is_a_clear_source_error(server, body, said):
    server.route("/feed", body, "application/feed+json")
    with pytest.raises(SourceError) as raised:
        read(server, "/feed")
    assert str(raised.value) == said.format(url=server.url("/feed"))


@pytest.mark.parametrize(
    "document", [{"data": [1, 2]}, [{"version": VERSION}], {"version": "2.0", "items": []}]
)
def test_json_that_is_no_json_feed_is_not_a_feed(server, document):
    serve(server, "/api", document, "application/json")
    with pytest.raises(SourceError) as raised:
        read(server, "/api")
    assert str(raised.value) == (
        f"The address {server.url('/api')} does not serve an RSS, Atom or JSON feed (it is "
        "JSON data of another kind)."
    )


def test_bad_items_and_fields_of_the_wrong_type_are_skipped_and_said(server):
    document = {
        "version": VERSION,
        "title": ["not", "text"],
        "authors": "Newsroom",
        "items": [
            "a string, not an item",
            {
                "id": "good",
                "url": "{base}/good",
                "title": "Bridge reopens",
                "content_text": "The bridge reopened on Monday.",
            },
            {
                "id": "typed",
                "url": 42,
                "title": {"text": "no"},
                "date_published": 1700000000,
                "summary": "Council meets on Tuesday.",
                "authors": [{"name": 7}, "Ann"],
                "content_html": None,
            },
            17,
        ],
    }
    serve(server, "/feed", document)
    feed = read(server, "/feed")
    good, typed = feed.entries
    assert (good.title, good.link, good.text) == (
        "Bridge reopens",
        f"{server.base}/good",
        "The bridge reopened on Monday.",
    )
    assert (typed.title, typed.link, typed.published, typed.author) == ("", None, None, None)
    assert typed.summary == "Council meets on Tuesday."
    assert feed.title == ""
    assert feed.problem == (
        'the feed: "title" is not text; the feed: "authors" is not a list; '
        "item 1 is not a JSON object and was skipped; and 4 more"
    )


def test_a_json_feed_over_the_size_limit_is_refused(server):
    item = {"id": "x", "title": "Bridge", "content_text": "Yes. " * 100}
    serve(server, "/big", {"version": VERSION, "items": [item] * 500}, "application/feed+json")
    with pytest.raises(ResponseTooLargeError):
        read(server, "/big", max_bytes=100_000)


def test_only_the_newest_items_of_a_long_feed_are_read(server):
    items = [
        {
            "id": f"n{n}",
            "url": f"{{base}}/n{n}",
            "title": f"Notice {n}",
            "date_published": "2026-01-01T00:00:00Z"
            if n % 2
            else f"2026-02-{1 + n % 27:02d}T{n % 24:02d}:00:00Z",
        }
        for n in range(3_000)
    ]
    items.append({"id": "undated", "title": "Undated"})
    serve(server, "/long", {"version": VERSION, "items": items})
    feed = read(server, "/long", max_entries=5)
    assert feed.left_out == 3_001 - 5
    dates = [entry.published for entry in feed.entries]
    assert dates == sorted(dates, reverse=True) and len(dates) == 5
    assert all(date.month == 2 for date in dates)


def test_a_date_past_the_last_datetime_is_no_date():
    assert utc_datetime("9999-12-31T23:30:00-05:00") is None
    assert utc_datetime("0001-01-01T00:30:00+05:00") is None
    assert utc_datetime("2026-03-03T08:15:00+02:00") == utc(2026, 3, 3, 6, 15)


def test_an_item_dated_past_the_last_datetime_is_read_undated(server):
    item = {
        "id": "far",
        "title": "Far",
        "content_text": "Far off.",
        "date_published": "9999-12-31T23:30:00-05:00",
    }
    serve(server, "/far", {"version": VERSION, "items": [item]})
    assert read(server, "/far").entries[0].published is None


@pytest.mark.parametrize(
    "stated",
    [
        "Tue, 03 Mar 2026 08:15:00 +99999999999999999999",  # an offset beyond any clock's
        "03 Mar 99999999999999999999 08:15:00 GMT",  # a year beyond any calendar's
        f"2026-03-03 08:15:00 Europe/{'a' * 300}",  # a zone no file of the tz database is
    ],
)
def test_an_item_dated_in_figures_no_clock_holds_is_read_undated(server, stated):
    item = {"id": "far", "title": "Far", "content_text": "Far off.", "date_published": stated}
    serve(server, "/far", {"version": VERSION, "items": [item]})
    assert read(server, "/far").entries[0].published is None


def test_an_item_with_nothing_to_read_is_skipped(server):
    """A title alone, or an audio attachment, is no text and no page to read one from."""
    items = [
        {"id": "ep1", "title": "Episode 1", "attachments": [{"url": "{base}/ep1.mp3"}]},
        {"id": "ep2", "title": "Episode 2", "summary": "The harbour master on fares."},
    ]
    serve(server, "/pod", {"version": VERSION, "items": items})
    assert [entry.id for entry in read(server, "/pod").entries] == ["ep2"]


def test_an_item_whose_url_is_its_attachment_has_no_page_to_read(server):
    """As in RSS, a link that is the item's own file (a podcast's audio) is no page."""
    items = [
        {
            "id": "ep3",
            "url": "{base}/ep3.mp3",
            "title": "Episode 3",
            "attachments": [{"url": "{base}/ep3.mp3", "mime_type": "audio/mpeg"}],
        },
        {
            "id": "ep4",
            "url": "{base}/ep4.mp3",
            "title": "Episode 4",
            "content_text": "The ferry timetable for spring.",
            "attachments": [{"url": "ep4.mp3", "mime_type": "audio/mpeg"}],
        },
    ]
    serve(server, "/pod", {"version": VERSION, "items": items})
    assert [(entry.id, entry.link) for entry in read(server, "/pod").entries] == [("ep4", None)]


@pytest.mark.parametrize(
    "written",
    [
        "Tue, 03 Mar 2026 08:15:00 +0200",
        "Tue, 03 Mar 2026 06:15:00 GMT",
        "2026-03-03T06:15:00Z",
        "Tuesday, 03-Mar-26 07:15:00 CET",
        "2026-03-03 07:15:00 Europe/Berlin",
    ],
)
def test_an_item_dated_as_rss_dates_its_items_is_dated(server, written):
    """Feeds made from an RSS template write RSS dates (RFC 822) where RFC 3339 is due, and
    are read as an RSS feed's dates are (RFC 850's form, a tz-database zone's name)."""
    assert _published(server, written) == utc(2026, 3, 3, 6, 15)


@pytest.mark.parametrize(
    "written", ["2026-03-03T06:15:00+14:30", "Tue, 03 Mar 2026 06:15:00 -1300"]
)
def test_an_item_dated_beyond_utcs_offsets_is_undated_as_in_an_rss_feed(server, written):
    assert _published(server, written) is None


def _published(server: FeedServer, written: str) -> datetime | None:
    item = {"id": "a", "url": "{base}/a", "content_text": "Fares rise.", "date_published": written}
    serve(server, "/dated", {"version": VERSION, "items": [item]})
    return read(server, "/dated").entries[0].published


def test_items_without_ids_that_share_a_section_link_are_each_kept_by_their_text(server):
    """With no id, an item's id is its link: two different stories linked to one section
    page are still two, not one stored over the other at every read."""
    items = [
        {
            "url": "{base}/notices/",
            "title": "Water off on Elm Street",
            "content_text": "Water will be off on Elm Street on Tuesday from nine until noon.",
        },
        {
            "url": "{base}/notices/",
            "title": "Library closed Friday",
            "content_text": "The library closes on Friday while the roof is repaired.",
        },
    ]
    serve(server, "/notices.json", {"version": VERSION, "items": items})
    entries = read(server, "/notices.json").entries
    assert [(entry.title, entry.link) for entry in entries] == [
        ("Water off on Elm Street", None),
        ("Library closed Friday", None),
    ]


@pytest.mark.parametrize(
    ("version", "short"),
    [
        ("https://www.jsonfeed.org/version/1.1/", "json11"),
        ("HTTP://JSONFEED.ORG/VERSION/1", "json1"),
    ],
)
def test_a_json_feed_naming_its_version_by_another_form_of_the_address_is_one(
    server, version, short
):
    """Generators write the spec's address with "www.", a last "/" or in capitals; served
    as plain application/json, the version is all that tells the feed from other JSON."""
    item = {"id": "a", "url": "{base}/a", "title": "Fares rise", "content_text": "Fares rise."}
    serve(server, "/feed.json", {"version": version, "items": [item]}, "application/json")
    feed = read(server, "/feed.json")
    assert [entry.title for entry in feed.entries] == ["Fares rise"]
    assert feed.version == short


def test_a_feed_in_windows_1252_labelled_utf8_is_read_by_what_its_bytes_show(server):
    """Latin bytes sent as charset=utf-8, as pages often are: read as their own charset,
    not with U+FFFD where each accented letter or curly quote was."""
    document = {
        "version": VERSION,
        "title": "Caf\u00e9 News",
        "items": [
            {"id": "1", "url": "{base}/a", "title": "The caf\u00e9\u2019s owners count the takings"}
        ],
    }
    body = json.dumps(document, ensure_ascii=False).replace("{base}", server.base)
    server.route("/mislabelled", body.encode("cp1252"), "application/feed+json; charset=utf-8")
    feed = read(server, "/mislabelled")
    assert feed.title == "Caf\u00e9 News"
    assert feed.entries[0].title == "The caf\u00e9\u2019s owners count the takings"
