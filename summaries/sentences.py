"""Offline, rule-based English sentence splitting (no NLTK data, no downloads).

The splitter is a single linear regex pass over candidate boundaries (a run of
``.``/``?``/``!``/``…`` plus optional closing quotes or brackets, followed by a
space) with a small decision function per candidate:

* a lowercase next word never starts a sentence;
* ``?`` and ``!`` end a sentence before anything else;
* a ``.`` ends a sentence unless the word before it is an abbreviation or an
  initial; abbreviations that are often sentence-final (``U.S.``, ``Inc.``,
  ``etc.``, initials such as ``War I.``) still end one when the next word is a
  common sentence starter (``The``, ``He``, ``But`` ...), and so does an
  ellipsis, which is as ambiguous (``wanting... The`` vs ``difficult... Turkcell's``);
* capitalised abbreviations count only when capitalised (``Rep. Smith`` vs
  ``the sales rep. The``); ``No.`` is an abbreviation only before a number;
* a closing quote detached by a space (``year. " Hayes said``) stays with the
  sentence it closes, decided for straight quotes by quote parity;
* no split happens without whitespace after the mark, so ``3.5``, ``JD.com``,
  ``www.bbc.co.uk`` and ``U.S.-China`` stay whole; but a mark glued to a next sentence
  (``ended.Next``, ``said."The``: a plain word ending in a lowercase letter, the mark,
  then a capital and a lowercase letter) counts as followed by a space, unless the word
  is an abbreviation (``Dr.Smith``, ``St.Louis``).

:class:`OfflineTokenizer` plugs this splitter and a one-regex word tokenizer
into sumy in place of its NLTK-backed ``Tokenizer``.
"""

from __future__ import annotations

import re

__all__ = [
    "ABBREVIATIONS",
    "NUMBER_ABBREVIATIONS",
    "SENTENCE_FINAL_ABBREVIATIONS",
    "SENTENCE_STARTERS",
    "OfflineTokenizer",
    "split_paragraphs",
    "split_sentences",
]

# Abbreviations that take a final period, lowercase, without that period.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    mr mrs ms messrs mme mlle dr prof st sr jr rev fr hon rt pres gen gov sen sens rep reps
    col lt maj capt cpt sgt cpl adm cmdr brig supt insp det
    inc ltd co corp cos plc llc bros assn dept univ govt
    vs v etc al e.g i.e cf viz approx est ca
    u.s u.k u.n u.s.a e.u d.c n.y l.a ph.d a.k.a a.m p.m
    jan feb mar apr jun jul aug sep sept oct nov dec
    mt ft ave rd blvd hwy
    ala ariz ark calif colo conn fla ga kan ky md mich minn mont neb nev okla pa tenn tex
    va vt wis wyo
    """.split()
)

# Abbreviations that often end a sentence: after one of these (or an initial) a
# period still ends the sentence when a word from SENTENCE_STARTERS follows.
SENTENCE_FINAL_ABBREVIATIONS: frozenset[str] = frozenset(
    """
    inc ltd co corp cos plc llc bros jr sr etc al
    u.s u.k u.n u.s.a e.u d.c n.y l.a ph.d a.m p.m
    jan feb mar apr jun jul aug sep sept oct nov dec ave rd blvd
    ala ariz ark calif colo conn fla ga kan ky md mich minn mont neb nev okla pa tenn tex
    va vt wis wyo
    """.split()
)

# Abbreviations only before a number ("No. 10", "vol. 2"); elsewhere "no." is a word.
NUMBER_ABBREVIATIONS: frozenset[str] = frozenset("no nos nr vol vols pp fig figs".split())

# Abbreviations also written in lowercase; any other lowercase word is a plain word
# ("the sales rep. The" ends a sentence, "Rep. Smith" does not).
_LOWERCASE_ABBREVIATIONS: frozenset[str] = (
    frozenset("vs v etc al e.g i.e cf viz approx est ca a.m p.m".split()) | NUMBER_ABBREVIATIONS
)

# Capitalised words that almost always start a sentence rather than continue a name.
SENTENCE_STARTERS: frozenset[str] = frozenset(
    """
    The A An This That These Those There Here It Its He His She Her They Their We Our I You
    But And Or So Yet Then However Meanwhile In On At For If When While After As
    """.split()
)

_OPENERS = "\"'“‘«([{"
_CLOSERS = "\"'”’»)]}"

# A run of terminal marks (only from its first mark, so a long run is scanned once),
# optional closing quotes/brackets, then the single space of normalised text.
_CANDIDATE = re.compile(r"[.?!…](?<![.?!…].)[.?!…]*+[\"'”’»)\]}]*+ ")
# Initials: "J", "W", "U.S", "Ph.D", "a.k.a" (the final period is not part of the token).
_INITIALS = re.compile(r"[^\W\d_]|(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_ALNUM = re.compile(r"[^\W_]")
_LETTERS = re.compile(r"[^\W\d_]+")
# Words as sumy keeps them: a letter, then letters, apostrophes or hyphens.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# Sentence marks and closers that only close, right before two letters (maybe after a
# straight quote): a sentence end glued to the next sentence, if the words fit (_unglued).
_GLUED = re.compile(r"[.?!…]+[”’»)\]}]*(?=[\"']?[^\W\d_]{2})")

_WINDOW = 64  # characters looked at on each side of a candidate boundary
_LOOKAHEAD_TOKENS = 3  # tokens skipped to find the next word ("- Next", '" Next')


def _starts_sentence(word: str) -> bool:
    """True if ``word`` (openers stripped) begins with a common sentence starter.

    An initial such as the "A." of "J. A. Smith" does not count.
    """
    letters = _LETTERS.match(word)
    return (
        letters is not None
        and letters.group() in SENTENCE_STARTERS
        and not word.startswith(".", letters.end())
    )


def _is_boundary(marks: str, before: str, after: str) -> bool:
    """Decide whether the candidate with ``marks`` between two texts ends a sentence."""
    first = None
    word = ""
    for token in after.split(" ", _LOOKAHEAD_TOKENS)[:_LOOKAHEAD_TOKENS]:
        found = _ALNUM.search(token)
        if found is not None:
            first = found.group()
            word = token.lstrip(_OPENERS)
            break
    if first is None:  # only punctuation follows: keep it with this sentence
        return False
    if first.islower():
        return False
    if "?" in marks or "!" in marks:
        return True
    if marks != ".":  # ellipsis ("...", "…")
        return _starts_sentence(word)

    if not before:  # a mark opening the sentence: keep it with what follows
        return False
    if before[-1] in _CLOSERS:  # '"speculation". The', "(see below). Next"
        return True
    core = before.rsplit(" ", 1)[-1].lstrip(_OPENERS)
    if "-" in core:  # "then-Sen.", "(R-Va.)", but "Jay-Z." is a plain word
        tail = core.rsplit("-", 1)[-1]
        if tail.lower() in ABBREVIATIONS:
            core = tail
    low = core.lower()
    if low in NUMBER_ABBREVIATIONS:
        return not first.isdigit()
    initial = _INITIALS.fullmatch(core) is not None
    if not initial and (
        low not in ABBREVIATIONS or (core[:1].islower() and low not in _LOWERCASE_ABBREVIATIONS)
    ):
        return True
    if first.isdigit():
        return False
    return (initial or low in SENTENCE_FINAL_ABBREVIATIONS) and _starts_sentence(word)


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into stripped, non-empty sentences.

    Newlines and runs of whitespace become single spaces. Linear in ``len(text)``.
    """
    text = _unglued(" ".join(text.split()))
    if not text:
        return []
    sentences: list[str] = []
    start = 0
    quotes = 0  # straight double quotes in text[:counted]
    counted = 0
    for match in _CANDIDATE.finditer(text):
        cut = match.end() - 1  # position of the space
        marks = match.group().rstrip(" " + _CLOSERS)
        before = text[max(start, match.start() - _WINDOW) : match.start()]
        after = text[cut + 1 : cut + 1 + _WINDOW]
        if _is_boundary(marks, before, after):
            # A detached closing mark ('year. " Hayes said') stays with its sentence.
            # A straight quote is ambiguous: it closes only if the paragraph so far
            # has an odd number of them; "”", ")" and the like always close.
            token = after.split(" ", 1)[0]
            if token and not token.strip(_CLOSERS):
                quotes += text.count('"', counted, cut)
                counted = cut
                if '"' not in token or quotes % 2 == 1:
                    cut += len(token) + 1
            sentences.append(text[start:cut])
            start = cut + 1
    sentences.append(text[start:])
    return sentences


