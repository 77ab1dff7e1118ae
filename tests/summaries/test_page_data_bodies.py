"""Pages drawn by Next.js or Nuxt, whose article body is only in the page's data script:
the body of the page's own article is read whatever shape its CMS gives it, never a list of
stories, a teaser or another article's body, and a page whose HTML holds the article keeps
what trafilatura finds."""

from __future__ import annotations

import json

import pytest

from summaries.sources import article_from_page
from tests.summaries.test_main_text import PROSE

URL = "https://www.harbour-daily.example/news/harbour-bridge-to-close"
TITLE = "Harbour bridge to close for repairs"
OTHER = [
    "The city zoo welcomed two red panda cubs on Monday, the first born there in a decade.",
    "Keepers said both cubs were feeding well and gaining weight every day.",
    "They will be shown to visitors in the spring, once the new enclosure is finished.",
    "The zoo has asked the public to suggest names for the pair.",
    "Tickets for the opening weekend go on sale next month.",
]
TEASER = "The Harbour Bridge will close to all traffic from June. Commuters face longer journeys."
SHOWN_NOTHING = "Home\nNews\nSport\nPlease enable JavaScript to read this article."
LINK = "around 40,000 vehicles"  # a link inside the second paragraph


def next_page(data: object, shown: str = "", title: str = TITLE) -> str:
    """A page as a Next.js news site sends it: navigation, the mount point (empty, or
    ``shown``), a notice, and ``data`` in its __NEXT_DATA__ script."""
    script = json.dumps(data).replace("</", "<\\/")
    return page(
        f'<script id="__NEXT_DATA__" type="application/json">{script}</script>', shown, title
    )


def page(script: str, shown: str = "", title: str = TITLE) -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Harbour Daily</title><meta property="og:site_name" content="Harbour Daily">
</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a>
</nav></header><main><div id="__next">{shown}</div>
<noscript>Please enable JavaScript to read this article.</noscript></main>
{script}<script src="/_next/static/chunks/main-3f9c1.js" defer></script></body></html>"""


def page_props(**props: object) -> dict[str, object]:
    return {"props": {"pageProps": props}, "page": "/news/[slug]", "buildId": "a1b2c3"}


def teaser(n: int, body: object = None) -> dict[str, object]:
    """A related story as a site lists it, with its own title (and body, if given)."""
    return {"title": f"Red panda cubs born, part {n}", "slug": f"/news/cubs-{n}", "body": body}


def html_article(paragraphs: list[str] = PROSE, **fields: object) -> dict[str, object]:
    """props.pageProps.article with its body as one string of markup."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return {"id": 42, "headline": TITLE, "summary": TEASER, "body": body, **fields}


def contentful_article() -> dict[str, object]:
    """A Contentful-style rich text document: blocks of runs, a link inside a paragraph."""
    before, after = PROSE[1].split(LINK)

    def text(value: str) -> dict[str, object]:
        return {"nodeType": "text", "value": value, "marks": [], "data": {}}

    def paragraph(*runs: dict[str, object]) -> dict[str, object]:
        return {"nodeType": "paragraph", "data": {}, "content": list(runs)}

    link = {"nodeType": "hyperlink", "data": {"uri": "/traffic"}, "content": [text(LINK)]}
    document = {
        "nodeType": "document",
        "data": {},
        "content": [
            paragraph(text(PROSE[0])),
            paragraph(text(before), link, text(after)),
            {"nodeType": "embedded-entry-block", "data": {"target": {"sys": {"id": "x1"}}}},
            paragraph(text(PROSE[2])),
            paragraph(text(PROSE[3])),
        ],
    }
    embedded = {"title": "Ferry timetable", "content": OTHER[0]}
    return {"post": {"title": TITLE, "body": {"json": document, "links": [embedded]}}}


