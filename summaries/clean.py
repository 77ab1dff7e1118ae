"""Turn the plain text of a scraped page into its article body.

The output is paragraphs separated by one blank line, each paragraph on one line.
Boilerplate (navigation, share buttons, bylines, captions, link lists, footers) is
dropped by general rules about a line's shape: its length, whether it ends a sentence,
its share of stop words and Title-Case words, bullets, pipes, credit and date patterns,
repetition on the page and position relative to the body. No rule names a site's strings.

Everything is linear in the input size: regexes only look at bounded slices or have no
nested quantifiers, and the repeated-phrase check looks back a bounded number of words.
A paragraph's word statistics come from its first 3,000 characters and repeated phrases
are looked for in its first 10,000 words, so one huge line stays fast too. Callers should
still cap the input size (about 10 MB/s here); nothing else is cut.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from enum import Enum
from itertools import groupby, pairwise

__all__ = ["clean_text", "looks_like_text"]

_NEWLINES = ("\r\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029")
_CONTROL = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]"
)
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_PRINTABLE_ASCII = bytes([10, *range(32, 127)])  # and the newline
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# All other bytes than the UTF-8 lead bytes of U+3000-U+DFFF, which hold all of _CJK.
_NOT_CJK_LEAD = bytes(c for c in range(256) if not 0xE3 <= c <= 0xED)

# A small stop-word list: mostly English, plus the commonest German, Spanish and French
# function words. It is one signal among several; long sentence-like lines never need it.
_STOP = frozenset(
    """a an the and or but of to in on at by for with from as is are was were be been has
    have had it its this that these those he she they we i you his her their our not no
    said says will would can could after before about into over than then there which who
    what when where while also more some all one two
    der die das und ist nicht mit von zu den ein eine im auf für sich dem des es sie er wir
    el la los las de que y en un una por con para se del al lo su
    le les et est du au une pas qui dans sur pour il elle""".split()
)
_MONTHS = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec january february march april may
    june july august september october november december""".split()
)
_UI_WORDS = frozenset(
    """subscribe subscribed subscription newsletter newsletters inbox click tap cookie
    cookies login signup unsubscribe advertisement app browser javascript
    podcast email comment comments""".split()
)
_READER = frozenset("you your yours our us".split())

_CLOSERS = "\"'”’»)]*"
_ENDERS = ".!?…。！？"
_PUNCT = ".,;:!?\"'“”‘’«»()[]{}|*"
_BULLET = re.compile(r"(?:[-–—•·*▪►»›]|>>)")
_BULLET_FIRST = "-–—•·*▪►»›>"  # only a line starting so can match _BULLET: a cheap test first
_DATE_NUM = re.compile(r"\d{1,4}(?:st|nd|rd|th)?(?:[-/.:]\d{1,4})*")
_TIME_WORDS = frozenset("am pm gmt utc bst cet cest est edt pst pdt".split())
_DATE_WORDS = _MONTHS | _TIME_WORDS
_LABEL = re.compile(r"(?:^|[\s|(])[A-Z][A-Za-z]{2,15}:")
_BYLINE = re.compile(r"(?:by|von|por|par)\s+[A-Z]", re.IGNORECASE)
_CREDIT_HEAD = re.compile(r"(?:photo|image|picture|credit)s?\s*[:/]", re.IGNORECASE)
_CREDIT_HEAD_FIRST = "PpIiCcİı"  # what _CREDIT_HEAD can match first: a cheap test before it
_CREDIT_TAIL = re.compile(
    r"(?:[(\[][^()\[\]]{0,60}\b(?:photos?|photograph|image|picture|pic|credit|file)\b"
    r"[^()\[\]]{0,60}[)\]]"
    r"|\b(?:photo(?:graph)?|image|picture|credit|courtesy)s?\s*(?:by|:|/|of)\s*[^.!?]{1,60})"
    r"\s*$",
    re.IGNORECASE,
)
# Each byte of UTF-8 text by letter case: a-z as "a", A-Z as "A", any other byte ".".
_CASE_SHAPE = bytes(97 if 97 <= c <= 122 else 65 if 65 <= c <= 90 else 46 for c in range(256))
_NOT_ASCII_UPPER = bytes(c for c in range(256) if not 65 <= c <= 90)
_TAIL = 160  # credit patterns are only looked for in a line's last characters
_SAMPLE = 3000  # word statistics of a paragraph are estimated from its first characters
_TOKEN = re.compile(r"\w+")
# For ASCII text, the same tokens faster: bytes that are not \w become spaces, then split.
_ASCII_NON_WORD = bytes(c if c < 128 and _TOKEN.match(chr(c)) else 32 for c in range(256))
_CREDIT_WORDS = ("photo", "image", "picture", "pic", "credit", "courtesy", "file")
_CHECKED_WORDS = 10_000  # repeated phrases are looked for in a paragraph's first words only


