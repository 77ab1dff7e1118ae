"""What XML forbids in a feed's text but feeds in the wild write: a ``]]>`` outside any
CDATA section, and entity names of any length. Each feed is read whole, as a browser
reads it, and not called malformed (the real fetcher and feedparser, against a feed
server on loopback)."""

from __future__ import annotations

import pytest

from summaries.sources._charrefs import xml_entities
from tests.fakes.feed_server import FeedServer
from tests.test_feed_entities import TEXT, _entry, _rss


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def test_a_cdata_end_in_a_feeds_text_is_read_as_text(server):
    """XML allows ``]]>`` only as a CDATA section's end: in a title or a description it
    made the whole feed malformed."""
    description = f"<![CDATA[<p>{TEXT}</p>]]> Arrays close with a ]]> b."
    entry = _entry(server, _rss("", "Ferries ]]> back &amp; more", description))
    assert entry.title == "Ferries ]]> back & more"
    assert entry.summary == f"{TEXT}\nArrays close with a ]]> b."


def test_a_cdata_sections_own_end_and_what_it_holds_are_left_as_they_are():
    body = b"<d><![CDATA[a ]] b > c]]>]]><!-- ]]> --></d>"
    assert xml_entities(body) == b"<d><![CDATA[a ]] b > c]]>]]&gt;<!-- ]]> --></d>"


@pytest.mark.parametrize("length", [64, 65, 300])
def test_a_declared_entity_with_a_long_name_is_read_as_its_value(server, length):
    name = "desk" + "x" * (length - 4)
    doctype = f'<!DOCTYPE rss [<!ENTITY {name} "Harbour Line">]>'
    assert _entry(server, _rss(doctype, f"Ferries &{name}; back")).title == (
        "Ferries Harbour Line back"
    )


@pytest.mark.parametrize("length", [64, 65, 300])
def test_an_unknown_entity_with_a_long_name_is_kept_as_written(server, length):
    name = "x" * length
    entry = _entry(server, _rss("", f"Ferries &{name}; &mdash; back"))
    assert entry.title == f"Ferries &{name}; \u2014 back"
