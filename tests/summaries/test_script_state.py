"""Pages whose article is only in the JavaScript a script assigns to a ``__NAME__`` global:
Nuxt 2's ``window.__NUXT__`` (an object literal, or a function called with the values that
recur), a Vue or Redux page's ``window.__INITIAL_STATE__`` (a literal, or ``JSON.parse`` of
a string): the body is read as from any page's data, and code that is no literal leaves the
page's own text."""

from __future__ import annotations

import json
import time

import pytest

from summaries.sources import article_from_page
from summaries.sources._page_data import page_data_body
from summaries.sources._script_state import PageBudget, page_states, script_states
from tests.summaries.test_main_text import PROSE
from tests.summaries.test_page_data_bodies import OTHER, SHOWN_NOTHING, TITLE, URL, page


def escaped(text: str) -> str:
    """``text`` as a JavaScript string literal, its markup escaped as Nuxt's serializer does."""
    return json.dumps(text, ensure_ascii=False).replace("<", "\\u003C").replace(">", "\\u003E")


BODY = escaped("".join(f"<p>{p}</p>" for p in PROSE))
# what Nuxt 2 sends: the recurring values (null, false, a date) as the function's arguments
CALLED = (
    'window.__NUXT__=(function(a,b,c){return {layout:"default",data:[{article:{id:4821,'
    f"title:{escaped(TITLE)},published:c,body:{BODY},paywall:b,tags:[\"bridge\",'roads'],"
    f'related:[{{title:"Red panda cubs born",teaser:{escaped(OTHER[0])},published:c}}]}}}}],'
    "fetch:{},error:a,state:{menu:{open:b},user:a,count:-2.5e1,seen:new Date(1710238500000),"
    "tags:Object.create(null)},serverRendered:!0,"
    'routePath:"\\u002Fnews\\u002Fharbour-bridge",config:{_app:{basePath:"\\u002F",'
    'cdnURL:a,ok:void 0}}}}(null,false,"2024-03-12T10:15:00Z"));'
)
LITERAL = (
    f"window.__NUXT__={{layout:'default',data:[{{post:{{title:{escaped(TITLE)},"
    f"content:{BODY}}}}}],serverRendered:true}};"
)


# an object the state refers to twice is passed empty and filled before "return"
ASSIGNED = (
    "window.__NUXT__=(function(a,b,c){b.title=c;b.body="
    f'{BODY};b.author={{name:"Staff",posts:a}};b.related=[a];b["self"]=b;a.title='
    f'"Red panda cubs born";a.teaser={escaped(OTHER[0])};a.more=[];a.more[1]=c;'
    'return {layout:"default",data:[{article:b,latest:[a]}],fetch:{},error:null}'
    f"}}({{}},{{}},{escaped(TITLE)}));"
)
STORE = json.dumps(
    {"article": {"headline": TITLE, "content": "".join(f"<p>{p}</p>" for p in PROSE)}}
)
# a global the page's configuration is assigned to first, then the store's state
CONFIG = "window.__APP_CONFIG__ = {api: '/api', flags: {beta: !1}};\n"
PRELOADED = f"{CONFIG}window.__PRELOADED_STATE__ = {STORE};"
PARSED = f"{CONFIG}window.__INITIAL_STATE__=JSON.parse({json.dumps(STORE)});"


@pytest.mark.parametrize(
    "script",
    [CALLED, ASSIGNED, LITERAL, PRELOADED, PARSED],
    ids=["function", "assigned-before-return", "object-literal", "store-state", "json-parse"],
)
def test_a_pages_article_is_read_from_the_javascript_state_its_script_assigns(script):
    article = article_from_page(page(f"<script>{script}</script>"), URL)
    assert article.text.split("\n") == PROSE


def test_a_nuxt_2_states_values_are_read_as_javascript_means_them():
    [state] = script_states(CALLED)
    article = state["data"][0]["article"]
    assert article["title"] == TITLE
    assert (article["paywall"], article["published"]) == (False, "2024-03-12T10:15:00Z")
    assert article["tags"] == ["bridge", "roads"]
    assert state["error"] is None and state["serverRendered"] is True
    assert state["routePath"] == "/news/harbour-bridge"
    assert state["state"]["count"] == -25.0 and state["config"]["_app"]["ok"] is None
    assert state["state"]["seen"] is None and state["state"]["tags"] is None  # not read


