"""Feeds as they are found in the wild, read end to end (the real fetcher, feedparser and
store, through the `briefing` command line, against loopback): what is stored, and that
reading them again stores nothing twice and fails nothing."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from summaries.cli import EXIT_OK
from summaries.samples import sample_articles
from summaries.sources import Fetcher, fetch_feed
from summaries.sources._charrefs import scalar_charrefs
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


def test_a_podcast_of_audio_only_says_why_nothing_of_it_is_read(server, tmp_path):
    """Every entry an audio file and a title: nothing fails, and each read says why the
    source gives nothing, instead of a silent "0 fetched"."""
    episodes = "".join(
        f"<item><title>Episode {n}</title><guid isPermaLink='false'>ep-{n}</guid>"
        f"<enclosure url='{{base}}/audio/ep{n}.mp3' length='9' type='audio/mpeg'/></item>"
        for n in range(3)
    )
    feed = f"<rss version='2.0'><channel><title>Harbour Talk</title>{episodes}</channel></rss>"
    server.route("/podcast.xml", feed, "application/rss+xml")
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/podcast.xml")}"]\n')
    for _ in range(2):
        code, out = briefing(config, "ingest", "--all")
        assert code == EXIT_OK, out
        *said, last = out.strip().splitlines()
        assert last == "1 source: 0 fetched, 0 new, 0 updated, 0 failed"
        assert said == [
            f"! {server.url('/podcast.xml')}: none of its entries has text or a page to read"
            " (audio or video without a description?): nothing of it can be briefed"
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


ESCAPED_TWICE = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Metro Desk</title><link>{base}/</link>
<item><title>AT&amp;amp;T &amp;amp; Verizon raise prices &amp;#8212; again</title>
<link>{base}/prices</link><guid>{base}/prices</guid>
<description>&amp;lt;p&amp;gt;Both carriers raise monthly prices by &amp;amp;pound;2 from \
April.&amp;lt;/p&amp;gt;&amp;lt;p&amp;gt;Older plans are &amp;lt;b&amp;gt;not&amp;lt;/b&amp;gt; \
spared.&amp;lt;/p&amp;gt;</description></item>
<item><title><![CDATA[Q&A: what the <b>rate cut</b> means for savers]]></title>
<link>{base}/rates</link><guid>{base}/rates</guid>
<description><![CDATA[<p>Savers will see lower returns.</p>]]></description>
<content:encoded><![CDATA[&lt;p&gt;Banks pass on cuts to savers within \
weeks.&lt;/p&gt;&lt;script&gt;track()&lt;/script&gt;&lt;p&gt;Fixed-rate bonds are spared \
&lt;i&gt;for now&lt;/i&gt;.&lt;/p&gt;]]></content:encoded></item>
</channel></rss>"""


def test_markup_escaped_once_too_often_is_read_as_markup(server):
    """Feeds that escape their HTML twice (or escape it inside CDATA) send tags as text:
    the titles and the texts keep none, nor any entity."""
    server.route("/metro.xml", ESCAPED_TWICE, "application/rss+xml")
    prices, rates = read(server, "/metro.xml").entries
    assert prices.title == "AT&T & Verizon raise prices \u2014 again"
    assert prices.summary == (
        "Both carriers raise monthly prices by \u00a32 from April.\nOlder plans are not spared."
    )
    assert rates.title == "Q&A: what the rate cut means for savers"
    assert rates.content == (
        "Banks pass on cuts to savers within weeks.\nFixed-rate bonds are spared for now."
    )


