"""Stories by publication time, through the real ingest path: a feed server on loopback, the
`briefing` command line, the real fetcher, feedparser, process pool and SQLite."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import time_machine

from summaries.samples import sample_articles
from tests.fakes.feed_server import FeedServer
from tests.test_ingest import briefing, stored, write_config


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def rss(title: str, items: list[tuple[str, str, datetime | None, str]]) -> str:
    """An RSS 2.0 feed of full-text items: (title, link path, published or None, text)."""
    entries = []
    for headline, link, published, text in items:
        date = f"<pubDate>{format_datetime(published)}</pubDate>" if published else ""
        body = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
        entries.append(
            f"<item><title>{escape(headline)}</title><link>{{base}}{link}</link>"
            f"<guid>{{base}}{link}</guid>{date}<description><![CDATA[{body}]]></description></item>"
        )
    channel = f"<channel><title>{escape(title)}</title><link>{{base}}/</link>{''.join(entries)}"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</channel></rss>'


def blog_page(title: str, headline: str, text: str) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    return (
        f"<html><head><title>{escape(title)}</title>"
        '<meta property="og:site_name" content="Harbour Life"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/marina'>Marina</a> <a href='/about'>About</a></nav>"
        f"<article><h1>{escape(headline)}</h1>{paragraphs}</article>"
        "<footer>Harbour Life Blog, Kessel Bay.</footer></body></html>"
    )


def stories(config: Path) -> dict[int, list[str]]:
    """Stored titles by story."""
    with stored(config) as store:
        rows = store.execute("SELECT story_id, title FROM articles ORDER BY id")
    found: dict[int, list[str]] = {}
    for story, title in rows:
        found.setdefault(story, []).append(title)
    return found


# A marina's blog: one outlet, one place, one subject, a post a month. Its titles all carry
# the blog's name, which the feed's own title does not quite give ("Harbour Life Blog").
SUFFIX = " | Harbour Life Blog"
MARINA_POSTS = [
    (
        "2025-01-14",
        "Winter storm damages pontoons at Kessel Bay marina",
        "A winter storm tore two pontoons loose at Kessel Bay marina on Monday night, and three "
        "moored yachts were damaged as they broke free.\n\nThe harbour master said gusts reached "
        "70 knots. Berth holders were asked to check their boats and mooring lines.",
    ),
    (
        "2025-02-18",
        "Kessel Bay marina repairs storm-damaged pontoons",
        "Divers and a crane barge began repairing the two pontoons at Kessel Bay marina that the "
        "January storm tore loose, the marina said on Tuesday.\n\nThe work should take three "
        "weeks; berth holders on the east arm will use visitor berths meanwhile.",
    ),
    (
        "2025-03-20",
        "Kessel Bay marina raises berth fees for the new season",
        "Kessel Bay marina will raise its berth fees by six percent from April, the marina said "
        "on Thursday, citing the cost of the pontoon repairs and higher insurance.\n\nA 10-metre "
        "yacht will pay 3,180 euros a year. Berth holders have until March 31 to renew.",
    ),
    (
        "2025-04-22",
        "Sailing school opens at Kessel Bay marina",
        "A sailing school opened at Kessel Bay marina on Tuesday with four dinghies and two "
        "instructors, offering weekend courses for children and adults.\n\nThe school uses the "
        "old chandlery by the slipway. The harbour master welcomed more young sailors.",
    ),
    (
        "2025-05-27",
        "Kessel Bay marina hosts its first classic boat festival",
        "Forty wooden boats moored at Kessel Bay marina for its first classic boat festival over "
        "the weekend, and about 6,000 visitors came to see them.\n\nThe oldest, a 1911 pilot "
        "cutter, won the prize for the best restoration. The marina plans to hold it again.",
    ),
    (
        "2025-06-24",
        "Harbour master warns of jellyfish at Kessel Bay marina",
        "The harbour master at Kessel Bay marina warned swimmers and paddleboarders on Monday "
        "after hundreds of compass jellyfish drifted in on the warm tide.\n\nTheir stings are "
        "painful but rarely dangerous. Signs have been put up at the slipway and the beach.",
    ),
    (
        "2025-07-29",
        "Kessel Bay marina regatta draws record entries",
        "A record 112 yachts entered the Kessel Bay marina regatta on Saturday, racing round "
        "the bay in a steady westerly breeze.\n\nThe yacht Osprey won the main race. The marina "
        "said entries had doubled in five years.",
    ),
    (
        "2025-08-26",
        "Fuel pontoon at Kessel Bay marina closes for repairs",
        "The fuel pontoon at Kessel Bay marina will close for two weeks from Monday while a "
        "leaking pipe is replaced, the marina said.\n\nBoats can refuel at Fenwick harbour, "
        "eight miles along the coast, until the pontoon reopens.",
    ),
    (
        "2025-09-30",
        "Kessel Bay marina plans charging points for electric boats",
        "Kessel Bay marina plans to put charging points for electric boats on two pontoons next "
        "spring, the marina said on Tuesday.\n\nIt has applied for a regional grant of 90,000 "
        "euros. Six berth holders already own electric motor boats.",
    ),
    (
        "2025-10-28",
        "Kessel Bay marina lifts yachts out for the winter",
        "Cranes lifted the first 60 yachts out of the water at Kessel Bay marina on Monday, as "
        "berth holders laid up their boats on the hard standing for the winter.\n\nThe lift-out "
        "continues for three weekends. The harbour master asked owners to book a slot.",
    ),
]


def test_a_back_catalogue_of_one_outlet_is_one_story_per_article(server, tmp_path):
    """Ten posts of one blog, a month apart, read at once from its feed of excerpts (their
    pages give the text): ten stories, titles stored without the blog's name.

    The posts share their outlet, their place and their subject, and (before their titles
    lose the blog's name) a third of their headline: compared all together as fetched in
    one run they looked like one story. Months apart, they are never compared.
    """
    items = []
    for day, title, text in MARINA_POSTS:
        link = f"/{day[:7]}/post"
        published = datetime.fromisoformat(f"{day}T08:00:00+00:00")
        items.append((title + SUFFIX, link, published, text.split(". ")[0] + " [\u2026]"))
        server.route(link, blog_page(title + SUFFIX, title, text), "text/html")
    server.route("/feed", rss("Harbour Life", items), "application/rss+xml")
    config = write_config(tmp_path)
    briefing(config, "sources", "add", server.url("/feed"), "--kind", "feed")
    code, out = briefing(config, "ingest")
    assert "10 new" in out, out

    found = stories(config)
    assert len(found) == len(MARINA_POSTS), found
    assert sorted(title for titles in found.values() for title in titles) == sorted(
        title for _, title, _ in MARINA_POSTS
    )  # stored as the digest shows them: without " | Harbour Life Blog"


def test_a_late_report_joins_the_story_published_with_it_however_long_ago_that_was_fetched(
    server, tmp_path
):
    """A feed read ten days after another, carrying a report published the same morning as
    one read then: the same story, since what counts is when each was published."""
    port, truckers = sample_articles()[:2]  # the port attack, from two outlets
    morning = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    server.route(
        "/herald",
        rss("Gulf Herald", [(port.title, "/h/1", morning, port.text)]),
        "application/rss+xml",
    )
    server.route(
        "/courier",
        rss("Freight Courier", [(truckers.title, "/c/1", morning.replace(hour=11), truckers.text)]),
        "application/rss+xml",
    )
    config = write_config(tmp_path)
    briefing(config, "sources", "add", server.url("/herald"), "--kind", "feed")
    with time_machine.travel(datetime(2026, 3, 3, 12, 0, tzinfo=UTC)):
        assert "1 new" in briefing(config, "ingest")[1]
    briefing(config, "sources", "add", server.url("/courier"), "--kind", "feed")
    with time_machine.travel(datetime(2026, 3, 13, 12, 0, tzinfo=UTC)):
        assert "1 new" in briefing(config, "ingest")[1]

    assert sorted(map(len, stories(config).values())) == [2]


def test_undated_articles_are_compared_by_when_they_were_fetched(server, tmp_path):
    """Two outlets' undated reports of one story, read in one run, are one story; a third
    outlet's report of another event, undated too, is not."""
    port, truckers, law = sample_articles()[:3]
    server.route(
        "/herald",
        rss("Gulf Herald", [(port.title, "/h/1", None, port.text)]),
        "application/rss+xml",
    )
    server.route(
        "/courier",
        rss("Freight Courier", [(truckers.title, "/c/1", None, truckers.text)]),
        "application/rss+xml",
    )
    server.route(
        "/wire", rss("Capitol Wire", [(law.title, "/w/1", None, law.text)]), "application/rss+xml"
    )
    config = write_config(tmp_path)
    for path in ("/herald", "/courier", "/wire"):
        briefing(config, "sources", "add", server.url(path), "--kind", "feed")
    assert "3 new" in briefing(config, "ingest")[1]

    assert sorted(map(len, stories(config).values())) == [1, 2]
