"""The article's body from the data a Next.js or Nuxt page is drawn from.

A Next.js page sends the data its script draws the page from as JSON in ``<script
id="__NEXT_DATA__">`` (before Next.js 9, as a script's assignment ``__NEXT_DATA__ = {...};``),
a Nuxt 3 page in ``<script id="__NUXT_DATA__">`` (flattened: each list's items and each
object's fields are the indexes of their values in one list), a Nuxt 2 page (and many a
Vue or React page) as a script's JavaScript, ``window.__NUXT__ = ...``,
``window.__INITIAL_STATE__ = ...`` (:mod:`summaries.sources._script_state`). A site
that states no JSON-LD ``articleBody`` often holds its article's body only there, each CMS
in a shape of its own. :func:`page_data_body` finds it by a rule that holds for all of them:

- the article is the object whose ``headline``, ``title`` or ``headlines`` (a string, any
  string in an object: WordPress's ``title.rendered``, Arc XP's ``headlines.basic``, a
  title's languages; or rich text: Prismic's) is one of the page's (as
  :func:`~summaries.sources._ld_body.headed` tells), else the object whose ``name`` is
  the page's title or a headline it shows, word for word, or opens its branded title
  ("Name | Site": Storyblok names its story so; a name is no title elsewhere, so the
  site's own name, which ends a branded title, never counts, and an author or a section
  named so holds no body and is passed over), else
  the only object with a title and a body (a page that lists stories has many; one
  referred to from several places is one);
- its body is the fullest of the texts it holds: a string field (text, markup or Markdown,
  without its opening heading), or a list of blocks, each a line in its order (rich text as
  ``{type: "paragraph", content/children: [{text/value: ...}]}``, a block's markup in
  ``content``/``html``/``value``, an HTML tree's ``children`` and ``data``, and the fields
  of Arc XP's, WordPress's and Strapi's blocks), of _SENTENCES sentences at least: a teaser
  is not a body; of a text's versions keyed by language, only the page's language's (else
  the first) is read;
- an object inside the article with a title of its own (a related story, an embedded entry)
  is another's: it is neither read into the body nor a body, and a list of such only is a
  list of stories, never blocks, as is a list of objects each naming its author (comments);
  what an object states of its authors (a bio) is not read.

Work is capped: values _MAX_DEPTH levels deep at most, _MAX_VALUES visited to find the
article and as many, holding _MAX_CHARACTERS of text, to read its body (a page's data may be
megabytes, and a flattened one may refer to a value, a long text as well, from thousands of
places); a text cut short by the cap is no body.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import islice
from typing import Any

from summaries.limits import MAX_TEXT_CHARS
from summaries.markdown import markdown_article
from summaries.sources._json_ld import parsed
from summaries.sources._ld_body import (
    DROPPED,
    SENTENCE_END,
    headed,
    page_titles,
    readable,
    title_key,
)
from summaries.sources._script_state import page_states
from summaries.words import text_weight

_SCRIPT_IDS = ("__NEXT_DATA__", "__NUXT_DATA__")
# Next.js before version 9: "__NEXT_DATA__ = {...};" (or "window.__NEXT_DATA__ = ...");
# the name first, which the engine searches for as for a string (megabytes of scripts)
_ASSIGNMENT = re.compile(r"__NEXT_DATA__(?<![\w$]__NEXT_DATA__)\s*=\s*(?=\{)")
_DECODER = json.JSONDecoder(strict=False)
_BRAND = re.compile(r"\s+(?:[|\-\u2013\u2014\u00b7:]|::)\s+\S")  # " | Site", " - Site"
_TITLE_KEYS = ("headline", "title", "headlines")
# the fields a rich-text node keeps its text or its parts in (and Arc XP's lists and
# quotes, WordPress's blocks, Strapi's components)
_TEXT_KEYS = frozenset(
    "text value data content html children nodes body items content_elements attributes "
    "innerHTML innerBlocks".split()
)
_AUTHOR_KEYS = frozenset({"author", "authors"})
_TYPE_KEYS = ("type", "nodeType", "_type", "name", "component", "tag", "tagName")
# the nodes whose text no reader sees: an HTML tree's scripts, styles... and its comments
_UNSHOWN = DROPPED | {"comment"}
_RUNS = frozenset({"text", "span"})  # a node that is a run of a paragraph's text
_RUN_KEYS = ("text", "value", "data")  # the fields a run keeps its text in
_BREAKS = frozenset({"br", "linebreak", "hardbreak"})  # a line break inside a paragraph
_WRAPPERS = frozenset({"Reactive", "ShallowReactive", "Ref", "ShallowRef"})  # Nuxt's state
_SENTENCES = 3
# a Markdown link ("[words](address)"), heading ("## Words"), bold ("**Words**") or quote
# ("> Words"): a string written in Markdown (its list items are read as they are written,
# "- Words", and plain text has them too, its lines read as a paragraph if taken for it)
_MARKDOWN = re.compile(r"\]\([^)\s]+\)|^#{1,6} \S|\*\*\S|^> ?\S", re.M)
# a key that names a language: "en", "de-DE", "pt_BR"
_LANGUAGE_KEY = re.compile(r"[a-z]{2}(?:[-_][A-Za-z]{2,4})?\Z")
_MAX_DEPTH = 32
_MAX_VALUES = 200_000
_MAX_CHARACTERS = 4 * MAX_TEXT_CHARS  # read for a body: its lists are read again in parts


def page_data_body(tree: Any) -> str:
    """The body of the page's own article in its Next.js or Nuxt data (see the module),
    "" if none."""
    data = _page_data(tree)
    if data is None:
        return ""
    objects = list(_objects(data, _Budget(), 0))
    titled = [o for o in objects if _title(o)]
    titles = page_titles(tree)
    own = [o for o in titled if headed(heads := _titles(o), titles, list(heads))]
    reading = _Budget()  # its own: a search that used up its budget still reads the body
    language = _page_language(tree)
    if own:
        return max((_body(o, reading, language) for o in own), key=text_weight)
    named = (o for o in objects if _named(title_key(o.get("name")), titles))
    body = max((_body(o, reading, language) for o in named), key=text_weight, default="")
    if body:
        return body
    found = (body for o in titled if (body := _body(o, reading, language)))
    bodies = list(islice(found, 2))
    return bodies[0] if len(bodies) == 1 else ""  # two or more: stories, none the page's


class _Budget:
    """How many more values, and characters of their strings, may be read."""

    def __init__(self) -> None:
        self.values = _MAX_VALUES
        self.characters = _MAX_CHARACTERS

    def spend(self, data: Any = None) -> bool:
        """Whether ``data`` may be read (never once one may not)."""
        self.values -= 1
        self.characters -= len(data) if isinstance(data, str) else 0
        return not self.spent

    @property
    def spent(self) -> bool:
        return self.values < 0 or self.characters < 0


def _page_data(tree: Any) -> Any:
    """The page's Next.js or Nuxt data, else what its scripts assign to ``__NAME__``
    globals (read only when there is no such data: they may cost up to a second a page,
    see :mod:`~summaries.sources._script_state`), else None."""
    unnamed: list[str] = []
    for script in tree.iter("script"):
        name = script.get("id")
        if name in _SCRIPT_IDS:
            values = parsed(script.text or "")
            if not values:
                return None
            return _unflattened(values[0]) if name == "__NUXT_DATA__" else values[0]
        if name is None and (assigned := _assigned(script.text or "")) is not None:
            return assigned
        if name is None:
            unnamed.append(script.text or "")
    return page_states(unnamed) or None


def _assigned(code: str) -> Any:
    """The value a script of Next.js before version 9 assigns to ``__NEXT_DATA__`` (the
    JSON from ``=`` to its matching end; the code around it is not read), else None."""
    found = _ASSIGNMENT.search(code)
    if found is None:
        return None
    try:
        value, _ = _DECODER.raw_decode(code, found.end())
    except (ValueError, RecursionError):  # cut short, not JSON, or nested too deep
        return None
    return value if isinstance(value, dict) else None


def _unflattened(values: Any) -> Any:
    """Nuxt's flattened data as the objects it stands for (devalue's format: the root is
    the first value; ``["Reactive", 5]`` wraps value 5; dates, sets and maps are left out)."""
    if not isinstance(values, list):
        return None
    made: dict[int, Any] = {}

    def value(index: Any, depth: int) -> Any:
        if type(index) is not int or not 0 <= index < len(values) or depth > _MAX_DEPTH:
            return None  # negative: undefined, NaN and the like
        if index in made:
            return made[index]
        found = values[index]
        if isinstance(found, dict):
            made[index] = result = {}
            result.update((key, value(item, depth + 1)) for key, item in found.items())
            return result
        if isinstance(found, list) and found and isinstance(found[0], str):
            wrapped = found[0] in _WRAPPERS and len(found) == 2
            made[index] = value(found[1], depth + 1) if wrapped else None
            return made[index]
        if isinstance(found, list):
            made[index] = items = []
            items.extend(value(item, depth + 1) for item in found)
            return items
        return found

    return value(0, 0)


def _objects(
    data: Any, budget: _Budget, depth: int, seen: set[int] | None = None
) -> Iterator[dict[str, Any]]:
    """Every object in ``data`` once, outer ones first (flattened data may refer to one
    from several places, its own parts among them)."""
    seen = set() if seen is None else seen
    if depth > _MAX_DEPTH or id(data) in seen or not budget.spend():
        return
    if isinstance(data, dict):
        yield data
    items = data.values() if isinstance(data, dict) else data if isinstance(data, list) else ()
    if items:
        seen.add(id(data))
    for item in items:
        yield from _objects(item, budget, depth + 1, seen)


def _named(name: str, titles: list[str]) -> bool:
    """Whether ``name`` (a title key) is one of ``titles`` or opens one before a separator
    of its site's name ("Name | Site", "Name - Site")."""
    return bool(name) and any(
        name == t or (t.startswith(name) and _BRAND.match(t, len(name))) for t in titles
    )


