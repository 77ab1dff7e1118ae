"""Ingest: sources in, summarized and grouped articles in the store."""

from summaries.ingest.briefer import Backfill
from summaries.ingest.pool import SummaryPool, SummaryTimeoutError
from summaries.ingest.prepare import Prepared, content_hash, prepare
from summaries.ingest.run import Ingest, IngestReport

__all__ = [
    "Backfill",
    "Ingest",
    "IngestReport",
    "Prepared",
    "SummaryPool",
    "SummaryTimeoutError",
    "content_hash",
    "prepare",
]
