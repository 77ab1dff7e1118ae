"""What people do in the fake Discord: post a message, run a slash command, press a button.

Each becomes the gateway event Discord sends (MESSAGE_CREATE, INTERACTION_CREATE), built
from the commands the bot registered, so a test can only run what the bot declared. As in
Discord, a member may run a slash command only with the permissions of its
``default_member_permissions`` (or Administrator), unless the server granted it to
everyone in Server Settings > Integrations (``grant``); otherwise ``slash`` raises
``NotShown``, since Discord would not even offer the command. In a direct message
(``channel=fake.dm_with(user)``) Discord offers only the commands whose registered
``contexts`` include DMs (all of them when ``contexts`` is null, as registered before
Discord had contexts).
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.discord.payloads import (
    ADMINISTRATOR,
    BOT_DM,
    EVERYONE_DEFAULT,
    GUILD_CONTEXT,
    GUILD_MESSAGES,
    MESSAGE_CONTENT,
    Channel,
    User,
    message,
    snowflake,
)


@dataclass
class Interaction:
    """An interaction the fake sent to the bot and everything the bot answered to it."""

    id: int
    token: str
    type: int
    payload: dict[str, Any]
    sent_at: float  # when Discord created it (loop time)
    callbacks: list[tuple[float, dict[str, Any]]] = field(default_factory=list)
    original: dict[str, Any] | None = None  # the response message, once there is one
    followups: list[dict[str, Any]] = field(default_factory=list)
    edits: list[dict[str, Any]] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)  # ids of response messages deleted

    @property
    def callback_types(self) -> list[int]:
        return [body["type"] for _, body in self.callbacks]

    @property
    def answered_after(self) -> float | None:
        """Seconds from sending the interaction to its first callback."""
        return self.callbacks[0][0] - self.sent_at if self.callbacks else None

    @property
    def choices(self) -> list[dict[str, Any]]:
        """Autocomplete choices from the bot's type 8 answer."""
        for _, body in self.callbacks:
            if body["type"] == 8:
                return body["data"]["choices"]
        return []


class NotShown(AssertionError):
    """Discord would not offer this command to this member."""


