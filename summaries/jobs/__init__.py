"""Jobs on a queue (PostgreSQL stores only): fetching sources and posting digests."""

from summaries.jobs.fetching import FetchWork, defer_due_fetches, fetch_lock
from summaries.jobs.queue import (
    DELIVER,
    FETCH,
    QUEUES,
    RetryableError,
    defer_once,
    ensure_schema,
    parse_queues,
    queue_app,
    queue_url,
    requeue_stalled,
)

__all__ = [
    "DELIVER",
    "FETCH",
    "QUEUES",
    "FetchWork",
    "RetryableError",
    "defer_due_fetches",
    "defer_once",
    "ensure_schema",
    "fetch_lock",
    "parse_queues",
    "queue_app",
    "queue_url",
    "requeue_stalled",
]
