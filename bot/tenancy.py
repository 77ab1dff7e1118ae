"""Servers and workspaces coming and going: what the adapters tell the store.

A tenant is present whenever the platform says the bot is in it (Discord's GUILD_CREATE,
Slack's auth.test at start); it has left when the platform says the bot was removed
(Discord's GUILD_DELETE that is not an outage, Slack's ``app_uninstalled`` or
``tokens_revoked``). Leaving forgets nothing at once: the runtime deletes a tenant's
subscriptions and channel settings only after ``[tenants] leave_grace_days``, and a
tenant that comes back before then keeps them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection

from summaries.clock import Clock, utc_now
from summaries.store import Store

log = logging.getLogger("briefing.tenants")


class TenantEvents:
    def __init__(self, store: Store, clock: Clock = utc_now) -> None:
        self.store = store
        self.clock = clock

    async def present(
        self, tenant: str, name: str | None = None, channels: Collection[str] = ()
    ) -> None:
        """``tenant`` has the bot; ``channels`` (store ids) are in it, so that a channel set
        up before anyone used a command there (config.toml) reads the tenant's sources."""
        await asyncio.to_thread(
            self.store.ensure_tenant, tenant, now=self.clock(), name=name, channels=channels
        )

    async def left(self, tenant: str) -> None:
        await asyncio.to_thread(self.store.mark_tenant_left, tenant, now=self.clock())
        log.info("the bot was removed from %s: its settings are kept for the grace period", tenant)
