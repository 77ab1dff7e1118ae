"""A page that sends megabytes of scripts (JSON-LD of every story its site lists, a
store's state) before its article keeps the article: scripts' insides are counted apart
from the markup extraction reads (real fetcher, trafilatura, pool and SQLite, against a
feed server on loopback, through the `briefing` command line)."""

from __future__ import annotations

import json

import pytest

from summaries.sources._markup import MAX_MARKUP_BYTES, MAX_SCRIPT_BYTES
from tests.test_ingest import briefing, server, stored, write_config

__all__ = ["server"]  # the fixture

TITLE = "Harbour bridge to close for repairs"
PARAGRAPHS = [
    "The Harbour Bridge will close to all traffic from June for six months while engineers "
    "replace its cables, the city council said on Thursday.",
    "Around 40,000 vehicles cross the bridge every day, and the council expects queues on "
    "the ring road during the morning rush.",
    "Extra ferries will run between the two banks every ten minutes, and buses will take "
    "the tunnel route until the work is finished.",
    "The council chose the summer months because fewer people commute then, a spokesperson "
    "said, and the bridge should open again before the autumn term.",
]


def listed_stories(size: int) -> str:
    """A JSON-LD script of ``size`` bytes or more: an ItemList of the site's other stories."""
    story = "The city zoo welcomed two red panda cubs on Monday. " * 20
    count = size // len(story) + 1
    items = [
        {
            "@type": "ListItem",
            "position": n,
            "item": {
                "@type": "NewsArticle",
                "headline": f"Cubs, part {n}",
                "url": f"/cubs-{n}",
                "articleBody": story,
            },
        }
        for n in range(count)
    ]
    data = json.dumps({"@type": "ItemList", "itemListElement": items})
    return f'<script type="application/ld+json">{data}</script>'


def own_article() -> str:
    data = json.dumps(
        {"@type": "NewsArticle", "headline": TITLE, "articleBody": "\n\n".join(PARAGRAPHS)}
    )
    return f'<script type="application/ld+json">{data}</script>'


def a_page(head: str, body: str) -> str:
    return (
        f"<html><head><title>{TITLE}</title>{head}</head><body>"
        f"<nav><a href='/'>Home</a></nav>{body}</body></html>"
    )


SHOWN = "<article><h1>" + TITLE + "</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
DRAWN = '<div id="root"></div>'


@pytest.mark.parametrize(
    ("head", "body"),
    [
        (listed_stories(MAX_MARKUP_BYTES + 500_000), SHOWN + "</article>"),
        (listed_stories(MAX_MARKUP_BYTES + 500_000) + own_article(), DRAWN),
        (listed_stories(MAX_SCRIPT_BYTES + 100_000) + own_article(), DRAWN),
    ],
    ids=["html-body-after-scripts", "own-json-ld-after-scripts", "script-over-its-cap-skipped"],
)
def test_megabytes_of_json_ld_before_the_article_leave_it_read(server, tmp_path, head, body):
    page = a_page(head, body)
    assert len(page) > MAX_MARKUP_BYTES
    server.route("/story", page, "text/html")
    config = write_config(tmp_path)
    briefing(config, "sources", "add", server.url("/story"), "--kind", "page")
    code, out = briefing(config, "ingest")
    with stored(config) as store:
        article = store.get_article(1)
    assert article is not None, out
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    assert "red panda" not in article.text
