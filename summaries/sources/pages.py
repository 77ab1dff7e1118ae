"""One fetched web page as an :class:`~summaries.models.Article`, by trafilatura.

trafilatura finds the main text (navigation, share buttons, related links and footers are
left out) and the metadata; this module adds what it leaves to the caller: the canonical
address (``<link rel=canonical>``, then ``og:url``, made absolute), a full publication
timestamp in UTC (no guessing from copyright lines), an absolute lead image, and the site
name, or the host when the page names none; and the decoding, by the charset the page
declares when its bytes decode in it, else by detection (see
:func:`summaries.reading.decode_text`). CPU-bound: call it off the event loop.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from summaries.errors import BinaryInputError, EmptyArticleError
from summaries.models import Article
from summaries.reading import article_from_bytes, decode_text, is_binary
from summaries.sources._markup import first_tags
from summaries.sources._urls import absolute_http, site_of
from summaries.sources.http import MARKUP, FetchResult

# Only dates the page states (meta tags, <time>, JSON-LD, the URL), never a guess from
# other text: a "Copyright 2024" footer is not a publication date.
_DATE_PARAMS = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}


def article_from_result(result: FetchResult) -> Article:
    """The article in a fetched HTML or plain-text answer, its address the final URL."""
    if is_binary(result.body):  # an image labelled text/html says nothing useful to extraction
        raise BinaryInputError()
    if result.content_type in MARKUP or (
        not result.content_type and result.body.lstrip()[:1] == b"<"
    ):
        return article_from_page(result.body, result.url, charset=result.charset)
    body = result.body
    if result.charset:
        body = decode_text(body, result.charset).encode("utf-8")
    host = urlsplit(result.url).hostname or ""
    article = article_from_bytes(body, name=host)
    return article if article.url else replace(article, url=result.url)


def article_from_page(
    html: bytes | str, url: str | None = None, *, charset: str | None = None, title: str = ""
) -> Article:
    """The main text and metadata of an HTML page fetched from ``url``."""
    import trafilatura
    from trafilatura.utils import load_html

    from summaries.sources._unshown import drop_unshown

    html = first_tags(html)  # a page too large is cut short
    tree = load_html(html if isinstance(html, str) else decode_text(html, charset, html=True))
    if tree is None:
        raise EmptyArticleError("the page has no readable article text")
    canonical = _canonical(tree, url)  # read before extraction, which prunes the tree
    drop_unshown(tree)  # hover cards, tooltips, dialogs: never glued into a sentence
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        favor_recall=True,  # lists, tables, short paragraphs: the cleaning drops furniture
        date_extraction_params=_DATE_PARAMS,
    )
    text = _field(document, "text")
    if not text.strip():
        raise EmptyArticleError("the page has no readable article text")
    address = canonical or absolute_http(_field(document, "url"), url) or url
    return Article(
        title=title or _field(document, "title"),
        text=text,
        url=address,
        source=_field(document, "sitename") or site_of(address) or None,
        published=utc_datetime(_field(document, "date")),
        author=_field(document, "author") or None,
        image=absolute_http(_field(document, "image"), address or url),
    )


def utc_datetime(value: str | None) -> datetime | None:
    """An ISO date or timestamp as an aware UTC datetime (a date alone is midnight UTC)."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _canonical(tree: Any, url: str | None) -> str | None:
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel:
            found = absolute_http(link.get("href"), url)
            if found:
                return found
    for meta in tree.iter("meta"):
        if (meta.get("property") or "").lower() == "og:url":
            found = absolute_http(meta.get("content"), url)
            if found:
                return found
    return None


def _field(document: object, name: str) -> str:
    value = getattr(document, name, None)
    return value if isinstance(value, str) else ""