def _title(data: Any) -> str:
    if not isinstance(data, dict) or data.keys().isdisjoint(_TITLE_KEYS):
        return ""
    return next(iter(_titles(data).values()), "")


def _titles(data: dict[str, Any]) -> dict[str, str]:
    """The titles the object states, by where: a title key's string, each string in an
    object there (WordPress's ``title.rendered``, Arc XP's ``headlines.basic``, a title's
    versions in several languages), or the text of rich text there (Prismic's blocks)."""
    found = {}
    for key in _TITLE_KEYS:
        value = data.get(key)
        if isinstance(value, list):
            blocks = (block for block in value if isinstance(block, dict))
            value = " ".join(t for block in blocks if isinstance(t := block.get("text"), str))
        stated = value.items() if isinstance(value, dict) else [("", value)]
        found.update((f"{key}.{k}", v) for k, v in stated if isinstance(v, str) and v.strip())
    return found


def _page_language(tree: Any) -> str:
    """The page's language as its ``<html lang>`` states it, its primary part: "en"."""
    return _primary(tree.getroottree().getroot().get("lang") or "")


def _primary(tag: str) -> str:
    """A language tag's language: "en" for "en-GB"."""
    return re.split(r"[-_]", tag.strip().casefold())[0]


def _in_language(data: dict[str, Any], language: str) -> dict[str, Any]:
    """``data``, or when it holds one text's versions keyed by language ("en", "de-DE"),
    only the version in ``language`` (else the first: a CMS's default language)."""
    kinds = {type(value) for value in data.values()}
    if len(data) < 2 or len(kinds) > 1 or not all(map(_LANGUAGE_KEY.match, data)):
        return data
    key = next((k for k in data if _primary(k) == language), None)
    return {key: data[key]} if key else dict([next(iter(data.items()))])


