"""Jobs on a queue (PostgreSQL stores only): fetching sources and posting digests."""

from summaries.jobs.fetching import FetchWork, defer_due_fetches, fetch_lock
from summaries.jobs.queue import (
    DELIVER,
    FETCH,
    QUEUES,
    RetryableError,
    defer_once,
    parse_queues,
    queue_app,
    queue_url,
    requeue_stalled,
)
from summaries.jobs.schema import QueueSchemaError, ensure_schema, upgrade

__all__ = [
    "DELIVER",
    "FETCH",
    "QUEUES",
    "FetchWork",
    "QueueSchemaError",
    "RetryableError",
    "defer_due_fetches",
    "defer_once",
    "ensure_schema",
    "fetch_lock",
    "parse_queues",
    "queue_app",
    "queue_url",
    "requeue_stalled",
    "upgrade",
]
