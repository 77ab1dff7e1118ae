"""The cleaning's cheap tests before its rules: each may only skip what the rule would reject.

Every fast path here is checked against the rule it stands in front of, on lines made to
sit at its edges (and the rules still tell the lines they are there for).
"""

from __future__ import annotations

import html
import json
import random
import re
from pathlib import Path

import pytest

from summaries.clean._body import _is_note_on_the_story
from summaries.clean._clutter import is_clutter
from summaries.clean._date_tokens import date_token_count, is_date_token
from summaries.clean._labels import lower
from summaries.clean._lines import (
    _BINARY,
    _continues,
    _hard_wrapped,
    _is_full,
    ends_sentence,
    join_wrapped,
    looks_like_text,
    text_lines,
)
from summaries.clean._main import main_text
from summaries.clean._rules import (
    _UI_STEMS,
    _UI_WORDS,
    _is_call_to_action,
    _is_copyright,
    _is_meter,
    _is_trailer,
    _may_be_notice,
    is_notice,
)
from summaries.clean._stamps import is_paywall_label, is_print_stamp

WORDS = (
    "May MAY, (Jan. june: pm PM. gmt) 12 12th 2014-11-20 14/03/2024 08:15 12345 3rd, "
    "word Word's İstanbul ½ ٣ ٢٠٢٤ 2024) «March» “Sept.” _ snake_case x2 2x 1990s"
).split()


def test_every_ui_word_holds_a_stem() -> None:
    assert all(any(stem in word for stem in _UI_STEMS) for word in _UI_WORDS)


@pytest.mark.parametrize("word", WORDS)
def test_the_date_token_count_agrees_with_is_date_token(word: str) -> None:
    assert date_token_count([word]) == int(is_date_token(word))


def test_the_date_token_count_of_a_line() -> None:
    assert date_token_count(WORDS) == sum(map(is_date_token, WORDS))


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe to our newsletter for the latest news",
        "Click here to download our app",
        "You can tap the button below",
        "Sign up for your inbox briefing",
        "Leave a comment below, tell us",
    ],
)
def test_calls_to_action_are_still_notices(line: str) -> None:
    assert is_notice.__wrapped__(line)


@pytest.mark.parametrize(
    "line",
    [
        "The happy couple said they would tap into our savings",  # "tap" is a word here
        "Our approach to the appeal is unusual, the court heard",  # "app" only in words
    ],
)
def test_calls_to_action_need_a_ui_word_and_a_reader_word(line: str) -> None:
    expected = "tap" in line.split()
    assert is_notice.__wrapped__(line) is expected


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("Jane Doe contributed to this report.", True),
        ('Jane Doe contributed reporting from Paris."', True),
        ("Jane Doe contributed to this report", False),  # (no full stop: not the credit)
        ("She contributed to this report on the floods and wrote the rest.", False),
        ("Many people contributed, the mayor said.", False),
    ],
)
def test_a_reporting_credit_is_told_by_its_ending(line: str, note: bool) -> None:
    assert _is_note_on_the_story(line, line.count(" ") + 1) is note


def _binary_share_reference(raw: str) -> bool:
    """looks_like_text as a plain count of _BINARY's characters in the whole sample."""
    head = raw[:200_000]
    bad = sum(1 for c in head if _BINARY.match(c))
    return bad <= 0.05 * len(head)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "plain text\twith a tab\r\nand breaks\x0c",
        "quotes \u201clike these\u201d and a dash \u2014 and \u00e9",
        "a vertical tab\x0b" + "x" * 10,
        "\x00\x01\x02 binary" * 3,
        "mostly text \ufffd" + "y" * 100,
        "\ud800 a lone surrogate, and C1 \x85\x9f" * 2,
    ],
)
def test_looks_like_text_counts_what_the_whole_search_would(raw: str) -> None:
    assert looks_like_text(raw) is _binary_share_reference(raw)


@pytest.mark.parametrize(
    ("raw", "lines"),
    [
        ("one  two\tthree\xa0four\nfive ", ["one two three four", "five"]),
        ("a\r\nb\rc\x0bd\x0ce\x85f\u2028g\u2029h", list("abcdefgh")),
        ("x\x00y\u200bz\nw", ["xyz", "w"]),
        ("e\u0301t\u00e9", ["\u00e9t\u00e9"]),
    ],
)
def test_text_lines_breaks_every_kind_of_line(raw: str, lines: list[str]) -> None:
    assert text_lines(raw) == lines


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("He left.", True),
        ('He said: "Go!"', True),
        ("Really?\u201d)", True),
        ("Wait\u2026", True),
        (".\u2019", True),
        ("A heading", False),
        ('"', False),
        ("", False),
        ("A quote's end. \"", False),
    ],
)
def test_ends_sentence_with_or_without_closers(line: str, ends: bool) -> None:
    assert ends_sentence(line) is ends


def _joined_line_by_line(block: list[str]) -> tuple[list[str], list[int], list[bool]]:
    """join_wrapped's rule read line by line: each line continues the paragraph before
    when the line before it ends no sentence and _continues says it goes on."""
    line_ends = list(map(ends_sentence, block))
    if all(line_ends[:-1]) or not any(line_ends):
        return block, [1] * len(block), line_ends
    width = max(map(len, block))
    full = [
        not ended and _is_full(prev, line, width)
        for prev, line, ended in zip(block, block[1:], line_ends, strict=False)
    ]
    wrapped = _hard_wrapped([f for f, ended in zip(full, line_ends, strict=False) if not ended])
    parts, counts, ends = [block[0]], [1], [line_ends[0]]
    for i in range(1, len(block)):
        prev, line = block[i - 1], block[i]
        if line_ends[i - 1] or not _continues(prev, line, wrapped and full[i - 1]):
            parts.append(line)
            counts.append(1)
            ends.append(line_ends[i])
            continue
        counts[-1] += 1
        ends[-1] = line_ends[i]
        hyphen = prev[-1] == "-" and prev[-2:-1].isalpha() and line[0].islower()
        parts[-1] += line if hyphen else " " + line
    return parts, counts, ends


