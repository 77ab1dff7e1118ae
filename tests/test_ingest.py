"""Ingest end to end: the real fetcher, feedparser, trafilatura, process pool and SQLite,
against a feed server on loopback, driven through the `briefing` command line."""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from summaries.cli import EXIT_INPUT, EXIT_OK, main
from summaries.models import StoredArticle
from summaries.samples import sample_articles
from summaries.store import Store, open_store
from tests.fakes.feed_server import FEEDS, FeedServer, rss
from tests.processes import all_exited, pool_processes


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def write_config(
    tmp_path: Path, *, allow: bool = True, extra: str = "", timeout: float = 5
) -> Path:
    config = tmp_path / "config.toml"
    hosts = '["127.0.0.1"]' if allow else "[]"
    config.write_text(
        f'[store]\npath = "{tmp_path / "briefing.db"}"\n'
        f"[sources]\nallow_hosts = {hosts}\n{extra}"
        f"[fetch]\npoliteness = 0\ntimeout = {timeout}\n[ingest]\nworkers = 1\n",
        encoding="utf-8",
    )
    return config


def briefing(config: Path, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main([*argv, "--config", str(config)], stdout=out)
    return code, out.getvalue()


def html_page(title: str, text: str) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n") if p.strip())
    return (
        f"<html><head><title>{escape(title)}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sub'>Subscribe</a></nav>"
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article>"
        "<footer>Share this story. Copyright 2026 Coastal Times.</footer></body></html>"
    )


def stored(config: Path) -> Store:
    return open_store(config.parent / "briefing.db")


def test_feeds_and_teasers_are_stored_once(server, tmp_path):
    server.feed("/rss", "rss2.xml", etag='"rss-v1"')
    server.feed("/teasers", "teasers.xml")
    for page in ("battery-factory.html", "water-permit.html"):
        server.route(f"/articles/{page}", (FEEDS / page).read_text(encoding="utf-8"), "text/html")
    heat = sample_articles()[3]
    server.route("/news/2024/03/ferry-fares", html_page(heat.title, heat.text), "text/html")
    config = write_config(tmp_path)
    for path in ("/rss", "/teasers"):
        assert briefing(config, "sources", "add", server.url(path), "--kind", "feed")[0] == EXIT_OK

    code, out = briefing(config, "ingest")
    assert code == EXIT_OK, out
    assert out.strip().endswith("2 sources: 4 fetched, 4 new, 0 updated, 0 failed")
    with stored(config) as store:
        articles = store.recent_articles(since=store.get_article(1).fetched.replace(year=2000))
        assert len(articles) == 4
        assert all(a.briefing and a.method == "default" for a in articles)
        factory = next(a for a in articles if "battery" in (a.url or ""))
        assert len(factory.text.split()) > 80  # the page's full text, not the feed teaser
        assert "Subscribe" not in factory.text and "Share" not in factory.text

    server.reset_log()
    code, out = briefing(config, "ingest", "--all")
    assert code == EXIT_OK
    assert "0 new, 0 updated, 0 failed" in out
    rss_request = next(r for r in server.requests if r.path == "/rss")
    assert rss_request.headers.get("if-none-match") == '"rss-v1"'  # conditional GET
    # a teaser already followed is not fetched again: stored under its link, or under the
    # page's canonical address (battery-factory.html says /articles/battery-factory)
    assert "/articles/water-permit.html" not in server.paths()
    assert "/articles/battery-factory.html" not in server.paths()
    with stored(config) as store:
        assert store.count_articles() == 4


def test_a_failing_source_is_recorded_and_the_others_go_on(server, tmp_path):
    server.feed("/rss", "rss2.xml")
    heat = sample_articles()[3]
    server.route("/news/2024/03/ferry-fares", html_page(heat.title, heat.text), "text/html")
    server.route("/gone", "missing", status=404)
    config = write_config(tmp_path)
    briefing(config, "sources", "add", server.url("/gone"), "--kind", "feed")
    briefing(config, "sources", "add", server.url("/rss"), "--kind", "feed")

    code, out = briefing(config, "ingest")
    lines = out.strip().splitlines()
    assert code == EXIT_OK  # something was stored
    assert lines[-1] == "2 sources: 2 fetched, 2 new, 0 updated, 1 failed"
    assert any("/gone" in line and "The site answered 404 Not Found." in line for line in lines)
    with stored(config) as store:
        gone = store.get_source(server.url("/gone"))
        assert gone.failures == 1 and "404" in gone.last_error
        assert gone.next_attempt_at is not None and gone.next_attempt_at > gone.last_fetched_at
        assert store.count_articles() == 2
    code, listing = briefing(config, "sources", "list")
    assert "failing (1x)" in listing and "last error: The site answered 404 Not Found." in listing

    server.reset_log()
    code, out = briefing(config, "ingest")  # the failing feed waits for its retry time
    assert out.strip().splitlines()[-1] == "1 source: 1 fetched, 0 new, 0 updated, 0 failed"
    assert "/gone" not in server.paths()


def test_an_entry_without_a_title_is_stored_and_listed_with_one_made_from_its_text(
    server, tmp_path
):
    text = (
        "The river ferry will stop running in January after forty years of service, the "
        "county announced on Friday. Officials said falling passenger numbers and rising "
        "repair costs left no choice. Regular riders said they would now face a drive of an "
        "hour each way."
    )
    item = f"<item><guid isPermaLink='false'>ferry-1</guid><description>{text}</description></item>"
    server.route("/posts", f"<rss version='2.0'><channel><title>Wire</title>{item}</channel></rss>")
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/posts")}"]\n')
    code, out = briefing(config, "ingest")
    assert code == EXIT_OK, out
    headline = (  # its first sentence, without the full stop
        "The river ferry will stop running in January after forty years of service, "
        "the county announced on Friday"
    )
    with stored(config) as store:
        assert store.get_article(1).title == headline
    code, out = briefing(config, "search", "ferry")
    assert out.startswith(f"1. {headline}\n"), out


