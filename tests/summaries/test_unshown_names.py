"""A call to subscribe is told by a whole name (summaries.sources._unshown): a class or an
id that only holds its last word ("platform", "transform", "comment-form", an ASP.NET
page's one <form id="aspnetForm">) names the page's own parts, which stay."""

from __future__ import annotations

import lxml.html
import pytest

from summaries.sources._unshown import drop_unshown

STORY = "".join(
    f"<p>Paragraph {n} of the story: the council closed the bridge after cracks were found.</p>"
    for n in range(3)
)


def kept(wrapper: str) -> bool:
    """Whether the story, set in ``wrapper``, is still there after the unshown are dropped."""
    tree = lxml.html.fromstring(f"<html><body><header>Site</header>{wrapper}</body></html>")
    drop_unshown(tree)
    return "Paragraph 2" in tree.text_content()


@pytest.mark.parametrize(
    "wrapper",
    [
        f'<div class="content-platform">{STORY}</div>',
        f'<section class="story-format">{STORY}</section>',
        f'<div class="uniform-news">{STORY}</div>',
        f'<div class="article-body form">{STORY}</div>',
        f'<div class="comment-form">{STORY}</div>',
        f'<div class="newsletter-format">{STORY}</div>',
        f'<div class="widget article-widget">{STORY}</div>',
        f'<form id="aspnetForm" method="post" action="./story.aspx">{STORY}</form>',
    ],
)
def test_a_name_that_only_ends_like_a_call_keeps_the_story(wrapper: str) -> None:
    assert kept(wrapper)


@pytest.mark.parametrize(
    "box",
    [
        '<div class="newsletter-signup"><p>Get our morning briefing in your inbox.</p></div>',
        '<form class="subscribe-form"><p>Sign up for the weekly digest today.</p></form>',
        '<div id="newsletter_widget"><p>The best stories of the week, every Friday.</p></div>',
    ],
)
def test_a_newsletters_sign_up_box_is_dropped(box: str) -> None:
    tree = lxml.html.fromstring(f"<html><body>{STORY}{box}</body></html>")
    drop_unshown(tree)
    assert "Paragraph 2" in tree.text_content()
    assert "Sign up" not in tree.text_content() and "inbox" not in tree.text_content()
    assert "every Friday" not in tree.text_content()