def _body(article: dict[str, Any], budget: _Budget, language: str) -> str:
    """The fullest text of _SENTENCES sentences ``article`` holds, outside the titled
    objects inside it."""
    found = list(_texts(article, budget, language, 0, top=True))
    return max(found, key=text_weight, default="")


def _texts(
    data: Any, budget: _Budget, language: str, depth: int, top: bool = False
) -> Iterator[str]:
    """The candidate bodies in ``data``: its strings and lists of blocks with enough
    sentences; a list that is one is not looked into (its parts are in it)."""
    if depth > _MAX_DEPTH or not budget.spend(data):
        return
    if isinstance(data, str):
        text = readable(_unmarked(data)[1])  # a whole text's opening heading is its title
        if len(SENTENCE_END.findall(text)) >= _SENTENCES:
            yield text
    elif isinstance(data, dict) and (top or not _title(data)):
        for key, field in _in_language(data, language).items():
            if key not in _TITLE_KEYS and key not in _AUTHOR_KEYS:  # a bio is no body
                yield from _texts(field, budget, language, depth + 1)
    elif isinstance(data, list) and not _is_others(data):
        text = readable("\n".join("".join(_pieces(item, budget, depth + 1)) for item in data))
        if budget.spent:  # the text is cut short, and no part is left to read
            return
        if len(SENTENCE_END.findall(text)) >= _SENTENCES:
            yield text
            return
        for item in data:
            yield from _texts(item, budget, language, depth + 1)


