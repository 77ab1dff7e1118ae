"""RSS 0.9x/1.0/2.0, Atom and JSON Feed documents as plain :class:`FeedEntry` values.

``parse_feed(body, url)`` parses bytes that were already fetched (feedparser is never
handed an address or a path: it would fetch or open it itself). Links are made absolute
against ``xml:base`` or the feed's address; dates become aware UTC datetimes; titles and
summaries become plain text (tags dropped, entities decoded, also of HTML escaped once
more than it should be); titles lose the outlet's name and the branding they all repeat
(:func:`summaries.titles.site_free_titles`: "Port reopens | Gulf Herald" is "Port
reopens"); the full text is kept when the feed carries it
(``content:encoded``, Atom ``content``). An entry's link is an address the feed states:
an empty link is none, and a guid that is no address is no link
(:mod:`summaries.sources._links`); one a feed service passed on under its own address
gives way to the original the item states (``feedburner:origLink``). A malformed feed
gives the entries that could be read
(white space before the XML declaration is no malformation: it is dropped); a document
that is no feed at all raises ``SourceError``.
With ``max_entries`` only the newest entries are read (by date, then document order), and
a document with more is cut down before feedparser sees it (:mod:`summaries.sources._trim`).
A body that is JSON is read as a JSON Feed (:mod:`summaries.sources._jsonfeed`: feedparser
reads no JSON), and what follows the parse (titles, shared links, the newest entries) is
done alike for every format.

``is_teaser(entry)`` says when an entry holds only a teaser, so ingest follows its link
to the page for the full text (see :mod:`summaries.sources.collect`).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import pairwise
from typing import Any
from xml.sax import SAXParseException

from summaries.clean import word_count
from summaries.models import Article
from summaries.plaintext import LIST_ITEM
from summaries.sources._charrefs import scalar_charrefs, without_controls, xml_entities
from summaries.sources._entries import Feed, FeedEntry, entry_id, line_of, recency, text_of
from summaries.sources._jsonfeed import JsonFeedReader, json_feed, json_text, json_version
from summaries.sources._link_posts import story_link
from summaries.sources._links import stated_links
from summaries.sources._markup import is_html_document
from summaries.sources._media_text import MediaTexts, is_image_name, media_descriptions, own_texts
from summaries.sources._month_names import feed_date, struct_moment
from summaries.sources._prefixes import declared_prefixes
from summaries.sources._trim import entry_tags, newest_entries
from summaries.sources._urls import absolute_http, site_of
from summaries.sources.errors import SourceError
from summaries.titles import site_free_titles, site_names, strip_outlet

TEASER_WORDS = 80  # a summary shorter than this is taken for a teaser
STANDALONE_WORDS = 20  # a teaser this long tells the news (a sentence or two) on its own
_TEASER_END = re.compile(
    r"(?:\u2026|\.\.\.|\[\s*(?:\u2026|\.\.\.)\s*\]|\(\s*more\s*(?:\u2026|\.\.\.)?\s*\)"
    r"|\bread more\b|\bcontinue reading\b|\bread the (?:full|whole|rest of the) \w+\b"
    r"|\bmore\s*(?:\u00bb|>>))[\W_]*$",
    re.IGNORECASE,
)
_RSS_AUTHOR = re.compile(r"^\s*\S+@\S+\s*\((?P<name>[^()]+)\)\s*$")  # "desk@x.org (Ivar Lund)"
_WORD = re.compile(r"[^\W_]+")
_BOM = b"\xef\xbb\xbf"
_BEFORE_FIRST_TAG = re.compile(rb"(?:\s|\xef\xbb\xbf)+(?=<)")


def parse_feed(
    body: bytes, url: str, content_type: str | None = None, max_entries: int | None = None
) -> Feed:
    """The feed in ``body`` (fetched from ``url``); SourceError if it is not a feed.

    With ``max_entries``, only that many entries: the newest, newest first.
    """
    if not body.strip():
        raise SourceError(f"The feed at {url} is empty.")
    text = json_text(body, content_type)
    if text is not None:
        read = _json_document(text, url, content_type, max_entries)
    else:
        read = _xml_document(body, url, content_type, max_entries)
    entries, left_out = read.entries, 0
    if max_entries is not None:
        entries = newest(entries, max_entries)
        left_out = max(read.total, len(read.entries)) - len(entries)
    names = site_names(read.title, site_of(read.link), site_of(url))
    entries = _without_shared_links(_without_branding(entries, names), (read.link, url))
    return Feed(
        url=url,
        title=read.title,
        link=read.link,
        version=read.version,
        entries=entries,
        problem=read.problem,
        left_out=left_out,
        passed_over=read.passed_over,
    )


@dataclass(frozen=True, slots=True)
class _Document:
    """What one format's reader made of a feed, before what every format shares is done."""

    title: str
    link: str | None  # the home page
    version: str
    entries: tuple[FeedEntry, ...]
    total: int  # entries in the document: more than ``entries`` when they were cut
    problem: str | None
    passed_over: int = 0  # entries read that hold nothing to read: no text, no page