def blocks_article() -> dict[str, object]:
    """A Prismic/Sanity-like list of typed blocks, an image among them, in a story object."""
    blocks = [
        {"type": "paragraph", "text": PROSE[0], "spans": []},
        {"type": "image", "url": "/bridge.jpg", "alt": "The bridge at dusk"},
        {"_type": "block", "style": "normal", "children": [{"_type": "span", "text": PROSE[1]}]},
        {"type": "paragraph", "text": PROSE[2], "spans": []},
        {"type": "paragraph", "text": PROSE[3], "spans": []},
    ]
    story = {"name": "harbour-bridge", "content": {"title": TITLE, "blocks": blocks}}
    return {"story": story, "related": [teaser(1), teaser(2)]}


def markdown_page() -> dict[str, object]:
    """A page whose content is one Markdown string: its headline, a link, a subheading."""
    second = PROSE[1].replace(LINK, f"[{LINK}](https://www.harbour-daily.example/traffic)")
    content = f"# {TITLE}\n\n{PROSE[0]}\n\n{second}\n\n## Ferries\n\n{PROSE[2]}\n\n{PROSE[3]}"
    return {"title": f"{TITLE} | Harbour Daily", "content": content}


@pytest.mark.parametrize(
    "props",
    [{"article": html_article()}, contentful_article(), blocks_article(), markdown_page()],
    ids=["markup-string", "rich-text-document", "typed-blocks", "markdown-string"],
)
def test_an_empty_pages_body_is_read_from_its_next_data_whatever_its_shape(props):
    article = article_from_page(next_page(page_props(**props)), URL)
    assert [line for line in article.text.split("\n") if line != "Ferries"] == PROSE
    assert article.title == TITLE


def test_the_own_article_is_found_by_its_title_among_related_stories_with_longer_bodies():
    others = " ".join(OTHER * 3)
    props = {
        "related": [teaser(1, others), teaser(2, others)],
        "article": html_article(),
        "mostRead": {"items": [teaser(3, others)]},
    }
    assert article_from_page(next_page(page_props(**props)), URL).text.split("\n") == PROSE


def test_a_nuxt_pages_flattened_data_is_read_the_same_way():
    """Nuxt 3 states each value once in a list, objects naming their fields' indexes."""
    values = [
        ["Reactive", 1],
        {"data": 2, "state": 12},
        {"article-42": 3},
        {"title": 4, "description": 5, "body": 6, "tags": 11},
        TITLE,
        TEASER,
        [7, 9],
        {"type": 8, "value": 10},
        "paragraph",
        {"type": 8, "value": 13},
        "".join(f"<p>{p}</p>" for p in PROSE[:2]),
        [],
        {},
        "".join(f"<p>{p}</p>" for p in PROSE[2:]),
    ]
    script = f'<script type="application/json" id="__NUXT_DATA__">{json.dumps(values)}</script>'
    assert article_from_page(page(script), URL).text.split("\n") == PROSE


def test_the_only_titled_object_with_a_body_is_the_pages_article_when_no_title_matches():
    """A page titled with its site's name alone, its data holding one article."""
    data = page_props(article=html_article(headline="Bridge shut for six months"))
    text = article_from_page(next_page(data, title="Harbour Daily"), URL).text
    assert text.split("\n") == PROSE


def test_the_body_is_read_when_finding_the_article_used_up_its_budget():
    """Data too large to look through whole (here a long list of numbers after the
    article) still gives the body of the article found before the search stopped."""
    data = page_props(article=html_article(), counts=[0] * 250_000)
    assert article_from_page(next_page(data), URL).text.split("\n") == PROSE


def test_a_page_listing_stories_takes_none_of_their_bodies():
    stories = [teaser(n, " ".join(OTHER)) for n in range(1, 4)]
    home = next_page(page_props(stories=stories), title="Harbour Daily")
    assert article_from_page(home, URL).text == SHOWN_NOTHING


def test_another_articles_body_is_never_taken_for_the_pages_teaser():
    """The page's article states only a teaser; a related story states its whole body."""
    article = {"headline": TITLE, "body": TEASER, "related": [teaser(1, " ".join(OTHER))]}
    text = article_from_page(next_page(page_props(article=article)), URL).text
    assert text == SHOWN_NOTHING


