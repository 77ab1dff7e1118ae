"""The delivery part of ``Store``: channels, digest records, the schedule's claims, the
posting budget every process shares, and the Discord command-sync record.

A mixin, as ``TenantMethods`` is, so that ``Store`` stays one object for its callers while
its file stays small; each method is one transaction through ``Store``'s own ``_read`` /
``_write``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, datetime, timedelta

from summaries.config import ChannelSettings, ScheduleSettings
from summaries.models import (
    EVERYTHING,
    Channel,
    DigestRecord,
    Scope,
    Story,
    StorySentence,
)
from summaries.store import (
    articles,
    channels,
    claims,
    digests,
    posting_slots,
    search,
    story_briefings,
    tenants,
)
from summaries.store.claims import Claims
from summaries.store.connection import Connection
from summaries.store.posting_slots import Slot
from summaries.store.tenants import LimitReachedError
from summaries.store.times import to_db
from summaries.store.transactions import Transactions


class DeliveryMethods(Transactions):
    # --- channels ----------------------------------------------------------------------------

    def get_channel(self, channel_id: str) -> Channel | None:
        return self._read(lambda c: channels.get_channel(c, channel_id))

    def ensure_channel(
        self, channel_id: str, *, name: str | None = None, tenant: str | None = None
    ) -> Channel:
        """The channel's settings, created (no schedule, no topics) when missing; ``tenant``
        (the server or workspace the platform says it is in) is recorded when given."""
        return self._write(lambda c: channels.ensure_channel(c, channel_id, name, tenant=tenant))

    def list_channels(self) -> list[Channel]:
        return self._read(channels.list_channels)

    def add_topic(self, channel_id: str, topic: str) -> bool:
        """False when the channel already had it (case-insensitively)."""
        return self._write(lambda c: channels.add_topic(c, channel_id, topic))

    def remove_topic(self, channel_id: str, topic: str) -> bool:
        """False when the channel did not have it."""
        return self._write(lambda c: channels.remove_topic(c, channel_id, topic))

    def set_schedule(
        self,
        channel_id: str,
        time: str | None,
        timezone: str,
        *,
        max_digest_channels: int | None = None,
        now: datetime | None = None,
    ) -> Channel:
        """Daily digest at ``time`` ("HH:MM", checked by the caller) in ``timezone``; None = off.
        The next one is due at the first such time after ``now``.

        With ``max_digest_channels``, LimitReachedError when the channel's tenant already
        has that many other channels with a digest.
        """
        moment = now or datetime.now(UTC)

        def work(c: Connection) -> Channel:
            channel = channels.ensure_channel(c, channel_id)
            if time is not None and max_digest_channels is not None and channel.tenant:
                others = tenants.count_digest_channels(c, channel.tenant, channel_id)
                if others >= max_digest_channels:
                    raise LimitReachedError(
                        f"{others} channels here already get a daily digest, the most the "
                        "bot allows; turn one off first (schedule off there)."
                    )
            return channels.set_schedule(c, channel_id, time, timezone, moment)

        return self._write(work)

    def set_paused(self, channel_id: str, paused: bool, *, now: datetime | None = None) -> Channel:
        """Pause (no next run) or resume (next due after ``now``; a paused day is skipped)."""
        moment = now or datetime.now(UTC)
        return self._write(lambda c: channels.set_paused(c, channel_id, paused, moment))

    def seed_channel(
        self, entry: ChannelSettings, defaults: ScheduleSettings, *, now: datetime | None = None
    ) -> Channel:
        """Apply a config.toml ``[[channels]]`` entry if it is new or changed since last applied."""
        moment = now or datetime.now(UTC)
        return self._write(
            lambda c: channels.seed_channel(
                c,
                entry.id,
                time=entry.time or defaults.time,
                timezone=entry.timezone or defaults.timezone,
                topics=entry.topics,
                paused=entry.paused,
                now=moment,
            )
        )

    def forget_config_channels(self, keep: Collection[str]) -> list[Channel]:
        """Clear the schedule of channels config.toml set up but no longer lists (``keep``)."""
        return self._write(lambda c: channels.forget_config_channels(c, keep))

    # --- digests -----------------------------------------------------------------------------

    def record_digest(
        self,
        channel_id: str,
        period: str,
        story_ids: Sequence[int],
        now: datetime,
        *,
        hold: timedelta | None = None,
    ) -> DigestRecord:
        """Record a digest before posting it; the existing record if the period has one.
        ``hold``: a new record is the caller's to post for that long (see ``claims.py``)."""
        until = None if hold is None else now + hold
        return self._write(
            lambda c: digests.record_digest(c, channel_id, period, story_ids, now, until)
        )

    def digest_record(self, channel_id: str, period: str) -> DigestRecord | None:
        return self._read(lambda c: digests.digest_record(c, channel_id, period))

    def unsent_digests(self) -> list[DigestRecord]:
        """Recorded but neither sent nor given up, oldest first."""
        return self._read(digests.unsent_digests)

    def mark_digest_sent(
        self, record_id: int, now: datetime, *, posted: Sequence[int] | None = None
    ) -> DigestRecord:
        """Sent: its stories (those ``posted``, when given) count as posted to the channel,
        and it is the channel's last digest."""
        return self._write(lambda c: digests.mark_digest_sent(c, record_id, now, posted))

    def mark_stories_posted(self, record_id: int, story_ids: Sequence[int], now: datetime) -> None:
        """Part of a digest went out before its post failed: those stories count as posted."""
        self._write(lambda c: digests.mark_stories_posted(c, record_id, story_ids, now))

    def mark_digest_failed(
        self,
        record_id: int,
        error: str,
        *,
        give_up: bool,
        now: datetime,
        retry_at: datetime | None = None,
    ) -> None:
        """Note a failed post; with ``give_up`` it is never posted, else not before
        ``retry_at`` (None: whenever a process asks for unsent digests)."""
        self._write(
            lambda c: digests.mark_digest_failed(
                c, record_id, error, give_up=give_up, now=now, retry_at=retry_at
            )
        )

    def drop_digest_claim(self, record_id: int) -> None:
        """A claimed digest with nothing to post (``when_empty = "skip"``) is not recorded."""
        self._write(lambda c: digests.drop_claim(c, record_id))

    # --- the schedule ------------------------------------------------------------------------

    def claim_due_digests(
        self,
        now: datetime,
        *,
        grace: timedelta,
        lease: timedelta,
        platforms: Collection[str],
        limit: int = 100,
    ) -> Claims:
        """Claim the channels of ``platforms`` whose digest is due and record each digest
        (no stories yet), held by the caller for ``lease``; see ``claims.py``."""
        return self._write(
            lambda c: claims.claim_due(
                c,
                now,
                grace=grace,
                lease_until=now + lease,
                platforms=tuple(platforms),
                limit=limit,
            )
        )

    def claim_unsent_digests(
        self,
        now: datetime,
        *,
        lease: timedelta,
        platforms: Collection[str],
        limit: int = 100,
    ) -> list[DigestRecord]:
        """Take recorded, unsent digests of ``platforms`` that no process holds, for ``lease``."""
        return self._write(
            lambda c: claims.claim_unsent(
                c, now, lease_until=now + lease, platforms=tuple(platforms), limit=limit
            )
        )

    def digest_lease(self, record_id: int) -> datetime | None:
        """Until when the process that claimed a recorded digest holds it."""
        return self._read(lambda c: claims.lease_of(c, record_id))

    def renew_digest_lease(
        self, record_id: int, *, held_until: datetime, lease_until: datetime, now: datetime
    ) -> bool:
        """Hold a digest being posted until ``lease_until``, if the lease held until
        ``held_until`` is still its own (see ``claims.renew_lease``)."""
        return self._write(
            lambda c: claims.renew_lease(
                c, record_id, held_until=held_until, lease_until=lease_until, now=now
            )
        )

    def pending_story_ids(self, channel_id: str) -> set[int]:
        """Stories waiting in the channel's recorded, unsent (not given up) digests."""
        return self._read(lambda c: digests.pending_story_ids(c, channel_id))

    def posted_story_ids(self, channel_id: str, among: Collection[int] | None = None) -> set[int]:
        """The stories posted to the channel (only those ``among``, when given)."""
        return self._read(lambda c: digests.posted_story_ids(c, channel_id, among))

    def first_shown_digest_at(self, channel_id: str) -> datetime | None:
        """When the channel's first digest that showed any story was recorded."""
        return self._read(lambda c: digests.first_shown_at(c, channel_id))

    def left_story_ids(self, channel_id: str) -> set[int]:
        """The stories the channel's last digest, shown only in part, did not send."""
        return self._read(lambda c: digests.left_story_ids(c, channel_id))

    def get_stories(
        self, story_ids: Sequence[int], *, scope: Scope = EVERYTHING, texts: bool = True
    ) -> dict[int, Story]:
        """The stories with these ids that still exist, each with its articles that
        ``scope`` sees (a story it sees none of is left out); without ``texts``, the
        articles' texts are empty (read for their briefings, a story needs none)."""
        visible = tenants.visible_source_ids
        return self._read(
            lambda c: articles.stories(c, list(story_ids), visible(c, scope), texts=texts)
        )

    def save_story_briefing(
        self,
        story_id: int,
        sentences: tuple[StorySentence, ...],
        *,
        now: datetime,
        made_of: Collection[int] | None = None,
    ) -> bool:
        """Keep ``sentences`` as story ``story_id``'s briefing (see
        :mod:`summaries.story_briefing`; none: the story has none across its outlets). With
        ``made_of`` (the ids of the articles it was made from), only if those are still the
        story's articles. Whether it was kept. Stories read back carry it."""
        made = story_briefings.MadeBriefing(story_id, sentences, made_of)
        return self.save_story_briefings([made], now=now)[0]

    def save_story_briefings(
        self, made: Sequence[story_briefings.MadeBriefing], *, now: datetime
    ) -> list[bool]:
        """``save_story_briefing`` for each of ``made``, in one transaction (ingest briefs
        the stories a batch changed together); whether each was kept."""
        return self._write(lambda c: story_briefings.save_all(c, made, now))

    def unbriefed_stories(self, since: datetime, *, limit: int) -> list[int]:
        """The newest ``limit`` stories of several articles with one fetched since
        ``since`` that have no story briefing yet."""
        return self._read(lambda c: story_briefings.unbriefed(c, since, limit))

    def topic_matches(
        self, topics: Sequence[str], article_ids: Collection[int]
    ) -> dict[str, dict[int, float]]:
        """For each topic, the relevance of those of ``article_ids`` that match it."""
        ids = set(article_ids)
        return self._read(
            lambda c: {topic: search.relevance_among(c, topic, ids) for topic in topics}
        )

    # --- the posting budget every process shares ----------------------------------------------

    def take_posting_slot(
        self, name: str, *, size: int, hold: float, now: float | None = None
    ) -> Slot:
        """Take a free slot of the shared posting budget ``name`` (see ``posting_slots.py``),
        or learn how long until one is free; ``now``: seconds since the epoch, the
        database's clock when None."""
        return self._write_row(lambda c: posting_slots.take(c, name, size, hold, now))

    def give_back_posting_slot(
        self, name: str, number: int, *, window: float, now: float | None = None
    ) -> None:
        """The post of slot ``number`` is over: the slot is free ``window`` seconds on."""
        self._write_row(lambda c: posting_slots.give_back(c, name, number, window, now))

    # --- the Discord command-sync record ------------------------------------------------------

    def command_sync_hash(self, application_id: str) -> str | None:
        """The hash of the slash commands last registered for this application, if any."""
        sql = "SELECT payload_hash FROM discord_command_sync WHERE application_id = ?"
        return self._read(lambda c: _first(c.execute(sql, (application_id,)).fetchone()))

    def remember_command_sync(self, application_id: str, digest: str, *, now: datetime) -> None:
        """Note that the commands hashing to ``digest`` were registered for this application."""
        sql = (
            "INSERT INTO discord_command_sync (application_id, payload_hash, synced_at) "
            "VALUES (?, ?, ?) ON CONFLICT (application_id) DO UPDATE SET "
            "payload_hash = excluded.payload_hash, synced_at = excluded.synced_at"
        )
        self._write(lambda c: c.execute(sql, (application_id, digest, to_db(now))))


def _first(row: Sequence | None) -> str | None:
    return None if row is None else row[0]
