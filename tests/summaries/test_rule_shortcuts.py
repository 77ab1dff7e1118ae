"""The shortcuts inside the line rules answer as the rules they stand for, on every dev
line and on lines made to sit at their edges."""

from __future__ import annotations

import itertools
import re
from functools import cache

import pytest

from summaries.clean._clutter import may_be_clutter
from summaries.clean._comments import (
    _COMMENT_PIECES,
    _COMMENT_STEMS,
    _is_turn,
    _names_comments,
    comment_section_start,
    is_comment_prompt,
)
from summaries.clean._ends import CLOSERS, END_CHARS, ends_sentence
from summaries.clean._labels import lower
from summaries.clean._lines import _cjk_count, word_count
from summaries.clean._rules import (
    _NOTICE_MARKS,
    _NOTICE_OPENINGS,
    _UI_STEMS,
    _UI_STEMS_UNMARKED,
    _closes_bracket,
    _holds_ui_stem,
    _may_be_notice,
)
from summaries.sentences import SENTENCE_ENDS, ends_unmarked
from summaries.speaker_labels import LONGEST, _label_pattern, capitalised, opening_label
from summaries.words import marks_in
from tests.summaries.test_clean_fast_paths import _dev_lines

# Ends and openings of lines at the shortcuts' edges: marks, closers, both colons at the
# first character and after a label, brackets before a full stop.
EDGES = [
    *(
        f"{body}{end}"
        for body in ("", "x", "Word", "So it goes", "(Photo: Jane Doe")
        for end in (
            "",
            ".",
            ")",
            ").",
            "].",
            "]",
            "..",
            ".)",
            "!",
            "?'",
            "。",
            "）",
            "*",
            '."',
            "»",
        )
    ),
    *(
        f"{head}{rest}"
        for head in ("", ": ", "：", "A: ", "李明：", "Anchor: ", "x" * 50 + ": ")
        for rest in ("", "Hello there", 'Rick: "I ...', "主持人：你好", "Host John Smith: Yes")
    ),
    "Comment: log in to comment",
    "Kommentator sagt: Sie müssen sich einloggen",
    "Comentários: faça login",
    "Комментарии: войдите",
    "A moment: register to comment",
]


@cache
def _lines() -> list[str]:
    lines = [*_dev_lines(), *EDGES]
    if len(lines) == len(EDGES):
        pytest.skip("the dev texts are not there")
    return lines


def _ends_sentence_in_full(text: str) -> bool:
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and (stripped[-1] in SENTENCE_ENDS or ends_unmarked(stripped))


def _opening_label_in_full(text: str) -> re.Match[str] | None:
    colon = min(
        (c for c in (text.find(": ", 0, LONGEST), text.find("：", 0, LONGEST)) if c > 0),
        default=-1,
    )
    if colon < 0:
        return None
    found = _label_pattern(marks_in(text[:colon])).match(text, 0, colon + 3)
    if found is None or not all(map(capitalised, found["name"].split(" "))):
        return None
    return found


def test_no_mark_that_ends_a_sentence_is_a_closer() -> None:
    assert END_CHARS == set(SENTENCE_ENDS) and END_CHARS.isdisjoint(CLOSERS)


def test_ends_sentence_answers_as_in_full() -> None:
    lines = _lines()
    assert [ends_sentence(line) for line in lines] == list(map(_ends_sentence_in_full, lines))
    assert sum(map(ends_sentence, lines)) > 1000


def test_every_comment_stem_holds_a_piece() -> None:
    assert all(any(piece in stem for piece in _COMMENT_PIECES) for stem in _COMMENT_STEMS)


def test_the_comment_stems_are_found_as_in_full() -> None:
    lows = [line.lower() for line in _lines()]
    told = [any(stem in low for stem in _COMMENT_STEMS) for low in lows]
    assert list(map(_names_comments, lows)) == told
    assert sum(told) > 5


def test_the_opening_label_is_found_as_in_full() -> None:
    lines = [*_lines(), *("".join(p) for p in itertools.product(["A", "：", ": ", "Bo"], repeat=4))]
    got = [(m.span(), m.groups()) if (m := opening_label(line)) else None for line in lines]
    old = [
        (m.span(), m.groups()) if (m := _opening_label_in_full(line)) else None for line in lines
    ]
    assert got == old
    assert sum(m is not None for m in got) > 20


def test_a_bracket_is_closed_as_in_full() -> None:
    texts = [
        *_lines(),
        *("".join(p) for p in itertools.product(["", "x", ".", ")", "]", "("], repeat=3)),
    ]
    old = [t[-1:] in (")", "]") or (t[-1:] == "." and t[-2:-1] in (")", "]")) for t in texts]
    assert list(map(_closes_bracket, texts)) == old
    assert sum(old) > 20


def _may_be_notice_in_full(low: str) -> bool:
    if low.startswith(_NOTICE_OPENINGS.get(low[0], ())) or may_be_clutter(low):
        return True
    if any(mark in low for mark in _NOTICE_MARKS):
        return True
    return ("us" in low or "you" in low or "our" in low) and _holds_ui_stem(low)


def test_a_ui_stem_left_out_of_the_notices_test_holds_a_mark() -> None:
    left_out = set(_UI_STEMS) - set(_UI_STEMS_UNMARKED)
    assert left_out and all(any(m in stem for m in _NOTICE_MARKS) for stem in left_out)


def test_the_notices_test_answers_as_in_full() -> None:
    lows = [lower(line) for line in _lines() if line.isascii() and line]
    lows += ["you may subscribe", "our newsletter", "us: subscription", "your app", "tap us"]
    told = list(map(_may_be_notice_in_full, lows))
    assert list(map(_may_be_notice, lows)) == told
    assert 500 < sum(told) < len(told) - 10_000


def _comment_section_start_in_full(lines: list[str]) -> int:
    total = sum(map(len, lines))
    before = 0
    for i, line in enumerate(lines):
        if 2 * before > total and is_comment_prompt(line) and not _is_turn(line, lines):
            return i
        before += len(line)
    return len(lines)


def test_a_comment_section_starts_where_it_did() -> None:
    prompt = "You must be logged in to post a comment."
    made = [[], [""], ["", ""], [prompt], ["ab", prompt], ["abc", "", prompt], ["a" * 40, prompt]]
    made += [["x" * n, prompt, "y" * m] for n in range(0, 45, 4) for m in range(0, 45, 4)]
    made += [["x" * n, "", prompt] for n in range(0, 80)]
    lines = _lines()
    made += [
        lines[i : i + 40] + [prompt] + lines[i + 40 : i + 40 + n]
        for i, n in zip(
            range(0, len(lines) - 100, 97), itertools.cycle(range(0, 60, 7)), strict=False
        )
    ]
    starts = list(map(comment_section_start, made))
    assert starts == list(map(_comment_section_start_in_full, made))
    assert 50 < sum(s < len(m) for s, m in zip(starts, made, strict=True)) < len(made) - 50


def test_a_line_has_as_many_words_as_in_full() -> None:
    lines = [*_lines(), "李明说 你好", "ภาษาไทย ดี", "한국어 문장"]
    old = [t.count(" ") + 1 + (0 if t.isascii() else _cjk_count(t)) // 2 for t in lines]
    assert list(map(word_count, lines)) == old