def test_a_teaser_only_body_is_not_taken():
    article = {
        "headline": TITLE,
        "summary": TEASER,
        "body": [{"type": "paragraph", "text": TEASER}],
    }
    text = article_from_page(next_page(page_props(article=article)), URL).text
    assert text == SHOWN_NOTHING


@pytest.mark.parametrize(
    "data",
    [page_props(article=html_article()), page_props(article=html_article(PROSE[:2]))],
    ids=["same-body", "shorter-body"],
)
def test_a_page_whose_html_holds_the_article_keeps_its_extracted_text(data):
    shown = f"<article><h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in PROSE) + "</article>"
    without = article_from_page(page("", shown), URL)
    assert article_from_page(next_page(data, shown), URL) == without
    assert without.text.split("\n")[-4:] == PROSE


@pytest.mark.parametrize(
    "script",
    [
        '<script id="__NEXT_DATA__" type="application/json">{"props": {"pageProps": {"article"',
        '<script id="__NEXT_DATA__" type="application/json"></script>',
        '<script id="__NUXT_DATA__" type="application/json">[[5, 1], {"title": -1}, 99]</script>',
        '<script id="__NEXT_DATA__" type="application/json">' + "[" * 5000 + "]" * 5000,
    ],
    ids=["cut-short", "empty", "bad-indexes", "too-deep"],
)
def test_page_data_that_cannot_be_read_leaves_the_pages_own_text(script):
    assert article_from_page(page(script), URL).text == SHOWN_NOTHING


def wordpress_post() -> dict[str, object]:
    """A post as WordPress's REST API gives it: title and content each ``{"rendered": ...}``."""
    body = "".join(f"<p>{p}</p>" for p in PROSE)
    return {
        "id": 7,
        "title": {"rendered": TITLE},
        "content": {"rendered": body, "protected": False},
        "excerpt": {"rendered": f"<p>{TEASER}</p>"},
    }


def arc_story() -> dict[str, object]:
    """An Arc XP story: its headline in ``headlines.basic``, its body ``content_elements``."""
    elements = [{"_id": f"e{n}", "type": "text", "content": p} for n, p in enumerate(PROSE)]
    headlines = {"basic": TITLE, "web": "", "mobile": ""}
    return {"type": "story", "headlines": headlines, "content_elements": elements}


@pytest.mark.parametrize(
    "props",
    [{"post": wordpress_post()}, {"globalContent": arc_story()}],
    ids=["wordpress-rendered-title", "arc-headlines"],
)
def test_an_articles_title_stated_in_an_object_finds_it(props):
    """Next to a longer related story, so that only the title can tell the article."""
    related = teaser(1, " ".join(OTHER * 3))
    data = page_props(**props, related=[related, teaser(2, " ".join(OTHER * 3))])
    assert article_from_page(next_page(data), URL).text.split("\n") == PROSE


def test_a_titled_block_among_the_paragraphs_leaves_the_others_read():
    """An Arc XP body with a video (titled, as stories are) and a captioned image among
    its paragraphs: a list is of stories only when all its objects are titled."""
    story = arc_story()
    video = {"type": "video", "headlines": {"basic": "Watch: the bridge"}, "duration": 61}
    image = {"type": "image", "caption": "The bridge at dusk.", "url": "/bridge.jpg"}
    story["content_elements"][1:1] = [video, image]
    data = page_props(globalContent=story, related=[teaser(1, " ".join(OTHER * 3))])
    assert article_from_page(next_page(data), URL).text.split("\n") == PROSE


def test_a_block_stating_its_text_twice_gives_it_once():
    """A block may state its text plain and as markup; the fuller of its fields is read."""
    blocks = [{"type": "paragraph", "text": p, "html": f"<p>{p}</p>"} for p in PROSE]
    data = page_props(article={"title": TITLE, "body": blocks})
    assert article_from_page(next_page(data), URL).text.split("\n") == PROSE


