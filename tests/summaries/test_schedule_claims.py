"""The schedule as data: due times in a zone, claims of due digests, leases, the migration."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.triggers.cron import CronTrigger

from summaries.digest_times import latest_due, next_due, period_of
from summaries.store import MIGRATIONS, Store, open_store
from summaries.store.migrate import migrate
from summaries.store.schema import Migration

GRACE = timedelta(hours=12)
LEASE = timedelta(minutes=2)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def claim(store: Store, now: datetime, platforms=("discord", "console"), **options):
    return store.claim_due_digests(
        now, grace=options.pop("grace", GRACE), lease=LEASE, platforms=platforms, **options
    )


# --- due times ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "zone", ["Europe/Berlin", "America/New_York", "Pacific/Auckland", "Australia/Lord_Howe"]
)
@pytest.mark.parametrize("time", ["00:00", "02:30", "08:00", "23:59"])
def test_due_times_are_the_cron_triggers_first_run_of_each_local_day(zone, time):
    """A year of daily times agrees with APScheduler's CronTrigger, the old trigger, DST
    changes included; where the cron trigger ran twice (a repeated hour) we run once, and
    every day has its digest (the cron trigger skips 00:00 on the day after Berlin's spring
    change, 30 March 2026)."""
    hour, minute = (int(part) for part in time.split(":"))
    trigger = CronTrigger(hour=hour, minute=minute, timezone=zone)
    start = utc(2026, 1, 1)
    cron: dict[str, datetime] = {}
    moment = trigger.get_next_fire_time(None, start)
    while moment < utc(2027, 1, 1):
        cron.setdefault(period_of(moment, zone), moment.astimezone(UTC))
        # two hours on: past a repeated hour, where the trigger's own stepping never ends
        moment = trigger.get_next_fire_time(None, moment + timedelta(hours=2))
    ours: dict[str, datetime] = {}
    moment = next_due(time, zone, start)
    while moment < utc(2027, 1, 1):
        assert period_of(moment, zone) not in ours  # once a day
        ours[period_of(moment, zone)] = moment
        assert latest_due(time, zone, moment) == moment
        assert latest_due(time, zone, moment + timedelta(hours=5)) == moment
        moment = next_due(time, zone, moment)
    assert len(ours) == 365
    assert {day: ours[day] for day in cron} == cron


def test_a_skipped_and_a_repeated_time_fall_on_their_own_day():
    berlin = "Europe/Berlin"
    assert next_due("02:30", berlin, utc(2026, 3, 28, 12)) == utc(2026, 3, 29, 1, 30)  # 03:30 CEST
    assert next_due("02:30", berlin, utc(2026, 10, 24, 12)) == utc(2026, 10, 25, 0, 30)
    assert next_due("02:30", berlin, utc(2026, 10, 25, 0, 30)) == utc(2026, 10, 26, 1, 30)
    assert period_of(utc(2026, 3, 29, 1, 30), berlin) == "2026-03-29"
    assert period_of(utc(2026, 3, 1, 22, 0), berlin) == "2026-03-01"  # 23:00 CET
    assert next_due("08:00", "Pacific/Auckland", utc(2026, 3, 28, 18)) == utc(2026, 3, 28, 19)


# --- the next run follows the settings ------------------------------------------------------


def test_setting_pausing_and_clearing_a_schedule_sets_the_next_run(location):
    with open_store(location) as store:
        now = utc(2026, 3, 2, 7, 30)  # 08:30 in Berlin
        channel = store.set_schedule("discord:1", "08:00", "Europe/Berlin", now=now)
        assert channel.next_run_at == utc(2026, 3, 3, 7, 0)  # today's has passed: not caught up
        assert store.set_paused("discord:1", True, now=now).next_run_at is None
        resumed = store.set_paused("discord:1", False, now=utc(2026, 3, 4, 6, 0))
        assert resumed.next_run_at == utc(2026, 3, 4, 7, 0)
        assert store.set_schedule("discord:1", None, "UTC", now=now).next_run_at is None
        store.execute("UPDATE channels SET digest_time = '08:00', timezone = 'Mars/Olympus'")
        assert store.set_paused("discord:1", False, now=now).next_run_at is None  # unusable


# --- claims ---------------------------------------------------------------------------------


def test_a_lease_is_renewed_only_by_its_holder_before_it_runs_out(location):
    """The process posting a digest moves its lease on; once the lease ran out, or another
    process took the digest over, or it was sent, a renewal changes nothing."""
    with open_store(location) as store:
        store.set_schedule("discord:1", "08:00", "Europe/Berlin", now=utc(2026, 3, 2, 6))
        [record] = claim(store, utc(2026, 3, 2, 7, 0)).records
        held = utc(2026, 3, 2, 7, 2)

        def renew(held_until, until, now):
            return store.renew_digest_lease(
                record.id, held_until=held_until, lease_until=until, now=now
            )

        assert renew(held, utc(2026, 3, 2, 7, 3), utc(2026, 3, 2, 7, 1))
        assert store.digest_lease(record.id) == utc(2026, 3, 2, 7, 3)
        assert not renew(held, utc(2026, 3, 2, 7, 4), utc(2026, 3, 2, 7, 1))  # not its lease
        assert not renew(utc(2026, 3, 2, 7, 3), utc(2026, 3, 2, 7, 5), utc(2026, 3, 2, 7, 3))
        [taken] = store.claim_unsent_digests(
            utc(2026, 3, 2, 7, 3), lease=LEASE, platforms=["discord"]
        )
        assert taken.id == record.id  # ran out: another process took it over
        assert store.digest_lease(record.id) == utc(2026, 3, 2, 7, 5)
        store.mark_digest_sent(record.id, utc(2026, 3, 2, 7, 4))
        assert not renew(utc(2026, 3, 2, 7, 5), utc(2026, 3, 2, 7, 6), utc(2026, 3, 2, 7, 4))
        assert store.digest_lease(record.id) is None  # a sent digest is held by no one


def test_a_due_channel_is_claimed_once_and_moves_to_its_next_day(location):
    with open_store(location) as store:
        store.set_schedule("discord:1", "08:00", "Europe/Berlin", now=utc(2026, 3, 2, 6))
        assert claim(store, utc(2026, 3, 2, 6, 59)).records == []
        claims = claim(store, utc(2026, 3, 2, 7, 0))
        [record] = claims.records
        assert (record.channel_id, record.period, record.composed) == (
            "discord:1",
            "2026-03-02",
            False,
        )
        assert store.digest_lease(record.id) == utc(2026, 3, 2, 7, 2)
        assert store.get_channel("discord:1").next_run_at == utc(2026, 3, 3, 7, 0)
        assert claim(store, utc(2026, 3, 2, 7, 0)).records == []  # a second tick: nothing
        # the stories are chosen later and fill the same record
        filled = store.record_digest("discord:1", "2026-03-02", [5, 6], utc(2026, 3, 2, 7, 0, 1))
        assert (filled.id, filled.story_ids, filled.composed) == (record.id, (5, 6), True)


def test_catch_up_is_one_digest_within_the_grace_period_and_none_beyond(location):
    with open_store(location) as store:
        store.set_schedule("discord:1", "08:00", "Europe/Berlin", now=utc(2026, 3, 2, 6))
        store.set_schedule("discord:2", "08:00", "Europe/Berlin", now=utc(2026, 3, 2, 6))
        # down from before 08:00 on 2 March until 18:00 (10 h late: within 12 h)
        late = claim(store, utc(2026, 3, 2, 17, 0), platforms=("discord",)).records
        assert [record.period for record in late] == ["2026-03-02", "2026-03-02"]
        store.execute("UPDATE channels SET next_run_at = ?", ("2026-03-02T07:00:00.000000+00:00",))
        # down for three days: only the latest due time counts, and it is 12.5 h old
        claims = claim(store, utc(2026, 3, 5, 19, 30))
        assert claims.records == []
        assert sorted(claims.missed) == [
            ("discord:1", utc(2026, 3, 5, 7, 0)),
            ("discord:2", utc(2026, 3, 5, 7, 0)),
        ]
        assert store.get_channel("discord:2").next_run_at == utc(2026, 3, 6, 7, 0)
        # down for three days, back 2 h after the latest: one digest, that day's
        store.execute("UPDATE channels SET next_run_at = ?", ("2026-03-02T07:00:00.000000+00:00",))
        periods = {r.period for r in claim(store, utc(2026, 3, 5, 9, 0)).records}
        assert periods == {"2026-03-05"}


def test_claims_take_only_platforms_that_can_post_and_paused_channels_never(location):
    with open_store(location) as store:
        now = utc(2026, 3, 2, 6)
        store.set_schedule("slack:C1", "08:00", "UTC", now=now)
        store.set_schedule("discord:1", "08:00", "UTC", now=now)
        store.set_schedule("discord:2", "08:00", "UTC", now=now)
        store.set_paused("discord:2", True, now=now)
        claims = claim(store, utc(2026, 3, 2, 8, 0), platforms=("discord",))
        assert [r.channel_id for r in claims.records] == ["discord:1"]
        assert store.get_channel("slack:C1").next_run_at == utc(2026, 3, 2, 8, 0)  # left due
        assert claim(store, utc(2026, 3, 2, 8, 0), platforms=()).records == []


def test_a_claim_takes_at_most_its_limit_and_says_more_are_due(location):
    with open_store(location) as store:
        for number in range(5):
            store.set_schedule(f"discord:{number}", "08:00", "UTC", now=utc(2026, 3, 2))
        first = claim(store, utc(2026, 3, 2, 8), limit=3)
        second = claim(store, utc(2026, 3, 2, 8), limit=3)
        assert (len(first.records), first.more, len(second.records), second.more) == (
            3,
            True,
            2,
            False,
        )


def test_unsent_digests_are_taken_by_one_process_until_the_lease_runs_out(location):
    with open_store(location) as store:
        store.set_schedule("discord:1", "08:00", "UTC", now=utc(2026, 3, 2))
        [record] = claim(store, utc(2026, 3, 2, 8)).records
        take = store.claim_unsent_digests
        assert take(utc(2026, 3, 2, 8, 1), lease=LEASE, platforms=("discord",)) == []  # held
        [again] = take(utc(2026, 3, 2, 8, 2), lease=LEASE, platforms=("discord",))  # ran out
        assert again.id == record.id
        assert take(utc(2026, 3, 2, 8, 3), lease=LEASE, platforms=("discord",)) == []
        store.mark_digest_failed(
            record.id,
            "down",
            give_up=False,
            now=utc(2026, 3, 2, 8, 3),
            retry_at=utc(2026, 3, 2, 8, 8),
        )
        assert take(utc(2026, 3, 2, 8, 7), lease=LEASE, platforms=("discord",)) == []
        assert len(take(utc(2026, 3, 2, 8, 8), lease=LEASE, platforms=("discord",))) == 1
        store.mark_digest_sent(record.id, utc(2026, 3, 2, 8, 9))
        assert take(utc(2026, 3, 3), lease=LEASE, platforms=("discord",)) == []


def test_a_recorded_digest_is_held_by_the_process_that_recorded_it(location):
    with open_store(location) as store:
        record = store.record_digest("discord:1", "now:x", [1], utc(2026, 3, 2, 8), hold=LEASE)
        take = store.claim_unsent_digests
        assert take(utc(2026, 3, 2, 8, 1), lease=LEASE, platforms=("discord",)) == []
        assert [r.id for r in take(utc(2026, 3, 2, 8, 2), lease=LEASE, platforms=("discord",))] == [
            record.id
        ]


def test_many_stores_on_one_file_claiming_at_once_claim_each_channel_once(location):
    """Four stores (as four processes would have) race for 200 due channels."""
    with open_store(location) as store:
        for number in range(200):
            store.set_schedule(f"discord:{number}", "08:00", "UTC", now=utc(2026, 3, 2))
    stores = [open_store(location) for _ in range(4)]
    claimed: list[list[str]] = [[] for _ in stores]
    start = threading.Barrier(len(stores))

    def work(index: int) -> None:
        start.wait()
        while True:
            claims = claim(stores[index], utc(2026, 3, 2, 8, 0, 5), limit=7)
            claimed[index] += [r.channel_id for r in claims.records]
            if not claims.records and not claims.more:
                return

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(stores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = [channel for taken in claimed for channel in taken]
    assert sorted(everything) == sorted(f"discord:{n}" for n in range(200))
    assert sorted(r.channel_id for r in stores[0].unsent_digests()) == sorted(everything)
    for store in stores:
        store.close()


# --- the migration ---------------------------------------------------------------------------


def test_the_migration_takes_each_channels_next_run_from_the_old_job_store(tmp_path: Path):
    before = next(n for n, step in enumerate(MIGRATIONS) if isinstance(step, Migration))
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert migrate(conn, MIGRATIONS[:before]) == (0, before)
        conn.executescript(
            "INSERT INTO channels (id, platform, digest_time, timezone) VALUES "
            "('discord:1', 'discord', '08:00', 'Europe/Berlin'),"
            "('discord:2', 'discord', '09:00', 'UTC'),"
            "('discord:3', 'discord', NULL, 'UTC');"
            "INSERT INTO channels (id, platform, digest_time, timezone, paused) VALUES "
            "('discord:4', 'discord', '09:00', 'UTC', 1);"
            "CREATE TABLE apscheduler_jobs (id VARCHAR(191) PRIMARY KEY, next_run_time FLOAT, "
            "job_state BLOB NOT NULL);"
        )
        missed = utc(2026, 3, 2, 7, 0).timestamp()  # the job's run, missed while down
        conn.execute(
            "INSERT INTO apscheduler_jobs VALUES ('digest:discord:1', ?, x'00')", (missed,)
        )
        conn.execute("INSERT INTO apscheduler_jobs VALUES ('digest:discord:4', NULL, x'00')")
    finally:
        conn.close()
    with open_store(path) as store:
        runs = {c.id: c.next_run_at for c in store.list_channels()}
        tables = {name for (name,) in store.execute("SELECT name FROM sqlite_master")}
    assert runs["discord:1"] == utc(2026, 3, 2, 7, 0)  # kept: its catch-up still happens
    assert runs["discord:2"] is not None and runs["discord:2"].time().hour == 9  # computed
    assert runs["discord:3"] is None and runs["discord:4"] is None  # no schedule; paused
    assert "apscheduler_jobs" not in tables


def test_the_period_is_the_local_date_of_the_due_time():
    assert period_of(utc(2026, 3, 28, 19, 0), "Pacific/Auckland") == "2026-03-29"
    assert date.fromisoformat(period_of(utc(2026, 3, 2, 0, 30), "Europe/Berlin")).day == 2
