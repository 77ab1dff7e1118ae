"""The posting budget every process shares: one token bucket per row of ``posting_budget``.

:func:`take` refills a bucket by the time gone since ``refreshed_at`` (``rate`` tokens a
second, at most ``burst`` kept) and takes up to ``want`` whole tokens, in ONE statement:
concurrent takes wait for the row's lock and then read the row as the first one left it,
so they follow one another without the store's write lock (a take must not wait for an
ingest's write). The statement returns what it took (``taken``, kept in the row only to
be returned) and what is left.

Times are seconds since the epoch on the database's own clock, so processes on machines
whose clocks differ still share one; a test may pass its own ``now``. A clock that goes
back refills nothing (``refreshed_at`` never moves back).
"""

from __future__ import annotations

from dataclasses import dataclass

from summaries.store.connection import Connection, dialect


@dataclass(frozen=True)
class Taken:
    """What one take got from a bucket."""

    tokens: int  # taken now (0 to ``want``)
    left: float  # what the bucket holds after the take

    def wait(self, want: int, rate: float, burst: float) -> float:
        """Seconds until the bucket holds ``want`` tokens (at most ``burst``) again."""
        return max(0.0, (min(float(want), burst) - self.left) / rate)


_TAKE = """
UPDATE posting_budget SET taken = {taken}, tokens = {available} - {taken},
    refreshed_at = {greatest}(refreshed_at, t.now)
FROM (SELECT ? AS rate, ? AS burst, ? AS want, COALESCE(?, {clock}) AS now) AS t
WHERE name = ? RETURNING taken, tokens
"""


def _take_sql(conn: Connection) -> str:
    engine = dialect(conn)
    available = (
        f"{engine.LEAST}(t.burst, tokens + {engine.GREATEST}(0.0, t.now - refreshed_at) * t.rate)"
    )
    # a hair over, so that rounding (0.05 s x 40 = 1.9999...) does not hold back a token
    taken = f"{engine.LEAST}(t.want, {engine.WHOLE.format(available + ' + 1e-9')})"
    return _TAKE.format(
        taken=taken, available=available, greatest=engine.GREATEST, clock=engine.CLOCK
    )


def take(
    conn: Connection, name: str, want: int, rate: float, burst: float, now: float | None
) -> Taken:
    """Refill the bucket ``name`` and take up to ``want`` tokens (see the module docstring);
    a bucket not there yet is made, full."""
    if rate <= 0 or burst < 1 or want < 0:
        raise ValueError("a posting budget needs a positive rate and a burst of at least 1")
    sql = _take_sql(conn)
    params = (float(rate), float(burst), int(want), now, name)
    row = conn.execute(sql, params).fetchone()
    if row is None:  # its first take: an empty bucket refilled since the epoch is full
        conn.execute(
            "INSERT INTO posting_budget (name, tokens, taken, refreshed_at) "
            "VALUES (?, 0, 0, 0) ON CONFLICT (name) DO NOTHING",
            (name,),
        )
        row = conn.execute(sql, params).fetchone()
    return Taken(tokens=int(row[0]), left=float(row[1]))
