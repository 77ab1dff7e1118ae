"""The briefing core: articles in, extractive briefings out. Imports nothing from ``bot``."""

from summaries.errors import (
    BinaryInputError,
    BriefingError,
    ConfigError,
    EmptyArticleError,
    InputError,
    InputTooLargeError,
    InvalidOptionError,
    UnknownMethodError,
)
from summaries.models import Article, Briefing, Hit, StoredArticle, Story, SummaryOptions
from summaries.store import Store, StoreError
from summaries.summarize import METHODS, summarize

__all__ = [
    "METHODS",
    "Article",
    "BinaryInputError",
    "Briefing",
    "BriefingError",
    "ConfigError",
    "EmptyArticleError",
    "Hit",
    "InputError",
    "InputTooLargeError",
    "InvalidOptionError",
    "Store",
    "StoreError",
    "Story",
    "StoredArticle",
    "SummaryOptions",
    "UnknownMethodError",
    "summarize",
]