class _Kind(Enum):
    DROP = 0
    STRONG = 1  # a full sentence of a reasonable length: certainly body text
    WEAK = 2  # a short sentence: body text only between or right next to strong paragraphs
    MAYBE = 3  # a long unpunctuated line: body text only between strong paragraphs


# The members as module names: looking one up on the Enum class costs ten times as much.
_DROP, _STRONG, _WEAK, _MAYBE = _Kind.DROP, _Kind.STRONG, _Kind.WEAK, _Kind.MAYBE

# A paragraph, its kind, how many source lines it was made of and its size (_size).
_Piece = tuple[str, _Kind, int, int]


def looks_like_text(raw: str, sample: int = 200_000) -> bool:
    """False when `raw` looks like binary data decoded as text.

    Looks at the first `sample` characters: more than 5% control characters, NULs or
    U+FFFD replacement characters means binary. Empty input counts as text (it holds
    nothing binary); callers report emptiness separately.
    """
    head = raw[:sample]
    if not head:
        return True
    bad = len(head) - len(_BINARY.sub("", head))
    return bad <= 0.05 * len(head)


def clean_text(raw: str, title: str | None = None) -> str:
    """Return the article body of `raw`: paragraphs joined by blank lines, or ""."""
    text = unicodedata.normalize("NFC", raw)
    for newline in _NEWLINES:
        text = text.replace(newline, "\n")
    lines = _drop_repeats_and_title(_lines(text), title)
    pieces: list[_Piece] = []
    for block in _blocks(lines):
        pieces.extend(_classify_block(block))
    return "\n\n".join(_by_position(pieces))


def _classify_block(block: list[str]) -> list[_Piece]:
    """Join a block's wrapped lines into paragraphs, classify them, collapse repeats."""
    joined, counts, ends = _join_wrapped(block)
    sizes = [_size(p) for p in joined]
    kinds = _drop_link_runs(sizes, ends, list(map(_classify, joined, sizes, ends)))
    for i, kind in enumerate(kinds):
        if kind is _DROP or sizes[i] < 6:  # a repeated phrase takes 6+ words
            continue
        if (collapsed := _collapse_repeats(joined[i])) != joined[i]:
            sizes[i] = _size(collapsed)  # it may now be shorter
            kind = _classify(collapsed, sizes[i], _ends_sentence(collapsed))
            joined[i], kinds[i] = collapsed, kind
    return list(zip(joined, kinds, counts, sizes, strict=True))


def _lines(text: str) -> list[str]:
    """The lines of `text` without control characters, whitespace runs made one space.

    The common case takes a few passes over the whole text instead of one per line: when
    the only characters that are not printable are newlines, tabs and no-break spaces,
    there is nothing to remove and only spaces to collapse (the one printable whitespace
    character is the space).
    """
    flat = text.replace("\t", " ").replace("\xa0", " ")
    if not _printable_but_newlines(flat):
        return [" ".join(line.split()) for line in _CONTROL.sub("", text).split("\n")]
    while "  " in flat:
        flat = flat.replace("  ", " ")
    return [line.strip(" ") for line in flat.split("\n")]


