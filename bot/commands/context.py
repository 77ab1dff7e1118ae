"""What every command works with: the collaborators, passed in, and the admin check."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypeVar

from bot.commands.errors import CommandError
from bot.posting import Posters
from bot.replies import Caller, ErrorKind, PlatformTerms
from summaries.clock import Clock, utc_now
from summaries.config import Settings
from summaries.ingest import SummaryPool
from summaries.models import Channel, Scope
from summaries.sources import Fetcher
from summaries.store import Store

if TYPE_CHECKING:
    from bot.commands.declare import CommandSet

T = TypeVar("T")

FetcherFactory = Callable[[], AbstractAsyncContextManager[Fetcher]]


class Delivery(Protocol):
    """What ``digest now`` needs of ``bot.delivery.DigestDelivery``."""

    posters: Posters  # which platforms this process can post to

    async def post_now(self, channel_id: str) -> str:
        """Post the channel's digest now: "sent" | "already-sent" | "empty" | "malformed"
        | "failed"."""
        ...


@dataclass
class Context:
    """The objects a command may use. ``fetcher`` is an open Fetcher that someone else
    closes, or a factory whose result is entered for each use (``fetcher_for(settings)``).
    """

    store: Store
    settings: Settings
    commands: CommandSet  # the declared commands, for help
    pool: SummaryPool | None = None
    fetcher: Fetcher | FetcherFactory | None = None
    delivery: Delivery | None = None
    clock: Clock = field(default=utc_now)

    async def call(self, work: Callable[..., T], *args: object, **kwargs: object) -> T:
        """Run blocking work (the store, extraction) in a worker thread."""
        return await asyncio.to_thread(work, *args, **kwargs)

    @asynccontextmanager
    async def fetching(self) -> AsyncIterator[Fetcher]:
        if self.fetcher is None:
            raise CommandError(ErrorKind.UNAVAILABLE, "Fetching web pages is not set up here.")
        if isinstance(self.fetcher, Fetcher):
            yield self.fetcher
            return
        async with self.fetcher() as fetcher:
            yield fetcher

    def scope(self, caller: Caller) -> Scope:
        """What ``caller``'s server or workspace reads (see ``Scope.of_tenant``)."""
        return Scope.of_tenant(caller.tenant, shared=self.settings.sources.shared)

    def tenant(self, caller: Caller) -> str:
        """The caller's server or workspace; a command outside any is told where it works."""
        if caller.tenant is None and caller.tenant_unknown:
            raise CommandError(ErrorKind.UNAVAILABLE, caller.tenant_unknown)
        if caller.tenant is None:
            raise self.not_here(caller)
        return caller.tenant

    def not_here(self, caller: Caller) -> CommandError:
        """The refusal of a command asked in a direct message where it does not work, with
        the commands that do work there."""
        if caller.direct:
            usable = f"{_listing(self.commands.in_direct())} work in a direct message too"
        else:
            usable = f"{_listing(self.commands.anywhere())} work anywhere"
        return CommandError(
            ErrorKind.USAGE,
            f"That command works in the channels of a {caller.terms.tenant}, not in a "
            f"direct message: the sources the bot reads, and each channel's topics and "
            f"daily digest, are set up there. Ask in a channel. ({usable}.)",
            title="Not here",
        )

    async def check_channel(self, caller: Caller) -> None:
        """The channel a command acts on must be the caller's server's or workspace's: the
        one first stored as its owner (whoever set it up first), or, for a channel not set
        up yet, the one the platform puts it in. A channel shared between workspaces (Slack
        Connect) is so one workspace's, whose settings the other's people neither see nor
        change. (That a named channel is the caller's at all is the adapter's to check with
        its platform; this holds whatever an adapter lets through.)"""
        stored = await self.call(self.store.get_channel, caller.channel)
        owner = stored.tenant if stored is not None and stored.tenant else None
        owner = owner or caller.channel_tenant
        if owner is None or owner == caller.tenant:
            return
        if caller.asked_in:
            raise CommandError(ErrorKind.NOT_FOUND, foreign_channel(caller.terms))
        raise CommandError(ErrorKind.FORBIDDEN, shared_channel(caller.terms), title="Not here")

    async def save_channel(self, caller: Caller) -> Channel:
        """The caller's channel as stored, created when missing, with its name and the
        server or workspace it is in."""
        return await self.call(
            self.store.ensure_channel,
            caller.channel,
            name=caller.channel_name or None,
            tenant=caller.tenant,
        )

    def is_admin(self, caller: Caller) -> bool:
        return caller.is_admin or (bool(caller.user) and caller.user in self.settings.bot.admins)

    def require_admin(self, caller: Caller, action: str) -> None:
        """Raise FORBIDDEN, saying who may ``action`` ("change this channel's topics")."""
        if self.is_admin(caller):
            return
        raise CommandError(
            ErrorKind.FORBIDDEN,
            f"Only {caller.terms.admins}, or users listed under [bot] admins in the bot's "
            f"config.toml, can {action}.",
        )


def foreign_channel(terms: PlatformTerms) -> str:
    """The refusal of a named channel that is not the asker's server's or workspace's
    (said the same whether it is another's or none at all)."""
    return (
        f"That is not a channel of this {terms.tenant}: name one of its own channels, or "
        "ask in the channel itself."
    )


def shared_channel(terms: PlatformTerms) -> str:
    """The refusal of a command asked in a channel shared with another server or workspace
    that it belongs to."""
    return (
        f"This channel is shared with another {terms.tenant}, and the bot here is that "
        f"{terms.tenant}'s: it reads that {terms.tenant}'s sources, with this channel's "
        f"topics and digest schedule as its people set them, and only they can use its "
        f"commands here. Use the bot in a channel of your own {terms.tenant}."
    )


def _listing(words: list[str]) -> str:
    """``help and summarize``; ``a, b and c``."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"