def only_article_of_the_feed(server: FeedServer, tmp_path: Path, path: str) -> StoredArticle:
    """Ingest the one feed at ``path``, whose one entry is stored from the feed (no page
    asked for): that article."""
    config = write_config(tmp_path, extra=f'feeds = ["{server.url(path)}"]\n')
    code, out = briefing(config, "ingest")
    assert out.strip().splitlines()[-1] == "1 source: 1 fetched, 1 new, 0 updated, 0 failed", out
    assert server.paths() == [path]
    with stored(config) as store:
        article = store.get_article(1)
    assert article is not None
    return article


def test_an_entry_whose_guid_is_no_address_is_stored_from_the_feed(server, tmp_path):
    """An entry with no link and a guid that is no address ("8812"): stored without a link,
    not under the feed's address with "8812" on the end."""
    heat = sample_articles()[3]
    item = (
        f"<item><title>{heat.title}</title><guid>8812</guid>"
        f"<description>{escape(heat.text)}</description></item>"
    )
    feed = f"<rss version='2.0'><channel><title>Wire</title>{item}</channel></rss>"
    server.route("/news/rss", feed, "application/rss+xml")
    article = only_article_of_the_feed(server, tmp_path, "/news/rss")
    assert (article.title, article.url) == (heat.title, None)


