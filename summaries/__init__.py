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
from summaries.models import Article, Briefing, SummaryOptions
from summaries.summarize import METHODS, summarize

__all__ = [
    "METHODS",
    "Article",
    "BinaryInputError",
    "Briefing",
    "BriefingError",
    "ConfigError",
    "EmptyArticleError",
    "InputError",
    "InputTooLargeError",
    "InvalidOptionError",
    "SummaryOptions",
    "UnknownMethodError",
    "summarize",
]
