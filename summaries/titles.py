"""Headlines as a reader should see them: without the outlet's name, and only real ones.

Sites brand their titles: "Port reopens after attack | Gulf Herald", "LinkNaija | Nigeria's
popular news platform: ...". Kept, the brand is what the digest shows first, and story
grouping sees every headline of one outlet share words (the headline counts twice in a
fingerprint). A title is split into segments at separators (" | ", " - ", " – ", " · ",
" » ", "::" ...; ": " too, where the segment before it is the outlet's); a segment at
either end is dropped when it

- names the outlet: equal to one of its names (site name, feed title, host), made of
  words of that name, or that name with one more word ("The Beachbody Blog" for
  "Beachbody"); or
- repeats at the same end across the outlet's titles (a feed's entries): in at least
  half of them (and two); a prefix before ": " only when every title has it, since
  "Brexit: ..." twice is news, not a brand.

The last segment left always stays: "Gulf Herald wins award - Gulf Herald" keeps its
headline. A title that is nothing but the outlet's name is :func:`is_site_only`, and the
caller looks for the headline elsewhere (a page's og:title or h1).

:func:`looks_like_headline` decides whether a line of plain text is a headline (short, no
sentence end, not a menu label); :func:`title_from_text` makes one from an article's
first sentence when its file has none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from summaries.sentences import SCRIPT_FULL_STOPS, SENTENCE_ENDS, split_sentences
from summaries.words import ALNUM, marks_in, word_pattern

__all__ = [
    "HEADLINE_WORDS",
    "is_site_only",
    "looks_like_headline",
    "site_free_titles",
    "site_names",
    "strip_outlet",
    "strip_site",
    "title_from_text",
]

HEADLINE_WORDS = 20  # a headline is at most this long; a title made from text is cut to it
_EXTRA_WORDS = 1  # a word a branded segment may add to the outlet's name ("Blog", "News")

# Separators between a headline and its branding; a hyphen or dash needs spaces around it
# ("Coca-Cola" is one word), a bar does not. Group 1 marks the weak one, ": ".
_SEPARATOR = re.compile(r"\s+(?:[|¦‖•·»«‹›~/]|[-–—]{1,2}|::)\s+|\s*\|\s*|(:)\s+")
_FILLER = frozenset({"the", "www"})
# Navigation that opens a scraped page (a menu, a button, a header), never a headline.
_MENU_LABELS = frozenset(
    {
        "home", "menu", "main menu", "navigation", "search", "skip to content",
        "skip to main content", "skip navigation", "sign in", "log in", "login", "register",
        "subscribe", "subscribe now", "share", "share this", "advertisement", "advertising",
        "sponsored", "close", "back", "back to top", "top news", "latest news",
        "breaking news", "more", "follow us", "contact us", "about us",
    }
)  # fmt: skip
_CRUMB = re.compile(r"\s*(?:[|¦•·»>/]|›)\s*")
_SENTENCE_END = (".", "…", ":", ";", ",")
_NO_SENTENCE_MARK = re.compile(f"[^{re.escape(SENTENCE_ENDS)}]*")


def site_names(*names: str | None) -> tuple[str, ...]:
    """The names an outlet goes by, from what is known of it (site names, feed titles,
    hosts): a host also gives its labels ("news.harbour-daily.example" gives
    "harbour-daily" and "news"), since titles brand with the name, not the address."""
    found: dict[str, None] = {}
    for name in names:
        if not name or not name.strip():
            continue
        name = name.strip()
        found[name] = None
        if " " not in name and "." in name and not name.replace(".", "").isdigit():  # a host
            labels = name.lower().removeprefix("www.").split(".")
            for label in labels[:-1]:
                if len(label) >= 3:
                    found[label] = None
    return tuple(found)


def strip_site(title: str, names: Iterable[str]) -> str:
    """``title`` without segments at its ends that name the outlet (see the module)."""
    return site_free_titles([title], names, repeated=False)[0]


def is_site_only(title: str, names: Iterable[str]) -> bool:
    """Whether every segment of ``title`` names the outlet (or it is empty): a page's or
    a feed's own title, not an article's headline."""
    keys = _name_keys(names)
    segments = _segments(title)
    return not segments or bool(keys) and all(_names_outlet(s.text, keys) for s in segments)


def site_free_titles(
    titles: Sequence[str], names: Iterable[str] = (), *, repeated: bool = True
) -> list[str]:
    """The titles of one outlet without its name and (with ``repeated``) without the
    segments they repeat at one end (see the module); each keeps at least one segment."""
    keys = _name_keys(names)
    texts = [" ".join(title.split()) for title in titles]
    kept = []
    for text in texts:
        segments = _without_last(_segments(text), keys)
        while len(segments) > 1 and _names_outlet(segments[0].text, keys):
            segments.pop(0)
        kept.append(segments)
    while repeated and _drop_repeated(kept, len(texts)):
        pass
    return [_joined(text, segments) for text, segments in zip(texts, kept, strict=True)]


def strip_outlet(title: str, names: Iterable[str]) -> str:
    """An aggregator's ``title`` without the outlet it credits the item to (RSS
    ``<source>``): the segments at its end that name the outlet, where aggregators put it
    ("Port reopens - Gulf Herald"), and the first segment only when it is one of the
    outlet's names ("Real Python: How to read a feed"). A headline that begins with words
    of the name is about them: "New York: fares rise - The New York Times" keeps "New
    York", "Apple: sales slump - Apple Insider" keeps "Apple"."""
    keys = _name_keys(names)
    text = " ".join(title.split())
    segments = _without_last(_segments(text), keys)
    if len(segments) > 1 and _key(segments[0].text) in {name for name, _ in keys}:
        segments.pop(0)
    return _joined(text, segments)


