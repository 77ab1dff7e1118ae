"""Keyword search: user text -> a safe engine query -> stories ranked by relevance and recency.

This module holds what both engines share: the query language, the ranking and the
recency boost. Finding the candidates is each engine's own (``sqlite_dialect``: FTS5;
``postgres_dialect``: a weighted tsvector with a GIN index); both hand back, for each
candidate, how many matches its title and briefing hold and how long each is.

Query language (anything else a user types is ignored, never an error):

- bare words, all of which must match (AND); ``attacks`` also finds "attack"
  (the index stems with Porter); case, Latin accents and the spellings that
  ``summaries/folding.py`` makes one (Greek accents, Turkish ı, Russian ё, Arabic vowel
  marks, Persian letters, the Arabic article...) do not matter, in the index as in the query;
- every bare word of ``AUTO_PREFIX_MIN``+ characters also matches as a prefix, so
  ``cyber`` finds "cybersecurity" and "cyberattack";
- ``"exact phrase"``, in curly quotes too (``„…“``, ``“…”``, ``«…»``, as the bot's
  commands and option words read them); a single quoted word is matched as a word,
  without the prefix;
- ``word*``: an explicit prefix (``MIN_PREFIX``+ characters, else taken as a word);
- words joined by dots or an at sign (``3.5``, ``harwick.example``): their exact phrase,
  which SQLite's index holds as words side by side and PostgreSQL's as one token (the
  query is read by each engine's own parser: see ``Term.surface``);
- Chinese and Japanese, written without spaces: a run of two or more characters is found
  wherever it stands in a text (as the phrase of its character pairs, which the index
  holds: see summaries/cjk.py), a single character as the start of a pair.

The MATCH expression is never the user's text: it is rebuilt from extracted tokens
(runs of letters and digits, with the combining marks inside a word), each inside
double quotes, so FTS5 syntax (``AND OR NOT NEAR - + ^ : ( ) *``, column filters,
stray quotes) cannot reach it. A prefix
becomes an OR of the stored words that start with it (see ``vocabulary.py``).

Bounding the work (what makes p99 independent of the number of articles; on SQLite,
for PostgreSQL see ``postgres_dialect``):

1. Candidates: only the ``CANDIDATES`` most recent matches are read (``ORDER BY
   rowid DESC LIMIT``: FTS5 walks the doclists backwards and stops; rowid order is
   ingest order, close to publication order). For a query with fewer matches the
   ranking is exact; for a common one, a highly relevant article older than the
   newest ``CANDIDATES`` matches is not seen. That is the trade-off a news bot
   wants; bench/search.py measures its cost. (A second walk for the newest
   title-only matches, to reach further back, was tried and dropped: when the
   words are common in bodies but rare in titles it reads the whole doclist.)
2. Relevance is BM25F-style (term-frequency saturation ``K1``, length
   normalisation ``B``, column weights) over the matches FTS5 itself marks in the
   title and the briefing (``highlight()``). The body counts as one match. FTS5's
   ``bm25()`` is NOT used: its IDF step counts every row of every query term on
   the first call, a full doclist scan that took 10-100 ms for a common word at
   100,000-1,000,000 articles. Within one query IDF is the same for every
   candidate (all of them contain every term), so ranking loses little without it.
3. What is NOT bounded: a phrase (or AND) of common words that are seldom side by
   side (together) has few matches, so the walk reads most of their doclists
   before it has ``CANDIDATES`` rows: at 1M generated articles a no-hit
   two-word phrase of common words costs ~12 ms, a four-word one ~45-65 ms.
   FTS5 (SQLite 3.40) does not stop such a scan at a rowid bound, so windowing by
   rowid does not help, and SQLite's progress handler only runs when FTS5 reads
   through SQL. ``SEARCH_BUDGET_S`` uses it as a coarse safety net: past the budget
   the walk stops at the next chance (typically 10-20 ms later) and what was read,
   the newest part of the archive, is ranked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

from summaries.cjk import SEARCH_RUN, run_pairs
from summaries.models import Hit
from summaries.option_words import CURLY_QUOTES
from summaries.store import vocabulary
from summaries.store.articles import Visible, stories
from summaries.store.connection import Connection, dialect
from summaries.store.times import require
from summaries.words import ALNUM, marks_in, word_run

# --- the query language's limits -------------------------------------------------------------
MAX_QUERY_CHARS = 2000  # longer input is cut (at a word's end) before it is read
MAX_TERMS = 8  # further terms are ignored (each one costs an index walk)
MAX_WORD_CHARS = vocabulary.MAX_WORD_CHARS  # longer "words" (pasted hashes) are dropped
AUTO_PREFIX_MIN = 3  # bare words this long also match as prefixes
MIN_PREFIX = 3  # shorter explicit prefixes (a*) would match much of the vocabulary

# --- ranking ----------------------------------------------------------------------------------
# Column weights: a match in the title counts four times one in the body; the briefing
# holds the sentences that best say what the article is about.
TITLE_WEIGHT, TEXT_WEIGHT, BRIEFING_WEIGHT = 4.0, 1.0, 2.0
K1, B = 1.2, 0.75  # BM25's usual term-frequency saturation and length normalisation
# score = relevance * (1 + RECENCY_WEIGHT * 0.5 ** (age_hours / HALF_LIFE_HOURS)):
# a brand-new article's relevance counts double, a two-day-old one 1.5 times, a
# fortnight-old one barely more than once. Age runs from the published time (else the
# fetched time) to ``now``; a time in the future counts as age 0.
RECENCY_WEIGHT = 1.0
HALF_LIFE_HOURS = 48.0
# How many of the most recent matches are scored (see above and the README's figures).
CANDIDATES = 200

# FTS5 operators typed as words are ignored: they would not do what the user meant.
OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
COLUMNS = frozenset({"title", "text", "briefing"})
# Bare words that carry no meaning in a news search; kept only when nothing else is left.
_HANGUL = re.compile("[\uac00-\ud7af]+")  # Hangul syllables
STOP_WORDS = frozenset(
    """a about after all also an and any are as at be been but by can could did do does
    for from had has have he her his how i if in into is it its me my no nor not of on
    or our over she so than that the their them then there these they this those to too
    up us was we were what when where which who why will with would you your""".split()
)


@lru_cache(maxsize=256)
def _patterns(marks: str = "") -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A query's tokens, its words, and its pieces, for a query read with ``marks`` (see
    :func:`summaries.words.marks_in`). A piece is a word or words joined by dots or an at
    sign, as in "3.5" or "harwick.example". A word is a letter or digit then letters, digits
    and combining marks: Devanagari, Thai or Arabic write vowels, viramas and tone marks as
    marks inside a word, and ``[^\\W_]+`` alone would cut "साइबर" into "स" and "इबर", which
    PostgreSQL's index (whole words) never finds."""
    word = word_run(ALNUM, marks)
    piece = rf"{word}(?:[.@]{word})*"  # "3.5", "harwick.example": see Term.surface
    token = rf'"(?P<phrase>[^"]*)"|(?P<word>{piece})(?P<star>\*)?(?P<colon>:)?|"'
    return re.compile(token), re.compile(word), re.compile(piece)


