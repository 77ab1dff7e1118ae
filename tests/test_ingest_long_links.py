"""An address too long to be a page's (a feed's link, a page's canonical) is taken as no
address: stored under it, one article would fail the whole batch on PostgreSQL, whose
unique index on addresses holds no more than about 2.7 KB. Real ingest, loopback feed."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from summaries.cli import EXIT_OK
from summaries.samples import sample_articles
from summaries.sources._urls import absolute_http
from summaries.store import open_store
from tests.fakes.feed_server import FeedServer, rss
from tests.test_ingest import briefing


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


def config_for(tmp_path: Path, location: str) -> Path:
    store = f'url = "{location}"' if "://" in location else f'path = "{location}"'
    config = tmp_path / "config.toml"
    config.write_text(
        f'[store]\n{store}\n[sources]\nallow_hosts = ["127.0.0.1"]\n'
        "[fetch]\npoliteness = 0\ntimeout = 5\n[ingest]\nworkers = 1\n",
        encoding="utf-8",
    )
    return config


def test_an_entry_with_a_link_too_long_to_store_is_stored_without_it(server, location, tmp_path):
    far, near = sample_articles()[3], sample_articles()[1]
    far_path = "/news/" + secrets.token_hex(1800)  # 3.6 KB that do not compress
    items = [(far.title, far_path, escape(far.text)), (near.title, "/news/near", escape(near.text))]
    server.route("/rss", rss("Coast", items), "application/rss+xml")
    config = config_for(tmp_path, location)
    assert briefing(config, "sources", "add", server.url("/rss"), "--kind", "feed")[0] == EXIT_OK
    code, out = briefing(config, "ingest")
    assert code == EXIT_OK, out
    with open_store(location) as store:
        assert store.find(url=server.url("/news/near")) is not None
        [kept] = [a for a in store.articles_added_after(0) if a.title == far.title]
        assert kept.url is None  # its text is kept, under no address


def test_an_address_past_the_cap_in_bytes_is_none():
    base = "https://news.example/a"
    assert absolute_http("/" + "a" * 1970, base) is not None  # 1,992 bytes in all
    assert absolute_http("/" + "ж" * 1000, base) is None  # 2 KB in UTF-8
    assert absolute_http("/" + "a" * 2000, base) is None
