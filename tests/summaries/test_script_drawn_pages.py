"""Pages whose article body a script draws: the text comes from the page's own JSON-LD
``articleBody``, never from another article's, and pages whose HTML holds the article keep
what trafilatura finds."""

from __future__ import annotations

import json

import pytest

from summaries.sources import article_from_page
from tests.summaries.test_main_text import PROSE

URL = "https://www.harbour-daily.example/news/2024/03/14/harbour-bridge-to-close"
TITLE = "Harbour bridge to close for repairs"
OTHER_STORY = (
    "The city zoo welcomed two red panda cubs on Monday, the first born there in a decade, "
    "and keepers said both were feeding well and would be shown to visitors in the spring."
)
ESCAPED_END = "<\\/"  # "</" as JSON encoders write it inside a script
TEASER = "The Harbour Bridge will close to all traffic from June."


def news_article(body: object, url: str | None = URL, **fields: object) -> dict[str, object]:
    """The NewsArticle object a news site states for its article page at ``url``."""
    return {
        "@type": "NewsArticle",
        "headline": TITLE,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": "2024-03-14T08:15:00Z",
        "author": [{"@type": "Person", "name": "Maria Lopez"}],
        "publisher": {"@type": "Organization", "name": "Harbour Daily"},
        "articleBody": body,
        **fields,
    }


def related(*bodies: str) -> dict[str, object]:
    """A list of other stories, each with its own body, as recommendation widgets state it."""
    return {
        "@type": "ItemList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": n,
                "item": news_article(body, headline=f"Story {n}", url=f"{URL}-{n}"),
            }
            for n, body in enumerate(bodies, 1)
        ],
    }


def scripted_page(*data: object, shown: str = "", url: str = URL) -> str:
    """A page as a script-rendered news site sends it: navigation, an empty mount point (or
    ``shown``), a consent notice, a footer, and ``data`` as JSON-LD scripts."""
    encoded = (json.dumps(item).replace("</", ESCAPED_END) for item in data)
    scripts = "".join(f'<script type="application/ld+json">{e}</script>' for e in encoded)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | Harbour Daily</title>
