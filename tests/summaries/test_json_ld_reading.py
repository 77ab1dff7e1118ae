"""JSON-LD as sites write it: wrapped in comments or CDATA for old browsers, after a byte
order mark, with trailing commas or a semicolon from a template, or larger than a short
article. A script-drawn page's body is read from it all the same."""

from __future__ import annotations

import re

import pytest

from summaries.sources import article_from_page
from tests.summaries.test_main_text import PROSE
from tests.summaries.test_script_drawn_pages import URL, news_article, scripted_page

_SCRIPT = re.compile(r'(<script type="application/ld\+json">)(.*?)(</script>)', re.S)


def rewritten(page: str, change) -> str:
    """``page`` with the text of its JSON-LD script passed through ``change``."""
    return _SCRIPT.sub(lambda m: m.group(1) + change(m.group(2)) + m.group(3), page, count=1)


def with_trailing_commas(text: str) -> str:
    """The JSON with a comma after the last member of each object and list, as a template's
    loop leaves it."""
    return re.sub(r"(?<=[^\s{\[,])(?=[}\]])", ",", text)


@pytest.mark.parametrize(
    "change",
    [
        lambda t: "\ufeff" + t,
        lambda t: f"<!--\n{t}\n-->",
        lambda t: f"//<![CDATA[\n{t}\n//]]>",
        lambda t: f"/*<![CDATA[*/{t}/*]]>*/",
        lambda t: f"<![CDATA[{t}]]>",
        lambda t: f"\n  {t};\n",
        with_trailing_commas,
    ],
    ids=["bom", "comment", "cdata-line", "cdata-block", "cdata", "semicolon", "commas"],
)
def test_a_body_in_json_ld_as_sites_write_it_is_read(change):
    page = rewritten(scripted_page(news_article("\n\n".join(PROSE))), change)
    assert article_from_page(page, URL).text.split("\n") == PROSE


def test_trailing_commas_are_dropped_only_outside_strings():
    odd = [p.replace(",", ", }", 1) for p in PROSE[:2]] + [p + " [a, ]" for p in PROSE[2:]]
    page = rewritten(scripted_page(news_article("\n\n".join(odd))), with_trailing_commas)
    assert article_from_page(page, URL).text.split("\n") == odd


def test_two_objects_in_one_script_are_both_read():
    """Some templates print one object after another into the same script."""
    page = scripted_page(news_article("\n\n".join(PROSE)))
    page = rewritten(page, lambda t: '{"@type": "WebSite", "name": "Harbour Daily"}\n' + t)
    assert article_from_page(page, URL).text.split("\n") == PROSE


def test_a_long_live_blog_is_read_whole():
    """A day of updates states far more than one article's body: all of it is read."""
    updates = [
        {"@type": "BlogPosting", "articleBody": f"<p>Update {n}: {PROSE[n % len(PROSE)]}</p>"}
        for n in range(1500)
    ]
    blog = {"@type": "LiveBlogPosting", "url": URL, "headline": "Live", "liveBlogUpdate": updates}
    lines = article_from_page(scripted_page(blog), URL).text.split("\n")
    assert len(lines) == 1500 and lines[-1].startswith("Update 1499: ")


def test_a_truncated_script_is_passed_over():
    page = rewritten(scripted_page(news_article("\n\n".join(PROSE))), lambda t: t[: len(t) // 2])
    assert article_from_page(page, URL).text == (
        "Home\nNews\nSport\nPlease enable JavaScript to read this article."
    )


def test_a_script_nested_too_deep_to_read_is_passed_over():
    """Lists in lists, 50,000 deep: more than Python's JSON reader can follow."""
    deep = f'<script type="application/ld+json">{"[" * 50_000}{"]" * 50_000}</script>'
    page = scripted_page(news_article("\n\n".join(PROSE))).replace("</head>", deep + "</head>")
    assert article_from_page(page, URL).text.split("\n") == PROSE


@pytest.mark.parametrize(
    ("body", "text"),
    [
        # prose that names a tag keeps it, and its entities are read as characters
        ("It&#8217;s the <p> tag, and more &amp; more.", "It\u2019s the <p> tag, and more & more."),
        # markup in the middle of a body (a line break touching words) is read as markup
        ("Intro text.<br>More&nbsp;text here.", "Intro text.\nMore text here."),
        ("&lt;p&gt;Escaped once too often.&lt;/p&gt;", "Escaped once too often."),
    ],
)
def test_a_body_is_read_as_text_or_markup_entities_decoded_either_way(body, text):
    from summaries.sources._ld_body import readable

    assert readable(body) == text
