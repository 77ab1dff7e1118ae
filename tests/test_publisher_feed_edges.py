"""Edges of the publisher feed shapes (see test_publisher_feeds): what the rules for those
shapes must leave alone, and what they must still refuse, on material they were not made
from."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from summaries.cli import EXIT_OK
from summaries.markdown import markdown_article
from summaries.models import Article, SummaryOptions
from summaries.plaintext import html_to_text
from summaries.summarize import article_text, summarize
from tests.fakes.feed_server import FeedServer
from tests.test_feed_quirks import read
from tests.test_ingest import briefing, stored, write_config
from tests.test_publisher_feeds import (
    MASTODON,
    PICTURE,
    REDDIT,
    REDDIT_LINK_POST,
    TOOT,
    blog_feed,
)


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


COUNCIL = (
    "The council met on Tuesday evening to discuss the budget for the coming year. Members "
    "argued for three hours about the cost of repairing the old bridge over the river."
)


@pytest.mark.parametrize("line", ["What now?", "The Link", "Link", "Now"])
def test_a_short_line_of_now_or_link_alone_is_kept(line):
    """ "now" and "link" are a button's words only beside the button's own ("Subscribe
    now", "[link] [comments]"): alone they are a heading or a short line of the text."""
    text = f"{COUNCIL}\n\n{line}\n\n{COUNCIL.replace('council', 'board')}"
    assert line in article_text(Article(title="", text=text)).split("\n")


@pytest.mark.parametrize("line", ["Subscribe now", "[link] [comments]", "Share link"])
def test_now_or_link_beside_a_buttons_words_is_furniture(line):
    text = f"{COUNCIL}\n\n{line}\n\n{COUNCIL.replace('council', 'board')}"
    assert line not in article_text(Article(title="", text=text))


CAPTION = (
    "Fog over the harbour at dawn, taken from the lighthouse steps an hour before the first "
    "ferry of the day left for the islands."
)
# a photo blog's post: the picture and its caption are all there is
PHOTO_POST = (
    '<figure class="wp-block-image"><img src="{base}/fog.jpg" alt=""/>'
    f'<figcaption class="wp-element-caption">{CAPTION}</figcaption></figure>'
)


def test_a_post_that_is_only_a_captioned_picture_keeps_its_caption_as_its_text(server):
    """A caption is left out beside a post's own text; a post that is a picture and its
    caption has no other text, and the caption is what it says."""
    server.route("/feed", blog_feed("Fog", PHOTO_POST), "application/rss+xml")
    (entry,) = read(server, "/feed").entries
    assert entry.text == CAPTION
    assert html_to_text(f"<p>{COUNCIL}</p>{PHOTO_POST}") == COUNCIL  # beside text: left out


def test_a_link_posts_story_at_a_private_address_is_not_fetched(server, tmp_path):
    """The story a "[link]" names is fetched under the fetcher's rules: one inside a
    private network (not among the allowed hosts) is refused, and said."""
    post = REDDIT_LINK_POST.replace('"{base}/news/port"', '"http://localhost:{port}/news/port"')
    post = post.replace("{port}", str(server.port))
    server.route("/r/news/.rss", REDDIT.replace("{content}", escape(post)), "application/atom+xml")
    server.route("/news/port", "<html><body><p>never read</p></body></html>", "text/html")
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/r/news/.rss")}"]\n')
    code, out = briefing(config, "ingest", "--all")
    assert code != EXIT_OK
    assert "points inside a private network, so it will not be fetched" in out
    assert out.strip().splitlines()[-1] == "1 source: 0 fetched, 0 new, 0 updated, 1 failed"
    assert "/news/port" not in server.paths()
    assert "/r/news/comments/1abc/port_reopens/" not in server.paths()
    with stored(config) as store:
        assert list(store.execute("SELECT url FROM articles")) == []


def test_a_figure_among_a_documents_paragraphs_leaves_its_caption_out():
    """A Markdown document's HTML figure is a part of it, beside its text: its caption is
    left out, though the block alone holds nothing else."""
    markdown = f"# Harbour\n\n{COUNCIL}\n\n{PHOTO_POST.replace('{base}', '')}\n\nThe ferry left.\n"
    title, text = markdown_article(markdown)
    assert "Fog over the harbour" not in text
    assert COUNCIL in text


# what people write for a picture on Mastodon is often longer than the post
ALT_TEXT = (
    "Four harbour cranes lit by floodlights against a dark sky, a container ship moored "
    "beneath them, its deck stacked with red and blue containers, and the water in the "
    "foreground reflecting the lights in long yellow streaks. Two small figures in orange "
    "vests stand on the quay at the lower left, next to a stack of pallets."
)


def test_a_pictures_description_longer_than_the_post_is_not_its_text(server):
    """The media:description feedparser files as a Mastodon item's content describes its
    picture, however long: the entry's text is the post."""
    picture = PICTURE.replace("Cranes at night", ALT_TEXT)
    server.route("/@harbour.rss", MASTODON.replace("{image}", picture), "application/rss+xml")
    (entry,) = read(server, "/@harbour.rss").entries
    assert entry.text.startswith(TOOT)
    assert "floodlights" not in entry.text