def _xml_document(
    body: bytes, url: str, content_type: str | None, max_entries: int | None
) -> _Document:
    """RSS or Atom, read by feedparser; SourceError when it is neither."""
    import feedparser

    body = _from_first_tag(body)
    # what XML refuses is mended before the feed is cut to its newest entries, whose scan
    # is XML's too (on a flaw it would keep the first entries and cut the document short)
    body = scalar_charrefs(body)  # &#55357; would make feedparser raise
    body = xml_entities(without_controls(body))  # &nbsp; or a \x0b: "malformed"
    body = declared_prefixes(body)  # <media:content> without xmlns:media: "malformed"
    total = 0
    if max_entries is not None and entry_tags(body) > max_entries:
        body, total = newest_entries(body, max_entries)
    body = stated_links(body)  # no link made from nothing, or from a guid that is none
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(
        io.BytesIO(body),  # a stream: bytes or str could be taken for a path or an address
        response_headers=headers,
        resolve_relative_uris=True,
        sanitize_html=True,
    )
    media = media_descriptions(body, parsed.get("encoding"))  # a picture's alt text...
    made = (_entry(raw, url, media) for raw in parsed.entries)
    entries = tuple(entry for entry in made if entry is not None)
    if not parsed.get("version") and not entries:
        kind = "a web page" if is_html_document(body) else "something else"
        raise SourceError(
            f"The address {url} does not serve an RSS, Atom or JSON feed (it is {kind})."
        )
    meta = parsed.get("feed", {})
    problem = None
    trouble = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(trouble, feedparser.ThingsNobodyCaresAboutButMe):
        problem = _fault(trouble)  # not just a wrong label or charset
    return _Document(
        title=line_of(meta.get("title")),
        link=absolute_http(meta.get("link"), url),
        version=parsed.get("version") or "",
        entries=entries,
        total=total,
        problem=problem,
        passed_over=len(parsed.entries) - len(entries),
    )


def _json_document(
    text: str, url: str, content_type: str | None, max_entries: int | None
) -> _Document:
    """A JSON Feed; SourceError when the JSON is broken or no feed."""
    document = json_feed(text, url, content_type)
    reader = JsonFeedReader(document, url)
    entries, total = reader.entries(max_entries)
    return _Document(
        title=reader.title,
        link=reader.home,
        version=json_version(document),
        entries=entries,
        total=total,
        problem=reader.problem,
        passed_over=reader.passed_over,
    )


def _from_first_tag(body: bytes) -> bytes:
    """``body`` from its first tag on (after its UTF-8 byte order mark, if it has one): the
    white space a server or a template puts first, and byte order marks among it, make an
    XML declaration after them a fault (and the feed "malformed" at every read)."""
    found = _BEFORE_FIRST_TAG.match(body)
    if found is None:
        return body
    return (_BOM if _BOM in found[0] else b"") + body[found.end() :]


def _fault(error: object) -> str:
    """What is wrong with a malformed feed, for a person: where the XML breaks and how
    ("line 9, column 54: undefined entity"), not the parser's "<unknown>:9:54: ..."."""
    if isinstance(error, SAXParseException):
        where = f"line {error.getLineNumber()}, column {error.getColumnNumber()}"
        return f"{where}: {error.getMessage()}"[:200]
    return str(error or "malformed feed")[:200]


def _without_branding(
    entries: tuple[FeedEntry, ...], names: tuple[str, ...]
) -> tuple[FeedEntry, ...]:
    titles = site_free_titles([entry.title for entry in entries], names)
    return tuple(
        entry if entry.title == title else replace(entry, title=title)
        for entry, title in zip(entries, titles, strict=True)
    )


