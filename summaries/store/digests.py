"""The record of digests: written before a digest is posted, marked sent after.

That order is what makes posting exactly-once as far as a chat API allows: a
crash between the two leaves a record without ``sent_at``, which the next start
posts again (with the same stories); a second run for the same channel and
period finds the record and does not compose another. Stories of a sent digest
are in ``posted``, so they never appear in that channel's next digest.

A scheduled digest is recorded earlier still, when a process claims it (``claims.py``):
its row then holds no stories yet (``composed`` = 0), and :func:`record_digest` fills
them in. Whoever holds the row's lease (``lease_until``) posts it; sent or failed, the
lease is let go (a failure keeps it until the retry is due).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import datetime

from summaries.models import DigestRecord
from summaries.store.channels import ensure_channel
from summaries.store.connection import Connection
from summaries.store.errors import StoreError
from summaries.store.times import from_db, require, to_db

COLUMNS = (
    "id, channel_id, period, story_ids, recorded_at, sent_at, error, gave_up_at, composed, "
    "lease_until"
)
CHUNK = 500  # story ids asked about in one statement


def as_record(row: Sequence) -> DigestRecord:
    """A row of ``COLUMNS`` as a DigestRecord."""
    return DigestRecord(
        id=row[0],
        channel_id=row[1],
        period=row[2],
        story_ids=tuple(json.loads(row[3])),
        recorded_at=require(row[4]),
        sent_at=from_db(row[5]),
        error=row[6],
        gave_up_at=from_db(row[7]),
        composed=bool(row[8]),
        lease_until=from_db(row[9]),
    )


def digest_record(conn: Connection, channel_id: str, period: str) -> DigestRecord | None:
    row = conn.execute(
        f"SELECT {COLUMNS} FROM digests WHERE channel_id = ? AND period = ?", (channel_id, period)
    ).fetchone()
    return None if row is None else as_record(row)


def record_digest(
    conn: Connection,
    channel_id: str,
    period: str,
    story_ids: Sequence[int],
    now: datetime,
    lease_until: datetime | None = None,
) -> DigestRecord:
    """Record a digest about to be posted; the existing record when this period has one
    (with these stories when it was claimed and not composed yet). A new record is held
    until ``lease_until`` by the caller (no other process takes it to post meanwhile).

    Only the stories the channel has not been posted and that no other digest of it
    waiting to be sent holds are recorded: two digests of one channel composed at once
    (the schedule's and a ``digest now`` in another process) choose the same stories, and
    the one recorded second, in a write transaction after the first, leaves them to it.
    """
    existing = digest_record(conn, channel_id, period)
    taken = posted_story_ids(conn, channel_id, story_ids) | pending_story_ids(conn, channel_id)
    chosen = json.dumps([int(s) for s in story_ids if int(s) not in taken])
    if existing is not None and not existing.composed:
        conn.execute(
            "UPDATE digests SET story_ids = ?, recorded_at = ?, composed = 1 "
            "WHERE id = ? AND composed = 0",
            (chosen, to_db(now), existing.id),
        )
        existing = digest_record(conn, channel_id, period)
    if existing is not None:
        return existing
    ensure_channel(conn, channel_id)
    conn.execute(
        "INSERT INTO digests (channel_id, period, story_ids, recorded_at, lease_until) "
        "VALUES (?, ?, ?, ?, ?)",
        (
            channel_id,
            period,
            chosen,
            to_db(now),
            None if lease_until is None else to_db(lease_until),
        ),
    )
    found = digest_record(conn, channel_id, period)
    assert found is not None
    return found


def unsent_digests(conn: Connection) -> list[DigestRecord]:
    """Recorded, not sent and not given up: to be posted again, oldest first."""
    rows = conn.execute(
        f"SELECT {COLUMNS} FROM digests WHERE sent_at IS NULL AND gave_up_at IS NULL "
        "ORDER BY recorded_at, id"
    )
    return [as_record(row) for row in rows]


def mark_digest_sent(
    conn: Connection, record_id: int, now: datetime, posted: Sequence[int] | None = None
) -> DigestRecord:
    """The digest was posted: note it, its stories as posted (only those ``posted``, when
    given: a story left out of the post, its source removed since it was recorded, is not
    counted as shown), and the channel's last digest: the next one holds what was read
    since this one was composed, unless a story this one named is still not posted to the
    channel. Then the next one looks as far back as this one did (what this one posted is
    left out of it all the same), so that story is still new to the channel once it can
    be shown (its source followed again)."""
    row = conn.execute(f"SELECT {COLUMNS} FROM digests WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        raise StoreError(f"There is no digest number {record_id}.")
    record = as_record(row)
    if record.sent_at is not None:
        return record
    conn.execute(
        "UPDATE digests SET sent_at = ?, error = NULL, lease_until = NULL WHERE id = ?",
        (to_db(now), record_id),
    )
    conn.executemany(
        "INSERT INTO posted (channel_id, story_id, digest_id, posted_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [
            (record.channel_id, int(story), record_id, to_db(now))
            for story in (record.story_ids if posted is None else posted)
        ],
    )
    shown = posted_story_ids(conn, record.channel_id, record.story_ids)
    if shown.issuperset(record.story_ids):
        conn.execute(
            "UPDATE channels SET last_digest_at = ? WHERE id = ? "
            "AND (last_digest_at IS NULL OR last_digest_at < ?)",
            (to_db(record.recorded_at), record.channel_id, to_db(record.recorded_at)),
        )
    done = conn.execute(f"SELECT {COLUMNS} FROM digests WHERE id = ?", (record_id,)).fetchone()
    return as_record(done)


def mark_stories_posted(
    conn: Connection, record_id: int, story_ids: Sequence[int], now: datetime
) -> None:
    """Some stories of a digest went out before its post failed: they count as posted."""
    row = conn.execute("SELECT channel_id FROM digests WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        raise StoreError(f"There is no digest number {record_id}.")
    conn.executemany(
        "INSERT INTO posted (channel_id, story_id, digest_id, posted_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [(row[0], int(story), record_id, to_db(now)) for story in story_ids],
    )


def mark_digest_failed(
    conn: Connection,
    record_id: int,
    error: str,
    *,
    give_up: bool,
    now: datetime,
    retry_at: datetime | None = None,
) -> None:
    """Note why posting failed; ``give_up`` when retrying cannot help (it is not resent),
    else no process takes it again before ``retry_at`` (None: at once)."""
    conn.execute(
        "UPDATE digests SET error = ?, gave_up_at = ?, lease_until = ? "
        "WHERE id = ? AND sent_at IS NULL",
        (
            error[:500],
            to_db(now) if give_up else None,
            None if give_up or retry_at is None else to_db(retry_at),
            record_id,
        ),
    )


def drop_claim(conn: Connection, record_id: int) -> None:
    """A claimed digest turned out to have nothing to post (``when_empty = "skip"``):
    its row goes, as no digest was made."""
    conn.execute("DELETE FROM digests WHERE id = ? AND composed = 0", (record_id,))


def pending_story_ids(conn: Connection, channel_id: str) -> set[int]:
    """Stories in the channel's digests recorded but neither sent nor given up."""
    rows = conn.execute(
        "SELECT story_ids FROM digests WHERE channel_id = ? AND sent_at IS NULL "
        "AND gave_up_at IS NULL",
        (channel_id,),
    )
    return {int(story) for (ids,) in rows for story in json.loads(ids)}


def posted_story_ids(
    conn: Connection, channel_id: str, among: Collection[int] | None = None
) -> set[int]:
    """The stories posted to the channel; only those ``among``, when given: each is then
    looked up by the table's key, so the cost does not grow with the channel's history."""
    if among is None:
        rows = conn.execute("SELECT story_id FROM posted WHERE channel_id = ?", (channel_id,))
        return {int(story) for (story,) in rows}
    wanted = sorted({int(story) for story in among})
    found: set[int] = set()
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        rows = conn.execute(
            "SELECT story_id FROM posted WHERE channel_id = ? "
            f"AND story_id IN ({', '.join('?' * len(chunk))})",
            [channel_id, *chunk],
        )
        found.update(int(story) for (story,) in rows)
    return found


def first_shown_at(conn: Connection, channel_id: str) -> datetime | None:
    """When the channel's first digest that showed any story was recorded: sent, or given
    up after some of its messages went out (or may have: ``mark_stories_posted``)."""
    row = conn.execute(
        "SELECT min(recorded_at) FROM digests d WHERE channel_id = ? "
        "AND EXISTS (SELECT 1 FROM posted p WHERE p.digest_id = d.id)",
        (channel_id,),
    ).fetchone()
    return from_db(row[0]) if row is not None else None


def left_story_ids(conn: Connection, channel_id: str) -> set[int]:
    """The stories the channel's last digest left: when, of its digests done with (sent or
    given up), the newest was given up after showing some of its stories, those of them
    never posted to the channel. Only the newest: the next digest is the one they were
    left for, and a story it could not post either (a message refused as malformed, say)
    is not put first again and again. (One look-up, ``digests_by_channel`` read from the
    newest row.)"""
    row = conn.execute(
        "SELECT story_ids, gave_up_at FROM digests WHERE channel_id = ? AND composed = 1 "
        "AND (sent_at IS NOT NULL OR gave_up_at IS NOT NULL) "
        "ORDER BY recorded_at DESC, id DESC LIMIT 1",
        (channel_id,),
    ).fetchone()
    if row is None or row[1] is None:
        return set()
    named = {int(story) for story in json.loads(row[0])}
    shown = posted_story_ids(conn, channel_id, named)
    return named - shown if shown else set()


def is_out(conn: Connection, *story_ids: int) -> bool:
    """Whether any of these stories has gone out in a digest, in any channel: posted, or
    in a digest recorded to be posted (neither sent nor given up yet). Such a story is what
    readers were shown, or will be: no article leaves it or joins it by an update (see
    ``articles.upsert``)."""
    wanted = {int(story) for story in story_ids}
    if not wanted:
        return False
    marks = ", ".join("?" * len(wanted))
    row = conn.execute(
        f"SELECT EXISTS (SELECT 1 FROM posted WHERE story_id IN ({marks}))", list(wanted)
    ).fetchone()
    if row[0]:
        return True
    rows = conn.execute(
        "SELECT story_ids FROM digests WHERE sent_at IS NULL AND gave_up_at IS NULL"
    )
    return any(wanted.intersection(json.loads(ids)) for (ids,) in rows)
