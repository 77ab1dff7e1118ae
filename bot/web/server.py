"""The dashboard's HTTP server: aiohttp on the bot's own event loop, Jinja2 pages.

Why aiohttp and not Starlette: the bot already serves ``/healthz`` with aiohttp (a
dependency of discord.py and slack-bolt), and an aiohttp site runs inside the bot's
loop without taking over its signals, so the graceful shutdown stays the bot's
(uvicorn's server installs its own signal handlers). The pages are plain forms, no
script: every response carries a strict Content-Security-Policy (``default-src
'self'``, no inline script or style), and Jinja2 escapes everything it prints.

    dashboard = Dashboard(runtime, settings, environ)
    await dashboard.start()      # listens on [web] host and port (port 0: any free one)
    ...
    await dashboard.close()
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import jinja2
from aiohttp import web

from bot.text import web_url
from bot.web import auth, tenant_pages
from bot.web.access import Access
from bot.web.pages import Runtime
from bot.web.proxies import ClientAddress
from bot.web.sessions import OPERATOR, SESSION_COOKIE, RateLimit, Session, Sessions
from bot.web.signin import Provider, providers
from summaries.config import Settings
from summaries.store import StoreError

log = logging.getLogger("briefing.web")

HERE = Path(__file__).parent
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
SIGN_INS_PER_WINDOW, SIGN_IN_WINDOW = 10, 300.0  # from one address
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Dashboard:
    """The dashboard over one runtime; see the module docstring."""

    def __init__(
        self,
        runtime: Runtime,
        settings: Settings,
        environ: Mapping[str, str],
        *,
        http: httpx.AsyncClient | None = None,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.runtime = runtime
        self.settings = settings
        self.web = settings.web
        self.secure = self.web.public_url.lower().startswith("https://")
        key = environ.get(self.web.session_secret_env, "").strip()
        if not key:
            log.warning(
                "%s is not set: sign-ins last until the bot restarts",
                self.web.session_secret_env,
            )
        secret = key.encode() if key else secrets.token_bytes(32)
        self.sessions = Sessions(secret, hours=self.web.session_hours, clock=clock)
        self.cookie_name = f"__Host-{SESSION_COOKIE}" if self.secure else SESSION_COOKIE
        self._own_http = http is None
        self.http = http or httpx.AsyncClient(follow_redirects=False)
        self.providers: dict[str, Provider] = {
            provider.name: provider for provider in providers(settings, environ, self.http)
        }
        self.access = Access(runtime.store, self.sessions, self.providers, clock=monotonic)
        self.sign_in_limit = RateLimit(SIGN_INS_PER_WINDOW, SIGN_IN_WINDOW, clock=monotonic)
        self.client_address = ClientAddress(self.web.trusted_proxies, self.web.proxy_header)
        self.templates = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=True,  # every template, whatever its name
            undefined=jinja2.StrictUndefined,
        )
        self.templates.filters.update(when=_when, href=web_url, tenant_kind=_tenant_kind)
        self._runner: web.AppRunner | None = None
        self._port = self.web.port

    # --- lifetime ----------------------------------------------------------------------------

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        """Where people reach it: ``[web] public_url``, else where it listens."""
        return self.web.public_url.rstrip("/") or self.url

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.web.host in ("0.0.0.0", "", "::") else self.web.host
        return f"http://{host}:{self._port}"

    def app(self) -> web.Application:
        app = web.Application(
            middlewares=[self.client_address.middleware, self._guard],
            client_max_size=256 * 1024,
        )
        app.on_startup.append(self._load_sign_outs)
        auth.add_routes(app, self)
        tenant_pages.add_routes(app, self)
        app.router.add_static("/static", HERE / "static", append_version=False)
        return app

    async def start(self) -> None:
        """Listen; OSError (the port is taken) is the caller's to report."""
        runner = web.AppRunner(self.app(), access_log=None, handle_signals=False)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.web.host, self._port).start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        self._port = int(runner.addresses[0][1])

    async def close(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
        if self._own_http:
            await self.http.aclose()

    async def _load_sign_outs(self, _app: web.Application) -> None:
        """The sessions signed out before a restart stay signed out (a StoreError here
        stops the start, as the store failing at any other step of it does)."""
        now = _moment(self.sessions.clock())
        ended = await asyncio.to_thread(self.runtime.store.web_sign_outs, now=now)
        self.sessions.closed.update({sid: until.timestamp() for sid, until in ended.items()})

    # --- what handlers use ---------------------------------------------------------------------

    async def end_session(self, session: Session) -> None:
        """Sign out: here at once, and in the store so that it holds after a restart. If
        the store cannot keep it, it holds until the bot restarts, and the log says so.
        Only the operator's sign-outs are kept: a platform session needs its grant, which
        a restart forgets, and anyone who can sign in with Discord could grow the table."""
        self.sessions.close(session)
        if session.identity.platform != OPERATOR:
            return
        now, until = _moment(self.sessions.clock()), _moment(session.expires)
        try:
            await asyncio.to_thread(
                self.runtime.store.end_web_session, session.sid, now=now, expires=until
            )
        except StoreError as error:
            log.warning("a sign-out is kept only until the bot restarts (the store: %s)", error)

    def session(self, request: web.Request) -> Session | None:
        return self.sessions.read(request.cookies.get(self.cookie_name))

    def page(
        self, request: web.Request, template: str, status: int = 200, **values: Any
    ) -> web.Response:
        session = self.session(request)
        flash = auth.read_flash(self, request)
        text = self.templates.get_template(template).render(
            session=session, flash=flash, sign_ins=list(self.providers.values()), **values
        )
        response = web.Response(text=text, status=status, content_type="text/html")
        if flash is not None:
            auth.clear_flash(self, response)
        return response

    def refuse(self, request: web.Request, status: int, text: str) -> web.Response:
        titles = {400: "Not understood", 403: "Not allowed", 404: "Not found", 429: "Slow down"}
        return self.page(
            request, "error.html", status, title=titles.get(status, "Error"), text=text
        )

    def set_cookie(
        self, response: web.StreamResponse, name: str, value: str, max_age: int | None
    ) -> None:
        response.set_cookie(
            name,
            value,
            max_age=max_age,
            path="/",
            secure=self.secure,
            httponly=True,
            samesite="Lax",  # sent back from Discord's or Slack's redirect; not by others' forms
        )

    def clear_cookie(self, response: web.StreamResponse, name: str) -> None:
        """Delete a cookie with the flags it was set with: a browser ignores the deletion
        of a ``__Host-`` cookie that is not marked Secure."""
        response.del_cookie(name, path="/", secure=self.secure, httponly=True, samesite="Lax")

    def remote(self, request: web.Request) -> str:
        """The client's address (behind a trusted proxy, the one it forwarded)."""
        return request.remote or "unknown"

    # --- every request -------------------------------------------------------------------------

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Security headers on every answer; an unexpected error is an incident, never a
        traceback."""
        try:
            response = await handler(request)
        except web.HTTPException as error:
            if error.status >= 400:
                response = self.refuse(request, error.status, _plain(error))
            else:
                response = web.Response(status=error.status, headers=error.headers)
        except Exception:
            incident = uuid.uuid4().hex[:8]
            log.exception(
                "incident %s on the dashboard (%s %s)", incident, request.method, request.path
            )
            response = self.refuse(
                request,
                500,
                f"Sorry, that went wrong on the bot's side. If it keeps happening, tell the "
                f"bot's operator incident {incident}.",
            )
        response.headers.update(SECURITY_HEADERS)
        if not request.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"
        return response


def _moment(unix: float) -> datetime:
    return datetime.fromtimestamp(unix, UTC)


def _when(moment: datetime | None) -> str:
    """A stored time as the dashboard shows it (UTC)."""
    if moment is None:
        return "never"
    return moment.astimezone(UTC).strftime("%d %b %Y, %H:%M UTC")


def _tenant_kind(tenant: str) -> str:
    return {"discord": "Discord server", "slack": "Slack workspace"}.get(
        tenant.split(":", 1)[0], "Console"
    )


def _plain(error: web.HTTPException) -> str:
    text = error.text or error.reason
    return text if not text.startswith(f"{error.status}:") else error.reason
