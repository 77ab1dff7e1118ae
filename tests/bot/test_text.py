"""bot/text.py: clipping, splitting, listing and web addresses, with either platform's count."""

from __future__ import annotations

import pytest

from bot.text import clip, code_points, listing, reach, split, utf16_units, web_url

ROCKET = "\U0001f680"  # one code point, two UTF-16 units


def counting(length):
    """``length`` that also adds up how many characters it was asked to measure."""
    measured = [0]

    def measure(text: str) -> int:
        measured[0] += len(text)
        return length(text)

    return measure, measured


def test_the_two_measures():
    assert code_points("a" + ROCKET) == 2
    assert utf16_units("a" + ROCKET) == 3
    assert utf16_units("é") == 1


def test_reach_never_passes_the_limit_with_characters_that_count_double():
    text = ROCKET * 10
    assert reach(text, 5, utf16_units) == 2
    assert reach(text, 6, utf16_units) == 3
    assert reach("abc", 10) == 3
    assert reach("abcdef", 3, start=2) == 5


def test_clip_keeps_what_fits_and_cuts_at_a_word_with_an_ellipsis():
    assert clip("short", 10) == "short"
    assert clip("one two three four five six", 12) == "one two…"
    assert clip("abcdefghij", 5) == "abcd…"
    assert clip(ROCKET * 10, 5, length=utf16_units) == ROCKET * 2 + "…"
    assert clip("anything", 0) == ""
    assert clip("a\\bc", 3, tidy=lambda t: t.rstrip("\\")) == "a…"


@pytest.mark.parametrize("length", [code_points, utf16_units])
def test_split_keeps_every_word_in_order_within_the_limit(length):
    words = [f"word{n}{ROCKET if n % 7 == 0 else ''}" for n in range(3000)]
    pieces = split(" ".join(words), 500, length=length)
    assert all(length(piece) <= 500 for piece in pieces)
    assert " ".join(pieces).split() == words


def test_split_prefers_lines_then_sentences_then_words():
    lines = "\n".join(f"Line {n} has a few words." for n in range(100))
    assert all(p.endswith("words.") for p in split(lines, 200))
    sentences = "First sentence here. " * 100
    assert all(p.endswith("here.") for p in split(sentences, 300))
    assert split("a " + "x" * 25, 10) == ["a", "x" * 10, "x" * 10, "x" * 5]  # a long word


def test_split_is_linear_in_the_length_of_the_text():
    """10,000 lines: each character is measured a bounded number of times (it was measured
    once per piece before, quadratic and 1.8 s on the event loop)."""
    text = "\n".join(f"https://feeds.example/{n}/rss.xml — source {n}" for n in range(10_000))
    measure, measured = counting(utf16_units)
    pieces = split(text, 4096, length=measure)
    assert len(pieces) > 100
    assert measured[0] <= 3 * len(text)
    assert "\n".join(pieces) == text


def test_split_with_tidy_moves_what_it_drops_to_the_next_piece():
    pieces = split("abcd\\efgh", 5, tidy=lambda p: p[:-1] if p.endswith("\\") else p)
    assert pieces == ["abcd", "\\efgh"]
    assert split("", 10) == [] and split("   \n ", 10) == []


def test_listing_shows_what_fits_then_how_many_more():
    names = [f"Outlet {n}" for n in range(20)]
    shown = listing(names, 60)
    assert len(shown) <= 60 and shown.startswith("Outlet 0, Outlet 1")
    kept = shown.split(", +")[0].split(", ")
    assert shown.endswith(f", +{20 - len(kept)} more")
    assert listing(["A", "B"], 60) == "A, B"
    assert listing(["  ", "", "A  B"], 60) == "A B"  # blanks skipped, spaces collapsed
    assert listing(["x" * 300], 50, name_limit=40) == "x" * 39 + "…"  # one is always shown
    assert listing(["Alpha", "Beta", "Gamma"], 18, separator=" · ", more=" · +{n} more") == (
        "Alpha · +2 more"
    )


def test_listing_counts_the_more_note_with_its_real_number():
    """Ten left out takes a digit more than nine: the note still fits."""
    names = ["abcd"] * 11
    assert listing(names, 14) == "abcd, +10 more"
    for limit in range(14, 80):
        assert len(listing(names, limit)) <= limit


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/a?b=c#d", "https://news.example/a?b=c#d"),
        ("HTTP://News.Example/A", "http://news.example/A"),
        ("https://bücher.example/ä", "https://xn--bcher-kva.example/%C3%A4"),
        ("https://x.example/a b|c<d>", "https://x.example/a%20b%7Cc%3Cd%3E"),
        ("https://x.example/a%20b", "https://x.example/a%20b"),  # not encoded twice
        ("https://x.example:8443/p?q=1&r=2", "https://x.example:8443/p?q=1&r=2"),
        ("https://[::1]/x", "https://[::1]/x"),
        ("  https://news.example/  ", "https://news.example/"),
        ("javascript:alert(1)", None),
        ("ftp://news.example/a", None),
        ("https://", None),
        ("https://news example/a", None),
        ("https://a..b/", None),
        ("https://x.example:99999/", None),
        ("", None),
        (None, None),
    ],
)
def test_web_url(url, expected):
    assert web_url(url) == expected


def test_listing_of_no_names_is_empty():
    assert listing([], 60) == ""
    assert listing(["", "  "], 60, more=" and {n} more") == ""
