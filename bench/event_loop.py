"""The longest event-loop stall of the Discord bot while it ingests and answers commands.

    python bench/event_loop.py [--articles 500] [--workers 2] [--feeds 5] [--entries 5000]
                               [--page-bytes 1200000]

A loopback HTTP server in another process serves N news articles as HTML pages behind
teaser RSS feeds (news texts from ../shared/eval when present, else the sample corpus).
One event loop then runs what the bot runs: the real discord.py client connected to the
fake Discord (tests/fakes/discord) over a real Store, Fetcher, SummaryPool, Ingest and
command layer. While every article is fetched, extracted, summarized, grouped and stored,
a driver asks `/brief` (slash) and `!brief` (prefix) every 100 ms, an admin adds a big
feed (5,000 entries) and a big page (1.2 MB) with `/sources add` (each fetched, then
parsed and extracted in a worker), and a monitor task that should wake every 5 ms
records how late it wakes: the longest lateness is the longest time the loop could not
run anything, the gateway heartbeat included. Prints it and the command answer times;
exits 1 over the target (100 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import html
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the fakes live with the tests

from corpus import real_news  # noqa: E402  (bench/corpus.py)

from bot.commands import Commands  # noqa: E402
from bot.discord import Timing, make_bot  # noqa: E402
from summaries.config import (  # noqa: E402
    DiscordSettings,
    FetchSettings,
    IngestSettings,
    Settings,
    SourcesSettings,
    StoreSettings,
)
from summaries.ingest import Ingest, SummaryPool  # noqa: E402
from summaries.library import fetcher_for  # noqa: E402
from summaries.store import open_store  # noqa: E402
from tests.fakes.discord import FakeDiscord  # noqa: E402
from tests.fakes.discord.harness import running  # noqa: E402

TARGET_MS = 100.0
TICK = 0.005
ASK_EVERY = 0.1
WORDS = ["government", "police", "minister", "city", "police report", "company", "health"]


# --- the site, in its own process ---------------------------------------------------------


def news(limit: int) -> list[tuple[str, str]]:
    rows = real_news()
    articles = []
    for n in range(limit):
        title, text = rows[n % len(rows)]
        stamp = f"Filed as report {n} by the regional desk this morning."  # no two the same
        articles.append((f"{title or 'Report'} (no. {n})", f"{text}\n{stamp}"))
    return articles


def page(title: str, text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    return (
        f"<html><head><title>{html.escape(title)}</title></head><body><article>"
        f"<h1>{html.escape(title)}</h1>{paragraphs}</article></body></html>"
    )


def feed(base: str, items: list[tuple[int, str, str]]) -> str:
    entries = "".join(
        f"<item><title>{html.escape(title)}</title><link>{base}/a/{n}</link>"
        f"<guid>{base}/a/{n}</guid><description>{html.escape(text[:120])}</description></item>"
        for n, title, text in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>'
        f"<link>{base}/</link><description>bench</description>{entries}</channel></rss>"
    )


def big_page(articles: list[tuple[str, str]], size: int) -> str:
    """One long page of news paragraphs, about ``size`` bytes of HTML."""
    texts: list[str] = []
    while sum(len(text) for text in texts) < size:
        texts.append(articles[len(texts) % len(articles)][1])
    return page("A very long page", "\n".join(texts))


def serve_site(
    count: int, feeds: int, big: tuple[int, int], ready: multiprocessing.Queue, stop: object
) -> None:
    from tests.fakes.feed_server import FeedServer

    articles = news(count)
    entries, page_bytes = big
    with FeedServer() as server:
        many = news(entries)
        items = [(n, title, text) for n, (title, text) in enumerate(many)]
        server.route("/big-feed.xml", feed(server.base, items), "application/rss+xml")
        server.route("/big-page.html", big_page(many, page_bytes), "text/html; charset=utf-8")
        for n, (title, text) in enumerate(articles):
            server.route(f"/a/{n}", page(title, text), "text/html; charset=utf-8")
        for k in range(feeds):
            items = [(n, t, x) for n, (t, x) in enumerate(articles) if n % feeds == k]
            server.route(f"/feed{k}.xml", feed(server.base, items), "application/rss+xml")
        ready.put(server.base)
        stop.wait()  # type: ignore[attr-defined]


# --- the bot ------------------------------------------------------------------------------


class Monitor:
    """Wakes every TICK seconds and keeps how late each wake-up was."""

    def __init__(self) -> None:
        self.lateness: list[float] = []
        self.running = True

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        expected = loop.time() + TICK
        while self.running:
            await asyncio.sleep(TICK)
            now = loop.time()
            self.lateness.append(max(0.0, now - expected))
            expected = now + TICK


async def ask(fake: FakeDiscord, stop: asyncio.Event, latencies: list[float]) -> tuple[int, int]:
    """`/brief` and `!brief` in turn every ASK_EVERY seconds until ``stop``; waits for every
    answer; the slash answer times go to ``latencies``. Returns (slash, prefix) asked."""
    slash, prefix = [], 0
    while not stop.is_set():
        word = WORDS[(len(slash) + prefix) % len(WORDS)]
        if len(slash) > prefix:
            await fake.say(fake.news, fake.alice, f"!brief {word}")
            prefix += 1
        else:
            slash.append(await fake.slash("brief", {"keywords": word}))
        try:
            await asyncio.wait_for(stop.wait(), ASK_EVERY)
        except TimeoutError:
            pass
    originals = {i.original["id"] for i in slash if i.original}

    def answered() -> bool:
        by_prefix = [m for m in fake.sent_by_bot if m["id"] not in originals and not m["flags"]]
        return all(i.callbacks for i in slash) and len(by_prefix) >= prefix

    await fake.wait_for(answered, timeout=30, what="every answer")
    latencies.extend(i.answered_after for i in slash)
    return len(slash), prefix


async def add_sources(fake: FakeDiscord, urls: list[str]) -> list[tuple[str, float]]:
    """`/sources add url:` for each address in turn, as an admin; (answer title, seconds)."""
    added = []
    for url in urls:
        asked = await fake.slash("sources", {"url": url}, subcommand="add")
        answered = lambda asked=asked: asked.edits or asked.followups  # noqa: E731
        await fake.wait_for(answered, timeout=120, what=url)
        answer = (asked.edits or asked.followups)[-1]
        title = answer["embeds"][0]["title"] if answer.get("embeds") else answer["content"]
        added.append((title, asyncio.get_running_loop().time() - asked.sent_at))
    return added


async def measure(
    base: str, count: int, workers: int, feeds: int, big: tuple[int, int], folder: Path
) -> int:
    async with FakeDiscord() as fake:
        settings = Settings(
            store=StoreSettings(path=str(folder / "bench.db")),
            sources=SourcesSettings(allow_hosts=("127.0.0.1",)),
            fetch=FetchSettings(politeness=0, per_host=8, timeout=30),
            ingest=IngestSettings(workers=workers),
            discord=DiscordSettings(api_base=fake.api_base, gateway_url=fake.gateway_url),
        )
        with open_store(settings.store.location) as store:
            for k in range(feeds):
                store.add_source(f"{base}/feed{k}.xml", "feed")
            pool = SummaryPool(settings.summary.options(), workers, seconds=60)
            async with pool, fetcher_for(settings) as fetcher:
                commands = Commands(store, settings, pool=pool, fetcher=fetcher)
                bot = make_bot(settings, commands, store, timing=Timing(guild_ready_timeout=0.1))
                sources = store.list_sources()
                async with running(bot, fake):
                    monitor = Monitor()
                    watching = asyncio.create_task(monitor.run())
                    stop, latencies = asyncio.Event(), []
                    asking = asyncio.create_task(ask(fake, stop, latencies))
                    adding = asyncio.create_task(
                        add_sources(fake, [f"{base}/big-feed.xml", f"{base}/big-page.html"])
                    )
                    started = time.perf_counter()
                    report = await Ingest(store, fetcher, pool).run(sources)
                    seconds = time.perf_counter() - started
                    added = await adding
                    stop.set()
                    slash, prefix = await asking
                    monitor.running = False
                    await watching
    worst = max(monitor.lateness) * 1000
    p99 = statistics.quantiles(monitor.lateness, n=100)[98] * 1000
    print(
        f"Ingest of {count} articles from {feeds} teaser feeds, {workers} summarizing workers, "
        f"while answering commands"
    )
    print(f"  {report.line()} in {seconds:.1f} s")
    print(
        f"  answered meanwhile: {slash} /brief and {prefix} !brief; slash answers within "
        f"{max(latencies) * 1000:.0f} ms (median {statistics.median(latencies) * 1000:.0f} ms)"
    )
    (feed_answer, feed_seconds), (page_answer, page_seconds) = added
    print(
        f"  /sources add meanwhile: a {big[0]:,}-entry feed ({feed_answer}, {feed_seconds:.1f} s) "
        f"and a {big[1] / 1e6:.1f} MB page ({page_answer}, {page_seconds:.1f} s)"
    )
    print(
        f"  event loop: longest stall {worst:.1f} ms, 99th percentile {p99:.1f} ms over "
        f"{len(monitor.lateness)} wake-ups (target: longest under {TARGET_MS:.0f} ms)"
    )
    sources_added = all(title == "Source added" for title, _ in added)
    return 0 if worst < TARGET_MS and report.failed == 0 and sources_added else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--feeds", type=int, default=5)
    parser.add_argument("--entries", type=int, default=5000, help="of the feed added")
    parser.add_argument("--page-bytes", type=int, default=1_200_000, help="of the page added")
    args = parser.parse_args(argv)
    big = (args.entries, args.page_bytes)
    context = multiprocessing.get_context("spawn")
    ready, stop = context.Queue(), context.Event()
    site = context.Process(target=serve_site, args=(args.articles, args.feeds, big, ready, stop))
    site.start()
    try:
        base = ready.get(timeout=120)
        with tempfile.TemporaryDirectory() as tmp:
            return asyncio.run(
                measure(base, args.articles, args.workers, args.feeds, big, Path(tmp))
            )
    finally:
        stop.set()
        site.join(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
