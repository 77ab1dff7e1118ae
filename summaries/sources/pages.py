"""One fetched web page as an :class:`~summaries.models.Article`, by trafilatura.

trafilatura finds the main text (navigation, share buttons, related links and footers are
left out) and the metadata; this module adds what it leaves to the caller: the address a
reader is given (the one the page declares, ``<link rel=canonical>`` then ``og:url``, when
it is on the fetched page's site and not its home page, else the final URL: see
:func:`summaries.sources._urls.reader_address`), a full publication timestamp in UTC (no
guessing from copyright lines), an absolute lead image, the outlet (the name the site gives
itself, else the canonical address's host: see :mod:`summaries.sources._site`), the headline
without the outlet's name (see :mod:`summaries.titles`; a title that is only the site's name
gives way to the page's og:title or h1; a live blog's own headline, never its first
update's: see :func:`summaries.sources._ld_body.is_nested_headline`), and the decoding, by
the charset the page declares when its bytes decode in it, else by detection (see
:func:`summaries.reading.decode_text`). A page whose body a script draws is read from its
own article's JSON-LD ``articleBody``, else from its Next.js or Nuxt page data, when what
the HTML shows is far less (see :mod:`summaries.sources._ld_body` and
:mod:`summaries.sources._page_data`). CPU-bound: call it off the event loop.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from summaries.cjk import UNSPACED_RUN
from summaries.clock import utc_datetime
from summaries.errors import BinaryInputError, EmptyArticleError, binary_link
from summaries.models import Article
from summaries.reading import (
    article_from_bytes,
    binary_kind,
    decode_text,
    is_binary,
    utf8_if_wide,
)
from summaries.sources._bylines import author_of_byline
from summaries.sources._joiners import page_spellings, with_joiners
from summaries.sources._json_ld import json_ld
from summaries.sources._ld_body import fuller_text, is_nested_headline, ld_body, own_headline
from summaries.sources._markup import first_tags
from summaries.sources._page_data import page_data_body
from summaries.sources._site import declared_names, headings, logo_names
from summaries.sources._urls import absolute_http, reader_address, site_of
from summaries.sources.http import MARKUP, FetchResult
from summaries.titles import is_site_only, site_names, strip_site

_LEAD_WORDS = 100  # words of the text a headline is checked against
_PARSE_DEPTH = 255  # elements below the root where libxml2 stops building a tree
_WORD = re.compile(r"[^\W\d_]+")
# trafilatura's rescue of a page without text takes every articleBody its JSON-LD holds,
# related stories' too, paragraphs run together; ld_body takes the page's own article.
_JSON_LD = "//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"
# Only dates the page states (meta tags, <time>, JSON-LD, the URL), never a guess from
# other text: a "Copyright 2024" footer is not a publication date.
_DATE_PARAMS = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}


# trafilatura takes an extraction of fewer than MIN_EXTRACTED_SIZE characters (250) for a
# failure, and falls back to extractors that run the page together on one line, headline,
# byline and photo caption glued to the story. Chinese and Japanese say in a character what
# a spaced script says in three or so (a word is two characters, not a few letters and a
# space): a page mostly written in them, judged by the first _SAMPLE_CHARS of its body, is
# read with a third of that limit, so a short news item in them is not taken for a failure.
_SAMPLE_CHARS = 2000
_DENSE_FACTOR = 3


@dataclass(frozen=True, slots=True)
class PageReading:
    """A page's article and ``site``: the site the page says it is from (the host of the
    address it declares, ``www.`` aside), which names its outlet even where that address
    is not the article's (a copy of another site's story: see :func:`reader_address`)."""

    article: Article
    site: str


def article_from_result(result: FetchResult) -> Article:
    """The article in a fetched HTML or plain-text answer, its address the final URL
    unless the page declares a better one of its own site (see :func:`reader_address`)."""
    return read_result(result).article


def read_result(result: FetchResult) -> PageReading:
    """:func:`article_from_result`, with the site the page says it is from. Binary data
    is refused as a link's answer, not as a file given (see :func:`binary_link`)."""
    try:
        return _read_result(result)
    except BinaryInputError:
        raise binary_link(binary_kind(result.body)) from None


