"""``schedule show|set|pause|resume`` through the real runtime: store and scheduler change."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import time_machine

from bot.posting import maybe_posted_reason
from bot.replies import Caller, ErrorKind
from bot.runtime import BotRuntime
from bot.slack.commands import TERMS as SLACK
from summaries.config import IngestSettings, Settings, StoreSettings

CHANNEL = "slack:C1"
USER = Caller(platform="slack", channel=CHANNEL, user="slack:U1", tenant="slack:T1", terms=SLACK)
ADMIN = Caller(platform="slack", channel=CHANNEL, user="slack:U2", is_admin=True, tenant="slack:T1")
SATURDAY = datetime(2026, 3, 28, 12, 0, tzinfo=UTC)  # Berlin changes to summer time overnight


def settings_for(tmp_path):
    return Settings(
        store=StoreSettings(path=str(tmp_path / "bot.db")), ingest=IngestSettings(workers=1)
    )


def session(tmp_path, lines):
    """Run command lines (caller, text) through a started runtime; the replies and the
    channel as stored, and the scheduler's next run, after each line."""

    async def main():
        runtime = await BotRuntime.open(settings_for(tmp_path))
        await runtime.start()
        try:
            seen = []
            for caller, text in lines:
                reply = await runtime.commands.run(caller, text)
                channel = await asyncio.to_thread(runtime.store.get_channel, CHANNEL)
                seen.append((reply, channel, runtime.schedule.next_run(CHANNEL)))
            return seen
        finally:
            await runtime.close()

    with time_machine.travel(SATURDAY, tick=False):
        return asyncio.run(main())


def test_set_stores_the_schedule_and_show_gives_the_next_run_in_the_channels_zone(tmp_path):
    (before, _, _), (changed, channel, upcoming), (shown, _, _) = session(
        tmp_path,
        [
            (USER, "schedule"),
            (ADMIN, "schedule set 8:00 europe/berlin"),
            (USER, "schedule show"),
        ],
    )
    assert before.ok and "no daily digest" in before.text
    assert changed.ok, changed
    assert (channel.time, channel.timezone, channel.paused) == ("08:00", "Europe/Berlin", False)
    assert upcoming == datetime(2026, 3, 29, 6, 0, tzinfo=UTC)  # 08:00 CEST, after the change
    for reply in (changed, shown):
        assert "08:00 (Europe/Berlin)" in reply.text
        assert "Sunday 29 March at 08:00 CEST" in reply.text


def test_pause_and_resume_reach_the_scheduler(tmp_path):
    seen = session(
        tmp_path,
        [
            (ADMIN, "schedule set 17:30 America/New_York"),
            (ADMIN, "schedule pause"),
            (USER, "schedule show"),
            (ADMIN, "schedule pause"),
            (ADMIN, "schedule resume"),
        ],
    )
    (_, _, first), (paused, channel, during), (shown, _, _), (again, _, _), (resumed, _, after) = (
        seen
    )
    assert first == datetime(2026, 3, 28, 21, 30, tzinfo=UTC)
    assert paused.ok and channel.paused and during is None
    assert "paused" in shown.text and "schedule resume" in shown.text
    assert again.ok and "already paused" in again.text
    assert resumed.ok and after == first
    assert "Saturday 28 March at 17:30 EDT" in resumed.text


def test_set_without_a_zone_keeps_the_channels_zone(tmp_path):
    seen = session(
        tmp_path, [(ADMIN, "schedule set 07:00 Asia/Tokyo"), (ADMIN, "schedule set 06:15")]
    )
    assert (seen[1][1].time, seen[1][1].timezone) == ("06:15", "Asia/Tokyo")


def test_bad_times_and_zones_are_explained_and_change_nothing(tmp_path):
    seen = session(
        tmp_path,
        [
            (ADMIN, "schedule set 25:00 UTC"),
            (ADMIN, "schedule set 08:00 Europe/Berln"),
            (ADMIN, "schedule set"),
            (ADMIN, "schedule set 08:00 UTC extra"),
            (ADMIN, "schedule resume"),
            (ADMIN, "schedule sometimes"),
        ],
    )
    texts = [reply.text for reply, _, _ in seen]
    assert [reply.error for reply, _, _ in seen] == [ErrorKind.USAGE] * 4 + [
        ErrorKind.NOT_FOUND,
        ErrorKind.USAGE,
    ]
    assert "not a time of day" in texts[0]
    assert "Did you mean Europe/Berlin" in texts[1]
    assert all(channel is None for _, channel, _ in seen)


def test_only_admins_change_the_schedule(tmp_path):
    seen = session(
        tmp_path,
        [(USER, "schedule set 08:00 UTC"), (USER, "schedule pause"), (USER, "schedule resume")],
    )
    for reply, channel, upcoming in seen:
        assert reply.error is ErrorKind.FORBIDDEN
        assert "workspace admins" in reply.text
        assert channel is None and upcoming is None


def test_show_after_a_digest_given_up_as_maybe_posted_says_how_many_stories_are_left(tmp_path):
    """A digest of five stories, given up after a message of two that may have shown: the
    other three are left for the next digest, and show says so; given up after its last
    message, it left nothing, and show says nothing of it."""
    reason = maybe_posted_reason("Slack answered HTTP 503")

    async def main():
        runtime = await BotRuntime.open(settings_for(tmp_path))
        try:
            assert (await runtime.commands.run(ADMIN, "schedule set 08:00 UTC")).ok
            shown = []
            for period, sent in (("2026-03-28", [1, 2]), ("2026-03-29", [6, 7])):
                ids = [1, 2, 3, 4, 5] if sent == [1, 2] else [6, 7]
                record = runtime.store.record_digest(CHANNEL, period, ids, SATURDAY)
                runtime.store.mark_stories_posted(record.id, sent, SATURDAY)
                runtime.store.mark_digest_failed(record.id, reason, give_up=True, now=SATURDAY)
                shown.append((await runtime.commands.run(USER, "schedule show")).text)
            return shown
        finally:
            await runtime.close()

    with time_machine.travel(SATURDAY, tick=False):
        some_left, none_left = asyncio.run(main())
    tail = " it is not sent again, so that nothing shows twice."
    assert some_left.endswith(
        tail + " Its other 3 stories were not sent: they are left for the next digest."
    )
    assert none_left.endswith(tail)


def test_a_time_the_clocks_skip_tomorrow_is_said_to_be_skipped(tmp_path):
    """02:30 Berlin does not happen on 29 March 2026: the digest comes at 03:30 CEST, and
    the answer says why rather than show another time than the one set."""
    (changed, _, _), (shown, _, _) = session(
        tmp_path, [(ADMIN, "schedule set 02:30 Europe/Berlin"), (USER, "schedule show")]
    )
    for reply in (changed, shown):
        assert reply.text.endswith(
            "the next one is due Sunday 29 March at 03:30 CEST, since the clocks skip 02:30 "
            "that day."
        ), reply.text
