"""A query folds each word it reads once, however it is typed: the fold is not idempotent
(ألمانيا folds to المانيا, which a second fold makes مانيا, a word of its own), so a word
folded twice on one path would look for another word than the index holds."""

from __future__ import annotations

import pytest

from summaries.store import parse_query, vocabulary

GERMANY = "ألمانيا"  # folds to المانيا; folded again: مانيا (mania)
ONCE = vocabulary.fold(GERMANY)


def test_the_fold_of_germany_is_not_its_own_fold():
    """What the tests below guard against: a second fold changes the word."""
    assert (ONCE, vocabulary.fold(ONCE)) == ("المانيا", "مانيا")


@pytest.mark.parametrize(
    "typed",
    [
        GERMANY,
        f'"{GERMANY}"',
        f"{GERMANY}*",
        f'"في {GERMANY} اليوم"',
        f"{GERMANY}.2",
        f'"{GERMANY}.2"',
        f"{GERMANY}北京",  # a Chinese run glued to the word: read apart from it
        f'"{GERMANY}北京"',
        f'"北京{GERMANY} news"',
    ],
)
def test_each_way_of_typing_a_word_folds_it_once(typed):
    words = [word for term in parse_query(typed).terms for word in term.words]
    assert ONCE in words, words
    assert vocabulary.fold(ONCE) not in words