def _read_result(result: FetchResult) -> PageReading:
    body = utf8_if_wide(result.body)
    charset = result.charset if body is result.body else "utf-8"
    if is_binary(body):  # an image labelled text/html says nothing useful to extraction
        raise BinaryInputError()
    if result.content_type in MARKUP or (not result.content_type and body.lstrip()[:1] == b"<"):
        return read_page(body, result.url, charset=charset)
    if charset:
        body = decode_text(body, charset).encode("utf-8")
    host = urlsplit(result.url).hostname or None  # the outlet, never read as a file's name
    article = replace(article_from_bytes(body), source=host, url=result.url)
    return PageReading(article, site_of(result.url))


def article_from_page(
    html: bytes | str, url: str | None = None, *, charset: str | None = None, title: str = ""
) -> Article:
    """The main text and metadata of an HTML page fetched from ``url``."""
    return read_page(html, url, charset=charset, title=title).article


def read_page(
    html: bytes | str, url: str | None = None, *, charset: str | None = None, title: str = ""
) -> PageReading:
    """:func:`article_from_page`, with the site the page says it is from."""
    import trafilatura
    from trafilatura.metadata import extract_metadata

    from summaries.sources._layout_tables import unwrap_layout_tables
    from summaries.sources._link_bars import drop_link_bars
    from summaries.sources._loose_text import paragraph_loose_text
    from summaries.sources._note_marks import drop_note_marks
    from summaries.sources._replies import drop_reply_threads
    from summaries.sources._time_codes import drop_time_codes
    from summaries.sources._unshown import drop_unshown

    html = first_tags(html)  # a page too large is cut short
    tree = _page_tree(html if isinstance(html, str) else decode_text(html, charset, html=True))
    if tree is None:
        raise EmptyArticleError("the page has no readable article text")
    # read before extraction, which prunes the tree
    scripts = list(json_ld(tree))  # parsed once for the names, the headlines and the body
    canonical = _canonical(tree, url)
    names, others = declared_names(tree, scripts), headings(tree, scripts)
    logos = logo_names(tree, url or canonical)  # h1s linking home: the site's name, however spelt
    # the text a script would show, if any: the JSON-LD's, else the Next.js or Nuxt data's
    body = ld_body(tree, [canonical, url], scripts) or page_data_body(tree)
    shown = tree.xpath("string(//body)")  # the page's text, before extraction prunes it
    page_text = shown if isinstance(shown, str) else ""
    spelled = page_spellings(page_text)  # words written with zero-width joiners
    drop_unshown(tree)  # hover cards, tooltips, dialogs: never glued into a sentence
    drop_reply_threads(tree)  # readers' replies in the article's container, however named
    drop_link_bars(tree)  # a block's own "Share" bar, which makes it read as a list of links
    drop_note_marks(tree)  # a note's figure after a stop: "data.2 Services" is no sentence
    drop_time_codes(tree)  # "0:12" opening each paragraph of a transcript
    paragraph_loose_text(tree)  # a story written as bare text after its photo box
    unwrap_layout_tables(tree)  # a story set in a table's cell: read as its paragraphs
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        favor_recall=True,  # lists, tables, short paragraphs: the cleaning drops furniture
        date_extraction_params=_DATE_PARAMS,
        prune_xpath=_JSON_LD,  # read for metadata, then left out: ld_body chooses the body
        config=_dense_config() if _mostly_unspaced(page_text) else None,
    )
    text = with_joiners(fuller_text(_field(document, "text"), body), spelled)
    if not text.strip():
        raise EmptyArticleError("the page has no readable article text")
    if document is None:  # no text in the HTML: its metadata all the same
        document = extract_metadata(tree, url, _DATE_PARAMS, extensive=False)
    declared = canonical or absolute_http(_field(document, "url"), url)
    address = reader_address(declared, url)
    site = site_of(declared or address)  # the site it says it is from, if not its address
    outlet = names[0] if names else site or None
    known = site_names(*names, site, *logos)
    found = _field(document, "title")
    if found and is_nested_headline(found, scripts):  # a live blog's update's: not the page's
        found = own_headline(scripts)  # else the page's <title> (see headline)
    article = Article(
        title=title or headline(found, known, others, text, _title(tree)),
        text=text,
        url=address,
        source=outlet,
        published=utc_datetime(_field(document, "date")),
        author=author_of_byline(_field(document, "author")) or None,
        image=absolute_http(_field(document, "image"), address or url),
    )
    return PageReading(article, site)


