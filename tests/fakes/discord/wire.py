"""How the fake answers on the wire: Discord's JSON, its error bodies, the request body key."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

EPHEMERAL = 64  # message flag: only the person who ran the command sees it
BODY = web.RequestKey("body", object)  # the parsed JSON of a request, set by the middleware


def error(status: int, code: int, text: str, errors: list[str] | None = None) -> web.Response:
    body: dict[str, Any] = {"message": text, "code": code}
    if errors:
        body["errors"] = {"_errors": [{"code": "BASE_TYPE_INVALID", "message": e} for e in errors]}
    return json_response(body, status=status)


def json_response(
    data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    """JSON as Discord labels it: exactly ``application/json`` (discord.py checks for that)."""
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={**(headers or {}), "Content-Type": "application/json"},
    )
