"""Feeds as platforms really emit them (an aggregator's search feed, blog platforms...),
read end to end through the `briefing` command line against loopback: what is stored,
and that a second read stores nothing twice."""

from __future__ import annotations

import asyncio
import textwrap
from datetime import UTC, datetime
from xml.sax.saxutils import escape

import pytest

from summaries.samples import sample_articles
from summaries.sources._charrefs import xml_entities
from summaries.sources.collect import fetch_feed
from summaries.sources.http import Fetcher
from tests.test_feed_quirks import GOOGLE_NEWS, LOCAL, ingest_twice, read, server
from tests.test_ingest import html_page, stored

PORT = sample_articles()[0]

__all__ = ["server"]  # the fixture


def test_an_aggregated_story_on_a_page_that_names_no_outlet_keeps_the_outlet_its_item_names(
    server, tmp_path
):
    """The aggregator's feed is of its own site (news.google.com); the page its link
    redirects to declares no site name: the outlet is the one the item names in <source>,
    not the page's bare host name."""
    feed = GOOGLE_NEWS.replace("{base}/search?q=", "https://news.google.com/search?q=")
    server.route("/rss/search", feed, "application/rss+xml")
    server.redirect("/rss/articles/CBMiWmh0dHBzOi8vZ3VsZmhlcmFsZC5leGFtcGxlL3BvcnQ", "/port")
    server.route("/port", html_page(PORT.title, PORT.text), "text/html")
    _, rows = ingest_twice(server, tmp_path, "/rss/search")
    ((title, url, _),) = rows
    assert (title, url) == ("Brennport port reopens after ransomware attack", server.url("/port"))
    with stored(tmp_path / "config.toml") as store:
        assert [name for (name,) in store.execute("SELECT source_name FROM articles")] == [
            "Gulf Herald"
        ]


def test_a_page_elsewhere_that_names_its_site_is_credited_to_it(server, tmp_path):
    """A page that declares its site's name (og:site_name) is credited to it, whatever the
    aggregator's item says."""
    feed = GOOGLE_NEWS.replace("{base}/search?q=", "https://news.google.com/search?q=")
    server.route("/rss/search", feed, "application/rss+xml")
    server.redirect("/rss/articles/CBMiWmh0dHBzOi8vZ3VsZmhlcmFsZC5leGFtcGxlL3BvcnQ", "/port")
    page = html_page(PORT.title, PORT.text).replace(
        "</head>", '<meta property="og:site_name" content="The Gulf Herald"></head>'
    )
    server.route("/port", page, "text/html")
    ingest_twice(server, tmp_path, "/rss/search")
    with stored(tmp_path / "config.toml") as store:
        assert [name for (name,) in store.execute("SELECT source_name FROM articles")] == [
            "The Gulf Herald"
        ]


TRUCKERS = sample_articles()[1]


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(part)}</p>" for part in text.split("\n\n") if part.strip())


def _assert_stored_whole(server, tmp_path, feed: str, link: str) -> None:
    """Two reads of the feed at ``feed`` store PORT once, under ``link``, as its own
    paragraphs, one a line, and nothing else."""
    said, rows = ingest_twice(server, tmp_path, feed)
    assert said[1] == "1 source: 1 fetched, 0 new, 0 updated, 0 failed"
    ((title, url, text),) = rows
    assert (title, url) == (PORT.title, server.url(link))
    paragraphs = [part for part in PORT.text.split("\n\n") if part.strip()]
    assert [line for line in text.split("\n") if line] == paragraphs


def _last_paragraph(text: str) -> str:
    return [part for part in text.split("\n\n") if part.strip()][-1]