class People:
    """The FakeDiscord's side of people; mixed into FakeDiscord."""

    def grant(self, name: str) -> None:
        """The server's admins let everyone use ``/name`` (Server Settings > Integrations)."""
        self.granted.add(name)

    def may_use(self, name: str, user: User, channel: Channel | None = None) -> bool:
        """Whether Discord lets ``user`` run ``/name`` in the channel's server (or DM)."""
        command = self.commands[name]
        if channel is not None and not channel.guild_id:  # no member permissions in a DM
            contexts = command.get("contexts")
            return contexts is None or BOT_DM in contexts
        needed = int(command.get("default_member_permissions") or 0)
        if not needed or name in self.granted:
            return True
        has = self.guilds[(channel or self.news).guild_id].permissions_of(user)
        return bool(has & ADMINISTRATOR) or has & needed == needed

    async def say(self, channel: Channel, author: User, content: str) -> dict[str, Any]:
        """Someone posts in ``channel``: MESSAGE_CREATE to every session that may see it."""
        guild = self.guilds[channel.guild_id]
        data = message(
            message_id=snowflake(),
            channel_id=channel.id,
            author=author,
            content=content,
            guild=guild,
        )
        # As Discord does: each person mentioned, with their member object in a server.
        data["mentions"] = [
            {**self.users[number].payload(), "member": guild.member(self.users[number])}
            for number in map(int, re.findall(r"<@!?(\d+)>", content))
            if number in self.users
        ]
        self.messages[int(data["id"])] = data
        for session in self.gateway.sessions_for(guild.id):
            if not session.intents & GUILD_MESSAGES:
                continue
            seen = dict(data)
            mentioned = f"<@{self.bot.id}>" in content
            if not session.intents & MESSAGE_CONTENT and not mentioned:
                seen.update(content="", embeds=[], attachments=[], components=[])
            await session.dispatch("MESSAGE_CREATE", seen)
        self.changed()
        return data

    async def slash(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        subcommand: str | None = None,
        user: User | None = None,
        channel: Channel | None = None,
        focused: str | None = None,
        age: float = 0.0,
    ) -> Interaction:
        """Someone runs ``/name [subcommand] option:value ...`` (or types in ``focused``,
        which sends an autocomplete interaction instead). ``age``: Discord created the
        interaction that many seconds before it reaches the bot (a slow gateway)."""
        command = self.commands.get(name)
        if command is None:
            raise AssertionError(f"/{name} is not registered (registered: {sorted(self.commands)})")
        if not self.may_use(name, user or self.alice, channel):
            raise NotShown(f"/{name} needs permissions {(user or self.alice).username} lacks")
        declared = command.get("options") or []
        if subcommand is not None:
            sub = next((o for o in declared if o["name"] == subcommand and o["type"] == 1), None)
            if sub is None:
                raise AssertionError(f"/{name} has no subcommand {subcommand}")
            declared = sub.get("options") or []
        values = []
        resolved: dict[str, Any] = {}
        for key, value in (options or {}).items():
            spec = next((o for o in declared if o["name"] == key), None)
            if spec is None:
                raise AssertionError(f"/{name} {subcommand or ''} has no option {key!r}")
            option: dict[str, Any] = {"name": key, "type": spec["type"]}
            if isinstance(value, Channel):
                option["value"] = str(value.id)
                resolved.setdefault("channels", {})[str(value.id)] = {
                    **value.payload(),
                    "permissions": str((1 << 50) - 1),
                }
            else:
                option["value"] = value
            if key == focused:
                option["focused"] = True
            values.append(option)
        for spec in declared:
            if spec.get("required") and spec["name"] not in (options or {}) and focused is None:
                raise AssertionError(f"/{name}: required option {spec['name']} missing")
        if subcommand is not None:
            values = [{"name": subcommand, "type": 1, "options": values}]
        data: dict[str, Any] = {
            "id": command["id"],
            "name": name,
            "type": 1,
            "options": values,
        }
        if resolved:
            data["resolved"] = resolved
        kind = 4 if focused else 2
        return await self._interact(kind, data, user or self.alice, channel, age=age)

    async def click(
        self, message_data: dict[str, Any], custom_id: str, *, user: User | None = None
    ) -> Interaction:
        """Someone presses the button ``custom_id`` under a message."""
        data = {"custom_id": custom_id, "component_type": 2}
        channel = self.channel_by_id(message_data["channel_id"])
        return await self._interact(3, data, user or self.alice, channel, message=message_data)

    async def reply_to(
        self, channel: Channel, author: User, content: str, timeout: float = 20.0
    ) -> dict[str, Any]:
        """``author`` posts ``content`` (a prefix command): the bot's next message there."""
        before = len(self.by_bot_in(channel))
        await self.say(channel, author, content)
        later = await self.wait_for(
            lambda: self.by_bot_in(channel)[before:], timeout, f"the answer to {content!r}"
        )
        return later[0]

    async def answer(self, interaction: Interaction, timeout: float = 20.0) -> dict[str, Any]:
        """The message the bot finally answered a slash command with: its response, the
        response as edited after "thinking...", or its last follow-up."""

        def final() -> dict[str, Any] | None:
            kinds = interaction.callback_types
            if interaction.followups:
                return interaction.followups[-1]
            if not kinds or (kinds[0] == 5 and not interaction.edits):
                return None
            return self.messages.get(int((interaction.original or {}).get("id", 0)))

        name = interaction.payload["data"].get("name", "the command")
        return await self.wait_for(final, timeout, f"the answer to /{name}")

    def buttons(self, message_data: dict[str, Any]) -> list[dict[str, Any]]:
        """The buttons under a message, as last sent or edited."""
        current = self.messages.get(int(message_data["id"]), message_data)
        return [
            item for row in current.get("components") or [] for item in row.get("components", [])
        ]

    async def _interact(
        self,
        kind: int,
        data: dict[str, Any],
        user: User,
        channel: Channel | None,
        message: dict[str, Any] | None = None,
        age: float = 0.0,
    ) -> Interaction:
        channel = channel or self.news
        interaction_id = snowflake(age)
        token = f"interaction-token-{interaction_id}"
        payload: dict[str, Any] = {
            "id": str(interaction_id),
            "application_id": str(self.app_id),
            "type": kind,
            "data": data,
            "channel_id": str(channel.id),
            "token": token,
            "version": 1,
            "locale": "en-US",
            "entitlements": [],
            "attachment_size_limit": 26_214_400,
        }
        guild = self.guilds.get(channel.guild_id)
        if guild is None:  # a direct message: no server and no member, the user instead
            payload.update(
                channel=channel.payload(),
                user=user.payload(),
                app_permissions=str(EVERYONE_DEFAULT),
                authorizing_integration_owners={"0": "0"},  # a server install, in the bot's DM
                context=BOT_DM,
            )
            sessions = [s for s in self.gateway.sessions.values() if s.shard[0] == 0]
        else:
            permissions = str(guild.permissions_of(user))
            payload.update(
                guild_id=str(guild.id),
                guild={"id": str(guild.id), "locale": "en-US", "features": []},
                channel={**channel.payload(), "permissions": permissions},
                member={**guild.member(user), "user": user.payload(), "permissions": permissions},
                app_permissions=str(0 if channel.forbidden else (1 << 50) - 1),
                guild_locale="en-US",
                authorizing_integration_owners={"0": str(guild.id)},
                context=GUILD_CONTEXT,
            )
            sessions = self.gateway.sessions_for(guild.id)
        if message is not None:
            payload["message"] = self.messages.get(int(message["id"]), message)
        loop = asyncio.get_running_loop()
        # Discord's 3 s run from the interaction's creation, not from its arrival
        interaction = Interaction(interaction_id, token, kind, payload, loop.time() - age)
        self.interactions[interaction_id] = interaction
        for session in sessions:  # a DM arrives on shard 0
            await session.dispatch("INTERACTION_CREATE", payload)
        self.changed()
        return interaction
