"""The Slack adapter (slack-bolt, asyncio): Socket Mode or HTTP, Block Kit replies.

``create_adapter(runtime, settings, environ)`` is what ``python -m bot`` calls when the
bot token variable (``[slack] bot_token_env``) is set. ``manifest.yaml`` next to this file
creates the Slack app in one step.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.chat import ChatRuntime
from bot.slack.app import SlackAdapter, SlackUnavailableError
from bot.slack.commands import SlackCommands
from bot.slack.poster import SlackPoster
from bot.slack.render import SlackMessage, render
from bot.slack.settings import SlackCredentials, read_credentials, slack_configured
from bot.tenancy import TenantEvents
from summaries.clock import utc_now
from summaries.config import Settings


def create_adapter(
    runtime: ChatRuntime, settings: Settings, environ: Mapping[str, str]
) -> SlackAdapter:
    """The Slack adapter over ``runtime``, its Poster registered; ConfigError when the tokens
    its mode needs are missing."""
    credentials = read_credentials(settings.slack, environ)
    health = getattr(runtime, "health", None)  # BotRuntime's; a test's runtime may have none
    store = getattr(runtime, "store", None)
    clock = getattr(runtime, "clock", utc_now)
    tenants = TenantEvents(store, clock) if store is not None else None
    adapter = SlackAdapter(settings, credentials, runtime.commands, health=health, tenants=tenants)
    runtime.posters.register("slack", adapter.poster)
    return adapter


__all__ = [
    "SlackAdapter",
    "SlackCommands",
    "SlackCredentials",
    "SlackMessage",
    "SlackPoster",
    "SlackUnavailableError",
    "create_adapter",
    "read_credentials",
    "render",
    "slack_configured",
]
