"""What a feed's media descriptions are to an entry: a picture's (its alt text, inside a
media:content or a media:group of pictures) and the feed's own (outside any item) are
never an entry's text, even when the entry has no other; a video's description is the
text of an entry that has no other."""

from __future__ import annotations

import pytest

from tests.fakes.feed_server import FeedServer
from tests.test_feed_quirks import ingest_twice, read
from tests.test_publisher_feed_edges import ALT_TEXT, media_item
from tests.test_publisher_feeds import MASTODON, MASTODON_PAGE, TOOT


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


IN_CONTENT = (
    '<media:content url="{base}/c.png" type="image/png" medium="image">'
    f'<media:description type="plain">{ALT_TEXT}</media:description></media:content>'
)
IN_GROUP = (  # the description before the pictures it describes
    f"<media:group><media:description>{ALT_TEXT}</media:description>"
    '<media:content url="{base}/c.jpg"/><media:content url="{base}/d.webp"/></media:group>'
)
VIDEO_GROUP = (
    '<media:group><media:content url="{base}/v/1" type="application/x-shockwave-flash"/>'
    f'<media:thumbnail url="{{base}}/t.jpg"/><media:description>{TOOT}</media:description>'
    "</media:group>"
)
VIDEO_CONTENT = (
    f'<media:content url="{{base}}/v.mp4" medium="video"><media:description>{TOOT}'
    "</media:description></media:content>"
)


@pytest.mark.parametrize(
    ("media", "text"),
    [(IN_CONTENT, ""), (IN_GROUP, ""), (VIDEO_GROUP, TOOT), (VIDEO_CONTENT, TOOT)],
    ids=["picture", "group-of-pictures", "video-group", "video-content"],
)
def test_a_media_description_alone_is_an_entrys_text_only_for_a_video(server, media, text):
    server.route("/rss", media_item(media), "application/rss+xml")
    (entry,) = read(server, "/rss").entries
    assert entry.text == text


def test_the_feeds_own_media_description_is_no_entrys_text(server):
    """A channel's description (Media RSS at channel level), before or after its items,
    is not the text of an item that has none."""
    about = "Videos from the harbour every week: cranes, ferries and the night shift."
    channel = f"<media:description>{about}</media:description>"
    feed = (
        media_item()
        .replace("<item>", channel + "<item>")
        .replace("</channel>", channel + "</channel>")
    )
    server.route("/rss", feed, "application/rss+xml")
    (entry,) = read(server, "/rss").entries
    assert entry.text == ""


def test_a_post_that_is_only_a_described_picture_is_not_stored_as_its_alt_text(server, tmp_path):
    """A post of a picture without words: what the picture shows is not the post's text
    (nor is the page a script draws): an entry without article text, not an article made
    of the alt text."""
    server.route("/@harbour.rss", _picture_only(MASTODON, IN_CONTENT), "application/rss+xml")
    server.route("/@harbour/1112", MASTODON_PAGE, "text/html")
    said, rows = ingest_twice(server, tmp_path, "/@harbour.rss")
    assert (
        said[0] == "1 source: 0 fetched, 0 new, 0 updated, 0 failed, 1 entry without article text"
    )
    assert rows == []


def _picture_only(feed: str, picture: str) -> str:
    """``feed``'s item without its description, with ``picture``."""
    start, end = feed.index("<description>"), feed.index("</description>") + len("</description>")
    return (feed[:start] + feed[end:]).replace("{image}", picture)
