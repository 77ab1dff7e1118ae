"""Feeds as they are found in the wild, read end to end (the real fetcher, feedparser and
store, through the `briefing` command line, against loopback): what is stored, and that
reading them again stores nothing twice and fails nothing."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from summaries.cli import EXIT_OK
from summaries.samples import sample_articles
from summaries.sources import Fetcher, fetch_feed
from tests.fakes.feed_server import FeedServer
from tests.test_ingest import briefing, html_page, stored, write_config

LOCAL = {"127.0.0.1"}


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def read(server: FeedServer, path: str):
    async def main():
        async with Fetcher(allow_hosts=LOCAL, politeness=0.0) as fetcher:
            return await fetch_feed(fetcher, server.url(path))

    return asyncio.run(main()).feed


def ingest_twice(server: FeedServer, tmp_path: Path, path: str) -> tuple[list[str], list]:
    """The last line of two ingests of the feed at ``path``, and the stored (title, url,
    text) rows."""
    config = write_config(tmp_path, extra=f'feeds = ["{server.url(path)}"]\n')
    said = []
    for _ in range(2):
        code, out = briefing(config, "ingest", "--all")
        assert code == EXIT_OK, out
        said.append(out.strip().splitlines()[-1])
    with stored(config) as store:
        rows = list(store.execute("SELECT title, url, text FROM articles ORDER BY id"))
    return said, rows


PODCAST = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>Harbour Talk</title><link>{base}/</link>
<item><title>Episode 42: Dredging the northern channel</title>
  <guid isPermaLink="false">harbour-talk-42</guid>
  <enclosure url="{base}/audio/ep42.mp3" length="31415926" type="audio/mpeg"/>
  <itunes:duration>31:20</itunes:duration><pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate></item>
<item><title>Episode 41: Ferry fares</title>
  <guid isPermaLink="false">harbour-talk-41</guid>
  <itunes:summary>The harbour master on why ferry fares rise in April.</itunes:summary>
  <enclosure url="{base}/audio/ep41.mp3" length="27182818" type="audio/mpeg"/>
  <pubDate>Tue, 24 Feb 2026 09:00:00 GMT</pubDate></item>
<item><title>Episode 40</title><link>{base}/audio/ep40.mp3</link>
  <guid>{base}/audio/ep40.mp3</guid>
  <enclosure url="{base}/audio/ep40.mp3" length="16180339" type="audio/mpeg"/></item>
<item><enclosure url="{base}/audio/trailer.mp3" length="1000" type="audio/mpeg"/></item>
</channel></rss>"""


def test_podcast_entries_with_only_their_audio_are_skipped_not_failed(server, tmp_path):
    """An episode with no text, and no page but its audio file, has nothing to read: it is
    passed over at every read, not fetched, failed and said to have failed each time."""
    server.route("/podcast.xml", PODCAST, "application/rss+xml")
    server.route("/audio/ep40.mp3", b"ID3" + bytes(4000), "audio/mpeg")
    said, rows = ingest_twice(server, tmp_path, "/podcast.xml")
    assert said == [
        "1 source: 1 fetched, 1 new, 0 updated, 0 failed",
        "1 source: 1 fetched, 0 new, 0 updated, 0 failed",
    ]
    assert rows == [
        ("Episode 41: Ferry fares", None, "The harbour master on why ferry fares rise in April.")
    ]
    assert server.paths() == ["/podcast.xml", "/podcast.xml"]  # no audio downloaded


