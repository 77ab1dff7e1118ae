"""A live blog drawn by a script, its text only in its JSON-LD (a LiveBlogPosting and its
updates), with no og:title nor <h1>: its title is the live blog's own headline (or name),
else the page's <title> without the site's name, never the headline of its first update."""

from __future__ import annotations

import json

import pytest

from summaries.sources import article_from_page
from tests.summaries.test_main_text import PROSE

URL = "https://www.harbour-daily.example/news/live/harbour-bridge-closure"
HEADLINE = "Harbour bridge closure: live updates"


def live_page(**own: str) -> str:
    """A live blog page as a script-rendered news site sends it: a <title>, an empty mount
    point and the blog in JSON-LD, its ``own`` fields (headline, name) beside its updates."""
    updates = [
        {
            "@type": "BlogPosting",
            "headline": f"Update {n}",
            "datePublished": f"2024-03-14T{8 + n:02d}:15:00Z",
            "articleBody": paragraph,
        }
        for n, paragraph in enumerate(PROSE)
    ]
    blog = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "url": URL,
        **own,
        "coverageStartTime": "2024-03-14T08:00:00Z",
        "liveBlogUpdate": updates,
    }
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{HEADLINE} | Harbour Daily</title>
<meta property="og:site_name" content="Harbour Daily">
<script type="application/ld+json">{json.dumps(blog)}</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div id="live"></div>
<footer><p>Copyright 2024 Harbour Daily</p></footer></body></html>"""


@pytest.mark.parametrize(
    "own",
    [{"headline": HEADLINE}, {"name": HEADLINE}, {}],
    ids=["headline", "name", "title-tag"],
)
def test_a_live_blogs_title_is_its_own_headline_not_its_first_updates(own):
    article = article_from_page(live_page(**own), URL)
    assert article.text.split("\n") == PROSE  # read from its updates
    assert article.title == HEADLINE


def test_an_update_headline_that_is_the_blogs_own_stays_its_title():
    """A live blog whose first update repeats its headline keeps it."""
    page = live_page(headline=HEADLINE).replace('"Update 0"', json.dumps(HEADLINE))
    assert article_from_page(page, URL).title == HEADLINE
