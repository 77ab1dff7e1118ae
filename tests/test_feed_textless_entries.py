"""Feed entries that hold no article text: a video without a description, a post of one
word, a forum's post of a picture. Their pages hold no article and their feed text is
too short to store: such an entry is read once, said as what it is (not a failure), and
passed over at later reads without a fetch until the feed changes it."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from tests.fakes.feed_server import FeedServer
from tests.test_feed_quirks import ingest_twice
from tests.test_ingest import briefing, stored, write_config
from tests.test_publisher_feeds import MASTODON, MASTODON_PAGE, REDDIT, TOOT


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


# a video channel's feed: the video's entry has a title and no description at all
VIDEOS = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015"
 xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
<title>Harbour TV</title><link rel="alternate" href="{base}/channel/harbour"/>
<entry><id>yt:video:k3Xq</id><yt:videoId>k3Xq</yt:videoId><title>Night shift at the cranes</title>
<link rel="alternate" href="{base}/watch?v=k3Xq"/>
<published>2026-03-03T09:00:00+00:00</published><updated>{updated}</updated>
<media:group><media:title>Night shift at the cranes</media:title>
<media:content url="{base}/v/k3Xq" type="application/x-shockwave-flash"/>
<media:thumbnail url="{base}/vi/k3Xq/hq.jpg"/><media:description></media:description>
</media:group></entry></feed>"""
# a video page: its player and everything else drawn by a script
VIDEO_PAGE = (
    "<html><head><title>Night shift at the cranes - Harbour TV</title></head><body>"
    "<div id='player'></div><script>var ytInitialData = {};</script></body></html>"
)
# a forum's post of a picture: its "[link]" is the picture itself
PICTURE_POST = (
    '<table><tr><td><a href="{base}/r/pics/comments/2def/cranes/"><img src="{base}/t/c.jpg" '
    'alt="Cranes" /></a></td><td> &#32; submitted by &#32; <a href="{base}/user/ann"> /u/ann '
    '</a> <br/> <span><a href="{base}/i/cranes.jpg">[link]</a></span> &#32; <span><a '
    'href="{base}/r/pics/comments/2def/cranes/">[comments]</a></span></td></tr></table>'
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64)


def _videos(server: FeedServer, updated: str = "2026-03-03T09:00:00+00:00") -> None:
    server.route("/videos.xml", VIDEOS.replace("{updated}", updated), "application/atom+xml")


def _one_word_post(server: FeedServer) -> None:
    post = MASTODON.replace("{image}", "")
    post = post[: post.index("<description>")] + "<description>&lt;p&gt;Wow&lt;/p&gt;"
    post += "</description></item></channel></rss>"
    server.route("/@harbour.rss", post, "application/rss+xml")
    server.route("/@harbour/1112", MASTODON_PAGE, "text/html")


def _picture_post(server: FeedServer) -> None:
    feed = REDDIT.replace("{content}", escape(PICTURE_POST)).replace("/r/news/", "/r/pics/")
    feed = feed.replace("comments/1abc/port_reopens/", "comments/2def/cranes/")
    server.route("/r/pics/.rss", feed, "application/atom+xml")
    server.route("/i/cranes.jpg", JPEG, "image/jpeg")


@pytest.mark.parametrize(
    ("serve", "feed", "page"),
    [
        (_videos, "/videos.xml", "/watch?v=k3Xq"),
        (_one_word_post, "/@harbour.rss", "/@harbour/1112"),
        (_picture_post, "/r/pics/.rss", "/i/cranes.jpg"),
    ],
    ids=["video", "one-word-post", "picture-post"],
)
def test_an_entry_without_article_text_is_read_once_and_not_failed(
    server, tmp_path, serve, feed, page
):
    """Read once, the entry is said to hold no article text, not counted failed; the next
    read of its feed passes over it without asking for its page again."""
    if page.startswith("/watch"):
        server.route("/watch", VIDEO_PAGE, "text/html")
    serve(server)
    said, rows = ingest_twice(server, tmp_path, feed)
    assert said == [
        "1 source: 0 fetched, 0 new, 0 updated, 0 failed, 1 entry without article text",
        "1 source: 0 fetched, 0 new, 0 updated, 0 failed",
    ]
    assert rows == []
    assert server.paths().count(page) == 1
    assert server.paths().count(feed) == 2  # the feed itself is read each time


