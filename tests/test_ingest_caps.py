"""What one ingest may cost: the newest entries of a feed only, a cap on the work under
way at once, a page too large to read whole read in part, the libraries the CLI process
itself loads. The real fetcher, feedparser, trafilatura, process pool and SQLite against
the loopback feed server, through `briefing ingest` or the Ingest it runs."""

from __future__ import annotations

import asyncio
import io
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from summaries.cli import EXIT_OK, main
from summaries.config import IngestSettings, Settings, SourcesSettings
from summaries.ingest import Ingest, SummaryPool
from summaries.library import checked_source
from summaries.models import SummaryOptions
from summaries.samples import sample_articles
from summaries.sources import Fetcher
from summaries.sources.feeds import parse_feed
from summaries.store import open_store
from tests.fakes.feed_server import FeedServer
from tests.processes import all_exited, largest_high_water, pool_processes

START = datetime(2026, 3, 1, tzinfo=UTC)
INGEST = [sys.executable, "-m", "summaries.cli", "ingest"]
# what parsing, extraction, summarizing and story grouping run on: in the workers only
WORKERS_ONLY = {
    "fasttext",
    "feedparser",
    "justext",
    "lxml",
    "nltk",
    "numpy",
    "rjieba",
    "sumy",
    "tinysegmenter",
    "trafilatura",
}


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


@pytest.fixture
def ctrl_c_acts() -> Iterator[None]:
    """Ctrl-C acts on this process and the processes it starts, as in a terminal, however
    the test run itself was started: a shell starts a background job (``make test &``,
    ``nohup``) with SIGINT ignored, and a started process inherits that (Python keeps it)."""
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    blocked = signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        signal.signal(signal.SIGINT, handler)


def teasers(items: list[tuple[int, datetime | None]]) -> str:
    """An RSS feed of teasers (number, date or undated), linking to /p/<number>."""
    entries = "".join(
        f"<item><title>Report {n}</title><link>{{base}}/p/{n}</link>"
        + (f"<pubDate>{date:%a, %d %b %Y %H:%M:%S} GMT</pubDate>" if date else "")
        + "</item>"
        for n, date in items
    )
    channel = f"<channel><title>Wire</title><link>{{base}}/</link>{entries}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def page(n: int, links: int = 0, copies: int = 0) -> str:
    """The page of report ``n``: a sample article, then a list of ``links`` links, then
    ``copies`` copies of its paragraphs (a page of text)."""
    article = sample_articles()[n % 5]
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in article.text.split("\n\n") if p.strip())
    unique = f"<p>This report, number {n}, was filed by desk {n % 13} of the newsroom.</p>"
    listing = "".join(f'<li><a href="/tag/{k}">Tag {k}</a></li>' for k in range(links))
    return (
        f"<html><head><title>{escape(article.title)} ({n})</title></head><body><article>"
        f"<h1>{escape(article.title)} ({n})</h1>{paragraphs}{unique}</article>"
        f"<ul>{listing}</ul><div>{paragraphs * copies}</div></body></html>"
    )


def shuffled(count: int) -> list[tuple[int, datetime | None]]:
    """Entries 0..count-1 in document order, dated in a scrambled order (a minute apart),
    two undated ones first."""
    dated = [(n, START + timedelta(minutes=(n * 7919) % count)) for n in range(count)]
    return [(count, None), (count + 1, None), *dated]


def newest(items: list[tuple[int, datetime | None]], count: int) -> set[int]:
    dated = sorted((date, n) for n, date in items if date is not None)
    return {n for _, n in dated[-count:]}


def write_config(tmp_path: Path, feeds: list[str], settings: str) -> Path:
    """A config.toml reading ``feeds`` from loopback, with ``settings`` (TOML tables)."""
    listed = ", ".join(f'"{url}"' for url in feeds)
    config = tmp_path / "config.toml"
    config.write_text(
        f'[store]\npath = "{tmp_path / "briefing.db"}"\n'
        f'[sources]\nfeeds = [{listed}]\nallow_hosts = ["127.0.0.1"]\n{settings}',
        encoding="utf-8",
    )
    return config


def start_ingest(config: Path, **options: Any) -> subprocess.Popen:
    """`briefing ingest` in a process of its own."""
    command = [*INGEST, "--config", str(config)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, **options)


