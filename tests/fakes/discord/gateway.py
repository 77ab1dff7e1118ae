"""The fake gateway: sessions, sequence numbers, heartbeats, IDENTIFY, RESUME, replay.

A session outlives its websocket, as Discord's does: events dispatched while the bot is
disconnected are kept and replayed after a RESUME with the last sequence number it saw.
Messages are zlib-stream compressed when the client asks for it, as Discord does.
"""

from __future__ import annotations

import asyncio
import json
import uuid
import zlib
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

DISPATCH, HEARTBEAT, IDENTIFY, RESUME, RECONNECT, INVALID_SESSION, HELLO = 0, 1, 2, 6, 7, 9, 10
HEARTBEAT_ACK = 11


class Connection:
    """One websocket to the bot; sends are serialized and optionally compressed."""

    def __init__(self, ws: web.WebSocketResponse, request: web.Request, compress: bool) -> None:
        self.ws = ws
        self.request = request
        self._compressor = zlib.compressobj() if compress else None
        self._lock = asyncio.Lock()
        self.session: Session | None = None
        self.silent = False  # True: heartbeats are no longer ACKed (a half-dead connection)

    async def send(self, payload: dict[str, Any]) -> bool:
        """Send one gateway message; False when the socket is already gone."""
        data = json.dumps(payload)
        async with self._lock:
            if self.ws.closed:
                return False
            try:
                if self._compressor is None:
                    await self.ws.send_str(data)
                else:
                    raw = self._compressor.compress(data.encode()) + self._compressor.flush(
                        zlib.Z_SYNC_FLUSH
                    )
                    await self.ws.send_bytes(raw)
            except (ConnectionError, RuntimeError):
                return False
        return True

    def abort(self) -> None:
        """Cut the TCP connection without a close frame, as a network failure does."""
        transport = self.request.transport
        if transport is not None:
            transport.abort()


@dataclass
class Session:
    id: str
    shard: tuple[int, int]
    intents: int
    seq: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)
    connection: Connection | None = None
    resumable: bool = True
    replay_from: int = 0  # > 0: the next RESUME replays from this sequence number on

    def seq_of(self, event: str, object_id: str) -> int:
        """The sequence number this session dispatched ``event`` for ``object_id`` with."""
        return next(
            e["s"] for e in self.events if e["t"] == event and e["d"].get("id") == object_id
        )

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        self.seq += 1
        payload = {"op": DISPATCH, "t": event, "s": self.seq, "d": data}
        self.events.append(payload)
        if self.connection is not None and not self.connection.silent:
            await self.connection.send(payload)

    def owns(self, guild_id: int) -> bool:
        shard_id, count = self.shard
        return (guild_id >> 22) % count == shard_id


@dataclass(frozen=True)
class GatewayLog:
    """What happened on the gateway, in order: "identify", "resume", "heartbeat", ..."""

    kind: str
    session: str
    detail: dict[str, Any]