@dataclass(frozen=True, slots=True)
class Term:
    """One thing that must match: a word, a prefix or a phrase (lower-cased words)."""

    words: tuple[str, ...]
    prefix: bool = False
    shown: str = ""  # how to describe it, when not by its words (Chinese: not its pairs; a
    # word that folding changed: as typed, see _shown)
    # A phrase holding a number or name written with dots or an at sign ("3.5",
    # "harwick.example"): its words with those kept, which PostgreSQL's parser reads as one
    # token, in the text as in the query; "" for any other term.
    surface: str = ""

    def fts(self, completions: list[str] | None = None) -> str:
        """This term in FTS5 syntax: double-quoted strings only.

        A prefix term is its word OR each of ``completions`` when given (that is how
        the store searches), else FTS5's own prefix syntax (``"cyber"*``).
        """
        quoted = _quote(" ".join(self.words))
        if not self.prefix:
            return quoted
        if completions is None:
            return quoted + "*"
        alternatives = [quoted] + [_quote(w) for w in completions if w != self.words[0]]
        return "(" + " OR ".join(alternatives) + ")" if len(alternatives) > 1 else quoted

    def describe(self) -> str:
        if self.shown:
            return self.shown
        text = self.surface or " ".join(self.words)
        if len(self.words) > 1:
            return f'"{text}"'
        return text + "*" if self.prefix else text


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: the terms that must all match."""

    terms: tuple[Term, ...]

    @property
    def match(self) -> str:
        """The FTS5 MATCH expression with FTS5 prefixes, or "" when there is nothing to find."""
        return " AND ".join(term.fts() for term in self.terms)

    def expanded(self, conn: Connection) -> str:
        """The MATCH expression with each prefix spelled out from the stored vocabulary."""
        return " AND ".join(
            term.fts(vocabulary.completions(conn, term.words[0]) if _completed(term) else None)
            for term in self.terms
        )

    def describe(self) -> str:
        """What was searched for, for a reply: ``cyber* "port strike"`` ("" for nothing)."""
        return " ".join(term.describe() for term in self.terms)


_LAST_PIECE = re.compile(r"\s+\S*\Z")


def _cut(text: str) -> str:
    """``text`` cut to MAX_QUERY_CHARS, at the end of its last whole word there: a word cut
    in two would be searched for as its start, and match nothing the others match."""
    if len(text) <= MAX_QUERY_CHARS:
        return text
    head = text[:MAX_QUERY_CHARS]
    if text[MAX_QUERY_CHARS].isspace():
        return head
    last = _LAST_PIECE.search(head)
    return head[: last.start()] if last else head  # (one long run: CJK, or a pasted code)


def parse_query(text: str) -> Query:
    """Read a user's query; never raises, whatever the text."""
    text = unicodedata.normalize("NFC", _cut(str(text))).translate(CURLY_QUOTES)
    tokens, word_re, piece_re = _patterns(marks_in(text))
    found: list[Found] = []  # (kind, words, surface, spelled): "bare" | "exact" | "prefix"...
    for token in tokens.finditer(text):
        if token["phrase"] is not None:
            phrase, surface, typed = _words(token["phrase"], word_re, piece_re)
            if phrase:
                found.append(("exact", tuple(phrase), surface, typed))
        elif token["word"] is not None:
            word = token["word"]
            parts = _parts(word, word_re)
            if parts is None:
                found.append(_compound(word))
                continue
            if len(parts) > 1:  # Chinese or Japanese around a dot: each part on its own
                for part in parts:
                    found += _unspaced(part) if SEARCH_RUN.search(part) else _bare(part)
                continue
            if word in OPERATORS or len(word) > MAX_WORD_CHARS:
                continue
            if not word.isascii() and SEARCH_RUN.search(word):
                found += _unspaced(word)
                continue
            if token["colon"] and word.casefold() in COLUMNS:
                continue  # a column filter such as title: is FTS syntax, not a word
            found += _bare(word, star=bool(token["star"]))
        # else a lone double quote: skipped; the words after it are read as bare words
    return Query(_finish(found))


