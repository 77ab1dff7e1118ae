"""Summarizing: one call, :func:`summarize`, and the methods it can use."""

from summaries.summarize.methods import METHODS, Method, get_method
from summaries.summarize.pipeline import MAX_SENTENCES, MAX_TEXT_CHARS, READ_CHARS, summarize

__all__ = [
    "MAX_SENTENCES",
    "MAX_TEXT_CHARS",
    "READ_CHARS",
    "METHODS",
    "Method",
    "get_method",
    "summarize",
]