class Gateway:
    """The websocket endpoint and its sessions. ``owner`` is the FakeDiscord."""

    def __init__(self, owner: Any, heartbeat_ms: int) -> None:
        self.owner = owner
        self.heartbeat_ms = heartbeat_ms
        self.sessions: dict[str, Session] = {}
        self.connections: list[Connection] = []
        self.log: list[GatewayLog] = []
        self.refusing = False  # True: new websockets are refused (503), as in an outage

    # --- the websocket --------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if self.refusing:
            self._record("refused", "", {})
            return web.Response(status=503, text="the gateway is unavailable")
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        compress = request.query.get("compress") == "zlib-stream"
        connection = Connection(ws, request, compress)
        self.connections.append(connection)
        await connection.send({"op": HELLO, "d": {"heartbeat_interval": self.heartbeat_ms}})
        try:
            async for message in ws:
                if message.type is WSMsgType.TEXT:
                    await self._received(connection, json.loads(message.data))
                elif message.type is WSMsgType.ERROR:
                    break
        finally:
            self.connections.remove(connection)
            session = connection.session
            if session is not None and session.connection is connection:
                session.connection = None
            self._record("closed", session.id if session else "", {"code": ws.close_code})
        return ws

    async def _received(self, connection: Connection, payload: dict[str, Any]) -> None:
        op, data = payload.get("op"), payload.get("d")
        session_id = connection.session.id if connection.session else ""
        if op == HEARTBEAT:
            self._record("heartbeat", session_id, {"seq": data, "acked": not connection.silent})
            if not connection.silent:
                await connection.send({"op": HEARTBEAT_ACK})
        elif op == IDENTIFY:
            await self._identify(connection, data)
        elif op == RESUME:
            await self._resume(connection, data)
        else:
            self._record(f"op{op}", session_id, {"d": data})

    async def _identify(self, connection: Connection, data: dict[str, Any]) -> None:
        if data.get("token") != self.owner.token:
            self._record("identify-refused", "", {})
            await connection.ws.close(code=4004, message=b"Authentication failed.")
            return
        shard = tuple(data.get("shard") or (0, 1))
        session = Session(id=uuid.uuid4().hex, shard=(shard[0], shard[1]), intents=data["intents"])
        self.sessions[session.id] = session
        session.connection = connection
        connection.session = session
        self._record("identify", session.id, {"intents": data["intents"], "shard": list(shard)})
        owner = self.owner
        guilds = [g for g in owner.guilds.values() if session.owns(g.id)]
        await session.dispatch(
            "READY",
            {
                "v": 10,
                "user": owner.bot.payload(),
                "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
                "session_id": session.id,
                "resume_gateway_url": owner.gateway_url,
                "shard": list(shard),
                "application": {"id": str(owner.app_id), "flags": 1 << 19},
                "private_channels": [],
                "relationships": [],
                "user_settings": {},
                "presences": [],
                "geo_ordered_rtc_regions": [],
                "guild_join_requests": [],
            },
        )
        for guild in guilds:
            await session.dispatch("GUILD_CREATE", guild.create_payload(owner.bot))
        owner.changed()

    async def _resume(self, connection: Connection, data: dict[str, Any]) -> None:
        session = self.sessions.get(data.get("session_id", ""))
        if session is None or not session.resumable or data.get("token") != self.owner.token:
            self._record("resume-refused", data.get("session_id", ""), {})
            await connection.send({"op": INVALID_SESSION, "d": False})
            return
        after = data.get("seq") or 0
        if session.replay_from:  # Discord replays more than was missed: events seen again
            after, session.replay_from = min(after, session.replay_from - 1), 0
        missed = [event for event in session.events if event["s"] > after]
        self._record("resume", session.id, {"seq": data.get("seq"), "replayed": len(missed)})
        session.connection = connection
        connection.session = session
        for event in missed:
            await connection.send(event)
        await session.dispatch("RESUMED", {})
        self.owner.changed()

    def _record(self, kind: str, session: str, detail: dict[str, Any]) -> None:
        self.log.append(GatewayLog(kind, session, detail))
        self.owner.changed()

    # --- what tests do to it --------------------------------------------------------

    def sessions_for(self, guild_id: int) -> list[Session]:
        return [s for s in self.sessions.values() if s.owns(guild_id)]

    def count(self, kind: str) -> int:
        return sum(1 for entry in self.log if entry.kind == kind)

    async def drop(self, *, code: int | None = None) -> int:
        """End every connection: cut it (``code`` None) or close it with ``code``."""
        connections = list(self.connections)
        for connection in connections:
            if code is None:
                connection.abort()
            else:
                await connection.ws.close(code=code)
        return len(connections)

    def stop_answering(self) -> int:
        """Every open connection stays open but ACKs no more heartbeats and sends nothing,
        as a connection that died somewhere on the way does; new ones work."""
        for connection in self.connections:
            connection.silent = True
        return len(self.connections)

    async def ask_to_reconnect(self) -> int:
        """Op 7 RECONNECT on every connection, as Discord sends before it moves a session."""
        sent = [await c.send({"op": RECONNECT, "d": None}) for c in list(self.connections)]
        return sum(sent)

    async def invalidate_now(self, resumable: bool) -> int:
        """Op 9 INVALID_SESSION on every connection; ``resumable`` is its ``d``."""
        if not resumable:
            self.invalidate()
        sent = [await c.send({"op": INVALID_SESSION, "d": resumable}) for c in self.connections]
        return sum(sent)

    def invalidate(self) -> None:
        """Make every session unresumable: the next RESUME gets INVALID_SESSION."""
        for session in self.sessions.values():
            session.resumable = False