# (kind, folded words, surface, the word(s) as typed: see vocabulary.spelled)
Found = tuple[str, tuple[str, ...], str, str]


def _bare(word: str, *, star: bool = False) -> list[Found]:
    """One word typed outside quotes: a prefix (``word*``), an acronym, or a bare word."""
    folded = vocabulary.fold(word)
    if not folded:
        return []
    if star and len(folded) >= MIN_PREFIX:
        return [("prefix", (folded,), "", vocabulary.spelled(word))]
    if len(word) > 1 and word.isupper() and folded in STOP_WORDS:
        return [("exact", (folded,), "", vocabulary.spelled(word))]  # an acronym (US, WHO)
    return [("bare", (folded,), "", vocabulary.spelled(word))]


def _parts(piece: str, word_re: re.Pattern[str]) -> list[str] | None:
    """The words of ``piece`` (none over MAX_WORD_CHARS), or None when they are a compound:
    several words joined by dots or an at sign, with no Chinese or Japanese (see _compound)."""
    parts = [part for part in word_re.findall(piece) if len(part) <= MAX_WORD_CHARS]
    if len(parts) > 1 and not SEARCH_RUN.search(piece):
        return None
    return parts


def _compound(piece: str) -> Found:
    """Words joined by dots or an at sign ("3.5", "harwick.example"): the phrase of its
    words (as SQLite's index holds them), with its surface for PostgreSQL's."""
    folded = [vocabulary.fold(part) for part in re.split(r"([.@])", piece)]
    words = tuple(part for part in folded[::2] if part)
    return ("exact", words, "".join(folded), vocabulary.spelled(piece))


