"""The article's own body from the page's JSON-LD, for pages that draw their text with scripts.

Many news sites send a page whose body a script fills in later: the HTML holds a headline,
a teaser or a cookie notice, and trafilatura finds little or nothing. The same sites state
the whole text in the page's schema.org data for search engines (``"@type": "NewsArticle",
"articleBody": "..."``). :func:`ld_body` reads it, and :func:`fuller_text` decides between it
and the extracted text.

Only the page's own article counts: an article object the JSON-LD states at its top (a
script's object or list, an ``@graph``, a web page's ``mainEntity``) whose address or
headline is the page's, or the only such object when none says which page it is. Articles
nested inside another object are parts of something else (a list of related stories) and
are never taken alone; nor is one that names another page's address. A live blog's body
is its updates (``liveBlogUpdate``), each a paragraph, after its own text if it has one.
A body that its site cut to a length, ending in an ellipsis mid-sentence, ends at its
last whole sentence.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import urljoin, urlsplit

from summaries.plaintext import is_markup
from summaries.sources._json_ld import json_ld, top_objects
from summaries.sources._site import nested_values, shown_headings
from summaries.words import text_weight

# schema.org's Article and its subtypes (casefolded: sites write "article", "Newsarticle")
ARTICLE_TYPES = frozenset(
    name.casefold()
    for name in (
        "Article NewsArticle AnalysisNewsArticle AskPublicNewsArticle BackgroundNewsArticle "
        "OpinionNewsArticle ReportageNewsArticle ReviewNewsArticle BlogPosting LiveBlogPosting "
        "Report ScholarlyArticle TechArticle SatiricalArticle AdvertiserContentArticle"
    ).split()
)
_TITLE_WORDS = 3
_LIVE_BLOG = frozenset({"liveblogposting"})
# The extracted text is kept unless it holds less than SHARE of the body's letters and
# digits: then trafilatura found a teaser, a caption or a notice, not the article. When
# most of what it found is in the body (the page shows the article's start, then a wall),
# less than PART of the body is enough: the rest is the article the wall hides. A body
# that only adds a line or two to the page's text, or is shorter, is never taken.
SHARE = 0.5
PART = 0.8
_SAMPLE = 20_000  # letters of the extracted text enough to tell whether it is the body's
_TAG = re.compile(r"<(?:p|br|div|h[1-6]|li|ul|ol|blockquote|figure|span|a|strong|em|b|i)\b", re.I)
_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote pre tr table section article header footer "
    "figure figcaption dd dt dl hr".split()
)
DROPPED = frozenset({"script", "style", "noscript", "iframe", "template", "svg", "button"})
# A body its site cut to a length ends in an ellipsis ("...", "…", WordPress's " […]")
_CUT = re.compile(r"\s*\[?(?:\.\.\.|\u2026)\]?\s*\Z")
# where a sentence ends: its stop, any closing quotes or brackets, then a space or a line end
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019\u00bb)\]]*(?=\s|\Z)")


def fuller_text(extracted: str, body: str) -> str:
    """``body`` when ``extracted`` holds less than SHARE of its letters and digits, or less
    than PART and is mostly a part of it; else ``extracted``: the page's own text stands
    whenever it is the article."""
    shown, whole = text_weight(extracted), text_weight(body)
    if shown < SHARE * whole or (shown < PART * whole and _within(extracted, body)):
        return body
    return extracted


def ld_body(
    tree: Any, addresses: Sequence[str | None], scripts: Sequence[Any] | None = None
) -> str:
    """The readable ``articleBody`` of the page's own article (see the module), "" if none.

    ``addresses`` are the page's (canonical, fetched); with its title, og:title and h1s
    they tell its own article from others the JSON-LD describes (``scripts``, when already
    read)."""
    base = next((a for a in addresses if a), None)
    # the page's addresses, and each without its query: a feed's link adds tracking tags
    # (``?utm_source=rss``) that the article's own address does not have
    own = {key for a in addresses if a for key in (_address_key(a), _address_key(a, query=False))}
    titles = page_titles(tree)
    scripts = json_ld(tree) if scripts is None else scripts
    articles = [item for data in scripts for item in _top_articles(data)]
    texts = {id(article): _body_of(article) for article in articles}
    bodies = [a for a in articles if texts[id(a)]]
    by_address = [a for a in bodies if own & _addresses(a, base)]
    by_headline = [a for a in bodies if _names_no_other(a, own, base) and headed(a, titles)]
    chosen = by_address or by_headline
    if not chosen and len(articles) == 1 and bodies and _names_no_other(bodies[0], own, base):
        chosen = bodies
    return texts[id(chosen[0])] if chosen else ""


def is_nested_headline(title: str, scripts: Sequence[Any]) -> bool:
    """Whether ``title`` is the headline of an object nested inside the page's JSON-LD
    ``scripts`` (a live blog's update, a related story) and of none stated at its top:
    another text's headline, which trafilatura takes for the page's when the page shows
    none (no og:title, no <h1>)."""
    key = title_key(title)
    tops = [item for data in scripts for item in top_objects(data)]
    if not key or any(
        key in (title_key(t.get("headline")), title_key(t.get("name"))) for t in tops
    ):
        return False
    return any(
        title_key(value) == key for data in scripts for value in nested_values(data, "headline")
    )


def own_headline(scripts: Sequence[Any]) -> str:
    """The headline (else the name) of the first article the JSON-LD ``scripts`` state at
    their top, or "": the page's own article's (see the module)."""
    for article in (item for data in scripts for item in _top_articles(data)):
        for key in ("headline", "name"):
            value = article.get(key)
            if isinstance(value, str) and value.strip():
                return " ".join(html.unescape(value).split())
    return ""


def _top_articles(data: Any) -> Iterator[dict[str, Any]]:
    """The article objects ``data`` states at its top, not those nested in another's fields."""
    return (item for item in top_objects(data) if _is_article(item))


def _is_article(data: dict[str, Any], kinds: frozenset[str] = ARTICLE_TYPES) -> bool:
    stated = data.get("@type")
    names = [stated] if isinstance(stated, str) else stated if isinstance(stated, list) else []
    # "schema:NewsArticle", "https://schema.org/NewsArticle": the name is the last part
    return any(isinstance(n, str) and re.split(r"[/:#]", n)[-1].casefold() in kinds for n in names)


def _addresses(data: dict[str, Any], base: str | None) -> set[str]:
    """The addresses an article object gives for itself, as keys (see _address_key)."""
    found = [data.get("url"), data.get("@id")]
    page = data.get("mainEntityOfPage")
    found += [page.get("@id"), page.get("url")] if isinstance(page, dict) else [page]
    return {_address_key(urljoin(base or "", f)) for f in found if isinstance(f, str) and f}


def _names_no_other(data: dict[str, Any], own: set[str], base: str | None) -> bool:
    """False when the object states a web address and none of its addresses is the page's."""
    stated = {key for key in _addresses(data, base) if key.startswith("//")}
    return not stated or bool(stated & own) or not own


def _address_key(address: str, query: bool = True) -> str:
    """An address without what does not tell pages apart: scheme, ``www.``, a trailing
    slash, the fragment (``#article`` of an article's ``@id``); without its query too
    unless ``query``."""
    parts = urlsplit(address.strip())
    if not parts.netloc:
        return address.strip()
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"//{host}{path}" + (f"?{parts.query}" if parts.query and query else "")


def page_titles(tree: Any) -> list[str]:
    """The page's headlines (its title, og:title, twitter:title, h1s) as :func:`headed`
    compares them."""
    title = tree.find(".//title")
    headlines = [title.text_content() if title is not None else "", *shown_headings(tree)]
    return [title_key(h) for h in headlines if title_key(h)]


def headed(
    data: dict[str, Any],
    titles: Sequence[str],
    keys: Sequence[str] = ("headline", "name", "alternativeHeadline"),
) -> bool:
    """Whether the object's headline (its ``keys``) is one of the page's ``titles``, or
    inside a branded title (a headline of _TITLE_WORDS words at least: "Live" is inside
    many a title)."""
    heads = [title_key(data.get(k)) for k in keys]
    return any(
        h and any(h == t or (h in t and len(h.split()) >= _TITLE_WORDS) for t in titles)
        for h in heads
    )


def title_key(value: object) -> str:
    """A headline as titles are compared: entities decoded, spaces single, casefolded."""
    return " ".join(html.unescape(value).split()).casefold() if isinstance(value, str) else ""


def _body_of(data: dict[str, Any]) -> str:
    """The article's body; a live blog's is its own and then its updates', in its order."""
    updates = data.get("liveBlogUpdate") if _is_article(data, _LIVE_BLOG) else None
    updates = updates if isinstance(updates, list) else [updates]
    parts = [_text_of(data), *(_text_of(u) for u in updates if isinstance(u, dict))]
    return "\n".join(part for part in parts if part)


def _text_of(data: dict[str, Any]) -> str:
    body = data.get("articleBody")
    if isinstance(body, list):  # some sites give one string per paragraph
        body = "\n".join(part for part in body if isinstance(part, str))
    return _whole_sentences(readable(body)) if isinstance(body, str) else ""


def _whole_sentences(body: str) -> str:
    """``body`` without the sentence its site cut short: a body that ends in an ellipsis
    after a word ("...engineers will...") ends at its last whole sentence or paragraph."""
    cut = _CUT.search(body)
    if cut is None:
        return body
    kept = body[: cut.start()]
    ends = [m.end() for m in SENTENCE_END.finditer(kept)] + [kept.rfind("\n")]
    return kept[: max(ends)].rstrip() if max(ends) > 0 else ""


def readable(body: str) -> str:
    """``body`` as lines of text: markup made text (its blocks each a line), entities
    decoded, one line per paragraph, white space inside a line made single spaces. Text
    that is not markup (see :func:`~summaries.plaintext.is_markup`) keeps the tags it
    names."""
    tagged = _TAG.search(body) is not None
    if not tagged:
        body = html.unescape(body)  # "&lt;p&gt;" as well: a body escaped once too often
    if _TAG.search(body) and is_markup(body):
        body = _markup_text(body)
    elif tagged:  # "use the <p> tag" is a text's words, and its entities its characters
        body = html.unescape(body)
    lines = (" ".join(line.split()) for line in body.splitlines())
    return "\n".join(line for line in lines if line)


def _markup_text(markup: str) -> str:
    from lxml.html import fragment_fromstring

    try:
        root = fragment_fromstring(markup, create_parent="div")
    except (ValueError, TypeError):  # lxml's ParserError is a ValueError
        return re.sub(r"<[^>]*>", " ", markup)
    return "".join(_pieces(root))


def _pieces(element: Any) -> Iterable[str]:
    """The text of ``element`` with a line break around each block and for each <br>."""
    tag = element.tag if isinstance(element.tag, str) else ""  # comments have no name
    if tag in DROPPED:
        return
    block = tag in _BLOCKS or tag == "br"
    if block:
        yield "\n"
    if tag:
        yield element.text or ""
        for child in element:
            yield from _pieces(child)
            yield child.tail or ""
    if block:
        yield "\n"


def _within(text: str, body: str) -> bool:
    """Whether the lines of ``text`` that ``body`` holds too (spacing, case and punctuation
    aside) make up SHARE of its letters and digits at least, judged on its first _SAMPLE
    (each line is looked for in the whole body: a live blog's thousands of lines, each
    looked for in megabytes, would take seconds)."""
    held = _letters(body)
    found = total = 0
    for line in map(_letters, text.splitlines()):
        total += len(line)
        found += len(line) if line and line in held else 0
        if total >= _SAMPLE:
            break
    return found >= SHARE * total


def _letters(text: str) -> str:
    """``text``'s letters and digits, casefolded, without spaces or punctuation."""
    return "".join(filter(str.isalnum, text.casefold()))
