"""`briefing doctor` on a feed whose entries hold no article to read (a podcast's episodes:
an audio file and a title each): said as a note, with how many it has, not as a feed of
"0 entries" (real fetcher and feedparser against the loopback feed server)."""

from __future__ import annotations

import json

from tests.fakes.feed_server import feed_server  # noqa: F401  (a fixture)
from tests.test_doctor import clean_environment, lines_of, run_doctor

__all__ = ["clean_environment"]  # the fixture

EPISODE = (
    "<item><title>Episode {n}</title><guid isPermaLink='false'>ep-{n}</guid>"
    "<enclosure url='{{base}}/ep{n}.mp3' type='audio/mpeg' length='1000'/></item>"
)
JSON_TITLES = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Titles",
        "items": [{"id": "1", "title": "Bells at noon"}, {"id": "2", "title": "Rain"}],
    }
)
STORY = "<item><title>Port reopens</title><link>{base}/port</link></item>"


def _feed(items: str) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Talk</title>'
        f"<link>{{base}}/</link><description>d</description>{items}</channel></rss>"
    )


def test_a_feed_of_entries_without_article_is_a_note_that_counts_them(tmp_path, feed_server):  # noqa: F811
    episodes = "".join(EPISODE.format(n=n) for n in range(3))
    feed_server.route("/podcast.xml", _feed(episodes), "application/rss+xml")
    feed_server.route("/mixed.xml", _feed(STORY + episodes), "application/rss+xml")
    feed_server.route("/titles.json", JSON_TITLES, "application/feed+json")
    config = tmp_path / "config.toml"
    urls = [feed_server.url(p) for p in ("/podcast.xml", "/mixed.xml", "/titles.json")]
    config.write_text(
        f'[store]\npath = "{tmp_path / "briefing.db"}"\n'
        f"[sources]\nfeeds = {json.dumps(urls)}\nallow_hosts = [\"127.0.0.1\"]\n",
        encoding="utf-8",
    )

    code, output = run_doctor(config)

    assert code == 0, output  # a note, not a problem: the feed answers
    (podcast,) = [line for line in lines_of(output, "note", "sources") if urls[0] in line]
    assert podcast.startswith(
        f"Feed {urls[0]} answers (3 entries, none with text or a page to read: no article "
        "of it reaches a digest)."
    ), podcast
    (titles,) = [line for line in lines_of(output, "note", "sources") if urls[2] in line]
    assert titles.startswith(f"Feed {urls[2]} answers (2 entries, none with text"), titles
    assert f"Feed {urls[1]} answers (4 entries, 3 with no text and no page to read)." in (
        lines_of(output, "ok", "sources")
    ), output
