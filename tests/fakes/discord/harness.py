"""Running the real bot against the fake in a test: settings, a started bot, quick timings."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import Any

from bot.discord import Timing
from bot.discord.endpoints import use_endpoints
from summaries.clock import Clock, utc_now
from summaries.config import (
    DiscordSettings,
    FetchSettings,
    Settings,
    SourcesSettings,
    StoreSettings,
)
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.feed_server import FEEDS, FeedServer

# discord.py's own waits, shortened: no 2 s wait for more guilds, no 5 s before re-IDENTIFY.
FAST = Timing(guild_ready_timeout=0.02, identify_delay=0.0)


def discord_settings(fake: FakeDiscord, **options: Any) -> DiscordSettings:
    return DiscordSettings(api_base=fake.api_base, gateway_url=fake.gateway_url, **options)


def settings_for(fake: FakeDiscord, tmp_path: Path, **sections: Any) -> Settings:
    discord = sections.pop("discord", None) or discord_settings(fake)
    return Settings(store=StoreSettings(path=str(tmp_path / "bot.db")), discord=discord, **sections)


def factory_pages(site: FeedServer, *paths: str) -> None:
    """The battery factory article, served as a web page at each of ``paths``."""
    page = (FEEDS / "battery-factory.html").read_text(encoding="utf-8")
    for path in paths:
        site.route(path, page, "text/html")


def fetching_settings(fake: FakeDiscord, tmp_path: Path) -> Settings:
    """Settings that let the bot fetch pages from the loopback feed server at once."""
    return settings_for(
        fake,
        tmp_path,
        sources=SourcesSettings(allow_hosts=("127.0.0.1",)),
        fetch=FetchSettings(politeness=0, timeout=5),
    )


async def until_ready(client: Any, runner: asyncio.Task[Any], timeout: float = 10.0) -> None:
    """Wait for on_ready; fail with the client's own error if it stopped instead."""
    ready = asyncio.ensure_future(client.wait_until_ready())
    done, _ = await asyncio.wait(
        {ready, runner}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
    )
    if runner in done:
        ready.cancel()
        runner.result()
        raise AssertionError("the bot stopped before it was ready")
    if ready not in done:
        ready.cancel()
        raise AssertionError(f"the bot was not ready within {timeout} s")


@contextlib.asynccontextmanager
async def running(client: Any, fake: FakeDiscord) -> AsyncIterator[Any]:
    """``client.start(token)`` in a task until the block ends; the bot is ready inside."""
    runner = asyncio.create_task(client.start(fake.token))
    try:
        await until_ready(client, runner)
        yield client
    finally:
        await client.close()
        with contextlib.suppress(Exception):
            await runner
        use_endpoints("", "")  # Discord's own again: nothing leaks into the next test


@contextlib.asynccontextmanager
async def bot_over_runtime(
    settings: Settings,
    fake: FakeDiscord,
    timing: Timing = FAST,
    *,
    clock: Clock = utc_now,
    slack_environ: Mapping[str, str] | None = None,
) -> AsyncIterator[tuple[Any, Any]]:
    """A started BotRuntime (on ``clock``) with the Discord adapter connected to ``fake``,
    as ``python -m bot`` runs them: adapters created, runtime started, then the bot run
    until the end. With ``slack_environ`` (the Slack token variables) the Slack adapter
    runs beside it, as with both tokens set, connected before this yields."""
    from bot.discord import create_adapter
    from bot.runtime import BotRuntime
    from bot.slack import create_adapter as create_slack_adapter

    runtime = await BotRuntime.open(settings, clock=clock)
    runner: asyncio.Task[Any] | None = None
    slack = None
    try:
        environ = {settings.discord.token_env: fake.token, **(slack_environ or {})}
        adapter = create_adapter(runtime, settings, environ, timing=timing)
        if slack_environ is not None:
            slack = create_slack_adapter(runtime, settings, environ)
        await runtime.start()
        if slack is not None:
            await slack.start()
        runner = asyncio.create_task(adapter.run())
        await until_ready(adapter.bot, runner)
        yield runtime, adapter
    finally:
        if slack is not None:
            await slack.close()
        if runner is not None:
            await adapter.close()
            with contextlib.suppress(Exception):
                await runner
        await runtime.close()
        use_endpoints("", "")


def digests_in(fake: FakeDiscord, channel: Any) -> list[dict[str, Any]]:
    """The digests the bot posted in ``channel`` (not its other messages), oldest first."""
    return [m for m in fake.by_bot_in(channel) if m["content"].startswith("**Your briefing")]


def store_story(
    store: Any, n: int, title: str, body: str, *, source: str = "Harwick Herald", now: Any = None
) -> Any:
    """An article with a two-sentence briefing in ``store``, its own story."""
    import hashlib
    from datetime import UTC, datetime, timedelta

    from summaries import Article, Briefing

    moment = now or datetime.now(UTC)
    article = Article(title=title, text=body, url=f"https://news.example/{n}", source=source)
    first = body.split(". ")[0].rstrip(".") + "."
    stored, _ = store.upsert_article(
        article,
        Briefing((first, f"Second sentence of briefing {n}."), method="lead"),
        text=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        now=moment - timedelta(minutes=n),
    )
    store.set_story(stored.id, stored.id)
    return stored
