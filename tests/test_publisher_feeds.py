"""Feeds in the shapes real publishers serve (Mastodon, Reddit, GitHub releases...), read
end to end through the `briefing` command line against loopback: what a reader gets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

import pytest
import time_machine

from summaries.cli import EXIT_OK
from summaries.models import Article, SummaryOptions
from summaries.plaintext import html_to_text
from summaries.samples import sample_articles
from summaries.sentences import split_sentences
from summaries.summarize import article_text, summarize
from tests.fakes.feed_server import FeedServer
from tests.test_feed_quirks import ingest_twice, read
from tests.test_ingest import briefing, html_page, stored, write_config


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
        # read again from the feed's text (which an edit of the post would correct), as
        # every entry of a feed read whole is: the same, neither new nor updated
        "1 source: 1 fetched, 0 new, 0 updated, 0 failed",
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


# Reddit: Atom, each entry linked to its comments page; the story's own address is the
# "[link]" of the entry's text (a self post's "[link]" is its comments page again)
REDDIT_LINK_POST = (
    '<table> <tr><td> <a href="{base}/r/news/comments/1abc/port_reopens/"> <img '
    'src="{base}/thumbs/x.jpg" alt="Port reopens" title="Port reopens" /> </a> </td><td> '
    '&#32; submitted by &#32; <a href="{base}/user/newsbot"> /u/newsbot </a> <br/> '
    '<span><a href="{base}/news/port">[link]</a></span> &#32; '
    '<span><a href="{base}/r/news/comments/1abc/port_reopens/">[comments]</a></span> '
    "</td></tr></table>"
)
REDDIT = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>/r/news/.rss</id><title>News</title>
<link rel="alternate" href="{base}/r/news/" type="text/html" />
<updated>2026-03-03T10:00:00+00:00</updated>
<entry><author><name>/u/newsbot</name></author><id>t3_1abc</id>
<content type="html">{content}</content>
<link href="{base}/r/news/comments/1abc/port_reopens/" />
<updated>2026-03-03T09:00:00+00:00</updated><published>2026-03-03T09:00:00+00:00</published>
<title>Brennport port reopens after ransomware attack</title></entry></feed>"""
REDDIT_COMMENTS_PAGE = (
    "<html><head><title>Brennport port reopens : r/news</title></head><body><div>Skip to "
    "main content. Open menu. Log in. Get the Reddit app. Go to news. r/news. 2 hr. ago. "
    "newsbot. Brennport port reopens after ransomware attack. Archived post. New comments "
    "cannot be posted and votes cannot be cast. Share. Sort by: Best.</div></body></html>"
)


def test_a_link_post_of_a_forum_is_read_from_the_story_it_links(server, tmp_path):
    """The entry's link is a discussion page; the story is the page its "[link]" names:
    that page is read, under its own address, and the discussion page never is."""
    port = sample_articles()[0]
    content = escape(REDDIT_LINK_POST)
    server.route("/r/news/.rss", REDDIT.replace("{content}", content), "application/atom+xml")
    server.route("/r/news/comments/1abc/port_reopens/", REDDIT_COMMENTS_PAGE, "text/html")
    server.route("/news/port", html_page(port.title, port.text), "text/html")
    said, rows = ingest_twice(server, tmp_path, "/r/news/.rss")
    assert said[0] == "1 source: 1 fetched, 1 new, 0 updated, 0 failed"
    ((title, url, text),) = rows
    assert title == "Brennport port reopens after ransomware attack"
    assert url == server.url("/news/port")
    assert port.text.split("\n")[0][:60] in text
    assert "comments" not in text and "Reddit" not in text
    assert "/r/news/comments/1abc/port_reopens/" not in server.paths()


def test_a_text_post_of_a_forum_keeps_its_own_link(server):
    """A text post's "[link]" is its comments page, where the post is: the link stays."""
    post = (
        '<!-- SC_OFF --><div class="md"><p>The bank cut its rate today.</p></div><!-- SC_ON -->'
        ' &#32; submitted by &#32; <a href="{base}/user/econ"> /u/econ </a> <br/> <span><a '
        'href="{base}/r/news/comments/1abc/port_reopens/">[link]</a></span> &#32; <span><a '
        'href="{base}/r/news/comments/1abc/port_reopens/">[comments]</a></span>'
    )
    feed = REDDIT.replace("{content}", escape(post))
    server.route("/r/news/.rss", feed, "application/atom+xml")
    (entry,) = read(server, "/r/news/.rss").entries
    assert entry.link == server.url("/r/news/comments/1abc/port_reopens/")
    assert entry.text.startswith("The bank cut its rate today.")