# WordPress with Jetpack: share buttons and the related posts' heading (its posts are
# filled in by a script) in content:encoded, the excerpt and the footer in <description>
WORDPRESS_ITEM = """<item><title>{title}</title><link>{{base}}/{slug}/</link>
<dc:creator><![CDATA[Jo Writer]]></dc:creator><pubDate>{date}</pubDate>
<category><![CDATA[News]]></category><guid isPermaLink="false">{{base}}/?p={number}</guid>
<description><![CDATA[<p>{opening} [&#8230;]</p>
<p>The post <a href="{{base}}/{slug}/">{title}</a> appeared first on <a href="{{base}}">Coastal
Blog</a>.</p>]]></description>
<content:encoded><![CDATA[{body}<div class="sharedaddy sd-sharing-enabled"><h3
class="sd-title">Share this:</h3><ul><li><a href="{{base}}/{slug}/?share=twitter">Twitter</a>
</li><li><a href="{{base}}/{slug}/?share=facebook">Facebook</a></li></ul></div>
<div id='jp-relatedposts' class='jp-relatedposts'><h3
class="jp-relatedposts-headline"><em>Related</em></h3></div>
<p>The post <a href="{{base}}/{slug}/">{title}</a> appeared first on <a href="{{base}}">Coastal
Blog</a>.</p>]]></content:encoded><slash:comments>0</slash:comments></item>"""
WORDPRESS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:atom="http://www.w3.org/2005/Atom" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel><title>Coastal Blog</title><link>{base}</link>
<atom:link href="{base}/feed/" rel="self" type="application/rss+xml" />
<generator>https://wordpress.org/?v=6.4.3</generator>ITEMS</channel></rss>"""

# YouTube: the video's description in media:group, closed by the channel's calls to
# follow it and its hashtags
YOUTUBE = """<?xml version="1.0" encoding="UTF-8"?><feed xmlns:yt="http://www.youtube.com/xml/schemas/2015"
 xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
<id>yt:channel:abc</id><title>Harbour TV</title><link rel="alternate" href="{base}/channel/abc"/>
<entry><id>yt:video:vid1</id><yt:videoId>vid1</yt:videoId><title>TITLE</title>
<link rel="alternate" href="{base}/watch?v=vid1"/><author><name>Harbour TV</name></author>
<published>2026-03-03T01:00:00+00:00</published><updated>2026-03-03T01:05:00+00:00</updated>
<media:group><media:title>TITLE</media:title>
<media:content url="{base}/v/vid1?version=3" type="application/x-shockwave-flash"/>
<media:thumbnail url="{base}/vi/vid1/hqdefault.jpg" width="480" height="360"/>
<media:description>DESCRIPTION

#harbour #news #brennport</media:description>
<media:community><media:statistics views="1000"/></media:community></media:group></entry></feed>"""


def test_a_wordpress_posts_text_is_stored_without_its_buttons_related_heading_or_footer(
    server, tmp_path
):
    items = "".join(
        WORDPRESS_ITEM.format(
            title=escape(story.title),
            slug=f"story-{number}",
            number=100 + number,
            date=f"Tue, 03 Mar 2026 0{number}:00:00 +0000",
            opening=escape(story.text[:150]),
            body=_paragraphs(story.text),
        )
        for number, story in enumerate((PORT, TRUCKERS))
    )
    server.route("/feed/", WORDPRESS.replace("ITEMS", items), "application/rss+xml; charset=UTF-8")
    said, rows = ingest_twice(server, tmp_path, "/feed/")
    assert said == [
        "1 source: 2 fetched, 2 new, 0 updated, 0 failed",
        "1 source: 2 fetched, 0 new, 0 updated, 0 failed",
    ]
    assert sorted((title, url) for title, url, _ in rows) == sorted(
        [(PORT.title, server.url("/story-0/")), (TRUCKERS.title, server.url("/story-1/"))]
    )
    for _, url, text in rows:
        story = PORT if url.endswith("-0/") else TRUCKERS
        assert text.startswith(story.text[:100])
        assert text.endswith(_last_paragraph(story.text))


