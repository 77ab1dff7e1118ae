"""Bars of a few short links beside a paragraph (summaries.sources._link_bars) go before
extraction; what holds words of its own, or links of a headline's length, stays."""

from __future__ import annotations

import lxml.html
import pytest

from summaries.sources._link_bars import drop_link_bars

PARAGRAPH = "<p>Polls have now closed across the state, and counting is under way.</p>"


def after(inner: str) -> str:
    """The text of a block of ``PARAGRAPH`` and ``inner`` after the bars are dropped."""
    tree = lxml.html.fromstring(f"<html><body><div>{PARAGRAPH}{inner}</div></body></html>")
    drop_link_bars(tree)
    return " ".join(tree.text_content().split())


@pytest.mark.parametrize(
    "bar",
    [
        '<div class="post-share"><a href="#">Share</a> <a href="#">Copy link</a></div>',
        "<ul><li><a href='#'>Facebook</a></li><li><a href='#'>X</a></li></ul>",
        "<span><button>Share</button> | <a href='#'>Email</a></span>",
    ],
)
def test_a_bar_of_short_links_beside_a_paragraph_is_dropped(bar: str) -> None:
    assert after(bar) == "Polls have now closed across the state, and counting is under way."


@pytest.mark.parametrize(
    ("inner", "kept"),
    [
        ("<div>Photo: <a href='#'>Jane Doe</a></div>", "Photo: Jane Doe"),
        (
            "<ul><li><a href='#'>Turnout tops 2020 in Marion County</a></li></ul>",
            "Turnout tops 2020 in Marion County",
        ),
        ("<div><a href='#'>Share</a><p>More text here.</p></div>", "More text here."),
        (  # the block's own words run up to an inline link and on after it: a sentence
            "The count in <span><a href='#'>Marion County</a></span> ends by midnight.",
            "The count in Marion County ends by midnight.",
        ),
        (
            "<span><a href='#'>Jane Doe</a></span> is the paper's election editor.",
            "Jane Doe is the paper's election editor.",
        ),
    ],
)
def test_words_of_its_own_or_a_headlines_links_stay(inner: str, kept: str) -> None:
    assert after(inner).endswith(kept)