def _unmarked(text: str) -> tuple[str, str]:
    """A string's opening heading and its text, its Markdown read if it is written in it."""
    return markdown_article(text) if _MARKDOWN.search(text) else ("", text)


def _is_others(items: list[Any]) -> bool:
    """Whether ``items`` is a list of others' texts: objects, each with a title (stories)
    or an author (comments, reviews). A body's list of blocks may hold one such, a video
    or an embedded entry, among its paragraphs; its blocks name no author."""
    objects = [item for item in items if isinstance(item, dict)]
    return bool(objects) and all(_title(item) or _AUTHOR_KEYS & item.keys() for item in objects)


def _pieces(data: Any, budget: _Budget, depth: int) -> Iterator[str]:
    """The text of one block: a node's is its fullest text field's (a block may state its
    text twice, plain and as markup), a line break's a line's end; a list of runs (strings,
    text or span nodes) is a paragraph's text, run together; any other list is of blocks,
    a line each."""
    if depth > _MAX_DEPTH or not budget.spend(data):
        return
    if isinstance(data, str):
        yield "\n".join(filter(None, _unmarked(data)))
    elif isinstance(data, dict) and _kinds(data) & _BREAKS:
        yield "\n"
    elif isinstance(data, dict) and not _title(data) and not _kinds(data) & _UNSHOWN:
        fields = (field for key, field in data.items() if key in _TEXT_KEYS)
        texts = ("".join(_pieces(field, budget, depth + 1)) for field in fields)
        yield max(texts, key=text_weight, default="")
    elif isinstance(data, list):
        line = "" if any(_is_run(item) for item in data) else "\n"
        for item in data:
            yield line
            yield from _pieces(item, budget, depth + 1)
        yield line


def _kinds(data: dict[str, Any]) -> set[str]:
    """What a node says it is (``type``, ``nodeType``, an HTML tree's tag ``name`` or
    ``tagName``...), a kind named with its plugin's name ("core/button") also without it."""
    kinds = {v.casefold() for k in _TYPE_KEYS if isinstance(v := data.get(k), str)}
    return kinds | {kind.rpartition("/")[2] for kind in kinds}


def _is_run(item: Any) -> bool:
    """Whether ``item`` is a run of a paragraph's text: a string, or an untyped, text or
    span node whose text is a string in a run's field (Arc XP's paragraphs are text nodes
    too, their text in ``content``) and that has no parts."""
    if isinstance(item, str):
        return True
    if not isinstance(item, dict) or not _kinds(item) <= _RUNS:
        return False
    parts = any(isinstance(item[k], list) for k in _TEXT_KEYS & item.keys())
    return any(isinstance(item.get(k), str) for k in _RUN_KEYS) and not parts