def test_one_story_re_issued_under_a_new_guid_is_stored_once_from_its_page(server, tmp_path):
    port = sample_articles()[0]
    items = (
        "<item><title>Brennport port reopens after ransomware attack</title>"
        "<link>{base}/news/port</link><guid isPermaLink='false'>wire-1187-v2</guid>"
        "<pubDate>Tue, 03 Mar 2026 11:00:00 GMT</pubDate>"
        "<description>The port reopened on Monday after a week...</description></item>"
        "<item><title>Brennport port reopens</title>"
        "<link>{base}/news/port</link><guid isPermaLink='false'>wire-1187</guid>"
        "<pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate>"
        "<description>The port reopened on Monday...</description></item>"
    )
    channel = f"<channel><title>Wire</title><link>{{base}}/</link>{items}</channel>"
    server.route("/feed", f"<rss version='2.0'>{channel}</rss>", "application/rss+xml")
    server.route("/news/port", html_page(port.title, port.text), "text/html")
    said, rows = ingest_twice(server, tmp_path, "/feed")
    assert said[1] == "1 source: 0 fetched, 0 new, 0 updated, 0 failed"
    ((title, url, text),) = rows
    assert (title, url) == (
        "Brennport port reopens after ransomware attack",
        server.url("/news/port"),
    )
    assert "..." not in text and len(text.split()) > 80  # the page, not either teaser
    assert server.paths().count("/news/port") == 1


def test_different_stories_sharing_a_section_link_are_each_stored_by_their_text(server, tmp_path):
    heat, ferry = sample_articles()[3], sample_articles()[4]
    items = "".join(
        f"<item><title>{article.title}</title><link>{{base}}/notices/</link>"
        f"<guid isPermaLink='false'>notice-{n}</guid>"
        f"<description><![CDATA[{article.text}]]></description></item>"
        for n, article in enumerate((heat, ferry))
    )
    server.route(
        "/feed", f"<rss version='2.0'><channel><title>Notices</title>{items}</channel></rss>"
    )
    said, rows = ingest_twice(server, tmp_path, "/feed")
    assert said == [
        "1 source: 2 fetched, 2 new, 0 updated, 0 failed",
        "1 source: 2 fetched, 0 new, 0 updated, 0 failed",
    ]
    assert [(title, url) for title, url, _ in rows] == [(heat.title, None), (ferry.title, None)]


GOOGLE_NEWS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<generator>NFE/5.0</generator><title>"brennport" - Google News</title>
<link>{base}/search?q=brennport</link><language>en-GB</language>
<item><title>Brennport port reopens after ransomware attack - Gulf Herald</title>
<link>{base}/rss/articles/CBMiWmh0dHBzOi8vZ3VsZmhlcmFsZC5leGFtcGxlL3BvcnQ?oc=5</link>
<guid isPermaLink="false">CBMiWmh0dHBzOi8vZ3VsZmhlcmFsZC5leGFtcGxlL3BvcnQ</guid>
<pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate>
<description>&lt;a href="{base}/rss/articles/CBMiWmh0dHBzOi8vZ3VsZmhlcmFsZC5leGFtcGxlL3BvcnQ?oc=5"
target="_blank"&gt;Brennport port reopens after ransomware attack&lt;/a&gt;&amp;nbsp;&amp;nbsp;
&lt;font color="#6f6f6f"&gt;Gulf Herald&lt;/font&gt;</description>
<source url="https://www.gulfherald.example">Gulf Herald</source></item>
</channel></rss>"""


def test_an_aggregated_item_is_credited_to_the_outlet_it_names(server, tmp_path):
    """Google News items name their outlet in <source> and brand their titles with it;
    the links redirect to the outlet's page (here on the same loopback host)."""
    port = sample_articles()[0]
    server.route("/rss/search", GOOGLE_NEWS, "application/rss+xml")
    server.redirect("/rss/articles/CBMiWmh0dHBzOi8vZ3VsZmhlcmFsZC5leGFtcGxlL3BvcnQ", "/port")
    server.route("/port", html_page(port.title, port.text), "text/html")
    feed = read(server, "/rss/search")
    (item,) = feed.entries
    assert (item.title, item.outlet) == (
        "Brennport port reopens after ransomware attack",
        "Gulf Herald",
    )
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss/search")}"]\n')
    assert briefing(config, "ingest")[0] == EXIT_OK
    with stored(config) as store:
        rows = list(store.execute("SELECT title, source_name, url FROM articles"))
    assert rows == [
        ("Brennport port reopens after ransomware attack", "Gulf Herald", server.url("/port"))
    ]
