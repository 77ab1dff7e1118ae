"""Dates a feed writes in free form, with their month's name ("3 March 2026, 09:00",
"March 3rd, 2026"), which feedparser does not read: read as the moment they name (the
real fetcher and feedparser, against a feed server on loopback), so that an old entry
is not taken for news; and an entry whose date stays unread is posted once."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from xml.sax.saxutils import escape

import pytest

from summaries.cli import EXIT_OK
from summaries.digest import compose_digest
from summaries.samples import sample_articles
from summaries.sources import parse_feed
from summaries.sources._month_names import rfc822_form
from tests.test_feed_platforms import _published
from tests.test_ingest import briefing, server, stored, write_config
from tests.test_ingest_teaser_pages import later

__all__ = ["server"]  # the fixture


@pytest.mark.parametrize(
    ("stated", "utc"),
    [
        ("3 March 2026, 09:00", datetime(2026, 3, 3, 9, tzinfo=UTC)),
        ("March 3rd, 2026", datetime(2026, 3, 3, tzinfo=UTC)),
        ("March 3, 2026", datetime(2026, 3, 3, tzinfo=UTC)),
        ("3rd of March 2026", datetime(2026, 3, 3, tzinfo=UTC)),
        ("Tuesday, March 3, 2026 at 9:15 pm EST", datetime(2026, 3, 4, 2, 15, tzinfo=UTC)),
        ("March 03, 2026 12:30 a.m. CET", datetime(2026, 3, 2, 23, 30, tzinfo=UTC)),
        ("Mar 3, 2026 09:00:00 GMT", datetime(2026, 3, 3, 9, tzinfo=UTC)),
        ("Mar. 3, 2026, 09:00 +0100", datetime(2026, 3, 3, 8, tzinfo=UTC)),
        # in other languages, with their own words for "of" and "at", and their zones
        ("3. März 2026, 09:00 Uhr MEZ", datetime(2026, 3, 3, 8, tzinfo=UTC)),
        ("1er mars 2026 à 9h15 +0100", datetime(2026, 3, 1, 8, 15, tzinfo=UTC)),
        ("3 de marzo de 2026, 09:00 CET", datetime(2026, 3, 3, 8, tzinfo=UTC)),
        ("3 maart 2026 om 09:00 CET", datetime(2026, 3, 3, 8, tzinfo=UTC)),
        # the year first, as ISO 8601 writes it (feedparser: the 1st of December)
        ("2026-Mar-03", datetime(2026, 3, 3, tzinfo=UTC)),
        ("2026-Mar-03T09:00:00+01:00", datetime(2026, 3, 3, 8, tzinfo=UTC)),
        ("2026, March 3", datetime(2026, 3, 3, tzinfo=UTC)),
    ],
)
def test_a_date_in_free_form_names_its_moment(server, stated, utc):
    assert _published(server, stated) == utc


@pytest.mark.parametrize(
    "stated",
    [
        "03/03/2026 09:00",  # figures only: the 3rd of March, or the 3rd of the 3rd?
        "March 2026",  # no day
        "March 3, 2026 13:30 pm",  # no 12-hour clock's hour
        "3 Quark 2026, 09:00",  # no month
        "March 3, 2026 09:00 GMT+14:30",  # an offset no clock uses
        "im Mai 2026",  # a month's word in a sentence, no day
        "3 jui 2026",  # juin or juillet?
        "3 March 2026 24:00",  # no hour of a day
    ],
)
def test_what_names_no_day_and_moment_stays_undated(server, stated):
    assert _published(server, stated) is None


@pytest.mark.parametrize(
    "spaced",
    ["March 3, 2026{}x", "3 March 2026 x{}y", "3 March 2026 09:00{}y", "Tue{}3 March 2026"],
)
def test_a_long_run_of_spaces_in_a_date_is_read_in_time_that_grows_with_it(spaced):
    """A hostile feed's date of 50,000 spaces is read (or refused) at once: no two patterns
    of white space that could take the same spaces follow each other."""
    began = time.monotonic()
    rfc822_form(spaced.format(" " * 50_000))
    assert time.monotonic() - began < 5


@pytest.mark.parametrize(
    ("stated", "utc"),
    [
        # a 12-hour clock's half after a time that feedparser reads without it
        ("3 March 2026 9:15 pm", datetime(2026, 3, 3, 21, 15, tzinfo=UTC)),
        ("3 March 2026 12:30 a.m.", datetime(2026, 3, 3, 0, 30, tzinfo=UTC)),
        # an hour alone, with its half or a word for "o'clock"
        ("March 3, 2026 9 pm", datetime(2026, 3, 3, 21, tzinfo=UTC)),
        ("3 March 2026 9pm", datetime(2026, 3, 3, 21, tzinfo=UTC)),
        ("3. März 2026, 9 Uhr MEZ", datetime(2026, 3, 3, 8, tzinfo=UTC)),
        ("1er mars 2026 à 9h +0100", datetime(2026, 3, 1, 8, tzinfo=UTC)),
        # a day and its zone, no time; a time to the part of a second
        ("3 March 2026 CET", datetime(2026, 3, 2, 23, tzinfo=UTC)),
        ("Tue, 03 Mar 2026 09:00:00.250 +0100", datetime(2026, 3, 3, 8, tzinfo=UTC)),
    ],
)
def test_a_dates_time_is_read_as_its_form_writes_it(server, stated, utc):
    """The date's RFC 822 form is read before the date as written, which feedparser reads
    leniently: "9:15 pm" as 09:15, "9 Uhr MEZ" as 09:00 UTC."""
    assert _published(server, stated) == utc


def _in_forms(moment: datetime, number: int) -> str:
    """``moment`` in one of three forms, by ``number``."""
    forms = ["%B %-d, %Y %H:%M", "%-d %B %Y, %H:%M", "Di, %d Mär %Y %H:%M:%S +0000"]
    return moment.strftime(forms[number % 3])


def _in_zone(moment: datetime, number: int) -> str:
    """``moment`` on New York's winter clock for an even ``number``, else on London's."""
    if number % 2:
        return f"{moment:%a, %d %b %Y %H:%M:%S} GMT"
    return f"{moment - timedelta(hours=5):%a, %d %b %Y %H:%M:%S} ET"


@pytest.mark.parametrize(
    ("written", "apart"),
    [
        (_in_forms, timedelta(hours=1)),
        (lambda moment, _: f"{moment:%-d %B %Y}", timedelta(days=1)),  # no time
        (lambda moment, _: f"{moment:%B %-d, %Y %-I:%M %p}", timedelta(hours=1)),
        (_in_zone, timedelta(hours=1)),  # a zone feedparser knows and the email module does not
    ],
    ids=["forms", "day", "12-hour", "zones"],
)
def test_a_long_feed_is_cut_down_by_the_dates_its_reader_reads(server, written, apart):
    """A feed longer than ingest reads is cut down before feedparser reads it, to its newest
    entries by the dates feeds.py reads (not to its first ones, as if undated): each date
    is read there as the feed reader reads it."""
    start = datetime(2026, 3, 1, tzinfo=UTC)
    items = "".join(
        f"<item><title>Report {n}</title><link>{{base}}/p/{n}</link><pubDate>"
        f"{written(start + apart * ((n * 7) % 30), n)}</pubDate></item>"
        for n in range(30)
    )
    body = f"<rss version='2.0'><channel><title>Wire</title>{items}</channel></rss>"
    body = body.replace("{base}", server.base).encode()
    whole = parse_feed(body, server.url("/wire.xml"))
    capped = parse_feed(body, server.url("/wire.xml"), max_entries=5)
    assert all(entry.published for entry in whole.entries)
    assert len({entry.published for entry in whole.entries}) == len(whole.entries)
    newest = sorted(whole.entries, key=lambda entry: entry.published, reverse=True)[:5]
    assert capped.entries == tuple(newest)


RUN = 50_000


@pytest.mark.parametrize(
    "stated",
    [
        # a time zone's name no file of the tz database has: too long, or too deep
        f"2026-03-03 09:00:00 Europe/{'a' * 300}",
        f"2026-03-03 09:00:00 {'a/' * RUN}x",
        # long runs of digits, letters, spaces and dots where each pattern reads a part
        "1" * RUN,
        "a" * RUN,
        "." * RUN,
        "1 " * RUN,
        "a. " * RUN,
        "3 Mar " * RUN,
        f"3 March 2026{' ' * RUN}x",
        f"3 March 2026 {'9 am ' * RUN}",
        f"3 March 2026 9{' ' * RUN}pm",
        f"3 March 2026 09:00 GMT{'+1' * RUN}",
        f"3 March 2026 09:00 {'1' * RUN}Z",
        f"Tue,{' ' * RUN}3 March 2026",
        f"2026-Mar-03T{'9' * RUN}",
        f"2026{' ' * RUN}March 3",
        f"2026-Mar-03{'T' * RUN}",
        # figures too large for any clock
        "Tue, 03 Mar 2026 09:00:00 +99999999999999999999",
        "03 Mar 99999999999999999999 09:00:00 GMT",
    ],
    ids=lambda stated: stated[:24].strip() + f"..{len(stated)}",
)
def test_a_hostile_date_is_read_or_refused_at_once(stated):
    """A feed's date that no clock names is no date, and is found so at once, however
    long; none of it is taken for a file's name or path."""
    item = "<item><title>Quay</title><link>https://wire.example/q{}</link>"
    item += f"<pubDate>{escape(stated)}</pubDate></item>"
    body = f"<rss version='2.0'><channel><title>T</title>{item.format(1)}{item.format(2)}"
    body += "</channel></rss>"
    began = time.monotonic()
    capped = parse_feed(body.encode(), "https://wire.example/feed", max_entries=1)
    assert time.monotonic() - began < 10
    if "/" in stated:
        assert [entry.published for entry in capped.entries] == [None]


