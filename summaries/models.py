"""The values that cross module borders: plain frozen dataclasses, never sumy types."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from summaries.sites import site_of


@dataclass(frozen=True, slots=True)
class Article:
    """A news article as read from a source, before summarizing."""

    title: str
    text: str
    url: str | None = None  # canonical URL when known
    source: str | None = None  # the outlet or source it came from (feed title, site name)
    published: datetime | None = None  # timezone-aware (UTC) when known
    author: str | None = None
    image: str | None = None  # lead image URL
    language: str | None = None  # declared (its source's): read in it, never detected


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    """How long a briefing may be, and how it is made."""

    method: str = "default"
    sentences: int = 3
    max_chars: int = 1000
    language: str = "english"  # an article's language when it is neither declared nor detected


@dataclass(frozen=True, slots=True)
class Briefing:
    """An extractive briefing: whole sentences of the article, in article order."""

    sentences: tuple[str, ...]
    method: str
    source_sentences: int = 0

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the store holds it: cleaned text and its briefing, made at ingest."""

    id: int
    title: str
    url: str | None
    source: str | None
    published: datetime | None
    fetched: datetime
    text: str
    briefing: tuple[str, ...]
    method: str
    content_hash: str
    story_id: int | None = None
    author: str | None = None
    image: str | None = None
    language: str | None = None  # what it was read in (None: stored before languages were)


@dataclass(frozen=True, slots=True)
class StorySentence:
    """A sentence of a story's briefing, with the article (and outlet) it comes from."""

    text: str
    article_id: int
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Story:
    """One news event: the articles of every outlet that reported it.

    ``briefing`` is the story's own briefing, across its outlets (made at ingest when a
    story gains an article; see :mod:`summaries.story_briefing`); empty for a story of one
    article, or when the articles it quotes are not all in view: then the lead article's
    briefing is the story's.
    """

    id: int
    articles: tuple[StoredArticle, ...]
    briefing: tuple[StorySentence, ...] = ()

    @property
    def lead(self) -> StoredArticle:
        """The article that represents the story (the earliest, then the longest briefing)."""
        return self.articles[0]

    @property
    def sources(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for article in self.articles:
            # an article stored without its outlet (by an older version) shows its site
            seen.setdefault(article.source or site_of(article.url) or "unknown", None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Hit:
    """A search result: a story and how well it matched."""

    story: Story
    score: float


def platform_of(channel_id: str) -> str:
    """The platform a channel id names: ``"discord:123"`` -> ``"discord"``, ``"console"``."""
    return channel_id.split(":", 1)[0]


@dataclass(frozen=True, slots=True)
class Channel:
    """A chat channel's digest settings, as the store holds them."""

    id: str  # "discord:123", "slack:C1", "console"
    platform: str
    name: str | None
    topics: tuple[str, ...]  # keywords or quoted phrases; empty = every story
    time: str | None  # "HH:MM" in ``timezone``; None = no scheduled digest
    timezone: str  # IANA name
    paused: bool
    last_digest_at: datetime | None  # when the last digest sent was composed
    tenant: str | None = None  # the server or workspace it is in, once known
    configured: bool = False  # set up by a [[channels]] entry of config.toml
    next_run_at: datetime | None = None  # when its digest is next due (None: not scheduled)


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose sources a search or a digest reads.

    A tenant (one Discord server, one Slack workspace, the console) sees the sources it
    subscribes to, plus the operator's (config.toml, ``briefing sources add``) when
    ``operator`` is set. ``everything`` is the operator's own view (the command line).
    """

    tenant: str | None = None
    operator: bool = True
    everything: bool = False

    @classmethod
    def of_tenant(cls, tenant: str | None, *, shared: bool) -> Scope:
        """What a command in ``tenant`` reads: its subscriptions, and the operator's sources
        when ``shared`` (``[sources] shared``) or in the console, the operator's own."""
        return cls(tenant=tenant, operator=shared or tenant == CONSOLE)

    @classmethod
    def of_channel(cls, channel: Channel, *, shared: bool) -> Scope:
        """What a channel's digest reads: as its tenant does; the operator's sources also
        when the operator set the channel up (config.toml) or its tenant is not known yet
        (a channel set up before tenants existed keeps reading what it read)."""
        own = channel.configured or channel.tenant is None
        return cls(
            tenant=channel.tenant,
            operator=own or cls.of_tenant(channel.tenant, shared=shared).operator,
        )


CONSOLE = "console"  # the console's tenant, channel and user id
EVERYTHING = Scope(everything=True)


@dataclass(frozen=True, slots=True)
class DigestStory:
    """A story picked for a digest: its score and the channel topics it matched."""

    story: Story
    score: float
    matched: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Digest:
    """The stories for one channel and period (``period`` names the slot, e.g. a date)."""

    channel_id: str
    period: str
    since: datetime
    until: datetime
    stories: tuple[DigestStory, ...]
    record_id: int | None = None  # set once the digest is recorded in the store


@dataclass(frozen=True, slots=True)
class DigestRecord:
    """A digest as recorded before sending: which stories, and whether it was sent."""

    id: int
    channel_id: str
    period: str
    story_ids: tuple[int, ...]
    recorded_at: datetime
    sent_at: datetime | None
    error: str | None = None  # why the last attempt to post it failed
    gave_up_at: datetime | None = None  # when retrying was given up (never posted again)
    composed: bool = True  # False: claimed when due, its stories not chosen yet
    # until when a process holds it to post it, as it was read: the lease taken with a claim
    # or a record is the taker's own (not compared: it moves while the digest is the same)
    lease_until: datetime | None = field(default=None, compare=False)
