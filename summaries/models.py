"""The values that cross module borders: plain frozen dataclasses, never sumy types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    """How long a briefing may be, and how it is made."""

    method: str = "default"
    sentences: int = 3
    max_chars: int = 1000
    language: str = "english"


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


@dataclass(frozen=True, slots=True)
class Story:
    """One news event: the articles of every outlet that reported it."""

    id: int
    articles: tuple[StoredArticle, ...]

    @property
    def lead(self) -> StoredArticle:
        """The article that represents the story (the earliest, then the longest briefing)."""
        return self.articles[0]

    @property
    def sources(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for article in self.articles:
            seen.setdefault(article.source or article.url or "unknown", None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Hit:
    """A search result: a story and how well it matched."""

    story: Story
    score: float