def _without_last(
    segments: list[_Segment], keys: list[tuple[str, frozenset[str]]]
) -> list[_Segment]:
    """``segments`` without those at the end that name the outlet (one always stays)."""
    while len(segments) > 1 and _names_outlet(segments[-1].text, keys):
        segments.pop()
    return segments


def _joined(text: str, segments: list[_Segment]) -> str:
    """The part of ``text`` from its first kept segment to its last."""
    return text[segments[0].start : segments[-1].end] if segments else text


def looks_like_headline(line: str) -> bool:
    """Whether a line reads as a headline: at most ``HEADLINE_WORDS`` words, more than one
    (or a script written without spaces), no sentence end (a full stop, an ellipsis, a
    colon) or second sentence, and not a menu label or a breadcrumb ("News / World")."""
    text = " ".join(line.split())
    words = text.split()
    if not words or len(words) > HEADLINE_WORDS or len(text) > 200:
        return False
    if len(words) == 1 and (text.isascii() or len(text) < 4):
        return False  # "Menu", "e-magazine": a label
    if text.endswith(_SENTENCE_END) or _second_sentence(text):
        return False
    if text.casefold().strip("!?» ") in _MENU_LABELS:
        return False
    crumbs = [c for c in _CRUMB.split(text) if c]
    return not (len(crumbs) > 1 and all(len(c.split()) <= 3 for c in crumbs))


def _second_sentence(text: str) -> bool:
    """Whether punctuation ends a sentence inside ``text``. (Thai and Lao set a headline's
    clauses apart with a space, which split_sentences reads as a sentence end, as it is in
    their body text: a headline of two such clauses is still one line of no sentence.)"""
    return not _NO_SENTENCE_MARK.fullmatch(text) and len(split_sentences(text)) > 1


