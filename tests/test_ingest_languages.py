"""A German and a Chinese feed, served on loopback, ingest through the `briefing` command
line into briefings in their own languages; a source's declared language wins."""

from __future__ import annotations

import pytest

from summaries.cli import EXIT_OK
from tests.fakes.feed_server import FeedServer, rss
from tests.languages import CHINESE, FRENCH, GERMAN
from tests.test_ingest import briefing, stored, write_config


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def test_german_and_chinese_feeds_are_briefed_in_their_languages(server, tmp_path):
    feeds = {
        "/de.xml": ("Brennporter Rundschau", GERMAN),
        "/zh.xml": ("布伦日报", CHINESE),
        "/fr.xml": ("Le Courrier de Brennport", FRENCH),
    }
    for path, (outlet, written) in feeds.items():
        body = rss(outlet, [(written.title, path.replace(".xml", "/1"), written.html)])
        server.route(path, body, "application/rss+xml")
    config = write_config(tmp_path)
    for path in ("/de.xml", "/zh.xml"):
        assert briefing(config, "sources", "add", server.url(path), "--kind", "feed")[0] == EXIT_OK
    # a source's declared language is what its articles are read in, whatever they look like
    code, out = briefing(
        config, "sources", "add", server.url("/fr.xml"), "--kind", "feed", "--language", "de"
    )
    assert code == EXIT_OK and out.strip().endswith("(german)"), out

    code, out = briefing(config, "ingest")
    assert code == EXIT_OK, out
    assert out.strip().endswith("3 sources: 3 fetched, 3 new, 0 updated, 0 failed")
    with stored(config) as store:
        articles = {article.title: article for article in store.recent_articles(since=_ever())}
        german, chinese = articles[GERMAN.title], articles[CHINESE.title]
        assert (german.language, chinese.language) == ("german", "chinese")
        assert articles[FRENCH.title].language == "german"  # declared, not detected
        for article, written in ((german, GERMAN), (chinese, CHINESE)):
            assert len(article.briefing) == 3, article.briefing
            assert set(article.briefing) <= written.sentences, article.briefing
        assert len({german.story_id or german.id, chinese.story_id or chinese.id}) == 2

    code, out = briefing(config, "search", "赎金")  # "ransom", inside a run of characters
    assert code == EXIT_OK and out.startswith(f"1. {CHINESE.title}\n"), out
    assert "No stored story" in briefing(config, "search", "港口赎金")[1]


def _ever():
    from datetime import UTC, datetime

    return datetime(2000, 1, 1, tzinfo=UTC)
