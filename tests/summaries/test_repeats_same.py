"""The faster repeated-phrase test collapses exactly what the old one did."""

import json
import random
from pathlib import Path

import pytest

from summaries.clean._repeats import _collapse, _has_repeat
from tests.summaries.old_repeats import _collapse as old_collapse

EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"


def test_a_repeat_started_by_common_words_is_found_and_scattered_ones_are_not() -> None:
    words = "one of the things one of the officials said".split()
    assert not _has_repeat(words, 40)
    words = "he said one of the things one of the things".split()
    assert _has_repeat(words, 40)


def test_random_lines_of_few_words_collapse_as_before() -> None:
    rng = random.Random(7)
    vocab = ["a", "the", "of", "x", "", "word", "longerword", "b"]
    for _ in range(20_000):
        line = " ".join(rng.choice(vocab) for _ in range(rng.randint(1, 60)))
        for max_words in (2, 3, 5, 40):
            assert _collapse(line, max_words) == old_collapse(line, max_words), line


def test_dev_paragraphs_collapse_as_before() -> None:
    paths = sorted(EVAL.glob("*.jsonl")) if EVAL.is_dir() else []
    if not paths:
        pytest.skip(f"no dev files in {EVAL}")
    for path in paths:
        for row in path.open(encoding="utf-8"):
            for line in json.loads(row).get("text", "").split("\n"):
                assert _collapse(line, 40) == old_collapse(line, 40)
