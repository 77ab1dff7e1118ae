"""Readers' replies set inside the article's container under names that do not say
"comment" ("responses", "replies"): told by their shape (items that each hold an author,
a time and a reply link) and left out of the stored text; a list of that shape without
reply links, or a forum's thread that is the whole page, stays."""

from __future__ import annotations

from summaries.sources import article_from_page
from summaries.summarize import article_text

TITLE = "Bridge to close for summer repairs"
STORY = [
    "The council voted on Tuesday to close the old harbour bridge for repairs that will "
    "last until the end of the summer, the mayor said in a statement.",
    "Traffic will be diverted over the northern crossing, which was widened last year to "
    "take the extra load of buses and lorries.",
]
REPLIES = [
    (
        "Mark Jones",
        "2026-03-03",
        "About time they fixed it, the potholes on that bridge have been dreadful for years.",
    ),
    (
        "Sue Allen",
        "2026-03-04",
        "The diversion will add twenty minutes to my commute every single day this summer.",
    ),
]


def page(after: str, story: list[str] = STORY) -> str:
    """An article page whose container holds ``after`` after the story's paragraphs."""
    paragraphs = "".join(f"<p>{p}</p>" for p in story)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title>'
        f"</head><body><article><h1>{TITLE}</h1>{paragraphs}{after}</article></body></html>"
    )


def stored(html: str) -> list[str]:
    article = article_from_page(html, "https://example.com/news/bridge")
    return [line for line in article_text(article).splitlines() if line]


def responses(link: str = '<a class="reply-link" href="#reply">Reply</a>') -> str:
    items = "".join(
        f'<li><div class="meta"><span class="author">{name}</span> <time datetime="{day}">'
        f"{day}</time></div><p>{text}</p>{link}</li>"
        for name, day, text in REPLIES
    )
    return (
        f'<section class="responses"><h3>2 Responses</h3><ol class="replies">{items}</ol></section>'
    )


def test_replies_in_a_block_not_named_comments_are_left_out():
    assert stored(page(responses())) == [TITLE, *STORY]


def test_wordpress_style_replies_under_another_name_are_left_out():
    items = "".join(
        f'<article class="response"><footer><cite class="fn">{name}</cite> '
        f'<time datetime="{day}">{day}</time></footer><p>{text}</p>'
        f'<a rel="nofollow" href="?replytocom={i}">Antworten</a></article>'
        for i, (name, day, text) in enumerate(REPLIES)
    )
    assert stored(page(f'<div class="discussion">{items}</div>')) == [TITLE, *STORY]


def test_a_list_of_that_shape_without_reply_links_stays():
    """Letters to the editor, each with its writer and date: no reply link in them."""
    kept = stored(page(responses(link="")))
    assert all(text in " ".join(kept) for _, _, text in REPLIES)


def test_a_forums_thread_that_is_the_whole_page_stays():
    kept = stored(page(responses(), story=[]))
    assert all(text in " ".join(kept) for _, _, text in REPLIES)