def _feed(items: list[tuple[str, str, str]]) -> str:
    """A feed of full-text items: (title, path, date as written)."""
    texts = {article.title: article.text for article in sample_articles()}
    entries = "".join(
        f"<item><title>{escape(title)}</title><link>{{base}}{path}</link>"
        f"<guid>{{base}}{path}</guid><pubDate>{stated}</pubDate>"
        f"<description>{escape(texts[title])}</description></item>"
        for title, path, stated in items
    )
    return f"<rss version='2.0'><channel><title>Harbour Wire</title>{entries}</channel></rss>"


def _titles(digest) -> list[str]:
    return sorted(story.story.lead.title for story in digest.stories)


def test_an_entry_with_only_its_change_date_is_dated_by_it():
    """An Atom entry that gives when it changed and not when it was published is dated by
    its change, read as the publication's would be."""
    entry = "<entry><title>Quay</title><id>urn:q</id><link href='https://wire.example/q'/>"
    entry += "<updated>3 March 2026 9:15 pm</updated><summary>Open.</summary></entry>"
    atom = f"<feed xmlns='http://www.w3.org/2005/Atom'><title>T</title>{entry}</feed>"
    (read,) = parse_feed(atom.encode(), "https://wire.example/atom").entries
    assert read.published == read.updated == datetime(2026, 3, 3, 21, 15, tzinfo=UTC)


