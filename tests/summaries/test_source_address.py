"""The spelling a source's address is stored under: one per resource, as RFC 3986 has it."""

from __future__ import annotations

import pytest

from summaries.source_address import stored_address


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("HTTPS://News.Example.ORG/rss", "https://news.example.org/rss"),
        ("https://news.example.org:443/rss", "https://news.example.org/rss"),
        ("http://news.example.org:80/rss", "http://news.example.org/rss"),
        ("http://news.example.org:8080/rss", "http://news.example.org:8080/rss"),
        ("https://news.example.org/rss#top", "https://news.example.org/rss"),
        ("https://news.example.org/rss?", "https://news.example.org/rss"),
        ("https://news.example.org", "https://news.example.org/"),
        ("https://news.example.org/Rss?Topic=Port", "https://news.example.org/Rss?Topic=Port"),
        ("http://[::1]:80/feed", "http://[::1]/feed"),
        ("/srv/articles", "/srv/articles"),  # a folder is its path
    ],
)
def test_an_address_is_stored_in_one_spelling(typed, stored):
    assert stored_address(typed) == stored
