"""Sign in with Discord (OAuth2 with PKCE) and with Slack (OpenID Connect), one shape each.

A provider makes the address to send a person to (``authorize_url``), turns the code
that comes back into who they are and a grant (``finish``), and says which servers or
workspaces the platform lets them manage (``managed``), which the dashboard asks again
before every change. Both talk to the configured platform addresses (``[discord]
api_base``, ``[slack] api_base``), so tests use the fakes on loopback.

- Discord: scopes ``identify guilds``; ``/users/@me`` and ``/users/@me/guilds``; a
  server is managed with Manage Server (0x20) or Administrator (0x8), or as its owner.
- Slack: ``openid.connect.token`` and ``openid.connect.userInfo``; the workspace is
  managed by its admins and owners, as ``users.info`` (with the bot's token) says, which
  is what the chat commands go by.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Awaitable, Mapping
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlencode, urlsplit

import httpx
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot.discord.endpoints import rest_base
from bot.slack.client import web_client
from bot.slack.errors import SlackCallError, slack_call
from bot.slack.settings import api_base_url
from bot.web.sessions import Grant, Identity
from summaries.config import Settings, SlackSettings

MANAGE_GUILD = 0x20
ADMINISTRATOR = 0x8
DISCORD_AUTHORIZE = "https://discord.com/oauth2/authorize"
SLACK_AUTHORIZE = "https://slack.com/openid/connect/authorize"
TIMEOUT = httpx.Timeout(10.0)


class SignInError(Exception):
    """Signing in failed; ``str()`` is a sentence for the person signing in."""


@dataclass(frozen=True, slots=True)
class SignedIn:
    identity: Identity
    grant: Grant


class Provider(Protocol):
    name: str  # "discord" | "slack"
    label: str  # "Discord" | "Slack"

    def authorize_url(self, redirect: str, state: str, challenge: str, nonce: str) -> str: ...

    async def finish(self, code: str, redirect: str, verifier: str, nonce: str) -> SignedIn: ...

    async def managed(self, identity: Identity, grant: Grant) -> dict[str, str]:
        """The tenants the platform says this person may manage: id -> name."""
        ...


class DiscordSignIn:
    name, label = "discord", "Discord"

    def __init__(self, client_id: str, secret: str, api_base: str, http: httpx.AsyncClient) -> None:
        self.client_id, self._secret = client_id, secret
        self.api = rest_base(api_base)
        self._authorize = f"{self.api}/oauth2/authorize" if api_base else DISCORD_AUTHORIZE
        self.http = http

    def authorize_url(self, redirect: str, state: str, challenge: str, nonce: str) -> str:
        query = {
            "response_type": "code",
            "client_id": self.client_id,
            "scope": "identify guilds",
            "redirect_uri": redirect,
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            "prompt": "none",
        }
        return f"{self._authorize}?{urlencode(query)}"

    async def finish(self, code: str, redirect: str, verifier: str, nonce: str) -> SignedIn:
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect,
            "code_verifier": verifier,
        }
        answer = await self._call(
            "POST", "/oauth2/token", data=form, auth=(self.client_id, self._secret)
        )
        token = answer.get("access_token")
        scopes = set(str(answer.get("scope", "")).split())
        if not isinstance(token, str) or not {"identify", "guilds"} <= scopes:
            raise SignInError("Discord did not grant what the dashboard asks for; try again.")
        me = await self._call("GET", "/users/@me", token=token)
        user = str(me.get("id", ""))
        if not user.isdigit():
            raise SignInError("Discord did not say who you are; try again.")
        name = str(me.get("global_name") or me.get("username") or user)
        return SignedIn(Identity("discord", user, name), Grant(token))

    async def managed(self, identity: Identity, grant: Grant) -> dict[str, str]:
        guilds = await self._call("GET", "/users/@me/guilds", token=grant.token)
        found: dict[str, str] = {}
        for guild in guilds if isinstance(guilds, list) else []:
            try:
                permissions = int(guild.get("permissions", 0))
            except (TypeError, ValueError):
                permissions = 0
            if guild.get("owner") or permissions & (MANAGE_GUILD | ADMINISTRATOR):
                found[f"discord:{guild['id']}"] = str(guild.get("name") or guild["id"])
        return found

    async def _call(self, method: str, path: str, *, token: str = "", **kwargs: object) -> dict:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            response = await self.http.request(
                method, self.api + path, headers=headers, timeout=TIMEOUT, **kwargs
            )
        except httpx.HTTPError:
            raise SignInError("Discord could not be reached; try again in a minute.") from None
        if response.status_code in (400, 401, 403):
            raise SignInError("Discord did not accept the sign-in; sign in again.")
        if response.status_code != 200:
            raise SignInError(
                f"Discord answered with an error ({response.status_code}); try again later."
            )
        try:
            return response.json()
        except ValueError:
            raise SignInError("Discord's answer could not be read; try again later.") from None


class SlackSignIn:
    name, label = "slack", "Slack"

    def __init__(self, client_id: str, secret: str, api_base: str, bot_token: str) -> None:
        self.client_id, self._secret, self._bot_token = client_id, secret, bot_token
        self.api = api_base_url(SlackSettings(api_base=api_base))
        self._authorize = SLACK_AUTHORIZE
        if api_base:
            parts = urlsplit(self.api)
            root = parts.path.removesuffix("/").removesuffix("/api")
            self._authorize = f"{parts.scheme}://{parts.netloc}{root}/openid/connect/authorize"

    def authorize_url(self, redirect: str, state: str, challenge: str, nonce: str) -> str:
        query = {
            "response_type": "code",
            "scope": "openid profile",
            "client_id": self.client_id,
            "redirect_uri": redirect,
            "state": state,
            "nonce": nonce,
        }
        return f"{self._authorize}?{urlencode(query)}"

    async def finish(self, code: str, redirect: str, verifier: str, nonce: str) -> SignedIn:
        client = web_client("", self.api, rate_limit_retries=1, max_retry_after=5)
        answer = await self._call(
            client.openid_connect_token(
                client_id=self.client_id,
                client_secret=self._secret,
                code=code,
                redirect_uri=redirect,
                grant_type="authorization_code",
            )
        )
        token = answer.get("access_token")
        claims = id_token_claims(str(answer.get("id_token", "")))
        if not isinstance(token, str) or claims.get("nonce") != nonce:
            raise SignInError("Slack's answer did not match this sign-in; sign in again.")
        if claims.get("aud") not in (self.client_id, [self.client_id]):
            raise SignInError("Slack's answer was meant for another app; sign in again.")
        info = await self._call(
            web_client(token, self.api, rate_limit_retries=1).openid_connect_userInfo()
        )
        user = str(info.get("https://slack.com/user_id") or "")
        team = str(info.get("https://slack.com/team_id") or "")
        if not user or not team:
            raise SignInError("Slack did not say who you are; try again.")
        name = str(info.get("name") or user)
        team_name = str(info.get("https://slack.com/team_name") or team)
        return SignedIn(Identity("slack", user, name, team, team_name), Grant(token))

    async def managed(self, identity: Identity, grant: Grant) -> dict[str, str]:
        """The workspace signed in to, when users.info says an admin or owner (checked with
        the bot's own token, as chat commands are)."""
        if not self._bot_token:
            return {}
        client = web_client(self._bot_token, self.api, rate_limit_retries=1)
        data = await self._call(client.users_info(user=identity.user))
        user = data.get("user") or {}
        admin = any(bool(user.get(key)) for key in ("is_admin", "is_owner", "is_primary_owner"))
        if not admin or user.get("team_id", identity.team) != identity.team:
            return {}
        return {f"slack:{identity.team}": identity.team_name or identity.team}

    async def _call(self, call: Awaitable[AsyncSlackResponse]) -> dict:
        try:
            answer = await slack_call(call)
        except SlackCallError as error:
            raise SignInError(f"Slack did not accept the sign-in ({error.why()}).") from None
        data = answer.data
        return data if isinstance(data, dict) else {}


def id_token_claims(token: str) -> dict:
    """The claims of an ID token received straight from Slack's token endpoint over TLS,
    which OpenID Connect lets a client trust without checking the signature (3.1.3.7)."""
    parts = token.split(".")
    if len(parts) != 3:
        return {}
    try:
        claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except ValueError:
        return {}
    return claims if isinstance(claims, dict) else {}


def providers(
    settings: Settings, environ: Mapping[str, str], http: httpx.AsyncClient
) -> list[Provider]:
    """The sign-ins set up: a client id in ``[web]`` and its secret in the environment."""
    web = settings.web
    found: list[Provider] = []
    discord_secret = environ.get(web.discord_client_secret_env, "").strip()
    if web.discord_client_id and discord_secret:
        found.append(
            DiscordSignIn(web.discord_client_id, discord_secret, settings.discord.api_base, http)
        )
    slack_secret = environ.get(web.slack_client_secret_env, "").strip()
    if web.slack_client_id and slack_secret:
        bot_token = environ.get(settings.slack.bot_token_env, "").strip()
        found.append(
            SlackSignIn(web.slack_client_id, slack_secret, settings.slack.api_base, bot_token)
        )
    return found
