"""Quotation marks: which open a quotation, which close one, in every language the bot reads.

The same glyph opens in one language and closes in another: “ opens in English
(“Yes,” he said) and closes in German („Ja“, sagte er); » closes in French (« Oui »)
and opens in German (»Ja«); ” opens in Swedish (”Ja”, sa han). So a mark is read by
where it stands, as CommonMark reads emphasis: one with a space (or the start of the
text, or an opening bracket) before it and a letter after it opens; one with a letter
or a full stop before it and a space, a punctuation mark or the end after it closes.
A mark that is neither, or both (« Oui », 他说“是的”), takes its glyph's usual role.
Straight double quotes alternate when their place does not tell. A single quote or
apostrophe between two letters (don't, l'homme) is no quotation mark, nor is a straight
double quote between two Hebrew letters (Hebrew writes its acronyms' gershayim so:
מנכ"ל, דו"חות), unless only a word's prefix letters stand before it and a word goes on
after it (אמר ש"אנחנו..., וש"..., ל"הארץ": a quotation after "and that", "to"), or a
final letter (ך ם ן ף ץ, which only end a word) before it: a gershayim stands inside its
word, so a quote after a word's end closes a quotation ("נשלם"ויצא), and a single quote
after a word closes a quotation only if a single-quoted one is open (the players'
tickets).

:func:`scan` follows the quotations of one text from a given state (the marks still
open), so a caller can carry the state from sentence to sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Each mark that can open a quotation, and the marks that close what it opened.
_CLOSERS: dict[str, str] = {
    '"': '"”“',
    "“": '”"',
    "„": '“”"',
    "«": "»",
    "»": "«",
    "「": "」",
    "『": "』",
    "‟": '”"',
    "”": '”"',
    "'": "'’",
    "‘": "’'",
    "‚": "‘’",
    "‹": "›",
    "›": "‹",
}
_OPENER_OF = {"”": "“", "“": "„", "»": "«", "«": "»", "」": "「", "』": "『", "›": "‹", "‹": "›"}
MARKS = frozenset("\"'“”„‟«»‹›「」『』‘’‚")
_ALWAYS_OPEN = frozenset("„‟‚「『")
_ALWAYS_CLOSE = frozenset("」』")
_SINGLE = frozenset("'‘’‚‹›")  # no word is quoted with these: stray ones are apostrophes
_USUALLY_OPEN = frozenset("“«‹")  # the glyph's role when its place does not tell
_BEFORE_OPENING = frozenset("([{—–-/:：，、")
_AFTER_CLOSING = frozenset(".,;:!?)]}…—–-。，、！？；：")
_MARK = re.compile("[\"'“”„‟«»‹›「」『』‘’‚]")
_ALNUM = re.compile(r"[^\W_]")
_HEBREW_LETTER = re.compile("[\u05d0-\u05ea]")
# a Hebrew word's prefix letters (and, the, that, in, as, to, from): the ש of ש"אנחנו"
_HEBREW_PREFIX = re.compile(
    "(?<![\u05d0-\u05ea])[\u05d5\u05d4\u05e9\u05d1\u05db\u05dc\u05de]{1,3}$"
)
_HEBREW_WORD = re.compile("[\u05d0-\u05ea]{2}")
_HEBREW_FINAL = frozenset("\u05da\u05dd\u05df\u05e3\u05e5")  # ך ם ן ף ץ: a word's last letter
_ELISION = re.compile(r"(?:s|t|n|em|til|cause|tis|twas)(?![^\W\d_])")
_DOUBLE_OR_OPENING = re.compile('["“”„‟«»‹›「」『』‘‚]')

# The mark that opens each further paragraph of a quotation in «…» in Spanish and French
# (comillas de seguir, guillemets de suite): »Los jóvenes...», dijo. The quotation goes on.
_GOES_ON = {"«": "»"}

# What closes a quotation opened with „ (low-9) in each language: German's “, Polish's ”.
_LOW_CLOSER = {"dutch": "”", "hungarian": "”", "polish": "”", "romanian": "”"}


@dataclass(frozen=True, slots=True)
class Scan:
    """What :func:`scan` found in a text."""

    open: tuple[str, ...]  # the marks of the quotations open at the end, outermost first
    stray: str  # closing double marks with no quotation open to close, in order
    outside: bool  # a letter or digit stands outside every quotation
    starts_quoting: bool  # outside every quotation at the start, the text opens with one


def scan(text: str, open_marks: tuple[str, ...] = ()) -> Scan:
    """Follow the quotation marks of ``text``, starting inside the quotations ``open_marks``."""
    stack = list(open_marks)
    stray = ""
    outside = False
    starts_quoting = False
    done = 0  # text[:done] is read
    last = len(text) - 1
    for found in _MARK.finditer(text):
        i = found.start()
        char = text[i]
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i < last else " "
        if char in "'’" and before.isalnum() and after.isalnum():
            continue  # an apostrophe: don't, l'homme
        if char == '"' and _gershayim(text, i):
            continue  # צה"ל
        if char in "'’‘" and _ELISION.match(text, i + 1):
            continue  # a word's cut start: 's avonds, 'til, rock 'n' roll
        if not stack and not outside and _ALNUM.search(text, done, i):
            outside = True
        done = i + 1
        role = _role(char, before, after, stack)
        if role == "open":
            if not stack and not outside and not text[:i].strip():
                starts_quoting = True
            stack.append(char)
        elif role == "close":
            match = _innermost(stack, char)
            if match is None:
                stray += "" if char in _SINGLE else char
            else:
                del stack[match:]
    if not stack and not outside and _ALNUM.search(text, done):
        outside = True
    return Scan(tuple(stack), stray, outside, starts_quoting)


def _gershayim(text: str, i: int) -> bool:
    """Whether the straight double quote at ``text[i]`` is a Hebrew acronym's (see the
    module): between two Hebrew letters, not after a word's prefix letters before a word,
    nor after a word's final letter."""
    if i == 0 or not (_HEBREW_LETTER.match(text, i - 1) and _HEBREW_LETTER.match(text, i + 1)):
        return False
    if text[i - 1] in _HEBREW_FINAL:
        return False
    prefixed = _HEBREW_PREFIX.search(text[max(0, i - 4) : i])
    return not (prefixed and _HEBREW_WORD.match(text, i + 1))


