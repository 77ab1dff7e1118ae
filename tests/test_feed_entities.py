"""Entity references as feeds write them: declared in their DOCTYPE, HTML's, unknown, or
beside comments and CDATA sections that hold each other's openings. Each feed is read
whole, as a browser reads it, and not called malformed (the real fetcher and feedparser,
against a feed server on loopback)."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc

import pytest

from summaries.sources._charrefs import xml_entities
from summaries.sources._entities import MAX_ADDED, MAX_VALUE
from tests.fakes.feed_server import FeedServer
from tests.test_feed_quirks import read


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


TEXT = "Ferries run again from the north quay after three weeks of repairs to the pier."


def _rss(doctype: str, title: str, description: str = TEXT) -> str:
    item = (
        f"<item><title>{title}</title><link>{{base}}/ferries</link>"
        f"<description>{description}</description></item>"
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{doctype}<rss version="2.0"><channel>'
        f"<title>Metro Desk</title><link>{{base}}/</link>{item}</channel></rss>"
    )


def _entry(server, feed: str):
    server.route("/feed", feed, "application/rss+xml")
    read_feed = read(server, "/feed")
    assert read_feed.problem is None
    (entry,) = read_feed.entries
    return entry


@pytest.mark.parametrize(
    ("doctype", "title", "read_as"),
    [
        (
            '<!DOCTYPE rss [<!ENTITY desk "Harbour Line">]>',
            "Ferries &amp; &desk;",
            "Ferries & Harbour Line",
        ),
        (
            "<!DOCTYPE rss [<!ENTITY desk 'Harbour Line'>]>",
            "&desk;: ferries",
            "Harbour Line: ferries",
        ),
        # a value naming other entities, HTML's and its own document's
        (
            '<!DOCTYPE rss [<!ENTITY who "Harbour&nbsp;Line"><!ENTITY by "&copy; &who;">]>',
            "Ferries &by;",
            "Ferries \u00a9 Harbour Line",
        ),
        # a comment or a value holding the "]>" that ends the declarations
        (
            """<!DOCTYPE rss [<!-- ours ]> --><!ENTITY a "x]>y"><!ENTITY b '&a;!'>]>""",
            "Ferries &b;",
            "Ferries x]>y!",
        ),
        # a parameter entity and an external one are never read
        (
            '<!DOCTYPE rss [<!ENTITY % p "x"><!ENTITY ext SYSTEM "file:///etc/hostname">]>',
            "Ferries &ext;",
            "Ferries &ext;",
        ),
    ],
)
def test_entities_a_feed_declares_are_read_as_their_values(server, doctype, title, read_as):
    assert _entry(server, _rss(doctype, title)).title == read_as


def test_entities_growing_past_their_bound_are_read_as_written_and_the_feed_kept(server):
    """The "billion laughs": each entity ten of the one before, a thousand million
    times the first at the last; read up to MAX_VALUE, written as text past it."""
    laughs = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    ]
    doctype = f"<!DOCTYPE rss [{''.join(laughs)}]>"
    entry = _entry(server, _rss(doctype, "Ferries &lol2; &lol9;"))
    assert entry.title == "Ferries " + "lol" * 100 + " &lol9;"
    assert len("lol" * 10**3) <= MAX_VALUE < len("lol" * 10**4)


def test_a_declared_entity_used_past_the_documents_bound_is_read_as_written(server):
    big = "x" * MAX_VALUE
    uses = MAX_ADDED // MAX_VALUE + 1
    doctype = f'<!DOCTYPE rss [<!ENTITY big "{big}">]>'
    entry = _entry(server, _rss(doctype, "Ferries", TEXT + " &big;" * uses))
    assert entry.summary.count(big) == uses - 1
    assert entry.summary.count("&big") == 1


def test_an_entity_within_itself_is_read_as_written(server):
    doctype = '<!DOCTYPE rss [<!ENTITY a "1&b;"><!ENTITY b "2&a;">]>'
    assert _entry(server, _rss(doctype, "Ferries &a;")).title == "Ferries &a;"


@pytest.mark.parametrize("name", ["foo", "trade_mark", "x"])
def test_an_unknown_entity_is_kept_as_written(server, name):
    entry = _entry(server, _rss("", f"Ferries &amp; piers &{name}; &mdash; back"))
    assert entry.title == f"Ferries & piers &{name}; \u2014 back"


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- <![CDATA[ an old template's opening -->",  # a CDATA opening in a comment
        "<!-- a template's ]]> closing -->",
        "<!-- <![CDATA[ --><!-- ]]> -->",
    ],
)
def test_comments_holding_cdata_marks_leave_the_entities_around_them_read(server, comment):
    feed = _rss("", f"{comment}Ferries&nbsp;&mdash; back", f"<![CDATA[{TEXT}]]>")
    entry = _entry(server, feed.replace("<channel>", f"<channel>{comment}"))
    assert entry.title == "Ferries \u2014 back"
    assert entry.summary == TEXT


def test_a_cdata_section_holding_a_comment_opening_is_text_to_its_end(server):
    feed = _rss("", "Ferries", f"<![CDATA[<p>{TEXT}</p><!-- ad]]>")
    feed = feed.replace("<title>Ferries</title>", "").replace(
        "</description>", "</description><!-- --><title>Ferries&nbsp;&mdash; back</title>"
    )
    entry = _entry(server, feed)
    assert entry.title == "Ferries \u2014 back"
    assert entry.summary == TEXT


def test_ampersands_beginning_no_reference_are_read_as_written(server):
    """ "AT&T" and an address's "&b=2" are no references: read as a browser reads them,
    not as "AT&T;" (feedparser's fallback parser adds the semicolon) in a malformed feed."""
    title = "AT&T buys Q&A site &amp; &#38; more"
    entry = _entry(
        server, _rss("", title, "Tom & Jerry &copy 2026").replace("/ferries", "/f?a=1&b=2")
    )
    assert entry.title == "AT&T buys Q&A site & & more"
    assert entry.summary == "Tom & Jerry \u00a9 2026"  # HTML's "&copy" without its ";"
    assert entry.link == server.url("/f?a=1&b=2")


def test_a_declared_value_holding_an_ampersand_is_read_as_written(server):
    doctype = '<!DOCTYPE rss [<!ENTITY who "Smith & Sons &amp; co">]>'
    assert _entry(server, _rss(doctype, "Ferries by &who;")).title == "Ferries by Smith & Sons & co"


def test_a_declared_value_read_in_an_attribute_keeps_its_quotes(server):
    doctype = """<!DOCTYPE rss [<!ENTITY q 'say "hi"'><!ENTITY site "{base}">]>"""
    feed = _rss(doctype, "Ferries &q;").replace("<link>{base}/ferries", "<link>&site;/ferries")
    entry = _entry(server, feed.replace("<description>", "<description title='&q;'>"))
    assert entry.title == 'Ferries say "hi"'
    assert entry.link == server.url("/ferries")


def _rewritten_apart(body: str) -> str:
    """The opening of ``xml_entities`` of the bytes the expression ``body`` makes, in a
    process of its own, given 20 seconds (a search that does not end fails the test)."""
    script = (
        "from summaries.sources._charrefs import xml_entities;"
        f"print(xml_entities({body})[:100].decode())"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=20, check=True
    )
    return done.stdout.rstrip("\n")


def test_a_doctype_never_closed_is_read_in_one_pass_over_its_comments():
    """An internal subset with no "]>" holding comments: trying each way its comments
    could reach over one another would take 2**40 steps."""
    read = _rewritten_apart("b'<rss>a&nbsp;b</rss><!DOCTYPE rss [' + b'<!--x-->' * 40")
    assert read.startswith("<rss>a&#160;b</rss><!DOCTYPE rss [<!--x-->")


@pytest.mark.parametrize("opening", ["<?x <!-- <![CDATA[ &nbsp; ", "<!DOCTYPE x [ &nbsp; "])
def test_openings_never_closed_are_read_in_one_pass(opening):
    """Comments, CDATA sections, processing instructions and DOCTYPEs opened and never
    closed: each the rest of the document, as written, not a search to its end from
    every opening."""
    read = _rewritten_apart(f"b'<rss>a&nbsp;b' + b'{opening}' * 3000 + b'y' * 1_000_000")
    assert read == "<rss>a&#160;b" + (opening * 10)[: 100 - len("<rss>a&#160;b")]


def test_a_value_naming_a_long_one_many_times_is_given_up_as_it_grows():
    """A value of 100,000 references to a MAX_VALUE one reads past MAX_VALUE at its
    second: it is given up there, not written out whole (400 MB) and then measured."""
    doctype = (
        f'<!DOCTYPE rss [<!ENTITY big "{"x" * MAX_VALUE}"><!ENTITY many "{"&big;" * 100_000}">]>'
    ).encode()
    tracemalloc.start()
    try:
        read = xml_entities(doctype + b"<rss>&many; &big;</rss>")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert read == b"<!DOCTYPE rss><rss>&amp;many; " + b"x" * MAX_VALUE + b"</rss>"
    assert peak < 20 * len(doctype)


def test_an_entity_in_a_chain_too_deep_from_its_head_is_read_where_it_is_near_enough():
    """a0 names a1, ... a9 is "x": a0 is too deep to read, a5 is not, whichever of them
    the text names first."""
    chain = "".join(f'<!ENTITY a{n} "&a{n + 1};">' for n in range(9)) + '<!ENTITY a9 "x">'
    read = xml_entities(f"<!DOCTYPE r [{chain}]><r>&a0; &a5;</r>".encode())
    assert read == b"<!DOCTYPE r><r>&amp;a0; x</r>"
