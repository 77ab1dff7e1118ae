"""Tracking parameters taken off article addresses, every other one kept as written."""

from __future__ import annotations

import pytest

from summaries.tracking import without_tracking


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("https://news.example/a?utm_source=rss&utm_medium=feed", "https://news.example/a"),
        (
            "https://news.example/a?id=7&UTM_Campaign=x&p=2#top",
            "https://news.example/a?id=7&p=2#top",
        ),
        ("https://news.example/a?fbclid=IwAR0&gclid=x&mc_cid=1&mc_eid=2", "https://news.example/a"),
        ("https://news.example/a?msclkid=1&yclid=2&_hsenc=3&_hsmi=4", "https://news.example/a"),
        ("https://news.example/a.html?xtor=RSS-3208&id=2", "https://news.example/a.html?id=2"),
        # after "#": a fragment of nothing but tracking goes, any other stays as it is
        ("https://news.example/a.html#xtor=RSS-3208", "https://news.example/a.html"),
        ("https://news.example/a?id=2#utm_source=rss&utm_medium=x", "https://news.example/a?id=2"),
        ("https://news.example/a#comments", "https://news.example/a#comments"),
        ("https://news.example/a#xtor=RSS-1&page=2", "https://news.example/a#xtor=RSS-1&page=2"),
        ("https://news.example/app#/story/12", "https://news.example/app#/story/12"),
        (
            "https://medium.com/@ann/story-1a2b?source=rss----5e1f---4",
            "https://medium.com/@ann/story-1a2b",
        ),
        (
            "https://blog.medium.com/story?source=rss-abc&q=a%20b",
            "https://blog.medium.com/story?q=a%20b",
        ),
        # a Medium publication on a domain of its own: its feed's shape says it is Medium's
        (
            "https://harbour.example/port-reopens-1a2b3c4d5e6f?source=rss----7f60cf5620c9---4",
            "https://harbour.example/port-reopens-1a2b3c4d5e6f",
        ),
        (
            "https://blog.example/story-9f?source=rss-4d4ec1f8a4b6------2&p=1",
            "https://blog.example/story-9f?p=1",
        ),
        # ...and not a shape that only starts as Medium's does
        ("https://news.example/a?source=rss-news", "https://news.example/a?source=rss-news"),
        (
            "https://news.example/a?source=rss----front",
            "https://news.example/a?source=rss----front",
        ),
        # another site's "source" is its own; so is one on Medium that is not a feed's
        ("https://news.example/a?source=rss", "https://news.example/a?source=rss"),
        ("https://medium.com/s?source=search", "https://medium.com/s?source=search"),
        ("https://news.example/a?q=%2Futm_x&b", "https://news.example/a?q=%2Futm_x&b"),
        ("https://news.example/a", "https://news.example/a"),
        # the empty fields of a doubled "&" go with the parameters taken off
        ("https://news.example/a?id=7&&utm_source=rss", "https://news.example/a?id=7"),
        ("https://news.example/a?utm_source=rss&&id=7&", "https://news.example/a?id=7"),
        ("https://news.example/a?id=7&&p=2", "https://news.example/a?id=7&&p=2"),
    ],
)
def test_tracking_parameters_are_taken_off_and_others_kept(given, kept):
    assert without_tracking(given) == kept