<link rel="canonical" href="{url}">
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="Harbour Daily">
<meta property="article:published_time" content="2024-03-14T08:15:00Z">
{scripts}
<script src="/static/js/app.3f9c1.js" defer></script></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a>
</nav></header>
<main><div id="root">{shown}</div>
<noscript>Please enable JavaScript to read this article.</noscript></main>
<footer><p>Copyright 2024 Harbour Daily. All rights reserved.</p></footer>
</body></html>"""


def plain_body(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def assert_no_json(text: str) -> None:
    for syntax in ('"@type"', "articleBody", "{", "}", '\\"', "\\n"):
        assert syntax not in text


def test_an_empty_page_is_read_from_its_json_ld_body_with_its_metadata():
    article = article_from_page(scripted_page(news_article(plain_body(PROSE))), URL)
    assert article.text.split("\n") == PROSE
    assert_no_json(article.text)
    assert article.title == TITLE
    assert article.source == "Harbour Daily"
    assert article.published is not None and article.published.date().isoformat() == "2024-03-14"


def test_a_page_showing_only_a_teaser_is_read_from_its_body():
    page = scripted_page(news_article(plain_body(PROSE)), shown=f"<h1>{TITLE}</h1><p>{TEASER}</p>")
    assert article_from_page(page, URL).text.split("\n") == PROSE


def test_a_body_in_markup_is_made_text_with_its_paragraphs_kept():
    markup = (
        f"<p>{PROSE[0]}</p><p>{PROSE[1].replace(',', ',<br>', 1)}</p>"
        f"<figure><img src='/a.jpg'><figcaption>The bridge at dusk</figcaption></figure>"
        f"<script>window.ads.push({{}})</script><p><strong>Extra ferries</strong>"
        f"{PROSE[2].removeprefix('Extra ferries')}</p><p>{PROSE[3]}</p>"
    )
    text = article_from_page(scripted_page(news_article(markup)), URL).text
    lines = text.split("\n")
    assert PROSE[0] in lines and PROSE[2] in lines and PROSE[3] in lines
    assert "ads.push" not in text and "<" not in text
    assert_no_json(text)


def test_a_body_escaped_once_too_often_is_read_as_text():
    escaped = "".join(
        f"&lt;p&gt;{p.replace(' the ', ' &#8216;the&#8217; ')}&lt;/p&gt;" for p in PROSE
    )
    text = article_from_page(scripted_page(news_article(escaped)), URL).text
    assert text.split("\n") == [p.replace(" the ", " \u2018the\u2019 ") for p in PROSE]


def test_the_pages_own_article_is_taken_from_a_graph_not_the_related_stories():
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "url": "https://www.harbour-daily.example/"},
            {"@type": "WebPage", "@id": URL, "url": URL},
            related(OTHER_STORY, OTHER_STORY),
            news_article(plain_body(PROSE)),
        ],
    }
    text = article_from_page(scripted_page(graph), URL).text
    assert text.split("\n") == PROSE


def test_of_several_articles_the_one_at_the_pages_address_is_taken():
    page = scripted_page(
        [news_article(OTHER_STORY, url=f"{URL}-zoo", headline="Red panda cubs born")],
        news_article(plain_body(PROSE), url=URL.replace("https://www.", "http://")),
    )
    assert article_from_page(page, URL).text.split("\n") == PROSE


def test_of_several_articles_without_addresses_the_one_with_the_pages_headline_is_taken():
    page = scripted_page(
        news_article(OTHER_STORY, url=None, headline="Red panda cubs"),
        news_article(plain_body(PROSE), url=None),
    )
    assert article_from_page(page, URL).text.split("\n") == PROSE


@pytest.mark.parametrize(
    "data",
    [
        related(plain_body(PROSE)),  # a list of other stories only
        news_article(plain_body(PROSE), url=f"{URL}-zoo"),  # elsewhere
        [  # two stories, neither this page's
            news_article(plain_body(PROSE), url=None, headline="Red panda cubs born"),
            news_article(OTHER_STORY, url=None, headline="Ferries to run all night"),
        ],
    ],
    ids=["related-list", "another-address", "two-unnamed"],
)
def test_no_other_articles_body_is_ever_taken(data):
    """What the page shows stays its text: its menu and its notice, nothing of the stories."""
    page = scripted_page(data)
    if isinstance(data, list):  # a page with its own title, no address, and two stories
        page = page.replace(f"<title>{TITLE}", "<title>Harbour Daily")
        page = page.replace(f'content="{TITLE}"', 'content="Harbour Daily"')
        page = page.replace(f'<link rel="canonical" href="{URL}">', "")
    text = article_from_page(page, URL).text
    assert text == "Home\nNews\nSport\nPlease enable JavaScript to read this article."


def test_a_live_blog_drawn_by_a_script_is_read_from_all_its_updates_in_order():
    """A live blog states each update as a BlogPosting at the page's own address, inside
    its LiveBlogPosting: its text is all of them, never one update taken as the article."""
    updates = [
        {"@type": "BlogPosting", "url": URL, "headline": f"Update {n}", "articleBody": p}
        for n, p in enumerate(PROSE)
    ]
    blog = {"@type": "LiveBlogPosting", "url": URL, "headline": TITLE, "liveBlogUpdate": updates}
    assert article_from_page(scripted_page(blog), URL).text.split("\n") == PROSE


HTML_ARTICLE = "<article><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in PROSE) + "</article>"


@pytest.mark.parametrize(
    "body",
    [
        TEASER,  # a body that is only a teaser
        plain_body(PROSE),  # the same text
        plain_body(PROSE[:3]),  # most of it
        "",
    ],
    ids=["teaser", "same", "most", "empty"],
)
def test_a_page_whose_html_holds_the_article_keeps_its_extracted_text(body):
    shown = HTML_ARTICLE.format(title=TITLE)
    without = article_from_page(scripted_page(shown=shown), URL)
    page = scripted_page(news_article(body), shown=shown)
    assert article_from_page(page, URL) == without
    assert without.text.split("\n")[-4:] == PROSE


def test_a_body_with_raw_line_breaks_in_its_json_is_read_by_its_paragraphs():
    """Sites write the paragraphs' line breaks into the JSON string as they are, which
    strict JSON forbids; browsers and search engines read it all the same."""
    page = scripted_page(news_article("PARAGRAPHS"))
    page = page.replace("PARAGRAPHS", "\r\n\r\n".join(PROSE) + "\t")
    assert article_from_page(page, URL).text.split("\n") == PROSE


def test_a_short_headline_inside_the_pages_title_does_not_make_an_article_the_pages():
    """The site's name ("Harbour Daily") is inside a branded title, and no story's."""
    stories = [
        news_article(OTHER_STORY, url=None, headline="Harbour Daily"),
        news_article(OTHER_STORY, url=None, headline="Red panda cubs born"),
    ]
    page = scripted_page(stories).replace(f'<link rel="canonical" href="{URL}">', "")
    page = page.replace(f'content="{TITLE}"', 'content="Harbour Daily | Harbour Daily"')
    text = article_from_page(page, URL).text
    assert text == "Home\nNews\nSport\nPlease enable JavaScript to read this article."


@pytest.mark.parametrize("ending", ["...", "\u2026", " [\u2026]", " [&hellip;]"])
def test_a_body_its_site_cut_short_ends_at_its_last_whole_sentence(ending):
    """Some sites state only the body's first few hundred characters, cut mid-sentence."""
    cut = f"{PROSE[0]}\n\n{PROSE[1]} {PROSE[2][:40].rstrip()}{ending}"
    assert article_from_page(scripted_page(news_article(cut)), URL).text.split("\n") == PROSE[:2]


