"""Every stored text field is plain text: markup in feed titles, outlet and author names
(also markup written as escaped entities) and unsafe characters never reach the store,
search results or digests."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from summaries.cli import EXIT_OK, main
from summaries.plaintext import html_to_text, input_text, is_markup, plain_line, strip_unsafe
from summaries.samples import sample_articles
from summaries.store import open_store
from tests.fakes.feed_server import FeedServer

MARKUP_SIGNS = ("<", ">", "&lt;", "&gt;", "&amp;", "onerror", "alert(", "\u202e", "\x9b")

# One decoding by the XML parser gives "<script>...": the feed "says" its title is text.
FEED = """<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>&lt;b&gt;Harbour&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt;Gazette</title>
<link>{base}/</link>
<item>
 <title>&lt;script&gt;alert(1)&lt;/script&gt;Brennport port &#x202E;reopens after attack</title>
 <link>{base}/story/1</link><guid>{base}/story/1</guid>
 <pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate>
 <dc:creator>&lt;img src=x onerror=alert(2)&gt;Ivar &amp;amp; Lund</dc:creator>
 <description><![CDATA[{text}]]></description>
</item>
</channel></rss>"""


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def briefing(config: Path, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main([*argv, "--config", str(config)], stdout=out)
    return code, out.getvalue()


def test_markup_in_feed_fields_is_stored_and_shown_as_plain_text(server, tmp_path):
    port = sample_articles()[0]
    text = port.text.replace("ransomware", "ransom\u202eware\x9b", 1)  # unsafe in the body
    server.route("/rss", FEED.replace("{text}", text), "application/rss+xml")
    config = tmp_path / "config.toml"
    config.write_text(
        f'[store]\npath = "{tmp_path / "briefing.db"}"\n[sources]\nallow_hosts = ["127.0.0.1"]\n'
        "[fetch]\npoliteness = 0\n[ingest]\nworkers = 1\n",
        encoding="utf-8",
    )
    assert briefing(config, "sources", "add", server.url("/rss"), "--kind", "feed")[0] == EXIT_OK
    code, out = briefing(config, "ingest")
    assert code == EXIT_OK and "1 new" in out, out

    with open_store(tmp_path / "briefing.db") as store:
        (row,) = store.execute("SELECT title, source_name, author, text, briefing FROM articles")
    title, source, author, body, sentences = row
    assert title == "Brennport port reopens after attack"
    assert source == "Harbour Gazette"
    assert author == "Ivar & Lund"
    for unsafe in ("\u202e", "\x9b"):
        assert unsafe not in body and unsafe not in sentences
    assert "ransomware" in body

    code, found = briefing(config, "search", "Brennport")
    assert code == EXIT_OK and "Brennport port reopens after attack" in found
    assert "Harbour Gazette" in found
    shown = found.replace(server.url(""), "")  # the address itself is fine
    assert not [sign for sign in MARKUP_SIGNS if sign in shown], shown


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("&lt;img src=x onerror=alert(1)&gt;Storm warning", "Storm warning"),
        ("<b>Rates</b> &amp; <i>bonds</i>", "Rates & bonds"),
        ("&lt;script&gt;steal()&lt;/script&gt; Vote today", "Vote today"),
        ("Fish &amp;amp; chips", "Fish &amp; chips"),  # decoded once, and shown as text
        ("Q&A: x < 5 and y > 3", "Q&A: x < 5 and y > 3"),  # no tag, nothing dropped
        ("Line\x9b31m one\u202e\u2066 \x07two\n three", "Line31m one two three"),
        ("&#x202E;evil&#x2066;", "evil"),  # overrides written as entities
    ],
)
def test_plain_line(raw, plain):
    assert plain_line(raw) == plain


def test_a_given_html_fragment_is_read_as_markup_and_unsafe_characters_go():
    body = "<p>First <b>bold</b> line.</p><p>Second <script>x = 1</script>para\u202e.</p>x < 5"
    assert strip_unsafe(input_text(body)) == "First bold line.\nSecond para.\nx < 5"


@pytest.mark.parametrize(
    "text",
    [
        "Use the <p> tag for paragraphs.\n\nThe <script> element runs code.",
        "In C, if (a<b && c>d) tests both; if a < b and c > d, too.",
        "Write &lt;p&gt; to show a tag.",  # as given: nothing decoded in text that is no markup
    ],
)
def test_given_text_that_names_tags_is_kept_as_written(text):
    assert input_text(text) == text


@pytest.mark.parametrize(
    ("text", "markup"),
    [
        ("<p>Both carriers raise prices.</p><p>Older plans are spared.</p>", True),
        ("<img src='x.jpg'> The quay at dawn", True),
        ("Prices rise. <a href='/more'>Read more</a>", True),
        ("<!-- teaser --> Prices rise", True),
        ("Prices <b>rise</b> again today.", True),  # it closes a tag it opened
        ("Use the <p> tag for paragraphs.", False),
        ("In C, if (a<b && c>d) tests both.", False),
        ("x < 5 and y > 3", False),
        ("The <script> element blocks the page.", False),
        # markup that neither begins, ends nor closes: a tag touching a word, or one with
        # attributes (an Atom summary that says it is text and is HTML all the same)
        ("Storm closes the port.<br>Ferries wait offshore.", True),
        ("Line one<br/>line two of the notice", True),
        ('The quay <img src="quay.jpg" alt="quay"> at dawn, workers said', True),
        ("See <a href=https://x.example/p>the gallery of the storm", True),
        ("Line one <br /> line two of the notice", True),  # closed as XHTML closes it
        ("x<y and y>z, the paper proves", False),
        ('Write "<br>" for a line break, the guide says.', False),
    ],
)
def test_markup_begins_or_ends_with_a_tag_prose_about_tags_does_not(text, markup):
    assert is_markup(text) is markup


@pytest.mark.parametrize(
    ("html", "text"),
    [
        # a paragraph wrapped in its source is one line, as a browser shows it
        (
            "<p>The quay reopens\nin April.</p><p>Ferries\r\nreturn.</p>",
            "The quay reopens in April.\nFerries return.",
        ),
        ("Line one<br>\nLine two", "Line one\nLine two"),
        # but a blank line is a paragraph's end still: text in paragraphs of its own
        # after a picture and a break (a description that opens with its image)
        (
            '<img src="quay.jpg"><br>The quay reopens\nin April.\n\nFerries return.'
            "\r\n \r\nFares stay.",
            "The quay reopens in April.\nFerries return.\nFares stay.",
        ),
        # within <pre>, the text's own lines stay
        (
            "<p>Run:</p><pre>make\nmake test</pre><p>Then\nwait.</p>",
            "Run:\nmake\nmake test\nThen wait.",
        ),
        # a fragment that marks no block of its own breaks where its text does
        (
            "Show notes\nGuest: <a href='/x'>Ana Ruiz</a>\nMusic: Blue Dot",
            "Show notes\nGuest: Ana Ruiz\nMusic: Blue Dot",
        ),
    ],
)
def test_markup_breaks_its_lines_where_its_tags_say(html, text):
    assert html_to_text(html) == text
