"""The pages of one server or workspace, and the one place a form changes anything.

    GET  /t/<tenant>/sources                    sources, their health, articles per day
    GET  /t/<tenant>/channels                   topics, schedule, pause, a preview link
    GET  /t/<tenant>/channels/<channel>/preview the next digest as the platform shows it
    GET  /t/<tenant>/deliveries                 what was posted, refused, paused
    GET  /t/<tenant>/search?q=...               the tenant's archive
    POST /t/<tenant>/run                        a declared action, through Commands.run

Every page answers 403 for a tenant the signed-in person may not manage here; ``run``
asks the platform again first, checks the form's CSRF token, and that the channel it
names is one of the tenant's.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from aiohttp import web

from bot.web import pages
from bot.web.access import caller_for
from bot.web.auth import FORGED, flash, form_of, redirect
from bot.web.forms import command_line, declared, form_for, missing
from bot.web.preview import PLATFORMS, discord_messages, plain_text, slack_messages
from bot.web.sessions import Session, csrf_ok
from summaries.models import Channel

if TYPE_CHECKING:
    from bot.web.server import Dashboard

CHANNEL_COMMANDS = frozenset({"topics", "schedule", "digest"})
PAGES = ("sources", "channels", "deliveries", "search")
NOT_YOURS = (
    "You cannot manage this server or workspace here: the platform does not list you as "
    "one of its admins, or the bot is not in it."
)


def add_routes(app: web.Application, dash: Dashboard) -> None:
    async def entered(request: web.Request, *, fresh: bool = False) -> tuple[Session, str, dict]:
        """The session and the tenant of the address, when it may be managed here."""
        session = dash.session(request)
        if session is None:
            raise web.HTTPForbidden(text="Sign in first.")
        tenant = request.match_info["tenant"]
        tenants = await dash.access.tenants(session, fresh=fresh)
        if tenant not in tenants:
            raise web.HTTPForbidden(text=NOT_YOURS)
        return session, tenant, tenants

    def show(
        request: web.Request, page: str, session: Session, tenant: str, tenants: dict, **values: Any
    ) -> web.Response:
        return dash.page(
            request,
            f"{page}.html",
            active=page,
            tenant=tenant,
            tenant_path=f"/t/{quote(tenant, safe=':')}",
            tenant_name=tenants[tenant],
            tenants=tenants,
            csrf=session.csrf,
            form_for=form_for,
            **values,
        )

    async def tenant_home(request: web.Request) -> web.StreamResponse:
        _, tenant, _ = await entered(request)
        return redirect(f"/t/{quote(tenant, safe=':')}/sources")

    async def sources(request: web.Request) -> web.StreamResponse:
        session, tenant, tenants = await entered(request)
        rows = await pages.sources(dash.runtime, tenant)
        return show(request, "sources", session, tenant, tenants, rows=rows)

    async def channels(request: web.Request) -> web.StreamResponse:
        session, tenant, tenants = await entered(request)
        rows = await pages.channels(dash.runtime, tenant)
        return show(request, "channels", session, tenant, tenants, rows=rows, zones=_zones())

    async def preview(request: web.Request) -> web.StreamResponse:
        session, tenant, tenants = await entered(request)
        channel = await _channel(dash, tenant, request.match_info["channel"])
        shown = request.query.get("as", channel.platform)
        shown = shown if shown in PLATFORMS else channel.platform
        reply = await dash.runtime.commands.run(caller_for(session, tenant, channel), "digest")
        view: dict[str, Any] = {"platform": shown, "reply": reply, "channel": channel}
        if shown == "discord":
            view["messages"] = discord_messages(reply)
        elif shown == "slack":
            view["messages"] = slack_messages(reply)
        else:
            view["text"] = plain_text(reply)
        return show(request, "preview", session, tenant, tenants, **view)

    async def deliveries(request: web.Request) -> web.StreamResponse:
        session, tenant, tenants = await entered(request)
        rows, paused = await pages.deliveries(dash.runtime, tenant)
        return show(request, "deliveries", session, tenant, tenants, rows=rows, paused=paused)

    async def search(request: web.Request) -> web.StreamResponse:
        session, tenant, tenants = await entered(request)
        query = request.query.get("q", "").strip()[:300]
        items = await pages.search(dash.runtime, tenant, query) if query else []
        return show(request, "search", session, tenant, tenants, query=query, items=items)

    async def run(request: web.Request) -> web.StreamResponse:
        session = dash.session(request)
        form = await form_of(request)
        if not csrf_ok(session, form.get("csrf", "")):
            raise web.HTTPForbidden(text=FORGED)
        session, tenant, _ = await entered(request, fresh=True)
        found = declared(form.get("command", ""), form.get("action", ""))
        if found is None:
            raise web.HTTPBadRequest(text="The dashboard does not offer that action.")
        command, action = found
        channel = None
        if command.name in CHANNEL_COMMANDS:
            channel = await _channel(dash, tenant, form.get("channel", ""))
        page = form.get("page", "")
        response = redirect(f"/t/{quote(tenant, safe=':')}/{page if page in PAGES else 'sources'}")
        empty = missing(action, form)
        if empty:
            flash(dash, response, "Not quite", f"Fill in: {'; '.join(empty)}.", False)
            return response
        caller = caller_for(session, tenant, channel)
        reply = await dash.runtime.commands.run(caller, command_line(command, action, form))
        text = " ".join(part for part in (reply.text, "; ".join(reply.lines)) if part)
        flash(dash, response, reply.title, text, reply.ok)
        return response

    app.router.add_get("/t/{tenant}", tenant_home)
    app.router.add_get("/t/{tenant}/", tenant_home)
    app.router.add_get("/t/{tenant}/sources", sources)
    app.router.add_get("/t/{tenant}/channels", channels)
    app.router.add_get("/t/{tenant}/channels/{channel}/preview", preview)
    app.router.add_get("/t/{tenant}/deliveries", deliveries)
    app.router.add_get("/t/{tenant}/search", search)
    app.router.add_post("/t/{tenant}/run", run)


async def _channel(dash: Dashboard, tenant: str, channel_id: str) -> Channel:
    """One of the tenant's channels; 403 for any other (another server's, say)."""
    channel = await asyncio.to_thread(dash.runtime.store.get_channel, channel_id)
    if channel is None or not pages.belongs(channel, tenant):
        raise web.HTTPForbidden(text="That channel is not one of this server's or workspace's.")
    return channel


_ZONES: list[str] = []


def _zones() -> list[str]:
    """IANA time zone names, for the schedule form's suggestions."""
    if not _ZONES:
        from zoneinfo import available_timezones

        _ZONES.extend(sorted(zone for zone in available_timezones() if "/" in zone))
    return _ZONES