def _printable_but_newlines(text: str) -> bool:
    """Whether all characters of `text` but newlines are printable (str.isprintable).

    Printable ASCII and newlines are deleted from the UTF-8 form first, so only the rest
    (typically a few quotes and dashes) gets the slower character-by-character check.
    """
    rest = text.encode("utf-8", "surrogatepass").translate(None, _PRINTABLE_ASCII)
    return rest.decode("utf-8", "surrogatepass").isprintable()


def _by_position(pieces: list[_Piece]) -> list[str]:
    """Keep strong paragraphs, and weaker ones between them or right next to them.

    Runs of 3+ dropped lines (menus, link lists) split the page into segments. A segment
    after the one with the most text keeps its text only if it has 2+ strong paragraphs or
    one of 20+ words: a lone sentence among footer links is not the article. (Before it, a
    lone paragraph is more likely the lead, above a photo block, and stays.)
    """
    kinds = [kind for _, kind, _, _ in pieces]
    sizes = [size if kind is _STRONG else 0 for _, kind, _, size in pieces]
    segments = list(pairwise([*_segment_starts(pieces), len(pieces)]))  # (start, end) pairs
    totals = [sum(sizes[a:b]) for a, b in segments]
    main = totals.index(max(totals))  # the first segment with the most strong text
    for a, b in segments[main + 1 :]:
        strong = [size for size in sizes[a:b] if size]
        if len(strong) < 2 and max(strong, default=0) < 20:
            kinds[a:b] = [_DROP] * (b - a)
    if _STRONG not in kinds:  # a tiny text (a feed entry): keep its plain sentences, if any
        return [p for p, kind, _, size in pieces if kind is _WEAK and size >= 4]
    first, last = kinds.index(_STRONG), len(kinds) - 1 - kinds[::-1].index(_STRONG)
    while first > 0 and kinds[first - 1] is _WEAK:
        first -= 1
    while last + 1 < len(kinds) and kinds[last + 1] is _WEAK:
        last += 1
    kept = zip(pieces[first : last + 1], kinds[first : last + 1], strict=True)
    return [p for (p, _, _, _), kind in kept if kind is not _DROP]


def _segment_starts(pieces: list[_Piece]) -> list[int]:
    """Where segments start: at 0, and where a run of dropped pieces reaches 3 source lines."""
    starts = [0]
    dropped = 0  # source lines in the current run of dropped pieces
    for i, (_, kind, lines, _) in enumerate(pieces):
        if kind is not _DROP:
            dropped = 0
            continue
        dropped += lines
        if dropped - lines < 3 <= dropped:
            starts.append(i)  # this run of furniture ends the segment
    return starts


def _drop_repeats_and_title(lines: list[str], title: str | None) -> list[str]:
    """Blank out the headline and repeated lines (menus, "Latest" headers, pull quotes).

    A short line seen twice is page furniture and goes entirely; a long one keeps its first
    copy. Blanked lines become paragraph breaks, so they never glue neighbours together.
    """
    title_key = " ".join(unicodedata.normalize("NFC", title).casefold().split()) if title else ""
    # Lines are already whitespace-collapsed; lower() is casefold() for ASCII, only faster.
    keys = [line.lower() if line.isascii() else line.casefold() for line in lines]
    counts = Counter(keys)
    unique = len(counts) - ("" in counts) == len(keys) - counts[""]  # among non-blank lines
    if unique and (not title_key or title_key not in counts):
        return lines  # no line repeats and none is the title: nothing to blank
    seen: set[str] = set()
    out = []
    for line, key in zip(lines, keys, strict=True):
        if not key or key == title_key or key in seen:
            out.append("")
        elif counts[key] > 1 and len(line.split()) < 10:
            out.append("")
        else:
            if counts[key] > 1:
                seen.add(key)
            out.append(line)
    return out