def _mostly_unspaced(page_text: str) -> bool:
    """Whether half or more of the first _SAMPLE_CHARS characters (spaces aside) of the
    page's text are Han or kana: a page in Chinese or Japanese (see _DENSE_FACTOR)."""
    sample = "".join(page_text[: 2 * _SAMPLE_CHARS].split())[:_SAMPLE_CHARS]
    if sample.isascii():
        return False
    return 2 * sum(map(len, UNSPACED_RUN.findall(sample))) >= len(sample)


@lru_cache(maxsize=1)
def _dense_config() -> Any:
    """trafilatura's settings with MIN_EXTRACTED_SIZE a _DENSE_FACTOR-th of its own."""
    from trafilatura.settings import DEFAULT_CONFIG

    config = deepcopy(DEFAULT_CONFIG)
    size = config.getint("DEFAULT", "MIN_EXTRACTED_SIZE")
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(size // _DENSE_FACTOR))
    return config


def _page_tree(text: str) -> Any:
    """The lxml tree of the page ``text`` as trafilatura reads it, or None for no HTML.

    libxml2 stops building a tree 256 elements deep, and a page that leaves its tags open
    (``<font>`` after ``<font>``: each nests what follows a level deeper) can pass that
    before its article starts. Such a page is parsed again with the deeper limit of
    libxml2's ``huge_tree`` mode (2,048), kept for those pages only.
    """
    from lxml.html import HTMLParser, fromstring
    from trafilatura.utils import load_html

    tree = load_html(text)
    if tree is None or not _at_parse_depth()(tree):
        return tree
    deep = HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )  # made for such a page only: the common page keeps trafilatura's parse
    return load_html(fromstring(text.encode("utf-8", "surrogatepass"), parser=deep))


@lru_cache(maxsize=1)
def _at_parse_depth() -> Any:
    """An XPath test: whether an element of a tree lies _PARSE_DEPTH levels below its root."""
    from lxml.etree import XPath

    return XPath("boolean(/*" + "/*" * _PARSE_DEPTH + ")")


def headline(
    title: str, names: Sequence[str], others: Sequence[str], text: str, page_title: str = ""
) -> str:
    """The page's headline: its title without the outlet's ``names``; when that is only the
    outlet's name, the first of ``others`` (og:title, h1...) that is more, else the page's
    ``<title>`` (``page_title``) without the name: a page whose one ``<h1>`` is its logo,
    which trafilatura takes for the title. A branded title gives way to another headline
    found inside it (it had a tagline besides the name), or to one that the article's
    ``text`` talks about when the title shares no word with it (it was the site's own
    title and tagline)."""
    cleaned = strip_site(title, names)
    candidates = [strip_site(other, names) for other in others]
    candidates = [c for c in candidates if c and not is_site_only(c, names)]
    if not cleaned or is_site_only(cleaned, names):
        if not candidates and page_title and not is_site_only(page_title, names):
            return strip_site(page_title, names)
        return candidates[0] if candidates else cleaned
    if cleaned == " ".join(title.split()):
        return cleaned  # not branded: trafilatura's choice stands
    inside = [c for c in candidates if c != cleaned and c.casefold() in cleaned.casefold()]
    if inside:
        return inside[0]
    lead = _stems(" ".join(text.split()[:_LEAD_WORDS]))
    if candidates and not _stems(cleaned) & lead:
        return next((c for c in candidates if _stems(c) & lead), cleaned)
    return cleaned


def _stems(text: str) -> set[str]:
    """Crude stems of the longer words: enough to tell whether two texts share a subject."""
    return {word[:5] for word in _WORD.findall(text.casefold()) if len(word) >= 4}


def _title(tree: Any) -> str:
    """The text of the page's ``<title>``, spaces made single: the first one outside an
    inline ``<svg>``, whose ``<title>`` labels an icon ("Search")."""
    found = tree.xpath("(//title[not(ancestor::svg)])[1]")
    return " ".join(found[0].text_content().split()) if found else ""


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