def test_a_videos_description_is_stored_without_the_hashtags_that_close_it(server, tmp_path):
    description = escape(TRUCKERS.text)
    feed = YOUTUBE.replace("TITLE", escape(TRUCKERS.title)).replace("DESCRIPTION", description)
    server.route("/feeds/videos.xml", feed, "text/xml; charset=UTF-8")
    said, rows = ingest_twice(server, tmp_path, "/feeds/videos.xml")
    assert said[1] == "1 source: 1 fetched, 0 new, 0 updated, 0 failed"
    ((title, url, text),) = rows
    assert (title, url) == (TRUCKERS.title, server.url("/watch?v=vid1"))
    assert text.endswith(_last_paragraph(TRUCKERS.text))


# A static site generator's feed (jekyll-feed, Hugo): the post's HTML as its Markdown
# source was written, each paragraph wrapped over several lines
JEKYLL = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<generator uri="https://jekyllrb.com/" version="4.3.3">Jekyll</generator>
<link href="{base}/feed.xml" rel="self" type="application/atom+xml" />
<link href="{base}/" rel="alternate" type="text/html" /><updated>2026-03-03T09:00:00+00:00</updated>
<id>{base}/feed.xml</id><title type="html">Harbour Notes</title>
<entry><title type="html">TITLE</title><link href="{base}/2026/03/03/port.html" rel="alternate"
type="text/html" title="TITLE" /><published>2026-03-03T09:00:00+00:00</published>
<updated>2026-03-03T09:00:00+00:00</updated><id>{base}/2026/03/03/port</id>
<content type="html" xml:base="{base}/2026/03/03/port.html">CONTENT</content>
<author><name>Jo Writer</name></author></entry></feed>"""


def test_a_posts_paragraphs_wrapped_in_its_markup_are_stored_as_paragraphs(server, tmp_path):
    """In HTML a line break in the text is a space: a paragraph wrapped over lines is one
    paragraph, whose sentences are whole, wherever its lines break."""
    wrapped = "\n\n".join(
        textwrap.fill(part, 60, break_on_hyphens=False)
        for part in PORT.text.split("\n\n")
        if part.strip()
    )
    content = "\n".join(f"<p>{escape(part)}</p>" for part in wrapped.split("\n\n"))
    feed = JEKYLL.replace("TITLE", escape(PORT.title)).replace("CONTENT", escape(content))
    server.route("/feed.xml", feed, "application/atom+xml")
    _assert_stored_whole(server, tmp_path, "/feed.xml", "/2026/03/03/port.html")


@pytest.mark.parametrize(
    ("stated", "utc"),
    [
        ("Tue, 03 Mar 2026 09:00:00 CEST", datetime(2026, 3, 3, 7, tzinfo=UTC)),
        ("Tue, 03 Mar 2026 09:00:00 AEDT", datetime(2026, 3, 2, 22, tzinfo=UTC)),
        ("Tue, 03 Mar 2026 09:00:00 EST", datetime(2026, 3, 3, 14, tzinfo=UTC)),
        ("Tue, 03 Mar 2026 09:00:00 +0100", datetime(2026, 3, 3, 8, tzinfo=UTC)),
        # a zone's summer name on the night its clocks go back is read in summer time
        ("Sun, 25 Oct 2026 02:30:00 CEST", datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        ("Sun, 25 Oct 2026 02:30:00 CET", datetime(2026, 10, 25, 1, 30, tzinfo=UTC)),
        # a zone written in lower case is the zone of its upper-case name
        ("Tue, 03 Mar 2026 09:00:00 cest", datetime(2026, 3, 3, 7, tzinfo=UTC)),
        ("Sat, 04 Jul 2026 09:00:00 bst", datetime(2026, 7, 4, 8, tzinfo=UTC)),
        ("Tue, 03 Mar 2026 09:00:00 gmt", datetime(2026, 3, 3, 9, tzinfo=UTC)),
        ("Tue, 03 Mar 2026 09:00:00 est", datetime(2026, 3, 3, 14, tzinfo=UTC)),
        ("2026-03-03T09:00:00 Cet", datetime(2026, 3, 3, 8, tzinfo=UTC)),
        # UTC named and shifted by hours
        ("Tue, 03 Mar 2026 09:00:00 GMT+2", datetime(2026, 3, 3, 7, tzinfo=UTC)),
        ("Tue, 03 Mar 2026 09:00:00 utc-03:30", datetime(2026, 3, 3, 12, 30, tzinfo=UTC)),
        ("Tue, 03 Mar 2026 09:00:00 GMT+0200", datetime(2026, 3, 3, 7, tzinfo=UTC)),
        # India's, Ireland's or Israel's: not guessed, read as feedparser reads it (UTC)
        ("Tue, 03 Mar 2026 09:00:00 IST", datetime(2026, 3, 3, 9, tzinfo=UTC)),
        # the names other languages give Europe's zones (German) and America's (Canadian
        # French), in winter and in summer time
        ("Di, 03 Mär 2026 09:00:00 MEZ", datetime(2026, 3, 3, 8, tzinfo=UTC)),
        ("Fri, 03 Jul 2026 09:00:00 MESZ", datetime(2026, 7, 3, 7, tzinfo=UTC)),
        ("Tue, 03 Mar 2026 09:00:00 mesz", datetime(2026, 3, 3, 7, tzinfo=UTC)),
        ("2026-07-03T09:00:00 MESZ", datetime(2026, 7, 3, 7, tzinfo=UTC)),
        ("Tue, 03 Mar 2026 09:00:00 OEZ", datetime(2026, 3, 3, 7, tzinfo=UTC)),
        ("Fri, 03 Jul 2026 09:00:00 OESZ", datetime(2026, 7, 3, 6, tzinfo=UTC)),
        ("Tue, 03 Mar 2026 09:00:00 WEZ", datetime(2026, 3, 3, 9, tzinfo=UTC)),
        ("Fri, 03 Jul 2026 09:00:00 WESZ", datetime(2026, 7, 3, 8, tzinfo=UTC)),
        ("mar., 03 mars 2026 09:00:00 HNE", datetime(2026, 3, 3, 14, tzinfo=UTC)),
        ("Fri, 03 Jul 2026 09:00:00 HAE", datetime(2026, 7, 3, 13, tzinfo=UTC)),
        ("Fri, 03 Jul 2026 09:00:00 HAP", datetime(2026, 7, 3, 16, tzinfo=UTC)),
        ("Tue, 03 Mar 2026 09:00:00 HNA", datetime(2026, 3, 3, 13, tzinfo=UTC)),
        # and in English, Europe's others
        ("Tue, 03 Mar 2026 09:00:00 EET", datetime(2026, 3, 3, 7, tzinfo=UTC)),
        ("Fri, 03 Jul 2026 09:00:00 EEST", datetime(2026, 7, 3, 6, tzinfo=UTC)),
        ("Tue, 03 Mar 2026 09:00:00 WET", datetime(2026, 3, 3, 9, tzinfo=UTC)),
        ("Fri, 03 Jul 2026 09:00:00 WEST", datetime(2026, 7, 3, 8, tzinfo=UTC)),
        ("Fri, 03 Jul 2026 09:00:00 BST", datetime(2026, 7, 3, 8, tzinfo=UTC)),
        # RFC 850's form, which old servers write
        ("Tuesday, 03-Mar-26 09:00:00 GMT", datetime(2026, 3, 3, 9, tzinfo=UTC)),
        ("Tuesday, 03-Mar-26 09:00:00 CEST", datetime(2026, 3, 3, 7, tzinfo=UTC)),
        ("Tuesday, 03-Mar-2026 09:00:00 -0500", datetime(2026, 3, 3, 14, tzinfo=UTC)),
        # a zone of the tz database by its name, in its winter or summer time
        ("2026-03-03 09:00:00 Europe/Berlin", datetime(2026, 3, 3, 8, tzinfo=UTC)),
        ("2026-07-03T09:00:00 America/New_York", datetime(2026, 7, 3, 13, tzinfo=UTC)),
        ("Fri, 03 Jul 2026 09:00:00 America/Argentina/Salta", datetime(2026, 7, 3, 12, tzinfo=UTC)),
        # the ends of UTC's offsets
        ("Tue, 03 Mar 2026 09:00:00 GMT+14", datetime(2026, 3, 2, 19, tzinfo=UTC)),
        ("Tue, 03 Mar 2026 09:00:00 -1200", datetime(2026, 3, 3, 21, tzinfo=UTC)),
    ],
)
def test_a_date_in_a_zone_named_by_its_abbreviation_is_read_in_that_zone(server, stated, utc):
    """RFC 822 names only the zones of the United States; feeds elsewhere name theirs
    all the same ("CEST"), and the story is dated in that zone, not taken for UTC."""
    assert _published(server, stated) == utc


@pytest.mark.parametrize(
    "stated",
    [
        "Tue, 03 Mar 2026 09:00:00 GMT+14:30",
        "Tue, 03 Mar 2026 09:00:00 UTC-13",
        "Tue, 03 Mar 2026 09:00:00 GMT+15",
        "Tue, 03 Mar 2026 09:00:00 +1430",
        "2026-03-03T09:00:00-12:30",
        "2026-03-03 09:00:00 Europe/Atlantis",
    ],
)
def test_a_date_whose_zone_places_no_moment_is_no_date(server, stated):
    """UTC's offsets run from -12:00 to +14:00, and a zone name the tz database does not
    know is no zone: such a date is no date, whichever form it is written in (feedparser
    would read some of them, and a story would be dated hours wrong)."""
    assert _published(server, stated) is None


def _published(server, stated: str) -> datetime | None:
    item = f"<item><title>Quay</title><link>{{base}}/q</link><pubDate>{stated}</pubDate>"
    server.route(
        "/feed", f"<rss version='2.0'><channel><title>T</title>{item}</item></channel></rss>"
    )
    (entry,) = read(server, "/feed").entries
    return entry.published


# HTML's named entities, which XML does not define, as feeds written by templates have them
ENTITIES = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Metro&nbsp;Desk</title>
<link>{base}/</link><item><title>Ferries return&nbsp;&mdash; at last&hellip;</title>
<link>{base}/ferries</link>
<description>Caf&eacute; owners on the quay are &ldquo;relieved&rdquo;.</description>
<content:encoded><![CDATA[<p>Caf&eacute; owners&nbsp;are &ldquo;relieved&rdquo;.</p>]]>
</content:encoded></item></channel></rss>"""