def _blocks(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines."""
    return [list(run) for filled, run in groupby(lines, key=bool) if filled]


def _join_wrapped(block: list[str]) -> tuple[list[str], list[int], list[bool]]:
    """Join hard-wrapped lines (a line that does not end a sentence, and the next one).

    Returns the paragraphs, how many lines each was made of and whether each ends a
    sentence (as its last line does: a line of closing quotes alone ends nothing either).
    """
    line_ends = list(map(_ends_sentence, block))
    if all(line_ends[:-1]):  # no line can continue: the common case
        return block, [1] * len(block), line_ends
    width = max(map(len, block))
    parts, counts, ends = [[block[0]]], [1], [line_ends[0]]
    for i in range(1, len(block)):
        prev, line = block[i - 1], block[i]
        if line_ends[i - 1] or not _continues(prev, line, width):
            parts.append([line])
            counts.append(1)
            ends.append(line_ends[i])
            continue
        counts[-1] += 1
        ends[-1] = line_ends[i]
        if prev[-1] == "-" and prev[-2:-1].isalpha() and line[0].islower():
            parts[-1].append(line)  # a word split at a hyphen: "well-" + "known"
        else:
            parts[-1] += (" ", line)
    return ["".join(p) for p in parts], counts, ends


def _continues(prev: str, line: str, width: int) -> bool:
    """Whether `line` continues `prev`, a line that does not end a sentence."""
    if prev[-1] in ":|" or (line[0] in _BULLET_FIRST and _BULLET.match(line)):
        return False
    if line[0].islower():
        return True
    # Wrapped text fills its lines; a short line before a capital ends a heading or item.
    return width <= 150 and len(prev) >= 0.7 * width


def _ends_sentence(text: str) -> bool:
    """Whether `text` ends with sentence punctuation, maybe followed by closing quotes."""
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _ENDERS


def _size(text: str) -> int:
    """Word count (of a whitespace-collapsed line), CJK counted as a word per 2 characters."""
    cjk = 0 if text.isascii() else _cjk_count(text)
    return text.count(" ") + 1 + cjk // 2


def _cjk_count(text: str) -> int:
    """How many characters of `text` _CJK matches, looked for only if UTF-8 could hold one."""
    if not text.encode("utf-8", "surrogatepass").translate(None, _NOT_CJK_LEAD):
        return 0
    return len(_CJK.findall(text))


def _classify(text: str, size: int, ends: bool) -> _Kind:
    """Sort one paragraph of `size` words (see _size) that `ends` a sentence or not."""
    if len(text) > 50 * size:  # words of 50+ characters on average: code, data, garbage
        return _DROP
    if _is_furniture(text, size, ends):
        return _DROP
    tokens = None  # lowercase word tokens, needed by short lines only
    if size <= 30:  # so len(text) <= 1,500: its sample is all of it
        low = text.lower()
        if size <= 15:
            tokens = _tokens(low)
            if _is_short_furniture(text, size, ends, tokens):
                return _DROP
        credit = text[0] in _CREDIT_HEAD_FIRST and _CREDIT_HEAD.match(text)
        if credit or _is_copyright(text, low) or _is_call_to_action(low, tokens):
            return _DROP
    return _by_shape(text, size, ends, tokens)


def _by_shape(text: str, size: int, ends: bool, tokens: list[str] | None) -> _Kind:
    """The kind of a paragraph that is not boilerplate: by its length, end and stop words.

    The stop-word share is only computed when the length alone does not decide.
    """
    if text[-1] == ":":  # introduces a quote: keep a full sentence, drop a speaker label
        return _STRONG if size >= 15 and _stop_share(text, tokens) >= 0.1 else _DROP
    if ends:  # long lines need no English
        if size >= 10 or (size >= 8 and _stop_share(text, tokens) >= 0.1):
            return _STRONG
        if size >= 6 or (size >= 3 and _stop_share(text, tokens) > 0):
            return _WEAK
        return _DROP
    if size >= 16 or (size >= 10 and _stop_share(text, tokens) >= 0.2):
        return _MAYBE
    return _DROP


def _tokens(low: str) -> list[str]:
    """The words of `low` as `_TOKEN` finds them."""
    if not low.isascii():
        return _TOKEN.findall(low)
    return low.encode("ascii").translate(_ASCII_NON_WORD).decode("ascii").split()


def _stop_share(text: str, tokens: list[str] | None) -> float:
    """Stop words per word in the first `_SAMPLE` characters (`tokens`: theirs, if known)."""
    sample = text[:_SAMPLE]
    if tokens is None:
        tokens = _tokens(sample.lower())
    return sum(map(_STOP.__contains__, tokens)) / (sample.count(" ") + 1)


def _is_furniture(text: str, size: int, ends: bool) -> bool:
    """Boilerplate of any length: link-list items, menus, captions with a credit, mojibake."""
    if "|" in text and (text[-1] == "|" or text.count("|") >= 2):
        return True  # pipe-separated menus and bylines
    if text[0] in _BULLET_FIRST and _BULLET.match(text) and not (size >= 12 and ends):
        return True  # link lists: "- Headline", "· Section", ">> More"
    if text[-1] not in ".!?" and _has_credit(text[-_TAIL:]):  # (no credit ends so)
        return True
    return "\ufffd" in text and text.count("\ufffd") * 10 > len(text)


def _is_short_furniture(text: str, size: int, ends: bool, tokens: list[str]) -> bool:
    """Boilerplate of 15 words or fewer; `tokens` are the words of its lowercase form."""
    words = text.split(" ")  # 15 words or fewer: word-level rules see all of them
    if _is_dateline(text, words, tokens) or (not ends and _has_glued_words(text)):
        return True  # bylines, date lines, UI words glued together ("Video PlayerClose")
    return size <= 12 and _is_title_case(text, words)  # headlines, even with a "?"


def _has_credit(tail: str) -> bool:
    """A caption's credit at the end: "(Photo: Reuters)", "[Photo/Xinhua]", "Photo by X"."""
    low = tail.lower()
    return any(word in low for word in _CREDIT_WORDS) and bool(_CREDIT_TAIL.search(tail))


def _is_copyright(text: str, low: str) -> bool:
    """A copyright line; `low` is text.lower()."""
    return (
        "©" in text
        or low.startswith(("copyright", "(c)"))
        or ("reserved" in low and ("rights reserved" in low or "right reserved" in low))
    )


def _is_call_to_action(low: str, tokens: list[str] | None) -> bool:
    """A short line that addresses the reader about the site: newsletters, apps, cookies.

    `low` is the lowercase line and `tokens` its tokens, or None if not made yet: then they
    are made only if `low` holds "you", "our" or "us" (a word of _READER) at all.
    """
    if tokens is None:
        if "us" not in low and "you" not in low and "our" not in low:
            return False
        tokens = _tokens(low)
    return not _UI_WORDS.isdisjoint(tokens) and not _READER.isdisjoint(tokens)


def _is_dateline(text: str, words: list[str], tokens: list[str]) -> bool:
    """Bylines and date lines: "By A B", "Updated: 2014-11-20 07:00", "(Agency May 9, 2013)".

    `words` are the line's words and `tokens` those of its lowercase form (see _tokens).
    """
    if _BYLINE.match(text) and len(words) >= 3 and words[2][:1].isupper():
        return True  # "By" and a capitalised first and last name
    if _DATE_WORDS.isdisjoint(tokens) and "".join(tokens).isalpha():
        return False  # no month, no time word and no digit: no word is a date token
    dates = sum(map(_is_date_token, words))
    if not dates:
        return False
    return (
        dates >= 0.4 * len(words)
        or "|" in text
        or (text.startswith("(") and text.endswith(")"))
        or words[0].lower().rstrip(":") in {"by", "updated", "published", "posted"}
        or (":" in text and _LABEL.search(text) is not None)  # (a label ends with ":")
    )


def _is_date_token(word: str) -> bool:
    """A month, a time word or a number like "12", "1st" or "2014-11-20" (punctuation aside)."""
    token = word.strip(_PUNCT).lower()
    if token in _DATE_WORDS:
        return True
    if token.isdecimal():  # the common number, without the regex (\d is what isdecimal is)
        return len(token) <= 4
    return token[:1].isdecimal() and _DATE_NUM.fullmatch(token) is not None


def _is_title_case(text: str, words: list[str]) -> bool:
    """Whether 3+ of the longer words after the first, and 75% or more, are capitalised.

    That takes 3 capital letters: ASCII text with fewer is told without looking at words.
    """
    if text.isascii() and len(text.encode("ascii").translate(None, _NOT_ASCII_UPPER)) < 3:
        return False
    caps = [w[0].isupper() for w in words[1:] if len(w) >= 4 and w[0].isalpha()]
    return len(caps) >= 3 and sum(caps) / len(caps) >= 0.75


def _has_glued_words(text: str) -> bool:
    """UI words glued together ("PlayerClose"): 2 lowercase, 1 capital, 1 lowercase ASCII."""
    return b"aaAa" in text.encode("utf-8", "surrogatepass").translate(_CASE_SHAPE)


def _drop_link_runs(sizes: list[int], ends: list[bool], kinds: list[_Kind]) -> list[_Kind]:
    """Drop runs of 3+ short adjacent lines, mostly unpunctuated: a menu or link list.

    `sizes`, `ends`, `kinds`: each paragraph's size, whether it ends a sentence, its kind.
    """
    if len(kinds) < 3:
        return kinds
    out = list(kinds)
    start = 0
    for end in range(len(kinds) + 1):
        if end < len(kinds) and sizes[end] < 10:
            continue
        if end - start >= 3 and ends[start:end].count(False) * 2 >= end - start:
            out[start:end] = [_DROP] * (end - start)
        start = end + 1
    return out


def _collapse_repeats(text: str, max_words: int = 40) -> str:
    """Collapse a run of 3+ words (15+ characters) repeated back to back into one copy.

    Scrapers sometimes duplicate a phrase ("to end The conference, scheduled to end on").
    Only the nearest earlier positions of the current word within `max_words` are tried, so
    this is linear; it stops after `_CHECKED_WORDS` words, far beyond any real paragraph,
    to stay fast on a huge one-line input.
    """
    words = text.split(" ", _CHECKED_WORDS)
    rest = words.pop() if len(words) > _CHECKED_WORDS else ""  # the unchecked remainder
    if len(set(words)) > len(words) - 3:  # a repeated phrase repeats 3+ words: cheap test
        return text
    if not _has_repeat(words, max_words):  # the exact test, still much faster than below
        return text
    out: list[str] = []
    positions: dict[str, list[int]] = {}
    j = 0
    while j < len(words):
        earlier = positions.get(words[j])  # (a first occurrence repeats nothing)
        if earlier and (k := _repeat_length(out, earlier, words, j, max_words)):
            j += k  # skip the second copy
            continue
        positions.setdefault(words[j], []).append(len(out))
        out.append(words[j])
        j += 1
    return " ".join([*out, rest] if rest else out)


def _has_repeat(words: list[str], max_words: int) -> bool:
    """Whether some 3 to `max_words` words are followed right away by the same words.

    Such a repeat starts with a trigram seen twice, so only the positions of repeated
    trigrams are tried, each against its earlier ones up to `max_words` words back (linear).
    _collapse_repeats finds nothing to collapse without such a repeat.
    """
    trigrams = list(zip(words, words[1:], words[2:], strict=False))
    if len(set(trigrams)) == len(trigrams):
        return False
    repeated = {trigram for trigram, n in Counter(trigrams).items() if n > 1}
    starts: dict[tuple[str, str, str], list[int]] = {}  # positions of each, so far
    for j in [j for j, trigram in enumerate(trigrams) if trigram in repeated]:
        earlier = starts.setdefault(trigrams[j], [])
        for p in reversed(earlier):  # the nearest first
            if j - p > max_words:
                break
            if j - p >= 3 and words[j : 2 * j - p] == words[p:j]:
                return True
        earlier.append(j)
    return False


def _repeat_length(
    out: list[str], earlier: list[int], words: list[str], j: int, max_words: int
) -> int:
    """Length of the phrase ending `out` that `words[j:]` starts by repeating, or 0."""
    for p in earlier[-1:-4:-1]:  # the nearest three: the phrase may hold its first word twice
        k = len(out) - p
        if k > max_words:
            return 0
        if k < 3 or j + k > len(words) or words[j + k - 1] != out[-1]:
            continue
        if out[p:] == words[j : j + k] and len(" ".join(out[p:])) >= 15:
            return k
    return 0
