"""A loopback fake of Slack's far side for the real slack-sdk / slack-bolt.

- ``POST|GET /api/<method>``: the Web API methods the app uses (auth.test, chat.postMessage,
  chat.postEphemeral, users.info, conversations.info and .members (see conversations.py),
  apps.connections.open), every call recorded. Messages are
  checked against Block Kit's limits the way Slack rejects them (``invalid_blocks``,
  ``msg_blocks_too_long``), so a test fails when the app would be refused.
- ``rate_limit(method, times, retry_after, after=n)``: once ``n`` more calls were answered
  as usual, the next ``times`` answer 429 with Retry-After.
- ``fail(method, error, after=n, taken=)``: the call after the next ``n`` answers Slack's
  ``error`` (carried out first with ``taken``).
- ``unavailable(method, after=n)``: the call after the next ``n`` answers a text/plain 503,
  as a proxy in front of the Web API does when Slack is out of its reach (``status=`` for
  another status, such as a 200 from a proxy's error page; ``CUT`` to cut the connection
  without an answer; ``taken=True``: the call is carried out first, as when Slack fails
  after posting the message).
- ``POST /response/<name>``: response URLs (what ``respond()`` posts to), recorded;
  ``command`` runs a slash command over Socket Mode and returns the first answer;
  ``refuse_responses(status, times, retry_after, taken=)``: the next posts to any response
  URL answer ``status`` (429 as Slack's rate limit, 5xx as an outage; ``CUT``: the
  connection is cut without an answer), every post's status kept in ``response_attempts``;
  with ``taken`` the answer is shown all the same (Slack failed after showing it).
- ``GET /socket``: a Socket Mode websocket (``apps.connections.open`` returns its URL): it
  says hello, and ``send_envelope`` delivers an envelope and waits for the app's ack.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakes.slack.conversations import Conversations
from tests.fakes.slack.oidc import OpenIDConnect
from tests.fakes.slack.payloads import APP_ID, TEAM_ID, slash_command

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
CUT = 0  # a "status" that cuts the connection without an answer
# Cumulative text of a message's blocks that Slack accepts; past it, ``msg_blocks_too_long``
# (undocumented; reports put it between 12,000 and 13,300 characters).
BLOCKS_TEXT_LIMIT = 12_000


@dataclass(frozen=True)
class Call:
    method: str
    args: dict[str, Any]
    token: str | None
    status: int  # HTTP status answered (429 when rate limited, 503 when ``unavailable``)
    error: str | None  # Slack's error code ("HTTP 503, text/plain" for a proxy's), None when ok
    at: float = field(default_factory=time.monotonic)


class FakeSlack(OpenIDConnect, Conversations):
    """Start with ``async with FakeSlack() as slack``; everything binds to 127.0.0.1."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.responses: list[tuple[str, dict[str, Any]]] = []  # (response URL name, body)
        self.response_attempts: list[tuple[int, float]] = []  # (status answered, when)
        self._response_refusals: list[Any] = []  # [times left, status, retry-after or None]
        self.users: dict[str, dict[str, Any]] = {}
        # auth.test's answer over the single workspace's: an Enterprise Grid org-wide install
        # names its organisation (enterprise_id, is_enterprise_install) and no one workspace.
        self.identity: dict[str, Any] = {}
        self.channel_errors: dict[str, str] = {}  # channel id -> error chat.postMessage gives
        self.refused_tokens: set[str] = set()  # answered invalid_auth (revoked, mistyped)
        self.connections = 0  # Socket Mode websockets opened
        # method -> [times left, retry-after, calls to let through first]
        self._rate_limits: dict[str, list[Any]] = {}
        self._failures: dict[str, list[Any]] = {}  # method -> [calls to let through, error]
        # method -> [calls to let through, times, status]
        self._outages: dict[str, list[Any]] = {}  # + whether the call is carried out
        self._ts = itertools.count(1)
        self._changed = asyncio.Condition()
        self._sockets: list[web.WebSocketResponse] = []
        self._acks: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._runner: web.AppRunner | None = None
        self.base_url = ""
        self.oidc_setup()
        self.conversations_setup()

    # -- lifetime ---------------------------------------------------------------------------

    async def __aenter__(self) -> FakeSlack:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{name}", self._response_url)
        app.router.add_get("/socket", self._socket)
        app.router.add_get("/openid/connect/authorize", self._oidc_authorize)
        self._runner = web.AppRunner(app, shutdown_timeout=1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        for socket in list(self._sockets):
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # -- what tests set up and read ---------------------------------------------------------

    @property
    def api_url(self) -> str:
        """The Web API base URL to give ``AsyncWebClient(base_url=...)``."""
        return f"{self.base_url}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.base_url}/response/{name}"

    def add_user(
        self, user_id: str, *, admin: bool = False, owner: bool = False, team: str = TEAM_ID
    ) -> None:
        """A user of ``team``: another one is a user of another organisation, met in a
        channel shared with it (Slack Connect); users.info tells their own workspace's
        rights."""
        self.users[user_id] = {
            "id": user_id,
            "team_id": team,
            "name": user_id.lower(),
            "is_admin": admin,
            "is_owner": owner,
            "is_primary_owner": False,
            "is_bot": False,
        }

    def rate_limit(
        self, method: str, *, times: int = 1, retry_after: float = 0, after: int = 0
    ) -> None:
        """Once ``after`` more calls of ``method`` were answered as usual, the next ``times``
        get 429 Too Many Requests."""
        self._rate_limits[method] = [times, retry_after, after]

    def fail(self, method: str, error: str, *, after: int = 0, taken: bool = False) -> None:
        """Once ``after`` more calls of ``method`` were answered as usual, the next one
        answers ``{"ok": false, "error": error}`` (with ``taken``, after carrying it out, as
        Slack's ``internal_error`` may)."""
        self._failures[method] = [after, error, taken]

    def unavailable(
        self,
        method: str,
        *,
        after: int = 0,
        times: int = 1,
        status: int = 503,
        taken: bool = False,
    ) -> None:
        """Once ``after`` more calls of ``method`` were answered as usual, the next ``times``
        answer ``status`` with "Service Unavailable" in text/plain (not JSON: a proxy's), or
        are cut without an answer (``CUT``); ``taken``: each is carried out first."""
        self._outages[method] = [after, times, status, taken]

    def refuse_responses(
        self,
        status: int,
        *,
        times: int = 1,
        retry_after: int | None = None,
        taken: bool = False,
        text: str = "",
    ) -> None:
        """The next ``times`` posts to a response URL answer ``status`` (with a Retry-After
        header when ``retry_after`` is given): 429 is Slack's "slow down", 5xx an outage,
        ``CUT`` a connection cut without an answer; ``taken``: each answer is shown first;
        ``text``: the body (a proxy's page, say)."""
        self._response_refusals = [times, status, retry_after, taken, text]

    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def posted(self) -> list[dict[str, Any]]:
        """The arguments of every chat.postMessage that Slack accepted."""
        return [call.args for call in self.calls_to("chat.postMessage") if call.error is None]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 5) -> list[Call]:
        """Wait until ``method`` was called ``count`` times; the calls so far."""
        await self._wait(lambda: len(self.calls_to(method)) >= count, timeout)
        return self.calls_to(method)

    async def wait_for_responses(self, count: int = 1, timeout: float = 5) -> list[dict[str, Any]]:
        await self._wait(lambda: len(self.responses) >= count, timeout)
        return [body for _name, body in self.responses]

    async def wait_for_socket(self, count: int = 1, timeout: float = 5) -> None:
        await self._wait(lambda: len(self._sockets) >= count, timeout)

    async def send_envelope(
        self,
        kind: str,
        payload: dict[str, Any],
        timeout: float = 5,
        *,
        envelope_id: str = "",
        retry_attempt: int = 0,
        retry_reason: str = "",
    ) -> dict[str, Any]:
        """Deliver a Socket Mode envelope (``slash_commands``, ``events_api``) on the newest
        websocket and return the app's acknowledgement (``{"envelope_id", "payload"?}``).
        Slack delivers one again, same id and payload, with ``retry_attempt`` 1, 2, 3 and a
        ``retry_reason`` (``timeout``) when it thinks the ack did not come in time."""
        if not self._sockets:
            raise AssertionError("no Socket Mode connection is open")
        envelope_id = envelope_id or str(uuid.uuid4())
        acked: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._acks[envelope_id] = acked
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind == "slash_commands",
            "retry_attempt": retry_attempt,
            "retry_reason": retry_reason,
        }
        await self._sockets[-1].send_str(json.dumps(envelope))
        return await asyncio.wait_for(acked, timeout)

    async def command(
        self, command: str, text: str, *, user: str = "U1", timeout: float = 20
    ) -> dict[str, Any]:
        """Someone runs ``command text`` (over Socket Mode): the app's first answer to it
        (the body it posted to the command's own response URL)."""
        name = f"command-{uuid.uuid4().hex[:8]}"
        payload = slash_command(command, text, response_url=self.response_url(name), user=user)
        await self.send_envelope("slash_commands", payload, timeout)
        await self._wait(lambda: any(n == name for n, _ in self.responses), timeout)
        return next(body for n, body in self.responses if n == name)

    async def ask_to_reconnect(self, reason: str = "refresh_requested") -> None:
        """Slack's ``disconnect`` message: ``refresh_requested`` before it recycles a
        connection, ``link_disabled`` when Socket Mode was turned off and on again."""
        message = {"type": "disconnect", "reason": reason}
        await self._sockets[-1].send_str(json.dumps(message))

    async def drop_sockets(self) -> int:
        """Cut every Socket Mode connection without a close frame, as a network does."""
        sockets = list(self._sockets)
        for socket in sockets:
            await socket.close(code=1006)
        return len(sockets)

    # -- handlers ---------------------------------------------------------------------------

    async def wait_until(self, done: Callable[[], bool], timeout: float = 5) -> None:
        """Wait until ``done()`` holds (checked whenever the fake records something)."""
        await self._wait(done, timeout)

    async def _wait(self, done: Any, timeout: float) -> None:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(done), timeout)

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args = await _arguments(request)
        token = _token(request, args)
        limit = self._rate_limits.get(method)
        if limit and limit[2] > 0:
            limit[2] -= 1
        elif limit and limit[0] > 0:
            limit[0] -= 1
            await self._record(Call(method, args, token, 429, "ratelimited"))
            return web.json_response(
                {"ok": False, "error": "ratelimited"},
                status=429,
                headers={"Retry-After": str(limit[1])},
            )
        outage = self._out(method)
        if outage is not None:
            status, taken = outage
            if taken:
                await self._record(
                    Call(method, args, token, 200, self._answer(method, args, token).get("error"))
                )
            if status == CUT:
                return _cut(request)
            await self._record(Call(method, args, token, status, f"HTTP {status}, text/plain"))
            return web.Response(
                status=status, text="Service Unavailable", content_type="text/plain"
            )
        if method.startswith("openid.connect."):
            answer = self.oidc_answer(method, args, request)
        else:
            answer = self._answer(method, args, token)
        await self._record(Call(method, args, token, 200, answer.get("error")))
        return web.json_response(answer)

    def _out(self, method: str) -> tuple[int, bool] | None:
        """The status of the proxy's answer this call of ``method`` gets (see
        ``unavailable``) and whether the call is carried out first, or None when it is
        answered as usual."""
        outage = self._outages.get(method)
        if outage is None:
            return None
        if outage[0] > 0:
            outage[0] -= 1
            return None
        outage[1] -= 1
        if outage[1] <= 0:
            del self._outages[method]
        return outage[2], outage[3]

    def _answer(self, method: str, args: dict[str, Any], token: str | None) -> dict[str, Any]:
        if token in self.refused_tokens:
            return {"ok": False, "error": "invalid_auth"}
        if method == "apps.connections.open":
            if not (token or "").startswith("xapp-"):
                return {"ok": False, "error": "not_allowed_token_type"}
            return {"ok": True, "url": f"ws://{self.base_url.removeprefix('http://')}/socket"}
        if not (token or "").startswith("xoxb-"):
            return {"ok": False, "error": "invalid_auth"}
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://test.slack.com/",
                "team": "Test",
                "user": "briefing",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
                **self.identity,
            }
        if method == "users.info":
            user = self.users.get(str(args.get("user", "")))
            return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}
        failure = self._failures.get(method)
        if failure is not None:
            if failure[0] == 0:
                del self._failures[method]
                if failure[2]:  # carried out, then answered the error
                    self.calls.append(
                        Call(method, args, token, 200, self._post(method, args).get("error"))
                    )
                return {"ok": False, "error": failure[1]}
            failure[0] -= 1
        if method in {"chat.postMessage", "chat.postEphemeral"}:
            return self._post(method, args)
        if method in {"conversations.info", "conversations.members"}:
            return self.conversations_answer(method, args)
        return {"ok": False, "error": "unknown_method"}

    def _post(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        channel = str(args.get("channel", ""))
        if channel in self.channel_errors:
            return {"ok": False, "error": self.channel_errors[channel]}
        error = message_error(args)
        if error:
            return {"ok": False, "error": error}
        ts = f"{int(time.time())}.{next(self._ts):06d}"
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        return {"ok": True, "channel": channel, "ts": ts, "message": {"text": args.get("text")}}

    async def _response_url(self, request: web.Request) -> web.Response:
        body = await request.json()
        refusal = self._response_refusals
        if refusal and refusal[0] > 0:
            refusal[0] -= 1
            headers = {} if refusal[2] is None else {"Retry-After": str(refusal[2])}
            async with self._changed:
                self.response_attempts.append((refusal[1], time.monotonic()))
                if refusal[3]:
                    self.responses.append((request.match_info["name"], body))
                self._changed.notify_all()
            if refusal[1] == CUT:
                return _cut(request)
            text = refusal[4] or ("rate_limited" if refusal[1] == 429 else "Service Unavailable")
            return web.Response(status=refusal[1], text=text, headers=headers)
        error = message_error(body)
        self.response_attempts.append((400 if error else 200, time.monotonic()))
        if error:
            return web.Response(status=400, text=error)
        async with self._changed:
            self.responses.append((request.match_info["name"], body))
            self._changed.notify_all()
        return web.Response(text="ok")

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        async with self._changed:
            self._sockets.append(socket)
            self.connections += 1
            self._changed.notify_all()
        hello = {
            "type": "hello",
            "num_connections": len(self._sockets),
            "connection_info": {"app_id": APP_ID},
            "debug_info": {"host": "fake", "approximate_connection_time": 3600},
        }
        await socket.send_str(json.dumps(hello))
        try:
            async for message in socket:
                if message.type != WSMsgType.TEXT:
                    continue
                ack = json.loads(message.data)
                waiting = self._acks.pop(ack.get("envelope_id", ""), None)
                if waiting is not None and not waiting.done():
                    waiting.set_result(ack)
        finally:
            self._sockets.remove(socket)
        return socket


def _cut(request: web.Request) -> web.Response:
    """End the connection without an answer."""
    if request.transport is not None:
        request.transport.abort()
    return web.Response(status=503)  # never reaches the client


async def _arguments(request: web.Request) -> dict[str, Any]:
    args: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        args.update(await request.json())
    elif request.can_read_body:
        args.update((key, value) for key, value in (await request.post()).items())
    if isinstance(args.get("blocks"), str):
        args["blocks"] = json.loads(args["blocks"])
    return args


def _token(request: web.Request, args: dict[str, Any]) -> str | None:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header.removeprefix("Bearer ")
    return args.get("token")


def message_error(message: dict[str, Any]) -> str | None:
    """The error Slack gives for a message's ``text`` / ``blocks``, or None when acceptable."""
    blocks = message.get("blocks") or []
    if not blocks and not message.get("text"):
        return "no_text"
    if len(blocks) > 50:
        return "invalid_blocks"
    total = 0
    for block in blocks:
        texts = _block_texts(block)
        if texts is None:
            return "invalid_blocks"
        total += sum(len(text) for text in texts)
    return "msg_blocks_too_long" if total > BLOCKS_TEXT_LIMIT else None


def _block_texts(block: dict[str, Any]) -> list[str] | None:
    """The texts of a header, section, context or divider block, or None if Slack refuses it."""
    kind = block.get("type")
    if kind == "divider":
        return []
    if kind == "header":
        text = block.get("text", {})
        ok = text.get("type") == "plain_text" and 0 < len(text.get("text", "")) <= 150
        return [text["text"]] if ok else None
    if kind == "section":
        text = block.get("text", {})
        ok = text.get("type") in {"mrkdwn", "plain_text"} and 0 < len(text.get("text", "")) <= 3000
        return [text["text"]] if ok else None
    if kind == "context":
        elements = block.get("elements", [])
        if not 0 < len(elements) <= 10:
            return None
        texts = [element.get("text", "") for element in elements]
        return texts if all(0 < len(text) <= 3000 for text in texts) else None
    return None
