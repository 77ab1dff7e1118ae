"""JSON payloads shaped as Discord's API v10 sends them: users, guilds, messages, interactions.

Only what a bot sees is modelled, but each object carries every field Discord documents as
always present, so the real client parses them as it parses Discord's own.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1_420_070_400_000

# Permission bits (https://discord.com/developers/docs/topics/permissions)
ADMINISTRATOR = 1 << 3
MANAGE_GUILD = 1 << 5
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
READ_MESSAGE_HISTORY = 1 << 16
USE_APPLICATION_COMMANDS = 1 << 31
SEND_MESSAGES_IN_THREADS = 1 << 38
EVERYONE_DEFAULT = (
    VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | READ_MESSAGE_HISTORY
    | USE_APPLICATION_COMMANDS
    | SEND_MESSAGES_IN_THREADS
)

# Interaction contexts: where a command may be used
GUILD_CONTEXT, BOT_DM, PRIVATE_CHANNEL = 0, 1, 2

# Intent bits
GUILDS = 1 << 0
GUILD_MESSAGES = 1 << 9
MESSAGE_CONTENT = 1 << 15

_counter = itertools.count(1)


def snowflake(age: float = 0.0) -> int:
    """A new id with the current time (less ``age`` seconds) in it, increasing within the
    process (for ids of the same age)."""
    millis = int((time.time() - age) * 1000) - DISCORD_EPOCH_MS
    return (millis << 22) | (next(_counter) & 0x3FFFFF)


def timestamp() -> str:
    return datetime.now(UTC).isoformat()


@dataclass
class User:
    id: int
    username: str
    bot: bool = False

    def payload(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(self.id),
            "username": self.username,
            "discriminator": "0",
            "global_name": self.username.title(),
            "avatar": None,
            "public_flags": 0,
        }
        if self.bot:
            data["bot"] = True
        return data


@dataclass
class Channel:
    """A server's text channel, or (``guild_id`` 0) a direct message with ``recipient``."""

    id: int
    name: str
    guild_id: int
    forbidden: bool = False  # the bot may not post here: Discord answers 403 Missing Permissions
    # Without Embed Links Discord drops a new message's embeds and keeps the rest; a message
    # of embeds only is then empty, and refused as one (400, 50006).
    embed_links: bool = True
    recipient: User | None = None  # the person in a direct message
    # Permission overwrites as GUILD_CREATE sends them (what the bot's cache knows); the
    # answers to posts follow ``forbidden`` and ``embed_links`` alone.
    overwrites: list[dict[str, Any]] = field(default_factory=list)
    # A thread in the channel ``parent_id`` (which it takes its permissions from); sent in
    # GUILD_CREATE's threads, not its channels.
    parent_id: int = 0

    def payload(self, position: int = 0) -> dict[str, Any]:
        if self.parent_id:
            return self._thread_payload()
        if not self.guild_id:
            people = [self.recipient.payload()] if self.recipient else []
            return {
                "id": str(self.id),
                "type": 1,  # DM
                "last_message_id": None,
                "flags": 0,
                "recipients": people,
            }
        return {
            "id": str(self.id),
            "type": 0,  # GUILD_TEXT
            "guild_id": str(self.guild_id),
            "name": self.name,
            "position": position,
            "permission_overwrites": self.overwrites,
            "topic": None,
            "nsfw": False,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "parent_id": None,
        }

    def _thread_payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "type": 11,  # PUBLIC_THREAD
            "guild_id": str(self.guild_id),
            "parent_id": str(self.parent_id),
            "owner_id": str(self.parent_id),
            "name": self.name,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "message_count": 0,
            "member_count": 1,
            "flags": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": 1440,
                "archive_timestamp": "2024-01-01T00:00:00+00:00",
                "locked": False,
            },
        }


@dataclass
class Guild:
    id: int
    name: str
    owner_id: int
    channels: list[Channel] = field(default_factory=list)
    admin_role_id: int = 0
    admins: set[int] = field(default_factory=set)  # members holding the admin role

    def roles(self) -> list[dict[str, Any]]:
        everyone = _role(self.id, "@everyone", EVERYONE_DEFAULT, position=0)
        admin = _role(self.admin_role_id, "Editors", EVERYONE_DEFAULT | MANAGE_GUILD, position=1)
        return [everyone, admin]

    def member(self, user: User) -> dict[str, Any]:
        """The member object of ``user`` without its user (as in MESSAGE_CREATE)."""
        return {
            "roles": [str(self.admin_role_id)] if user.id in self.admins else [],
            "nick": None,
            "avatar": None,
            "joined_at": "2024-01-01T00:00:00+00:00",
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
        }

    def permissions_of(self, user: User) -> int:
        if user.id == self.owner_id:
            return (1 << 50) - 1
        value = EVERYONE_DEFAULT
        if user.id in self.admins:
            value |= MANAGE_GUILD
        return value

    def create_payload(self, bot: User) -> dict[str, Any]:
        """GUILD_CREATE: the whole guild as the gateway sends it when the bot connects."""
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": str(self.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "roles": self.roles(),
            "emojis": [],
            "features": [],
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": None,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "stickers": [],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "large": False,
            "unavailable": False,
            "member_count": 3,
            "voice_states": [],
            "members": [{**self.member(bot), "user": bot.payload()}],
            "channels": [c.payload(n) for n, c in enumerate(self.channels) if not c.parent_id],
            "threads": [c.payload() for c in self.channels if c.parent_id],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }


def _role(role_id: int, name: str, permissions: int, position: int) -> dict[str, Any]:
    return {
        "id": str(role_id),
        "name": name,
        "color": 0,
        "hoist": False,
        "icon": None,
        "unicode_emoji": None,
        "position": position,
        "permissions": str(permissions),
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }


def message(
    *,
    message_id: int,
    channel_id: int,
    author: User,
    content: str = "",
    embeds: list[dict[str, Any]] | None = None,
    components: list[dict[str, Any]] | None = None,
    guild: Guild | None = None,
    flags: int = 0,
    webhook_id: int | None = None,
    application_id: int | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "author": author.payload(),
        "content": content,
        "timestamp": timestamp(),
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": embeds or [],
        "components": components or [],
        "pinned": False,
        "type": 0,
        "flags": flags,
    }
    if guild is not None:
        data["guild_id"] = str(guild.id)
        data["member"] = guild.member(author)
    if webhook_id is not None:
        data["webhook_id"] = str(webhook_id)
    if application_id is not None:
        data["application_id"] = str(application_id)
    return data


def application(app_id: int, owner: User) -> dict[str, Any]:
    """GET /oauth2/applications/@me."""
    return {
        "id": str(app_id),
        "name": "Briefing bot (fake)",
        "icon": None,
        "description": "",
        "rpc_origins": [],
        "bot_public": False,
        "bot_require_code_grant": False,
        "owner": owner.payload(),
        "summary": "",
        "verify_key": "0" * 64,
        "team": None,
        "flags": 1 << 19,  # GATEWAY_MESSAGE_CONTENT_LIMITED: the intent is granted
        "tags": [],
        "interactions_endpoint_url": None,
        "redirect_uris": [],
        "approximate_guild_count": 1,
    }
