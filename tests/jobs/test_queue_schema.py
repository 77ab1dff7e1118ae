"""The job queue's tables after a Procrastinate upgrade: a worker finding them older refuses
and names the command; the command applies Procrastinate's migrations; newer ones are
refused too. The old tables are real: the 03.04.00 migration undone on today's schema."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Iterator
from contextlib import AsyncExitStack
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from summaries.cli import main
from summaries.jobs import queue_app
from summaries.jobs.schema import QueueSchemaError, ensure_schema, installed_version
from summaries.jobs.worker import open_queue
from summaries.store import open_store
from tests.jobs.support import Worker, database, jobs, until, write_config
from tests.jobs.test_purge import _queue_fetches

# Procrastinate 3.4's migration (03.04.00_01 and _50) undone: a database made before it
UNDO_03_04 = """
DROP FUNCTION procrastinate_retry_job_v2(
    bigint, timestamp with time zone, integer, character varying, character varying);
ALTER TYPE procrastinate_job_event_type RENAME TO procrastinate_job_event_type_3_4;
CREATE TYPE procrastinate_job_event_type AS ENUM ('deferred', 'started',
    'deferred_for_retry', 'failed', 'succeeded', 'cancelled', 'abort_requested', 'aborted',
    'scheduled');
ALTER TABLE procrastinate_events ALTER COLUMN type TYPE procrastinate_job_event_type
    USING type::text::procrastinate_job_event_type;
DROP TYPE procrastinate_job_event_type_3_4;
COMMENT ON TABLE procrastinate_jobs IS 'procrastinate schema 03.03.00';
"""


def _tables(url: str, comment: str | None = None, undo: str = "") -> None:
    """The store's tables and the queue's of today, then ``undo`` / the ``comment``."""
    with open_store(url):
        pass

    async def make() -> None:
        app = queue_app(url)
        async with app.open_async():
            await ensure_schema(app)

    asyncio.run(make())
    with psycopg.connect(url, autocommit=True) as conn:
        if undo:
            conn.execute(undo)
        if comment is not None:
            conn.execute(f"COMMENT ON TABLE procrastinate_jobs IS {comment}")


def _state(url: str) -> tuple[str | None, bool, bool]:
    """(the tables' recorded version, whether retry_job_v2 exists, whether 'retried' does)."""
    with psycopg.connect(url) as conn:
        comment = conn.execute(
            "SELECT obj_description('procrastinate_jobs'::regclass, 'pg_class')"
        ).fetchone()[0]
        function = conn.execute(
            "SELECT count(*) FROM pg_proc WHERE proname = 'procrastinate_retry_job_v2'"
        ).fetchone()[0]
        label = conn.execute(
            "SELECT count(*) FROM pg_enum WHERE enumlabel = 'retried'"
        ).fetchone()[0]
    return comment, bool(function), bool(label)


def test_new_tables_record_the_installed_version():
    with database() as url:
        _tables(url)
        assert installed_version() >= "03.04.00"
        assert _state(url) == (f"procrastinate schema {installed_version()}", True, True)


def test_older_tables_stop_the_worker_and_the_command_it_names_upgrades_them(tmp_path, capsys):
    with database() as url:
        _tables(url, undo=UNDO_03_04)
        assert _state(url) == ("procrastinate schema 03.03.00", False, False)
        config = str(write_config(tmp_path, url))

        assert main(["worker", "--config", config]) == 1
        said = capsys.readouterr().err
        assert "schema 03.03.00" in said and f"needs {installed_version()}" in said
        assert "`briefing worker --upgrade-queue`" in said
        assert "Traceback" not in said and "unavailable" not in said
        assert _state(url) == ("procrastinate schema 03.03.00", False, False)  # untouched

        assert main(["worker", "--config", config, "--upgrade-queue"]) == 0
        out = capsys.readouterr()
        assert "03.04.00_01_pre_add_retry_failed_job_procedure.sql" in out.out
        assert "03.04.00_50_post_add_retry_failed_job_procedure.sql" in out.out
        assert _state(url) == (f"procrastinate schema {installed_version()}", True, True)

        assert main(["worker", "--config", config, "--upgrade-queue"]) == 0  # nothing left
        assert "up to date" in capsys.readouterr().out

        async def run() -> None:  # and a worker runs jobs on them
            await _queue_fetches(url, [901])
            worker = await Worker.start(tmp_path, "--queues", "fetch")
            try:
                await until(lambda: jobs(url)[0]["status"] == "succeeded", what="the job")
            finally:
                assert (await worker.stop())[0] == 0, worker.log()

        asyncio.run(asyncio.wait_for(run(), 60))


def test_newer_tables_are_refused(tmp_path, capsys):
    with database() as url:
        _tables(url, comment="'procrastinate schema 99.00.00'")
        config = str(write_config(tmp_path, url))
        assert main(["worker", "--config", config]) == 1
        said = capsys.readouterr().err
        assert "schema 99.00.00, newer than the installed" in said
        assert main(["worker", "--config", config, "--upgrade-queue"]) == 1
        assert "newer than the installed" in capsys.readouterr().err


def test_tables_made_before_the_record_are_taken_as_the_installed_version():
    with database() as url:
        _tables(url, comment="NULL")
        assert _state(url)[0] is None
        _tables(url)  # a process starts
        assert _state(url)[0] == f"procrastinate schema {installed_version()}"


# --- a role that is not the owner of the queue's tables ---------------------------------------


@contextlib.contextmanager
def _not_owner(url: str) -> Iterator[str]:
    """A login role that may read and write every table of ``url``'s database (and nothing
    more: it owns none, and may not create any): ``url`` as that role."""
    name = f"briefing_guest_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {name} LOGIN")
        admin.execute(
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {name}; "
            f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {name}"
        )
    parts = urlsplit(url)
    try:
        yield urlunsplit(parts._replace(netloc=f"{name}@{parts.netloc.rsplit('@', 1)[-1]}"))
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP OWNED BY {name}")
            admin.execute(f"DROP ROLE {name}")