def title_from_text(text: str) -> str:
    """A headline made from an article's text: the first sentence of its first line that
    reads as prose, without its full stop and cut to ``HEADLINE_WORDS`` words.

    Prose is a line of six words or more that ends a sentence, else the first of twelve
    words or more: menus, labels and bylines above the article are passed over.
    """
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    ended = (line for line in lines if len(line.split()) >= 6 and _ends_sentence(line))
    long = (line for line in lines if len(line.split()) >= 12)
    prose = next(ended, None) or next(long, None) or (lines[0] if lines else "")
    first = (split_sentences(prose) or [prose])[0].strip()
    words = first.split()
    if len(words) > HEADLINE_WORDS:
        return " ".join(words[:HEADLINE_WORDS]).rstrip(",;:") + "\u2026"
    return first if first.endswith("...") else first.rstrip(".:;, " + SCRIPT_FULL_STOPS)


def _ends_sentence(line: str) -> bool:
    end = line.rstrip("\"'”’)")[-1:]
    return bool(end) and end in SENTENCE_ENDS


@dataclass(frozen=True, slots=True)
class _Segment:
    text: str
    start: int  # where it starts and ends in the title
    end: int
    weak_before: bool  # the separator before it is ": "
    weak_after: bool


def _segments(text: str) -> list[_Segment]:
    """The segments of a whitespace-normalized title, with their places and separators."""
    found: list[_Segment] = []
    position, weak_before = 0, False
    for match in [*_SEPARATOR.finditer(text), None]:
        finish = match.start() if match else len(text)
        weak_after = bool(match and match.group(1))
        piece = text[position:finish]
        if piece.strip():
            begin = position + len(piece) - len(piece.lstrip())
            found.append(
                _Segment(piece.strip(), begin, begin + len(piece.strip()), weak_before, weak_after)
            )
        if match:
            position, weak_before = match.end(), weak_after
    return found


def _drop_repeated(kept: list[list[_Segment]], titles: int) -> bool:
    """Drop the end segments that at least half of the ``titles`` (and two) share: a prefix
    before ": " only when every title (and three or more) has it. True if any went."""
    needed = max(2, (titles + 1) // 2)
    firsts = Counter(_key(s[0].text) for s in kept if len(s) > 1)
    lasts = Counter(_key(s[-1].text) for s in kept if len(s) > 1 and not s[-1].weak_before)
    dropped = False
    for segments in kept:
        if (
            len(segments) > 1
            and not segments[-1].weak_before
            and lasts[_key(segments[-1].text)] >= needed
        ):
            segments.pop()
            dropped = True
        if len(segments) > 1:
            count = firsts[_key(segments[0].text)]
            if count >= (max(3, titles) if segments[0].weak_after else needed):
                segments.pop(0)
                dropped = True
    return dropped


def _words(text: str) -> list[str]:
    """The words of ``text`` (letters and digits, with the combining marks inside a word)."""
    folded = text.casefold()
    words = word_pattern(ALNUM, marks_in(folded)).findall(folded)
    return [w for w in words if w not in _FILLER]


def _key(text: str) -> str:
    return "".join(_words(text))


def _name_keys(names: Iterable[str]) -> list[tuple[str, frozenset[str]]]:
    """Each name as (its letters and digits run together, its set of words)."""
    keys = []
    for name in names:
        words = _words(name)
        if words:
            keys.append((_key(name), frozenset(words)))
    return keys


def _names_outlet(segment: str, keys: list[tuple[str, frozenset[str]]]) -> bool:
    words = frozenset(_words(segment))
    joined = _key(segment)
    if not joined:
        return False
    for name, name_words in keys:
        # a part of the name counts when it is most of it ("Guardian" for "The Guardian"),
        # not one word of a longer name ("Brennport" for "Le Courrier de Brennport")
        if joined == name or (words <= name_words and 2 * len(words) >= len(name_words)):
            return True
        if name_words <= words and len(words - name_words) <= _EXTRA_WORDS:
            return True
        if len(name) >= 4 and name in joined and len(words) <= len(name_words) + _EXTRA_WORDS:
            return True  # "LinkNaija News" for the host label "linknaija"
    return False