def test_a_feed_with_htmls_named_entities_is_read_whole_and_not_called_malformed(server):
    server.route("/feed", ENTITIES, "application/rss+xml")
    feed = read(server, "/feed")
    assert feed.problem is None
    assert feed.title == "Metro Desk"
    (entry,) = feed.entries
    assert entry.title == "Ferries return \u2014 at last\u2026"
    assert entry.summary == "Caf\u00e9 owners on the quay are \u201crelieved\u201d."
    assert entry.content == "Caf\u00e9 owners are \u201crelieved\u201d."


@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        (b"<t>a&nbsp;b&amp;c</t>", b"<t>a&#160;b&amp;c</t>"),
        # a name neither XML's, HTML's nor declared: the text as it is written
        (b"<t>&notanentity; &lt;</t>", b"<t>&amp;notanentity; &lt;</t>"),
        (
            b"<!-- <![CDATA[ --><t>&hellip;</t><![CDATA[&x;]]>",
            b"<!-- <![CDATA[ --><t>&#8230;</t><![CDATA[&x;]]>",
        ),
        (b"<t><![CDATA[a&nbsp;b]]>&hellip;</t>", b"<t><![CDATA[a&nbsp;b]]>&#8230;</t>"),
        (b"<t>&amp;nbsp;</t>", b"<t>&amp;nbsp;</t>"),  # escaped: the words "&nbsp;"
    ],
)
def test_only_htmls_own_entities_outside_cdata_and_comments_are_numbered(written, read_as):
    assert xml_entities(written) == read_as
    wide = '<?xml version="1.0" encoding="utf-16"?>' + written.decode()
    assert xml_entities(wide.encode("utf-16")).decode("utf-16") == wide.replace(
        written.decode(), read_as.decode()
    )


