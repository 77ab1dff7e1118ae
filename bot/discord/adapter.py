"""The Discord connection as ``python -m bot`` runs it: token, bot, poster, lifetime."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

import discord

from bot.chat import ChatRuntime
from bot.discord.client import BriefingBot, ShardedBriefingBot, Timing, make_bot
from bot.discord.endpoints import rest_base
from bot.discord.reach import (
    CONNECTION_ERRORS,
    GATEWAY_SETTING,
    REST_SETTING,
    check_gateway,
    gateway_url,
    quiet_reconnects,
)
from bot.reach import answered, reason, unavailable
from summaries.clock import utc_now
from summaries.config import Settings
from summaries.errors import BriefingError, ConfigError
from summaries.store import Store

if TYPE_CHECKING:
    from bot.observability.health import ConnectionReport

log = logging.getLogger("briefing.discord")


class Schedule(Protocol):
    async def tick(self) -> dict[str, str]:
        """Claim and post the digests due, and those left unsent; what each channel got."""
        ...


class Runtime(ChatRuntime, Protocol):
    """What the adapter needs of ``bot.runtime.BotRuntime``."""

    @property
    def store(self) -> Store: ...

    @property
    def schedule(self) -> Schedule: ...


class DiscordUnavailableError(BriefingError):
    """Discord (or the configured ``api_base`` / ``gateway_url``) did not answer at start."""


def read_token(settings: Settings, environ: Mapping[str, str]) -> str:
    name = settings.discord.token_env
    token = environ.get(name, "").strip()
    if not token:
        raise ConfigError(
            f"The Discord bot token is not set: put it in the environment variable {name} "
            "([discord] token_env names the variable)."
        )
    return token


class DiscordAdapter:
    """Runs the bot until cancelled; unsent digests are posted as soon as REST works.

    Start-up (log in over REST, then reach the gateway) fails with DiscordUnavailableError
    when either does not answer; once connected, a lost gateway is reconnected by
    discord.py with a growing wait (see ``bot.discord.reach``).
    """

    def __init__(
        self,
        settings: Settings,
        token: str,
        runtime: Runtime,
        *,
        timing: Timing | None = None,
    ) -> None:
        self.settings = settings
        self._token = token
        clock = getattr(runtime, "clock", utc_now)  # BotRuntime's; a test's may have none
        self.bot: BriefingBot | ShardedBriefingBot = make_bot(
            settings, runtime.commands, runtime.store, timing=timing, clock=clock
        )
        self.bot.after_login = self._after_login(runtime.schedule.tick)
        self.poster = self.bot.poster
        health = getattr(runtime, "health", None)  # BotRuntime's; a test's runtime may have none
        if health is not None:
            report_connection(self.bot, health)
        self._tasks: set[asyncio.Task[Any]] = set()
        quiet_reconnects()

    def _after_login(self, tick: Callable[[], Awaitable[dict[str, str]]]) -> Callable[[], None]:
        """Once REST works, a tick of the schedule at once: the digests that came due while
        Discord was not connected (not claimed for it then) and those left unsent."""

        def start() -> None:
            task = asyncio.ensure_future(self._catch_up(tick))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

        return start

    async def _catch_up(self, tick: Callable[[], Awaitable[dict[str, str]]]) -> None:
        try:
            done = await tick()
        except Exception:  # logged; the next tick tries again
            log.exception("posting the digests due after login failed")
            return
        sent = sum(1 for outcome in done.values() if outcome == "sent")
        if sent:
            log.info("posted %d digests that were waiting for the Discord connection", sent)

    async def run(self) -> None:
        env = self.settings.discord.token_env
        try:
            async with self.bot:
                await self._start()
                await self.bot.connect()
        except discord.LoginFailure:
            raise ConfigError(
                f"Discord refused the bot token in {env}: copy it again from the Developer "
                "Portal (Bot > Reset Token)."
            ) from None
        except discord.PrivilegedIntentsRequired:
            raise ConfigError(
                "Prefix commands need the Message Content intent: turn it on in the Developer "
                'Portal (Bot > Privileged Gateway Intents), or set [discord] prefix = "" to '
                "use slash commands only."
            ) from None
        except discord.GatewayNotFound:
            raise DiscordUnavailableError(
                unavailable(
                    "Discord",
                    rest_base(self.settings.discord.api_base),
                    REST_SETTING,
                    "it named no gateway",
                )
            ) from None

    async def _start(self) -> None:
        """Log in over REST (which runs ``setup_hook``), then check the gateway answers."""
        api = rest_base(self.settings.discord.api_base)
        try:
            await self.bot.login(self._token)
        except CONNECTION_ERRORS as error:
            raise DiscordUnavailableError(
                unavailable("Discord", api, REST_SETTING, reason(error))
            ) from None
        except discord.DiscordServerError as error:
            raise DiscordUnavailableError(
                unavailable("Discord", api, REST_SETTING, answered(error.status))
            ) from None
        try:
            await check_gateway(self.bot.http)
        except CONNECTION_ERRORS as error:
            raise DiscordUnavailableError(
                unavailable("Discord's gateway", gateway_url(), GATEWAY_SETTING, reason(error))
            ) from None

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await self.bot.close()


def report_connection(bot: BriefingBot | ShardedBriefingBot, health: ConnectionReport) -> None:
    """/healthz follows the gateway: down until READY, up on READY or RESUMED, down when the
    connection drops. An AutoShardedBot is up once all its shards were first ready, and
    each shard reports on its own as "discord shard N" from then on."""
    health.adapter_connected("discord", False)

    def report(name: str, connected: bool) -> Callable[..., Awaitable[None]]:
        async def listener(*_: object) -> None:
            health.adapter_connected(name, connected)

        return listener

    def report_shard(connected: bool) -> Callable[[int], Awaitable[None]]:
        async def listener(shard_id: int) -> None:
            health.adapter_connected(f"discord shard {shard_id}", connected)

        return listener

    bot.add_listener(report("discord", True), "on_ready")
    if isinstance(bot, ShardedBriefingBot):
        bot.add_listener(report_shard(True), "on_shard_ready")
        bot.add_listener(report_shard(True), "on_shard_resumed")
        bot.add_listener(report_shard(False), "on_shard_disconnect")
    else:
        bot.add_listener(report("discord", True), "on_resumed")
        bot.add_listener(report("discord", False), "on_disconnect")


def create_adapter(
    runtime: Runtime,
    settings: Settings,
    environ: Mapping[str, str],
    *,
    timing: Timing | None = None,
) -> DiscordAdapter:
    """The Discord adapter over ``runtime``, its Poster registered (called by ``python -m
    bot`` when the token variable is set); ConfigError without a token."""
    adapter = DiscordAdapter(settings, read_token(settings, environ), runtime, timing=timing)
    runtime.posters.register("discord", adapter.poster)
    return adapter
