"""What a page says about its outlet and headline, read from its markup before extraction.

The outlet is the name the site gives itself: ``og:site_name``, then the name of the
publisher in its JSON-LD (schema.org) data, then ``<meta name="application-name">``. A
value that is an address or a handle (``article:publisher`` is often a Facebook page,
``twitter:site`` an ``@name``) is not a name and is passed over; without a name the caller
falls back to the host of the page's canonical address, never the host it was fetched
from, which for a mirror or a redirect is someone else.

The headlines a page offers besides its ``<title>``: ``og:title``, ``twitter:title``, the
``<h1>`` headings and the JSON-LD ``headline`` of what the page states at its top (never
of the stories it lists: see :func:`summaries.sources._json_ld.top_objects`), in that
order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import urljoin, urlsplit

from summaries.sources._json_ld import json_ld, top_objects
from summaries.sources._urls import is_home_page

_MAX_DEPTH = 8


def declared_names(tree: Any, scripts: Sequence[Any] | None = None) -> list[str]:
    """The names the page gives its site, best first (see the module); ``scripts``: its
    JSON-LD, when already read (:func:`json_ld`)."""
    found: list[str] = []
    for meta in tree.iter("meta"):
        if (meta.get("property") or "").lower() == "og:site_name":
            found.append(meta.get("content") or "")
    for data in json_ld(tree) if scripts is None else scripts:
        for publisher in nested_values(data, "publisher"):
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                found.append(publisher["name"])
            elif isinstance(publisher, str):
                found.append(publisher)
    for meta in tree.iter("meta"):
        if (meta.get("name") or "").lower() == "application-name":
            found.append(meta.get("content") or "")
    return _unique(name for name in found if _is_name(name))


def logo_names(tree: Any, url: str | None) -> list[str]:
    """The text of each ``<h1>`` that is all one link to the home page of the site at
    ``url``: a logo heading, which names the site however little that name looks like its
    address ("Quayside Heritage Society" at heritage-quay.example), never a story. A
    heading that links to its own page is none, whatever that page: a headline linking to
    its article ("#", "", its address), or on a site's home page, where the logo and the
    headline both link home; without the page's address, so is every heading."""
    if not url or is_home_page(url):
        return []
    found = []
    for h1 in tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        links = list(h1.iter("a"))
        if not text or len(links) != 1 or " ".join(links[0].text_content().split()) != text:
            continue
        if _is_home(links[0].get("href") or "", url):
            found.append(text)
    return _unique(found)


def _is_home(href: str, url: str) -> bool:
    """Whether ``href`` (on the page at ``url``) is the site's home page."""
    address = urljoin(url, href.strip())
    return is_home_page(address) and _host(address) == _host(url)


def _host(address: str) -> str:
    return (urlsplit(address).hostname or "").removeprefix("www.")


def headings(tree: Any, scripts: Sequence[Any] | None = None) -> list[str]:
    """The page's other headlines: og:title, twitter:title, h1s, JSON-LD headline
    (``scripts``: its JSON-LD, when already read)."""
    found = shown_headings(tree)
    for data in json_ld(tree) if scripts is None else scripts:
        headlines = (item.get("headline") for item in top_objects(data))
        found += [value for value in headlines if isinstance(value, str)]
    return _unique(found)


def shown_headings(tree: Any) -> list[str]:
    """The headlines the page shows or shares, not its JSON-LD: og:title, twitter:title,
    h1s."""
    metas = {
        (meta.get("property") or meta.get("name") or "").lower(): meta.get("content") or ""
        for meta in tree.iter("meta")
    }
    found = [metas.get("og:title", ""), metas.get("twitter:title", "")]
    found += [h1.text_content() for h1 in tree.iter("h1")]
    return _unique(found)


def _is_name(value: str) -> bool:
    text = value.strip()
    if not text or len(text) > 100 or text.startswith("@"):
        return False
    return "://" not in text and not text.lower().startswith("www.")


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        value = " ".join(value.split())
        if value:
            seen.setdefault(value, None)
    return list(seen)


def nested_values(data: Any, key: str, depth: int = 0) -> Iterator[Any]:
    """Every value of ``key`` in nested JSON-LD (objects, lists, ``@graph``)."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from nested_values(item, key, depth + 1)
    elif isinstance(data, dict):
        if key in data:
            yield data[key]
        for name, value in data.items():
            if name != key and isinstance(value, dict | list):
                yield from nested_values(value, key, depth + 1)