def test_an_entry_with_an_empty_link_is_no_teaser_of_the_blogs_index_page(server, tmp_path):
    """``<link href=""/>`` resolves to the xml:base, here the blog's index page: that page
    is not fetched as the entry's article, and the entry is stored from the feed."""
    heat = sample_articles()[3]
    teaser = (
        "A punishing heat wave drove electricity demand across the Tarrow Valley to an "
        "all-time high on Monday. The grid operator drew on emergency reserves."
    )
    feed = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" '
        'xml:base="{base}/blog/posts/"><title>Field Notes</title><link href="{base}/blog/"/>'
        f'<entry><title>{escape(heat.title)}</title><link href=""/>'
        f"<id>tag:notes.example,2026:heat</id><summary>{escape(teaser)}</summary></entry>"
        "</feed>"
    )
    server.route("/blog/notes.atom", feed, "application/atom+xml")
    index = (FEEDS / "water-permit.html").read_text(encoding="utf-8")
    server.route("/blog/posts/", index, "text/html")
    article = only_article_of_the_feed(server, tmp_path, "/blog/notes.atom")
    assert (article.title, article.url) == (heat.title, None)
    assert article.text == teaser


def test_entries_that_all_link_to_the_home_page_are_each_stored_once(server, tmp_path):
    # a feed that gives every item its site's address as the link: not the story's own
    items = "".join(
        f"<item><title>{article.title}</title><link>{{base}}/</link>"
        f"<guid isPermaLink='false'>post-{n}</guid>"
        f"<description>{escape(article.text)}</description></item>"
        for n, article in enumerate(sample_articles()[3:6])
    )
    channel = f"<channel><title>Notices</title><link>{{base}}/</link>{items}</channel>"
    server.route("/feed", f"<rss version='2.0'>{channel}</rss>", "application/rss+xml")
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/feed")}"]\n')
    for new in (3, 0):  # read again: nothing new, and none replaced by the next
        code, out = briefing(config, "ingest", "--all")
        assert out.strip().splitlines()[-1] == (
            f"1 source: 3 fetched, {new} new, 0 updated, 0 failed"
        ), out
    with stored(config) as store:
        assert store.count_articles() == 3
        titles = {store.get_article(n).title for n in (1, 2, 3)}
    assert titles == {article.title for article in sample_articles()[3:6]}
    assert "/" not in server.paths()  # the home page is no teaser's article


def test_a_malformed_feed_is_read_as_far_as_it_goes_and_said_to_be_malformed(server, tmp_path):
    heat = sample_articles()[3]
    whole = rss("Wire", [(heat.title, "/heat", escape(heat.text))])
    server.route("/feed", whole.replace("</channel>", "<item><title>Cut & off"), "text/xml")
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/feed")}"]\n')
    code, out = briefing(config, "ingest")
    assert code == EXIT_OK
    *said, last = out.strip().splitlines()
    assert last == "1 source: 1 fetched, 1 new, 0 updated, 0 failed"
    # (cut off: its "&" is read as written, its unclosed item is the fault)
    malformed = "what could be read of the feed was read; it is malformed: line 38, column 131"
    assert said == [f"! {server.url('/feed')}: {malformed}: mismatched tag"]
    assert "<unknown>" not in out


def test_a_publication_date_after_the_fetch_is_not_believed(server, tmp_path):
    heat, port = sample_articles()[3], sample_articles()[0]
    feed = rss(
        "Wire", [(heat.title, "/heat", escape(heat.text)), (port.title, "/port", escape(port.text))]
    )
    feed = feed.replace("Tue, 03 Mar 2026 09:00:00 GMT", "Fri, 01 Jan 2100 00:00:00 GMT", 1)
    server.route("/feed", feed, "application/rss+xml")
    config = write_config(tmp_path, extra=f'feeds = ["{server.url("/feed")}"]\n')
    assert briefing(config, "ingest")[0] == EXIT_OK
    with stored(config) as store:
        dates = {store.get_article(n).title: store.get_article(n).published for n in (1, 2)}
    assert dates[heat.title] is None  # the fetch time stands in, as for an undated entry
    assert dates[port.title] is not None and dates[port.title].year == 2026  # (the past: kept)
    code, out = briefing(config, "search", heat.title)
    assert "2100" not in out and out.startswith(f"1. {heat.title}\n")


