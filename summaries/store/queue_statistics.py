"""The job queue's table (Procrastinate's, in the store's PostgreSQL database) kept cheap
to take jobs from.

Procrastinate picks the next job with one query that, for a job with a lock, looks for
another job holding the same lock. When thousands of jobs arrive at once (every digest due
at 08:00, every source at an ingest tick) the table's planner statistics still describe
the table before the burst, and PostgreSQL plans that query for a handful of rows: it
then checks every waiting job on each pick (measured: 138 ms a pick with 1,200 waiting,
0.2 ms once the statistics are fresh). Autovacuum refreshes them only after its next
nap (a minute by default), so the workers refresh them themselves, often: ANALYZE of a
table this size reads a sample and takes milliseconds.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

REFRESH = "ANALYZE procrastinate_jobs"


async def refresh_queue_statistics(execute: Callable[[str], Awaitable[object]]) -> None:
    """Refresh the planner statistics of the queue's table; ``execute`` runs one statement
    (``app.connector.execute_query_async``)."""
    await execute(REFRESH)