ATOM_XHTML = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/blog/">
<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Field <em>Notes</em></div></title>
<link href="./"/><id>tag:notes.example,2026:feed</id><updated>2026-03-01T12:00:00Z</updated>
<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Bridge &amp; <b>tunnel</b>
plan approved</div></title>
<link rel="alternate" href="posts/bridge"/><id>tag:notes.example,2026:bridge</id>
<updated>2026-03-01T10:00:00+01:00</updated>
<content type="xhtml" xml:base="{base}/plans/"><div xmlns="http://www.w3.org/1999/xhtml">
<p>The council approved the <a href="bridge.pdf">bridge plan</a> on Monday.</p>
<p>Work starts in May &#8212; two years late.</p></div></content></entry>
</feed>"""


def test_atom_xhtml_content_and_relative_links(server):
    server.route("/blog/notes.atom", ATOM_XHTML, "application/atom+xml")
    feed = read(server, "/blog/notes.atom")
    assert (feed.title, feed.link) == ("Field Notes", server.url("/blog/"))
    (bridge,) = feed.entries
    assert bridge.title == "Bridge & tunnel plan approved"
    assert bridge.link == server.url("/blog/posts/bridge")  # against the feed's xml:base
    assert bridge.published == datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    assert bridge.content == (
        "The council approved the bridge plan on Monday.\nWork starts in May \u2014 two years late."
    )


@pytest.mark.parametrize(
    ("declared", "encoding"),
    [("utf-8", "cp1252"), ("iso-8859-1", "utf-8")],
    ids=["windows-1252-said-utf8", "utf8-said-latin1"],
)
def test_a_feed_declaring_the_wrong_encoding_is_read_by_its_bytes(server, declared, encoding):
    feed = (
        f'<?xml version="1.0" encoding="{declared}"?><rss version="2.0"><channel>'
        "<title>Harbour News</title><item><title>Caf\u00e9 owners \u201ccount\u201d the "
        "takings</title><link>{base}/cafe</link><description>Cr\u00e8me br\u00fbl\u00e9e "
        "sells out.</description></item></channel></rss>"
    )
    body = feed.replace("{base}", server.base).encode(encoding)
    server.route("/feed", body, f"application/rss+xml; charset={declared}")
    (cafe,) = read(server, "/feed").entries
    assert cafe.title == "Caf\u00e9 owners \u201ccount\u201d the takings"
    assert cafe.summary == "Cr\u00e8me br\u00fbl\u00e9e sells out."


def test_rss_1_entries_keep_their_ids_from_one_read_to_the_next(server, tmp_path):
    server.feed("/rdf", "rss1.rdf")
    first, again = read(server, "/rdf"), read(server, "/rdf")
    assert [entry.id for entry in first.entries] == [
        server.url("/2024/rate-cut"),
        server.url("/2024/bond-yields"),
    ]
    assert first.entries == again.entries


RECORD = " ".join(
    f"Berth {n} stays closed to vessels over {n + 80} metres while the quay is repaired."
    for n in range(1, 8)
)


def test_a_feed_of_thousands_of_entries_is_read_to_its_newest(server, tmp_path):
    items = "".join(
        f"<item><title>Notice {n} of the harbour board</title><link>{{base}}/n/{n}</link>"
        f"<guid>{{base}}/n/{n}</guid><pubDate>{n % 28 + 1:02d} Feb 2026 09:00:00 GMT</pubDate>"
        f"<description>Harbour board notice number {n}. {RECORD}</description></item>"
        for n in range(5_000)
    )
    server.route(
        "/board", f"<rss version='2.0'><channel><title>Board</title>{items}</channel></rss>"
    )
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/board")}"]\n')
    config.write_text(
        config.read_text().replace("[ingest]\n", "[ingest]\nmax_entries_per_feed = 20\n")
    )
    code, out = briefing(config, "ingest")
    assert code == EXIT_OK and out.strip().endswith("20 fetched, 20 new, 0 updated, 0 failed"), out
    with stored(config) as store:
        dates = {row[0] for row in store.execute("SELECT published_at FROM articles")}
    assert len(dates) == 1  # all of the newest day, 28 February


CODE_BLOG = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Front-end Notes</title><link>{base}/</link>
<item><title>Load scripts late</title><link>{base}/late</link>
<description>Why a &amp;lt;script&amp;gt; tag in the head holds up the page.</description>
<content:encoded><![CDATA[<p>Never put a <code>&lt;script&gt;</code> tag in the head \
without defer.</p><p>The browser stops until the file arrives, and in C \
<code>if (a&lt;b &amp;&amp; c&gt;d)</code> reads the same.</p>]]></content:encoded></item>
</channel></rss>"""


def test_text_that_talks_about_html_keeps_its_words(server):
    """A post about HTML escapes the tags it shows: decoded once they are its text, not
    markup escaped once too often (which escapes all of a field's tags, and so starts or
    ends with one); read as markup, a mentioned <script> would hide all that follows."""
    server.route("/code.xml", CODE_BLOG, "application/rss+xml")
    (late,) = read(server, "/code.xml").entries
    assert late.summary == "Why a <script> tag in the head holds up the page."
    assert late.content == (
        "Never put a <script> tag in the head without defer.\n"
        "The browser stops until the file arrives, and in C if (a<b && c>d) reads the same."
    )