def test_a_changed_page_is_updated_in_place(server, tmp_path):
    first = (FEEDS / "water-permit.html").read_text(encoding="utf-8")
    server.route("/story", first, "text/html")
    config = write_config(tmp_path)
    briefing(config, "sources", "add", server.url("/story"), "--kind", "page")
    assert "1 new" in briefing(config, "ingest")[1]
    with stored(config) as store:
        before = store.recent_articles(since=store.get_article(1).fetched.replace(year=2000))
    (original,) = before

    changed = first.replace(
        "</article>",
        "<p>The council later added a second condition: "
        "the plant must publish its water use every month online.</p></article>",
    )
    assert changed != first
    server.route("/story", changed, "text/html")
    code, out = briefing(config, "ingest", "--all")
    assert "0 new, 1 updated" in out
    with stored(config) as store:
        after = store.get_article(original.id)
        assert store.count_articles() == 1
        assert "publish its water use every month" in after.text
        assert after.content_hash != original.content_hash


@pytest.mark.parametrize("meta", ["", '<meta charset="utf-8">'])
def test_a_latin1_page_labelled_utf8_is_stored_as_written(server, tmp_path, meta):
    """The header (and the page's own <meta>) say UTF-8; the bytes are ISO-8859-1."""
    text = (
        "Le café du port rouvre ses portes après les travaux de la jetée, a annoncé la mairie.\n\n"
        "Les habitués étaient déjà là à sept heures, et le patron a offert le premier crème.\n\n"
        "La municipalité prévoit une fête sur le quai à la fin du mois, si le temps le permet."
    )
    page = html_page("Le café du port rouvre", text).replace("<head>", f"<head>{meta}")
    server.route("/cafe", page.encode("iso-8859-1"), "text/html; charset=utf-8")
    config = write_config(tmp_path)
    assert briefing(config, "sources", "add", server.url("/cafe"))[0] == EXIT_OK
    assert "1 new" in briefing(config, "ingest")[1]
    with stored(config) as store:
        article = store.get_article(1)
    assert "Le café du port rouvre ses portes après les travaux" in article.text
    assert "\ufffd" not in article.text + article.title
    assert article.title == "Le café du port rouvre"


def test_the_same_story_from_two_outlets_is_one_story(server, tmp_path):
    samples = {Path(a.url).name[:2]: a for a in sample_articles()}
    one, two, other = samples["01"], samples["02"], samples["03"]
    server.route(
        "/herald", rss("Gulf Herald", [(one.title, "/h/1", one.text)]), "application/rss+xml"
    )
    server.route(
        "/courier",
        rss(
            "Brennport Courier", [(two.title, "/c/1", two.text), (other.title, "/c/2", other.text)]
        ),
        "application/rss+xml",
    )
    config = write_config(tmp_path)
    briefing(config, "sources", "add", server.url("/herald"), "--kind", "feed")
    briefing(config, "sources", "add", server.url("/courier"), "--kind", "feed")
    assert "3 new" in briefing(config, "ingest")[1]

    code, out = briefing(config, "search", "Brennport ransomware")
    assert code == EXIT_OK
    first_hit = out.split("\n\n")[0]
    assert "Gulf Herald" in first_hit and "Brennport Courier" in first_hit
    assert "2." not in out.split("\n\n")[1][:3] or "Senate" in out  # no second Brennport story
    with stored(config) as store:
        rows = store.execute("SELECT story_id, COUNT(*) FROM articles GROUP BY story_id")
        assert sorted(count for _, count in rows) == [1, 2]


def test_a_user_url_to_loopback_is_refused(server, tmp_path, capsys):
    server.feed("/rss", "rss2.xml")
    config = write_config(tmp_path, allow=False)
    code, _ = briefing(config, "sources", "add", server.url("/rss"))
    assert code == EXIT_INPUT
    assert "private network" in capsys.readouterr().err
    assert server.paths() == []
    with stored(config) as store:
        assert store.list_sources() == []


