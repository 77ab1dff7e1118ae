"""The dashboard over the real bot and the fake Discord, for the web tests.

async with dashboard_over(fake, tmp_path) as (runtime, dashboard):
    async with httpx.AsyncClient(base_url=dashboard.url) as http:
        await sign_in(http, fake, fake.alice)
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx

from bot.web import Dashboard
from summaries.config import SourcesSettings, WebSettings
from tests.fakes.discord import FakeDiscord
from tests.fakes.discord.harness import bot_over_runtime, settings_for

SESSION_SECRET = "a-session-key-for-tests-only-0123456789"


def environ_for(fake: FakeDiscord) -> dict[str, str]:
    return {"DISCORD_CLIENT_SECRET": fake.client_secret, "BRIEFING_WEB_SECRET": SESSION_SECRET}


SECTIONS = ("sources", "fetch", "ingest")


def web_settings(fake: FakeDiscord, tmp_path: Path, **web: Any) -> Any:
    """Settings of a bot on ``fake`` with its dashboard on; ``sources``, ``fetch`` and
    ``ingest`` sections may be given among the ``[web]`` keys."""
    sections = {name: web.pop(name) for name in SECTIONS if name in web}
    sections.setdefault("sources", SourcesSettings())
    options = {"enabled": True, "port": 0, "discord_client_id": fake.client_id, **web}
    return settings_for(fake, tmp_path, web=WebSettings(**options), **sections)


@contextlib.asynccontextmanager
async def dashboard_over(
    fake: FakeDiscord, tmp_path: Path, *, settings: Any = None, **web: Any
) -> AsyncIterator[tuple[Any, Dashboard]]:
    """The bot connected to ``fake`` and its dashboard on a free loopback port."""
    settings = settings or web_settings(fake, tmp_path, **web)
    async with bot_over_runtime(settings, fake) as (runtime, _adapter):
        await fake.wait_for(
            lambda: f"discord:{fake.guild.id}" in runtime.store.present_tenants(),
            what="the bot to record its servers",
        )
        dashboard = Dashboard(runtime, settings, environ_for(fake))
        await dashboard.start()
        try:
            yield runtime, dashboard
        finally:
            await dashboard.close()


async def sign_in(http: httpx.AsyncClient, fake: FakeDiscord, user: Any) -> httpx.Response:
    """Sign in with Discord as ``user``: the dashboard, the fake's authorize, back."""
    fake.signed_in = user
    return await http.get("/login/discord", follow_redirects=True)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no form on the page"
    return found.group(1)


@contextlib.asynccontextmanager
async def browsing(
    tmp_path: Path, *, as_alice: bool = True, setup: Any = None, **web: Any
) -> AsyncIterator[tuple[FakeDiscord, Any, Dashboard, httpx.AsyncClient]]:
    """A fake Discord (``setup(fake)`` first), the bot and its dashboard, and an HTTP
    client on it, signed in as alice (who holds Manage Server in the fake's server)."""
    async with FakeDiscord() as fake:
        if setup is not None:
            setup(fake)
        async with (
            dashboard_over(fake, tmp_path, **web) as (runtime, dashboard),
            httpx.AsyncClient(base_url=dashboard.url) as http,
        ):
            if as_alice:
                await sign_in(http, fake, fake.alice)
            yield fake, runtime, dashboard, http