def test_an_ingest_reads_only_the_newest_entries_of_a_huge_feed(server, tmp_path):
    items = shuffled(5000)
    server.route("/wire.xml", teasers(items), "application/rss+xml")
    for n, _ in items:
        server.route(f"/p/{n}", page(n), "text/html")
    config = write_config(
        tmp_path,
        [server.url("/wire.xml")],
        "[fetch]\npoliteness = 0\nper_host = 32\nmax_in_flight = 2\n"
        "[ingest]\nworkers = 1\nmax_entries_per_feed = 4\n",
    )
    out = io.StringIO()
    assert main(["ingest", "--config", str(config)], stdout=out) == EXIT_OK, out.getvalue()
    assert out.getvalue().strip().endswith("1 source: 4 fetched, 4 new, 0 updated, 0 failed")
    pages = [path for path in server.paths() if path.startswith("/p/")]
    assert {int(path[3:]) for path in pages} == newest(items, 4)  # 4 requests, not 5,002
    assert len(pages) == 4
    assert server.max_in_flight <= 2
    with open_store(tmp_path / "briefing.db") as store:
        assert store.count_articles() == 4


def test_the_work_under_way_at_once_is_capped_however_many_entries(server, tmp_path):
    items = [(n, START + timedelta(minutes=n)) for n in range(8)]
    server.route("/wire.xml", teasers(items), "application/rss+xml")
    for n, _ in items:
        server.route(f"/p/{n}", page(n), "text/html", delay=0.2)

    async def run() -> None:
        pool = SummaryPool(SummaryOptions(), workers=1, seconds=30)
        fetcher = Fetcher(allow_hosts=["127.0.0.1"], politeness=0, per_host=32, max_in_flight=32)
        with open_store(tmp_path / "briefing.db") as store:
            store.add_source(server.url("/wire.xml"), "feed")
            async with fetcher, pool:
                runner = Ingest(store, fetcher, pool, max_in_flight=2)
                report = await runner.run(store.list_sources())
        assert (report.fetched, report.new, report.failed) == (8, 8, 0), report.problems

    asyncio.run(run())
    assert server.max_in_flight == 2  # the fetcher alone would let all 8 go at once


def test_a_trimmed_feed_reads_as_the_newest_entries_of_the_whole(server):
    items = shuffled(300)
    body = teasers(items).replace("{base}", server.base).encode()
    url = server.url("/wire.xml")
    whole = parse_feed(body, url)
    capped = parse_feed(body, url, max_entries=5)
    expected = sorted(
        (entry for entry in whole.entries if entry.published),
        key=lambda entry: entry.published,
        reverse=True,
    )[:5]
    assert capped.entries == tuple(expected)  # newest first, each entry as read in full
    assert capped.left_out == len(whole.entries) - 5
    assert (capped.title, capped.link, capped.version) == (whole.title, whole.link, whole.version)


def test_a_malformed_huge_feed_is_cut_after_its_first_entries(server):
    items = [(n, START + timedelta(minutes=n)) for n in range(300)]
    body = teasers(items).replace("{base}", server.base).replace("</rss>", "").encode()
    body = body.replace(b"<title>Report 7</title>", b"<title>Report 7 &bogus</title>")
    capped = parse_feed(body, server.url("/wire.xml"), max_entries=5)
    assert len(capped.entries) == 5
    assert {entry.title.split()[1] for entry in capped.entries} <= {str(n) for n in range(5)}


def test_a_feed_with_few_entries_is_read_whole_and_newest_first(server):
    items = [(n, START + timedelta(minutes=(n * 3) % 4)) for n in range(4)]
    body = teasers(items).replace("{base}", server.base).encode()
    capped = parse_feed(body, server.url("/wire.xml"), max_entries=10)
    titles = [entry.title for entry in capped.entries]
    assert titles == ["Report 1", "Report 2", "Report 3", "Report 0"]
    assert capped.left_out == 0


