"""A protocol-level fake Discord on loopback: REST API v10 plus the gateway websocket.

    async with FakeDiscord() as fake:
        bot = make_bot(..., api_base=fake.api_base, gateway_url=fake.gateway_url)
        ...start the real discord.py client with fake.token...
        await fake.wait_for(lambda: fake.gateway.count("identify") == 1)
        await fake.say(fake.news, fake.alice, "!brief cyber")   # MESSAGE_CREATE
        interaction = await fake.slash("brief", {"keywords": "cyber"})  # INTERACTION_CREATE
        await fake.wait_for(lambda: interaction.followups)

The fake answers as Discord does where the bot can tell: 400 Invalid Form Body for a
message or command over Discord's limits, 403 Missing Permissions in a channel the bot
may not post to, 404 Unknown Interaction for an answer later than 3 s, 40060 for a
second answer, scripted 429s with ``retry_after`` (with the ``Via`` header of Discord's
edge, so the client trusts them); with ``rest_down`` every REST request is cut without
an answer, as in an outage. Every REST request is logged with its time.

A new message with a ``nonce`` and ``enforce_nonce`` is made once: the same nonce from
the same author within ``NONCE_SECONDS`` gets the message already made, as Discord
answers. ``answer_delay`` makes a message and then holds the answer, so a bot can die
after Discord took its post and before it heard so.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import web

from tests.fakes.discord import limits
from tests.fakes.discord.answers import Answers
from tests.fakes.discord.gateway import Gateway
from tests.fakes.discord.guilds import Guilds
from tests.fakes.discord.oauth import OAuth
from tests.fakes.discord.payloads import (
    Channel,
    Guild,
    User,
    application,
    message,
    snowflake,
    timestamp,
)
from tests.fakes.discord.people import Interaction, People
from tests.fakes.discord.wire import BODY, EPHEMERAL, error, json_response

T = TypeVar("T")
NONCE_SECONDS = 300.0  # Discord: "within the past few minutes"


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # without the /api/v10 prefix, e.g. /channels/1/messages
    body: Any
    at: float  # loop time
    status: int = 0


CUT = 0  # the status of a scripted failure that ends the connection without an answer
GARBLED = {"__garbled__": True}  # a scripted body sent as JSON that does not parse


@dataclass
class Failure:
    """A scripted answer for the next ``times`` requests matching ``method`` and ``pattern``
    once ``after`` of them were let through."""

    method: str
    pattern: re.Pattern[str]
    status: int
    body: dict[str, Any]
    times: int
    headers: dict[str, str] = field(default_factory=dict)
    after: int = 0
    made: bool = False  # the request is carried out all the same; only its answer is lost


class FakeDiscord(People, Answers, Guilds, OAuth):
    """One application with one bot user, one guild with two text channels, two people
    (more servers and people with ``add_guild`` and ``person``, see guilds.py)."""

    token = "fake-bot-token.not.a.secret"

    def __init__(self, *, heartbeat_ms: int = 45_000, answer_within: float = 3.0) -> None:
        self.app_id = snowflake()
        self.bot = User(snowflake(), "briefing", bot=True)
        self.alice = User(snowflake(), "alice")  # has Manage Server through a role
        self.bob = User(snowflake(), "bob")  # an ordinary member
        self.owner = User(snowflake(), "owner")
        guild_id = snowflake()
        self.news = Channel(snowflake(), "news", guild_id)
        self.locked = Channel(snowflake(), "announcements", guild_id, forbidden=True)
        self.guild = Guild(
            guild_id,
            "Newsroom",
            owner_id=self.owner.id,
            channels=[self.news, self.locked],
            admin_role_id=snowflake(),
            admins={self.alice.id},
        )
        self.guilds: dict[int, Guild] = {guild_id: self.guild}  # the servers the bot is in
        self.dms: dict[int, Channel] = {}  # direct message channels, by id
        self.users = {u.id: u for u in (self.bot, self.alice, self.bob, self.owner)}
        self.answer_within = answer_within
        self.token_lifetime = 900.0  # seconds an interaction's token takes edits and follow-ups
        self.expired_tokens = 0  # requests refused with 401 Invalid Webhook Token
        self.gateway = Gateway(self, heartbeat_ms)
        self.requests: list[Request] = []
        self.failures: list[Failure] = []
        self.messages: dict[int, dict[str, Any]] = {}  # every message, by id
        self.sent_by_bot: list[dict[str, Any]] = []  # messages the bot created, in order
        self.pings: list[str] = []  # mentions in bot content that would have notified someone
        self.refused: list[tuple[str, list[str]]] = []  # (path, errors) of 400 answers
        self.interactions: dict[int, Interaction] = {}
        self.commands: dict[str, dict[str, Any]] = {}  # registered global commands by name
        self.granted: set[str] = set()  # commands a server admin granted to everyone
        self.command_puts = 0
        self.post_delay = 0.0  # seconds a new channel message takes: a post stays in flight
        self.answer_delay = 0.0  # seconds the answer takes once the message was made
        self.nonces: dict[tuple[str, str], tuple[float, int]] = {}  # -> (made at, message id)
        self.nonce_hits = 0  # posts answered with the message their nonce had made
        self.rest_down = False  # True: every REST request is cut without an answer (an outage)
        self.posts_started = 0  # channel messages asked for, answered or not yet
        self._event = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.oauth_setup()

    # --- lifetime -------------------------------------------------------------------

    async def start(self) -> FakeDiscord:
        app = web.Application(middlewares=[self._middleware])
        app.router.add_get("/gateway", self.gateway.handle)
        api = "/api/v{version:\\d+}"
        routes = [
            ("GET", "/users/@me", self._me),
            ("GET", "/oauth2/applications/@me", self._application),
            ("GET", "/applications/@me", self._application),
            ("GET", "/gateway", self._gateway_url),
            ("GET", "/gateway/bot", self._gateway_bot),
            ("GET", "/channels/{channel}", self._get_channel),
            ("POST", "/channels/{channel}/messages", self._create_message),
            ("GET", "/channels/{channel}/messages/{message}", self._get_message),
            ("PATCH", "/channels/{channel}/messages/{message}", self._edit_message),
            ("DELETE", "/channels/{channel}/messages/{message}", self._delete_message),
            ("GET", "/applications/{app}/commands", self._list_commands),
            ("PUT", "/applications/{app}/commands", self._put_commands),
            ("POST", "/interactions/{id}/{token}/callback", self._callback),
            ("GET", "/webhooks/{app}/{token}/messages/{message}", self._get_original),
            ("PATCH", "/webhooks/{app}/{token}/messages/{message}", self._edit_webhook_message),
            ("DELETE", "/webhooks/{app}/{token}/messages/{message}", self._delete_webhook_message),
            ("POST", "/webhooks/{app}/{token}", self._followup),
            *self.oauth_routes(),
        ]
        for method, path, handler in routes:
            app.router.add_route(method, api + path, handler)
        app.router.add_route("*", api + "/{tail:.*}", self._unknown)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def close(self) -> None:
        await self.gateway.drop(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        return f"{self.base}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # --- waiting --------------------------------------------------------------------

    def changed(self) -> None:
        """Wake everyone in wait_for: something was requested, sent or logged."""
        self._event.set()
        self._event = asyncio.Event()

    async def wait_for(self, predicate: Callable[[], T], timeout: float = 5.0, what: str = "") -> T:
        """Wait until ``predicate()`` is truthy (re-checked on every change); return it."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not (result := predicate()):
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(f"timed out after {timeout} s waiting for {what or predicate}")
            try:
                await asyncio.wait_for(self._event.wait(), remaining)
            except TimeoutError:
                continue
        return result

    # --- scripting ------------------------------------------------------------------

    def fail(
        self,
        method: str,
        pattern: str,
        status: int,
        body: dict[str, Any] | None = None,
        *,
        times: int = 1,
        headers: dict[str, str] | None = None,
        after: int = 0,
        made: bool = False,
    ) -> None:
        """Answer the next ``times`` matching requests with ``status`` and ``body``, once
        ``after`` matching requests were answered as usual; ``made``: each is carried out
        before it is answered so (a message is made, and its nonce remembered). A
        ``status`` of ``CUT`` ends the connection without an answer instead; a ``body`` of
        ``GARBLED`` is sent as JSON cut short (a proxy's or Discord's fault)."""
        self.failures.append(
            Failure(
                method, re.compile(pattern), status, body or {}, times, headers or {}, after, made
            )
        )

    def rate_limit(
        self, method: str, pattern: str, retry_after: float, *, times: int = 1, after: int = 0
    ) -> None:
        """A 429 as Discord sends it: retry_after in the body and the headers, from its edge."""
        headers = {
            "Via": "1.1 google",
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset-After": f"{retry_after:.3f}",
            "X-RateLimit-Bucket": "fake-bucket",
            "X-RateLimit-Scope": "user",
            "Retry-After": str(max(1, round(retry_after))),
        }
        body = {
            "message": "You are being rate limited.",
            "retry_after": retry_after,
            "global": False,
        }
        self.fail(method, pattern, 429, body, times=times, headers=headers, after=after)

    def requests_to(self, method: str, pattern: str) -> list[Request]:
        expression = re.compile(pattern)
        return [r for r in self.requests if r.method == method and expression.fullmatch(r.path)]

    def in_channel(self, channel: Channel) -> list[dict[str, Any]]:
        """Messages anyone can see in ``channel`` (not ephemeral), oldest first."""
        return [
            m
            for m in self.messages.values()
            if m["channel_id"] == str(channel.id) and not m["flags"] & EPHEMERAL
        ]

    def by_bot_in(self, channel: Channel) -> list[dict[str, Any]]:
        return [m for m in self.in_channel(channel) if m["author"]["id"] == str(self.bot.id)]

    # --- REST -----------------------------------------------------------------------

    @web.middleware
    async def _middleware(
        self, request: web.Request, handler: Callable[[web.Request], Any]
    ) -> web.StreamResponse:
        if request.path == "/gateway":
            return await handler(request)
        path = re.sub(r"^/api/v\d+", "", request.path)
        if self.rest_down:
            return self._cut(request, path)
        body: Any = None
        if request.can_read_body:
            raw = await request.read()
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = raw.decode("utf-8", "replace")
        loop = asyncio.get_running_loop()
        failure = self._scripted(request.method, path)
        response = None
        if failure is not None and failure.status == CUT:
            if failure.made:
                await self._handle(request, handler, body, None)
            return self._cut(request, path)
        if failure is not None and failure.body is GARBLED:
            response = web.Response(
                text='{"id": "1', status=failure.status, content_type="application/json"
            )
        elif failure is not None:
            response = json_response(failure.body, status=failure.status, headers=failure.headers)
        if failure is None or failure.made:
            response = self._unauthorized(request, path) or await self._handle(
                request, handler, body, response
            )
        self.requests.append(Request(request.method, path, body, loop.time(), response.status))
        self.changed()
        return response

    async def _handle(
        self,
        request: web.Request,
        handler: Callable[[web.Request], Any],
        body: Any,
        answer: web.Response | None,
    ) -> web.StreamResponse:
        """The request carried out; answered with ``answer`` instead when one is scripted."""
        request[BODY] = body
        response = await handler(request)
        return answer or response

    def _cut(self, request: web.Request, path: str) -> web.Response:
        """End the connection without an answer, as an outage before Discord's edge does."""
        self.requests.append(Request(request.method, path, None, asyncio.get_running_loop().time()))
        self.changed()
        if request.transport is not None:
            request.transport.abort()
        return web.Response(status=503)  # never reaches the client

    def _scripted(self, method: str, path: str) -> Failure | None:
        for failure in self.failures:
            if failure.times > 0 and failure.method == method and failure.pattern.fullmatch(path):
                if failure.after > 0:
                    failure.after -= 1
                    continue
                failure.times -= 1
                return failure
        return None

    def _unauthorized(self, request: web.Request, path: str) -> web.Response | None:
        if path.startswith(("/interactions/", "/webhooks/", "/oauth2/authorize", "/oauth2/token")):
            return None  # authorized by the interaction token in the path; OAuth2 its own way
        if path.startswith("/users/@me") and self.bearer_user(request) is not None:
            return None  # a person's OAuth2 token
        if request.headers.get("Authorization") != f"Bot {self.token}":
            return json_response({"message": "401: Unauthorized", "code": 0}, status=401)
        return None

    async def _unknown(self, request: web.Request) -> web.Response:
        return error(404, 0, f"404: Not Found ({request.method} {request.path})")

    async def _me(self, request: web.Request) -> web.Response:
        person = self.bearer_user(request)
        if person is not None:
            return json_response(person.payload())
        return json_response(
            {**self.bot.payload(), "verified": True, "mfa_enabled": False, "flags": 0, "bio": ""}
        )

    async def _application(self, request: web.Request) -> web.Response:
        return json_response(application(self.app_id, self.owner))

    async def _gateway_url(self, request: web.Request) -> web.Response:
        return json_response({"url": self.gateway_url})

    async def _gateway_bot(self, request: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return json_response({"url": self.gateway_url, "shards": 2, "session_start_limit": limit})

    def _channel(self, request: web.Request) -> Channel | None:
        wanted = request.match_info["channel"]
        return self.channel_by_id(wanted) if wanted.isdigit() else None

    async def _get_channel(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        if channel is None:
            return error(404, 10003, "Unknown Channel")
        return json_response(channel.payload())

    async def _create_message(self, request: web.Request) -> web.Response:
        self.posts_started += 1
        self.changed()
        if self.post_delay:
            await asyncio.sleep(self.post_delay)  # the message is created even if the bot left
        channel = self._channel(request)
        if channel is None:
            return error(404, 10003, "Unknown Channel")
        if channel.forbidden:
            return error(403, 50013, "Missing Permissions")
        body = request[BODY] or {}
        refused = self._refuse(request.path, body, new=True)
        if refused is not None:
            return refused
        if body.get("embeds") and not channel.embed_links:
            if not body.get("content"):
                return error(400, 50006, "Cannot send an empty message")
            body = {**body, "embeds": []}  # made, without them: no error says so
        made = self._made_with_nonce(body)
        if made is not None:
            self.nonce_hits += 1
            return json_response(made)
        data = self._store_message(channel, body)
        if body.get("nonce") is not None and body.get("enforce_nonce"):
            key = (str(self.bot.id), str(body["nonce"]))
            self.nonces[key] = (asyncio.get_running_loop().time(), int(data["id"]))
        if self.answer_delay:
            await asyncio.sleep(self.answer_delay)  # made: the answer is what is late
        return json_response(data)

    def _made_with_nonce(self, body: dict[str, Any]) -> dict[str, Any] | None:
        """The message this bot already made with this enforced nonce, lately."""
        if body.get("nonce") is None or not body.get("enforce_nonce"):
            return None
        found = self.nonces.get((str(self.bot.id), str(body["nonce"])))
        if found is None or asyncio.get_running_loop().time() - found[0] > NONCE_SECONDS:
            return None
        return self.messages.get(found[1])

    async def _get_message(self, request: web.Request) -> web.Response:
        data = self.messages.get(int(request.match_info["message"]))
        if data is None:
            return error(404, 10008, "Unknown Message")
        return json_response(data)

    async def _edit_message(self, request: web.Request) -> web.Response:
        data = self.messages.get(int(request.match_info["message"]))
        if data is None:
            return error(404, 10008, "Unknown Message")
        body = request[BODY] or {}
        refused = self._refuse(request.path, body, new=False)
        if refused is not None:
            return refused
        return json_response(self._apply_edit(data, body))

    async def _delete_message(self, request: web.Request) -> web.Response:
        """Gone from the channel (``sent_by_bot`` keeps it: it was made)."""
        data = self.messages.get(int(request.match_info["message"]))
        if data is None or data["channel_id"] != request.match_info["channel"]:
            return error(404, 10008, "Unknown Message")
        del self.messages[int(data["id"])]
        return web.Response(status=204)

    async def _list_commands(self, request: web.Request) -> web.Response:
        return json_response(list(self.commands.values()))

    async def _put_commands(self, request: web.Request) -> web.Response:
        body = request[BODY] or []
        errors = [e for command in body for e in limits.command_errors(command)]
        if len({c["name"] for c in body}) != len(body):
            errors.append("two commands with the same name")
        if errors:
            self.refused.append((request.path, errors))
            return error(400, 50035, "Invalid Form Body", errors)
        self.command_puts += 1
        registered = {}
        for command in body:
            known = self.commands.get(command["name"])
            registered[command["name"]] = {
                **command,
                "id": known["id"] if known else str(snowflake()),
                "application_id": str(self.app_id),
                "version": str(snowflake()),
                "type": command.get("type", 1),
            }
        self.commands = registered
        return json_response(list(registered.values()))

    # --- messages -------------------------------------------------------------------

    def _refuse(self, path: str, body: dict[str, Any], *, new: bool) -> web.Response | None:
        errors = limits.message_errors(body)
        if new and limits.is_empty(body):
            errors.append("Cannot send an empty message")
        if errors:
            self.refused.append((path, errors))
            return error(400, 50035, "Invalid Form Body", errors)
        self.pings += limits.pings(body)
        return None

    def _store_message(
        self, channel: Channel, body: dict[str, Any], interaction: Interaction | None = None
    ) -> dict[str, Any]:
        data = message(
            message_id=snowflake(),
            channel_id=channel.id,
            author=self.bot,
            content=body.get("content") or "",
            embeds=body.get("embeds") or [],
            components=body.get("components") or [],
            guild=self.guilds.get(channel.guild_id),
            flags=body.get("flags") or 0,
            webhook_id=self.app_id if interaction else None,
            application_id=self.app_id if interaction else None,
        )
        data["allowed_mentions"] = body.get("allowed_mentions")  # kept for assertions
        data["nonce"] = body.get("nonce")
        self.messages[int(data["id"])] = data
        self.sent_by_bot.append(data)
        return data

    def _apply_edit(self, data: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
        for key in ("content", "embeds", "components", "flags", "allowed_mentions"):
            if key in body and body[key] is not None:
                data[key] = body[key]
        data["edited_timestamp"] = timestamp()
        return data