def shared_link_feed(server: FeedServer, link: str, stories: list[tuple[str, str]]) -> None:
    """A feed at /shared whose items (newest first, each its own guid) all link to
    ``link``: (headline, text) each."""
    items = "".join(
        f"<item><title>{title}</title><link>{{base}}{link}</link>"
        f"<guid isPermaLink='false'>item-{len(stories) - n}</guid>"
        f"<pubDate>Tue, 03 Mar 2026 {12 - n:02d}:00:00 GMT</pubDate>"
        f"<description><![CDATA[{text}]]></description></item>"
        for n, (title, text) in enumerate(stories)
    )
    channel = f"<channel><title>Desk</title><link>{{base}}/</link>{items}</channel>"
    server.route("/shared", f"<rss version='2.0'>{channel}</rss>", "application/rss+xml")


@pytest.mark.parametrize(
    ("link", "headlines"),
    [
        ("/briefings/", ("Morning briefing: Tuesday", "Morning briefing: Monday")),
        ("/live/election", ("Election night live", "Election night live")),
    ],
    ids=["a-series-on-its-section-page", "updates-of-a-live-page"],
)
def test_different_stories_under_one_link_and_a_like_headline_are_each_kept(
    server, link, headlines
):
    """A daily briefing's issues, or a live page's updates, share a link and most of a
    headline but tell different things: neither is a retelling of the other."""
    heat, bank = sample_articles()[3], sample_articles()[4]
    shared_link_feed(server, link, list(zip(headlines, (heat.text, bank.text), strict=True)))
    entries = read(server, "/shared").entries
    assert [(entry.title, entry.link) for entry in entries] == [
        (headlines[0], None),
        (headlines[1], None),
    ]
    assert [entry.text.split() for entry in entries] == [heat.text.split(), bank.text.split()]


AGGREGATED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>"fares" - Google News</title><link>{base}/search</link>
<item><title>New York: subway fares rise in March - The New York Times</title>
<link>{base}/a/1</link><guid isPermaLink="false">a1</guid><description>Fares rise.</description>
<source url="https://www.nytimes.example">The New York Times</source></item>
<item><title>Apple: iPhone sales slump in China - Apple Insider</title>
<link>{base}/a/2</link><guid isPermaLink="false">a2</guid><description>Sales slump.</description>
<source url="https://appleinsider.example">Apple Insider</source></item>
<item><title>Real Python: How to read a feed</title>
<link>{base}/a/3</link><guid isPermaLink="false">a3</guid><description>Feeds.</description>
<source url="https://realpython.example">Real Python</source></item>
</channel></rss>"""


def test_an_outlet_credited_by_an_aggregator_leaves_the_words_of_the_headline(server):
    """The outlet's name is dropped where an aggregator puts it (at the end), or at the
    start when it is the name itself; a headline that begins with words of the outlet's
    name is about them, and keeps them."""
    server.route("/search", AGGREGATED, "application/rss+xml")
    entries = read(server, "/search").entries
    assert [(entry.title, entry.outlet) for entry in entries] == [
        ("New York: subway fares rise in March", "The New York Times"),
        ("Apple: iPhone sales slump in China", "Apple Insider"),
        ("How to read a feed", "Real Python"),
    ]


UTF16_REFERENCES = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>Coast Watch</title><link>{base}/</link>
<item><title>Storm &#55356;&#57098; closes the coast road</title><link>{base}/storm</link>
<description>The coast road closed on Sunday as waves broke over the wall &#xD83C;.
Council crews cleared stones from the road all night.</description></item>
<item><title>Ferry back &#1114112; on time</title><link>{base}/ferry</link>
<description>The ferry ran on time again on Monday after a week of delays.</description></item>
</channel></rss>"""