def _without_shared_links(
    entries: tuple[FeedEntry, ...], feed_addresses: tuple[str | None, ...]
) -> tuple[FeedEntry, ...]:
    """The entries, without a link that is no story's own, and each story once.

    A link that different entries share (different in id, headline or text: an item
    without an id has its link for one) is no story's own when they tell different
    things (a feed that links every item to its home page or a section page), nor is the
    feed's own address or its site's (an empty link is dropped before: see
    ``stated_links``): stored under such a link, each entry would replace the one before
    it at every read; without it, each is stored by its text. Entries that share a link
    and tell the same (see ``_retold``) are one story told twice, re-issued under a new
    guid: only the newest telling is kept, under its link, so the page of a teaser is
    still followed and no read replaces one telling with the other.
    """
    sharing: dict[str, list[int]] = {}
    for number, entry in enumerate(entries):
        if entry.link:
            sharing.setdefault(entry.link, []).append(number)
    own = {address.rstrip("/") for address in feed_addresses if address}
    no_link: set[str] = set()
    retold: set[int] = set()  # the older tellings of a story told twice
    for link, numbers in sharing.items():
        if link.rstrip("/") in own:
            no_link.add(link)
        elif len({_telling(entries[n]) for n in numbers}) > 1:
            newest_first = sorted(numbers, key=lambda n: recency(entries[n].published, n))
            first = entries[newest_first[0]]
            if all(_retold(first, entries[n]) for n in newest_first[1:]):
                retold.update(newest_first[1:])
            else:
                no_link.add(link)
    return tuple(
        replace(entry, link=None) if entry.link in no_link else entry
        for number, entry in enumerate(entries)
        if number not in retold
    )


def _telling(entry: FeedEntry) -> tuple[str, str, str]:
    """What makes two entries under one link two: an item listed twice is one."""
    return entry.id, entry.title, entry.text


def _retold(one: FeedEntry, other: FeedEntry) -> bool:
    """Whether two entries tell one story: their headlines say the same ("Port reopens"
    and "Port reopens after attack"; not "Morning briefing: Monday" and "Morning
    briefing: Tuesday"), and so do their texts when both have one (two updates of a live
    page share its headline, not their text)."""
    if not _alike(one.title, other.title):
        return False
    return not (one.text and other.text) or _alike(one.text, other.text)


def _alike(one: str, other: str) -> bool:
    """Whether more than half the word pairs of the shorter text are in the longer (its
    words, when one of them is a single word): pairs, since a series repeats its words
    ("Morning briefing") but changes what follows them."""
    words, others = _WORD.findall(one.lower()), _WORD.findall(other.lower())
    if min(len(words), len(others)) < 2:
        shared, shorter = set(words) & set(others), min(len(set(words)), len(set(others)))
    else:
        pairs, other_pairs = set(pairwise(words)), set(pairwise(others))
        shared, shorter = pairs & other_pairs, min(len(pairs), len(other_pairs))
    return shorter > 0 and len(shared) > shorter / 2


def newest(entries: tuple[FeedEntry, ...], count: int) -> tuple[FeedEntry, ...]:
    """The ``count`` newest entries, newest first: dated ones by date, then the undated,
    ties and undated ones in document order."""
    order = sorted(range(len(entries)), key=lambda n: recency(entries[n].published, n))
    return tuple(entries[n] for n in order[:count])


def is_teaser(entry: FeedEntry, min_words: int = TEASER_WORDS) -> bool:
    """Whether the entry carries only a teaser: short, or cut off ("…", "Read more").
    Chinese and Japanese words are counted as two characters each (see word_count)."""
    text = _words(entry)
    if not text:
        return True
    return word_count(text) < min_words or bool(_TEASER_END.search(text[-60:]))


def stands_alone(entry: FeedEntry, min_words: int = STANDALONE_WORDS) -> bool:
    """Whether the entry's own text, a teaser, is worth storing when its page is gone for
    good: a sentence or two, not a headline's echo or "Read more"."""
    return word_count(_words(entry)) >= min_words


def _words(entry: FeedEntry) -> str:
    """The entry's text on one line, its list items' marks left out: they are no words."""
    lines = (line.removeprefix(LIST_ITEM) for line in entry.text.split("\n"))
    return " ".join(" ".join(lines).split())


def entry_article(entry: FeedEntry, feed: Feed) -> Article:
    """The article as the feed itself tells it (no page fetched)."""
    return Article(
        title=entry.title,
        text=entry.text,
        url=entry.link,
        source=entry.outlet or feed.title or site_of(feed.link or feed.url) or None,
        published=entry.published,
        author=entry.author,
        image=entry.image,
    )