def test_the_fields_a_nuxt_2_state_assigns_before_returning_are_its_objects():
    [state] = script_states(ASSIGNED)
    article, related = state["data"][0]["article"], state["data"][0]["latest"][0]
    assert article["title"] == TITLE and article["related"] == [related]
    assert article["self"] is article and article["author"]["posts"] is related
    assert related["more"] == [None, TITLE]


@pytest.mark.parametrize(
    "script",
    [
        CALLED[: len(CALLED) // 2],  # cut short
        "window.__NUXT__=loadState();",  # a call, not a literal
        "window.__NUXT__=(function(a){a.x=1+2;return {data:[]}}({}));",  # an operator
        "var MY__NUXT__={data:[]};",  # another name
        "window.__INITIAL_STATE__=JSON.parse('{\"article\": ');",  # no JSON
    ],
)
def test_state_code_that_cannot_be_read_leaves_the_pages_own_text(script):
    assert article_from_page(page(f"<script>{script}</script>"), URL).text == SHOWN_NOTHING


def test_an_index_a_nuxt_2_state_assigns_before_a_lists_start_leaves_it_unread():
    """``a[-1]=x`` sets no item of a JavaScript list (it names a field): not read as one,
    and no error escapes the reading of the page."""
    script = "window.__NUXT__=(function(a){a[-1]=1;return {data:[{items:a}]}}([]));"
    assert script_states(script) == []
    assert article_from_page(page(f"<script>{script}</script>"), URL).text == SHOWN_NOTHING


def test_a_state_costs_no_more_than_its_script_is_long():
    """What a hostile script makes of the reader is bounded by the script's length: a list
    item assigned at index 100,000,000 would be a list of that many, and a script of a
    global assigned over and over would be read from each assignment to its end."""
    far = "window.__NUXT__=(function(a){a[100000000]=1;return {data:[a]}}([]));"
    assert script_states(far) == []
    repeated = "window.__A__=" * 100_000
    started = time.perf_counter()
    assert script_states(repeated) == []
    assert time.perf_counter() - started < 1.0


def slow_state(items: int) -> str:
    """A Nuxt 2 state of ``items`` objects, none of it JSON: read token by token, the
    reader's slowest way (about half a second a megabyte)."""
    fields = ",".join(f'{{id:{n},teaser:"A story of the day",seen:a}}' for n in range(items))
    return f"window.__NUXT__=(function(a){{return {{layout:'list',items:[{fields}]}}}}(null));"


MEGABYTE_STATE = slow_state(22_000)  # about 1 MB


def test_a_pages_scripts_are_read_within_one_budget_for_the_page():
    """Each script costs no more than its length, and a page's scripts together no more
    than the page's budget: twenty scripts of a megabyte each are read as far as it goes,
    the rest left out, however many more there are."""
    assert 1_000_000 <= len(MEGABYTE_STATE) < 1_100_000
    budget = PageBudget()
    states = page_states([MEGABYTE_STATE] * 20, budget)
    assert budget.tokens <= budget.reading + 1  # one token past it at most
    assert budget.scanned <= 2 * len(MEGABYTE_STATE)  # the rest not even looked through
    assert states == []  # each is read whole, or not at all


def test_a_page_of_many_large_scripts_reads_its_own_state_fast():
    """A page sending twenty megabytes of state after its own (parsed as the page reader
    parses it, with no cap on what its scripts hold) is read in a bounded time: its own
    state is read, the others as far as the page's budget goes."""
    from lxml.html import document_fromstring

    scripts = "".join(f"<script>{MEGABYTE_STATE}</script>" for _ in range(20))
    tree = document_fromstring(page(f"<script>{CALLED}</script>{scripts}"))
    started = time.perf_counter()
    body = page_data_body(tree)
    assert time.perf_counter() - started < 2.0  # unbounded: 8-15 s
    assert body.split("\n") == PROSE
