"""Summarizing: one call, :func:`summarize`, and the methods it can use."""

from summaries.summarize.methods import METHODS, Method, get_method
from summaries.summarize.pipeline import (
    MAX_SENTENCES,
    MAX_TEXT_CHARS,
    READ_CHARS,
    article_text,
    article_texts,
    summarize,
    summarize_text,
    summary_text,
)

__all__ = [
    "MAX_SENTENCES",
    "MAX_TEXT_CHARS",
    "READ_CHARS",
    "METHODS",
    "Method",
    "article_text",
    "article_texts",
    "get_method",
    "summarize",
    "summarize_text",
    "summary_text",
]
