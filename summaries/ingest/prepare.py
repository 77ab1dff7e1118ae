"""The CPU side of ingest, run in worker processes: clean, summarize, fingerprint."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from summaries.grouping import Fingerprint, fingerprint
from summaries.language import canonical_language
from summaries.models import Article, Briefing, SummaryOptions
from summaries.summarize import article_texts, summarize_text, summary_text


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article ready to store.

    ``text`` is its main text (stored, searched, hashed); ``summary_text`` the sentences
    of it that the briefing quotes and the story ``fingerprint`` is made from (the store
    keeps ``text`` only: ``summary_text(text, title, language)`` gives them again);
    ``language`` the one it was read in.
    """

    article: Article
    text: str
    summary_text: str
    briefing: Briefing
    content_hash: str
    fingerprint: Fingerprint
    language: str = "english"


def content_hash(text: str) -> str:
    """Identity of an article's stored text, blind to case and spacing: an article whose
    main text changed (a corrected table, an added paragraph) is stored again."""
    normal = " ".join(text.lower().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def prepare(article: Article, options: SummaryOptions) -> Prepared:
    """Clean and summarize ``article``; raises an InputError for unusable input."""
    text, sentences, language = article_texts(article, options.language)
    briefing = summarize_text(article.title, sentences, replace(options, language=language))
    story_key = fingerprint(article.title, sentences, language)
    return Prepared(article, text, sentences, briefing, content_hash(text), story_key, language)


def fingerprints(
    articles: Sequence[tuple[str, str, str | None]], fallback: str
) -> list[Fingerprint]:
    """The story fingerprints of stored (title, stored main text, language) triples, made
    from the text's sentences as ``prepare`` made them, for grouping to compare new articles
    with; an article stored without its language is taken to be in ``fallback``."""
    found = []
    for title, text, language in articles:
        language = language or canonical_language(fallback)
        found.append(fingerprint(title, summary_text(text, title, language), language))
    return found
