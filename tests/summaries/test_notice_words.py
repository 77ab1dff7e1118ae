"""is_notice's cheap test looks a line's words up (see _holds_mark_piece) instead of
searching the line for each mark and UI stem: it answers as the searches do, on every dev
line, on lines made to hold the marks anywhere and on random text, the memo of words
empty, full or started again."""

from __future__ import annotations

import random
import string
from collections.abc import Iterator

import pytest

from summaries.clean import _rules
from summaries.clean._clutter import may_be_clutter
from summaries.clean._labels import lower
from summaries.clean._rules import (
    _MARK_PIECES,
    _NOTICE_MARKS,
    _NOTICE_OPENINGS,
    _UI_STEMS_UNMARKED,
    _holds_mark_piece,
    _holds_ui_stem,
    _may_be_notice,
    is_notice,
)
from tests.summaries.test_clean_fast_paths import _dev_lines

_NEEDLES = (*_NOTICE_MARKS, *_UI_STEMS_UNMARKED)


def _may_be_notice_searched(low: str) -> bool:
    """_may_be_notice as it was: each mark and stem searched for in the whole line."""
    if low.startswith(_NOTICE_OPENINGS.get(low[0], ())) or may_be_clutter(low):
        return True
    for mark in _NOTICE_MARKS:
        if mark in low:
            return True
    return ("us" in low or "you" in low or "our" in low) and _holds_ui_stem(low, _UI_STEMS_UNMARKED)


def _made_lines(seed: int, count: int) -> Iterator[str]:
    """Lines of dev words, marks and stems whole or cut, random ASCII and other characters,
    spaces single, doubled, at the ends, or other whitespace."""
    rng = random.Random(seed)
    words = [w for line in _dev_lines()[:3000] for w in line.lower().split(" ")] or ["word"]
    parts = [*_NEEDLES, *(n[: len(n) // 2] for n in _NEEDLES), *(n[1:] for n in _NEEDLES)]
    extra = string.ascii_lowercase + string.punctuation + " \t\n\u00e9\u00df\u0130\u2019\u4e2d@"
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(1, 30)):
            kind = rng.random()
            if kind < 0.6:
                pieces.append(rng.choice(words))
            elif kind < 0.8:
                pieces.append(rng.choice(parts))
            else:
                pieces.append("".join(rng.choices(extra, k=rng.randint(1, 6))))
        glue = rng.choice([" ", " ", " ", "", "  ", "\t", "-"])
        line = glue.join(pieces)
        if rng.random() < 0.3 and len(line) > 2:  # a mark glued inside a word
            at = rng.randrange(len(line))
            line = line[:at] + rng.choice(_NEEDLES) + line[at:]
        yield line or "x"


def _lows() -> list[str]:
    return [lower(line) for line in _dev_lines()] + list(_made_lines(7, 20_000))


def test_each_mark_and_stem_holds_its_piece_between_two_spaces() -> None:
    for needle in _NEEDLES:
        assert any(piece in needle.split(" ") for piece in _MARK_PIECES), needle
    assert all(piece and " " not in piece for piece in _MARK_PIECES)


def test_the_notices_test_answers_as_its_searches_on_dev_and_made_lines() -> None:
    lows = _lows()
    if len(lows) == 20_000:
        pytest.skip("the dev texts are not there")
    told = list(map(_may_be_notice_searched, lows))
    _rules._UNMARKED.clear()
    _rules._MARKED.clear()
    assert list(map(_may_be_notice, lows)) == told  # the words seen for the first time
    assert list(map(_may_be_notice, lows)) == told  # and again, from the memo
    assert list(map(_may_be_notice, reversed(lows))) == told[::-1]
    assert 1000 < sum(told) < len(told) - 10_000


def test_the_words_memo_starts_again_and_answers_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_rules, "_MEMO_WORDS", 50)
    lows = list(_made_lines(11, 3000))
    held = [any(needle in low for needle in _NEEDLES) for low in lows]
    got = [_holds_mark_piece(low) for low in lows]
    assert all(g for g, h in zip(got, held, strict=True) if h)  # never a mark missed
    assert list(map(_may_be_notice, lows)) == list(map(_may_be_notice_searched, lows))
    assert len(_rules._UNMARKED) + len(_rules._MARKED) <= 50 + 60  # (a line's words past it)


def test_is_notice_answers_as_with_the_searches(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [*_dev_lines(), *(line.capitalize() for line in _made_lines(5, 5000))]
    lines = [line for line in lines if line]
    new = list(map(is_notice.__wrapped__, lines))
    monkeypatch.setattr(_rules, "_may_be_notice", _may_be_notice_searched)
    assert new == list(map(is_notice.__wrapped__, lines))
    assert sum(new) > 500