def closing_marks(open_marks: tuple[str, ...], language: str = "english") -> str:
    """The marks that close ``open_marks`` (outermost first), innermost first."""
    marks = "".join(_closer(mark, language) for mark in reversed(open_marks))
    return marks.replace("»", "\u00a0»") if language == "french" else marks


def opening_marks(open_marks: tuple[str, ...], language: str = "english") -> str:
    """``open_marks`` (outermost first) written before a text that goes on inside them."""
    marks = "".join(open_marks)
    return marks.replace("«", "«\u00a0") if language == "french" else marks


def lost_openers(stray: str) -> tuple[str, ...]:
    """The marks that would have opened the quotations ``stray`` (of :class:`Scan`) close,
    outermost first: the text began inside them, or the page lost their opening marks."""
    return tuple(_OPENER_OF.get(mark, mark) for mark in reversed(stray))


def has_marks(text: str) -> bool:
    """Whether ``text`` holds a mark that may be a quotation mark (not an apostrophe
    between two letters, as in "don't")."""
    if '"' in text:
        return True
    if not text.isascii() and _DOUBLE_OR_OPENING.search(text) is not None:
        return True
    for mark in "'’":
        place = text.find(mark)
        while place != -1:
            if not (0 < place < len(text) - 1 and text[place - 1].isalnum()):
                return True
            if not text[place + 1].isalnum():
                return True
            place = text.find(mark, place + 1)
    return False


def goes_on_mark(text: str, open_marks: tuple[str, ...]) -> str:
    """The opening mark of the innermost of the quotations ``open_marks`` if ``text``, a
    paragraph after them, opens with the mark that says it goes on (Spanish and French
    print » for «…»: "»Los jóvenes..."), else ""."""
    if open_marks and text[:1] == _GOES_ON.get(open_marks[-1]):
        return open_marks[-1]
    return ""


def starts_quotation(text: str) -> bool:
    """Whether ``text`` opens with a quotation mark that opens a quotation."""
    return bool(text) and scan(text[:2]).starts_quoting


def _closer(mark: str, language: str) -> str:
    if mark == "„":
        return _LOW_CLOSER.get(language, "“")
    return _CLOSERS[mark][0]


def _role(char: str, before: str, after: str, stack: list[str]) -> str:
    """ "open", "close" or "" (no quotation mark here) for ``char`` between two characters."""
    if char in _ALWAYS_OPEN:
        return "open" if not after.isspace() or char in "„‟" else ""
    if char in _ALWAYS_CLOSE:
        return "close"
    left = not (after.isspace() or after in _AFTER_CLOSING) and (
        before.isspace() or before in _BEFORE_OPENING or before in MARKS
    )
    right = not (before.isspace() or before in _BEFORE_OPENING) and (
        after.isspace() or after in _AFTER_CLOSING or after in MARKS
    )
    if char in _SINGLE:
        return _single_role(char, before, after, left, right, stack)
    if left != right:
        return "open" if left else "close"
    if char == '"':
        return "close" if stack and '"' in stack[-1:] else "open"
    return "open" if char in _USUALLY_OPEN else "close"


def _single_role(
    char: str, before: str, after: str, left: bool, right: bool, stack: list[str]
) -> str:
    """The role of a single quote, which is more often an apostrophe."""
    if char in "‹›":
        if left != right:
            return "open" if left else "close"
        return "open" if char == "‹" else "close"
    if before.isalnum() and after.isalnum():
        return ""  # don't, l'homme, rock'n'roll
    if left and not right and after.isalpha():  # not '90s
        return "open" if char != "’" else ""
    if right and not left and any(mark in _SINGLE for mark in stack):
        return "close"
    return ""


def _innermost(stack: list[str], char: str) -> int | None:
    """The place in ``stack`` of the innermost quotation ``char`` closes, or None."""
    for place in range(len(stack) - 1, -1, -1):
        if char in _CLOSERS[stack[place]]:
            return place
    return None


__all__ = [
    "MARKS",
    "Scan",
    "closing_marks",
    "goes_on_mark",
    "has_marks",
    "lost_openers",
    "opening_marks",
    "scan",
    "starts_quotation",
]