@pytest.mark.parametrize("filler", ["links", "text"])
def test_a_page_too_large_to_read_whole_costs_little_memory(server, tmp_path, filler):
    """A 7.9 MB page of links took a worker over 1 GB and 10 s, and one of paragraphs some
    200 MB; their first tags, in their first 2 MB, take little."""
    items = [(n, START + timedelta(minutes=n)) for n in range(2)]
    server.route("/wire.xml", teasers(items), "application/rss+xml")
    for n, _ in items:
        copy = len(page(n, copies=1).encode()) - len(page(n).encode())
        big = page(n, links=180_000) if filler == "links" else page(n, copies=7_500_000 // copy)
        server.route(f"/p/{n}", big, "text/html")
        assert 7_000_000 < len(server.routes[f"/p/{n}"].body) < 8_000_000  # under max_bytes
    settings = "[fetch]\npoliteness = 0\n[ingest]\nworkers = 1\n"
    config = write_config(tmp_path, [server.url("/wire.xml")], settings)
    child = start_ingest(config, stderr=subprocess.PIPE, text=True)
    peak = largest_high_water(child)  # kB: the largest of the CLI and its pool's processes
    out, err = child.communicate(timeout=120)
    assert child.returncode == EXIT_OK, out + err
    assert out.strip().endswith("2 fetched, 2 new, 0 updated, 0 failed")
    assert peak < 160_000, f"{peak // 1024} MB"  # 174 MB for the page of text, before
    with open_store(tmp_path / "briefing.db") as store:
        assert store.count_articles() == 2


def test_the_cli_leaves_the_libraries_of_reading_and_summarizing_to_its_workers(server, tmp_path):
    """Parsing, extraction, summarizing and the fingerprints of the stored articles that
    story grouping compares with all run in workers: the CLI process, which holds the
    pages in flight, does not load their libraries (some 50 MB with NLTK and numpy)."""
    items = [(n, START + timedelta(minutes=n)) for n in range(3)]
    server.route("/wire.xml", teasers(items), "application/rss+xml")
    for n, _ in items:
        server.route(f"/p/{n}", page(n), "text/html")
    config = write_config(tmp_path, [server.url("/wire.xml")], "[fetch]\npoliteness = 0\n")
    code = (
        "import sys\nfrom summaries.cli import main\ncode = main(sys.argv[1:])\n"
        f"print(sorted({{name.partition('.')[0] for name in sys.modules}} & {WORKERS_ONLY!r}))\n"
        "sys.exit(code)"
    )
    # the second ingest starts by fingerprinting the three stored articles
    for command, fetched in (["ingest"], 3), (["ingest", "--all"], 0):
        done = subprocess.run(
            [sys.executable, "-c", code, *command, "--config", str(config)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == EXIT_OK, done.stdout + done.stderr
        *report, loaded = done.stdout.strip().splitlines()
        assert report[-1] == f"1 source: {fetched} fetched, {fetched} new, 0 updated, 0 failed"
        assert loaded == "[]"
    with open_store(tmp_path / "briefing.db") as store:
        assert store.count_articles() == 3


@pytest.mark.usefixtures("ctrl_c_acts")
def test_ctrl_c_stops_an_ingest_quietly_with_its_workers(server, tmp_path):
    """Ctrl-C reaches the whole foreground process group: the CLI and every worker."""
    feeds = []
    for k in range(2):  # two feeds parse at once: two workers start
        items = [(10 * k + n, START + timedelta(minutes=n)) for n in range(10)]
        server.route(f"/wire{k}.xml", teasers(items), "application/rss+xml")
        feeds.append(server.url(f"/wire{k}.xml"))
        for n, _ in items:
            server.route(f"/p/{n}", page(n), "text/html", delay=30)  # the ingest waits here
    config = write_config(tmp_path, feeds, "[fetch]\npoliteness = 0\n[ingest]\nworkers = 2\n")
    # in a process group of its own, as a terminal gives a command
    child = start_ingest(config, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not any(path.startswith("/p/") for path in server.paths()):
            assert time.monotonic() < deadline and child.poll() is None, "no page was asked for"
            time.sleep(0.05)
        workers = sorted(pool_processes(child.pid))
        assert workers, "no worker process was running"
        # the CLI answers last (it would stop its workers before they could react at all):
        # each worker meets the Ctrl-C on its own, as under load
        os.kill(child.pid, signal.SIGSTOP)
        os.killpg(child.pid, signal.SIGINT)
        all_exited(workers, seconds=1.0)  # they used to die at once, with a traceback
        os.kill(child.pid, signal.SIGCONT)
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
    assert child.returncode == 130
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err, err.decode()
    assert all_exited(workers, seconds=10), "a worker outlived the ingest"


@pytest.mark.usefixtures("ctrl_c_acts")
def test_ctrl_c_that_another_thread_receives_stops_an_ingest_at_once(server, tmp_path):
    """The kernel hands a process its Ctrl-C in any thread that does not block it, and an
    ingest has several (the pool's, the store's). The event loop wakes for it all the same,
    instead of sleeping on until its next timer: here the pages' 20 s fetch time-out."""
    items = [(n, START + timedelta(minutes=n)) for n in range(4)]
    server.route("/wire.xml", teasers(items), "application/rss+xml")
    for n, _ in items:
        server.route(f"/p/{n}", page(n), "text/html", delay=30)  # the ingest waits here
    settings = "[fetch]\npoliteness = 0\ntimeout = 20\n[ingest]\nworkers = 1\n"
    config = write_config(tmp_path, [server.url("/wire.xml")], settings)
    sent = _ctrl_c_in_a_thread_once_a_page_is_asked_for(server)
    code = main(["ingest", "--config", str(config)], stdout=io.StringIO())
    stopped = time.monotonic()
    assert sent, "no page was asked for"
    assert code == 130
    assert stopped - sent[0] < 5, f"the Ctrl-C waited {stopped - sent[0]:.1f} s"


@pytest.mark.usefixtures("ctrl_c_acts")
def test_ctrl_c_that_another_thread_receives_stops_a_summarize_url_at_once(server, tmp_path):
    """`briefing summarize URL` runs its fetch on a loop of its own: a Ctrl-C that a name
    lookup's thread receives wakes it too, instead of waiting out the fetch time-out."""
    server.route("/p/1", page(1), "text/html", delay=30)  # the fetch waits here
    config = write_config(tmp_path, [], "[fetch]\npoliteness = 0\ntimeout = 20\n")
    sent = _ctrl_c_in_a_thread_once_a_page_is_asked_for(server)
    url = server.url("/p/1")
    code = main(["summarize", url, "--config", str(config)], stdout=io.StringIO())
    stopped = time.monotonic()
    assert sent, "the page was not asked for"
    assert code == 130
    assert stopped - sent[0] < 5, f"the Ctrl-C waited {stopped - sent[0]:.1f} s"


def _ctrl_c_in_a_thread_once_a_page_is_asked_for(server: FeedServer) -> list[float]:
    """When a page (/p/...) is first asked for, a SIGINT to a thread other than the main
    one; the list it returns then holds when it was sent."""
    sent: list[float] = []

    def interrupt() -> None:
        deadline = time.monotonic() + 60
        while not any(path.startswith("/p/") for path in server.paths()):
            if time.monotonic() > deadline:
                return
            time.sleep(0.05)
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)  # to this thread only
        sent.append(time.monotonic())

    threading.Thread(target=interrupt, name="ctrl-c", daemon=True).start()
    return sent


def test_sources_add_reads_a_huge_feed_cut_to_the_entries_ingest_reads(server):
    """The probe of `sources add URL` (CLI and chat) asks its worker to read the feed as
    ingest will: cut to [ingest] max_entries_per_feed, not all 50,000 entries parsed."""
    items = [(n, START + timedelta(seconds=n)) for n in range(50_000)]
    server.route("/wire.xml", teasers(items), "application/rss+xml")
    settings = Settings(
        ingest=IngestSettings(max_entries_per_feed=100),
        sources=SourcesSettings(allow_hosts=("127.0.0.1",)),
    )
    asked: list[tuple[Any, ...]] = []

    async def run() -> tuple[str, str]:
        async with SummaryPool(SummaryOptions(), 1, 10.0) as pool:

            async def recorded(function, *args):  # the real worker, its work written down
                asked.append((function.__name__, *args))
                return await pool.run(function, *args)

            return await checked_source(settings, server.url("/wire.xml"), None, recorded)

    assert asyncio.run(run()) == (server.url("/wire.xml"), "feed")
    [(name, result, *rest)] = asked
    assert (name, rest) == ("readable_kind", [100])
    feed = parse_feed(result.body, result.url, result.content_type_header, *rest)  # as it did
    assert (len(feed.entries), feed.left_out) == (100, 49_900)
    assert feed.entries[0].title == "Report 49999"  # the newest
