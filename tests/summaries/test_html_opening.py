"""Whether bytes are a web page is told by one test, for files and fetched answers alike."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from summaries.fetch import fetch_article
from summaries.reading import article_from_bytes
from tests.fakes.feed_server import FeedServer

LOCAL = {"127.0.0.1"}
STORY = (
    "The harbour bridge closes for repairs on Monday, the city's transport office said. "
    "Ferries will run every ten minutes while the work goes on. "
    "The repairs are expected to take three weeks, and the bridge opens again in June."
)
BODY = f"<body><h1>Harbour bridge to close</h1><article><p>{STORY}</p></article></body>"


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


@pytest.mark.parametrize(
    "opening",
    [
        "\ufeff<!DOCTYPE html><html>",  # as Windows editors save UTF-8
        "<!-- saved from url=(0036)https://news.example/harbour-bridge -->\n<html>",  # a browser's
        '<?xml version="1.0" encoding="utf-8"?>\n<!-- XHTML -->\n<html>',
    ],
)
def test_a_file_that_opens_as_a_page_after_a_mark_or_comment_is_read_as_one(opening):
    article = article_from_bytes(f"{opening}{BODY}</html>".encode(), name="")
    assert STORY.split(". ")[0] in article.text
    assert "<p>" not in article.text and "<!--" not in article.text


@pytest.mark.parametrize("opening", ["<head><title>Harbour bridge</title></head>", ""])
def test_a_page_without_its_html_tag_labelled_as_a_feed_is_read_as_the_page(server, opening):
    server.route("/story", f"{opening}{BODY}", "application/rss+xml")
    article = fetch_article(server.url("/story"), allow_hosts=LOCAL)
    assert STORY.split(". ")[0] in article.text
