"""One log line per job event, with its fields as fields of their own.

Each job's run logs ``job started`` (``event=job_start``), then one of ``job done``
(``event=job_done``, with ``seconds`` and the job's ``result``), ``job failed, retried
later`` (``event=job_retry``: it raised :class:`RetryableError`) or ``job failed``
(``event=job_failed``: a bug; the error's type only, its text may quote what it read).
A job still running when its worker stops is ``event=job_cancelled``, and one handed back
from a stalled worker ``event=job_stalled``. With the worker's
structured logging (``[logging] format``), a line reads::

    time=... level=info logger=briefing.jobs msg="job done" event=job_done job=fetch
    source=https://news.example/feed.xml seconds=0.412 result="1 sources: 3 fetched, ..."

What names a job is chosen not to hold a secret: a source is shown without its query
(a feed's address may carry a key there) and never has a password (the fetcher refuses
those); chat tokens are redacted by the logging itself.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit, urlunsplit

from summaries.jobs.queue import RetryableError

log = logging.getLogger("briefing.jobs")


def shown_source(url: str) -> str:
    """``url`` as a log line shows it: without user name, password, query or fragment."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", "")) if parts.scheme else url


class JobEvents:
    """The fields of one job run's lines; :meth:`done` adds the result to its last line."""

    def __init__(self, job: str, fields: dict[str, object]) -> None:
        self.fields = {"job": job, **fields}
        self.result: str | None = None

    def done(self, result: str) -> str:
        self.result = result
        return result


@asynccontextmanager
async def job_events(job: str, **fields: object) -> AsyncIterator[JobEvents]:
    """Log the start and the end of one job run (see the module docstring)."""
    events = JobEvents(job, fields)
    log.info("job started", extra={"event": "job_start", **events.fields})
    started = time.perf_counter()

    def took() -> dict[str, object]:
        return {**events.fields, "seconds": round(time.perf_counter() - started, 3)}

    try:
        yield events
    except RetryableError as error:
        log.warning(
            "job failed, retried later", extra={"event": "job_retry", **took(), "error": str(error)}
        )
        raise
    except asyncio.CancelledError:  # the worker stopped before the job ended: run again later
        log.warning("job cancelled", extra={"event": "job_cancelled", **took()})
        raise
    except BaseException as error:
        log.error(
            "job failed", extra={"event": "job_failed", **took(), "error": type(error).__name__}
        )
        raise
    log.info("job done", extra={"event": "job_done", **took(), "result": events.result})
