"""Finished jobs purged: Procrastinate's builtin ``remove_old_jobs``, run every hour.

Every job leaves a row in ``procrastinate_jobs`` and a few in ``procrastinate_events``;
at a fetch per source every half hour and a digest per channel a day, thousands of
servers fill them by millions a week. Every worker registers the periodic task
(Procrastinate defers each tick once, however many workers there are: its
``procrastinate_periodic_defers`` row is unique per task and tick), in the first queue
the worker serves, so a worker of that queue runs it. It deletes the jobs that ended
(succeeded, failed, cancelled or aborted) more than ``[queue] keep_hours`` ago.
"""

from __future__ import annotations

import procrastinate
from procrastinate import builtin_tasks

from summaries.jobs.events import job_events

TASK = "purge_finished_jobs"
CRON = "7 * * * *"  # every hour, at 7 past (not at the full hour, when digests are due)


def register_purge(app: procrastinate.App, queue: str, keep_hours: int) -> None:
    """Add the hourly purge to ``app``, its jobs queued in ``queue``."""

    @app.periodic(cron=CRON, periodic_id="purge")
    @app.task(name=TASK, queue=queue, queueing_lock=TASK, pass_context=True)
    async def purge_finished_jobs(context: procrastinate.JobContext, timestamp: int) -> str:
        async with job_events("purge", job_id=context.job.id, keep_hours=keep_hours) as events:
            await builtin_tasks.remove_old_jobs(
                context,
                max_hours=keep_hours,
                remove_failed=True,
                remove_cancelled=True,
                remove_aborted=True,
            )
            return events.done(f"jobs that ended over {keep_hours} h ago deleted")