def _open_queue(url: str) -> None:
    async def run() -> None:
        async with AsyncExitStack() as stack:
            await open_queue(queue_app(url), stack)

    asyncio.run(run())


def test_tables_made_before_the_record_start_with_a_warning_for_a_role_not_their_owner(
    tmp_path, capsys, caplog
):
    """The record needs the owner: a role that is not starts without it, saying so, and
    the upgrade command run as that role names the owner; run as the owner, it records."""
    with database() as url:
        _tables(url, comment="NULL")
        with _not_owner(url) as guest:
            with caplog.at_level(logging.WARNING, logger="briefing.jobs"):
                _open_queue(guest)
            assert "not the owner of procrastinate_jobs" in caplog.text
            assert "--upgrade-queue" in caplog.text
            assert _state(url)[0] is None

            config = str(write_config(tmp_path, guest))
            assert main(["worker", "--config", config, "--upgrade-queue"]) == 1
            said = capsys.readouterr().err
            assert "the owner of the table procrastinate_jobs" in said
            assert "Traceback" not in said and "unavailable" not in said
            assert _state(url)[0] is None
        as_owner = str(write_config(tmp_path, url))
        assert main(["worker", "--config", as_owner, "--upgrade-queue"]) == 0
        assert _state(url)[0] == f"procrastinate schema {installed_version()}"


def test_older_tables_tell_a_role_not_their_owner_who_may_upgrade_them(tmp_path, capsys):
    with database() as url:
        _tables(url, undo=UNDO_03_04)
        with _not_owner(url) as guest:
            config = str(write_config(tmp_path, guest))
            assert main(["worker", "--config", config, "--upgrade-queue"]) == 1
            said = capsys.readouterr().err
            assert "the owner of the table procrastinate_jobs" in said
            assert "`briefing worker --upgrade-queue`" in said
            assert "Traceback" not in said and "unavailable" not in said
            assert _state(url) == ("procrastinate schema 03.03.00", False, False)


def test_a_role_that_may_not_make_the_tables_is_told_so_not_that_the_database_is_down():
    with database() as url:
        with open_store(url):
            pass  # the store's tables, none of the queue's
        with _not_owner(url) as guest:
            with pytest.raises(QueueSchemaError, match="CREATE on the database's schema"):
                _open_queue(guest)
