"""Browser tests: Debian's chromium driven by Playwright, and the bot's world beside it.

Playwright's sync API runs its own loop in the test's thread, so the fake Discord, the bot
and its dashboard run in a loop of their own thread (``World``); the test reaches into it
with ``world.call(coroutine)``.

No browser is ever downloaded: the tests use ``/usr/bin/chromium`` (Debian's package;
``make test`` installs it when it may) and skip, saying so, when it is missing.
"""

from __future__ import annotations

import asyncio
import shutil
import threading
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

import pytest

from tests.bot.helpers_web import dashboard_over
from tests.fakes.discord import FakeDiscord

T = TypeVar("T")
CHROMIUM = ("/usr/bin/chromium", "chromium", "chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def chromium_path() -> str | None:
    for name in CHROMIUM:
        found = shutil.which(name)
        if found:
            return found
    return None


def launched_browser() -> Iterator[Any]:
    """A headless Chromium for a module's tests, or a skip that says what is missing."""
    path = chromium_path()
    if path is None:
        pytest.skip(
            "no Chromium found: install Debian's chromium package (apt-get install chromium; "
            "make test does it when run as root) to run the browser tests"
        )
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright for Python is missing: pip install -e '.[test]'"
    )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


class World:
    """The fake Discord, the bot connected to it and its dashboard, in their own thread."""

    def __init__(
        self,
        tmp_path: Path,
        setup: Callable[[FakeDiscord], None] | None = None,
        settings: Callable[[FakeDiscord], Any] | None = None,
    ) -> None:
        self.tmp_path, self.setup, self.settings = tmp_path, setup, settings
        self.loop = asyncio.new_event_loop()
        self._ready: Future[None] = Future()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.fake: Any = None
        self.runtime: Any = None
        self.dashboard: Any = None

    def __enter__(self) -> World:
        self._thread.start()
        self._main = asyncio.run_coroutine_threadsafe(self._run(), self.loop)
        self._ready.result(timeout=60)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.loop.call_soon_threadsafe(self._stop.set)
        try:
            self._main.result(timeout=30)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout=10)
            self.loop.close()

    async def _run(self) -> None:
        self._stop = asyncio.Event()
        try:
            async with FakeDiscord() as fake:
                if self.setup is not None:
                    self.setup(fake)
                settings = self.settings(fake) if self.settings is not None else None
                opened = dashboard_over(fake, self.tmp_path, settings=settings)
                async with opened as (runtime, dash):
                    self.fake, self.runtime, self.dashboard = fake, runtime, dash
                    self._ready.set_result(None)
                    await self._stop.wait()
        except BaseException as error:
            if not self._ready.done():
                self._ready.set_exception(error)
            raise

    @property
    def url(self) -> str:
        return self.dashboard.url

    def call(self, work: Awaitable[T], timeout: float = 30) -> T:
        """Run a coroutine in the world's loop and return its result."""
        return asyncio.run_coroutine_threadsafe(work, self.loop).result(timeout)  # type: ignore[arg-type]

    def run(self, work: Callable[[], T], timeout: float = 30) -> T:
        """Call ``work()`` in the world's loop (it may touch the bot's objects)."""

        async def wrapped() -> T:
            return work()

        return self.call(wrapped(), timeout)

    def say(self, text: str, user: Any = None) -> dict[str, Any]:
        """Someone types ``text`` in #news; the bot's answer to it."""
        fake = self.fake
        before = len(fake.by_bot_in(fake.news))

        async def say() -> dict[str, Any]:
            await fake.say(fake.news, user or fake.alice, text)
            answers = await fake.wait_for(
                lambda: fake.by_bot_in(fake.news)[before:], timeout=15, what=f"an answer to {text}"
            )
            return answers[0]

        return self.call(say())
