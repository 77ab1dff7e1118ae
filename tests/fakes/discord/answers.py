"""The fake's interaction endpoints: callbacks, the original response, follow-ups.

As Discord: an interaction must be answered within ``answer_within`` seconds (3), once;
a follow-up needs an answer first; answers obey the same limits as messages.
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from tests.fakes.discord.people import Interaction
from tests.fakes.discord.wire import BODY, EPHEMERAL, error, json_response


class Answers:
    """Interaction routes of FakeDiscord; mixed into it."""

    async def _callback(self, request: web.Request) -> web.Response:
        interaction = self.interactions.get(int(request.match_info["id"]))
        if interaction is None or interaction.token != request.match_info["token"]:
            return error(404, 10062, "Unknown interaction")
        loop = asyncio.get_running_loop()
        if loop.time() - interaction.sent_at > self.answer_within:
            return error(404, 10062, "Unknown interaction")
        if interaction.callbacks:
            return error(400, 40060, "Interaction has already been acknowledged.")
        body = request[BODY] or {}
        kind, data = body.get("type"), body.get("data") or {}
        if kind in (4, 7):
            refused = self._refuse(request.path, data, new=kind == 4)
            if refused is not None:
                return refused
        interaction.callbacks.append((loop.time(), body))
        answer: dict[str, Any] = {
            "interaction": {
                "id": str(interaction.id),
                "type": interaction.type,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(data.get("flags", 0) & EPHEMERAL),
            }
        }
        channel = self.channel_by_id(interaction.payload["channel_id"])
        if kind in (4, 5):  # a new response message (5: "thinking..." until edited)
            original = self._store_message(
                channel, {**data, "content": data.get("content", "")}, interaction=interaction
            )
            interaction.original = original
            answer["interaction"]["response_message_id"] = original["id"]
            answer["resource"] = {"type": kind, "message": original}
        elif kind == 7:  # update the message the component was under
            target = self.messages[int(interaction.payload["message"]["id"])]
            updated = self._apply_edit(target, data)
            answer["resource"] = {"type": kind, "message": updated}
        return json_response(answer)

    def _interaction_by_token(self, request: web.Request) -> Interaction | None:
        token = request.match_info["token"]
        return next((i for i in self.interactions.values() if i.token == token), None)

    def _expired(self, request: web.Request) -> web.Response | None:
        """401 Invalid Webhook Token, as Discord answers once an interaction's token has
        outlived ``token_lifetime`` (15 minutes): no edit, delete or follow-up after it."""
        interaction = self._interaction_by_token(request)
        if interaction is None:
            return None
        if asyncio.get_running_loop().time() - interaction.sent_at <= self.token_lifetime:
            return None
        self.expired_tokens += 1
        return error(401, 50027, "Invalid Webhook Token")

    async def _get_original(self, request: web.Request) -> web.Response:
        if (expired := self._expired(request)) is not None:
            return expired
        interaction = self._interaction_by_token(request)
        if interaction is None or interaction.original is None:
            return error(404, 10008, "Unknown Message")
        return json_response(self.messages[int(interaction.original["id"])])

    async def _edit_webhook_message(self, request: web.Request) -> web.Response:
        if (expired := self._expired(request)) is not None:
            return expired
        interaction = self._interaction_by_token(request)
        if interaction is None:
            return error(404, 10015, "Unknown Webhook")
        wanted = request.match_info["message"]
        if wanted == "@original":
            if interaction.original is None:
                return error(404, 10008, "Unknown Message")
            wanted = interaction.original["id"]
        data = self.messages.get(int(wanted))
        if data is None:
            return error(404, 10008, "Unknown Message")
        body = request[BODY] or {}
        refused = self._refuse(request.path, body, new=False)
        if refused is not None:
            return refused
        interaction.edits.append(body)
        return json_response(self._apply_edit(data, body))

    async def _delete_webhook_message(self, request: web.Request) -> web.Response:
        if (expired := self._expired(request)) is not None:
            return expired
        interaction = self._interaction_by_token(request)
        if interaction is None:
            return error(404, 10015, "Unknown Webhook")
        wanted = request.match_info["message"]
        if wanted == "@original":
            wanted = interaction.original["id"] if interaction.original else "0"
        if self.messages.pop(int(wanted), None) is None:
            return error(404, 10008, "Unknown Message")
        interaction.deleted.append(wanted)
        return web.Response(status=204)

    async def _followup(self, request: web.Request) -> web.Response:
        if (expired := self._expired(request)) is not None:
            return expired
        interaction = self._interaction_by_token(request)
        if interaction is None:
            return error(404, 10015, "Unknown Webhook")
        if not interaction.callbacks:
            return error(404, 10015, "Unknown Webhook")  # a follow-up needs an answer first
        body = request[BODY] or {}
        refused = self._refuse(request.path, body, new=True)
        if refused is not None:
            return refused
        channel = self.channel_by_id(interaction.payload["channel_id"])
        data = self._store_message(channel, body, interaction=interaction)
        interaction.followups.append(data)
        return json_response(data)
