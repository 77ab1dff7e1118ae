"""Page data in the forms other than Next.js 9's script of JSON: the assignment of older
Next.js versions, and a Storyblok story that names its title ``name``."""

from __future__ import annotations

import json

import pytest

from summaries.sources import article_from_page
from tests.summaries.test_main_text import PROSE
from tests.summaries.test_page_data_bodies import (
    OTHER,
    SHOWN_NOTHING,
    TITLE,
    URL,
    html_article,
    page,
    page_props,
)


def old_next_page(data: object, before: str = "", after: str = "") -> str:
    """A page as Next.js before version 9 sends it: its data assigned in a plain script,
    with the code those versions put around it."""
    script = json.dumps(data).replace("</", "<\\/")
    return page(f"<script>{before}__NEXT_DATA__ = {script}{after}</script>")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("", ";__NEXT_LOADED_PAGES__=[];__NEXT_REGISTER_PAGE=function(r,f){}"),
        ("\n          ", "\n          module={}\n          __NEXT_LOADED_PAGES__ = []\n"),
        ("window.", ";"),
    ],
    ids=["next-8", "next-5", "window"],
)
def test_an_old_next_js_pages_assigned_data_gives_its_body(before, after):
    data = page_props(article=html_article(), note="a } and a { in a string")
    text = article_from_page(old_next_page(data, before, after), URL).text
    assert text.split("\n") == PROSE


@pytest.mark.parametrize(
    "script",
    [
        "__NEXT_DATA__ = {\"props\": {\"pageProps\": {\"article\": ",  # cut short
        "__NEXT_DATA__ = loadData();",  # no JSON
        "var MY__NEXT_DATA__ = {};",  # another name
    ],
)
def test_an_assignment_that_cannot_be_read_leaves_the_pages_own_text(script):
    assert article_from_page(page(f"<script>{script}</script>"), URL).text == SHOWN_NOTHING


def storyblok_story(name: str, paragraphs: list[str]) -> dict[str, object]:
    """A Storyblok story: its title in ``name``, its body rich text in ``content``."""

    def paragraph(text: str) -> dict[str, object]:
        return {"type": "paragraph", "content": [{"type": "text", "text": text}]}

    body = {"type": "doc", "content": [paragraph(p) for p in paragraphs]}
    slug = name.casefold().replace(" ", "-")
    content = {"_uid": "b1", "component": "article", "body": body}
    return {"name": name, "slug": slug, "full_slug": f"news/{slug}", "content": content}


def test_a_storyblok_story_named_as_the_page_is_its_article_among_others():
    others = [storyblok_story(f"Red panda cubs, part {n}", OTHER) for n in (1, 2)]
    props = {
        "story": storyblok_story(TITLE, PROSE),
        "related": others,
        "author": {"name": "Maria Lopez"},
    }
    assert article_from_page(next_data(props), URL).text.split("\n") == PROSE


def test_an_object_named_as_the_page_without_a_body_takes_nothing_from_others():
    """A section named like the page's headline holds no body: the page's one story with a
    body is still found (the only one), and a name alone never takes another's."""
    props = {
        "section": {"name": TITLE, "id": 7},
        "story": {"title": "Bridge shut for six months", "body": "\n\n".join(PROSE)},
    }
    assert article_from_page(next_data(props), URL).text.split("\n") == PROSE
    lone = {"section": {"name": TITLE, "id": 7}, "related": [storyblok_story("Cubs", OTHER)]}
    assert article_from_page(next_data(lone), URL).text == SHOWN_NOTHING


def next_data(props: dict[str, object]) -> str:
    from tests.summaries.test_page_data_bodies import next_page

    return next_page(page_props(**props))


def test_the_sites_name_ending_a_branded_title_names_no_article():
    """The page's title is "<headline> | Harbour Daily": an object named "Harbour Daily"
    is the site, and its about text is no body; the only titled body is the article's."""
    about = "Harbour Daily is the city's paper. It was founded in 1901. It prints daily."
    props = {
        "site": {"name": "Harbour Daily", "about": about},
        "post": {"title": "Bridge shut for six months", "body": "\n\n".join(PROSE)},
    }
    assert article_from_page(next_data(props), URL).text.split("\n") == PROSE
