"""The discord.py bot: intents, sharding, endpoints, commands, the command sync.

    bot = make_bot(settings, runtime.commands, runtime.store)
    runtime.posters.register("discord", bot.poster)
    async with bot:
        await bot.login(token)
        await runtime.start()
        await bot.connect()

Intents are the fewest that work: ``guilds`` (channels and roles, for permission checks
and slash commands), plus ``guild_messages`` and the privileged ``message_content``
only when prefix commands are on (``[discord] prefix``). ``shards = "auto"`` runs an
AutoShardedBot with Discord's recommended shard count; ``shard_ids`` with
``shard_count`` run some shards of a bot spread over several processes; any of them
posts the scheduled digests it claims (REST posts need no particular shard).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands as ext

from bot.budget import digest_budget
from bot.chat import CommandRunner
from bot.discord.commands import add_slash_commands, addressed_line
from bot.discord.dispatch import ANSWER_WITHIN, DEFER_AFTER, Dispatcher
from bot.discord.endpoints import use_endpoints
from bot.discord.pages import PAGE_TIMEOUT
from bot.discord.poster import DiscordPoster
from bot.discord.sync import sync_if_changed
from bot.recent import RecentEvents
from bot.tenancy import TenantEvents
from summaries.clock import Clock, utc_now
from summaries.config import DiscordSettings, Settings
from summaries.store import Store

log = logging.getLogger("briefing.discord")


@dataclass(frozen=True, slots=True)
class Timing:
    """Waits that tests shorten; the defaults are what a real bot should use."""

    guild_ready_timeout: float = 2.0  # discord.py waits this long after the last GUILD_CREATE
    identify_delay: float = 5.0  # before a fresh IDENTIFY after a lost session (not a resume)
    page_timeout: float = PAGE_TIMEOUT
    defer_after: float = DEFER_AFTER
    answer_within: float = ANSWER_WITHIN  # of an interaction's creation, or a note instead
    # nothing heard for this long (not even a heartbeat ACK): the connection is dead, resume
    heartbeat_timeout: float = 60.0


def intents_for(settings: DiscordSettings) -> discord.Intents:
    intents = discord.Intents.none()
    intents.guilds = True
    if settings.prefix:
        intents.guild_messages = True
        intents.message_content = True
    return intents


def bot_options(settings: DiscordSettings, timing: Timing) -> dict[str, Any]:
    """Keyword arguments for discord.py's Bot: a small cache, no pings, guild-only commands."""
    # discord.py wants a prefix; the bot reads prefixes itself (``process_commands``)
    prefix = ext.when_mentioned_or(settings.prefix) if settings.prefix else ext.when_mentioned
    options: dict[str, Any] = {
        "command_prefix": prefix,
        "intents": intents_for(settings),
        "help_command": None,
        "case_insensitive": True,
        "allowed_mentions": discord.AllowedMentions.none(),
        "max_messages": None,  # no message cache: the bot never looks messages up
        "member_cache_flags": discord.MemberCacheFlags.none(),
        "chunk_guilds_at_startup": False,
        "guild_ready_timeout": timing.guild_ready_timeout,
        "heartbeat_timeout": timing.heartbeat_timeout,
        # a 429 asking for more than a minute fails the request instead of holding it (a
        # digest is then retried by the delivery; a command answer would be too late anyway)
        "max_ratelimit_timeout": 60.0,
        "allowed_contexts": app_commands.AppCommandContext(
            guild=True, dm_channel=False, private_channel=False
        ),
        "allowed_installs": app_commands.AppInstallationType(guild=True, user=False),
    }
    if settings.shard_ids:
        options["shard_ids"] = list(settings.shard_ids)
    if settings.shard_count:
        options["shard_count"] = settings.shard_count
    return options


def is_sharded(settings: DiscordSettings) -> bool:
    return settings.shards == "auto" or bool(settings.shard_ids) or bool(settings.shard_count)