def _entry(raw: Any, base: str, media: MediaTexts) -> FeedEntry | None:
    outlet, outlet_site = _outlet(raw, base)
    title = line_of(raw.get("title"))
    if outlet:  # an aggregator's item: "Port reopens - Gulf Herald"
        title = strip_outlet(title, site_names(outlet, outlet_site))
    link = _original(raw, base) or absolute_http(raw.get("link"), base)
    if link is not None and link in _enclosures(raw, base):
        link = None  # the item's file (a podcast's audio), not a page to read
    link = _story_link(raw, link, base) or link  # a forum's link post: the story, not its talk
    summary = text_of(raw.get("summary"), _declared(raw.get("summary_detail")))
    summary, content = own_texts(summary, _contents(raw.get("content") or []), media)
    if not (link or summary or content):
        return None  # nothing to read: no text, and no page to find it on
    return FeedEntry(
        id=entry_id(raw.get("id") or "", link, title, summary, content),
        title=title,
        link=link,
        published=_date(raw),
        author=_author(raw),
        summary=summary,
        content=content,
        image=_image(raw, base),
        outlet=outlet or None,
        updated=_date(raw, ("updated_parsed",))
        if dict.__contains__(raw, "updated_parsed")
        else None,
    )


def _original(raw: Any, base: str) -> str | None:
    """The story's own address when a feed service passed the item on under one of its
    own (FeedBurner's ``feedburner:origLink`` beside a feedproxy.google.com link, which
    leads nowhere now): the address the publisher gave it, shared by its other feeds."""
    stated = raw.get("feedburner_origlink")
    return absolute_http(stated, base) if isinstance(stated, str) else None


def _story_link(raw: Any, link: str | None, base: str) -> str | None:
    """The story a link post's markup (its summary or a content) names (see story_link)."""
    fields = [raw.get("summary_detail"), *(raw.get("content") or [])]
    for field in fields:
        if isinstance(field, dict) and isinstance(field.get("value"), str):
            found = story_link(field["value"], link, base)
            if found is not None:
                return found
    return None


def _outlet(raw: Any, base: str) -> tuple[str, str]:
    """The name and site of the outlet an item says it comes from (RSS ``<source
    url="https://gulfherald.example">Gulf Herald</source>``, as aggregators such as Google
    News give it), or empty strings: the feed's outlet is not each item's there."""
    source = raw.get("source")
    if not isinstance(source, dict):
        return "", ""
    site = site_of(absolute_http(source.get("href"), base))
    return line_of(source.get("title")) or site, site


def _contents(items: list[Any]) -> list[str]:
    return [text_of(item.get("value"), _declared(item)) for item in items if isinstance(item, dict)]


def _declared(detail: object) -> str:
    """The type feedparser says a text field declares ("text/html"...), "" when none."""
    return detail.get("type", "") if isinstance(detail, dict) else ""


def _date(
    raw: Any, keys: tuple[str, ...] = ("published_parsed", "updated_parsed", "created_parsed")
) -> datetime | None:
    """feedparser's parsed date (a UTC struct_time) as an aware UTC datetime: the first of
    ``keys`` it gives (the entry's publication, else its change, else its making); a date
    in a zone feedparser does not know ("CEST") is read in it, and one whose zone places no
    moment ("GMT+14:30") is no date (see _zones)."""
    for key in keys:
        stated = raw.get(key.removesuffix("_parsed"))
        parsed = raw.get(key)
        if isinstance(stated, str):
            moment = feed_date(stated, lambda parsed=parsed: struct_moment(parsed))
        else:
            moment = struct_moment(parsed)
        if moment is not None:
            return moment
    return None


def _author(raw: Any) -> str | None:
    author = line_of(raw.get("author"))
    rss = _RSS_AUTHOR.match(author)
    if rss:
        return rss.group("name").strip()
    detail = raw.get("author_detail") or {}
    name = line_of(detail.get("name")) if isinstance(detail, dict) else ""
    if name and name in author:
        return name
    return author or name or None


def _enclosed(raw: Any) -> list[Any]:
    """The files an item encloses (audio, video, images...), as feedparser's links (its
    ``enclosures`` are a copy of these)."""
    return [link for link in raw.get("links") or [] if link.get("rel") == "enclosure"]


def _enclosures(raw: Any, base: str) -> set[str]:
    """The absolute addresses of the files an item encloses."""
    return {
        address for link in _enclosed(raw) if (address := absolute_http(link.get("href"), base))
    }


def _image(raw: Any, base: str) -> str | None:
    candidates: list[str] = []
    for media in raw.get("media_content") or []:
        kind = (media.get("medium") or media.get("type") or "").lower()
        if kind.startswith("image") or is_image_name(media.get("url")):
            candidates.append(media.get("url") or "")
    for link in _enclosed(raw):
        if (link.get("type") or "").lower().startswith("image/") or is_image_name(link.get("href")):
            candidates.append(link.get("href") or "")
    candidates += [thumb.get("url") or "" for thumb in raw.get("media_thumbnail") or []]
    for candidate in candidates:
        found = absolute_http(candidate, base)
        if found:
            return found
    return None
