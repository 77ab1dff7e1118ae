"""The store: sources, articles with their briefings, full-text search, channel records.

One ``Store`` protocol, two engines behind it: SQLite (the embedded default) and
PostgreSQL (any number of processes); ``open_store`` picks one from ``[store] url``.

with open_store("briefing.db") as store:
    stored, status = store.upsert_article(article, briefing, text=..., content_hash=...,
                                          now=now)
    hits = store.search("cyber attack", limit=5, now=now)
"""

from summaries.store.batches import BatchStories, Incoming, Placed
from summaries.store.claims import Claims
from summaries.store.errors import OutdatedStoreError, StoreError, StoreUnavailableError
from summaries.store.opening import BOT_CACHE_KIB, open_store
from summaries.store.protocol import Store
from summaries.store.schema import MIGRATIONS, SCHEMA_VERSION
from summaries.store.search import (
    Query,
    Term,
    describe_query,
    nothing_to_search,
    parse_query,
    why_nothing,
)
from summaries.store.sources import CONFIGURED, Follower, Removal, SourceRecord
from summaries.store.story_briefings import MadeBriefing
from summaries.store.tenants import LimitReachedError, TenantSource
from summaries.store.textless import MissingPage
from summaries.store.types import NewerArticles, StoryChooser

__all__ = [
    "BOT_CACHE_KIB",
    "BatchStories",
    "Claims",
    "Incoming",
    "Placed",
    "LimitReachedError",
    "MadeBriefing",
    "MissingPage",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "NewerArticles",
    "Query",
    "CONFIGURED",
    "Follower",
    "Removal",
    "SourceRecord",
    "Store",
    "StoreError",
    "StoreUnavailableError",
    "OutdatedStoreError",
    "StoryChooser",
    "TenantSource",
    "Term",
    "describe_query",
    "why_nothing",
    "nothing_to_search",
    "open_store",
    "parse_query",
]