@pytest.mark.parametrize("between", [" ", "\n", "\n\n"])
def test_the_hashtags_after_a_post_are_no_sentence_of_its_briefing(between):
    """A social post's closing hashtags are its tags: searched with its text, never quoted
    as a sentence of its briefing."""
    post = f"{TOOT}{between}#Brennport #port #ships"
    briefing = summarize(Article(title="", text=post), SummaryOptions(sentences=3))
    assert briefing.sentences == tuple(split_sentences(TOOT))


GRID = (
    "<p>The grid held on Monday. Demand peaked at 38,450 megawatts, a record, and the operator "
    "drew on its reserves for the first time since 2023.</p><p>Rolling blackouts were "
    "avoided, but only just, and the operator warned they may still come this week.</p>"
)
# what Substack and Medium put around a post in their feeds' content:encoded
SUBSTACK_POST = (
    '<p class="button-wrapper" data-component-name="ButtonCreateButton"><a class="button '
    'primary" href="{base}/subscribe?"><span>Subscribe now</span></a></p>' + GRID + '<div '
    'class="subscription-widget-wrap-editor"><div class="preamble"><p class="cta-caption">'
    "Thanks for reading Grid Letters! Subscribe for free to receive new posts and support my "
    'work.</p></div><form><input type="email" name="email" placeholder="Type your email…">'
    '<input type="submit" value="Subscribe"></form></div>'
)
MEDIUM_POST = (
    GRID + '<img src="https://medium.com/_/stat?event=post.clientViewed" width="1" height="1">'
    '<hr><p><a href="{base}/grid-held-abc">The grid held</a> was originally published in '
    '<a href="{base}/energy">Energy Letters</a> on Medium, where people are continuing the '
    "conversation by highlighting and responding to this story.</p>"
)


def blog_feed(title: str, post: str) -> str:
    """An RSS feed of one blog post, its HTML ``post`` in content:encoded."""
    item = (
        f"<item><title>{title}</title><link>{{base}}/p/1</link><guid>{{base}}/p/1</guid>"
        f"<content:encoded><![CDATA[{post}]]></content:encoded></item>"
    )
    return (
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Grid Letters</title><link>{{base}}/</link>{item}</channel></rss>"
    )


# WordPress's image block, as its feeds' content:encoded carries it
CAPTIONED_POST = (
    '<figure class="wp-block-image size-large"><img decoding="async" src="{base}/sub.jpg" '
    'alt="" class="wp-image-88"/><figcaption class="wp-element-caption">Workers at the Tarrow '
    "substation on Monday evening.</figcaption></figure>" + GRID
)


@pytest.mark.parametrize(
    "post",
    [SUBSTACK_POST, MEDIUM_POST, CAPTIONED_POST],
    ids=["substack", "medium", "caption"],
)
def test_what_a_blog_platform_puts_around_a_post_is_no_sentence_of_its_briefing(server, post):
    """A short post is briefed from its own sentences, never from the platform's calls to
    subscribe, its note of where the post first appeared, or a picture's caption (which a
    page's extraction leaves out too)."""
    server.route("/feed", blog_feed("The grid held", post), "application/rss+xml")
    (entry,) = read(server, "/feed").entries
    text = article_text(Article(title=entry.title, text=entry.text))
    briefing = summarize(Article(title=entry.title, text=entry.text), SummaryOptions(sentences=3))
    assert briefing.sentences == tuple(split_sentences(html_to_text(GRID).replace("\n", " ")))
    for furniture in ("Subscribe", "Medium", "Workers"):
        assert furniture not in text


