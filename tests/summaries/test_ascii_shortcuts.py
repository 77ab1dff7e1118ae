"""Shortcuts for text in ASCII answer as the general code does: a sentence's content terms
are cut from it without lowercasing it first, and a block of lines in ASCII is measured
by their lengths (see join_wrapped). Checked on every dev sentence and line, and on random
ASCII and Unicode text."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from summaries.clean._lines import _columns
from summaries.language import language_tools
from summaries.sentences import OfflineTokenizer, split_paragraphs
from summaries.summarize import terms
from summaries.summarize.terms import _ASCII_PIECES, _PIECES, content_terms_of
from tests.summaries.test_clean_fast_paths import _dev_lines

EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"


def _terms_lowered(sentences: list[str], language: str) -> list[list[str]]:
    """content_terms_of as it was: every sentence lowercased, then cut (its own memo)."""
    tools = language_tools(language)
    tokenizer = OfflineTokenizer(tools.name)
    memo: dict[str, str] = {}
    out = []
    for sentence in sentences:
        low = sentence.lower()
        pieces = terms._pieces(low)
        for piece in pieces:
            if piece not in memo:
                memo[piece] = terms._term(piece, tools, tokenizer, True)
        found = [memo[piece] for piece in pieces if memo[piece]]
        if terms._SEVERAL in found:
            several = (terms._terms(piece, memo[piece], tools, tokenizer) for piece in pieces)
            found = [term for group in several for term in group if term]
        out.append(found)
    return out


def _dev_sentences() -> list[str]:
    tokenizer = OfflineTokenizer("english")
    sentences = []
    for name in ("cnndm_dev", "bbc_dev"):
        path = EVAL / f"{name}.jsonl"
        if not path.exists():
            return []
        for row in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
            for paragraph in split_paragraphs(row["text"]):
                sentences += tokenizer.to_sentences(paragraph)
    return sentences


def _random_text(rng: random.Random, alphabet: str, count: int) -> Iterator[str]:
    for _ in range(count):
        yield "".join(rng.choices(alphabet, k=rng.randint(0, 60)))


_ASCII = "".join(map(chr, range(128))) + "aeiou   AEIOU" * 3
_UNICODE = _ASCII + "ÄÖÜäöüßẞİıΣσςÉéÇçŒœ\u0301\u0307’‘“”—–…中文ﬁǅ"


def test_the_ascii_table_cuts_as_the_lowercase_table_does() -> None:
    for c in range(128):
        assert _ASCII_PIECES[c] == _PIECES[ord(chr(c).lower())]


@pytest.mark.parametrize("language", ["english", "german"])
def test_content_terms_are_those_of_the_lowercased_sentences(language: str) -> None:
    rng = random.Random(3)
    sentences = _dev_sentences()
    if not sentences:
        pytest.skip("the dev texts are not there")
    sentences += _random_text(rng, _ASCII, 3000)
    sentences += _random_text(rng, _UNICODE, 3000)
    sentences += [s.upper() for s in sentences[:2000]]
    sentences += ["".join(rng.sample(s, len(s))) for s in sentences[:2000]]  # shuffled
    tools = language_tools(language)
    tokenizer = OfflineTokenizer(tools.name)
    terms.term_memo(tools).clear()
    want = _terms_lowered(sentences, language)
    assert content_terms_of(sentences, tools, tokenizer) == want  # words new to the memo
    assert content_terms_of(sentences, tools, tokenizer) == want  # and remembered
    assert sum(map(len, want)) > 100_000


def test_a_line_in_ascii_takes_as_many_columns_as_it_has_characters() -> None:
    rng = random.Random(5)
    lines = [line for line in _dev_lines() if line.isascii()]
    if not lines:
        pytest.skip("the dev texts are not there")
    lines += _random_text(rng, _ASCII, 3000)
    assert [_columns(line) for line in lines] == list(map(len, lines))
