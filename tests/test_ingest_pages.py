"""Real pages through the real ingest (loopback server, fetcher, trafilatura, process pool,
SQLite): what is stored and searched, and what a briefing may quote."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from summaries.cli import EXIT_OK
from summaries.models import StoredArticle
from tests.fakes.feed_server import FeedServer
from tests.summaries.test_main_text import PROSE
from tests.test_ingest import briefing, stored, write_config


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


STRUCTURED_PAGE = f"""<html><head><title>Harbour bridge to close for repairs</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour bridge to close for repairs</h1>
<p>By Maria Lopez, Transport Correspondent</p>
<p>Published 14 March 2024 08:15 GMT</p>
<p>{PROSE[0]}</p><p>{PROSE[1]}</p>
<h2>Closures by month</h2>
<table><tr><th>Road</th><th>Closed from</th></tr>
<tr><td>Quayside Lane</td><td>June</td></tr><tr><td>Westbridge Road</td><td>July</td></tr></table>
<p>The works include:</p>
<ul><li>new steel cables for the main span</li><li>a repainted deck</li>
<li>lighting for cyclists</li></ul>
<p>Advertisement</p>
<p>Share on Facebook</p>
<p>{PROSE[2]}</p><p>{PROSE[3]}</p>
<p>We use cookies to improve your experience on our site.</p>
</article><footer>Copyright 2024 The Gazette. All rights reserved.</footer></body></html>"""


def ingest_page(server: FeedServer, config: Path, html: str) -> StoredArticle:
    """Serve ``html`` as a page, add it as a source, ingest it: the article stored."""
    server.route("/page", html, "text/html; charset=utf-8")
    assert briefing(config, "sources", "add", server.url("/page"), "--kind", "page")[0] == 0
    assert "1 new" in briefing(config, "ingest")[1]
    with stored(config) as store:
        article = store.get_article(1)
    assert article is not None
    return article


def whole_briefings(tmp_path: Path) -> Path:
    """A configuration whose briefings hold every sentence of an article."""
    return write_config(tmp_path, extra="[summary]\nsentences = 10\nmax_chars = 5000\n")


def test_a_pages_lists_and_tables_are_stored_and_searched_but_never_quoted(server, tmp_path):
    config = whole_briefings(tmp_path)
    article = ingest_page(server, config, STRUCTURED_PAGE)
    for line in [
        "Closures by month",
        "| Road | Closed from |",
        "| Westbridge Road | July |",
        "The works include:",
        "- new steel cables for the main span",
        "- lighting for cyclists",
        *PROSE,
    ]:
        assert line in article.text.split("\n")
    for furniture in ["By Maria Lopez", "Published 14 March", "Advertisement", "Share on",
                      "cookies", "rights reserved", "Home"]:  # fmt: skip
        assert furniture not in article.text
    assert list(article.briefing) == PROSE  # the prose, all of it, and nothing else

    code, out = briefing(config, "search", "Westbridge")  # a word of the table alone
    assert code == EXIT_OK
    assert "Harbour bridge to close for repairs" in out


# Sentences of an article whose page glues other things to them: a hover card inside the
# lede, the headline, byline and date before the first sentence, a caption between two
# paragraphs of a page whose paragraphs are short (a caption as long as they are), and a
# paragraph without spaces after its full stops.
SENTENCES = [
    "The Harbour Bridge will close to all traffic from June, the council said.",
    "Senator John Smith said on Thursday that the closure was a disgrace to the city.",
    "Commuters have been told to expect longer journeys during the works.",
    "Extra ferries will run every 15 minutes during peak hours this summer.",
    "Bus lanes will be added on the two remaining river crossings.",
    "Local businesses on the north bank fear a drop in customers.",
    "The council will review the timetable in September.",
]
GLUED_PAGE = f"""<html><head><title>Harbour bridge to close for repairs</title></head>
<body><article>
<div class="story"><span class="headline">Harbour bridge to close for repairs</span>
<span class="by">By Maria Lopez</span> <span class="when">March 14, 2024</span> {SENTENCES[0]}</div>
<p>Senator <a href="/people/js">John Smith</a><span class="hovercard">John Smith is a senator
from Ohio. Follow</span> said on Thursday that the closure was a disgrace to the city.</p>
<p>{SENTENCES[2]}</p>
<p><em>Photographers' cranes overshadow Westminster's dilapidated suspension bridge</em></p>
<p>{SENTENCES[3]}</p>
<p>{SENTENCES[4]}{SENTENCES[5]}{SENTENCES[6]}</p>
</article></body></html>"""


def test_briefing_sentences_are_the_articles_own_sentences(server, tmp_path):
    article = ingest_page(server, whole_briefings(tmp_path), GLUED_PAGE)
    assert list(article.briefing) == SENTENCES


def test_a_page_labelled_as_a_feed_is_added_and_read_as_a_page(server, tmp_path):
    """A server that labels its pages application/rss+xml: the body, HTML, decides."""
    config = write_config(tmp_path)
    server.route("/labelled", STRUCTURED_PAGE, "application/rss+xml; charset=utf-8")
    code, out = briefing(config, "sources", "add", server.url("/labelled"))
    assert (code, out) == (EXIT_OK, f"page #1 {server.url('/labelled')}\n")
    assert "1 new" in briefing(config, "ingest")[1]
    with stored(config) as store:
        article = store.get_article(1)
    assert article is not None
    assert article.title == "Harbour bridge to close for repairs"
    assert PROSE[0] in article.text


def test_a_page_with_nothing_to_brief_is_refused_when_added(server, tmp_path, capsys):
    """A page of a table alone has a main text but no sentence: ingest could not brief it."""
    rows = "".join(f"<tr><td>Road {n}</td><td>closed in June</td></tr>" for n in range(12))
    server.route("/table", f"<html><body><table>{rows}</table></body></html>", "text/html")
    code, out = briefing(write_config(tmp_path), "sources", "add", server.url("/table"))
    assert code != EXIT_OK
    assert "nothing in it reads like article text" in out + capsys.readouterr().err
    with stored(write_config(tmp_path)) as store:
        assert store.list_sources() == []


def test_a_page_drawn_by_a_script_is_stored_and_briefed_from_its_json_ld_body(server, tmp_path):
    """The HTML holds a menu and a notice; the article is the page's JSON-LD articleBody."""
    from tests.summaries.test_script_drawn_pages import news_article, related, scripted_page

    graph = {"@graph": [related("A zoo story that is not this page's."), news_article(PROSE)]}
    article = ingest_page(server, whole_briefings(tmp_path), scripted_page(graph))
    assert article.title == "Harbour bridge to close for repairs"
    assert article.text.split("\n") == PROSE
    assert list(article.briefing) == PROSE
    for syntax in ("{", "}", "@type", "articleBody", "zoo", "JavaScript"):
        assert syntax not in article.text
