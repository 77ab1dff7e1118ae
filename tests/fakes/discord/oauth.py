"""Discord's OAuth2 in the fake: the authorize redirect, the token exchange (with PKCE), and
the user's own ``/users/@me`` and ``/users/@me/guilds`` (with permission bits).

    fake.signed_in = fake.alice       # who is signed in to Discord in "the browser"
    ...the dashboard sends the browser to {api_base}/oauth2/authorize?...
    # the fake answers 302 to redirect_uri?code=...&state=..., as Discord does once the
    # person clicks Authorize; no one signed in, or a wrong client: ?error=access_denied

As in Discord, every member of a server sees it in ``/users/@me/guilds``, with the
permissions they hold there; ``elsewhere`` holds servers without the bot.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from tests.fakes.discord.payloads import Guild, User, snowflake
from tests.fakes.discord.wire import error, json_response

CLIENT_SECRET = "fake-client-secret.not.a.secret"


class OAuth:
    """The FakeDiscord's OAuth2 side; mixed into FakeDiscord."""

    def oauth_setup(self) -> None:
        self.client_secret = CLIENT_SECRET
        self.signed_in: User | None = None
        self.elsewhere: dict[int, Guild] = {}  # servers without the bot
        self.codes: dict[str, dict[str, Any]] = {}
        self.user_tokens: dict[str, User] = {}
        self.authorizations: list[dict[str, str]] = []  # the query of each authorize

    @property
    def client_id(self) -> str:
        return str(self.app_id)

    def guild_without_bot(self, name: str, *, admins: tuple[User, ...] = ()) -> Guild:
        """A server its members see, where the bot was never added."""
        guild = Guild(snowflake(), name, owner_id=snowflake(), admin_role_id=snowflake())
        guild.admins = {user.id for user in admins}
        self.elsewhere[guild.id] = guild
        return guild

    def oauth_routes(self) -> list[tuple[str, str, Any]]:
        return [
            ("GET", "/oauth2/authorize", self._authorize),
            ("POST", "/oauth2/token", self._token),
            ("GET", "/users/@me/guilds", self._my_guilds),
        ]

    def bearer_user(self, request: web.Request) -> User | None:
        header = request.headers.get("Authorization", "")
        return self.user_tokens.get(header.removeprefix("Bearer ")) if header else None

    async def _authorize(self, request: web.Request) -> web.Response:
        query = dict(request.query)
        self.authorizations.append(query)
        redirect = query.get("redirect_uri", "")
        fine = (
            query.get("response_type") == "code"
            and query.get("client_id") == self.client_id
            and {"identify", "guilds"} <= set(query.get("scope", "").split())
            and query.get("code_challenge_method") == "S256"
            and query.get("code_challenge")
            and redirect
        )
        if not fine or self.signed_in is None:
            answer = {"error": "access_denied", "state": query.get("state", "")}
            raise web.HTTPFound(f"{redirect}?{urlencode(answer)}")
        code = secrets.token_urlsafe(16)
        self.codes[code] = {
            "user": self.signed_in,
            "redirect_uri": redirect,
            "challenge": query["code_challenge"],
        }
        raise web.HTTPFound(f"{redirect}?{urlencode({'code': code, 'state': query['state']})}")

    async def _token(self, request: web.Request) -> web.Response:
        form = await request.post()
        client = _basic(request) or (form.get("client_id"), form.get("client_secret"))
        if client != (self.client_id, self.client_secret):
            return json_response({"error": "invalid_client"}, status=401)
        grant = self.codes.pop(str(form.get("code", "")), None)
        if (
            form.get("grant_type") != "authorization_code"
            or grant is None
            or form.get("redirect_uri") != grant["redirect_uri"]
            or _challenge(str(form.get("code_verifier", ""))) != grant["challenge"]
        ):
            return json_response({"error": "invalid_grant"}, status=400)
        token = secrets.token_urlsafe(24)
        self.user_tokens[token] = grant["user"]
        return json_response(
            {
                "access_token": token,
                "token_type": "Bearer",
                "expires_in": 604800,
                "refresh_token": secrets.token_urlsafe(24),
                "scope": "identify guilds",
            }
        )

    async def _my_guilds(self, request: web.Request) -> web.Response:
        user = self.bearer_user(request)
        if user is None:
            return error(401, 0, "401: Unauthorized")
        guilds = [*self.guilds.values(), *self.elsewhere.values()]
        return json_response(
            [
                {
                    "id": str(guild.id),
                    "name": guild.name,
                    "icon": None,
                    "banner": None,
                    "owner": guild.owner_id == user.id,
                    "permissions": str(guild.permissions_of(user)),
                    "features": [],
                }
                for guild in guilds
            ]
        )


def _basic(request: web.Request) -> tuple[str, str] | None:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Basic "):
        return None
    user, _, password = base64.b64decode(header[6:]).decode().partition(":")
    return user, password


def _challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
