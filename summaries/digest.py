"""A channel's digest: the new stories since its last one that match its topics, ranked.

Which stories: articles first fetched since the channel's last digest shown in full (the
last ``first_hours`` on its first; a few minutes more, ``OVERLAP``, so an article stored
while the last digest was being composed is not missed), as whole stories (every
outlet's article, so a story shows all its sources), minus the stories already
posted to the channel or waiting in one of its digests recorded but not yet sent.
Articles published more than ``max_age_hours`` ago are left out (a newly added
feed's back catalogue is not news); 0 keeps them. With topics, a story stays when
any of its new articles matches any topic (the same query language and stemming
as ``brief``).

Ranking multiplies three factors, each explainable to a reader of the digest:
- breadth: ``1 + log2(outlets)``: a story two outlets carry counts double;
- recency: ``1 + 0.5 ** (age / RECENCY_HALF_LIFE_HOURS)``, age from its newest article;
- match: ``1 + min(relevance, MATCH_CAP) / MATCH_CAP`` for the best-matching topic
  (1 without topics): a topic in the headline beats one in passing in the body.

Equal scores are ordered by publication time (newest first), then by story id. Before
them all come the stories the channel's last digest left, shown only in part (given up
after some of its messages went out: ``left_story_ids``), ranked alike: it said they are
left for the next digest, and ranked with what is newer they could give way to it for
good.

A digest shows briefings: its articles are read without their texts (up to
``MAX_CANDIDATES`` of them for each digest, of every channel).
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import datetime, timedelta

from summaries.models import (
    Channel,
    Digest,
    DigestRecord,
    DigestStory,
    Scope,
    StoredArticle,
    Story,
)
from summaries.store import Store

OVERLAP = timedelta(minutes=10)
RECENCY_HALF_LIFE_HOURS = 12.0
MATCH_CAP = 8.0
MAX_CANDIDATES = 5000  # newest articles considered for one digest


def compose_digest(
    store: Store,
    channel: Channel,
    *,
    now: datetime,
    period: str,
    max_stories: int = 10,
    first_hours: int = 24,
    max_age_hours: int = 0,
    shared: bool = True,
) -> Digest:
    """The digest ``channel`` would get at ``now`` (nothing is recorded): from the sources
    its server or workspace reads (see ``Scope.of_channel``; ``shared`` is ``[sources]
    shared``), each story showing only the outlets among them."""
    scope = Scope.of_channel(channel, shared=shared)
    since = channel.last_digest_at or _first_since(store, channel, now, first_hours)
    # read whole: its candidates (up to MAX_CANDIDATES) outnumber what most channels were
    # posted; a record and a resend, naming a few stories, ask about those only
    taken = store.posted_story_ids(channel.id) | store.pending_story_ids(channel.id)
    left = store.left_story_ids(channel.id)
    oldest = now - timedelta(hours=max_age_hours) if max_age_hours > 0 else None
    fresh = [
        article
        for article in store.recent_articles(
            since - OVERLAP, limit=MAX_CANDIDATES, scope=scope, texts=False
        )
        if _story_key(article) not in taken
        and (oldest is None or article.published is None or article.published >= oldest)
    ]
    matched = _matches(store, channel.topics, fresh)
    keys = {_story_key(a) for a in fresh if not channel.topics or a.id in matched}
    stories = store.get_stories(sorted(keys), scope=scope, texts=False)
    picked = []
    for story in stories.values():
        found = [matched.get(a.id, {}) for a in story.articles]
        topics = sorted({topic for scores in found for topic in scores})
        strength = max((s for scores in found for s in scores.values()), default=0.0)
        score = _score(story, strength if channel.topics else None, now)
        picked.append(DigestStory(story=story, score=score, matched=tuple(topics)))
    # Ties (stories a few weeks old all have a recency factor of 1) go to the story published
    # last, then to the higher id: ids follow the order ingest stored them in, which varies.
    picked.sort(
        key=lambda item: (
            item.story.id not in left,
            -item.score,
            -_newest(item.story).timestamp(),
            -item.story.id,
        )
    )
    return Digest(channel.id, period, since, now, tuple(picked[: max(0, max_stories)]))


def digest_from_record(store: Store, record: DigestRecord, *, shared: bool = True) -> Digest:
    """The digest a record names, for a resend: its stories in the same order, except those
    posted to the channel since (by another digest) or removed from the store."""
    posted = store.posted_story_ids(record.channel_id, record.story_ids)
    wanted = [key for key in record.story_ids if key not in posted]
    channel = store.get_channel(record.channel_id)
    scope = Scope.of_channel(channel, shared=shared) if channel is not None else Scope()
    stories = store.get_stories(wanted, scope=scope, texts=False)
    kept = tuple(DigestStory(story=stories[key], score=0.0) for key in wanted if key in stories)
    return Digest(
        record.channel_id, record.period, record.recorded_at, record.recorded_at, kept, record.id
    )


def as_recorded(store: Store, digest: Digest, channel: Channel, *, shared: bool = True) -> Digest:
    """``digest`` (composed for ``channel``) with its stories read again once its record
    names them: what is posted. A story that has lost every article meanwhile is left out.

    The composer reads the stories before the record names them (a scheduled digest's
    claim names none), and until then an updated article may still leave one of them for
    another story (``articles.upsert``, ``digests.is_out``): posted as composed, it would
    show in this digest and again, in its new story, in the next. Read after the record's
    transaction has committed, the stories have their articles for good: writes follow
    one another on both engines (SQLite's ``BEGIN IMMEDIATE``, PostgreSQL's write lock
    with each statement reading what was committed before it), so an update committed
    before the record is seen by this read, and one after it sees the record and keeps
    its article where it is. Order, scores and matched topics stay the composer's."""
    scope = Scope.of_channel(channel, shared=shared)
    wanted = [chosen.story.id for chosen in digest.stories]
    stories = store.get_stories(wanted, scope=scope, texts=False)
    kept = tuple(
        replace(chosen, story=stories[chosen.story.id])
        for chosen in digest.stories
        if chosen.story.id in stories
    )
    return replace(digest, stories=kept)


