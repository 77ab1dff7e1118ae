"""Feeds in the shapes real publishers serve (Mastodon, Reddit, GitHub releases...), read
end to end through the `briefing` command line against loopback: what a reader gets."""

from __future__ import annotations

import pytest

from tests.fakes.feed_server import FeedServer
from tests.test_feed_quirks import ingest_twice, read


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


TOOT = (
    "The port reopened this morning after the ransomware attack. Crane crews are back on the "
    "night shift, and the 14 ships at anchor will berth in order of arrival. Thanks to "
    "everyone who waited so patiently."
)
# Mastodon: no titles, the post's HTML escaped in <description>, hashtags as links
MASTODON = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>Harbour Master</title><link>{{base}}/@harbour</link><generator>Mastodon v4.2.8</generator>
<item><guid isPermaLink="true">{{base}}/@harbour/1112</guid><link>{{base}}/@harbour/1112</link>
<pubDate>Tue, 03 Mar 2026 09:00:00 +0000</pubDate>
<description>&lt;p&gt;{TOOT} &lt;a href="{{base}}/tags/port" class="mention hashtag"
 rel="tag"&gt;#&lt;span&gt;port&lt;/span&gt;&lt;/a&gt;&lt;/p&gt;</description>
{{image}}</item></channel></rss>"""
# a post's picture, described for those who cannot see it
PICTURE = """<media:content url="{base}/files/cranes.png" type="image/png" medium="image">
<media:description type="plain">Cranes at night</media:description></media:content>"""
# what a Mastodon server sends for a post's page: a shell its script fills in
MASTODON_PAGE = (
    '<html><head><title>Harbour Master: "The port reopened" - Mastodon</title></head><body>'
    "<div id='mastodon'></div><noscript>To use the Mastodon web application, please enable "
    "JavaScript. Alternatively, try one of the native apps for Mastodon for your platform."
    "</noscript></body></html>"
)


def test_a_short_post_whose_page_holds_no_article_is_stored_from_the_feed(server, tmp_path):
    """A post of a few sentences is a teaser by its length, so its page is read; a page a
    script draws holds no article, and the post is then stored from the feed's own text,
    not failed at every read."""
    server.route("/@harbour.rss", MASTODON.replace("{image}", ""), "application/rss+xml")
    server.route("/@harbour/1112", MASTODON_PAGE, "text/html")
    said, rows = ingest_twice(server, tmp_path, "/@harbour.rss")
    assert said == [
        "1 source: 1 fetched, 1 new, 0 updated, 0 failed",
        "1 source: 0 fetched, 0 new, 0 updated, 0 failed",
    ]
    assert server.paths().count("/@harbour/1112") == 1  # asked again later, not at once
    ((title, url, text),) = rows
    assert url == server.url("/@harbour/1112")
    assert text.startswith(TOOT)
    assert "JavaScript" not in text and "Mastodon" not in title
    assert title.startswith("The port reopened this morning")


def test_a_posts_text_is_not_taken_for_its_pictures_description(server):
    """feedparser files a media:description (a picture's alt text) after an item's own
    description as the item's content: the entry's text is still the post."""
    server.route("/@harbour.rss", MASTODON.replace("{image}", PICTURE), "application/rss+xml")
    (entry,) = read(server, "/@harbour.rss").entries
    assert entry.text.startswith(TOOT)
    assert entry.image == server.url("/files/cranes.png")