def _words(
    text: str, word_re: re.Pattern[str], piece_re: re.Pattern[str]
) -> tuple[list[str], str, str]:
    """The words of a quoted phrase, its surface when it holds a compound (else ""), and
    its pieces as typed (see vocabulary.spelled), read with the query's patterns (its marks
    hold the phrase's)."""
    found: list[str] = []
    surfaces: list[str] = []
    typed: list[str] = []
    compound = False
    for piece in piece_re.findall(text):
        parts = _parts(piece, word_re)
        if parts is None:
            _, words, surface, spelled = _compound(piece)
            found += words
            surfaces.append(surface)
            typed.append(spelled)
            compound = True
            continue
        for word in parts:
            if SEARCH_RUN.search(word):  # (its parts folded already: folding is not idempotent)
                folded = [w for _, words, _, _ in _unspaced(word) for w in words]
            else:
                folded = [f] if (f := vocabulary.fold(word)) else []
            found += folded
            surfaces += folded
            if folded:
                typed.append(vocabulary.spelled(word))
    return found, " ".join(surfaces) if compound else "", " ".join(typed)


def _unspaced(word: str) -> list[Found]:
    """The terms of a word with runs of Han or kana in it: each run the phrase of its pairs
    ("cjk"; one character: "cjk1", a prefix of the pairs), each other part a bare word."""
    found: list[Found] = []
    start = 0
    for run in [*SEARCH_RUN.finditer(word), None]:
        end = run.start() if run is not None else len(word)
        if (folded := vocabulary.fold(word[start:end])) and start < end:
            found.append(("bare", (folded,), "", vocabulary.spelled(word[start:end])))
        if run is not None:
            paired = run_pairs(run.group())
            kind = "cjk" if len(paired) > 1 or len(paired[0]) > 1 else "cjk1"
            found.append((kind, tuple(paired), "", run.group()))
            start = run.end()
    return found


def _completed(term: Term) -> bool:
    """Whether a prefix term is spelled out from the vocabulary; a character of Chinese or
    Japanese is not (its pairs are not words of the vocabulary): FTS5 expands it."""
    return term.prefix and SEARCH_RUN.match(term.words[0]) is None


def _auto_prefix(word: str) -> bool:
    """Whether a bare word also matches as a prefix: one of ``AUTO_PREFIX_MIN`` characters
    or more, or of two Hangul syllables (Korean writes a particle onto the word before it,
    "몸값을", "부산항의", and a syllable holds two or three letters: "몸값" is a whole word)."""
    if word in STOP_WORDS:
        return False
    return len(word) >= AUTO_PREFIX_MIN or (len(word) == 2 and _HANGUL.fullmatch(word) is not None)


def _finish(found: list[Found]) -> tuple[Term, ...]:
    """Drop stop words (unless nothing else is left), settle auto-prefixes, dedupe, cap."""
    meaningful = [item for item in found if item[0] != "bare" or item[1][0] not in STOP_WORDS]
    terms: list[Term] = []
    for kind, words, surface, typed in meaningful or found:
        if kind == "bare":
            prefix = _auto_prefix(words[0])
            term = Term(words, prefix=prefix, shown=_shown(typed, words[0], prefix))
        elif kind.startswith("cjk"):  # shown as typed (ｶﾀｶﾅ), not as its pairs
            term = Term(words, prefix=kind == "cjk1", shown=typed)
        elif len(words) == 1:  # a compound of one usable word is that word
            prefix = kind == "prefix"
            term = Term(words, prefix=prefix, shown=_shown(typed, words[0], prefix))
        else:
            searched = surface or " ".join(words)
            term = Term(words, surface=surface, shown=_shown(f'"{typed}"', f'"{searched}"', False))
        if all(
            (t.words, t.prefix, t.surface) != (term.words, term.prefix, term.surface) for t in terms
        ):
            terms.append(term)
    return tuple(terms[:MAX_TERMS])


def _shown(typed: str, folded: str, prefix: bool) -> str:
    """How a reply shows a word or phrase searched for when folding changed more than its
    case and Latin accents ("πειραιας", not "πειραιασ"; "الكتاب", not "كتاب"; a phrase as
    its words were typed, not their folds or a Chinese run's pairs); else "" (its words)."""
    if not typed or typed == folded:
        return ""
    return typed + "*" if prefix else typed


def describe_query(text: str) -> str:
    """What a query searches for, as the bot can echo it ("" when nothing usable)."""
    return parse_query(text).describe()


def why_nothing(text: str) -> str:
    """Why a query with nothing to search for (see :func:`describe_query`) has none, when
    its words look like words to whoever typed them: all ignored operators ("OR", "NEAR"),
    or too long to be words, quoted or not; else "" (punctuation, emoji: nothing that reads
    as a word)."""
    tokens, word_re, _ = _patterns(marks_in(text))
    words: list[str] = []
    for token in tokens.finditer(text):
        words += word_re.findall(token["phrase"]) if token["phrase"] else [token["word"] or ""]
    words = [word for word in words if word]
    if words and all(word in OPERATORS for word in words):
        return "AND, OR, NOT and NEAR are not searched for, since every word must match already"
    if words and all(word in OPERATORS or len(word) > MAX_WORD_CHARS for word in words):
        return (
            f"a word of more than {MAX_WORD_CHARS} letters is not searched for, since no "
            "article holds one (it is more likely a code or a pasted address)"
        )
    return ""