def _first_since(store: Store, channel: Channel, now: datetime, first_hours: int) -> datetime:
    """Where a channel none of whose digests was shown in full looks back from:
    ``first_hours`` before now, or before its first digest that showed some stories.

    Such a digest (given up after a message Slack may have posted, say) leaves the rest of
    its stories to the next one, which a later digest's own ``first_hours`` would no longer
    reach: it looks back as far as that first one did, as the next digest after one shown
    only in part always does (``digests.mark_digest_sent``), however much later it comes.
    """
    shown = store.first_shown_digest_at(channel.id)
    start = now if shown is None else min(shown, now)
    return start - timedelta(hours=first_hours)


def _story_key(article: StoredArticle) -> int:
    return article.story_id if article.story_id is not None else article.id


def _matches(
    store: Store, topics: tuple[str, ...], articles: list[StoredArticle]
) -> dict[int, dict[str, float]]:
    """article id -> {topic: relevance} for each topic the article matches."""
    if not topics or not articles:
        return {}
    found: dict[int, dict[str, float]] = {}
    for topic, scores in store.topic_matches(topics, [a.id for a in articles]).items():
        for article_id, relevance in scores.items():
            found.setdefault(article_id, {})[topic] = relevance
    return found


def _newest(story: Story) -> datetime:
    """When the story's newest article was published (else fetched)."""
    return max(a.published or a.fetched for a in story.articles)


def _score(story: Story, strength: float | None, now: datetime) -> float:
    outlets = len(story.sources)
    age_hours = max(0.0, (now - _newest(story)).total_seconds() / 3600)
    breadth = 1.0 + math.log2(max(1, outlets))
    recency = 1.0 + 0.5 ** (age_hours / RECENCY_HALF_LIFE_HOURS)
    match = 1.0 if strength is None else 1.0 + min(strength, MATCH_CAP) / MATCH_CAP
    return breadth * recency * match
