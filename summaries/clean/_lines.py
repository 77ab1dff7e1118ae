"""Lines and paragraphs of plain text, and the word measures the cleaning rules use."""

from __future__ import annotations

import re
import unicodedata
from itertools import compress, groupby, pairwise
from operator import not_

from summaries.cjk import HAN_AND_KANA
from summaries.clean._clutter import without_end_marks
from summaries.clean._ends import END_CHARS, ends_sentence, goes_on_after
from summaries.clean._labels import NAME_WORDS
from summaries.words import WORD_CHAR, marks_in, opens_in_lowercase, word_pattern

_UNSPACED_START = re.compile(f"[{HAN_AND_KANA}]")
_UNSPACED_END = re.compile(f"[{HAN_AND_KANA}、，]$")
# Characters that are never wide: Latin, Greek and Cyrillic letters, combining marks, the
# general punctuation (curly quotes, dashes). A line of these alone needs no look-up of
# each character's width (see _columns).
_NARROW_ONLY = re.compile(
    "[\x00-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1\u03a3-\u052f"
    "\u2000-\u2064\u2066-\u206f]*"
)
_NEWLINES = ("\r\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029")
# Controls and invisible characters to drop. The zero-width non-joiner and joiner
# (U+200C, U+200D) are spelling, not junk: Persian "سه‌شنبه", Sinhala "ශ්‍රී" and emoji
# sequences need them, and summaries.plaintext keeps them too.
_CONTROL = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f-\x9f\xad\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]"
)
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_PRINTABLE_ASCII = bytes([10, *range(32, 127)])  # and the newline
_PLAIN_ASCII = bytes([9, 10, 12, 13, *range(32, 127)])  # ASCII that _BINARY never matches
# Letters of scripts that put no spaces between words, counted a word per two: Thai and
# Lao, Myanmar, Khmer, Han and kana (as search and the sentence splitter know them); and
# Hangul. Of Thai, Lao, Myanmar and Khmer only letters and digits count: the vowel signs
# and tone marks written on a letter (combining marks, not \w) and punctuation are no
# more of a word.
_CJK = re.compile(rf"[{HAN_AND_KANA}\uac00-\ud7af]|(?=\w)[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
# All other bytes than the UTF-8 lead bytes of U+0800-U+1FFF, U+3000-U+DFFF and
# U+F000-U+FFFF, which hold all of _CJK.
_NOT_CJK_LEAD = bytes(c for c in range(256) if c not in (0xE0, 0xE1, *range(0xE3, 0xEE), 0xEF))

# A small stop-word list: mostly English, plus the commonest German, Spanish and French
# function words. It is one signal among several; long sentence-like lines never need it.
# An article's own language adds its stop words (see _body.clean_text).
STOP = frozenset(
    """a an the and or but of to in on at by for with from as is are was were be been has
    have had it its this that these those he she they we i you his her their our not no
    said says will would can could after before about into over than then there which who
    what when where while also more some all one two
    der die das und ist nicht mit von zu den ein eine im auf für sich dem des es sie er wir
    el la los las de que y en un una por con para se del al lo su
    le les et est du au une pas qui dans sur pour il elle""".split()
)

_MIN_WRAP_WIDTH = 40  # text wrapped at a fixed width is wrapped at 40 columns or more
BULLET = re.compile(r"(?:[-–—•·*▪►»›]|>>)")
BULLET_FIRST = "-–—•·*▪►»›>"  # only a line starting so can match BULLET: a cheap test first
# "By", "Von", "Por", "Par" or "di" (Italian's) before a name: how a byline opens.
_BYLINE = re.compile(r"(?:by|von|por|par|di)\s+[A-Z]", re.IGNORECASE)
_BYLINE_FIRST = "BbVvPpDd"  # what _BYLINE can match first: a cheap test before it
_BYLINE_WORDS = 8  # a byline's opening word and a few names
_SAMPLE = 3000  # word statistics of a paragraph are estimated from its first characters
# For ASCII text, the tokens of word_tokens faster: bytes that are not \w become spaces,
# then split.
_ASCII_NON_WORD = bytes(
    c if c < 128 and word_pattern(WORD_CHAR).match(chr(c)) else 32 for c in range(256)
)


def looks_like_text(raw: str, sample: int = 200_000) -> bool:
    """False when `raw` looks like binary data decoded as text.

    Looks at the first `sample` characters: more than 5% control characters, NULs or
    U+FFFD replacement characters means binary. Empty input counts as text (it holds
    nothing binary); callers report emptiness separately.
    """
    head = raw[:sample]
    if not head:
        return True
    if _BINARY.search(_beyond_plain_ascii(head)) is None:  # (the common case)
        return True
    bad = len(head) - len(_BINARY.sub("", head))
    return bad <= 0.05 * len(head)


def _beyond_plain_ascii(text: str) -> str:
    """`text` without its printable ASCII, tabs and line breaks, which are not binary.

    What is left is typically a few quotes and dashes: searching it for binary
    characters is much faster than searching the text (UTF-8 never has an ASCII byte
    inside a character, so deleting those bytes leaves the other characters whole).
    """
    rest = text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_ASCII)
    return rest.decode("utf-8", "surrogatepass")


