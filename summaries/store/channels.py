"""Channels: each chat channel's topics, digest time and zone, and pause switch.

A channel row appears the first time anything is set for it (by command or by
config.toml). ``configured`` keeps the last config.toml entry applied to it, so a
restart re-applies an entry only when it changed (in meaning: "8.00" is "08:00"): the
latest change wins, whether it was made in the file or by a chat command.

``next_run_at`` is when the channel's digest is next due: set here whenever its time,
zone or pause switch changes (from "now": a new time is not caught up for today if it
has passed), and moved on by the claim of a due digest (``claims.py``). An unchanged
config.toml entry leaves it alone, so a restart keeps a catch-up due.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection, Sequence
from datetime import UTC, datetime

from summaries.digest_times import next_due
from summaries.models import Channel, platform_of
from summaries.plaintext import plain_line, strip_unsafe
from summaries.store.connection import SQLITE, Connection
from summaries.store.errors import StoreError
from summaries.store.times import from_db, to_db_or_none
from summaries.timeofday import canonical_time, canonical_zone

log = logging.getLogger("briefing.store")

COLUMNS = (
    "id, platform, name, topics, digest_time, timezone, paused, last_digest_at, tenant_id, "
    "configured IS NOT NULL, next_run_at"
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
        next_run_at=from_db(row[10]),
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
    (the server or workspace it is in, as the platform says) is recorded when given and the
    channel has none yet: a channel shared between workspaces stays the one's that set it
    up first."""
    if not channel_id.strip():
        raise StoreError("A channel needs an id.")
    conn.execute(
        "INSERT INTO channels (id, platform, name, timezone, tenant_id) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name = coalesce(excluded.name, channels.name), "
        "tenant_id = coalesce(channels.tenant_id, excluded.tenant_id)",
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


def next_run(
    channel_id: str, time: str | None, timezone: str, paused: bool, now: datetime
) -> datetime | None:
    """When a channel with these settings is next due after ``now``; None when it has no
    schedule, is paused, or its stored time or zone is unusable (logged)."""
    if time is None or paused:
        return None
    try:
        return next_due(time, timezone, now)
    except (ValueError, KeyError) as error:  # a zone this machine does not know, say
        log.warning(
            "channel %s has an unusable schedule (%s %s: %s): no digest until "
            "`schedule set` gives it a valid one",
            channel_id,
            time,
            timezone,
            error,
        )
        return None


def plan(conn: Connection, channel_id: str, now: datetime) -> Channel:
    """Set the channel's next run from its current settings; returns the channel."""
    channel = require_channel(conn, channel_id)
    due = next_run(channel.id, channel.time, channel.timezone, channel.paused, now)
    conn.execute(
        "UPDATE channels SET next_run_at = ? WHERE id = ?", (to_db_or_none(due), channel_id)
    )
    return require_channel(conn, channel_id)


def set_schedule(
    conn: Connection, channel_id: str, time: str | None, timezone: str, now: datetime
) -> Channel:
    """Set (or with ``time=None`` clear) the daily digest time; the caller checked both values."""
    ensure_channel(conn, channel_id)
    conn.execute(
        "UPDATE channels SET digest_time = ?, timezone = ? WHERE id = ?",
        (time, timezone, channel_id),
    )
    return plan(conn, channel_id, now)


def set_paused(conn: Connection, channel_id: str, paused: bool, now: datetime) -> Channel:
    """Pause (no next run) or resume (due next after ``now``: a paused day is not caught up)."""
    ensure_channel(conn, channel_id)
    conn.execute("UPDATE channels SET paused = ? WHERE id = ?", (int(paused), channel_id))
    return plan(conn, channel_id, now)


def seed_channel(
    conn: Connection,
    channel_id: str,
    *,
    time: str,
    timezone: str,
    topics: Sequence[str],
    paused: bool,
    now: datetime,
) -> Channel:
    """Apply a config.toml entry when the channel is new or the entry changed since last time.

    Entries are compared by what they mean: a time and a zone in their canonical spelling
    (HH:MM, the IANA name), on both sides. Versions before the file's loose spellings were
    canonicalised on load recorded them as written ("europe/berlin"); such an entry is the
    same entry, and applying it again would undo a ``schedule set`` made since.
    """
    entry = _entry(time, timezone, topics, paused)
    recorded = json.dumps(entry, ensure_ascii=False, sort_keys=True)
    row = conn.execute("SELECT configured FROM channels WHERE id = ?", (channel_id,)).fetchone()
    applied = _applied(row[0]) if row is not None else None
    if applied is not None and _same_entry(applied, entry):
        if row[0] != recorded:
            conn.execute("UPDATE channels SET configured = ? WHERE id = ?", (recorded, channel_id))
        _respell(conn, channel_id, now)
        return require_channel(conn, channel_id)
    ensure_channel(conn, channel_id, timezone=entry["timezone"])
    conn.execute(
        "UPDATE channels SET digest_time = ?, timezone = ?, topics = ?, paused = ?, "
        "configured = ? WHERE id = ?",
        (
            entry["time"],
            entry["timezone"],
            json.dumps(entry["topics"], ensure_ascii=False),
            int(paused),
            recorded,
            channel_id,
        ),
    )
    return plan(conn, channel_id, now)


def _entry(time: str, timezone: str, topics: Sequence[str], paused: bool) -> dict:
    """A config.toml entry as ``configured`` records it, time and zone canonically spelt."""
    return {
        "time": canonical_time(time),
        "timezone": canonical_zone(timezone),
        "topics": list(topics),
        "paused": paused,
    }


def _applied(recorded: str | None) -> dict | None:
    """The entry ``configured`` holds; None when there is none (or it cannot be read)."""
    if recorded is None:
        return None
    try:
        applied = json.loads(recorded)
    except ValueError:
        return None
    return applied if isinstance(applied, dict) else None


def _same_entry(applied: dict, entry: dict) -> bool:
    """Whether the entry last applied, as any version recorded it, is ``entry``."""
    time, zone = applied.get("time"), applied.get("timezone")
    if not isinstance(time, str) or not isinstance(zone, str):
        return False
    return {**applied, "time": canonical_time(time), "timezone": canonical_zone(zone)} == entry


def _respell(conn: Connection, channel_id: str, now: datetime) -> None:
    """The channel's own time and zone in their canonical spelling, whichever set them:
    the same time and zone, so a ``schedule set`` made since is kept, but a zone an older
    version stored as config.toml spelt it ("europe/berlin", kept too by a ``schedule set
    09:00`` that named no zone) so gives the channel its next run again. (Each start: a
    version that recorded the entry canonically left such a zone as it was.)"""
    channel = require_channel(conn, channel_id)
    time, zone = canonical_time(channel.time or ""), canonical_zone(channel.timezone)
    if (time or None, zone) == (channel.time, channel.timezone):
        return
    conn.execute(
        "UPDATE channels SET digest_time = ?, timezone = ? WHERE id = ?",
        (time or None, zone, channel_id),
    )
    if channel.next_run_at is None:
        plan(conn, channel_id, now)


def forget_config_channels(conn: Connection, keep: Collection[str]) -> list[Channel]:
    """Channels config.toml set up but no longer lists: their schedule is cleared.

    Their topics and history stay; only the digest time that came from the file goes
    (a command can set a new one). Returns the channels changed.
    """
    rows = conn.execute("SELECT id FROM channels WHERE configured IS NOT NULL").fetchall()
    gone = [channel_id for (channel_id,) in rows if channel_id not in keep]
    for channel_id in gone:
        conn.execute(
            "UPDATE channels SET digest_time = NULL, configured = NULL, next_run_at = NULL "
            "WHERE id = ?",
            (channel_id,),
        )
    return [require_channel(conn, channel_id) for channel_id in gone]


def fill_next_runs(conn: Connection, now: datetime | None = None) -> None:
    """The migration that made the schedule data: every scheduled channel's next run.
    Where the old APScheduler job store holds the channel's job, its next run time is kept
    (a digest missed while the bot was down, even across the upgrade, is caught up once);
    that table is then dropped."""
    moment = now or datetime.now(UTC)
    kept: dict[str, datetime | None] = {}
    has_jobs = getattr(conn, "engine", SQLITE) == SQLITE and conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'apscheduler_jobs'"
    ).fetchone()  # the old job store only ever lived in the SQLite file
    if has_jobs:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(apscheduler_jobs)")}
        if {"id", "next_run_time"} <= columns:
            for ident, when in conn.execute("SELECT id, next_run_time FROM apscheduler_jobs"):
                if isinstance(ident, str) and ident.startswith("digest:"):
                    moment_of = None if when is None else datetime.fromtimestamp(float(when), UTC)
                    kept[ident.removeprefix("digest:")] = moment_of
        conn.execute("DROP TABLE apscheduler_jobs")
    rows = conn.execute(
        "SELECT id, digest_time, timezone, paused FROM channels WHERE digest_time IS NOT NULL"
    ).fetchall()
    for channel_id, time, zone, paused in rows:
        due = next_run(channel_id, time, zone, bool(paused), moment)
        if due is not None and kept.get(channel_id) is not None:
            due = kept[channel_id]
        conn.execute(
            "UPDATE channels SET next_run_at = ? WHERE id = ?", (to_db_or_none(due), channel_id)
        )