def nothing_to_search(text: str, example: str) -> str:
    """What to tell whoever typed a query with no words to search for (``describe_query``
    gives ""): why, when its words look like words to them, and ``example``."""
    reason = why_nothing(text)
    advice = f"use words, for example {example}."
    if reason:
        advice = f"{reason}. {advice[0].upper()}{advice[1:]}"
    return f"There is nothing to search for in that: {advice}"


def recency_factor(age_hours: float) -> float:
    """The multiplier of relevance for an article ``age_hours`` old."""
    return 1.0 + RECENCY_WEIGHT * 0.5 ** (max(0.0, age_hours) / HALF_LIFE_HOURS)


def saturate(matches: int, length: float, average: float) -> float:
    """BM25's term-frequency part: grows with ``matches``, levels off, and is
    smaller in a longer than average column."""
    if matches <= 0:
        return 0.0
    norm = 1.0 - B + B * (length / average if average > 0 else 1.0)
    return matches * (K1 + 1.0) / (matches + K1 * norm)


Counted = tuple[int, int, int, int, int]  # id, in title, title length, in briefing, length


def relevance(rows: list[Counted]) -> dict[int, float]:
    """BM25F-style relevance of each candidate (see the module docstring) from its
    counts: (id, matches in the title, title length, in the briefing, briefing length)."""
    if not rows:
        return {}
    title_avg = sum(c[2] for c in rows) / len(rows)
    briefing_avg = sum(c[4] for c in rows) / len(rows)
    return {
        rowid: TITLE_WEIGHT * saturate(in_title, title_len, title_avg)
        + BRIEFING_WEIGHT * saturate(in_briefing, briefing_len, briefing_avg)
        + TEXT_WEIGHT * 1.0
        for rowid, in_title, title_len, in_briefing, briefing_len in rows
    }


def relevance_among(conn: Connection, query: str, ids: Collection[int]) -> dict[int, float]:
    """The relevance to ``query`` of those of ``ids`` that match it (a digest's topic filter)."""
    parsed = parse_query(query)
    if not parsed.terms or not ids:
        return {}
    return relevance(dialect(conn).matches_among(conn, parsed, set(ids)))


def search(
    conn: Connection,
    query: str,
    *,
    limit: int,
    now: datetime,
    visible: Visible | None = None,
) -> list[Hit]:
    """The best ``limit`` stories for ``query``, one Hit per story, best first; only from
    articles the ``visible`` sources carried, when given (each story shows only those)."""
    parsed = parse_query(query)
    if not parsed.terms or limit <= 0:
        return []
    scores = relevance(dialect(conn).candidates(conn, parsed, CANDIDATES, visible))
    best: dict[int, float] = {}
    youngest: dict[int, float] = {}  # story -> age of its newest matching article
    for article_id, story_id, age_hours in _ages(conn, list(scores), now):
        score = scores[article_id] * recency_factor(age_hours)
        key = story_id if story_id is not None else article_id
        if score > best.get(key, -1.0):
            best[key] = score
        youngest[key] = min(age_hours, youngest.get(key, age_hours))
    # Ties (articles a few months old all have a recency factor of 1) go to the story
    # published last, then to the higher id: ids follow the order ingest stored them in.
    top = sorted(best.items(), key=lambda item: (-item[1], youngest[item[0]], -item[0]))[:limit]
    found = stories(conn, [key for key, _ in top], visible)
    return [Hit(story=found[key], score=score) for key, score in top if key in found]


def _ages(conn: Connection, ids: list[int], now: datetime) -> list[tuple[int, int | None, float]]:
    """(id, story_id, age in hours at ``now``) of these articles."""
    moment = now if now.tzinfo is not None else now.replace(tzinfo=UTC)
    found = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = (
            "SELECT id, story_id, coalesce(published_at, fetched_at) "
            f"FROM articles WHERE id IN ({', '.join('?' * len(chunk))})"
        )
        for article_id, story_id, stamp in conn.execute(sql, chunk):
            age = (moment - require(stamp)).total_seconds() / 3600.0
            found.append((article_id, story_id, age))
    return found
