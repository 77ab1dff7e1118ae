"""Which servers and workspaces a signed-in person may manage here, and as whom they act.

A tenant is listed when the platform says the person may manage it (Discord: Manage
Server or Administrator; Slack: a workspace admin or owner) and the bot is in it (the
store's tenants: the bot has not been removed). What the platform says is remembered for
``CACHE_SECONDS`` for pages, and asked again before every change. The operator (a
one-time link) manages the console and every server and workspace the bot is in.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping

from bot.discord.dispatch import TERMS as DISCORD_TERMS
from bot.replies import Caller, PlatformTerms
from bot.slack.commands import TERMS as SLACK_TERMS
from bot.web.sessions import OPERATOR, Session, Sessions
from bot.web.signin import Provider, SignInError
from summaries.models import CONSOLE, Channel
from summaries.store import Store

log = logging.getLogger("briefing.web")

CACHE_SECONDS = 60.0
TERMS = {
    "discord": DISCORD_TERMS,
    "slack": SLACK_TERMS,
    CONSOLE: PlatformTerms(tenant="console"),
}


class Access:
    def __init__(
        self,
        store: Store,
        sessions: Sessions,
        providers: Mapping[str, Provider],
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.sessions = sessions
        self.providers = providers
        self.clock = clock

    async def tenants(self, session: Session, *, fresh: bool = False) -> dict[str, str]:
        """The tenants ``session`` may manage here: id -> name. ``fresh`` asks the platform
        again (before a change); otherwise an answer up to a minute old is used."""
        present = await asyncio.to_thread(self.store.present_tenants)
        if session.identity.platform == OPERATOR:
            return {
                CONSOLE: "Console",
                **{tenant: name or tenant for tenant, name in present.items()},
            }
        grant = self.sessions.grants.get(session.sid)
        provider = self.providers.get(session.identity.platform)
        if grant is None or provider is None:
            return {}
        now = self.clock()
        if fresh or not grant.checked or now - grant.checked > CACHE_SECONDS:
            try:
                grant.managed = await provider.managed(session.identity, grant)
            except SignInError as error:
                log.warning("could not check what a %s user manages: %s", provider.label, error)
                grant.managed = {}
            grant.checked = now
        return {tenant: name for tenant, name in grant.managed.items() if tenant in present}


def caller_for(session: Session, tenant: str, channel: Channel | None = None) -> Caller:
    """The Caller of a change made on the dashboard: the signed-in person, in ``tenant``
    (checked just before), at ``channel`` for a channel's settings."""
    identity = session.identity
    platform = tenant.split(":", 1)[0] if ":" in tenant else CONSOLE
    user = OPERATOR if identity.platform == OPERATOR else f"{identity.platform}:{identity.user}"
    return Caller(
        platform=platform,
        channel=channel.id if channel is not None else "",
        user=user,
        is_admin=True,  # the platform said so just now (or the operator)
        channel_name=(channel.name or "") if channel is not None else "",
        tenant=tenant,
        terms=TERMS.get(platform, PlatformTerms()),
    )