def test_a_forum_posts_link_line_is_not_stored_with_its_text(server):
    """Reddit's "submitted by /u/name" and "[link] [comments]" after a text post are the
    forum's links, not words of the post."""
    post = (
        '<!-- SC_OFF --><div class="md"><p>' + html_to_text(GRID).replace("\n", "</p><p>")
        + '</p></div><!-- SC_ON --> &#32; submitted by &#32; <a href="{base}/user/econ"> '
        '/u/econ </a> <br/> <span><a href="{base}/r/news/comments/1abc/port_reopens/">[link]'
        '</a></span> &#32; <span><a href="{base}/r/news/comments/1abc/port_reopens/">'
        "[comments]</a></span>"
    )
    server.route("/r/news/.rss", REDDIT.replace("{content}", escape(post)), "application/atom+xml")
    (entry,) = read(server, "/r/news/.rss").entries
    text = article_text(Article(title=entry.title, text=entry.text))
    assert text == html_to_text(GRID)


def test_a_caption_left_open_ends_with_its_figure():
    """A caption whose end tag is missing hides nothing after its picture."""
    html = "<figure><img src='a.jpg'><figcaption>Cranes at night</figure><p>The port reopened.</p>"
    assert html_to_text(html) == "The port reopened."


ABSTRACT = (
    "We study how urban beekeeping affects the diversity of wild pollinators in twelve "
    "European cities. Using three years of transect surveys, we find that hive density above "
    "a threshold is associated with fewer wild bee species."
)
# arXiv's listing feeds since 2024: the identifier line, then the labelled abstract
ARXIV_ITEM = (
    "<item><title>Urban beekeeping and the decline of wild pollinators</title>"
    "<link>{base}/abs/2603.01234</link><guid isPermaLink='false'>oai:arXiv.org:2603.01234v1"
    "</guid><description>arXiv:2603.01234v1 Announce Type: new \nAbstract: "
    f"{ABSTRACT}</description><category>q-bio.PE</category></item>"
)
# PubMed's: a structured abstract, a paragraph per labelled section
PUBMED_ITEM = (
    "<item><title>Urban beekeeping and the decline of wild pollinators</title>"
    "<link>{base}/pubmed/4012</link><guid isPermaLink='false'>pubmed:4012</guid>"
    "<description><![CDATA[<p><b>BACKGROUND:</b> "
    + ABSTRACT.replace(" Using", "</p><p><b>RESULTS:</b> Using")
    + "</p>]]></description></item>"
)


@pytest.mark.parametrize("item", [ARXIV_ITEM, PUBMED_ITEM], ids=["arxiv", "pubmed"])
def test_a_papers_abstract_is_briefed_without_its_section_labels(server, item):
    """"Abstract:", "BACKGROUND:" and the like label a paper's sections: its briefing
    quotes the sentences, not the labels."""
    feed = f"<rss version='2.0'><channel><title>q-bio.PE updates</title>{item}</channel></rss>"
    server.route("/rss", feed, "application/rss+xml")
    (entry,) = read(server, "/rss").entries
    briefing = summarize(Article(title=entry.title, text=entry.text), SummaryOptions(sentences=2))
    assert briefing.sentences == tuple(split_sentences(ABSTRACT))


def test_a_post_kept_from_its_feed_is_not_failed_when_its_page_still_holds_no_article(
    server, tmp_path
):
    """The page of a post stored from its feed's text is asked for again later (it may
    give a fuller article); a page that still holds no article text, however much
    furniture it shows, leaves the post as it is and fails nothing."""
    date = format_datetime(datetime.now(UTC) - timedelta(hours=1), usegmt=True)
    feed = MASTODON.replace("{image}", "").replace("Tue, 03 Mar 2026 09:00:00 +0000", date)
    profile = "".join(  # no sentence, but more text than the post
        f"<p>Harbour Master profile number {n}</p><p>Joined March 2021 with {n} posts</p>"
        for n in range(12)
    )
    shell = MASTODON_PAGE.replace("</noscript>", f"</noscript><main>{profile}</main>")
    server.route("/@harbour.rss", feed, "application/rss+xml")
    server.route("/@harbour/1112", shell, "text/html")
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/@harbour.rss")}"]\n')
    assert briefing(config, "ingest")[0] == EXIT_OK
    server.reset_log()
    with time_machine.travel(datetime.now(UTC) + timedelta(minutes=16)):
        code, out = briefing(config, "ingest", "--all")
    assert code == EXIT_OK, out
    assert "/@harbour/1112" in server.paths()  # asked for again
    assert out.strip().splitlines()[-1] == "1 source: 0 fetched, 0 new, 0 updated, 0 failed"
    with stored(config) as store:
        ((text,),) = store.execute("SELECT text FROM articles")
    assert text.startswith(TOOT)