def text_lines(raw: str) -> list[str]:
    """The lines of `raw` in NFC, every kind of line break a newline (see _lines), without
    a news agency's end mark ("（完）": see _clutter.without_end_marks).

    The other line breaks are not printable: a text that is printable but its newlines
    (the common case) has none to replace, and goes to _spaced_lines at once.
    """
    text = unicodedata.normalize("NFC", raw)
    flat = text.replace("\t", " ").replace("\xa0", " ")
    if _printable_but_newlines(flat):
        lines = _spaced_lines(flat)
    else:
        for newline in _NEWLINES:
            text = text.replace(newline, "\n")
        lines = _lines(text)
    return lines if text.isascii() else without_end_marks(lines)  # (no mark is ASCII)


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
    return _spaced_lines(flat)


def _spaced_lines(flat: str) -> list[str]:
    """The lines of `flat`, whose only whitespace is spaces and newlines, runs of spaces
    made one and none at either end."""
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


def blocks(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines."""
    return [list(run) for filled, run in groupby(lines, key=bool) if filled]


def join_wrapped(
    block: list[str], language: str = "english"
) -> tuple[list[str], list[int], list[bool]]:
    """Join hard-wrapped lines (a line that does not end a sentence, and the next one).

    A line that goes on in lowercase continues the one before; one that starts with a
    capital does so only in a block wrapped at a fixed width (see _hard_wrapped). Other
    lines are separate blocks of the page (a heading, a caption, a list item) and stay so,
    as do all lines of a block where none ends a sentence (a list, notes: not prose).
    Returns the paragraphs, how many lines each was made of and whether each ends a
    sentence (as its last line does: a line of closing quotes alone ends nothing either).
    Only the lines that end no sentence are read one by one: a line that ends one ends
    its paragraph, and the runs of such lines are taken over as they are. A line that
    ends at an abbreviation goes on as the sentence splitter of `language` reads it.
    """
    # (a line whose last character is a sentence's mark ends one: most, told without a call)
    line_ends = [line[-1:] in END_CHARS or ends_sentence(line) for line in block]
    if all(line_ends[:-1]) or not any(line_ends):  # no line continues, or none is prose
        return block, [1] * len(block), line_ends
    # (_columns of a line in ASCII is its length: a block of them is measured without a call)
    width = max(map(len if all(map(str.isascii, block)) else _columns, block))
    opens = list(compress(range(len(block) - 1), map(not_, line_ends)))  # (not the last)
    full = [_is_full(block[i], block[i + 1], width) for i in opens]
    wrapped = _hard_wrapped(full)
    if wrapped and (abbreviated := _abbreviated_ends(block, line_ends, language)):  # "в 1999 г."
        opens = sorted([*opens, *abbreviated])
        full = [_is_full(block[i], block[i + 1], width) for i in opens]
    spans: list[tuple[int, int]] = []  # the first and last line of each paragraph of 2+
    for i, line_full in zip(opens, full, strict=True):
        if not _continues(block[i], block[i + 1], wrapped and line_full):
            continue
        if spans and spans[-1][1] == i:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    paragraphs: list[str] = []
    counts: list[int] = []
    ends: list[bool] = []
    done = 0  # the lines before this one are in `paragraphs`
    for first, last in spans:
        paragraphs += block[done:first]
        counts += [1] * (first - done)
        ends += line_ends[done:first]
        paragraphs.append(_joined(block[first : last + 1]))
        counts.append(last + 1 - first)
        ends.append(line_ends[last])
        done = last + 1
    paragraphs += block[done:]
    counts += [1] * (len(block) - done)
    ends += line_ends[done:]
    return paragraphs, counts, ends


def _abbreviated_ends(block: list[str], line_ends: list[bool], language: str) -> list[int]:
    """The lines of `block`, a block wrapped at a fixed width, that end with an
    abbreviation's full stop and go on in the next (see goes_on_after)."""
    ended = compress(range(len(block) - 1), line_ends)
    return [i for i in ended if goes_on_after(block[i], block[i + 1], language)]


def _joined(lines: list[str]) -> str:
    """The lines of one paragraph as one line: a space between two, but none after a word
    split at a hyphen ("well-" + "known") nor between Chinese or Japanese lines, which
    wrap with no space to drop."""
    parts = [lines[0]]
    for prev, line in pairwise(lines):
        if prev[-1] == "-" and prev[-2:-1].isalpha() and opens_in_lowercase(line):
            parts.append(line)
        elif _UNSPACED_END.search(prev) and _UNSPACED_START.match(line):
            parts.append(line)
        else:
            parts += (" ", line)
    return "".join(parts)


def _is_full(prev: str, line: str, width: int) -> bool:
    """Whether the first word of `line` would not have fitted on `prev` in `width` columns.
    Chinese and Japanese wrap after any character, and with no space: a line opening in
    them had its first character to fit, not the run up to its first space (often none).
    Their characters take two columns each (see _columns)."""
    if width < _MIN_WRAP_WIDTH:
        return False
    if _UNSPACED_START.match(line):
        return _columns(prev) + 2 > width
    space = line.find(" ")
    return _columns(prev) + 1 + _columns(line[:space] if space >= 0 else line) > width


def _columns(text: str) -> int:
    """The columns `text` takes in a fixed-width font: two for a wide character (Chinese,
    Japanese, Korean, full-width forms), one for any other. A text wrapped at 72 columns
    holds 36 Chinese characters to a line."""
    if text.isascii() or _NARROW_ONLY.fullmatch(text):
        return len(text)
    return len(text) + sum(unicodedata.east_asian_width(c) in "WF" for c in text)


def _hard_wrapped(full: list[bool]) -> bool:
    """Whether a block is wrapped at a fixed width: of its lines that do not end a sentence
    (`full`: whether each is full, its next line's first word would not have fitted), 2 or
    more, and at least half, are full. A heading or a caption above a paragraph is one
    such line at the most."""
    return full.count(True) >= 2 and 2 * full.count(True) >= len(full)


def _continues(prev: str, line: str, full: bool) -> bool:
    """Whether `line` continues `prev`, a line that does not end a sentence (`full`: a
    line of a hard-wrapped block that its next line's first word would not have fitted).
    A byline in lowercase ("di Marco Rossi" under a headline) goes on with none, nor does
    a line of a script that does not capitalise a sentence (Georgian, Arabic, Hindi): a
    heading above it stays a line of its own (see opens_in_lowercase)."""
    if prev[-1] in ":|" or (line[0] in BULLET_FIRST and BULLET.match(line)):
        return False
    return full or (opens_in_lowercase(line) and not _is_lone_byline(line))


def _is_lone_byline(line: str) -> bool:
    """Whether `line` is a byline alone: its opening word ("by", "di") and a few names,
    each capitalised or a joiner between them ("di Marco Rossi e Anna Bianchi"), not a
    line of prose that opens with the word ("by teaching Mercurial's blame to skip")."""
    words = line.split(" ")
    if not 3 <= len(words) <= _BYLINE_WORDS or not is_byline(line, words):
        return False
    return all(word[:1].isupper() or word in NAME_WORDS for word in words[1:])


def is_byline(text: str, words: list[str]) -> bool:
    """ "By", "Von", "Por", "Par" or "di" and a capitalised first and last name."""
    return opens_like_byline(text) and len(words) >= 3 and words[2][:1].isupper()


def opens_like_byline(text: str) -> bool:
    """Whether `text` opens as a byline does ("By M", "von A"): a byline must."""
    return text[:1] in _BYLINE_FIRST and _BYLINE.match(text) is not None


def word_count(text: str) -> int:
    """Word count (of a whitespace-collapsed line), CJK counted as a word per 2 characters."""
    if text.isascii():
        return text.count(" ") + 1
    return text.count(" ") + 1 + _cjk_count(text) // 2


def _cjk_count(text: str) -> int:
    """How many characters of `text` _CJK matches, looked for only if UTF-8 could hold one."""
    if not text.encode("utf-8", "surrogatepass").translate(None, _NOT_CJK_LEAD):
        return 0
    return len(_CJK.findall(text))


def word_tokens(low: str) -> list[str]:
    """The words of `low`: runs of ``\\w``, with the combining marks inside a word."""
    if not low.isascii():
        return word_pattern(WORD_CHAR, marks_in(low)).findall(low)
    return low.encode("ascii").translate(_ASCII_NON_WORD).decode("ascii").split()


def stop_share(text: str, words: list[str] | None, stop: frozenset[str] = STOP) -> float:
    """Share of `stop` words per word in the first `_SAMPLE` characters (`words`: its
    tokens, if known)."""
    sample = text[:_SAMPLE]
    if words is None:
        words = word_tokens(sample.lower())
    return sum(map(stop.__contains__, words)) / (sample.count(" ") + 1)