def test_an_html_trees_scripts_styles_and_comments_are_not_read():
    """A hast tree (rehype's, as MDX and Notion renderers send it): its tag in ``tagName``."""

    def element(tag: str, text: str) -> dict[str, object]:
        kids = [{"type": "text", "value": text}]
        return {"type": "element", "tagName": tag, "properties": {}, "children": kids}

    code = "window.dataLayer = []. gtag('js', new Date()). gtag('config', 'G-1'). ok."
    children = [
        element("p", PROSE[0]),
        element("script", code),
        element("style", ".a { color: red }. .b { margin: 0 }. .c { padding: 0 }."),
        {"type": "comment", "value": " Ad slot. Do not remove. Ask the web team. "},
        *(element("p", p) for p in PROSE[1:]),
    ]
    data = page_props(post={"title": TITLE, "content": {"type": "root", "children": children}})
    assert article_from_page(next_page(data), URL).text.split("\n") == PROSE


def test_a_markdown_body_without_links_or_headings_loses_its_marks():
    """Bold, a quote and emphasis tell Markdown as well as links and headings do."""
    last = PROSE[3].replace("fear", "*fear*")
    content = f"{PROSE[0]}\n\n**{PROSE[1]}**\n\n> {PROSE[2]}\n\n{last}"
    data = page_props(post={"title": TITLE, "content": content})
    assert article_from_page(next_page(data), URL).text.split("\n") == PROSE


@pytest.mark.parametrize(
    "shared",
    [["long", 3_000], ["doubling", 24]],
    ids=["one-text-referred-to-thousands-of-times", "lists-doubling-through-shared-items"],
)
def test_a_value_flattened_data_refers_to_from_many_places_is_not_read_without_end(shared):
    """A few kilobytes of Nuxt data may stand for gigabytes of text: a long text that a
    list refers to thousands of times, or lists each referring twice to the next. Reading
    stops at a cap, the text it was reading no body, and the article's body stands."""
    kind, count = shared
    values = [["Reactive", 1], {"title": 2, "body": 3, "cache": 4}, TITLE]
    values.append("".join(f"<p>{p}</p>" for p in PROSE))
    if kind == "long":
        values += [[5] * count, " ".join(OTHER) * 50]
    else:
        values += [[n + 1, n + 1] for n in range(4, 4 + count)] + [" ".join(OTHER)]
    script = f'<script type="application/json" id="__NUXT_DATA__">{json.dumps(values)}</script>'
    assert article_from_page(page(script), URL).text.split("\n") == PROSE


def arc_list_and_quote() -> dict[str, object]:
    """An Arc XP body whose list keeps its items in ``items``, its quote its paragraphs in
    ``content_elements``."""
    story = arc_story()
    items = [{"type": "text", "content": PROSE[1]}]
    quote = {"type": "quote", "content_elements": [{"type": "text", "content": PROSE[2]}]}
    story["content_elements"][1:3] = [{"type": "list", "list_type": "unordered", "items": items}]
    story["content_elements"][2:2] = [quote]
    return {"globalContent": story}


def gutenberg_post() -> dict[str, object]:
    """WordPress's blocks as a headless site sends them: a paragraph's text in its
    ``attributes``, a parsed block's in ``innerHTML``, a list's items in ``innerBlocks``."""
    item = {"blockName": "core/list-item", "innerHTML": f"<li>{PROSE[2]}</li>", "innerBlocks": []}
    blocks = [
        {"name": "core/paragraph", "attributes": {"content": PROSE[0], "dropCap": False}},
        {"blockName": "core/paragraph", "attrs": {}, "innerHTML": f"\n<p>{PROSE[1]}</p>\n"},
        {"blockName": "core/list", "innerHTML": "<ul></ul>", "innerBlocks": [item]},
        {"name": "core/paragraph", "attributes": {"content": PROSE[3]}},
    ]
    return {"post": {"title": TITLE, "blocks": blocks}}


