"""Sign in with Slack (OpenID Connect) in the fake: the authorize redirect, then
``openid.connect.token`` and ``openid.connect.userInfo`` as the Web API answers them.

    slack.signed_in = "U1"   # who is signed in to Slack in "the browser"
    # GET /openid/connect/authorize?... answers 302 to redirect_uri?code=...&state=...

The ID token carries the nonce and the client id (``aud``) as Slack's does; its signature
is a placeholder (a client takes it straight from the token endpoint).
"""

from __future__ import annotations

import base64
import json
import secrets
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from tests.fakes.slack.payloads import TEAM_ID

CLIENT_ID = "1111.2222"
CLIENT_SECRET = "fake-slack-client-secret"


class OpenIDConnect:
    """The FakeSlack's Sign in with Slack; mixed into FakeSlack."""

    def oidc_setup(self) -> None:
        self.signed_in: str | None = None
        self.oidc_codes: dict[str, dict[str, str]] = {}
        self.oidc_tokens: dict[str, str] = {}  # user token -> user id

    async def _oidc_authorize(self, request: web.Request) -> web.Response:
        query = request.query
        redirect = query.get("redirect_uri", "")
        fine = (
            query.get("response_type") == "code"
            and query.get("client_id") == CLIENT_ID
            and "openid" in query.get("scope", "").split()
            and redirect
        )
        if not fine or self.signed_in is None:
            raise web.HTTPFound(f"{redirect}?{urlencode({'error': 'access_denied'})}")
        code = secrets.token_urlsafe(12)
        self.oidc_codes[code] = {
            "user": self.signed_in,
            "nonce": query.get("nonce", ""),
            "redirect_uri": redirect,
        }
        state = query.get("state", "")
        raise web.HTTPFound(f"{redirect}?{urlencode({'code': code, 'state': state})}")

    def oidc_answer(
        self, method: str, args: dict[str, Any], request: web.Request
    ) -> dict[str, Any]:
        if method == "openid.connect.token":
            return self._oidc_token(args, request)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        user = self.oidc_tokens.get(token or str(args.get("token", "")))
        if user is None:
            return {"ok": False, "error": "invalid_auth"}
        return {
            "ok": True,
            "sub": user,
            "https://slack.com/user_id": user,
            "https://slack.com/team_id": TEAM_ID,
            "https://slack.com/team_name": "Test Workspace",
            "name": self.users.get(user, {}).get("name", user),
        }

    def _oidc_token(self, args: dict[str, Any], request: web.Request) -> dict[str, Any]:
        header = request.headers.get("Authorization", "")
        if header.startswith("Basic "):
            client = tuple(base64.b64decode(header[6:]).decode().split(":", 1))
        else:
            client = (args.get("client_id"), args.get("client_secret"))
        if client != (CLIENT_ID, CLIENT_SECRET):
            return {"ok": False, "error": "invalid_client_id"}
        grant = self.oidc_codes.pop(str(args.get("code", "")), None)
        if grant is None or args.get("redirect_uri") != grant["redirect_uri"]:
            return {"ok": False, "error": "invalid_code"}
        token = f"xoxp-{secrets.token_hex(8)}"
        self.oidc_tokens[token] = grant["user"]
        claims = {
            "iss": "https://slack.com",
            "sub": grant["user"],
            "aud": CLIENT_ID,
            "nonce": grant["nonce"],
            "https://slack.com/user_id": grant["user"],
            "https://slack.com/team_id": TEAM_ID,
        }
        return {"ok": True, "access_token": token, "token_type": "Bearer", "id_token": _jwt(claims)}


def _jwt(claims: dict[str, Any]) -> str:
    def part(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'RS256', 'typ': 'JWT'})}.{part(claims)}.signature"