class _Briefing:
    """What the bot adds to discord.py's Bot; shared by the sharded and unsharded kinds."""

    def __init__(
        self,
        settings: DiscordSettings,
        runner: CommandRunner,
        store: Store,
        timing: Timing,
        clock: Clock = utc_now,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.settings = settings
        self.store = store
        self.tenants = TenantEvents(store, clock)
        self.timing = timing
        self.dispatcher = Dispatcher(
            runner,
            page_timeout=timing.page_timeout,
            defer_after=timing.defer_after,
            answer_within=timing.answer_within,
            source_ids=self._source_ids,
        )
        self.poster = DiscordPoster(self, digest_budget(store, settings.digest_rate))  # type: ignore[arg-type]
        self.after_login: Callable[[], None] | None = None  # e.g. post digests left unsent
        add_slash_commands(self.tree, self.dispatcher)  # type: ignore[attr-defined]
        # Discord may replay, after a RESUME, events the bot already handled: each message
        # and interaction is answered once (the tree runs no command its check refuses).
        self.seen = RecentEvents()
        self.tree.interaction_check = self._first_delivery  # type: ignore[attr-defined]

    async def _first_delivery(self, interaction: discord.Interaction) -> bool:
        if self.seen.first_time(f"interaction:{interaction.id}"):
            return True
        log.info("interaction %s delivered again: already answered", interaction.id)
        return False

    async def process_commands(self, message: discord.Message) -> None:
        """A message addressed to the bot (``addressed_line``: the prefix or a mention) goes
        to the dispatcher, which answers every line, an unknown command with the closest
        one; discord.py's own reading would ignore a bare mention and log an unknown
        command as an error. Other people's bots are not answered."""
        user = self.user  # type: ignore[attr-defined]
        if message.author.bot or user is None:
            return
        line = addressed_line(message.content, self.settings.prefix, user.id)
        if line is not None and not self.seen.first_time(f"message:{message.id}"):
            log.info("message %s delivered again: already answered", message.id)
        elif line is not None:
            await self.dispatcher.message(message, line)

    def _source_ids(self) -> dict[str, int]:
        """Each source's address and number (blocking: a quick store read)."""
        return {record.url: record.id for record in self.store.list_sources()}

    async def login(self, token: str) -> None:
        use_endpoints(self.settings.api_base, self.settings.gateway_url)
        await super().login(token)  # type: ignore[misc]

    async def setup_hook(self) -> None:
        """After login, before the gateway: REST works, so posting and the sync can start."""
        self.poster.logged_in()
        if self.after_login is not None:
            self.after_login()
        if (
            isinstance(self, ext.AutoShardedBot)
            and self.shard_count is None
            and self.settings.gateway_url
        ):
            # Discord's recommended shard count, but keep connecting through the configured
            # gateway rather than the URL Discord names.
            self.shard_count, _, _ = await self.http.get_bot_gateway()
        application_id = self.application_id  # type: ignore[attr-defined]
        await sync_if_changed(self.tree, self.store, application_id)  # type: ignore[attr-defined]

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        if not initial and self.timing.identify_delay:
            await asyncio.sleep(self.timing.identify_delay)

    def dispatch(self, event_name: str, /, *args: Any, **kwargs: Any) -> None:
        """An event reaches the listeners only while the client is open. discord.py
        announces "ready" a moment after the gateway's READY (``guild_ready_timeout``,
        waiting for the servers), from a task that a close does not cancel: for a bot
        closed in that moment the event would fail on the closed client, with a traceback
        in the log, and nobody is left to hear it."""
        if self.is_closed():  # type: ignore[attr-defined]
            return
        super().dispatch(event_name, *args, **kwargs)  # type: ignore[misc]

    async def on_ready(self) -> None:
        user = self.user  # type: ignore[attr-defined]
        guilds = len(self.guilds)  # type: ignore[attr-defined]
        log.info("connected to Discord as %s (%s), in %d servers", user, user.id, guilds)

    async def on_resumed(self) -> None:
        log.info("Discord gateway session resumed")

    # --- servers joining and leaving: a server is a tenant (see bot.tenancy) --------------

    async def on_guild_join(self, guild: discord.Guild) -> None:
        await self._present(guild)

    async def on_guild_available(self, guild: discord.Guild) -> None:
        """Every server the bot is in, at each connect (it may have been re-added while
        the bot was down: it is back, and keeps its settings)."""
        await self._present(guild)

    async def _present(self, guild: discord.Guild) -> None:
        channels = [f"discord:{channel.id}" for channel in guild.channels]
        await self.tenants.present(f"discord:{guild.id}", guild.name, channels)

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """The bot was removed (an outage is ``on_guild_unavailable``, which changes
        nothing): the server's settings go after the grace period."""
        await self.tenants.left(f"discord:{guild.id}")


class BriefingBot(_Briefing, ext.Bot):
    """One gateway connection."""


class ShardedBriefingBot(_Briefing, ext.AutoShardedBot):
    """Several shards in this process (all of them, or ``shard_ids``)."""


def make_bot(
    settings: Settings,
    runner: CommandRunner,
    store: Store,
    *,
    timing: Timing | None = None,
    clock: Clock = utc_now,
) -> BriefingBot | ShardedBriefingBot:
    """``clock`` is the runtime's: when a server left, for its grace period."""
    timing = timing or Timing()
    discord_settings = settings.discord
    kind = ShardedBriefingBot if is_sharded(discord_settings) else BriefingBot
    options = bot_options(discord_settings, timing)
    return kind(discord_settings, runner, store, timing, clock, **options)