def strapi_article() -> dict[str, object]:
    """Strapi's dynamic zone: rich-text components with a Markdown ``body``, and a titled
    quote among them."""
    quote = {"__component": "shared.quote", "id": 2, "title": "The mayor", "body": "Short."}
    blocks = [
        {"__component": "shared.rich-text", "id": 1, "body": f"{PROSE[0]}\n\n{PROSE[1]}"},
        quote,
        {"__component": "shared.rich-text", "id": 3, "body": f"{PROSE[2]}\n\n**{PROSE[3]}**"},
    ]
    return {"article": {"title": TITLE, "blocks": blocks}}


@pytest.mark.parametrize(
    "props",
    [arc_list_and_quote(), gutenberg_post(), strapi_article()],
    ids=["arc-list-and-quote", "wordpress-blocks", "strapi-dynamic-zone"],
)
def test_blocks_keeping_their_text_in_their_cms_own_fields_are_read(props):
    data = page_props(**props, related=[teaser(1, " ".join(OTHER))])
    assert article_from_page(next_page(data), URL).text.split("\n") == PROSE


def test_the_comments_an_article_holds_are_not_its_body():
    """A headless WordPress post as WPGraphQL gives it, its readers' comments inside it:
    together longer than the article, each naming its author as no block of a body does."""
    comment = "".join(f"<p>{line}</p>" for line in OTHER)
    nodes = [{"content": comment, "author": {"node": {"name": f"Reader {n}"}}} for n in range(9)]
    body = "".join(f"<p>{p}</p>" for p in PROSE)
    post = {"title": TITLE, "content": body, "comments": {"nodes": nodes}}
    assert article_from_page(next_page(page_props(post=post)), URL).text.split("\n") == PROSE


def test_paragraphs_stated_as_typed_text_blocks_are_lines_of_their_own():
    """Arc XP's paragraphs are ``{"type": "text", "content": ...}``: a list or quote of two
    is two lines, not one run together (a run of a paragraph states its text in ``text``,
    ``value`` or ``data``)."""
    story = arc_story()
    paragraphs = [{"type": "text", "content": p} for p in PROSE[1:3]]
    quote = {"type": "quote", "content_elements": paragraphs}
    story["content_elements"][1:3] = [quote]
    data = page_props(globalContent=story)
    assert article_from_page(next_page(data), URL).text.split("\n") == PROSE


def test_of_an_articles_versions_in_several_languages_the_pages_is_read():
    """Contentful (``locale=*``) and Sanity's field translations key each field's versions
    by language: the version in the page's language is the body, not the longest."""
    german = [
        "Die Hafenbrücke wird ab Juni für sechs Monate für den gesamten Verkehr gesperrt, "
        "während Ingenieure ihre Seile austauschen, teilte der Stadtrat am Donnerstag mit.",
        "Pendler müssen mit längeren Fahrzeiten rechnen, denn nach Schätzungen des Stadtrats "
        "überqueren an jedem Werktag rund 40.000 Fahrzeuge die Brücke.",
        "Zu den Hauptverkehrszeiten sollen alle 15 Minuten zusätzliche Fähren fahren.",
        "Geschäftsleute am Nordufer befürchten während der Bauarbeiten weniger Kundschaft.",
        "Der Stadtrat will im Mai über weitere Umleitungen für den Busverkehr entscheiden.",
    ]
    body = {"de-DE": "".join(f"<p>{p}</p>" for p in german)}
    body["en-US"] = "".join(f"<p>{p}</p>" for p in PROSE)
    fields = {"title": {"de-DE": "Hafenbrücke wird gesperrt", "en-US": TITLE}, "body": body}
    data = page_props(entry={"sys": {"id": "x1"}, "fields": fields})
    assert article_from_page(next_page(data), URL).text.split("\n") == PROSE