def _unglued(text: str) -> str:
    """``text`` with a space after each sentence end glued to the next sentence: a plain
    word ending in a lowercase letter, the marks, a capital and a lowercase letter
    ("ended.Next", not "Dr.Smith" or "JD.com"). A straight double quote right after the
    marks closes the sentence when an odd number of them came before it, else it opens
    the next one."""
    parts: list[str] = []
    done = quotes = 0  # text[:done] is in parts, with that many straight double quotes
    for match in _GLUED.finditer(text):
        end = match.end()
        word = text[max(done, match.start() - _WINDOW) : match.start()].rsplit(" ", 1)[-1]
        word = word.lstrip(_OPENERS)
        following = text[end : end + 3].lstrip("\"'")
        if not (len(word) >= 2 and word.isalpha() and word[-1].islower()):
            continue
        if not (following[0].isupper() and following[1].islower()):
            continue
        if word.lower() in ABBREVIATIONS:
            continue
        quotes += text.count('"', done, end)
        if text[end] == '"' and quotes % 2 == 1:
            end += 1  # the quote closes this sentence
        parts += (text[done:end], " ")
        done = end
    return "".join(parts) + text[done:] if parts else text


def split_paragraphs(text: str) -> list[str]:
    """Split text into paragraphs, each a single line.

    Paragraphs are separated by blank lines; a text without any blank line between
    two non-empty lines has one paragraph per non-empty line. Lines inside a
    paragraph are joined with a space.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return []
    if _BLANK_LINE.search(text):
        blocks = _BLANK_LINE.split(text)
    else:
        blocks = text.split("\n")
    paragraphs = []
    for block in blocks:
        joined = " ".join(line.strip() for line in block.split("\n") if line.strip())
        if joined:
            paragraphs.append(joined)
    return paragraphs


class OfflineTokenizer:
    """Drop-in for ``sumy.nlp.tokenizers.Tokenizer`` that never needs NLTK data.

    Sentences come from :func:`split_sentences`; words are maximal runs of letters
    joined by apostrophes or hyphens ("don't", "state-of-the-art"), curly
    apostrophes normalised to ``'``. Digits and punctuation are dropped, so
    "U.S." gives ``("U", "S")``.
    """

    def __init__(self, language: str = "english") -> None:
        self._language = language.lower()

    @property
    def language(self) -> str:
        """Language name, as sumy's tokenizer reports it."""
        return self._language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Sentences of one paragraph."""
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Word tokens of one sentence, in order."""
        if "’" in sentence:
            sentence = sentence.replace("’", "'")
        return tuple(_WORD.findall(sentence))
