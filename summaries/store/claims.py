"""Claiming due digests, so any number of processes post each one exactly once.

Every process's clock ticks each minute and calls :func:`claim_due`. In ONE write
transaction it takes the channels whose ``next_run_at`` has come, moves each one's
``next_run_at`` to its next due time and records the digest of the period that came due
(a row with no stories yet, ``composed`` = 0) under the unique (channel, period) key, with
a lease for the claiming process. Another process's tick waits for that transaction
(SQLite's ``BEGIN IMMEDIATE``, PostgreSQL's write lock); either way the move of
``next_run_at`` is conditional on the value it read, so a channel is claimed once per due
time, and the (channel, period) key makes a second record of the same period impossible
whatever happens.

A digest whose process died before posting it stays recorded and unsent; once its lease
has run out, :func:`claim_unsent` hands it to whichever process asks next (the post
carries a nonce derived from channel and period, so a post that did reach the platform
is not made twice).

Catch-up: the due time claimed is the latest one at or before ``now`` (several days
missed are one digest), posted when it is at most ``grace`` old and skipped (reported in
``Claims.missed``) otherwise.

Both engines run these statements as they are: on PostgreSQL every write transaction of
the store first takes its write lock (an advisory lock, see ``postgres_store.py``), so
claims are serialised there as SQLite's ``BEGIN IMMEDIATE`` serialises them, and the
conditional moves and the unique key hold the same way.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from summaries.digest_times import latest_due, next_due, period_of
from summaries.models import DigestRecord
from summaries.store.connection import Connection
from summaries.store.digests import COLUMNS, as_record
from summaries.store.times import from_db, require, to_db


@dataclass(frozen=True)
class Claims:
    """What one claim took: digests to post now, and due times skipped as too old."""

    records: list[DigestRecord] = field(default_factory=list)
    missed: list[tuple[str, datetime]] = field(default_factory=list)  # (channel, due time)
    more: bool = False  # the limit was reached: more may be due


_SAME_LEASE = timedelta(seconds=1)  # a lease as read back may lose a fraction of a second


def _marks(values: Collection[str]) -> str:
    return ", ".join("?" for _ in values)


def claim_due(
    conn: Connection,
    now: datetime,
    *,
    grace: timedelta,
    lease_until: datetime,
    platforms: Collection[str],
    limit: int,
) -> Claims:
    """Claim up to ``limit`` due channels of ``platforms`` (see the module docstring)."""
    if not platforms:
        return Claims()
    rows = conn.execute(
        "SELECT id, digest_time, timezone, next_run_at FROM channels "
        "WHERE next_run_at IS NOT NULL AND next_run_at <= ? AND paused = 0 "
        f"AND digest_time IS NOT NULL AND platform IN ({_marks(platforms)}) "
        "ORDER BY next_run_at, id LIMIT ?",
        (to_db(now), *platforms, limit),
    ).fetchall()
    claims = Claims(more=len(rows) >= limit)
    for channel_id, time, zone, stored_due in rows:
        try:
            due = latest_due(time, zone, now)
            following: datetime | None = next_due(time, zone, now)
        except (ValueError, KeyError):  # unusable: no more runs until it is set again
            due, following = require(stored_due), None
        moved = conn.execute(
            "UPDATE channels SET next_run_at = ? WHERE id = ? AND next_run_at = ? RETURNING id",
            (None if following is None else to_db(following), channel_id, stored_due),
        ).fetchone()
        if moved is None or following is None:
            continue  # someone else moved it first, or there is nothing to run
        due = max(due, require(stored_due))
        if now - due > grace:
            claims.missed.append((channel_id, due))
            continue
        row = conn.execute(
            "INSERT INTO digests (channel_id, period, story_ids, recorded_at, composed, "
            "lease_until) VALUES (?, ?, '[]', ?, 0, ?) "
            f"ON CONFLICT (channel_id, period) DO NOTHING RETURNING {COLUMNS}",
            (channel_id, period_of(due, zone), to_db(now), to_db(lease_until)),
        ).fetchone()
        if row is not None:  # None: this period has its digest already
            claims.records.append(as_record(row))
    return claims


def claim_unsent(
    conn: Connection,
    now: datetime,
    *,
    lease_until: datetime,
    platforms: Collection[str],
    limit: int,
) -> list[DigestRecord]:
    """Take up to ``limit`` recorded, unsent digests of ``platforms`` that no process holds
    (never leased, let go after a failure whose retry is due, or whose process died),
    oldest first."""
    if not platforms:
        return []
    rows = conn.execute(
        f"UPDATE digests SET lease_until = ? WHERE id IN ("
        "SELECT d.id FROM digests d JOIN channels c ON c.id = d.channel_id "
        "WHERE d.sent_at IS NULL AND d.gave_up_at IS NULL "
        "AND (d.lease_until IS NULL OR d.lease_until <= ?) "
        f"AND c.platform IN ({_marks(platforms)}) ORDER BY d.recorded_at, d.id LIMIT ?"
        f") RETURNING {COLUMNS}",
        (to_db(lease_until), to_db(now), *platforms, limit),
    ).fetchall()
    records = [as_record(row) for row in rows]
    return sorted(records, key=lambda record: (record.recorded_at, record.id))


def renew_lease(
    conn: Connection, record_id: int, *, held_until: datetime, lease_until: datetime, now: datetime
) -> bool:
    """Move the lease of a digest still being posted from ``held_until`` (the one its
    process holds, to the second) to ``lease_until``; False, and nothing changed, when that
    lease has run out (another process may have taken the digest over since) or the digest
    is no longer waiting."""
    if held_until <= now:
        return False
    row = conn.execute(
        "UPDATE digests SET lease_until = ? WHERE id = ? AND sent_at IS NULL "
        "AND gave_up_at IS NULL AND lease_until >= ? AND lease_until <= ? RETURNING id",
        (
            to_db(lease_until),
            record_id,
            to_db(held_until - _SAME_LEASE),
            to_db(held_until + _SAME_LEASE),
        ),
    ).fetchone()
    return row is not None


def lease_of(conn: Connection, record_id: int) -> datetime | None:
    """Until when a recorded digest is held by the process that claimed it."""
    row = conn.execute("SELECT lease_until FROM digests WHERE id = ?", (record_id,)).fetchone()
    return None if row is None else from_db(row[0])
