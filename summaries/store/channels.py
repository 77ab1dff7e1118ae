"""Channels: each chat channel's topics, digest time and zone, and pause switch.

A channel row appears the first time anything is set for it (by command or by
config.toml). ``configured`` keeps the last config.toml entry applied to it, so a
restart re-applies the file only when the file changed: the latest change wins,
whether it was made in the file or by a chat command.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence

from summaries.models import Channel, platform_of
from summaries.plaintext import plain_line, strip_unsafe
from summaries.store.connection import Connection
from summaries.store.errors import StoreError
from summaries.store.times import from_db

COLUMNS = (
    "id, platform, name, topics, digest_time, timezone, paused, last_digest_at, tenant_id, "
    "configured IS NOT NULL"
)
MAX_TOPICS = 25


def _channel(row: Sequence) -> Channel:
    return Channel(
        id=row[0],
        platform=row[1],
        name=row[2],
        topics=tuple(json.loads(row[3])),
        time=row[4],
        timezone=row[5],
        paused=bool(row[6]),
        last_digest_at=from_db(row[7]),
        tenant=row[8],
        configured=bool(row[9]),
    )


def get_channel(conn: Connection, channel_id: str) -> Channel | None:
    row = conn.execute(f"SELECT {COLUMNS} FROM channels WHERE id = ?", (channel_id,)).fetchone()
    return None if row is None else _channel(row)


def require_channel(conn: Connection, channel_id: str) -> Channel:
    found = get_channel(conn, channel_id)
    if found is None:
        raise StoreError(f"Channel {channel_id} has no settings yet.")
    return found


def ensure_channel(
    conn: Connection,
    channel_id: str,
    name: str | None = None,
    timezone: str = "UTC",
    tenant: str | None = None,
) -> Channel:
    """The channel's row, created with no schedule and no topics when missing; ``tenant``
    (the server or workspace it is in, as the platform says) is recorded when given."""
    if not channel_id.strip():
        raise StoreError("A channel needs an id.")
    conn.execute(
        "INSERT INTO channels (id, platform, name, timezone, tenant_id) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name = coalesce(excluded.name, channels.name), "
        "tenant_id = coalesce(excluded.tenant_id, channels.tenant_id)",
        (channel_id, platform_of(channel_id), plain_line(name) or None, timezone, tenant),
    )
    return require_channel(conn, channel_id)


def list_channels(conn: Connection) -> list[Channel]:
    return [_channel(row) for row in conn.execute(f"SELECT {COLUMNS} FROM channels ORDER BY id")]


def add_topic(conn: Connection, channel_id: str, topic: str) -> bool:
    """Add a topic (compared case-insensitively); False when the channel already has it."""
    topic = strip_unsafe(topic)
    channel = ensure_channel(conn, channel_id)
    if any(t.casefold() == topic.casefold() for t in channel.topics):
        return False
    if len(channel.topics) >= MAX_TOPICS:
        raise StoreError(f"A channel can have at most {MAX_TOPICS} topics; remove one first.")
    _save_topics(conn, channel_id, (*channel.topics, topic))
    return True


def remove_topic(conn: Connection, channel_id: str, topic: str) -> bool:
    """Remove a topic (compared case-insensitively); False when the channel did not have it."""
    channel = get_channel(conn, channel_id)
    if channel is None:
        return False
    kept = tuple(t for t in channel.topics if t.casefold() != topic.casefold())
    if len(kept) == len(channel.topics):
        return False
    _save_topics(conn, channel_id, kept)
    return True


def _save_topics(conn: Connection, channel_id: str, topics: Sequence[str]) -> None:
    conn.execute(
        "UPDATE channels SET topics = ? WHERE id = ?",
        (json.dumps(list(topics), ensure_ascii=False), channel_id),
    )


def set_schedule(
    conn: Connection, channel_id: str, time: str | None, timezone: str
) -> Channel:
    """Set (or with ``time=None`` clear) the daily digest time; the caller checked both values."""
    ensure_channel(conn, channel_id)
    conn.execute(
        "UPDATE channels SET digest_time = ?, timezone = ? WHERE id = ?",
        (time, timezone, channel_id),
    )
    return require_channel(conn, channel_id)


def set_paused(conn: Connection, channel_id: str, paused: bool) -> Channel:
    ensure_channel(conn, channel_id)
    conn.execute("UPDATE channels SET paused = ? WHERE id = ?", (int(paused), channel_id))
    return require_channel(conn, channel_id)


def seed_channel(
    conn: Connection,
    channel_id: str,
    *,
    time: str,
    timezone: str,
    topics: Sequence[str],
    paused: bool,
) -> Channel:
    """Apply a config.toml entry when the channel is new or the entry changed since last time."""
    entry = json.dumps(
        {"time": time, "timezone": timezone, "topics": list(topics), "paused": paused},
        ensure_ascii=False,
        sort_keys=True,
    )
    row = conn.execute("SELECT configured FROM channels WHERE id = ?", (channel_id,)).fetchone()
    if row is not None and row[0] == entry:
        return require_channel(conn, channel_id)
    ensure_channel(conn, channel_id, timezone=timezone)
    conn.execute(
        "UPDATE channels SET digest_time = ?, timezone = ?, topics = ?, paused = ?, "
        "configured = ? WHERE id = ?",
        (
            time,
            timezone,
            json.dumps(list(topics), ensure_ascii=False),
            int(paused),
            entry,
            channel_id,
        ),
    )
    return require_channel(conn, channel_id)


def forget_config_channels(conn: Connection, keep: Collection[str]) -> list[Channel]:
    """Channels config.toml set up but no longer lists: their schedule is cleared.

    Their topics and history stay; only the digest time that came from the file goes
    (a command can set a new one). Returns the channels changed.
    """
    rows = conn.execute("SELECT id FROM channels WHERE configured IS NOT NULL").fetchall()
    gone = [channel_id for (channel_id,) in rows if channel_id not in keep]
    for channel_id in gone:
        conn.execute(
            "UPDATE channels SET digest_time = NULL, configured = NULL WHERE id = ?", (channel_id,)
        )
    return [require_channel(conn, channel_id) for channel_id in gone]