def test_a_body_cut_after_a_whole_sentence_loses_only_the_ellipsis():
    cut = f"{PROSE[0]}\n\n{PROSE[1]}\n\n{PROSE[2][:40].rstrip()}..."
    assert article_from_page(scripted_page(news_article(cut)), URL).text.split("\n") == PROSE[:2]
    cut = f"{PROSE[0]}\n\n{PROSE[1]} ..."
    assert article_from_page(scripted_page(news_article(cut)), URL).text.split("\n") == PROSE[:2]


def test_a_page_showing_the_start_of_its_body_before_a_wall_is_read_from_the_body():
    """The HTML holds the first half of the article and a wall; the body holds it all."""
    shown = HTML_ARTICLE.format(title=TITLE).replace(f"<p>{PROSE[2]}</p><p>{PROSE[3]}</p>", "")
    page = scripted_page(news_article(plain_body(PROSE)), shown=shown)
    assert article_from_page(page, URL).text.split("\n") == PROSE


def test_a_page_showing_other_text_as_long_keeps_it():
    """Half a body's length of the page's own text is not a part of the body: it stays."""
    more = "Visitors may see the cubs from the new viewing deck, which opens in the spring."
    shown = f"<article><h1>{TITLE}</h1><p>{OTHER_STORY}</p><p>{more}</p></article>"
    page = scripted_page(news_article(plain_body(PROSE)), shown=shown)
    assert article_from_page(page, URL).text.split("\n")[-2:] == [OTHER_STORY, more]


def test_a_page_showing_its_whole_body_keeps_its_own_paragraphs():
    """A body that adds a line to what the page shows is not taken for so little."""
    shown = HTML_ARTICLE.format(title=TITLE)
    body = " ".join(PROSE) + " Follow Harbour Daily for updates."
    page = scripted_page(news_article(body), shown=shown)
    assert article_from_page(page, URL).text.split("\n")[-4:] == PROSE


def test_a_page_fetched_with_a_feeds_tracking_query_still_finds_its_body():
    """A feed's link adds ``?utm_source=rss``; the page states no canonical address and its
    article states the address without the query."""
    page = scripted_page(news_article(plain_body(PROSE)))
    page = page.replace(f'<link rel="canonical" href="{URL}">', "")
    text = article_from_page(page, f"{URL}?utm_source=rss&utm_medium=feed").text
    assert text.split("\n") == PROSE


@pytest.mark.parametrize("shown", ["", HTML_ARTICLE.format(title=TITLE)], ids=["empty", "article"])
def test_the_date_and_author_only_the_json_ld_states_are_kept(shown):
    """trafilatura reads the JSON-LD for metadata before its scripts are left out of the
    text, and a page with no text at all is read for its metadata all the same."""
    data = json.dumps(news_article(plain_body(PROSE), **{"@context": "https://schema.org"}))
    page = (
        f'<html><head><title>{TITLE}</title><script type="application/ld+json">{data}</script>'
        f'</head><body><div id="root">{shown}</div></body></html>'
    )
    article = article_from_page(page, URL)
    assert article.text.split("\n")[-4:] == PROSE
    assert article.published is not None and article.published.date().isoformat() == "2024-03-14"
    assert article.author == "Maria Lopez"