def test_an_article_nuxt_data_refers_to_from_two_places_is_one_article():
    """A page titled with its site's name alone: the only article, referred to from the
    page's data and its store (and, a cycle, from its own section), is still the only one."""
    values = [
        ["Reactive", 1],
        {"data": 2, "state": 3},
        {"article": 4},
        {"current": 4},
        {"title": 5, "body": 6, "section": 7},
        "Bridge shut for six months",
        "".join(f"<p>{p}</p>" for p in PROSE),
        {"name": 8, "latest": 4},
        "News",
    ]
    script = f'<script type="application/json" id="__NUXT_DATA__">{json.dumps(values)}</script>'
    assert article_from_page(page(script, title="Harbour Daily"), URL).text.split("\n") == PROSE


def test_a_title_stated_as_rich_text_finds_the_article():
    """A Prismic document's title is rich text: a list of blocks, each its ``text``."""
    blocks = [{"type": "paragraph", "text": p, "spans": []} for p in PROSE]
    title = [{"type": "heading1", "text": TITLE, "spans": []}]
    document = {"id": "X1", "uid": "bridge", "data": {"title": title, "body": blocks}}
    data = page_props(document=document, related=[teaser(1, " ".join(OTHER * 3))])
    assert article_from_page(next_page(data), URL).text.split("\n") == PROSE


def test_a_wordpress_blocks_button_is_not_read_into_the_body():
    """A WordPress block names its kind with its plugin's ("core/button"): a button's
    label, like an HTML button's, is no line of the article."""
    button = {"name": "core/button", "attributes": {"text": "Subscribe to our newsletter"}}
    post = gutenberg_post()
    post["post"]["blocks"].insert(2, {"name": "core/buttons", "innerBlocks": [button]})
    data = page_props(**post)
    assert article_from_page(next_page(data), URL).text.split("\n") == PROSE


@pytest.mark.parametrize("kind", ["linebreak", "hardBreak", "br"], ids=["lexical", "tiptap", "br"])
def test_a_line_break_among_a_paragraphs_runs_parts_its_lines(kind):
    """Lexical (Payload CMS), Tiptap and HTML trees state a line break as a node of its own,
    with no text: the lines on either side of it are not run together."""
    first, second = PROSE[0], PROSE[1]

    def paragraph(*runs: dict[str, str]) -> dict[str, object]:
        return {"type": "paragraph", "children": list(runs)}

    def run(text: str) -> dict[str, str]:
        return {"type": "text", "text": text}

    paragraphs = [paragraph(run(first), {"type": kind}, run(second))]
    paragraphs += [paragraph(run(p)) for p in PROSE[2:]]
    content = {"root": {"type": "root", "children": paragraphs}}
    data = page_props(post={"title": TITLE, "content": content})
    assert article_from_page(next_page(data), URL).text.split("\n") == PROSE


def test_a_short_articles_body_is_not_its_authors_longer_bio():
    """What an article states of its authors (a bio, in Sanity's or WordPress's shape) is
    no part of its body, however long beside a brief news story."""
    bio = (
        "Ann Lee is the Harbour Daily's transport editor and has covered the city's roads, "
        "rail and ferries since 2009. Before joining the paper she reported for regional "
        "radio, where she won two awards for her coverage of the tram strike. She studied "
        "civil engineering at the university and still keeps an eye on the city's bridges. "
        "Her first book, a history of the harbour crossings, was published last year. She "
        "lives on the north bank with her family and cycles to work in all weathers."
    )
    authors = [{"name": "Ann Lee", "bio": [{"_type": "block", "children": [{"text": bio}]}]}]
    article = html_article(PROSE[:3], author={"name": "Ann Lee", "description": bio})
    article["authors"] = authors
    text = article_from_page(next_page(page_props(article=article)), URL).text
    assert text.split("\n") == PROSE[:3]


def test_a_plain_text_body_with_dashed_lines_keeps_its_lines():
    """A line that opens with a dash does not make plain text Markdown, whose reading would
    run its single-spaced lines together."""
    lines = [PROSE[0], f"- {PROSE[1]}", PROSE[2], PROSE[3]]
    data = page_props(article={"title": TITLE, "body": "\n".join(lines)})
    assert article_from_page(next_page(data), URL).text.split("\n") == lines