def test_character_references_to_utf16_halves_are_read_not_crashed_on(server, tmp_path):
    """An emoji written as its two UTF-16 halves (&#55356;&#57098;) is that emoji; a half
    alone, or a number past U+10FFFF, is U+FFFD. Each made feedparser raise, so the feed
    could neither be added nor ever read."""
    server.route("/coast.xml", UTF16_REFERENCES, "application/rss+xml")
    storm, ferry = read(server, "/coast.xml").entries
    assert storm.title == "Storm \U0001f30a closes the coast road"
    assert storm.summary.startswith(
        "The coast road closed on Sunday as waves broke over the wall \ufffd."
    )
    assert ferry.title == "Ferry back \ufffd on time"
    config = write_config(tmp_path)
    assert briefing(config, "sources", "add", server.url("/coast.xml")) == (
        EXIT_OK,
        f"feed #1 {server.url('/coast.xml')}\n",
    )


def test_a_character_reference_with_leading_zeros_is_its_character(server):
    """XML allows any number of leading zeros in a reference (&#00000000233; is é); a
    reference longer than eight digits was taken for a number past every character and
    read as U+FFFD."""
    feed = UTF16_REFERENCES.replace(
        "Ferry back &#1114112; on time", "Caf&#00000000233; &#x0000000041;"
    )
    server.route("/coast.xml", feed, "application/rss+xml")
    _, ferry = read(server, "/coast.xml").entries
    assert ferry.title == "Café A"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_wide_feed_with_references_to_utf16_halves_is_read(server, encoding):
    """A feed in UTF-16 (or UTF-32) holds no byte ``&#``: its references to UTF-16 halves
    were left for feedparser, which raised on them; they are read as in a UTF-8 feed, and
    every other character of the feed as it was written."""
    feed = UTF16_REFERENCES.replace('encoding="utf-8"', f'encoding="{encoding}"')
    feed = feed.replace("Coast Watch", "Coast Watch – Ōtaki").replace("{base}", server.base)
    server.route("/coast.xml", feed.encode(encoding), "application/rss+xml")
    read_feed = read(server, "/coast.xml")
    storm, ferry = read_feed.entries
    assert read_feed.title == "Coast Watch – Ōtaki"
    assert storm.title == "Storm \U0001f30a closes the coast road"
    assert ferry.title == "Ferry back \ufffd on time"


def test_a_feed_whose_only_ampersand_hash_is_no_reference_is_read(server):
    """ "It&#8217s" (a reference that lost its semicolon) in a feed with no other
    reference made the rewrite of references raise, and the feed unreadable."""
    feed = (
        UTF16_REFERENCES.replace("&#55356;&#57098;", "")
        .replace(" &#xD83C;", "")
        .replace("Ferry back &#1114112; on time", "Ferry's back on time")
        .replace("Council crews", "It&#8217s said council crews")
    )
    server.route("/coast.xml", feed, "application/rss+xml")
    storm, ferry = read(server, "/coast.xml").entries
    assert ferry.title == "Ferry's back on time"
    assert "council crews cleared stones" in storm.summary


@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        # characters, left byte for byte, however written
        (b"&#55295; &#xD7FF; &#57344; &#xe000;", b"&#55295; &#xD7FF; &#57344; &#xe000;"),
        (b"&#1114111; &#x10FFFF; &#x0010fFfF;", b"&#1114111; &#x10FFFF; &#x0010fFfF;"),
        (b"&#8217; &#128512; &#x1F600; &#0000065;", b"&#8217; &#128512; &#x1F600; &#0000065;"),
        # halves: a high one followed by a low one is their character, any other U+FFFD
        (b"&#55296;&#56320;", b"&#x10000;"),
        (b"&#xDBFF;&#0057343;", b"&#x10FFFF;"),
        (b"&#55296; &#56320;", b"&#xFFFD; &#xFFFD;"),
        (b"&#56320;&#55296;", b"&#xFFFD;&#xFFFD;"),
        (b"&#x000D800;", b"&#xFFFD;"),
        # past U+10FFFF, however many digits
        (b"&#1114112; &#x110000; &#99999999999999999999;", b"&#xFFFD; &#xFFFD; &#xFFFD;"),
    ],
)
def test_only_references_that_name_no_character_are_rewritten(written, read_as):
    """The rewrite looks only at references that may name no character (UTF-16 halves and
    numbers past U+10FFFF); the bounds of both ranges, in either base, with any leading
    zeros."""
    assert scalar_charrefs(b"<t>" + written + b"</t>") == b"<t>" + read_as + b"</t>"
