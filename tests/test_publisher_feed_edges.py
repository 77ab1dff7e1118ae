"""Edges of the publisher feed shapes (see test_publisher_feeds): what the rules for those
shapes must leave alone, and what they must still refuse, on material they were not made
from."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from summaries.cli import EXIT_OK
from summaries.models import Article
from summaries.summarize import article_text
from tests.fakes.feed_server import FeedServer
from tests.test_ingest import briefing, stored, write_config
from tests.test_publisher_feeds import REDDIT, REDDIT_LINK_POST


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
