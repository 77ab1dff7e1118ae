"""Where discord.py sends REST calls and opens the gateway: Discord's own, a proxy, a fake.

discord.py keeps both addresses as class attributes (``Route.BASE`` of its HTTP client and
of its webhook client, which answers interactions, and ``DiscordWebSocket.DEFAULT_GATEWAY``),
and sets ``Route.BASE`` itself the same way when the API version changes. They are process
wide: one process talks to one Discord, which is how the bot runs (each shard process has
its own settings). ``use_endpoints`` is called once before login; empty settings restore
Discord's own addresses, so tests may point one bot after another at different fakes.

A gateway URL given here is used for the first connection and after an invalidated
session; resuming uses the ``resume_gateway_url`` the gateway (or a gateway proxy) sends.
"""

from __future__ import annotations

import re

import yarl
from discord import http
from discord.gateway import DiscordWebSocket
from discord.webhook import async_ as webhook_async
from discord.webhook import sync as webhook_sync

DISCORD_API = http.Route.BASE
DISCORD_GATEWAY = DiscordWebSocket.DEFAULT_GATEWAY
_VERSIONED = re.compile(r"/v\d+$")


def rest_base(api_base: str) -> str:
    """``http://proxy/api`` -> ``http://proxy/api/v10``; a base with a version is kept."""
    if not api_base:
        return DISCORD_API
    base = api_base.rstrip("/")
    if _VERSIONED.search(base):
        return base
    return f"{base}/v{http.INTERNAL_API_VERSION}"


def use_endpoints(api_base: str, gateway_url: str) -> None:
    """Point discord.py's REST, interaction and gateway traffic at the configured places."""
    base = rest_base(api_base)
    http.Route.BASE = base
    webhook_async.Route.BASE = base
    webhook_sync.Route.BASE = base
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url) if gateway_url else DISCORD_GATEWAY