def test_joining_wrapped_lines_reads_only_the_open_ones_to_the_same_paragraphs() -> None:
    words = 'The cat sat on a mat. and then well- known Dog ran: fast! "so." x - y | I'.split()
    rng = random.Random(7)
    blocks = [
        [" ".join(rng.choice(words) for _ in range(rng.randint(1, 14))) for _ in range(n)]
        for n in [rng.randint(1, 9) for _ in range(3000)]
    ]
    blocks.append(
        [
            "A line that is wrapped at a fixed width goes on",
            "In the next line and",
            "ends-",
            "with a word split. Then",
        ]
    )
    joined = [join_wrapped(block) for block in blocks]
    assert joined == [_joined_line_by_line(block) for block in blocks]
    assert (
        sum(
            len(paragraphs) < len(block)
            for (paragraphs, _, _), block in zip(joined, blocks, strict=True)
        )
        > 500
    )


def test_a_line_read_without_looking_up_widths_holds_no_wide_character():
    """The characters _columns counts as one column without asking unicodedata are each
    one column by unicodedata's East Asian width: the shortcut never narrows a wide one."""
    import unicodedata

    from summaries.clean._lines import _NARROW_ONLY

    shortcut = [chr(c) for c in range(0x110000) if _NARROW_ONLY.fullmatch(chr(c))]
    assert len(shortcut) > 1000  # Latin, Greek, Cyrillic and punctuation at least
    assert "\u2019" in shortcut and "я" in shortcut and "中" not in shortcut
    assert [c for c in shortcut if unicodedata.east_asian_width(c) in "WF"] == []


EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
# Lines at the edges of is_notice's cheap test (see _may_be_notice), each told by a rule
NOTICES = [
    "Copyright 2024 Harbour Media Group, all of its titles and the rest of them",
    "(c) Harbour Media Group and its partners in the region, the rest of them",
    "Thanks for reading Grid Letters! Leave a comment on this post below, please",
    "url: https://example.com/news/2024/03/14/the-harbour-bridge-closes-for-good",
    "Vous avez aime notre travail ? Soutenez-nous avec un don pour la suite du site",
    "Harbour Media Group and its partners in the region. All rights reserved.",
    "You have 2 free articles left this month, and then you will need to pay",
    "This article is for subscribers only",
    "Contenuto esclusivo: questo articolo riservato agli abbonati",
    "Harbour Media Group 2024 - Tutti i diritti riservati",
    "Email the newsroom: news@example.com",
    "Like Loading...",
    "Partager sur Facebook Twitter LinkedIn",
    "Abonnez-vous a notre newsletter pour recevoir les nouvelles de la semaine",
    "[Lire aussi : Le pont du port ferme pour de bon apres des annees de travaux]",
    "Lire aussi : Le pont du port ferme pour de bon apres des annees de travaux",
    "Partager sur Facebook, Twitter, LinkedIn et par e-mail",
    "Related: Harbour bridge closes for good after years of repairs and delays",
    "Tags: harbour, bridge, transport, city council, repairs, the port, ferries",
    "Originally published at Medium by the author of the post and the blog",
    "Continue reading on Medium >>",
    "Sign up for our newsletter to get the latest news in your inbox every day",
    "Printed from example.com",
    "Did you like this article? Subscribe to our newsletter for more of the same",
    "#harbour #bridge",
    "Photo: Jane Doe for the Harbour Herald and the Associated Press of the city",
]


def _notice_rules(text: str) -> bool:
    """The rules of is_notice that _may_be_notice stands in front of, all of them."""
    low = lower(text)
    return (
        _is_trailer(text, low)
        or _is_copyright(text, low)
        or _is_call_to_action(low, None)
        or _is_meter(low)
        or is_paywall_label(low)
        or is_print_stamp(low)
        or is_clutter(text, low)
    )


def _dev_lines() -> list[str]:
    """The lines of every dev text (the CNN/DM and BBC articles, and the pages' HTML with
    its tags as line breaks: menus, footers, forms), and of the articles' main texts'
    paragraphs, or [] where the eval files are not there."""
    lines: set[str] = set()
    for name in ("cnndm_dev", "bbc_dev", "pages_dev"):
        path = EVAL / f"{name}.jsonl"
        if not path.exists():
            return []
        for row in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
            if "html" in row:
                lines.update(text_lines(html.unescape(re.sub(r"<[^>]*>", "\n", row["html"]))))
                continue
            lines.update(text_lines(row["text"]))
            lines.update(text_lines(main_text(row["text"]).replace("\n", " ")))
    return sorted(line for line in lines if line)


def test_what_is_notice_skips_no_rule_of_it_tells() -> None:
    lines = [*_dev_lines(), *NOTICES]
    if len(lines) == len(NOTICES):
        pytest.skip("the dev texts are not there")
    told = [line for line in lines if line.isascii() and _notice_rules(line)]
    assert all(_may_be_notice(lower(line)) for line in told)
    assert len(told) > 500
    assert sum(not _may_be_notice(lower(line)) for line in lines if line.isascii()) > 10_000


@pytest.mark.parametrize("line", NOTICES)
def test_the_lines_at_the_edges_of_the_notices_test_are_notices(line: str) -> None:
    assert is_notice.__wrapped__(line)
