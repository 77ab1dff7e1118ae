"""Posting a channel's digest exactly once, as far as a chat API allows.

The order is what makes it so: compose, *record* (channel, period, story ids),
post, then mark the record sent. A second run for the same channel and period
finds the record and posts nothing ("already-sent"); a crash or a transient
failure between posting and marking leaves a record without ``sent_at``, which
:meth:`DigestDelivery.resend_unsent` posts again at the next start with the same
stories. The one duplicate a chat API cannot rule out is a post that reached
the platform but whose answer was lost before it was marked sent.

A resend posts only what is still new to the channel: when a later digest (a
``digest now``, say) already posted every story of an unsent record, the record is
marked sent with nothing posted.

A platform without an idempotency key for a message (Slack) may fail after it posted one
(a 5xx, a connection cut once the message went out): such a digest is given up at once
(``maybe-posted``), its stories up to that message counted as posted and the rest left for
the next digest, with a warning in the log and the reason in ``schedule show``. It may so
be missing in part, said so, but it never shows twice.

Failures: a permanent ``PostError`` (no permission, channel gone) gives the record
up (kept, with the reason, never retried) and pauses the channel's schedule, so the
job does not fail again every day (a ``malformed`` one, a message the platform refused
for what it is, gives up that digest only: the channel is fine); the log names the
channel and how to resume, and ``schedule show`` in the channel says why.
A transient one leaves the record unsent for the next resend (the runtime resends at
start and after every periodic ingest, so an outage at 08:00 does not wait for a
restart). Posting is never retried in a loop within one run. An unsent record
older than the grace period (``[digest] grace_hours``) is given up too: old news
is not a digest, and its stories stay unposted, so they are offered again.

Several processes: a digest record is held by one process at a time (its lease, taken
when the schedule claims it, when it is recorded, or by :meth:`resend_unsent` once
nobody holds it), so only the holder posts it; a record of a resent batch is posted
only while half of the batch's lease is left, and only if no other process has claimed
it since. While a digest is being posted its holder renews the lease, so a post held up
by the platform's rate limits is not taken over and posted again. A transient failure
lets go of it until
the retry is due (``RETRY``; at once when the platform's connection was not up, which
the schedule does not claim for anyway: it is posted as soon as it is). Every post
carries the key channel|period, from which a poster derives deterministic nonces: a
post repeated after a process died between the platform taking it and the record being
marked sent shows once on Discord.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import uuid
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime, timedelta

from bot.posting import PostError, Posters, resume_advice
from bot.text import sentence
from bot.views import digest_reply
from summaries.clock import Clock, utc_now
from summaries.config import DigestSettings
from summaries.digest import as_recorded, compose_digest, digest_from_record
from summaries.models import Digest, DigestRecord
from summaries.store import Store, StoreError

log = logging.getLogger("briefing.delivery")

LEASE = timedelta(minutes=2)  # a process that claimed a digest has this long to post it
_SAME_LEASE = timedelta(seconds=1)  # a lease read back as stored (to the microsecond)
RETRY = timedelta(minutes=5)  # after a transient failure, the next try (by any process)

SENT = "sent"
ALREADY_SENT = "already-sent"
EMPTY = "empty"
FAILED = "failed"
MALFORMED = "malformed"  # refused by the platform for what the message is: given up
MAYBE_POSTED = "maybe-posted"  # failed after it may have gone out: given up, not posted again


def now_period(moment: datetime) -> str:
    """The period of a ``digest now``: unique to the second it was asked for."""
    return "now:" + moment.astimezone(UTC).isoformat(timespec="seconds")


class DigestDelivery:
    """Compose, record, post and mark digests; every store call runs off the event loop."""

    def __init__(
        self,
        store: Store,
        posters: Posters,
        settings: DigestSettings,
        clock: Clock = utc_now,
        *,
        shared: bool = True,
        lease: timedelta = LEASE,
        retry: timedelta = RETRY,
    ) -> None:
        """``shared`` is ``[sources] shared``: whether every tenant's digests read the
        operator's sources (see ``summaries.models.Scope``); ``lease``: how long another
        process waits for this one to post a digest it holds; ``retry``: how long after a
        transient failure the digest is tried again."""
        self.store = store
        self.posters = posters
        self.settings = settings
        self.shared = shared
        self.clock = clock
        self.lease = lease
        self.retry = retry
        self._locks: dict[str, asyncio.Lock] = {}

    async def deliver(self, channel_id: str, period: str) -> str:
        """Post the digest of ``channel_id`` for ``period`` unless it was posted already.

        Returns "sent", "already-sent", "empty" (nothing new and ``when_empty = "skip"``),
        "malformed" (the platform refused the message itself: given up, the channel is
        fine), "maybe-posted" (failed after it may have gone out: given up, not posted
        again) or "failed" (logged; see the module's docstring for what happens next).
        """
        async with self._lock(channel_id):
            if not self.posters.can_post(channel_id):
                log.warning(
                    "digest %s for %s not posted: no connection to that platform runs here",
                    period,
                    channel_id,
                )
                return FAILED
            if await asyncio.to_thread(self._removed_from, channel_id):
                log.info(
                    "digest %s for %s not posted: the bot was removed from its server",
                    period,
                    channel_id,
                )
                return EMPTY  # nothing paused: a server that adds the bot back finds it as it was
            record = await asyncio.to_thread(self.store.digest_record, channel_id, period)
            if record is not None:
                return await self._resume(record)
            return await self._compose_and_post(channel_id, period)

    async def deliver_claimed(self, record: DigestRecord) -> str:
        """Post a digest the schedule claimed for this process (recorded, held by it)."""
        async with self._lock(record.channel_id):
            if await asyncio.to_thread(self._removed_from, record.channel_id):
                log.info(
                    "digest %s for %s not posted: the bot was removed from its server",
                    record.period,
                    record.channel_id,
                )
                if not record.composed:
                    await asyncio.to_thread(self.store.drop_digest_claim, record.id)
                return EMPTY
            return await self._resume(record)

    def _removed_from(self, channel_id: str) -> bool:
        channel = self.store.get_channel(channel_id)
        return (
            channel is not None
            and channel.tenant is not None
            and self.store.has_left(channel.tenant)
        )

    async def post_now(self, channel_id: str) -> str:
        """``digest now``: a digest outside the schedule, of the stories not yet posted."""
        return await self.deliver(channel_id, now_period(self.clock()))

    async def resend_unsent(self) -> int:
        """Post the recorded, unsent digests no process holds (left by a failure whose retry
        is due, or by a process that died) for the platforms that can post here now; returns
        how many were sent."""
        claimed_at = self.clock()
        records = await asyncio.to_thread(
            self.store.claim_unsent_digests,
            claimed_at,
            lease=self.lease,
            platforms=self.posters.ready_platforms(),
        )
        held_until = claimed_at + self.lease
        sent = 0
        for record in records:
            if await asyncio.to_thread(self._removed_from, record.channel_id):
                continue  # kept unsent: a server that adds the bot back gets it then
            async with self._lock(record.channel_id):
                if not await asyncio.to_thread(self._still_held, record.id, held_until):
                    continue  # left for a later claim, by this process or another
                fresh = await asyncio.to_thread(
                    self.store.digest_record, record.channel_id, record.period
                )
                if fresh is None or fresh.sent_at is not None:
                    continue
                if await self._resume(fresh) == SENT:
                    sent += 1
        return sent

    def _still_held(self, record_id: int, held_until: datetime) -> bool:
        """Whether this process still holds a record it claimed (its lease is the one taken
        then: no other process claimed it since), with half of the lease or more left to
        post it in. The records of one claim are posted one after another, and a slow post
        (a platform's own retries) must not leave the later ones posted on a lease that
        another process may already have taken over."""
        return self._same_lease(record_id, held_until) and (
            held_until - self.clock() >= self.lease / 2
        )

    def _same_lease(self, record_id: int, held_until: datetime) -> bool:
        """Whether a record is still held under the lease ``held_until``: no other process
        took it over since (nor was it let go)."""
        lease = self.store.digest_lease(record_id)
        return lease is not None and abs(lease - held_until) <= _SAME_LEASE

    # --- steps -------------------------------------------------------------------------------

    def _lock(self, channel_id: str) -> asyncio.Lock:
        """One delivery at a time per channel (a scheduled run and ``digest now`` may meet)."""
        return self._locks.setdefault(channel_id, asyncio.Lock())

    async def _compose_and_post(
        self, channel_id: str, period: str, claimed: DigestRecord | None = None
    ) -> str:
        """Choose the stories, record them (completing ``claimed``, the schedule's record
        without stories, when given), post."""
        now = self.clock()
        channel = await asyncio.to_thread(self.store.ensure_channel, channel_id)
        digest = await asyncio.to_thread(
            compose_digest,
            self.store,
            channel,
            now=now,
            period=period,
            max_stories=self.settings.max_stories,
            first_hours=self.settings.first_hours,
            max_age_hours=self.settings.max_age_hours,
            shared=self.shared,
        )
        if not digest.stories and self.settings.when_empty == "skip":
            log.info("digest %s for %s: no new stories, nothing posted", period, channel_id)
            if claimed is not None:
                await asyncio.to_thread(self.store.drop_digest_claim, claimed.id)
            return EMPTY
        story_ids = [chosen.story.id for chosen in digest.stories]
        # An announced empty digest is recorded too: it is posted once, like any other.
        record = await asyncio.to_thread(
            self.store.record_digest, channel_id, period, story_ids, now, hold=self.lease
        )
        if record.sent_at is not None:
            return ALREADY_SENT
        if list(record.story_ids) != story_ids:
            # recorded meanwhile by someone else, or some stories left to another digest of
            # the channel recorded first (``digests.record_digest``): the record's are posted
            digest = await asyncio.to_thread(
                digest_from_record, self.store, record, shared=self.shared
            )
        else:  # as they are now that the record holds them (see ``as_recorded``)
            digest = await asyncio.to_thread(
                as_recorded, self.store, digest, channel, shared=self.shared
            )
        if claimed is not None:  # held under the claim's lease, not whatever it is now
            record = dataclasses.replace(record, lease_until=claimed.lease_until)
        return await self._post(record, digest)

    async def _resume(self, record: DigestRecord) -> str:
        """A record that exists: sent, given up, too old, or to be posted again as it was."""
        if record.sent_at is not None:
            return ALREADY_SENT
        if record.gave_up_at is not None:
            return FAILED
        if not record.composed:  # claimed when due: its stories are chosen now
            return await self._compose_and_post(record.channel_id, record.period, record)
        age = self.clock() - record.recorded_at
        if age > timedelta(hours=self.settings.grace_hours):
            log.warning(
                "digest %s for %s was never posted and is %s old: given up",
                record.period,
                record.channel_id,
                _hours(age),
            )
            await self._failed(record, "not posted within the grace period", give_up=True)
            return FAILED
        digest = await asyncio.to_thread(digest_from_record, self.store, record, shared=self.shared)
        return await self._post(record, digest)

    async def _post(self, record: DigestRecord, digest: Digest) -> str:
        if record.story_ids and not digest.stories:
            # Every story went out meanwhile (a later digest posted them), lost all its
            # articles to other stories before it was recorded, or is no longer read here
            # (its source removed): nothing to post, and nothing counts as posted.
            await asyncio.to_thread(self._mark_sent, record, ())
            log.info(
                "digest %s for %s: its stories were all posted (or emptied) meanwhile, "
                "nothing posted",
                record.period,
                record.channel_id,
            )
            return EMPTY
        channel = await asyncio.to_thread(self.store.get_channel, record.channel_id)
        zone = channel.timezone if channel is not None else None
        reply = digest_reply(digest, when_empty=self.settings.when_empty, timezone=zone)
        if reply is None:  # recorded empty, and announcing was turned off since
            await asyncio.to_thread(self._mark_sent, record, ())
            return EMPTY
        held = record.lease_until
        if held is not None and not await asyncio.to_thread(self._same_lease, record.id, held):
            log.info(
                "digest %s for %s: its lease ran out before it was posted and another process "
                "took it over; it is that one's to post",
                record.period,
                record.channel_id,
            )
            return ALREADY_SENT
        try:
            async with self._held(record, held):
                await self.posters.post(record.channel_id, reply, key=digest_key(record))
        except PostError as error:
            if error.posted_story_ids:  # part of it went out: a retry posts only the rest
                await asyncio.to_thread(
                    self.store.mark_stories_posted,
                    record.id,
                    error.posted_story_ids,
                    self.clock(),
                )
            if error.maybe_posted:
                log.warning(
                    "digest %s for %s is given up: %s",
                    record.period,
                    record.channel_id,
                    error,
                )
                await self._failed(record, str(error), give_up=True)
                return MAYBE_POSTED
            if not error.permanent:
                log.warning(
                    "digest %s for %s not posted, it is tried again later: %s",
                    record.period,
                    record.channel_id,
                    error,
                )
            await self._failed(record, str(error), give_up=error.permanent)
            if error.malformed:  # the channel is fine: its next digest is posted as usual
                log.error(
                    "digest %s for %s was refused as malformed, given up: %s",
                    record.period,
                    record.channel_id,
                    error,
                )
                return MALFORMED
            if error.permanent:
                await self._unreachable(record, error)
            return FAILED
        except Exception:  # a bug in a poster must not stop the schedule
            incident = uuid.uuid4().hex[:8]
            log.exception(
                "incident %s posting digest %s for %s", incident, record.period, record.channel_id
            )
            await self._failed(record, f"unexpected error (incident {incident})", give_up=False)
            return FAILED
        await asyncio.to_thread(self._mark_sent, record, [c.story.id for c in digest.stories])
        log.info(
            "digest %s for %s posted (%d stories)",
            record.period,
            record.channel_id,
            len(digest.stories),
        )
        return SENT

    @contextlib.asynccontextmanager
    async def _held(self, record: DigestRecord, held: datetime | None) -> AsyncIterator[None]:
        """While ``record`` is being posted, the lease it is ``held`` under (the one taken
        with its claim or record, never one read since: that may be another process's) is
        renewed every third of ``lease``: a platform's own waits (Slack's and Discord's
        429s, up to a minute each, several times a message) may outlast it, and another
        process must not take the digest over meanwhile and post it again. A lease that ran
        out anyway, or that another process took, is left alone."""

        async def keep() -> None:
            nonlocal held
            while held is not None:
                await asyncio.sleep(self.lease.total_seconds() / 3)
                now = self.clock()
                until = now + self.lease
                try:
                    renewed = await asyncio.to_thread(
                        self.store.renew_digest_lease,
                        record.id,
                        held_until=held,
                        lease_until=until,
                        now=now,
                    )
                except StoreError as error:  # the post goes on; the lease runs out
                    log.warning(
                        "digest %s for %s: its lease was not renewed: %s",
                        record.period,
                        record.channel_id,
                        error,
                    )
                    return
                held = until if renewed else None

        keeper = asyncio.create_task(keep())
        try:
            yield
        finally:
            keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await keeper

    def _mark_sent(self, record: DigestRecord, posted: Sequence[int]) -> None:
        """Sent: only the stories ``posted`` count as shown in the channel (a story of the
        record left out of the post is not, so a later digest may still post it)."""
        self.store.mark_digest_sent(record.id, self.clock(), posted=posted)

    async def _unreachable(self, record: DigestRecord, error: PostError) -> None:
        """The bot may not post in the channel: pause its schedule rather than fail daily."""
        channel = await asyncio.to_thread(self.store.get_channel, record.channel_id)
        if channel is None or channel.time is None or channel.paused:
            log.error(
                "digest %s for %s cannot be posted, given up: %s",
                record.period,
                record.channel_id,
                error,
            )
            return
        await asyncio.to_thread(self.store.set_paused, channel.id, True, now=self.clock())
        log.error(
            "digest %s for %s cannot be posted, given up: %s The channel's digests are paused. %s",
            record.period,
            record.channel_id,
            sentence(str(error)),
            resume_advice(str(error)),
        )

    async def _failed(self, record: DigestRecord, reason: str, *, give_up: bool) -> None:
        now = self.clock()
        connected = self.posters.ready(record.channel_id)
        await asyncio.to_thread(
            self.store.mark_digest_failed,
            record.id,
            reason,
            give_up=give_up,
            now=now,
            retry_at=now + self.retry if connected else None,
        )


def digest_key(record: DigestRecord) -> str:
    """What identifies a digest's post on the platform, whichever process makes it."""
    return f"{record.channel_id}|{record.period}"


def _hours(age: timedelta) -> str:
    return f"{age.total_seconds() / 3600:.1f} hours"
