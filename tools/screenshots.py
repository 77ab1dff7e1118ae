"""The README's pictures of the dashboard: ``make screenshots`` (``tools/screenshots.py``).

The bot runs as the console does over the project's sample articles (in memory: no
database is touched), with its dashboard on a loopback port; headless Chromium (Debian's
``/usr/bin/chromium``, driven by Playwright) signs in with a one-time link and
photographs the sources page and the preview of the console channel's next digest as
Discord shows it.

Two example feeds are added beside the samples so that the sources page has something
to show: one read every day for the last month (its articles are the samples again,
dated over those days), one failing and waiting out its backoff. Their addresses are
``.example`` ones; nothing is fetched.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import random
import sys
import threading
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.console import open_session  # noqa: E402
from bot.runtime import BotRuntime  # noqa: E402
from bot.web import Dashboard  # noqa: E402
from summaries import Article, Briefing  # noqa: E402
from summaries.config import Settings, WebSettings  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
SIZE = {"width": 1280, "height": 860}
LINK = "screenshots-one-time-link"


def stage(runtime: BotRuntime) -> None:
    """The two example feeds: a month of daily reading, and one failing."""
    store, now = runtime.store, runtime.clock()
    daily = store.add_source("https://harwick-herald.example/rss", "feed", added_by="operator")
    # read 12 minutes ago; not due again while the pictures are taken (nothing is fetched)
    later = now + timedelta(hours=1)
    store.record_fetch(daily.id, ok=True, next_attempt_at=later, now=now - timedelta(minutes=12))
    samples = store.recent_articles(now - timedelta(days=1))
    rng = random.Random(15)
    for day in range(30):
        moment = now - timedelta(days=day, hours=2)
        for n in range(rng.choice((0, 1, 2, 2, 3, 4, 5))):
            article = samples[(day + n) % len(samples)]
            text = f"{article.text}\n\n(Edition of {moment:%d %B}, item {n}.)"
            store.upsert_article(
                Article(title=article.title, text=text, url=f"{article.url}?d={day}&n={n}"),
                Briefing(article.briefing, method=article.method),
                text=text,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                source_id=daily.id,
                now=moment,
            )
    failing = store.add_source("https://gulf-courier.example/feed.xml", "feed", added_by="operator")
    for attempt in range(4):
        store.record_fetch(
            failing.id,
            ok=False,
            error="The site answered 503 Service Unavailable.",
            next_attempt_at=now + timedelta(hours=2**attempt),
            now=now - timedelta(hours=5 - attempt),
        )


async def serve(ready: threading.Event, done: threading.Event, place: dict[str, str]) -> None:
    settings = Settings(web=WebSettings(enabled=True, port=0))
    async with open_session(settings, io.StringIO()) as session:
        runtime = session.runtime
        stage(runtime)
        now = runtime.clock()
        runtime.store.add_web_link(LINK, now=now, expires=now + timedelta(minutes=5))
        runtime.store.add_topic("console", "port")
        dashboard = Dashboard(runtime, replace(runtime.settings, web=settings.web), {})
        await dashboard.start()
        place["url"] = dashboard.url
        ready.set()
        try:
            while not done.is_set():
                await asyncio.sleep(0.05)
        finally:
            await dashboard.close()


def photograph(url: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    shots = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport=SIZE, device_scale_factor=1)
        page.goto(f"{url}/link/{LINK}")
        page.get_by_role("button", name="Sign in").click()
        page.goto(f"{url}/t/console/sources")
        shots.append(OUT / "dashboard-sources.png")
        page.screenshot(path=shots[-1], full_page=True)
        page.goto(f"{url}/t/console/channels/console/preview?as=discord")
        shots.append(OUT / "digest-preview.png")
        page.screenshot(path=shots[-1], full_page=True)
        browser.close()
    return shots


def main() -> int:
    if not Path(CHROMIUM).exists():
        print(f"screenshots: {CHROMIUM} is missing (apt-get install chromium)", file=sys.stderr)
        return 1
    ready, done, place = threading.Event(), threading.Event(), dict[str, str]()
    server = threading.Thread(target=asyncio.run, args=(serve(ready, done, place),))
    server.start()
    try:
        if not ready.wait(120):
            print("screenshots: the bot did not start", file=sys.stderr)
            return 1
        for shot in photograph(place["url"]):
            print(shot.relative_to(ROOT))
    finally:
        done.set()
        server.join(60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
