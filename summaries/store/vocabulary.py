"""The surface words of stored articles, so that prefix terms can be expanded cheaply.

FTS5 answers a prefix query (``"cyber"*``) by first merging the whole doclist of
every term with that prefix: at a million articles a common prefix costs tens of
milliseconds before the first row. Instead a prefix is looked up here (a range
scan of a small B-tree) and becomes an OR of whole words, ``("cyber" OR
"cybersecurity" OR "cyberattack")``, which FTS5 walks lazily like any word.

``words`` holds each word once, folded the way the index holds it (lower case, no
diacritics, and the spellings ``summaries.folding`` makes one), with the number of
articles that used it when they were stored (approximate: never decremented; it only
orders completions).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from summaries.folding import fold_text
from summaries.store.connection import Connection, dialect
from summaries.words import ALNUM, marks_in, word_pattern

MAX_WORD_CHARS = 64  # longer tokens (hashes, base64 runs) are not words worth completing
MAX_COMPLETIONS = 32  # a prefix expands to at most this many of its most used words...
MAX_SCANNED = 4096  # ...among the first this many words (in order) that start with it
_LAST = "\U0010ffff"


# The accents of Latin letters, the only ones ``unicode61 remove_diacritics 2`` takes off
# (é = e + U+0301, ệ = e + two marks): a run of combining diacritics right after a Latin
# letter once decomposed. Cyrillic й and other scripts' marks (a Devanagari vowel sign, Thai
# tone marks) are spelling to SQLite's index: taken off, "новый" would become a word that no
# index holds. (Greek accents and ё are taken off by ``fold_text``, in the index too.)
_LATIN_ACCENTS = re.compile(r"(?<=[A-Za-z\u00c0-\u024f\u1e00-\u1eff])[\u0300-\u036f]+")


def fold(word: str) -> str:
    """``word`` as the index holds it: as ``unicode61 remove_diacritics 2`` reads the text
    that :func:`summaries.folding.fold_text` folded: :func:`spelled` (lower case, without
    the accents of Latin letters) with the spellings of ``fold_text`` made one (after
    lowering: Python writes a final capital sigma as ς)."""
    if word.isascii():
        return word.lower()
    return fold_text(spelled(word))


def spelled(word: str) -> str:
    """``word`` in lower case (letter by letter: ß stays ß, where ``casefold`` would make
    "ss"), without the accents of Latin letters, and otherwise as written (no compatibility
    forms undone, nothing of ``fold_text``): how a reply shows a word searched for."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", _LATIN_ACCENTS.sub("", decomposed)).lower()


def words_of(*texts: str) -> set[str]:
    """The distinct folded words of some texts (see :func:`typed_words`)."""
    # (a run of tatweels, a line's decoration in Arabic, folds to nothing: not a word)
    return {folded for word in typed_words(*texts) if (folded := fold(word))}


def typed_words(*texts: str) -> set[str]:
    """The distinct words of some texts as written, none over ``MAX_WORD_CHARS``: runs of
    letters and digits with the combining marks inside a word ("साइबर", not "स" and
    "इबर"), as a query reads them, so that a prefix of such a word finds it."""
    found: set[str] = set()
    for text in texts:
        found.update(word_pattern(ALNUM, marks_in(text)).findall(text))
    return {word for word in found if len(word) <= MAX_WORD_CHARS}


def add(conn: Connection, counts: Counter[str] | Iterable[str]) -> None:
    """Count each word once more (or by its count), inside the caller's transaction; the
    engine's dialect writes them (``add_words``: one statement on PostgreSQL, where a
    statement per word is a round trip each)."""
    items = counts.items() if isinstance(counts, Counter) else ((w, 1) for w in set(counts))
    pairs = list(items)
    if pairs:
        dialect(conn).add_words(conn, pairs)


def completions(conn: Connection, start: str, limit: int = MAX_COMPLETIONS) -> list[str]:
    """Up to ``limit`` stored words that start with ``start``, a word as a query holds it
    (folded already: see :func:`fold`), most used first.

    ``start`` is not folded again: folding is not idempotent (the hamza seats are folded
    after the article comes off, so ألمانيا is held as المانيا, which would lose its first
    letters as a word written without its hamza does).

    Only the first ``MAX_SCANNED`` such words in alphabetical order are weighed, so a
    short prefix costs the same in a vocabulary of millions of words.
    """
    rows = conn.execute(
        "SELECT word FROM (SELECT word, docs FROM words WHERE word >= ? AND word < ? LIMIT ?) w "
        "ORDER BY docs DESC, word LIMIT ?",
        (start, start + _LAST, MAX_SCANNED, limit),
    )
    return [word for (word,) in rows]