def test_killing_an_ingest_leaves_only_whole_articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    # plain articles only: in the two scraped-page samples a closing line would sit after
    # the page footer, where cleaning rightly drops it, and the copies would be one article
    base = [a for a in sample_articles() if "Related" not in a.text]
    for n in range(240):
        article = base[n % len(base)]
        unique = f"This report, number {n}, was filed by desk {n % 13} of the newsroom."
        (folder / f"{n:03}.txt").write_text(
            f"{article.title} ({n})\n\n{article.text}\n\n{unique}", encoding="utf-8"
        )
    config = write_config(tmp_path, extra=f'folders = ["{folder}"]\n')
    database = tmp_path / "briefing.db"
    child = subprocess.Popen(
        [sys.executable, "-m", "summaries.cli", "ingest", "--config", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if database.exists() and _count(database) >= 20:
                break
            time.sleep(0.05)
        # its own, taken while it is alive: once killed, its workers are init's children;
        # other processes on the machine (another test run) may start pools of their own
        workers = pool_processes(child.pid)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    count = _count(database)
    assert 20 <= count < 240  # killed in the middle
    assert workers, "no summarizing worker was running"
    assert all_exited(workers, seconds=10), "summarizing workers outlived the killed ingest"
    with open_store(database) as store:
        assert store.execute("PRAGMA integrity_check") == [("ok",)]
        store.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        empty = store.execute("SELECT COUNT(*) FROM articles WHERE briefing = '[]' OR text = ''")
        assert empty == [(0,)]
        assert store.count_articles() == count
    code, out = briefing(config, "ingest")  # the next run completes the rest
    assert code == EXIT_OK
    with open_store(database) as store:
        assert store.count_articles() == 240


def _count(database: Path) -> int:
    try:
        with sqlite3.connect(database, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_closing_the_pool_does_not_wait_for_an_article_in_progress():
    """A shutdown stops a busy worker at once instead of waiting out the article budget."""
    import asyncio

    from summaries import SummaryOptions
    from summaries.ingest import SummaryPool

    async def run() -> float:
        pool = SummaryPool(SummaryOptions(), workers=1, seconds=60)
        busy = asyncio.ensure_future(pool.run(time.sleep, 30))
        await asyncio.sleep(1.5)  # the worker has started and is sleeping
        started = time.monotonic()
        await asyncio.to_thread(pool.close)
        took = time.monotonic() - started
        busy.cancel()
        return took

    assert asyncio.run(run()) < 5


STARTING = """
import asyncio, sys
from summaries import SummaryOptions
from summaries.ingest import SummaryPool

async def main():
    loop = asyncio.get_running_loop()
    lateness = [0.0]

    async def tick():
        while True:
            due = loop.time() + 0.005
            await asyncio.sleep(0.005)
            lateness.append(loop.time() - due)

    ticker = asyncio.create_task(tick())
    await asyncio.sleep(0.05)
    async with SummaryPool(SummaryOptions(), workers=2) as pool:
        started = loop.time()
        assert await asyncio.gather(pool.run(len, "ab"), pool.run(len, "abc")) == [2, 3]
        took = loop.time() - started
    ticker.cancel()
    print(f"{max(lateness):.3f} {took:.3f}")

if __name__ == "__main__":
    asyncio.run(main())
"""


def test_starting_the_workers_does_not_stall_the_event_loop():
    """The first workers wait for the fork server to load their libraries (most of a
    second): the event loop (the gateway heartbeat) does not wait with them."""
    done = subprocess.run(  # a process of its own: no fork server runs in it yet
        [sys.executable, "-c", STARTING],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.returncode == 0, done.stderr
    worst, took = map(float, done.stdout.split())
    assert worst < 0.25, f"the event loop stalled {worst:.2f} s of the {took:.2f} s"
