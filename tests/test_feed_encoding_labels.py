"""A feed whose server names in Content-Encoding what is no compression ("none", "UTF-8",
"binary": a misconfigured server) is read as it is, as browsers and feed readers read it;
a compression the bot does not undo is still refused (real fetcher, feedparser and store,
against a feed server on loopback, through the `briefing` command line)."""

from __future__ import annotations

import pytest

from summaries.cli import EXIT_OK
from summaries.samples import sample_articles
from tests.fakes.feed_server import rss
from tests.test_ingest import briefing, server, stored, write_config

__all__ = ["server"]  # the fixture
PORT = sample_articles()[0]


def _ingest(server, tmp_path, encoding: str) -> tuple[int, str]:
    feed = rss("Coastal Times", [(PORT.title, "/news/port", PORT.text)])
    server.route("/rss", feed, "application/rss+xml", headers={"Content-Encoding": encoding})
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/rss")}"]\n')
    code, out = briefing(config, "ingest", "--all")
    with stored(config) as store:
        assert [t for (t,) in store.execute("SELECT title FROM articles")] == (
            [PORT.title] if code == EXIT_OK else []
        )
    return code, out.strip()


@pytest.mark.parametrize("encoding", ["none", "UTF-8", "binary", "identity"])
def test_a_content_encoding_that_names_no_compression_is_read_as_it_is(
    server, tmp_path, encoding
):
    assert _ingest(server, tmp_path, encoding) == (
        EXIT_OK,
        "1 source: 1 fetched, 1 new, 0 updated, 0 failed",
    )


def test_a_compression_the_bot_does_not_undo_is_still_refused(server, tmp_path):
    code, out = _ingest(server, tmp_path, "compress")
    assert code != EXIT_OK
    assert "The site sent its answer compressed as compress, which cannot be read." in out
