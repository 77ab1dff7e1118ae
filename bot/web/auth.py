"""Signing in and out: with Discord or Slack, or with a one-time link; and the one-line
notes ("flash") a change leaves for the next page.

    GET  /                  sign-in choices, or the servers and workspaces you manage
    GET  /login/<platform>  off to Discord or Slack, with state, PKCE and a nonce
    GET  /auth/<platform>   back from there: the code becomes a session
    GET  /link/<secret>     a one-time link (briefing web-link): a button to use it
    POST /link              ... which signs in as the operator, once
    POST /logout

A link is used only by the POST: a chat client that fetches a pasted link to show a
preview does not use it up. Starting a sign-in, coming back and using a link are
limited per address (per /64 for IPv6).
"""

from __future__ import annotations

import asyncio
import hmac
import secrets
from typing import TYPE_CHECKING, Any

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from bot.web.sessions import SIGN_IN_COOKIE, SIGN_IN_SECONDS, Identity, csrf_ok, pkce_pair
from bot.web.signin import SignInError
from summaries.networks import one_client

if TYPE_CHECKING:
    from bot.web.server import Dashboard

FLASH_COOKIE = "briefing_flash"
FLASH_CHARS = 1500
OPERATOR_IDENTITY = Identity("operator", "operator", "the operator")


def add_routes(app: web.Application, dash: Dashboard) -> None:
    async def home(request: web.Request) -> web.StreamResponse:
        session = dash.session(request)
        tenants = await dash.access.tenants(session) if session is not None else {}
        return dash.page(request, "home.html", tenants=tenants)

    async def login(request: web.Request) -> web.StreamResponse:
        provider = dash.providers.get(request.match_info["platform"])
        if provider is None:
            raise web.HTTPNotFound(text="That sign-in is not set up on this bot.")
        _limit(dash, request)
        state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
        verifier, challenge = pkce_pair()
        pending = {"p": provider.name, "s": state, "v": verifier, "n": nonce}
        pending["exp"] = dash.sessions.clock() + SIGN_IN_SECONDS
        response = redirect(
            provider.authorize_url(_redirect_uri(dash, provider.name), state, challenge, nonce)
        )
        dash.set_cookie(
            response, SIGN_IN_COOKIE, dash.sessions.signer.sign(pending), SIGN_IN_SECONDS
        )
        return response

    async def back(request: web.Request) -> web.StreamResponse:
        name = request.match_info["platform"]
        provider = dash.providers.get(name)
        if provider is None:
            raise web.HTTPNotFound(text="That sign-in is not set up on this bot.")
        _limit(dash, request)
        pending = dash.sessions.signer.unsign(request.cookies.get(SIGN_IN_COOKIE, "")) or {}
        state = request.query.get("state", "")
        if (
            pending.get("p") != name
            or float(pending.get("exp", 0)) <= dash.sessions.clock()
            or not state
            or not hmac.compare_digest(str(pending.get("s", "")), state)
        ):
            raise web.HTTPBadRequest(
                text="This sign-in was not started here, or took too long. Start it again."
            )
        if "error" in request.query or not request.query.get("code"):
            raise web.HTTPForbidden(text=f"{provider.label} did not sign you in.")
        try:
            signed = await provider.finish(
                request.query["code"], _redirect_uri(dash, name), pending["v"], pending["n"]
            )
        except SignInError as error:
            raise web.HTTPForbidden(text=str(error)) from None
        return await _signed_in(dash, request, signed.identity, signed.grant)

    async def link_page(request: web.Request) -> web.StreamResponse:
        _limit(dash, request)
        return dash.page(request, "link.html", secret=request.match_info["secret"][:200])

    async def use_link(request: web.Request) -> web.StreamResponse:
        _limit(dash, request)
        form = await form_of(request)
        secret = form.get("secret", "")[:200]
        store, now = dash.runtime.store, dash.runtime.clock()
        if not secret or not await asyncio.to_thread(store.use_web_link, secret, now=now):
            raise web.HTTPForbidden(
                text="This link has been used already or has expired. Run briefing web-link "
                "on the bot's machine for a new one."
            )
        return await _signed_in(dash, request, OPERATOR_IDENTITY, None)

    async def logout(request: web.Request) -> web.StreamResponse:
        session = dash.session(request)
        form = await form_of(request)
        if not csrf_ok(session, form.get("csrf", "")):
            raise web.HTTPForbidden(text=FORGED)
        assert session is not None
        await dash.end_session(session)
        response = redirect("/")
        dash.clear_cookie(response, dash.cookie_name)
        return response

    app.router.add_get("/", home)
    app.router.add_get("/login/{platform}", login)
    app.router.add_get("/auth/{platform}", back)
    app.router.add_get("/link/{secret}", link_page)
    app.router.add_post("/link", use_link)
    app.router.add_post("/logout", logout)


FORGED = (
    "This form was not sent from this dashboard, or its page is too old. "
    "Reload the page and try again."
)


async def form_of(request: web.Request) -> dict[str, str]:
    """The fields of a sent form; 400 for a body that cannot be read as one (not UTF-8,
    broken multipart), which is the sender's mistake, not an incident."""
    try:
        fields = await request.post()
    except (ValueError, HttpProcessingError):
        raise web.HTTPBadRequest(
            text="The form could not be read. Reload the page and try again."
        ) from None
    return {key: str(value) for key, value in fields.items()}


def _limit(dash: Dashboard, request: web.Request) -> None:
    if not dash.sign_in_limit.allow(one_client(dash.remote(request))):
        raise web.HTTPTooManyRequests(
            text="Too many sign-in attempts from your address; wait a few minutes."
        )


def _redirect_uri(dash: Dashboard, platform: str) -> str:
    return f"{dash.base_url}/auth/{platform}"


async def _signed_in(
    dash: Dashboard, request: web.Request, identity: Identity, grant: Any
) -> web.StreamResponse:
    """A new session for whoever signed in; a session this browser had before ends, so
    a copy of its cookie (kept on a shared machine, say) is no longer signed in."""
    earlier = dash.session(request)
    if earlier is not None:
        await dash.end_session(earlier)
    _, cookie = dash.sessions.open(identity, grant)
    response = redirect("/")
    dash.set_cookie(response, dash.cookie_name, cookie, int(dash.sessions.seconds))
    dash.clear_cookie(response, SIGN_IN_COOKIE)
    return response


def redirect(location: str) -> web.Response:
    """See Other: the browser GETs ``location`` (after a form too)."""
    return web.Response(status=303, headers={"Location": location})


# --- notes for the next page --------------------------------------------------------------------


def flash(dash: Dashboard, response: web.StreamResponse, title: str, text: str, ok: bool) -> None:
    """A note shown once, on the next page."""
    note = {"t": title[:200], "x": text[:FLASH_CHARS], "ok": ok}
    dash.set_cookie(response, FLASH_COOKIE, dash.sessions.signer.sign(note), 60)


def read_flash(dash: Dashboard, request: web.Request) -> dict[str, Any] | None:
    note = dash.sessions.signer.unsign(request.cookies.get(FLASH_COOKIE, ""))
    if note is None:
        return None
    return {
        "title": str(note.get("t", "")),
        "text": str(note.get("x", "")),
        "ok": bool(note.get("ok")),
    }


def clear_flash(dash: Dashboard, response: web.StreamResponse) -> None:
    dash.clear_cookie(response, FLASH_COOKIE)
