"""What the tenancy tests over the real adapters share: three outlets on the loopback
feed server, settings that let the bot read them, and reading the answers."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summaries.config import FetchSettings, IngestSettings, Settings, SourcesSettings
from summaries.samples import sample_articles
from summaries.store import Store
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import settings_for
from tests.fakes.feed_server import FeedServer, rss

EPHEMERAL = 64
HERALD, COURIER, WIRE = "/herald.xml", "/courier.xml", "/wire.xml"


def serve_outlets(server: FeedServer) -> None:
    """The Gulf Herald (the Brennport port story, /h/1, and the Voltara factory, /h/2),
    the Brennport Courier (the same Brennport story as the truckers saw it, /c/1) and the
    Valley Wire (the Tarrow heat wave, /w/1)."""
    samples = {Path(a.url).name[:2]: a for a in sample_articles()}
    port, trucks, heat, factory = samples["01"], samples["02"], samples["04"], samples["07"]
    herald = [(port.title, "/h/1", port.text), (factory.title, "/h/2", factory.text)]
    server.route(HERALD, rss("Gulf Herald", herald), "application/rss+xml")
    courier = [(trucks.title, "/c/1", trucks.text)]
    server.route(COURIER, rss("Brennport Courier", courier), "application/rss+xml")
    server.route(WIRE, rss("Valley Wire", [(heat.title, "/w/1", heat.text)]), "application/rss+xml")


def tenancy_settings(fake: FakeDiscord, tmp_path: Path, **sections: Any) -> Settings:
    """Settings for a bot on ``fake`` that may read loopback feeds, at once, with one
    summarizing worker."""
    return settings_for(
        fake,
        tmp_path,
        sources=SourcesSettings(allow_hosts=("127.0.0.1",)),
        fetch=FetchSettings(politeness=0, timeout=5),
        ingest=IngestSettings(workers=1),
        **sections,
    )


def text_of(message: dict[str, Any]) -> str:
    """A message (or a Slack answer) as JSON text, to look for an address or a name."""
    return json.dumps(message, ensure_ascii=False)


def titles(message: dict[str, Any]) -> list[str]:
    return [embed.get("title", "") for embed in message.get("embeds") or []]


def left_at(store: Store, tenant: str) -> str | None:
    """When the store noted the bot was removed from ``tenant`` (None: it was not)."""
    rows = store.execute("SELECT left_at FROM tenants WHERE id = ?", (tenant,))
    return rows[0][0] if rows else None


def keeps(runtime: Any, tenant: str, channel: str) -> tuple[list[str], bool, bool]:
    """What the bot keeps of ``tenant``: the addresses it follows, whether ``channel`` is
    stored, and whether it has a digest job."""
    followed = runtime.store.tenant_sources(tenant, operator=True)
    return (
        [seen.source.url for seen in followed],
        runtime.store.get_channel(channel) is not None,
        runtime.schedule.next_run(channel) is not None,
    )


async def eventually(condition: Callable[[], Any], timeout: float = 10.0) -> None:
    """Wait until the bot handled a platform event it answers nothing to."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out waiting for the bot"
        await asyncio.sleep(0.02)
