"""The Slack side of the bot: a slack-bolt AsyncApp over Socket Mode or HTTP, and its Poster.

adapter = SlackAdapter(settings, credentials, runtime.commands)
runtime.posters.register("slack", adapter.poster)
await adapter.start()      # checks the bot token, connects (socket) or listens (http)
...
await adapter.close()
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot.reach import unavailable
from bot.slack.admins import AdminCheck
from bot.slack.client import web_client
from bot.slack.commands import CommandRunner, SlackCommands
from bot.slack.errors import SlackCallError, slack_call
from bot.slack.http import SlackHttpServer
from bot.slack.poster import SlackPoster
from bot.slack.settings import SlackCredentials, api_base_url
from bot.tenancy import TenantEvents
from summaries.config import Settings
from summaries.errors import BriefingError, ConfigError

if TYPE_CHECKING:
    from bot.observability.health import ConnectionReport

log = logging.getLogger("briefing.slack")
bolt_log = logging.getLogger("briefing.slack.bolt")


class _QuietTokenWarning(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN itself and warns that the client we give wins; it does,
    by design (the client carries api_base and the retry handlers), so the warning is noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


if not any(isinstance(known, _QuietTokenWarning) for known in bolt_log.filters):
    bolt_log.addFilter(_QuietTokenWarning())


class SlackUnavailableError(BriefingError):
    """Slack (or ``[slack] api_base``) could not be reached at start."""


def home_workspace(identity: dict[str, object]) -> str:
    """The one workspace auth.test says the bot token is of; "" for a token installed on a
    whole Enterprise Grid organisation (``is_enterprise_install``), which serves each of its
    workspaces: there a command's workspace is the one its payload names."""
    if identity.get("is_enterprise_install"):
        return ""
    return str(identity.get("team_id") or "")


class SlackAdapter:
    """Commands in over Socket Mode (default) or HTTP; replies and digests out.

    ``health`` (the runtime's) hears "slack" down until connected or listening, and
    down again at close.
    """

    def __init__(
        self,
        settings: Settings,
        credentials: SlackCredentials,
        commands: CommandRunner,
        *,
        health: ConnectionReport | None = None,
        tenants: TenantEvents | None = None,
    ) -> None:
        self.health = health
        self.tenants = tenants
        self._report(False)
        self.settings = settings.slack
        self.credentials = credentials
        self.client = web_client(credentials.bot_token, api_base_url(settings.slack))
        self.poster = SlackPoster(self.client)
        self.admins = AdminCheck(self.client, settings.bot.admins)
        self.app = AsyncApp(
            name="briefing",
            client=self.client,
            signing_secret=credentials.signing_secret,
            logger=bolt_log,
        )
        self.commands = SlackCommands(commands, self.admins)
        self.commands.register(self.app)
        self.app.event("app_uninstalled")(self._removed)
        self.app.event("tokens_revoked")(self._removed)
        self.bot_user_id = ""
        self.socket: AsyncSocketModeHandler | None = None
        self.server: SlackHttpServer | None = None

    async def start(self) -> None:
        """Check the bot token, then connect (Socket Mode) or listen (HTTP mode)."""
        identity = await self._checked(self.client.auth_test(), self.settings.bot_token_env)
        self.bot_user_id = str(identity.get("user_id", ""))
        workspace = home_workspace(identity)
        self.commands.workspace = workspace
        self.admins.home(workspace, str(identity.get("enterprise_id") or ""))
        log.info("Slack: signed in as %s to %s", identity.get("user"), identity.get("team"))
        if self.tenants is not None and workspace:
            # The bot token is one workspace's: every Slack channel stored is in it.
            channels = [
                channel.id
                for channel in await asyncio.to_thread(self.tenants.store.list_channels)
                if channel.platform == "slack"
            ]
            await self.tenants.present(f"slack:{workspace}", identity.get("team"), channels)
        if self.settings.mode == "socket":
            await self._connect_socket()
        else:
            self.server = SlackHttpServer(self.app, self.settings.host, self.settings.port)
            await self.server.start()
            host, port = self.server.address
            log.info("Slack HTTP endpoint listening on http://%s:%d/slack/events", host, port)
        self._report(True)

    async def _removed(self, body: dict, ack: Callable[[], Awaitable[None]]) -> None:
        """The app was uninstalled from a workspace, or its bot token revoked there. A
        ``tokens_revoked`` naming only people's user tokens (``tokens.oauth``) leaves the bot
        installed: the bot posts with its bot token alone."""
        await ack()
        event = body.get("event") if isinstance(body, dict) else None
        if isinstance(event, dict) and event.get("type") == "tokens_revoked":
            tokens = event.get("tokens")
            if not (isinstance(tokens, dict) and tokens.get("bot")):
                log.info("user tokens revoked in a workspace: the bot token still works")
                return
        team = body.get("team_id") if isinstance(body, dict) else None
        if self.tenants is not None and isinstance(team, str) and team:
            await self.tenants.left(f"slack:{team}")

    async def run(self) -> None:
        """Start and serve until cancelled."""
        await self.start()
        await asyncio.Event().wait()

    async def close(self) -> None:
        self._report(False)
        if self.socket is not None:
            await self.socket.close_async()
            self.socket = None
        if self.server is not None:
            await self.server.close()
            self.server = None

    def _report(self, connected: bool) -> None:
        if self.health is not None:
            self.health.adapter_connected("slack", connected)

    async def _connect_socket(self) -> None:
        # The first websocket URL is asked for here so a bad app token fails start-up with
        # a clear message; the SDK's own loop would retry it forever.
        opened = await self._checked(
            self.client.apps_connections_open(app_token=self.credentials.app_token),
            self.settings.app_token_env,
        )
        self.socket = AsyncSocketModeHandler(
            self.app, app_token=self.credentials.app_token, logger=self.app.logger
        )
        self.socket.client.wss_uri = str(opened["url"])
        await self.socket.connect_async()
        log.info("Slack Socket Mode connected")

    def _refused(self, token_env: str, code: str) -> str:
        """What to do about a token Slack refused at start-up: which token to copy, from
        where (never the token itself)."""
        which = (
            "the Bot User OAuth Token (xoxb-..., OAuth & Permissions)"
            if token_env == self.settings.bot_token_env
            else "an App-Level Token (xapp-..., Basic Information > App-Level Tokens)"
        )
        return (
            f"Slack refused the token in {token_env} ({code}): set {token_env} to "
            f"{which} from the app's page at api.slack.com/apps (install the app to the "
            "workspace again if it was revoked or removed), then start the bot again."
        )

    async def _checked(
        self, call: Awaitable[AsyncSlackResponse], token_env: str
    ) -> dict[str, object]:
        """A start-up Web API call; a refused token is a ConfigError naming its variable, no
        answer (or one that is not Slack's) a SlackUnavailableError naming the address."""
        try:
            answer = await slack_call(call)
        except SlackCallError as error:
            if error.refused:
                raise ConfigError(self._refused(token_env, error.code)) from None
            raise SlackUnavailableError(
                unavailable("Slack", self.client.base_url, "[slack] api_base", error.why())
            ) from None
        return dict(answer.data) if isinstance(answer.data, dict) else {}