def test_an_entry_without_article_text_is_read_again_once_it_changes(server, tmp_path):
    """A changed entry (a new update time) is looked at again, once; an entry that drops
    out of its feed is forgotten with it."""
    server.route("/watch", VIDEO_PAGE, "text/html")
    _videos(server)
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/videos.xml")}"]\n')
    lines = []
    for updated in ("2026-03-03T09:00:00+00:00", "2026-03-04T12:00:00+00:00", None):
        if updated:
            _videos(server, updated)
        lines.append(briefing(config, "ingest", "--all")[1].strip().splitlines()[-1])
    assert lines == [
        "1 source: 0 fetched, 0 new, 0 updated, 0 failed, 1 entry without article text",
        "1 source: 0 fetched, 0 new, 0 updated, 0 failed, 1 entry without article text",
        "1 source: 0 fetched, 0 new, 0 updated, 0 failed",
    ]
    assert server.paths().count("/watch?v=k3Xq") == 2
    with stored(config) as store:
        (source,) = store.list_sources()
        assert list(store.textless_entries(source.id)) == ["yt:video:k3Xq"]
        server.route("/videos.xml", VIDEOS.split("<entry>")[0] + "</feed>", "application/atom+xml")
    assert briefing(config, "ingest", "--all")[1].strip().splitlines()[-1] == (
        "1 source: 0 fetched, 0 new, 0 updated, 0 failed"
    )
    with stored(config) as store:
        assert store.textless_entries(source.id) == {}


def test_an_entry_without_text_that_gains_it_is_stored_at_the_next_read(server, tmp_path):
    """A one-word post edited into a post of sentences (same id, same link, same date)
    is another entry: the next read stores it, and the record of it without text goes."""
    _one_word_post(server)
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/@harbour.rss")}"]\n')
    first = briefing(config, "ingest", "--all")[1].strip().splitlines()[-1]
    assert first.endswith("1 entry without article text")
    server.route("/@harbour.rss", MASTODON.replace("{image}", ""), "application/rss+xml")
    assert briefing(config, "ingest", "--all")[1].strip().splitlines()[-1] == (
        "1 source: 1 fetched, 1 new, 0 updated, 0 failed"
    )
    with stored(config) as store:
        (source,) = store.list_sources()
        assert store.textless_entries(source.id) == {}
        ((text,),) = store.execute("SELECT text FROM articles")
    assert text.startswith(TOOT)


def test_two_entries_of_one_feed_under_one_id_are_each_passed_over(server, tmp_path):
    """A feed that gives one id to two posts (a video's and another's, each without text)
    has each read once: at the next read neither page is asked for again, and neither is
    said anew, however the two reads' fetches finish."""
    server.route("/watch", VIDEO_PAGE, "text/html")
    entry = VIDEOS[VIDEOS.index("<entry>") : VIDEOS.index("</entry>") + len("</entry>")]
    other = entry.replace("v=k3Xq", "v=m4Yr").replace("Night shift", "Day shift")
    feed = VIDEOS.replace(entry, entry + other).replace("{updated}", "2026-03-03T09:00:00+00:00")
    server.route("/videos.xml", feed, "application/atom+xml")
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/videos.xml")}"]\n')
    lines = [briefing(config, "ingest", "--all")[1].strip().splitlines()[-1] for _ in range(3)]
    assert lines == [
        "1 source: 0 fetched, 0 new, 0 updated, 0 failed, 2 entries without article text",
        "1 source: 0 fetched, 0 new, 0 updated, 0 failed",
        "1 source: 0 fetched, 0 new, 0 updated, 0 failed",
    ]
    assert server.paths().count("/watch?v=k3Xq") == 1
    assert server.paths().count("/watch?v=m4Yr") == 1
