"""``Store``: what the bot and the core ask of the database, whichever engine holds it.

Two implementations, one code path: ``SQLiteStore`` (the embedded default, one file) and
``PostgresStore`` (any number of processes), both ``SqlStore`` with an engine's dialect
(see ``dialect.py``). Open one with :func:`summaries.store.open_store`. Every method is
one transaction; errors are ``StoreError`` (refused) or ``StoreUnavailableError`` (the
database cannot be used now), never a driver's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from datetime import date, datetime, timedelta
from types import TracebackType
from typing import Protocol

from summaries.config import ChannelSettings, ScheduleSettings
from summaries.models import (
    EVERYTHING,
    Article,
    Briefing,
    Channel,
    DigestRecord,
    Hit,
    Scope,
    StoredArticle,
    Story,
    StorySentence,
)
from summaries.store.batches import BatchStories, Incoming, Placed
from summaries.store.claims import Claims
from summaries.store.posting_slots import Slot
from summaries.store.sources import Removal, SourceRecord
from summaries.store.story_briefings import MadeBriefing
from summaries.store.tenants import TenantSource
from summaries.store.textless import MissingPage
from summaries.store.types import StoryChooser


class Store(Protocol):
    """The store's face; see the module docstring."""

    engine: str  # "sqlite" | "postgresql"
    path: str  # where the database is, as shown to a person (never a password)

    def __enter__(self) -> Store: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    def add_web_link(self, secret: str, *, now: datetime, expires: datetime) -> None:
        """Keep a new one-time link (its hash); links expired or used are dropped."""
        ...

    def use_web_link(self, secret: str, *, now: datetime) -> bool:
        """Whether ``secret`` is a link not used and not expired; it is used from now on."""
        ...

    def end_web_session(self, session_id: str, *, now: datetime, expires: datetime) -> None:
        """Keep that a dashboard session was signed out, until its cookie would have
        expired; sign-outs past that are dropped."""
        ...

    def web_sign_outs(self, *, now: datetime) -> dict[str, datetime]:
        """The dashboard sessions signed out whose cookies have not expired yet: id -> when
        they would."""
        ...

    def present_tenants(self) -> dict[str, str | None]:
        """The servers and workspaces the bot is in (it has not been removed): id -> name."""
        ...

    def articles_per_day(
        self, source_ids: Collection[int], since: datetime
    ) -> dict[int, dict[date, int]]:
        ...

    def digest_log(self, channel_ids: Collection[str], limit: int = 100) -> list[DigestRecord]:
        """The digests recorded for these channels, newest first."""
        ...

    def posted_per_digest(self, digest_ids: Collection[int]) -> dict[int, int]:
        """How many stories each of these digests posted (see ``dashboard.py``)."""
        ...

    def retry_source(self, url_or_id: str | int) -> SourceRecord | None:
        """Read the source at the next ingest."""
        ...

    def ensure_tenant(
        self, tenant: str, *, now: datetime, name: str | None = None, channels: Collection[str] = ()
    ) -> None:
        """The bot is in ``tenant`` (again)."""
        ...

    def has_left(self, tenant: str) -> bool:
        """Whether the bot was removed from ``tenant`` (and not added back)."""
        ...

    def note_source_add(self, tenant: str, *, now: datetime, per_hour: int) -> None:
        """Count a ``sources add``; LimitReachedError past ``per_hour`` this hour."""
        ...

    def subscribe(
        self,
        tenant: str,
        url: str,
        kind: str,
        *,
        added_by: str | None,
        now: datetime,
        max_sources: int,
    ) -> tuple[SourceRecord, str]:
        """See :func:`summaries.store.tenants.subscribe`: ("added" | "already")."""
        ...

    def unsubscribe(self, tenant: str, url_or_id: str | int) -> tuple[SourceRecord | None, str]:
        """See :func:`summaries.store.tenants.unsubscribe`: ("removed" | "operator" | "unknown")."""
        ...

    def tenant_sources(self, tenant: str, *, operator: bool) -> list[TenantSource]:
        """What ``tenant`` reads: its subscriptions, and the operator's sources if shared."""
        ...

    def mark_tenant_left(self, tenant: str, *, now: datetime) -> None:
        """The bot was removed from ``tenant``; see :meth:`forget_departed_tenants`."""
        ...

    def forget_departed_tenants(self, left_before: datetime) -> list[str]:
        """Delete the settings of tenants that left before ``left_before``; their ids."""
        ...

    def close(self) -> None: ...

    def add_source(
        self,
        url: str,
        kind: str,
        name: str | None = None,
        added_by: str | None = None,
        *,
        now: datetime | None = None,
    ) -> SourceRecord:
        """Add one of the operator's feeds, pages or folders (config.toml, the command line)."""
        ...

    def set_source_language(self, source_id: int, language: str | None) -> SourceRecord:
        """Declare the language of a source's articles (None: detect each one's)."""
        ...

    def sources_to_read(self) -> list[SourceRecord]:
        """The operator's sources and those some tenant subscribes to: what ingest fetches."""
        ...

    def remove_source(self, url_or_id: str | int) -> Removal | None:
        """The operator removes a source (its articles stay): whether it was deleted, and
        the servers and workspaces that followed it; None when there was none."""
        ...

    def list_sources(self) -> list[SourceRecord]: ...

    def get_source(self, url_or_id: str | int) -> SourceRecord | None:
        """By URL, or by id (an int, or a string of digits)."""
        ...

    def sources_named(self, url_or_id: str | int) -> list[SourceRecord]:
        """Every source ``url_or_id`` names, the one :meth:`get_source` finds first: by an
        address, each at it in any spelling or that moved from it (the one a server means
        is its own among them)."""
        ...

    def duplicate_sources(self) -> list[tuple[SourceRecord, SourceRecord]]:
        """Pairs of sources that read one feed under two spellings of its address, stored
        before addresses had one spelling (the first may have moved since): a person's to
        merge."""
        ...

    def move_source(self, source_id: int, url: str) -> bool:
        """Give a source the address it has moved to for good (its id, articles and
        validators kept); False, changing nothing, when another source has that address
        (in any spelling)."""
        ...

    def record_fetch(
        self,
        source_id: int,
        *,
        ok: bool,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        next_attempt_at: datetime | None = None,
        now: datetime,
    ) -> SourceRecord:
        """Note how a fetch went; see :func:`summaries.store.sources.record_fetch`."""
        ...

    def upsert_article(
        self,
        article: Article,
        briefing: Briefing,
        *,
        text: str,
        content_hash: str,
        source_id: int | None = None,
        story_id: int | None = None,
        link: str | None = None,
        now: datetime,
        choose_story: StoryChooser | None = None,
        language: str | None = None,
    ) -> tuple[StoredArticle, str]:
        """Store an article, read in ``language``, in one transaction."""
        ...

    def add_articles(
        self,
        items: Sequence[Incoming],
        stories: BatchStories,
        *,
        now: datetime,
        words: Counter[str] | None = None,
    ) -> list[Placed]:
        """Store a batch of articles in one transaction, each as :meth:`upsert_article`
        with a story chooser would, without reading them back: ids, stories, statuses.
        With ``words``, the new articles' words are counted there, not written."""
        ...

    def count_words(self, words: Counter[str]) -> None:
        """Add ``words`` to the word counts of prefix search, in a transaction of their
        own."""
        ...

    def bulk_insert(
        self,
        rows: Iterable[tuple[Article, Briefing, str, str]],
        batch: int = 10000,
        *,
        now: datetime | None = None,
    ) -> dict[str, int]:
        """Store many (article, briefing, text, content_hash) rows, one transaction per batch."""
        ...

    def optimize(self) -> None:
        """Merge the full-text index into one segment (after a bulk load; takes a while)."""
        ...

    def get_article(self, article_id: int) -> StoredArticle | None: ...

    def find(self, url: str | None = None, content_hash: str | None = None) -> StoredArticle | None:
        """The article at this canonical URL, else the one with this content hash."""
        ...

    def knows_link(self, url: str) -> bool:
        """Whether an article is stored at ``url``, or was fetched from it (a link alias)."""
        ...

    def swap_entry_links(self, source_id: int, links: dict[str, str]) -> int:
        """Move the articles that feed entries of ``links`` (entry id: link) were stored as
        when they swap addresses among themselves (two entries trading links); how many
        moved. Other moves are made as each entry is stored."""
        ...

    def record_entry_links(self, source_id: int, links: dict[str, str]) -> None:
        """Record each feed entry of ``links`` (entry id: link) that has no record yet as
        the article at its link, or fetched from it (see :mod:`summaries.store.entries`)."""
        ...

    def textless_entries(self, source_id: int) -> dict[str, str]:
        """The source's feed entries read without article text: each one's id and version
        (see :mod:`summaries.store.textless`)."""
        ...

    def keep_textless(self, source_id: int, entries: dict[str, str], now: datetime) -> None:
        """The source's entries without article text are ``entries`` (id: version) from now
        on; the others it had are forgotten."""
        ...

    def missing_pages(self, source_id: int) -> dict[str, MissingPage]:
        """The source's feed entries whose page answered that it is not there (404, 410),
        by entry (see :mod:`summaries.store.textless`)."""
        ...

    def keep_missing(self, source_id: int, pages: dict[str, MissingPage]) -> None:
        """The source's entries whose page is missing are ``pages`` from now on; the
        others it had are forgotten."""
        ...

    def articles_added_after(self, after_id: int) -> list[StoredArticle]:
        """Articles stored after article ``after_id`` (by any process), in that order."""
        ...

    def recent_articles(
        self,
        since: datetime,
        limit: int | None = None,
        *,
        scope: Scope = EVERYTHING,
        texts: bool = True,
    ) -> list[StoredArticle]:
        ...

    def articles_between(self, start: datetime, end: datetime) -> list[StoredArticle]:
        """Every article whose time (published, else first fetched) is in [start, end), by id."""
        ...

    def last_article_id(self) -> int:
        """The id of the latest article stored (0 when there is none)."""
        ...

    def set_story(self, article_id: int, story_id: int | None) -> None:
        """Put an article in a story (use the story's first article id as ``story_id``)."""
        ...

    def get_story(self, story_id: int, *, scope: Scope = EVERYTHING) -> Story:
        ...

    def count_articles(self) -> int: ...

    def search(
        self, query: str, *, limit: int = 5, now: datetime, scope: Scope = EVERYTHING
    ) -> list[Hit]:
        """The best ``limit`` stories for a user's keywords among what ``scope`` sees."""
        ...

    def get_channel(self, channel_id: str) -> Channel | None: ...

    def ensure_channel(
        self, channel_id: str, *, name: str | None = None, tenant: str | None = None
    ) -> Channel:
        """The channel's settings, created (no schedule, no topics) when missing."""
        ...

    def list_channels(self) -> list[Channel]: ...

    def add_topic(self, channel_id: str, topic: str) -> bool:
        """False when the channel already had it (case-insensitively)."""
        ...

    def remove_topic(self, channel_id: str, topic: str) -> bool:
        """False when the channel did not have it."""
        ...

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
        The next one is due at the first such time after ``now``."""
        ...

    def set_paused(self, channel_id: str, paused: bool, *, now: datetime | None = None) -> Channel:
        """Pause (no next run) or resume (next due after ``now``; a paused day is skipped)."""
        ...

    def seed_channel(
        self, entry: ChannelSettings, defaults: ScheduleSettings, *, now: datetime | None = None
    ) -> Channel:
        """Apply a config.toml ``[[channels]]`` entry if it is new or changed since last applied."""
        ...

    def forget_config_channels(self, keep: Collection[str]) -> list[Channel]:
        """Clear the schedule of channels config.toml set up but no longer lists (``keep``)."""
        ...

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
        ...

    def digest_record(self, channel_id: str, period: str) -> DigestRecord | None: ...

    def unsent_digests(self) -> list[DigestRecord]:
        """Recorded but neither sent nor given up, oldest first."""
        ...

    def mark_digest_sent(
        self, record_id: int, now: datetime, *, posted: Sequence[int] | None = None
    ) -> DigestRecord:
        """Sent: its stories (those ``posted``, when given) count as posted to the channel,
        and it is the channel's last digest."""
        ...

    def mark_stories_posted(self, record_id: int, story_ids: Sequence[int], now: datetime) -> None:
        """Part of a digest went out before its post failed: those stories count as posted."""
        ...

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
        ...

    def drop_digest_claim(self, record_id: int) -> None:
        """A claimed digest with nothing to post (``when_empty = "skip"``) is not recorded."""
        ...

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
        ...

    def claim_unsent_digests(
        self,
        now: datetime,
        *,
        lease: timedelta,
        platforms: Collection[str],
        limit: int = 100,
    ) -> list[DigestRecord]:
        """Take recorded, unsent digests of ``platforms`` that no process holds, for ``lease``."""
        ...

    def digest_lease(self, record_id: int) -> datetime | None:
        """Until when the process that claimed a recorded digest holds it."""
        ...

    def renew_digest_lease(
        self, record_id: int, *, held_until: datetime, lease_until: datetime, now: datetime
    ) -> bool:
        """Hold a digest being posted until ``lease_until``, if the lease held until
        ``held_until`` is still its own; False otherwise."""
        ...

    def pending_story_ids(self, channel_id: str) -> set[int]:
        """Stories waiting in the channel's recorded, unsent (not given up) digests."""
        ...

    def posted_story_ids(self, channel_id: str, among: Collection[int] | None = None) -> set[int]:
        """The stories posted to the channel (only those ``among``, when given: looked up
        one by one, however many the channel was posted)."""
        ...

    def first_shown_digest_at(self, channel_id: str) -> datetime | None:
        """When the channel's first digest that showed any story (in whole or in part) was
        recorded; None when none did."""
        ...

    def left_story_ids(self, channel_id: str) -> set[int]:
        """The stories the channel's last digest done with (sent or given up) named and did
        not post, when it was given up after showing some of them; else none."""
        ...

    def get_stories(
        self, story_ids: Sequence[int], *, scope: Scope = EVERYTHING, texts: bool = True
    ) -> dict[int, Story]:
        ...

    def topic_matches(
        self, topics: Sequence[str], article_ids: Collection[int]
    ) -> dict[str, dict[int, float]]:
        """For each topic, the relevance of those of ``article_ids`` that match it."""
        ...

    def take_posting_slot(
        self, name: str, *, size: int, hold: float, now: float | None = None
    ) -> Slot:
        """Take a free slot of the posting budget ``name`` every process shares (slots
        ``0..size-1``, a taken one free again after ``hold`` seconds if never given back),
        or learn how long until one is free; ``now``: seconds since the epoch, the
        database's clock when None."""
        ...

    def give_back_posting_slot(
        self, name: str, number: int, *, window: float, now: float | None = None
    ) -> None:
        """The post of slot ``number`` got its answer: the slot is free ``window`` seconds on."""
        ...

    def command_sync_hash(self, application_id: str) -> str | None:
        """The hash of the slash commands last registered for this application, if any."""
        ...

    def remember_command_sync(self, application_id: str, digest: str, *, now: datetime) -> None:
        """Note that the commands hashing to ``digest`` were registered for this application."""
        ...

    def save_story_briefing(
        self,
        story_id: int,
        sentences: tuple[StorySentence, ...],
        *,
        now: datetime,
        made_of: Collection[int] | None = None,
    ) -> bool:
        """Keep ``sentences`` as story ``story_id``'s briefing, if ``made_of`` (when given)
        is still the story's articles; whether it was kept."""
        ...

    def save_story_briefings(self, made: Sequence[MadeBriefing], *, now: datetime) -> list[bool]:
        """``save_story_briefing`` for each of ``made``, in one transaction; whether each
        was kept."""
        ...

    def unbriefed_stories(self, since: datetime, *, limit: int) -> list[int]:
        """The newest ``limit`` stories of several articles with one fetched since
        ``since`` that have no story briefing yet."""
        ...
