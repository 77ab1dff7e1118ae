"""Offline, rule-based sentence splitting (no NLTK data, no downloads).

The rules below are English's; another language brings its own abbreviations (and German
its ordinals, "am 3. Oktober"), see :mod:`summaries.abbreviations`. Chinese and Japanese
are split on their own punctuation instead (:mod:`summaries.cjk`); Thai and Lao, which
end a sentence with a space alone, first at a space between two long runs of their
letters (see ``_CLAUSE_SPACE``).

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
  is an abbreviation (``Dr.Smith``, ``St.Louis``); so does a ``?`` or ``!`` written
  after a space and glued to the next sentence (``Zeit !!!In``, ``schmeckt ?Haben``).

:class:`OfflineTokenizer` plugs this splitter and a one-regex word tokenizer
into sumy in place of its NLTK-backed ``Tokenizer``.
"""

from __future__ import annotations

import re

from summaries.abbreviations import (
    ABBREVIATIONS,
    ENGLISH,
    LOWERCASE_ABBREVIATIONS,
    NUMBER_ABBREVIATIONS,
    SENTENCE_FINAL_ABBREVIATIONS,
    SENTENCE_STARTERS,
    Rules,
    rules_for,
)
from summaries.cjk import cjk_words, split_cjk_sentences
from summaries.language import UNSPACED
from summaries.words import LETTER, marks_in, opens_in_lowercase, word_pattern

__all__ = [
    "ABBREVIATIONS",
    "NUMBER_ABBREVIATIONS",
    "SENTENCE_FINAL_ABBREVIATIONS",
    "SENTENCE_STARTERS",
    "OfflineTokenizer",
    "Rules",
    "ends_unmarked",
    "is_single_spaced",
    "rules_for",
    "split_paragraphs",
    "split_sentences",
]

# what opens a quotation or an aside before a word: English, French, German („…“, »…«) and
# Spanish (¿…?, ¡…!) ways
_OPENERS = "\"'“‘«„‚»¿¡([{"
_CLOSERS = "\"'”’»)]}"

# Full stops of other scripts: the danda and double danda (Hindi, Bengali, Nepali,
# Marathi), Urdu's full stop, Armenian's, Burmese's, Ethiopic's and Khmer's (khan, and
# bariyoosan, which ends a text); and their question marks, Arabic's and Ethiopic's. Each
# always ends a sentence, even before a word in lowercase Latin letters ("... किया। iPhone
# की ..."). The Greek question mark is ";" once text is in NFC (Unicode maps U+037E to
# it), and in Greek text it ends a question as "?" does (Greek writes its semicolon "·"):
# split_sentences reads a Greek text's ";" as U+037E, a question mark of its own.
SCRIPT_FULL_STOPS = "\u0964\u0965\u06d4\u0589\u104b\u1362\u17d4\u17d5"
_SCRIPT_QUESTION_MARKS = "\u061f\u1367"
_GREEK_QUESTION = "\u037e"  # never in NFC text: it stands for a Greek text's ";" only
_SCRIPT_ENDS = SCRIPT_FULL_STOPS + _SCRIPT_QUESTION_MARKS
# Every mark that ends a sentence (Chinese and Japanese ones included), in any language.
SENTENCE_ENDS = ".!?\u2026\u3002\uff01\uff1f" + _SCRIPT_ENDS
_MARKS = "[.?!\u2026" + _GREEK_QUESTION + _SCRIPT_ENDS + "]"
_ALWAYS_ENDS = frozenset(_SCRIPT_ENDS)
_ANY_MARK = re.compile(_MARKS)
# What a paragraph's last sentence ends with.
_TAIL = ".?!\u2026" + _GREEK_QUESTION + _SCRIPT_ENDS + _CLOSERS
# A danda (or Armenian's, Burmese's, Ethiopic's or Khmer's full stop, or Ethiopic's
# question mark) right before a letter: a sentence end all the same, since it never stands
# inside a word ("হয়েছে।এ", "አጽድቋል።የ"). (Urdu's full stop does, in abbreviations:
# "ایم۔کیو۔ایم"; the Arabic question mark is left to the usual rules too.)
_DANDA_GLUED = re.compile("[\u0964\u0965\u0589\u104b\u1362\u1367\u17d4\u17d5](?=[^\\W\\d_])")
# The scripts of India (Devanagari to Sinhala). A text that ends its sentences with the
# danda writes a full stop only after an abbreviation ("डॉ. शर्मा", "प्रो. वर्मा", "2020 ई.",
# "Smt. सीता", "Rs. 500") or a number ("10. तारीख"): there a "." after a letter or vowel
# sign of these scripts, or before one or a figure, ends no sentence; nor before a Latin
# word, unless one that opens English sentences. A "." inside closing quotes ends a
# quotation, which the usual rules read.
_INDIC, _INDIC_END = "\u0900", "\u0dff"
# Thai and Lao put no space between words and no full stop after a sentence: a space
# between two of their letters ends a sentence or clause (the usual first step of Thai
# sentence splitting). Thai also sets a name, a title or a word apart with spaces
# ("นายกรัฐมนตรีเศรษฐา ทวีสิน กล่าวว่า"): a space ends a sentence only between two runs of at
# least CLAUSE_MIN_CHARS of their characters (letters, combining marks, digits, ฯ and
# ๆ), so a shorter run stays with what is around it. A space before or after a number or
# a Latin word ("ปี 2567", "บริษัท Apple") ends nothing.
CLAUSE_MIN_CHARS = 12
_THAI_LAO = "\u0e01-\u0e5b\u0e81-\u0edf"
_THAI_LAO_CHAR = re.compile(f"[{_THAI_LAO}]")
_CLAUSE_SPACE = re.compile(
    f"(?<=[{_THAI_LAO}]{{{CLAUSE_MIN_CHARS}}}) (?=[{_THAI_LAO}]{{{CLAUSE_MIN_CHARS}}})"
)
_UNMARKED_END = re.compile(f"[{_THAI_LAO}]{{{CLAUSE_MIN_CHARS}}}")

