"""The feed entries an ingest run found without article text, counted on ``/metrics``
(the real runtime reading a feed on loopback, the real health server over HTTP)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp

from bot.observability.health import HealthServer
from bot.runtime import BotRuntime
from summaries.config import SourcesSettings
from tests.bot.test_observability_metrics import parse_exposition, value_of
from tests.bot.test_runtime import settings_for
from tests.fakes.feed_server import FeedServer
from tests.test_feed_textless_entries import VIDEO_PAGE, _videos


async def _ingest_and_scrape(settings) -> tuple[int, str]:
    """One ingest run of the runtime, then its ``/metrics`` as served."""
    runtime = await BotRuntime.open(settings)
    try:
        report = await runtime.ingest_and_retry()
        assert report is not None
        async with (
            HealthServer(runtime.health, runtime.metrics, port=0) as server,
            aiohttp.ClientSession() as http,
            http.get(f"{server.url}/metrics") as response,
        ):
            return response.status, await response.text()
    finally:
        await runtime.close()


def test_entries_without_article_text_are_counted_on_the_metrics_endpoint(tmp_path: Path):
    """A video's entry (no text on its page, none in its feed) counts once; it is no
    feed failure."""
    with FeedServer() as server:
        server.route("/watch", VIDEO_PAGE, "text/html")
        _videos(server)
        sources = SourcesSettings(feeds=(server.url("/videos.xml"),), allow_hosts=("127.0.0.1",))
        status, text = asyncio.run(_ingest_and_scrape(settings_for(tmp_path, sources=sources)))
    assert status == 200
    families = parse_exposition(text)
    assert families["briefing_feed_entries_without_text_total"]["type"] == "counter"
    assert value_of(families, "briefing_feed_entries_without_text_total") == 1
    assert value_of(families, "briefing_feed_failures_total") == 0
