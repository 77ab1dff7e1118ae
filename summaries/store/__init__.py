"""The SQLite store: sources, articles with their briefings, full-text search.

with Store.open("briefing.db") as store:
    stored, status = store.upsert_article(article, briefing, text=..., content_hash=...,
                                          now=now)
    hits = store.search("cyber attack", limit=5, now=now)
"""

from summaries.store.batches import BatchStories, Incoming, Placed
from summaries.store.database import BOT_CACHE_KIB, NewerArticles, Store, StoryChooser
from summaries.store.errors import StoreError
from summaries.store.schema import MIGRATIONS, SCHEMA_VERSION
from summaries.store.search import Query, Term, describe_query, parse_query
from summaries.store.sources import SourceRecord
from summaries.store.tenants import LimitReachedError, TenantSource

__all__ = [
    "BOT_CACHE_KIB",
    "BatchStories",
    "Incoming",
    "Placed",
    "LimitReachedError",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "NewerArticles",
    "Query",
    "SourceRecord",
    "Store",
    "StoreError",
    "StoryChooser",
    "TenantSource",
    "Term",
    "describe_query",
    "parse_query",
]