# A run of terminal marks (only from its first mark, so a long run is scanned once),
# optional closing quotes/brackets, then the single space of normalised text.
_CANDIDATE = re.compile(f"{_MARKS}(?<!{_MARKS}.){_MARKS}*+[\"'”’»“«‘)\\]}}]*+ ")
# Initials: "J", "W", "U.S", "Ph.D", "a.k.a" (the final period is not part of the token).
_INITIALS = re.compile(r"[^\W\d_]|(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_ALNUM = re.compile(r"[^\W_]")
_LETTERS = re.compile(r"[^\W\d_]+")
# Words as sumy keeps them: a letter, then letters (with the combining marks inside a
# word: see summaries.words), joined by apostrophes or hyphens.
_JOINERS = "'’-"
ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z]*(?:['-][A-Za-z]+)*")  # the words of ASCII text
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# Sentence marks and closers that only close, right before two letters (maybe after a
# straight quote, or a quotation mark that closes the German way and opens others: see
# _TWO_WAY): a sentence end glued to the next sentence, if the words fit (_unglued).
_GLUED = re.compile(r"[.?!…][.?!…]*[”’»)\]}]*(?=[\"'“«‘]?[^\W\d_]{2})")
# Marks that close a quotation opened the German way („…“, »…«, ‚…‘) and open one in
# English or French (“…”, «…», ‘…’), each with its German opener.
_TWO_WAY = {"“": "„", "«": "»", "‘": "‚"}
# Marks that close a quotation when a full stop follows them: French's and Russian's » and
# English's ”, and German's “ and « („nein“, »nein«), which open one elsewhere, never before a
# full stop.
_QUOTE_CLOSERS = "»”“«"

_UNIT = 3  # letters of a unit's abbreviation after a figure ("5 km.", "3 hrs.")
_PLAIN_NAME = 5  # letters of a capitalised word that is no abbreviation ("Monday", not "Pvt")
_WINDOW = 64  # characters looked at on each side of a candidate boundary
_LOOKAHEAD_TOKENS = 3  # tokens skipped to find the next word ("- Next", '" Next')


def _starts_sentence(word: str, starters: frozenset[str] = SENTENCE_STARTERS) -> bool:
    """True if ``word`` (openers stripped) begins with a common sentence starter.

    An initial such as the "A." of "J. A. Smith" does not count.
    """
    letters = _LETTERS.match(word)
    return (
        letters is not None
        and letters.group() in starters
        and not word.startswith(".", letters.end())
    )


def _is_boundary(marks: str, before: str, after: str, rules: Rules = ENGLISH) -> bool:
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
    if not _ALWAYS_ENDS.isdisjoint(marks):
        return True
    if opens_in_lowercase(first):
        return False
    if "?" in marks or "!" in marks or _GREEK_QUESTION in marks:
        return True
    if marks != ".":  # ellipsis ("...", "…")
        return _starts_sentence(word, rules.starters)

    if not before:  # a mark opening the sentence: keep it with what follows
        return False
    if before[-1] in _CLOSERS:  # '"speculation". The', "(see below). Next"
        return True
    core = before.rsplit(" ", 1)[-1].lstrip(_OPENERS)
    if "-" in core:  # "then-Sen.", "(R-Va.)", but "Jay-Z." is a plain word
        tail = core.rsplit("-", 1)[-1]
        if tail.lower() in rules.abbreviations:
            core = tail
    low = core.lower()
    if low in NUMBER_ABBREVIATIONS:
        return not first.isdigit()
    if rules.ordinals and core.isdecimal() and len(core) <= 3:  # "am 3. Oktober"
        return _starts_sentence(word, rules.starters)
    initial = _INITIALS.fullmatch(core) is not None
    if not initial and (
        low not in rules.abbreviations
        or (
            core[:1].islower() and low not in LOWERCASE_ABBREVIATIONS and low not in rules.lowercase
        )
    ):
        return True
    if first.isdigit():
        return False
    return (initial or low in rules.sentence_final) and _starts_sentence(word, rules.starters)


def split_sentences(text: str, language: str = "english") -> list[str]:
    """Split one paragraph into stripped, non-empty sentences, by the rules of ``language``.

    Newlines and runs of whitespace become single spaces. Linear in ``len(text)``.
    """
    if language in UNSPACED:
        return split_cjk_sentences(text)
    if language == "greek" and ";" in text:  # its question mark: see _GREEK_QUESTION
        asked = _split_spaced(
            _single_spaced(text.replace(";", _GREEK_QUESTION)), rules_for(language)
        )
        return [sentence.replace(_GREEK_QUESTION, ";") for sentence in asked]
    if not is_single_spaced(text):  # (cleaned paragraphs are: one call fewer for them)
        text = " ".join(text.split())
    if not text.isascii() and _THAI_LAO_CHAR.search(text) and _CLAUSE_SPACE.search(text):
        clauses = _CLAUSE_SPACE.split(text)
        return [s for clause in clauses for s in _split_spaced(clause, rules_for(language))]
    if _one_sentence(text):  # most paragraphs (see _split_spaced), told without its call
        return [text] if text else []
    return _split_marked(text, rules_for(language))


def ends_unmarked(sentence: str) -> bool:
    """Whether the stripped ``sentence`` ends as a Thai or Lao sentence does, with no mark:
    in a run of at least CLAUSE_MIN_CHARS of their characters, such as the splitter ends one
    with. (Its last character tells most sentences of other scripts apart at once.)"""
    tail = sentence[-CLAUSE_MIN_CHARS:]
    return (
        "\u0e01" <= tail[-1:] <= "\u0edf"
        and len(tail) == CLAUSE_MIN_CHARS
        and _UNMARKED_END.fullmatch(tail) is not None
    )


def _split_spaced(text: str, rules: Rules) -> list[str]:
    """:func:`split_sentences` of the single-spaced ``text``, by punctuation."""
    if _one_sentence(text):  # most paragraphs: no mark but at their end
        return [text] if text else []
    return _split_marked(text, rules)


def _split_marked(text: str, rules: Rules) -> list[str]:
    """:func:`split_sentences` of the single-spaced ``text``, read mark by mark."""
    text = _unglued(text, rules.abbreviations)
    if not text.isascii() and _DANDA_GLUED.search(text):  # "হয়েছে।এ": no space after it
        text = _DANDA_GLUED.sub("\\g<0> ", text)
    if not text:
        return []
    sentences: list[str] = []
    start = 0
    quotes = 0  # straight double quotes in text[:counted]
    counted = 0
    danda = not text.isascii() and ("\u0964" in text or "\u0965" in text)
    for match in _CANDIDATE.finditer(text):
        cut = match.end() - 1  # position of the space
        marks = match.group().rstrip(" " + _CLOSERS + "".join(_TWO_WAY))
        before = text[max(start, match.start() - _WINDOW) : match.start()]
        after = text[cut + 1 : cut + 1 + _WINDOW]
        bare = match.group()[:-1] == "."  # (no closing quote: see _INDIC)
        if danda and bare and _in_danda_sentence(before, after, rules):
            continue  # "डॉ. शर्मा", "Rs. 500": see _INDIC
        if after[:1] == "(" and marks[-1] in "?!" and match.group()[len(marks)] != " ":
            continue  # a quoted title's own mark, then an aside: "„Kein Kind ohne Buch!“ (KKB)"
        if _is_boundary(marks, before, after, rules):
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


def _in_danda_sentence(before: str, after: str, rules: Rules) -> bool:
    """Whether a "." between ``before`` and ``after`` in a text that ends its sentences
    with the danda is inside a sentence: after a letter of an Indic script, or before one
    or a figure (see _INDIC); before a Latin word unless that word often opens a sentence
    (``rules.starters``): such a text's Latin words are mostly names and abbreviations
    ("Pvt. Ltd."), and a sentence quoted in English ends before "The", "We". After an
    English word that is no abbreviation (see _ends_plain_word: "launched. Farmers", "it.
    इसका", "Monday. 2025"), the usual rules read it: it may end an English sentence of
    the text."""
    following = after.lstrip(_OPENERS)
    first = following[:1]
    if _INDIC <= before[-1:] <= _INDIC_END:
        return True
    if _ends_plain_word(before, rules):
        return False
    if _INDIC <= first <= _INDIC_END or first.isdigit():
        return True
    return "A" <= first <= "Z" and not _starts_sentence(following, rules.starters)


def _ends_plain_word(before: str, rules: Rules) -> bool:
    """Whether ``before`` ends in a word of ASCII letters that is no abbreviation, in
    lowercase or of _PLAIN_NAME letters at least: a sentence's last word ("launched",
    "Monday", "10 states"), not a name's "Smt" or "Pvt" nor a unit after a figure ("5
    km.")."""
    *preceding, word = before.rsplit(" ", 2)
    word = word.lstrip(_OPENERS)
    low = word.lower()
    return (
        not (len(word) <= _UNIT and preceding and preceding[-1][-1:].isdigit())  # "5 km."
        and word.isascii()
        and word.isalpha()
        and (word.islower() or (len(word) >= _PLAIN_NAME and word[1:].islower()))
        and low not in rules.abbreviations
        and low not in LOWERCASE_ABBREVIATIONS
        and low not in rules.lowercase
    )


def _one_sentence(text: str) -> bool:
    """Whether single-spaced ``text`` holds no sentence mark but in the run of marks and
    closing quotes or brackets it ends with: then no boundary (a mark before a space) and
    no glued sentence end (a mark before letters) is in it, and it is one sentence. Told
    with a few substring searches, much faster than the splitter's regexes."""
    body = text.rstrip(_TAIL)
    if body.isascii():
        return "." not in body and "?" not in body and "!" not in body
    return _ANY_MARK.search(body) is None


def _single_spaced(text: str) -> str:
    """``" ".join(text.split())``, without splitting a text that is so already (as cleaned
    paragraphs are)."""
    return text if is_single_spaced(text) else " ".join(text.split())


def is_single_spaced(text: str) -> bool:
    """Whether ``text`` is ``" ".join(text.split())``: a printable text holds no
    whitespace but the space."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _unglued(text: str, abbreviations: frozenset[str] = ABBREVIATIONS) -> str:
    """``text`` with a space after each sentence end glued to the next sentence: a plain
    word ending in a lowercase letter, the marks, a capital and a lowercase letter
    ("ended.Next", not "Dr.Smith" or "JD.com"), or a "?" or "!" after a space and a word
    (see _detached_end). A straight double quote right after the
    marks closes the sentence when an odd number of them came before it, else it opens
    the next one; so does one of _TWO_WAY when its German opener is open before it."""
    parts: list[str] = []
    done = quotes = 0  # text[:done] is in parts, with that many straight double quotes
    opened = dict.fromkeys(_TWO_WAY, 0)  # and that many quotations opened the German way
    for match in _GLUED.finditer(text):
        end = match.end()
        before = text[max(done, match.start() - _WINDOW) : match.start()]
        if before[-1:] == " ":  # "Zeit !!!In", "schmeckt ?Haben": see _detached_end
            if not _detached_end(before, match.group()):
                continue
        else:
            word = _word_before_glued(before)
            if not (len(word) >= 2 and word.isalpha() and word[-1].islower()):
                continue
            if word.lower() in abbreviations:
                continue
        following = text[end : end + 3].lstrip("\"'“«‘")
        if not (following[0].isupper() and following[1].islower()):
            continue
        quotes += text.count('"', done, end)
        for closer, opener in _TWO_WAY.items():
            opened[closer] += text.count(opener, done, end) - text.count(closer, done, end)
        if text[end] == '"' and quotes % 2 == 1:
            end += 1  # the quote closes this sentence
        elif opened.get(text[end], 0) > 0:
            opened[text[end]] -= 1
            end += 1  # so does this one
        parts += (text[done:end], " ")
        done = end
    return "".join(parts) + text[done:] if parts else text


def _word_before_glued(before: str) -> str:
    """The word a glued sentence end follows (see _unglued): the last one of ``before``,
    or the last one inside a quotation it closes, French's or Russian's guillemets, German's
    quotation marks or a curly quote, spaced or not ("« non ».Le", "«нет».Мэр", „nein“.Der,
    "“no”.The"): the full stop after the closing mark ends the sentence that holds the
    quotation."""
    word = before.rsplit(" ", 1)[-1].lstrip(_OPENERS)
    if word[-1:] in _QUOTE_CLOSERS:
        word = before.rstrip(_QUOTE_CLOSERS + " ").rsplit(" ", 1)[-1].lstrip(_OPENERS)
    return word


def _detached_end(before: str, marks: str) -> bool:
    """Whether ``marks`` written after a space (``before`` ends with it) end the sentence
    before them: a "?" or "!" after a word ("Zeit !!!", "schmeckt ?", as French typography
    sets them, or by a slip). Neither opens a word, while a "." does (".NET", ".Net")."""
    return ("?" in marks or "!" in marks) and before[-2:-1].isalnum()


def split_paragraphs(text: str) -> list[str]:
    """Split text into paragraphs, each a single line.

    Paragraphs are separated by blank lines; a text without any blank line between
    two non-empty lines has one paragraph per non-empty line. Lines inside a
    paragraph are joined with a space.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return []
    blocks = _BLANK_LINE.split(text)
    if len(blocks) == 1:  # no blank line
        blocks = text.split("\n")
    paragraphs = []
    for block in blocks:
        if "\n" in block:
            joined = " ".join(line.strip() for line in block.split("\n") if line.strip())
        else:  # one line, as a cleaned text's paragraphs are
            joined = block.strip()
        if joined:
            paragraphs.append(joined)
    return paragraphs


class OfflineTokenizer:
    """Drop-in for ``sumy.nlp.tokenizers.Tokenizer`` that never needs NLTK data.

    Sentences come from :func:`split_sentences`; words are maximal runs of letters (and
    the combining marks inside them: "साइबर", "ไซเบอร์") joined by apostrophes or hyphens
    ("don't", "state-of-the-art"), curly apostrophes normalised to ``'``. Digits and
    punctuation are dropped, so "U.S." gives ``("U", "S")``. Chinese and Japanese words
    come from a segmenter.
    """

    def __init__(self, language: str = "english") -> None:
        self._language = language.lower()

    @property
    def language(self) -> str:
        """Language name, as sumy's tokenizer reports it."""
        return self._language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Sentences of one paragraph."""
        return tuple(split_sentences(paragraph, self._language))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Word tokens of one sentence, in order."""
        if self._language in UNSPACED:
            return cjk_words(sentence, self._language)
        if sentence.isascii():  # the same words, found faster
            return tuple(ASCII_WORD.findall(sentence))
        if "’" in sentence:
            sentence = sentence.replace("’", "'")
        return tuple(word_pattern(LETTER, marks_in(sentence), _JOINERS).findall(sentence))