def test_an_entry_dated_in_a_year_to_come_is_stored_undated(server, tmp_path):
    """A wrong year in free form ("March 3, 2099") is no date that would head every listing
    and never age: the fetch time stands in, as for an undated entry."""
    ahead, _, fresh = sample_articles()[:3]
    today = datetime.now(UTC)
    dates = [
        (ahead.title, "/ahead", "March 3, 2099"),
        (fresh.title, "/fresh", f"{today:%B %-d, %Y}"),
    ]
    server.route("/rss", _feed(dates))
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    assert briefing(config, "ingest")[0] == EXIT_OK
    with stored(config) as store:
        read = {store.get_article(n).title: store.get_article(n).published for n in (1, 2)}
    assert read[ahead.title] is None
    assert read[fresh.title] is not None and read[fresh.title].year == today.year


def test_an_old_entry_dated_in_free_form_stays_out_of_the_digest(server, tmp_path):
    """A year-old entry is old news whatever form its date takes; left undated, it would
    count as news, whatever its age."""
    old, _, fresh = sample_articles()[:3]  # (the second tells the first's story)
    today = datetime.now(UTC)
    server.route(
        "/rss",
        _feed(
            [
                (old.title, "/old", f"{(today - timedelta(days=365)):%B %-d, %Y}"),
                (fresh.title, "/fresh", f"{today:%-d %B %Y, %H:%M}"),
            ]
        ),
    )
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    assert briefing(config, "ingest")[0] == EXIT_OK
    with stored(config) as store:
        channel = store.ensure_channel("discord:1")
        digest = compose_digest(store, channel, now=today, period="d1", max_age_hours=72)
    assert _titles(digest) == [fresh.title]


def test_an_undated_entry_is_posted_once_however_often_its_feed_is_read(server, tmp_path):
    """An entry whose date is not read (figures only) is new when first read, as any is,
    by the time it was fetched: posted in the next digest, and not again when its feed,
    read again, still holds it."""
    undated, _, fresh = sample_articles()[:3]
    server.route("/rss", _feed([(undated.title, "/undated", "03/03/2025")]))
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    assert briefing(config, "ingest")[0] == EXIT_OK
    now = datetime.now(UTC)
    with stored(config) as store:
        channel = store.ensure_channel("discord:1")
        first = compose_digest(store, channel, now=now, period="d1", max_age_hours=72)
        assert _titles(first) == [undated.title]
        record = store.record_digest(channel.id, "d1", [s.story.id for s in first.stories], now)
        store.mark_digest_sent(record.id, now)

    today = f"{datetime.now(UTC):%-d %B %Y, %H:%M}"
    server.route(
        "/rss", _feed([(fresh.title, "/fresh", today), (undated.title, "/undated", "03/03/2025")])
    )
    for minutes in (30, 60):
        with later(minutes):
            assert briefing(config, "ingest", "--all")[0] == EXIT_OK
    with stored(config) as store:
        channel = store.get_channel("discord:1")
        second = compose_digest(
            store, channel, now=now + timedelta(hours=2), period="d2", max_age_hours=72
        )
    assert _titles(second) == [fresh.title]
