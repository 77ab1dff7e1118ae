"""The CPU side of ingest, run in worker processes: clean, summarize, fingerprint."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from summaries.grouping import Fingerprint, fingerprint
from summaries.models import Article, Briefing, SummaryOptions
from summaries.summarize import article_text, summarize_text


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article ready to store: its cleaned text, briefing and content hash."""

    article: Article
    text: str
    briefing: Briefing
    content_hash: str
    fingerprint: Fingerprint


def content_hash(text: str) -> str:
    """Identity of an article's content, blind to case and spacing."""
    normal = " ".join(text.lower().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def prepare(article: Article, options: SummaryOptions) -> Prepared:
    """Clean and summarize ``article``; raises an InputError for unusable input."""
    text = article_text(article)
    briefing = summarize_text(article.title, text, options)
    story_key = fingerprint(article.title, text, options.language)
    return Prepared(article, text, briefing, content_hash(text), story_key)


def fingerprints(articles: Sequence[tuple[str, str]], language: str) -> list[Fingerprint]:
    """The story fingerprints of stored (title, cleaned text) pairs, for grouping to compare
    new articles with."""
    return [fingerprint(title, text, language) for title, text in articles]