def test_control_characters_pasted_into_a_feed_are_dropped_not_a_malformation(server):
    """XML allows no control character but tab and line breaks; a feed that has one
    pasted in (a vertical tab, a form feed) is read as a browser shows it: without."""
    items = "".join(
        f"<item><title>Quay\x0b reopens {n}</title><link>{{base}}/q{n}</link>"
        f"<description>{escape(PORT.text[:200])}\x0c\x1a</description></item>"
        for n in range(2)
    )
    server.route("/feed", f"<rss version='2.0'><channel><title>T</title>{items}</channel></rss>")
    feed = read(server, "/feed")
    assert feed.problem is None
    assert [entry.title for entry in feed.entries] == ["Quay reopens 0", "Quay reopens 1"]
    assert feed.entries[0].text == " ".join(PORT.text[:200].split())


# A post's body as three platforms wrap it: Medium (a captioned figure first, a tracking
# pixel and its footer last), Substack (a subscribe widget and a share button), Blogger
# (Atom xhtml content)
MEDIUM_BODY = (
    '<figure><img alt="" src="{base}/max/1024/1.jpeg" /><figcaption>The quay at dawn. '
    "Photo: J. Doe</figcaption></figure>BODY"
    '<img src="{base}/_/stat?event=post.clientViewed" width="1" height="1" alt=""><hr>'
    '<p><a href="{base}/p/abc">TITLE</a> was originally published in <a href="{base}/pub">'
    "Harbour Stories</a> on Medium, where people are continuing the conversation by "
    "highlighting and responding to this story.</p>"
)
SUBSTACK_BODY = (
    'BODY<div class="subscription-widget-wrap"><div class="preamble"><p class="cta-caption">'
    "Thanks for reading Harbour Notes! Subscribe for free to receive new posts and support "
    'my work.</p></div><form><input type="email" placeholder="Type your email..."/>'
    '<input type="submit" value="Subscribe"/></form></div><p class="button-wrapper">'
    '<a class="button primary" href="{base}/p/abc?action=share"><span>Share</span></a></p>'
)
RSS_POST = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour</title>
<link>{base}/</link><item><title><![CDATA[TITLE]]></title><link>{base}/p/abc</link>
<guid isPermaLink="false">abc</guid><pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate>
<content:encoded><![CDATA[CONTENT]]></content:encoded></item></channel></rss>"""
BLOGGER = """<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'>
<id>tag:blogger.com,1999:blog-1</id><title type='text'>Harbour</title>
<link rel='alternate' type='text/html' href='{base}/'/><entry>
<id>tag:blogger.com,1999:blog-1.post-9</id><published>2026-03-03T01:00:00.000-08:00</published>
<title type='text'>TITLE</title><content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>
CONTENT</div></content><link rel='edit' type='application/atom+xml' href='{base}/feeds/9'/>
<link rel='alternate' type='text/html' href='{base}/p/abc'/></entry></feed>"""


@pytest.mark.parametrize(
    ("feed", "body"),
    [(RSS_POST, MEDIUM_BODY), (RSS_POST, SUBSTACK_BODY), (BLOGGER, "BODY")],
    ids=["medium", "substack", "blogger"],
)
def test_a_blog_platforms_post_is_stored_as_its_own_text(server, tmp_path, feed, body):
    content = body.replace("BODY", _paragraphs(PORT.text)).replace("TITLE", escape(PORT.title))
    server.route("/feed", feed.replace("CONTENT", content).replace("TITLE", escape(PORT.title)))
    _assert_stored_whole(server, tmp_path, "/feed", "/p/abc")


def _feed_of_titles(titles: list[str], encoding: str = "utf-8") -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{{base}}/q{n}</link>"
        f"<description>{escape(PORT.text[:200])}</description></item>"
        for n, title in enumerate(titles)
    )
    declared = f'<?xml version="1.0" encoding="{encoding}"?>'
    return f"{declared}<rss version='2.0'><channel><title>T</title>{items}</channel></rss>".encode(
        encoding
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_reference_to_a_control_character_is_dropped_as_the_character_is(server, encoding):
    """A vertical tab from a word processor written as a reference (&#11;, &#x0B;) is no
    character XML allows either: the feed is read without it, not as malformed."""
    titles = ["Quay&#11; reopens", "Ferry&#x0B;&#x1; fares", "Dredging&#0; starts"]
    server.route("/feed", _feed_of_titles(titles, encoding), "application/rss+xml")
    feed = read(server, "/feed")
    assert feed.problem is None
    assert [entry.title for entry in feed.entries] == [
        "Quay reopens",
        "Ferry fares",
        "Dredging starts",
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_control_characters_in_a_feed_in_utf_16_are_dropped_too(server, encoding):
    titles = ["Quay\x0b reopens", "Ferry\x0c fares\x1b[1m"]
    body = _feed_of_titles(titles, encoding)
    server.route("/feed", body, "application/rss+xml")
    feed = read(server, "/feed")
    assert feed.problem is None
    assert [entry.title for entry in feed.entries] == ["Quay reopens", "Ferry fares"]


def test_a_terminal_colour_code_pasted_into_a_feed_is_dropped(server):
    """ESC opens ISO-2022-JP's shifts, and nothing else in a feed: a colour code copied
    from a terminal ("\\x1b[31m") is dropped whole, as it is from any text."""
    titles = ["Build \x1b[31mfailed\x1b[0m on main", "Build passed"]
    server.route("/feed", _feed_of_titles(titles), "application/rss+xml")
    feed = read(server, "/feed")
    assert feed.problem is None
    assert [entry.title for entry in feed.entries] == [
        "Build failed on main",
        "Build passed",
    ]


def test_a_feed_in_iso_2022_jp_is_read_with_its_escapes_and_entities(server):
    titles = ["港の浚渫が始まる&nbsp;北航路", "フェリー運賃&hellip;据え置き"]
    server.route("/feed", _feed_of_titles(titles, "iso-2022-jp"), "application/rss+xml")
    feed = read(server, "/feed")
    assert feed.problem is None
    assert [entry.title for entry in feed.entries] == [
        "港の浚渫が始まる 北航路",  # (a no-break space is a space in a title)
        "フェリー運賃…据え置き",
    ]


def _newest(server, path: str, count: int):
    async def main():
        async with Fetcher(allow_hosts=LOCAL, politeness=0.0) as fetcher:
            return await fetch_feed(fetcher, server.url(path), max_entries=count)

    return asyncio.run(main()).feed


@pytest.mark.parametrize(
    "flaw",
    ["\x0b", "&#11;", "&nbsp;", "&#55357;"],
    ids=["control", "control-ref", "entity", "half-emoji"],
)
def test_a_long_feed_with_a_flaw_xml_refuses_keeps_its_newest_entries(server, flaw):
    """A feed with more entries than are read is cut to its newest before it is parsed;
    what XML refuses in it (a control character, an HTML entity, half an emoji) is
    mended first, so the cut reads it as the parser will, and neither keeps the oldest
    entries nor leaves a document cut short ("malformed")."""
    items = "".join(
        f"<item><title>Quay report {day}{flaw}</title><link>{{base}}/q{day}</link>"
        f"<pubDate>Tue, {day:02d} Mar 2026 09:00:00 GMT</pubDate>"
        f"<description>{escape(PORT.text[:200])}</description></item>"
        for day in range(1, 7)  # oldest first
    )
    server.route("/feed", f"<rss version='2.0'><channel><title>T</title>{items}</channel></rss>")
    feed = _newest(server, "/feed", 2)
    assert feed.problem is None
    assert [entry.link for entry in feed.entries] == [server.url("/q6"), server.url("/q5")]
