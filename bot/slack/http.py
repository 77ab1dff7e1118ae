"""HTTP mode: the app's own aiohttp endpoint for the Events API and slash commands.

Bolt checks every request's signature (``X-Slack-Signature``: HMAC-SHA256 of the body with
the signing secret) and its timestamp (no older than five minutes) and answers 401 when either
fails; ``url_verification`` challenges are answered by Bolt too.
"""

from __future__ import annotations

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp

EVENTS_PATH = "/slack/events"
MAX_BODY = 1024 * 1024


class SlackHttpServer:
    """``POST /slack/events`` on ``host:port`` (port 0: any free one, see ``address``)."""

    def __init__(self, app: AsyncApp, host: str, port: int) -> None:
        self.app = app
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        web_app = web.Application(client_max_size=MAX_BODY)
        web_app.router.add_post(EVENTS_PATH, self._dispatch)
        web_app.router.add_get("/healthz", self._health)
        self._runner = web.AppRunner(web_app, access_log=None, shutdown_timeout=5)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()

    @property
    def address(self) -> tuple[str, int]:
        """Where it listens (the real port when 0 was asked for)."""
        if self._runner is None or not self._runner.addresses:
            return self.host, self.port
        host, port = self._runner.addresses[0][:2]
        return str(host), int(port)

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _dispatch(self, request: web.Request) -> web.Response:
        answer = await self.app.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(answer)

    async def _health(self, _request: web.Request) -> web.Response:
        return web.Response(text="ok")