def test_an_atom_entrys_plain_content_is_its_text(server):
    """Atom's content in plain text (type="text") is the entry's text, longer than its
    summary, pictures or not."""
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">'
        "<title>Port</title><id>urn:port</id><entry><id>urn:1</id><title>Port reopens</title>"
        '<link href="{base}/1"/><summary>The port reopened.</summary>'
        f'<content type="text">{TOOT}</content>'
        '<media:content url="{base}/c.png" medium="image"/></entry></feed>'
    )
    server.route("/atom", feed, "application/atom+xml")
    (entry,) = read(server, "/atom").entries
    assert entry.text == TOOT


JA_POST = "港は今朝、身代金攻撃の後に再開した。クレーンの作業員は夜勤に戻った。"
ZH_POST = "港口今天上午在勒索软件攻击后重新开放。起重机工人已经回到夜班！"


@pytest.mark.parametrize(
    ("post", "after"),
    [(JA_POST, "#港 #神戸"), (JA_POST, " #港 #神戸"), (ZH_POST, "#港口"), (ZH_POST, "\n#港口")],
    ids=["ja", "ja-space", "zh", "zh-line"],
)
def test_a_posts_closing_hashtags_are_left_out_whatever_ends_its_last_sentence(post, after):
    """A post whose last sentence ends as Chinese and Japanese end one (。！？), its tags
    written right after it or after a space, is briefed without them too."""
    briefing = summarize(Article(title="", text=post + after), SummaryOptions(sentences=3))
    assert "".join(briefing.sentences) == post


def media_item(*elements: str) -> str:
    """An RSS feed of one item of ``elements`` (the item's own ones and its media's)."""
    return (
        '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Port'
        "</title><item><guid>{base}/1</guid><link>{base}/1</link>"
        + "".join(elements)
        + "</item></channel></rss>"
    )


MEDIA = f'<media:content url="{{base}}/c.png" medium="image"><media:description>{ALT_TEXT}'
POST = f"<description>&lt;p&gt;{TOOT}&lt;/p&gt;</description>"


@pytest.mark.parametrize(
    ("elements", "text"),
    [
        ((MEDIA + "</media:description></media:content>", POST), TOOT),
        ((f"<media:group><media:description>{TOOT}</media:description></media:group>",), TOOT),
        ((POST.replace(TOOT, ALT_TEXT), MEDIA + "</media:description></media:content>"), ALT_TEXT),
    ],
    ids=["picture-first", "video-alone", "same-words"],
)
def test_an_items_text_is_its_own_wherever_its_media_description_stands(server, elements, text):
    """A media description before the item's own is not its text either; a description
    that is all the item has (a video's), or that says what the item says, is its text."""
    server.route("/rss", media_item(*elements), "application/rss+xml")
    (entry,) = read(server, "/rss").entries
    assert entry.text == text


def rss_item(link: str, description: str, extra: str = "") -> str:
    """An RSS feed of one item linked to ``link``, its escaped HTML ``description``."""
    return (
        "<rss version='2.0'><channel><title>News</title><link>{base}/</link><item>"
        f"<title>Port reopens</title><link>{link}</link><guid>{{base}}/s/abc</guid>{extra}"
        f"<description>{escape(description)}</description></item></channel></rss>"
    )


@pytest.mark.parametrize(
    ("feed", "link"),
    [
        (  # Lemmy: the item's link is the story already, the post is "N comments"
            rss_item(
                "{base}/news/port",
                'submitted by <a href="{base}/u/ann">ann</a> to <a href="{base}/c/news">news</a>'
                '<br>12 points | <a href="{base}/post/9">3 comments</a><br>'
                '<a href="{base}/news/port">{base}/news/port</a>',
            ),
            "/news/port",
        ),
        (  # Lobsters: the discussion in <comments>, and a "Comments" link
            rss_item(
                "{base}/news/port",
                '<p><a href="{base}/s/abc">Comments</a></p>',
                "<comments>{base}/s/abc</comments>",
            ),
            "/news/port",
        ),
        (  # a blog post that names a "[link]" of its own, and no discussion
            rss_item("{base}/p/1", '<p>The port reopened <a href="{base}/x">[link]</a>.</p>'),
            "/p/1",
        ),
        (  # Reddit's shape with a relative "[link]": read against the feed's address
            REDDIT.replace(
                "{content}", escape(REDDIT_LINK_POST.replace('"{base}/news/port"', '"/news/port"'))
            ),
            "/news/port",
        ),
    ],
    ids=["lemmy", "lobsters", "blog", "reddit-relative"],
)
def test_only_a_link_posts_story_replaces_its_link(server, feed, link):
    """Only an entry whose "[comments]" is its own link has its "[link]" for its link."""
    server.route("/feed", feed, "application/rss+xml")
    (entry,) = read(server, "/feed").entries
    assert entry.link == server.url(link)
