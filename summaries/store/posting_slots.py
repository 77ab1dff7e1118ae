"""The posting budget every process shares: ``size`` slots per budget in ``posting_slots``.

A post takes a free slot before it is sent and gives it back when its answer came (or it
failed); the slot is free again ``window`` seconds after that (1 s for a budget of whole
posts a second). A post reaches the platform between taking its slot and getting its
answer, so two posts of one slot reach it at least ``window`` apart, and no window of one
second ever holds more than ``size`` posts at the platform's end, however many processes
post and however late a busy machine sends a post after taking its slot. (A token bucket
bounds the moments tokens are taken, not the moments posts arrive: measured with four
workers on a loaded machine, 41 posts arrived within one second under a bucket that gave
at most 36.5 tokens in any second.)

A taken slot is free again after ``hold`` seconds even if it is never given back (its
process died mid-post). :func:`take` takes the free slot that has been free longest, in
one transaction whose row lock (``FOR UPDATE SKIP LOCKED`` on PostgreSQL) lets concurrent
takes pass one another; a budget's slots are made on its first take. Times are seconds
since the epoch on the database's clock, so machines whose clocks differ share one; a
test may pass its own ``now``.
"""

from __future__ import annotations

from dataclasses import dataclass

from summaries.store.connection import POSTGRESQL, Connection, dialect


@dataclass(frozen=True)
class Slot:
    """What one take got: a slot's number, or None and how long until one is free."""

    number: int | None
    wait: float = 0.0  # seconds until the first slot is free, when none was (0 if unknown)


_TAKE = """
WITH t AS (SELECT COALESCE(?, {clock}) AS now)
UPDATE posting_slots SET free_at = (SELECT now FROM t) + ?
WHERE name = ? AND slot = (
    SELECT slot FROM posting_slots
    WHERE name = ? AND slot < ? AND free_at <= (SELECT now FROM t)
    ORDER BY free_at, slot LIMIT 1{skip_locked}
)
RETURNING slot
"""
_EARLIEST = (
    "SELECT COUNT(*), MIN(free_at), COALESCE(?, {clock}) FROM posting_slots "
    "WHERE name = ? AND slot < ?"
)
_MAKE = "INSERT INTO posting_slots (name, slot, free_at) VALUES (?, ?, 0) ON CONFLICT DO NOTHING"
_GIVE_BACK = (
    "UPDATE posting_slots SET free_at = COALESCE(?, {clock}) + ? WHERE name = ? AND slot = ?"
)


def take(conn: Connection, name: str, size: int, hold: float, now: float | None) -> Slot:
    """Take a free slot of the budget ``name`` (slots ``0..size-1``), held for at most
    ``hold`` seconds; or None and the wait until one is free."""
    if size < 1 or hold <= 0:
        raise ValueError("a posting budget needs at least one slot and a positive hold")
    engine = dialect(conn)
    skip = " FOR UPDATE SKIP LOCKED" if conn.engine == POSTGRESQL else ""  # SQLite: one writer
    sql = _TAKE.format(clock=engine.CLOCK, skip_locked=skip)
    params = (now, float(hold), name, name, int(size))
    row = conn.execute(sql, params).fetchone()
    if row is not None:
        return Slot(int(row[0]))
    earliest_sql = _EARLIEST.format(clock=engine.CLOCK)
    made, earliest, at = conn.execute(earliest_sql, (now, name, size)).fetchone()
    if made < size:  # the budget's first take, or a larger size than before
        conn.executemany(_MAKE, [(name, number) for number in range(size)])
        row = conn.execute(sql, params).fetchone()
        if row is not None:
            return Slot(int(row[0]))
    return Slot(None, max(0.0, float(earliest) - float(at)) if earliest is not None else 0.0)


def give_back(
    conn: Connection, name: str, number: int, window: float, now: float | None
) -> None:
    """The post of slot ``number`` got its answer: the slot is free ``window`` seconds on."""
    engine = dialect(conn)
    conn.execute(_GIVE_BACK.format(clock=engine.CLOCK), (now, float(window), name, number))
